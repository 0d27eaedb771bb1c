/**
 * AWS Regions the platform deploys to and the Availability Zone codes each may have. Pure data (no Pulumi import) so
 * stack config, components and the policy pack share one table.
 *
 * Source: AWS Global Infrastructure, "AWS Availability Zones" (docs.aws.amazon.com/global-infrastructure/latest/regions/
 * aws-availability-zones.html): an AZ code is the Region code plus a letter. In the oldest Regions codes are mapped
 * per account and some letters are not offered to every account (us-west-1 shows two of a–c, ap-northeast-1 three of
 * a–d), so this table lists every letter that exists in the Region; an account may still lack one of them.
 * Opt-in Regions are included; a Region missing here is refused until it is added (with its AZ letters).
 */
export const REGION_AZ_LETTERS: Readonly<Record<string, string>> = {
    "us-east-1": "abcdef",
    "us-east-2": "abc",
    "us-west-1": "abc",
    "us-west-2": "abcd",
    "ca-central-1": "abd",
    "ca-west-1": "abc",
    "mx-central-1": "abc",
    "sa-east-1": "abc",
    "eu-west-1": "abc",
    "eu-west-2": "abc",
    "eu-west-3": "abc",
    "eu-central-1": "abc",
    "eu-central-2": "abc",
    "eu-north-1": "abc",
    "eu-south-1": "abc",
    "eu-south-2": "abc",
    "af-south-1": "abc",
    "me-south-1": "abc",
    "me-central-1": "abc",
    "il-central-1": "abc",
    "ap-east-1": "abc",
    "ap-east-2": "abc",
    "ap-south-1": "abc",
    "ap-south-2": "abc",
    "ap-northeast-1": "abcd",
    "ap-northeast-2": "abcd",
    "ap-northeast-3": "abc",
    "ap-southeast-1": "abc",
    "ap-southeast-2": "abc",
    "ap-southeast-3": "abc",
    "ap-southeast-4": "abc",
    "ap-southeast-5": "abc",
    "ap-southeast-7": "abc",
};

export const KNOWN_REGIONS: readonly string[] = Object.keys(REGION_AZ_LETTERS);

export function isKnownRegion(region: string): boolean {
    return Object.prototype.hasOwnProperty.call(REGION_AZ_LETTERS, region);
}

/** The AZ codes that exist in `region` (empty for a Region not in the table). */
export function availabilityZonesOf(region: string): string[] {
    return isKnownRegion(region) ? [...REGION_AZ_LETTERS[region]].map((letter) => `${region}${letter}`) : [];
}

/** The Region an AZ code belongs to (`us-east-1a` → `us-east-1`), or undefined when the code is not an AZ code. */
export function regionOfAvailabilityZone(az: string): string | undefined {
    return /^([a-z]{2}(?:-[a-z]+)+-\d+)[a-z]$/.exec(az)?.[1];
}

export function isAvailabilityZoneOf(region: string, az: string): boolean {
    return availabilityZonesOf(region).includes(az);
}
