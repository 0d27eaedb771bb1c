import { IPv4CidrRange, IPv4Prefix } from "ip-num";

/**
 * The platform's subnet layout, pure (no Pulumi import): the Network component, stack config and tests read it.
 * Each tier owns a quarter of the VPC block (the fourth quarter is kept free for later tiers), cut into 8 equal
 * subnets, one per AZ index.
 */
export type SubnetTier = "public" | "app" | "data";

export const SUBNET_TIERS: readonly SubnetTier[] = ["public", "app", "data"];

/** Quarter of the VPC block each tier owns. */
const TIER_QUARTER: Record<SubnetTier, number> = { public: 0, app: 1, data: 2 };

/** Each tier's quarter is cut into 8 equal subnets, one per AZ index: up to 8 AZs. */
export const MAX_AZS = 8;

/** VPC prefixes the layout supports: /16 (the largest VPC AWS allows) to /22 (three tiers of 8 × /27). */
export const MIN_VPC_PREFIX = 16;
export const MAX_VPC_PREFIX = 22;

/** Why `vpcCidr` cannot hold the layout, or undefined. */
export function vpcCidrProblem(vpcCidr: string): string | undefined {
    let vpc: IPv4CidrRange;
    try {
        vpc = IPv4CidrRange.fromCidr(vpcCidr);
    } catch {
        return `${vpcCidr} is not an IPv4 CIDR block`;
    }
    const prefix = Number(vpc.cidrPrefix.getValue());
    if (prefix < MIN_VPC_PREFIX || prefix > MAX_VPC_PREFIX) {
        return `VPC ${vpcCidr} must have a prefix between /${MIN_VPC_PREFIX} and /${MAX_VPC_PREFIX} (three tiers of ${MAX_AZS} subnets)`;
    }
    return undefined;
}

/**
 * The CIDR of the subnet for (tier, AZ index). It depends on nothing else — not on how many AZs there are — so
 * adding an AZ adds subnets and never re-cuts existing ones. For 10.0.0.0/16: public 10.0.0.0/21, 10.0.8.0/21, …;
 * app 10.0.64.0/21, 10.0.72.0/21, …; data 10.0.128.0/21, 10.0.136.0/21, …; 10.0.192.0/18 is unused.
 */
export function subnetCidr(vpcCidr: string, tier: SubnetTier, azIndex: number): string {
    if (!Number.isInteger(azIndex) || azIndex < 0 || azIndex >= MAX_AZS) {
        throw new Error(`subnet layout supports AZ index 0–${MAX_AZS - 1}, got ${azIndex}`);
    }
    const problem = vpcCidrProblem(vpcCidr);
    if (problem) {
        throw new Error(problem);
    }
    const vpc = IPv4CidrRange.fromCidr(vpcCidr);
    const vpcPrefix = Number(vpc.cidrPrefix.getValue());
    const quarter = vpc.splitInto(new IPv4Prefix(BigInt(vpcPrefix + 2)))[TIER_QUARTER[tier]];
    return quarter.splitInto(new IPv4Prefix(BigInt(vpcPrefix + 5)))[azIndex].toCidrString();
}

/** Explicit subnet CIDRs per tier, by AZ index (entry i is AZ i's subnet): for layouts an application guide fixes. */
export type SubnetCidrs = Record<SubnetTier, string[]>;

/**
 * Why explicit subnet CIDRs cannot be used in `vpcCidr` for `azCount` AZs, or undefined. Each list is keyed by AZ
 * index like the computed layout, so it is just as stable: adding an AZ uses the next entry and never re-cuts a subnet.
 */
export function subnetCidrsProblem(vpcCidr: string, azCount: number, cidrs: SubnetCidrs): string | undefined {
    const vpc = IPv4CidrRange.fromCidr(vpcCidr);
    const all: Array<{ cidr: string; range: IPv4CidrRange }> = [];
    for (const tier of ["public", "app", "data"] as const) {
        const list = cidrs[tier] ?? [];
        if (list.length < azCount) {
            return `${tier} lists ${list.length} CIDRs for ${azCount} availability zones; give one per AZ, in AZ order`;
        }
        for (const cidr of list) {
            let range: IPv4CidrRange;
            try {
                range = IPv4CidrRange.fromCidr(cidr);
            } catch {
                return `${tier} CIDR ${cidr} is not an IPv4 CIDR block`;
            }
            const prefix = Number(range.cidrPrefix.getValue());
            if (prefix < 16 || prefix > 28) {
                return `${tier} CIDR ${cidr}: AWS subnets are /16 to /28`;
            }
            if (!vpc.contains(range)) {
                return `${tier} CIDR ${cidr} is outside the VPC block ${vpcCidr}`;
            }
            const clash = all.find((other) => other.range.isOverlapping(range));
            if (clash) {
                return `${tier} CIDR ${cidr} overlaps ${clash.cidr}`;
            }
            all.push({ cidr, range });
        }
    }
    return undefined;
}
