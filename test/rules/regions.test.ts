import * as assert from "assert";
import { availabilityZonesOf, isAvailabilityZoneOf, isKnownRegion, KNOWN_REGIONS, REGION_AZ_LETTERS, regionOfAvailabilityZone } from "../../lib/rules/regions";

/**
 * AWS Global Infrastructure, "AWS Availability Zones": "Each Region has at least three Availability Zones", and an AZ
 * code is "its Region code followed by a letter identifier" (its example: us-east-2a, us-east-2b, us-east-2c).
 * Regions with more than three, or with a gap in their letters, restated from the AZ table (AZ IDs per Region) and the
 * codes accounts see: us-east-1 has six AZs (a–f), us-west-2 four, ap-northeast-2 four; ca-central-1 has a, b, d (no c);
 * ap-northeast-1 a–d (b only for some older accounts).
 */
const MORE_THAN_THREE_OR_GAPPED: Record<string, string[]> = {
    "us-east-1": ["a", "b", "c", "d", "e", "f"],
    "us-west-2": ["a", "b", "c", "d"],
    "ca-central-1": ["a", "b", "d"],
    "ap-northeast-1": ["a", "b", "c", "d"],
    "ap-northeast-2": ["a", "b", "c", "d"],
};

describe("lib/rules/regions", () => {
    it("every Region in the table has at least three AZ codes, each the Region code plus one letter, without repeats", () => {
        assert.ok(KNOWN_REGIONS.length >= 30, `${KNOWN_REGIONS.length} Regions`);
        for (const region of KNOWN_REGIONS) {
            const zones = availabilityZonesOf(region);
            assert.ok(zones.length >= 3, `${region}: ${zones.join(", ")}`);
            assert.strictEqual(new Set(zones).size, zones.length, region);
            for (const az of zones) {
                assert.match(az, /^[a-z]+(-[a-z]+)+-\d+[a-f]$/, az);
                assert.strictEqual(az.slice(0, -1), region, az);
                assert.strictEqual(regionOfAvailabilityZone(az), region, az);
                assert.ok(isAvailabilityZoneOf(region, az), az);
            }
        }
    });

    it("lists us-east-2's zones as the user guide's example does", () => {
        assert.deepStrictEqual(availabilityZonesOf("us-east-2"), ["us-east-2a", "us-east-2b", "us-east-2c"]);
    });

    for (const [region, letters] of Object.entries(MORE_THAN_THREE_OR_GAPPED)) {
        it(`${region}: zones ${letters.join(", ")}`, () => {
            assert.deepStrictEqual(availabilityZonesOf(region), letters.map((l) => `${region}${l}`));
        });
    }

    it("knows the commercial Regions the platform deploys to (opt-in ones too), and KNOWN_REGIONS is the table's keys", () => {
        for (const region of ["us-east-1", "us-east-2", "us-west-2", "eu-west-1", "eu-central-1", "eu-central-2", "ap-southeast-2", "ap-east-2", "mx-central-1", "il-central-1"]) {
            assert.ok(isKnownRegion(region), region);
            assert.ok(KNOWN_REGIONS.includes(region), region);
        }
        assert.deepStrictEqual([...KNOWN_REGIONS].sort(), Object.keys(REGION_AZ_LETTERS).sort());
    });

    it("refuses a Region missing from the table (GovCloud, China, typos) and names no zones for it", () => {
        for (const region of ["us-gov-west-1", "cn-north-1", "us-east-3", "US-EAST-1", "us-east-1a", "", "toString", "constructor", "__proto__", "hasOwnProperty"]) {
            assert.strictEqual(isKnownRegion(region), false, region);
            assert.deepStrictEqual(availabilityZonesOf(region), [], region);
            assert.strictEqual(isAvailabilityZoneOf(region, `${region}a`), false, region);
        }
    });

    it("an AZ belongs to its own Region only, and only the letters that exist", () => {
        assert.strictEqual(isAvailabilityZoneOf("us-east-1", "us-east-1f"), true);
        assert.strictEqual(isAvailabilityZoneOf("us-east-1", "us-east-1g"), false);
        assert.strictEqual(isAvailabilityZoneOf("us-east-2", "us-east-1a"), false);
        assert.strictEqual(isAvailabilityZoneOf("eu-west-1", "eu-west-1d"), false);
        assert.strictEqual(isAvailabilityZoneOf("ca-central-1", "ca-central-1c"), false);
        assert.strictEqual(isAvailabilityZoneOf("us-east-1", "use1-az1"), false, "an AZ ID is not an AZ code");
        assert.strictEqual(isAvailabilityZoneOf("us-east-1", "us-east-1"), false);
    });

    it("regionOfAvailabilityZone takes the letter off an AZ code, and refuses anything else", () => {
        const cases: Array<[string, string | undefined]> = [
            ["us-east-1a", "us-east-1"],
            ["eu-central-2c", "eu-central-2"],
            ["ap-southeast-7b", "ap-southeast-7"],
            ["us-gov-west-1a", "us-gov-west-1"],      // several words between the area and the number
            ["ap-southeast-12a", "ap-southeast-12"],  // Region numbers are not limited to one digit
            ["us-east-1", undefined],                  // a Region, not an AZ
            ["us-east-1ab", undefined],                // one letter only
            ["us-east-1-bos-1a", undefined],           // a Local Zone
            ["use1-az1", undefined],                   // an AZ ID
            ["US-EAST-1A", undefined],
            ["xus-east-1a", undefined],                // the area code has two letters, not three
            ["u-east-1a", undefined],                  // … nor one
            ["us-1a", undefined],                      // no location word
            ["us-east-a", undefined],                  // no number
            ["us-east-1 a", undefined],
            [" us-east-1a", undefined],
            ["us-east-1a ", undefined],
            ["us_east-1a", undefined],
            ["", undefined],
        ];
        for (const [az, region] of cases) assert.strictEqual(regionOfAvailabilityZone(az), region, az);
    });
});
