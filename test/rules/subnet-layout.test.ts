import * as assert from "assert";
import fc from "fast-check";
import { MAX_AZS, MAX_VPC_PREFIX, MIN_VPC_PREFIX, subnetCidr, SubnetCidrs, subnetCidrsProblem, SUBNET_TIERS, vpcCidrProblem } from "../../lib/rules/subnet-layout";

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

describe("lib/rules/subnet-layout: messages", () => {
    it("names the supported prefixes and AZ indexes in its refusals", () => {
        assert.strictEqual(vpcCidrProblem("10.0.0.0/15"), "VPC 10.0.0.0/15 must have a prefix between /16 and /22 (three tiers of 8 subnets)");
        assert.strictEqual(vpcCidrProblem("10.0.0.0/23"), "VPC 10.0.0.0/23 must have a prefix between /16 and /22 (three tiers of 8 subnets)");
        assert.strictEqual(vpcCidrProblem("10.0.0.0/16"), undefined);
        assert.strictEqual(vpcCidrProblem("10.0.0.0/22"), undefined);
        assert.strictEqual(vpcCidrProblem("vpc"), "vpc is not an IPv4 CIDR block");
        assert.throws(() => subnetCidr("10.0.0.0/16", "app", 8), { message: "subnet layout supports AZ index 0–7, got 8" });
        assert.throws(() => subnetCidr("10.0.0.0/16", "app", -1), { message: "subnet layout supports AZ index 0–7, got -1" });
        assert.throws(() => subnetCidr("10.0.0.0/23", "app", 0), { message: "VPC 10.0.0.0/23 must have a prefix between /16 and /22 (three tiers of 8 subnets)" });
        assert.strictEqual(subnetCidr("10.0.0.0/16", "data", 7), "10.0.184.0/21");
    });
});

describe("lib/rules/subnet-layout: explicit subnet CIDRs (subnetCidrsProblem)", () => {
    /** A layout an application guide might fix: /24s, one per AZ, public/app/data in separate /20s of 10.1.0.0/16. */
    const guide = (): SubnetCidrs => ({
        public: ["10.1.0.0/24", "10.1.1.0/24", "10.1.2.0/24"],
        app: ["10.1.16.0/24", "10.1.17.0/24", "10.1.18.0/24"],
        data: ["10.1.32.0/24", "10.1.33.0/24", "10.1.34.0/24"],
    });

    it("accepts one subnet per AZ and tier inside the VPC, none overlapping, and extra entries for AZs to come", () => {
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 3, guide()), undefined);
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 2, guide()), undefined);
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 0, { public: [], app: [], data: [] }), undefined);
    });

    it("needs a CIDR per AZ in each tier, in tier order public, app, data", () => {
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 4, guide()), "public lists 3 CIDRs for 4 availability zones; give one per AZ, in AZ order");
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 3, { ...guide(), app: ["10.1.16.0/24", "10.1.17.0/24"] }), "app lists 2 CIDRs for 3 availability zones; give one per AZ, in AZ order");
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 3, { ...guide(), data: ["10.1.32.0/24", "10.1.33.0/24"] }), "data lists 2 CIDRs for 3 availability zones; give one per AZ, in AZ order");
        // A tier left out of the config counts as an empty list.
        const noData = { public: guide().public, app: guide().app } as unknown as SubnetCidrs;
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 3, noData), "data lists 0 CIDRs for 3 availability zones; give one per AZ, in AZ order");
    });

    it("refuses a malformed CIDR", () => {
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 3, { ...guide(), app: ["10.1.16.0/24", "10.1.17.0", "10.1.18.0/24"] }), "app CIDR 10.1.17.0 is not an IPv4 CIDR block");
    });

    it("accepts subnets from /16 to /28 only, the sizes AWS allows for a subnet", () => {
        // No AZ required: only the listed CIDRs are judged.
        const sized = (prefix: number) => subnetCidrsProblem("10.1.0.0/16", 0, { public: [`10.1.0.0/${prefix}`], app: [], data: [] });
        assert.strictEqual(sized(16), undefined);
        assert.strictEqual(sized(28), undefined);
        assert.strictEqual(sized(29), "public CIDR 10.1.0.0/29: AWS subnets are /16 to /28");
        assert.strictEqual(subnetCidrsProblem("10.0.0.0/8", 0, { public: ["10.0.0.0/15"], app: [], data: [] }), "public CIDR 10.0.0.0/15: AWS subnets are /16 to /28");
    });

    it("refuses a subnet outside the VPC block", () => {
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 3, { ...guide(), data: ["10.1.32.0/24", "10.2.33.0/24", "10.1.34.0/24"] }), "data CIDR 10.2.33.0/24 is outside the VPC block 10.1.0.0/16");
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/24", 0, { public: ["10.1.0.0/23"], app: [], data: [] }), "public CIDR 10.1.0.0/23 is outside the VPC block 10.1.0.0/24", "larger than the VPC");
    });

    it("refuses overlaps within a tier and across tiers, naming the subnet listed first", () => {
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 3, { ...guide(), public: ["10.1.0.0/24", "10.1.1.0/24", "10.1.0.128/25"] }), "public CIDR 10.1.0.128/25 overlaps 10.1.0.0/24");
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 3, { ...guide(), data: ["10.1.32.0/24", "10.1.16.0/20", "10.1.34.0/24"] }), "data CIDR 10.1.16.0/20 overlaps 10.1.16.0/24");
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 1, { public: ["10.1.0.0/24"], app: ["10.1.0.0/24"], data: ["10.1.1.0/24"] }), "app CIDR 10.1.0.0/24 overlaps 10.1.0.0/24");
        // Adjacent blocks do not overlap.
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 1, { public: ["10.1.0.0/24"], app: ["10.1.1.0/24"], data: ["10.1.2.0/24"] }), undefined);
    });

    it("checks the extra entries too: they are the next AZs' subnets", () => {
        assert.strictEqual(subnetCidrsProblem("10.1.0.0/16", 1, { ...guide(), public: ["10.1.0.0/24", "10.9.0.0/24"] }), "public CIDR 10.9.0.0/24 is outside the VPC block 10.1.0.0/16");
    });
});
