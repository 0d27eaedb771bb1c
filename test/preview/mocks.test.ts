import * as assert from "assert";
import * as path from "path";
import { crc32 } from "zlib";
import { createPlatformMocks, type MockReport } from "../../scripts/preview/mocks/mocks";
import { policyDocument } from "../../scripts/preview/mocks/mock-policy-document";
import { runCli, USAGE } from "../../scripts/preview/cli";
import { runPlan } from "../../scripts/preview/plan";
import { loadProject } from "../../scripts/preview/project";
import { unreadInputs } from "../../scripts/preview/result";
import { plannedFixture } from "../support/planned";

const LOOKUPS = path.resolve(__dirname, "../fixtures/programs/lookups");
const shapes = require("../../scripts/preview/mocks/mock-shapes.json") as { awsVersion: string; functions: Record<string, Record<string, unknown>> };

function answerOf(report: MockReport | undefined, token: string): string[] {
    return (report?.lookups ?? []).filter((l) => l.token === token).map((l) => l.answer).sort();
}

describe("mocks: a program reading data sources plans with known, well-shaped values", () => {
    const fixture = plannedFixture(LOOKUPS, "dev");
    const { byName } = fixture;

    it("leaves a policy built from the ARN of a bucket being created unknown, as in a real first preview", () => {
        // The bucket's ARN is a computed output of a create: unknown in a preview, so getPolicyDocument is not called
        // with it and the policy is unknown (never an invented ARN judged as if deployed).
        assert.strictEqual(byName("data-policy").inputs.policy, "[unknown]");
        assert.strictEqual(byName("data-policy").inputs.bucket, "[unknown]");
    });

    it("gives the instance an AMI, a subnet and an AZ of the stack's region (eu-west-1) and the account id", () => {
        const web = byName("web").inputs as any;
        assert.match(web.ami, /^ami-[0-9a-f]{17}$/);
        assert.match(web.subnetId, /^subnet-[0-9a-f]{17}$/);
        assert.strictEqual(web.availabilityZone, "eu-west-1a");
        assert.strictEqual(web.tags.account, "123456789012");
        assert.match(web.tags.image, /^ami-[0-9a-f]{17}$/, "a public /aws/service parameter holds an AMI id");
        assert.match(byName("app").inputs.vpcId as string, /^vpc-[0-9a-f]{17}$/);
    });

    it("records each lookup with its answer: platform for the known ones, none for a placeholder or an unusual data source", () => {
        for (const token of ["aws:ec2/getVpc:getVpc", "aws:ec2/getSubnets:getSubnets", "aws:ec2/getAmi:getAmi", "aws:index/getCallerIdentity:getCallerIdentity", "aws:index/getAvailabilityZones:getAvailabilityZones"]) {
            assert.deepStrictEqual(answerOf(fixture.plan.mockReport, token), ["platform"], token);
        }
        // Called with the ARN of a bucket being created (unknown in a preview): the SDK does not invoke it at all.
        assert.deepStrictEqual(answerOf(fixture.plan.mockReport, "aws:iam/getPolicyDocument:getPolicyDocument"), []);
        // The AWS-published parameter is known; the account's own /app/db/host is not.
        assert.deepStrictEqual(answerOf(fixture.plan.mockReport, "aws:ssm/getParameter:getParameter"), ["none", "platform"]);
        assert.deepStrictEqual(answerOf(fixture.plan.mockReport, "aws:servicequotas/getServiceQuota:getServiceQuota"), ["none"]);
        assert.deepStrictEqual(fixture.plan.mockReport?.stackReferences, [{ name: "acme/network/prod", outputs: {}, outputsUnknown: true }]);
    });

    it("leaves what depends on a stack reference unknown instead of inventing it", () => {
        // Parameter values are secret outputs of aws.ssm.Parameter; the wire form tells unknown from known.
        const sharedVpc = fixture.plan.resources.find((r) => r.name === "shared-vpc")!;
        assert.ok(JSON.stringify(sharedVpc.wireInputs).includes("04da6b54-80e4-46f7-96ec-b56ff0331ba9"), "the value read from the stack reference is unknown");
    });

    it("uses the answers of a --mocks module first (call and newResource), recorded as the user's", async () => {
        const withUser = await runPlan(loadProject(LOOKUPS, "dev"), { userMocksModule: path.join(LOOKUPS, "user-mocks.ts") });
        assert.deepStrictEqual(answerOf(withUser.mockReport, "aws:servicequotas/getServiceQuota:getServiceQuota"), ["user"]);
        assert.deepStrictEqual(answerOf(withUser.mockReport, "aws:ec2/getVpc:getVpc"), ["platform"], "what the module leaves unanswered falls through to the platform");
        assert.deepStrictEqual(withUser.mockReport?.stackReferences, [{ name: "acme/network/prod", outputs: { vpcId: "vpc-0shared0000000001" } }]);
        const quota = JSON.stringify(withUser.resources.find((r) => r.name === "quota")!.wireInputs);
        assert.ok(quota.includes("1152"), `the user's quota value reaches the resource: ${quota}`);
    });
});

