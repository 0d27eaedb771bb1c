import * as assert from "assert";
import fc from "fast-check";
import { MAX_AZS, MAX_VPC_PREFIX, MIN_VPC_PREFIX, subnetCidr, SUBNET_TIERS, vpcCidrProblem } from "../../lib/rules/subnet-layout";

/** [first, last] address of a CIDR block as unsigned 32-bit numbers, computed independently of ip-num. */
function range(cidr: string): [number, number] {
    const [address, prefixText] = cidr.split("/");
    const prefix = Number(prefixText);
    const value = address.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
    const size = 2 ** (32 - prefix);
    assert.strictEqual(value % size, 0, `${cidr} is not aligned to its prefix`);
    return [value, value + size - 1];
}

function toCidr(value: number, prefix: number): string {
    return `${[24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".")}/${prefix}`;
}

/** Any VPC block the layout accepts: a prefix from /16 to /22, aligned anywhere in the IPv4 space. */
const vpcArbitrary = fc.integer({ min: MIN_VPC_PREFIX, max: MAX_VPC_PREFIX }).chain((prefix) =>
    fc.integer({ min: 0, max: 2 ** prefix - 1 }).map((block) => toCidr(block * 2 ** (32 - prefix), prefix)));

function layout(vpc: string, azCount: number): string[] {
    return SUBNET_TIERS.flatMap((tier) => Array.from({ length: azCount }, (_, i) => subnetCidr(vpc, tier, i)));
}

describe("lib/rules/subnet-layout (property-based)", () => {
    it("every subnet lies within the VPC block, in its first three quarters, five bits longer than the VPC", () => {
        fc.assert(fc.property(vpcArbitrary, fc.integer({ min: 1, max: MAX_AZS }), (vpc, azs) => {
            const [vpcFirst, vpcLast] = range(vpc);
            const vpcPrefix = Number(vpc.split("/")[1]);
            const fourthQuarter = vpcFirst + 3 * ((vpcLast - vpcFirst + 1) / 4);
            for (const subnet of layout(vpc, azs)) {
                const [first, last] = range(subnet);
                assert.ok(first >= vpcFirst && last <= vpcLast, `${subnet} outside ${vpc}`);
                assert.ok(last < fourthQuarter, `${subnet} in the reserved fourth quarter of ${vpc}`);
                assert.strictEqual(Number(subnet.split("/")[1]), vpcPrefix + 5);
            }
        }));
    });

    it("no two subnets overlap, across tiers and AZs", () => {
        fc.assert(fc.property(vpcArbitrary, (vpc) => {
            const ranges = layout(vpc, MAX_AZS).map(range).sort((a, b) => a[0] - b[0]);
            for (let i = 1; i < ranges.length; i++) {
                assert.ok(ranges[i][0] > ranges[i - 1][1], `overlap in ${vpc}`);
            }
        }));
    });

    it("adding an AZ adds subnets and never moves an existing one", () => {
        fc.assert(fc.property(vpcArbitrary, fc.integer({ min: 1, max: MAX_AZS - 1 }), (vpc, azs) => {
            for (const tier of SUBNET_TIERS) {
                const before = Array.from({ length: azs }, (_, i) => subnetCidr(vpc, tier, i));
                const after = Array.from({ length: azs + 1 }, (_, i) => subnetCidr(vpc, tier, i));
                assert.deepStrictEqual(after.slice(0, azs), before);
                assert.ok(!before.includes(after[azs]));
            }
        }));
    });

    it("accepts exactly the prefixes /16 to /22 and AZ indexes 0 to 7", () => {
        fc.assert(fc.property(fc.integer({ min: 8, max: 32 }), (prefix) => {
            const vpc = toCidr(0x0a000000, prefix);
            const supported = prefix >= MIN_VPC_PREFIX && prefix <= MAX_VPC_PREFIX;
            assert.strictEqual(vpcCidrProblem(vpc) === undefined, supported, vpc);
            if (!supported) assert.throws(() => subnetCidr(vpc, "app", 0), /prefix between \/16 and \/22/);
        }));
        for (const bad of [-1, 8, 1.5]) {
            assert.throws(() => subnetCidr("10.0.0.0/16", "data", bad), /AZ index 0–7/);
        }
        assert.match(vpcCidrProblem("10.0.0/16")!, /not an IPv4 CIDR block/);
    });

    it("keeps the documented layout for 10.0.0.0/16 (the production VPC)", () => {
        assert.deepStrictEqual(layout("10.0.0.0/16", 3), [
            "10.0.0.0/21", "10.0.8.0/21", "10.0.16.0/21",
            "10.0.64.0/21", "10.0.72.0/21", "10.0.80.0/21",
            "10.0.128.0/21", "10.0.136.0/21", "10.0.144.0/21",
        ]);
    });
});
