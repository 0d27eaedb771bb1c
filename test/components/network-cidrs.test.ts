import * as assert from "assert";
import { Network, subnetCidrsProblem } from "../../components/network";
import { installMocks, RecordedResource, settle } from "../support/mocks";

const tags = { owner: "net", "cost-center": "cc-1", "data-classification": "internal", environment: "test" };
const GUIDE = {
    public: ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"],
    app: ["10.0.10.0/24", "10.0.20.0/24", "10.0.30.0/24"],
    data: ["10.0.100.0/24", "10.0.101.0/24", "10.0.102.0/24"],
};

describe("Network with explicit subnet CIDRs (an application guide's layout)", () => {
    let recorded: RecordedResource[];
    before(async () => {
        recorded = installMocks({ stack: "network-cidrs-test" });
        new Network("guide", {
            cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a", "us-east-1b"], natGateways: "single",
            flowLogRetentionDays: 90, logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k", subnetCidrs: GUIDE, tags,
        });
        await settle();
    });

    it("places each tier's subnet of AZ i at entry i, so adding an AZ uses the next entry and re-cuts nothing", () => {
        const cidrOf = (tier: string, az: string) => recorded.find((r) => r.type === "aws:ec2/subnet:Subnet" && r.name === `guide-${tier}-${az}`)!.inputs.cidrBlock;
        assert.strictEqual(cidrOf("public", "us-east-1a"), "10.0.1.0/24");
        assert.strictEqual(cidrOf("app", "us-east-1b"), "10.0.20.0/24");
        assert.strictEqual(cidrOf("data", "us-east-1a"), "10.0.100.0/24");
        assert.strictEqual(recorded.filter((r) => r.type === "aws:ec2/subnet:Subnet").length, 6);
    });

    it("accepts the LMS guide's layout and rejects overlaps, blocks outside the VPC, bad sizes and missing AZs", () => {
        assert.strictEqual(subnetCidrsProblem("10.0.0.0/16", 3, GUIDE), undefined);
        assert.match(subnetCidrsProblem("10.0.0.0/16", 3, { ...GUIDE, app: ["10.0.0.0/20", ...GUIDE.app.slice(1)] })!, /overlaps 10\.0\.1\.0\/24/);
        assert.match(subnetCidrsProblem("10.0.0.0/16", 3, { ...GUIDE, public: ["10.1.1.0/24", ...GUIDE.public.slice(1)] })!, /outside the VPC block/);
        assert.match(subnetCidrsProblem("10.0.0.0/16", 3, { ...GUIDE, data: ["10.0.100.0/29", ...GUIDE.data.slice(1)] })!, /\/16 to \/28/);
        assert.match(subnetCidrsProblem("10.0.0.0/16", 4, GUIDE)!, /public lists 3 CIDRs for 4 availability zones/);
        assert.throws(() => new Network("bad", {
            cidrBlock: "10.0.0.0/16", availabilityZones: ["us-east-1a"], natGateways: "single", flowLogRetentionDays: 90,
            logsKmsKeyArn: "k", subnetCidrs: { ...GUIDE, app: ["10.0.1.0/24"] }, tags,
        }), /subnetCidrs: app CIDR 10\.0\.1\.0\/24 overlaps 10\.0\.1\.0\/24/);
    });
});