describe("mocks: regions, shapes and the record", () => {
    const call = (mocks: ReturnType<typeof createPlatformMocks>["mocks"], token: string, inputs: any = {}, provider?: string) =>
        mocks.call({ token, inputs, provider }) as Record<string, any>;

    it("honours aws:region in region lookups, AZs, ARNs, endpoints and the ELB account", () => {
        const { mocks } = createPlatformMocks({ region: "eu-west-1" });
        assert.strictEqual(call(mocks, "aws:index/getRegion:getRegion").region, "eu-west-1");
        assert.strictEqual(call(mocks, "aws:index/getRegion:getRegion").endpoint, "ec2.eu-west-1.amazonaws.com");
        const zones = call(mocks, "aws:index/getAvailabilityZones:getAvailabilityZones");
        assert.deepStrictEqual(zones.names, ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
        assert.deepStrictEqual(zones.zoneIds, ["euw1-az1", "euw1-az2", "euw1-az3"]);
        assert.match(call(mocks, "aws:ec2/getVpc:getVpc", { default: true }).arn, /^arn:aws:ec2:eu-west-1:123456789012:vpc\/vpc-/);
        assert.match(call(mocks, "aws:kms/getAlias:getAlias", { name: "alias/aws/s3" }).targetKeyArn, /^arn:aws:kms:eu-west-1:123456789012:key\//);
        assert.strictEqual(call(mocks, "aws:ecr/getRepository:getRepository", { name: "web" }).repositoryUrl, "123456789012.dkr.ecr.eu-west-1.amazonaws.com/web");
        assert.strictEqual(call(mocks, "aws:elb/getServiceAccount:getServiceAccount").arn, "arn:aws:iam::156460612806:root");
        const db = mocks.newResource({ type: "aws:rds/instance:Instance", name: "db", inputs: { engine: "postgres" }, custom: true }) as any;
        assert.match(db.state.arn, /^arn:aws:rds:eu-west-1:/);
        assert.match(db.state.address, /\.eu-west-1\.rds\.amazonaws\.com$/);
        const alb = mocks.newResource({ type: "aws:lb/loadBalancer:LoadBalancer", name: "web", inputs: { loadBalancerType: "application" }, custom: true }) as any;
        assert.strictEqual(alb.state.zoneId, "Z32O12XQLNTSW2");
        assert.match(alb.state.dnsName, /^web-[0-9a-f]{8}\.eu-west-1\.elb\.amazonaws\.com$/);
        assert.strictEqual(call(mocks, "aws:lb/getHostedZoneId:getHostedZoneId", { loadBalancerType: "network" }).id, "Z2IFOLAFXWLO4F");
        assert.strictEqual(call(mocks, "aws:index/getService:getService", { serviceId: "s3" }).dnsName, "s3.eu-west-1.amazonaws.com");
        assert.strictEqual(call(mocks, "aws:sqs/getQueue:getQueue", { name: "jobs" }).url, "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs");
        assert.deepStrictEqual(
            (({ partition, service, region, account, resource }) => ({ partition, service, region, account, resource }))(call(mocks, "aws:index/getArn:getArn", { arn: "arn:aws:rds:us-west-2:111122223333:db:mysql-db" })),
            { partition: "aws", service: "rds", region: "us-west-2", account: "111122223333", resource: "db:mysql-db" },
        );
        const cache = mocks.newResource({ type: "aws:elasticache/replicationGroup:ReplicationGroup", name: "c", inputs: {}, custom: true }) as any;
        assert.match(cache.state.primaryEndpointAddress, /\.euw1\.cache\.amazonaws\.com$/);
    });

    it("answers in a call's own region and in the region of the explicit provider it went through", () => {
        const { mocks } = createPlatformMocks({ region: "us-east-1" });
        assert.strictEqual(call(mocks, "aws:index/getRegion:getRegion", { region: "us-west-2" }).region, "us-west-2");
        const provider = mocks.newResource({ type: "pulumi:providers:aws", name: "dr", inputs: { region: "ap-southeast-2" }, custom: true }) as any;
        const ref = `urn:pulumi:dev::p::pulumi:providers:aws::dr::${provider.id}`;
        assert.deepStrictEqual(call(mocks, "aws:index/getAvailabilityZones:getAvailabilityZones", {}, ref).zoneIds, ["apse2-az1", "apse2-az2", "apse2-az3"]);
        const key = mocks.newResource({ type: "aws:kms/key:Key", name: "k", inputs: {}, provider: ref, custom: true }) as any;
        assert.match(key.state.arn, /^arn:aws:kms:ap-southeast-2:/);
        assert.strictEqual(call(mocks, "aws:index/getPartition:getPartition", { region: "cn-north-1" }).partition, "aws-cn");
    });

    it("reads its result shapes from the installed @pulumi/aws (run `npm run mocks:shapes` after upgrading it)", () => {
        assert.strictEqual(shapes.awsVersion, require("@pulumi/aws/package.json").version);
    });

    it("fills every required field of every @pulumi/aws data source's result type with a value of its type", () => {
        const { mocks } = createPlatformMocks({ region: "eu-central-1" });
        const tokens = Object.keys(shapes.functions);
        assert.ok(tokens.length > 600, `only ${tokens.length} data sources in scripts/preview/mocks/mock-shapes.json`);
        for (const token of tokens) {
            const result = call(mocks, token, {});
            for (const [field, shape] of Object.entries(shapes.functions[token])) {
                const value = result[field];
                if (shape === "a") {
                    continue;
                }
                const expected = shape === "s" ? "string" : shape === "n" ? "number" : shape === "b" ? "boolean" : "object";
                assert.strictEqual(typeof value, expected, `${token}.${field}: ${JSON.stringify(value)}`);
                if (Array.isArray(shape)) {
                    assert.ok(Array.isArray(value), `${token}.${field} is a list`);
                }
            }
        }
    });

    it("records every call once per answer kind and echoes unknown non-AWS calls as unanswered", () => {
        const { mocks, report } = createPlatformMocks({ region: "eu-west-1" });
        call(mocks, "aws:ec2/getVpc:getVpc", { default: true });
        call(mocks, "aws:ec2/getVpc:getVpc", { id: "vpc-1" });
        assert.deepStrictEqual(call(mocks, "example:index:lookup", { a: 1 }), { a: 1 });
        call(mocks, "aws:ec2/getManagedPrefixList:getManagedPrefixList", { name: "com.amazonaws.eu-west-1.s3" });
        assert.deepStrictEqual(report().lookups, [
            { token: "aws:ec2/getVpc:getVpc", count: 2, answer: "platform" },
            { token: "example:index:lookup", count: 1, answer: "none" },
            { token: "aws:ec2/getManagedPrefixList:getManagedPrefixList", count: 1, answer: "none" },
        ]);
    });

    it("asks the user's mocks first and falls through when they return nothing (also for promises)", async () => {
        const { mocks, report } = createPlatformMocks({
            region: "eu-west-1",
            userMocks: {
                call: async (args) => (args.token === "aws:ec2/getVpc:getVpc" ? { id: "vpc-mine", cidrBlock: "10.9.0.0/16" } : (undefined as any)),
            },
        });
        assert.strictEqual((await mocks.call({ token: "aws:ec2/getVpc:getVpc", inputs: {} }) as any).id, "vpc-mine");
        assert.strictEqual((await mocks.call({ token: "aws:index/getRegion:getRegion", inputs: {} }) as any).region, "eu-west-1");
        assert.deepStrictEqual(report().lookups.map((l) => `${l.token}=${l.answer}`), ["aws:ec2/getVpc:getVpc=user", "aws:index/getRegion:getRegion=platform"]);
    });

    it("turns the record into unchecked items: unanswered lookups and stack references, none for real answers", () => {
        const items = unreadInputs([], {
            lookups: [
                { token: "aws:ec2/getVpc:getVpc", count: 3, answer: "platform" },
                { token: "aws:servicequotas/getServiceQuota:getServiceQuota", count: 2, answer: "none" },
                { token: "aws:ec2/getAmi:getAmi", count: 1, answer: "user" },
            ],
            stackReferences: [{ name: "acme/network/prod", outputs: {}, outputsUnknown: true }, { name: "acme/dns/prod", outputs: { zoneId: "Z1" } }],
        });
        assert.deepStrictEqual(items.map((i) => [i.kind, i.token ?? i.name, i.blocking]), [
            ["stack-reference", "acme/network/prod", false],
            ["stack-reference", "acme/dns/prod", false],
            ["unanswered-lookup", "aws:servicequotas/getServiceQuota:getServiceQuota", false],
        ]);
        assert.match(items[0].detail, /unknown offline/);
        assert.match(items[1].detail, /zoneId/);
        assert.match(items[2].detail, /2 calls.*--mocks/);
        assert.deepStrictEqual(unreadInputs([], undefined), []);
    });
});

describe("mocks: iam.getPolicyDocument as the AWS provider computes it", () => {
    const parse = (args: Parameters<typeof policyDocument>[0]) => JSON.parse(policyDocument(args).json);

    it("defaults Version and Effect, omits an empty Sid and writes one element as a string", () => {
        assert.deepStrictEqual(parse({ statements: [{ actions: ["s3:GetObject"], resources: ["arn:aws:s3:::b/*"] }] }), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }],
        });
    });

    it("de-duplicates sets and sorts several elements in descending order; keys in the provider's order", () => {
        const doc = policyDocument({ policyId: "p1", statements: [{ sid: "A", actions: ["s3:GetObject", "kms:Decrypt", "s3:GetObject", "s3:PutObject"], notResources: ["b", "a"] }] });
        assert.strictEqual(doc.minifiedJson, '{"Version":"2012-10-17","Id":"p1","Statement":[{"Sid":"A","Effect":"Allow","Action":["s3:PutObject","s3:GetObject","kms:Decrypt"],"NotResource":["b","a"]}]}');
    });

    it("writes a lone \"*\" principal as \"*\" but keeps AWS \"*\", merges principals by type and sorts types", () => {
        assert.strictEqual(parse({ statements: [{ principals: [{ type: "*", identifiers: ["*"] }] }] }).Statement[0].Principal, "*");
        assert.deepStrictEqual(parse({ statements: [{ principals: [{ type: "AWS", identifiers: ["*"] }] }] }).Statement[0].Principal, { AWS: "*" });
        assert.deepStrictEqual(parse({
            statements: [{
                notPrincipals: [
                    { type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] },
                    { type: "AWS", identifiers: ["arn:aws:iam::111111111111:root", "arn:aws:iam::222222222222:root"] },
                    { type: "AWS", identifiers: ["arn:aws:iam::333333333333:root"] },
                ],
            }],
        }).Statement[0].NotPrincipal, {
            AWS: ["arn:aws:iam::222222222222:root", "arn:aws:iam::111111111111:root", "arn:aws:iam::333333333333:root"],
            Service: "ecs-tasks.amazonaws.com",
        });
    });

    it("groups conditions by test and variable, keeps value order, collapses one value and replaces &{} variables", () => {
        const condition = parse({
            statements: [{
                effect: "Deny",
                notActions: ["iam:*"],
                resources: ["arn:aws:s3:::b/&{aws:username}/*"],
                conditions: [
                    { test: "StringEquals", variable: "aws:PrincipalTag/team", values: ["b", "a"] },
                    { test: "Bool", variable: "aws:SecureTransport", values: ["false"] },
                    { test: "StringEquals", variable: "aws:RequestedRegion", values: ["eu-west-1"] },
                    { test: "StringLike", variable: "s3:prefix", values: ["home/"] },
                    { test: "StringLike", variable: "s3:prefix", values: ["shared/"] },
                ],
            }],
        }).Statement[0];
        assert.strictEqual(condition.Resource, "arn:aws:s3:::b/${aws:username}/*");
        assert.strictEqual(condition.NotAction, "iam:*");
        assert.deepStrictEqual(condition.Condition, {
            Bool: { "aws:SecureTransport": "false" },
            StringEquals: { "aws:PrincipalTag/team": ["b", "a"], "aws:RequestedRegion": "eu-west-1" },
            StringLike: { "s3:prefix": ["home/", "shared/"] },
        });
        assert.deepStrictEqual(Object.keys(condition.Condition), ["Bool", "StringEquals", "StringLike"]);
    });

    it("merges source documents first and override documents last, replacing statements by Sid", () => {
        const source = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "Keep", Effect: "Allow", Action: "s3:ListBucket", Resource: "*" }, { Sid: "Replace", Effect: "Allow", Action: "s3:*", Resource: "*" }] });
        const override = JSON.stringify({ Statement: [{ Sid: "Replace", Effect: "Deny", Action: "s3:DeleteObject", Resource: "*", Principal: { AWS: "*" } }] });
        const doc = parse({ sourcePolicyDocuments: [source], statements: [{ sid: "Own", actions: ["s3:GetObject"], resources: ["*"] }], overridePolicyDocuments: [override] });
        assert.deepStrictEqual(doc.Statement.map((s: any) => [s.Sid, s.Effect, s.Action]), [["Keep", "Allow", "s3:ListBucket"], ["Replace", "Deny", "s3:DeleteObject"], ["Own", "Allow", "s3:GetObject"]]);
        assert.deepStrictEqual(doc.Statement[1].Principal, { AWS: "*" });
    });

    it("omits Statement when there is none and reads boolean condition values of source documents as strings", () => {
        assert.strictEqual(policyDocument({}).minifiedJson, '{"Version":"2012-10-17"}');
        const source = JSON.stringify({ Statement: [{ Effect: "Deny", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": false } } }] });
        assert.deepStrictEqual(parse({ sourcePolicyDocuments: [source] }).Statement[0].Condition, { Bool: { "aws:SecureTransport": "false" } });
    });

    it("rejects duplicate Sids as the provider does, escapes HTML characters and ids the JSON by its CRC-32", () => {
        assert.throws(() => policyDocument({ statements: [{ sid: "X", actions: ["a:b"] }, { sid: "X", actions: ["c:d"] }] }), /duplicate Sid \(X\)/);
        const doc = policyDocument({ statements: [{ actions: ["s3:GetObject"], conditions: [{ test: "StringLike", variable: "aws:Referer", values: ["https://a.example/<x>&y"] }] }] });
        assert.ok(doc.json.includes("https://a.example/\\u003cx\\u003e\\u0026y"), doc.json);
        assert.strictEqual(doc.id, String(crc32(doc.json)));
        assert.ok(doc.json.includes('\n  "Statement": [\n    {\n      "Effect": "Allow",'), "indented by two spaces");
    });

    it("is what the mocks answer, with the call's own arguments alongside", () => {
        const { mocks } = createPlatformMocks({});
        const statements = [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] }] }];
        const result = mocks.call({ token: "aws:iam/getPolicyDocument:getPolicyDocument", inputs: { statements } }) as any;
        assert.strictEqual(result.json, policyDocument({ statements }).json);
        assert.deepStrictEqual(result.statements, statements);
    });
});

