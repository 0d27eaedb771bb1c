import * as assert from "assert";
import { Network, NetworkArgs } from "../../components/network";
import { subnetCidr, SUBNET_TIERS } from "../../lib/rules/subnet-layout";
import { installMocks, RecordedResource, settle, TEST_TAGS } from "../support/mocks";

/** The Network component under mocks: subnets from the shared layout, routing per tier, flow logs, endpoints. */
describe("Network component", () => {
    const tags = TEST_TAGS;
    const AZS = ["us-east-1a", "us-east-1b", "us-east-1c"];
    const args = (extra: Partial<NetworkArgs> = {}): NetworkArgs => ({
        cidrBlock: "10.20.0.0/16",
        availabilityZones: AZS,
        natGateways: "one-per-az",
        flowLogRetentionDays: 365,
        logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/logs",
        tags,
        ...extra,
    });
    const ofType = (recorded: RecordedResource[], type: string) => recorded.filter((r) => r.type === type);
    /** Names of the NAT gateways a resource's inputs refer to (ids are unknown in a preview; dependencies are not). */
    const natsOf = (r: RecordedResource) => r.options.dependencies.filter((urn) => urn.includes("aws:ec2/natGateway:NatGateway::")).map((urn) => urn.split("::").pop());
    const named = (recorded: RecordedResource[], name: string, type?: string) => {
        const found = recorded.filter((r) => r.name === name && (type === undefined || r.type === type) && r.type !== "platform:network:Network");
        assert.strictEqual(found.length, 1, `expected one resource named ${name}, found ${found.length}`);
        return found[0];
    };

    describe("three AZs, a NAT gateway per AZ", () => {
        let recorded: RecordedResource[];
        before(async () => {
            recorded = installMocks({ stack: "network" });
            new Network("net", args());
            await settle();
        });

        it("cuts one subnet per tier and AZ from the shared layout, none with public IPs on launch", () => {
            const subnets = ofType(recorded, "aws:ec2/subnet:Subnet");
            const expected = SUBNET_TIERS.flatMap((tier) => AZS.map((az, i) => [`net-${tier}-${az}`, az, subnetCidr("10.20.0.0/16", tier, i), tier]));
            assert.deepStrictEqual(subnets.map((s) => [s.name, s.inputs.availabilityZone, s.inputs.cidrBlock, s.inputs.tags.tier]), expected);
            assert.ok(subnets.every((s) => s.inputs.mapPublicIpOnLaunch === false));
        });

        it("routes public subnets to the internet gateway, each app subnet to the NAT of its own AZ, data subnets nowhere", () => {
            assert.deepStrictEqual(named(recorded, "net-public-rt").inputs.routes.map((r: any) => r.cidrBlock), ["0.0.0.0/0"]);
            assert.ok(named(recorded, "net-public-rt").inputs.routes[0].gatewayId);
            assert.strictEqual(ofType(recorded, "aws:ec2/natGateway:NatGateway").length, 3);
            AZS.forEach((az) => {
                const table = named(recorded, `net-app-rt-${az}`);
                assert.deepStrictEqual(table.inputs.routes.map((r: any) => r.cidrBlock), ["0.0.0.0/0"]);
                assert.ok("natGatewayId" in table.inputs.routes[0]);
                assert.deepStrictEqual(natsOf(table), [`net-nat-${az}`]);
                assert.strictEqual(named(recorded, `net-nat-${az}`).inputs.connectivityType, "public");
            });
            assert.strictEqual(named(recorded, "net-data-rt").inputs.routes, undefined, "the data tier has only the local route");
            assert.strictEqual(ofType(recorded, "aws:ec2/routeTableAssociation:RouteTableAssociation").length, 9);
        });

        it("empties the default security group and logs all traffic to a KMS-encrypted group with the given retention", () => {
            const defaultSg = named(recorded, "net-default-sg");
            assert.deepStrictEqual([defaultSg.inputs.ingress, defaultSg.inputs.egress], [[], []]);
            const group = named(recorded, "net-flow-logs", "aws:cloudwatch/logGroup:LogGroup");
            assert.deepStrictEqual([group.inputs.retentionInDays, group.inputs.kmsKeyId], [365, "arn:aws:kms:us-east-1:123456789012:key/logs"]);
            const flowLog = named(recorded, "net-flow-log");
            assert.deepStrictEqual([flowLog.inputs.trafficType, flowLog.inputs.logDestinationType, flowLog.inputs.maxAggregationInterval], ["ALL", "cloud-watch-logs", 60]);
            const trust = JSON.parse(ofType(recorded, "aws:iam/role:Role").find((r) => r.name === "net-flow-logs")!.inputs.assumeRolePolicy);
            assert.deepStrictEqual(trust.Statement[0].Principal, { Service: "vpc-flow-logs.amazonaws.com" });
            assert.deepStrictEqual(trust.Statement[0].Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
        });

        it("keeps AWS API traffic in the VPC: S3 gateway on app and data routes, interface endpoints reachable on 443 from the VPC only", () => {
            const endpoints = ofType(recorded, "aws:ec2/vpcEndpoint:VpcEndpoint");
            assert.deepStrictEqual(endpoints.map((e) => [e.inputs.serviceName, e.inputs.vpcEndpointType]).sort(), [
                ["com.amazonaws.us-east-1.ecr.api", "Interface"],
                ["com.amazonaws.us-east-1.ecr.dkr", "Interface"],
                ["com.amazonaws.us-east-1.logs", "Interface"],
                ["com.amazonaws.us-east-1.s3", "Gateway"],
                ["com.amazonaws.us-east-1.secretsmanager", "Interface"],
            ]);
            const gateway = endpoints.find((e) => e.inputs.vpcEndpointType === "Gateway")!;
            assert.strictEqual(gateway.inputs.routeTableIds.length, 3 + 1, "three app route tables and the data route table");
            assert.ok(endpoints.filter((e) => e !== gateway).every((e) => e.inputs.privateDnsEnabled === true && e.inputs.subnetIds.length === 3));
            const https = named(recorded, "net-endpoints-https");
            assert.deepStrictEqual([https.inputs.fromPort, https.inputs.toPort, https.inputs.ipProtocol, https.inputs.cidrIpv4], [443, 443, "tcp", "10.20.0.0/16"]);
        });

        it("tags every taggable resource, naming each after itself", () => {
            const taggable = recorded.filter((r) => r.inputs && "tags" in r.inputs);
            assert.ok(taggable.every((r) => r.inputs.tags.owner === "t" && r.inputs.tags.environment === "test"));
            assert.strictEqual(named(recorded, "net").inputs.tags.Name, "net-vpc");
        });
    });

    describe("staging shape and growth", () => {
        it("a single NAT gateway serves every app subnet", async () => {
            const recorded = installMocks({ stack: "network-single" });
            new Network("single", args({ natGateways: "single" }));
            await settle();
            assert.deepStrictEqual(ofType(recorded, "aws:ec2/natGateway:NatGateway").map((n) => n.name), ["single-nat-us-east-1a"]);
            assert.deepStrictEqual(AZS.map((az) => natsOf(named(recorded, `single-app-rt-${az}`))), AZS.map(() => ["single-nat-us-east-1a"]));
        });

        it("adding an AZ adds resources and leaves every existing subnet's name and CIDR as it was", async () => {
            const run = async (azs: string[]) => {
                const recorded = installMocks({ stack: "network-grow" });
                new Network("grow", args({ availabilityZones: azs }));
                await settle();
                return new Map(ofType(recorded, "aws:ec2/subnet:Subnet").map((s) => [s.name, s.inputs.cidrBlock]));
            };
            const two = await run(AZS.slice(0, 2));
            const three = await run(AZS);
            assert.strictEqual(two.size, 6);
            assert.strictEqual(three.size, 9);
            for (const [subnetName, cidr] of two) {
                assert.strictEqual(three.get(subnetName), cidr, subnetName);
            }
        });
    });

    describe("configuration errors register nothing", () => {
        for (const [label, extra, message] of [
            ["no AZ", { availabilityZones: [] }, /between 1 and 8 distinct availability zones are supported, got none/],
            ["nine AZs", { availabilityZones: Array.from({ length: 9 }, (_, i) => `us-east-1${"abcdefghi"[i]}`) }, /got us-east-1a, .*us-east-1i/],
            ["an AZ twice", { availabilityZones: ["us-east-1a", "us-east-1a"] }, /distinct availability zones/],
            ["a VPC too small for the layout", { cidrBlock: "10.0.0.0/24" }, /VPC 10\.0\.0\.0\/24 must have a prefix between \/16 and \/22/],
            ["a VPC larger than AWS allows", { cidrBlock: "10.0.0.0/8" }, /prefix between \/16 and \/22/],
        ] as Array<[string, Partial<NetworkArgs>, RegExp]>) {
            it(label, async () => {
                const recorded = installMocks({ stack: "network-errors" });
                assert.throws(() => new Network("bad", args(extra)), (e: Error) => e.message.startsWith("Network bad: ") && message.test(e.message));
                await settle();
                assert.deepStrictEqual(recorded, []);
            });
        }
    });
});