describe("mocks: lookups agree with each other", () => {
    it("describes each subnet of getSubnets in its own AZ and VPC, inside the VPC's CIDR", () => {
        const { mocks } = createPlatformMocks({ region: "eu-west-1" });
        const vpc = mocks.call({ token: "aws:ec2/getVpc:getVpc", inputs: { default: true } }) as any;
        const subnets = mocks.call({ token: "aws:ec2/getSubnets:getSubnets", inputs: { filters: [{ name: "vpc-id", values: [vpc.id] }] } }) as any;
        const described = subnets.ids.map((id: string) => mocks.call({ token: "aws:ec2/getSubnet:getSubnet", inputs: { id } }) as any);
        assert.deepStrictEqual(described.map((s: any) => s.availabilityZone), ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
        assert.ok(described.every((s: any) => s.vpcId === vpc.id && s.cidrBlock.startsWith("172.31.")), JSON.stringify(described.map((s: any) => [s.vpcId, s.cidrBlock])));
        assert.strictEqual(new Set(described.map((s: any) => s.cidrBlock)).size, 3);
        assert.strictEqual((mocks.call({ token: "aws:ec2/getVpc:getVpc", inputs: { id: vpc.id } }) as any).cidrBlock, "172.31.0.0/16");
    });
});

describe("mocks: the --mocks flag", () => {
    it("is documented and a module that does not exist is an input error naming it", async () => {
        assert.match(USAGE, /--mocks <module>/);
        let stderr = "";
        const code = await runCli(["--stack", "dev", "--program", LOOKUPS, "--no-policy", "--mocks", "no-such-mocks.ts"], { stdout: () => undefined, stderr: (t) => { stderr += t; }, colour: false, cwd: LOOKUPS });
        assert.strictEqual(code, 2);
        assert.strictEqual(stderr, `--mocks: ${path.join(LOOKUPS, "no-such-mocks.ts")} does not exist\n`);
    });
});
