import * as assert from "assert";
import { Cache, CacheArgs, validateCacheTopology } from "../../components/cache";
import { installMocks, ofType, RecordedResource, settle, valueOf } from "../support/mocks";

const tags = { owner: "data", "cost-center": "cc-1", "data-classification": "confidential", environment: "test" };
const KEY = "arn:aws:kms:us-east-1:123456789012:key/cache-key";
const LOGS_KEY = "arn:aws:kms:us-east-1:123456789012:key/logs-key";
const CLIENT_SG = "sg-client";

const args: CacheArgs = {
    nodeType: "cache.r7g.large",
    numCacheClusters: 3,
    vpcId: "vpc-1",
    subnetIds: ["subnet-iso-a", "subnet-iso-b", "subnet-iso-c"],
    clientSecurityGroupId: CLIENT_SG,
    kmsKeyArn: KEY,
    slowLogRetentionDays: 30,
    logsKmsKeyArn: LOGS_KEY,
    protect: true,
    tags,
};

describe("Cache component", () => {
    let recorded: RecordedResource[];
    let cache: Cache;
    const mine = () => recorded.filter((r) => r.name.startsWith("cachetest"));
    const group = () => ofType(mine(), "aws:elasticache/replicationGroup:ReplicationGroup")[0].inputs;

    before(async () => {
        recorded = installMocks({ stack: "cache-test" });
        cache = new Cache("cachetest", args);
        await settle();
    });

    it("fails over automatically across AZs with 3 nodes by default", () => {
        assert.strictEqual(group().numCacheClusters, 3);
        assert.strictEqual(group().automaticFailoverEnabled, true);
        assert.strictEqual(group().multiAzEnabled, true);
        assert.strictEqual(group().engine, "redis");
        assert.strictEqual(group().engineVersion, "7.1");
    });

    it("encrypts at rest with the CMK and requires TLS in transit", () => {
        assert.strictEqual(group().atRestEncryptionEnabled, true);
        assert.strictEqual(group().kmsKeyId, KEY);
        assert.strictEqual(group().transitEncryptionEnabled, true);
        assert.strictEqual(group().transitEncryptionMode, "required");
    });

    const user = (suffix: string) => ofType(mine(), "aws:elasticache/user:User").find((u) => u.name === `cachetest-${suffix}`)!.inputs;

    it("authenticates with IAM through a user group: no AUTH token, no password, no secret anywhere (finding 9)", async () => {
        assert.strictEqual(group().authToken, undefined, "an AUTH token would sit in Pulumi state");
        assert.strictEqual(group().authTokenUpdateStrategy, undefined);
        assert.deepStrictEqual(group().userGroupIds, ["cachetest-users"]);
        assert.deepStrictEqual(ofType(mine(), "random:index/randomPassword:RandomPassword"), []);
        assert.deepStrictEqual(ofType(mine(), "aws:secretsmanager/secret:Secret"), []);
        const users = ofType(mine(), "aws:elasticache/user:User");
        assert.ok(users.every((u) => u.inputs.passwords === undefined), "no user has a password");
        // IAM authentication requires user ID = user name; the application connects as that user.
        assert.deepStrictEqual([user("app-user").userId, user("app-user").userName, user("app-user").authenticationMode], ["cachetest-app", "cachetest-app", { type: "iam" }]);
        assert.strictEqual(await valueOf(cache.appUserId), "cachetest-app");
        assert.strictEqual(cache.clusterMode, false);
    });

    it("switches the user group's required default user off", () => {
        const def = user("default-user");
        assert.deepStrictEqual([def.userName, def.accessString, def.authenticationMode], ["default", "off -@all", { type: "no-password-required" }]);
        const users = ofType(mine(), "aws:elasticache/userGroup:UserGroup")[0].inputs;
        assert.deepStrictEqual([users.userGroupId, users.engine, users.userIds], ["cachetest-users", "redis", ["cachetest-default", "cachetest-app"]]);
    });

    it("admits only the client security group on 6379 and adds the client's egress rule", () => {
        const ingress = ofType(mine(), "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.strictEqual(ingress.length, 1);
        assert.strictEqual(ingress[0].inputs.referencedSecurityGroupId, CLIENT_SG);
        assert.strictEqual(ingress[0].inputs.fromPort, 6379);
        assert.strictEqual(ingress[0].inputs.toPort, 6379);
        assert.strictEqual(ingress[0].inputs.cidrIpv4, undefined);
        const egress = ofType(mine(), "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
        assert.strictEqual(egress.length, 1);
        assert.strictEqual(egress[0].inputs.securityGroupId, CLIENT_SG);
        assert.strictEqual(egress[0].inputs.fromPort, 6379);
        const sg = ofType(mine(), "aws:ec2/securityGroup:SecurityGroup")[0];
        assert.strictEqual(sg.inputs.egress, undefined);
        assert.deepStrictEqual(ofType(mine(), "aws:elasticache/subnetGroup:SubnetGroup")[0].inputs.subnetIds, args.subnetIds);
    });

    it("evicts with allkeys-lru from a redis7 parameter group named after its family", () => {
        const groups = ofType(mine(), "aws:elasticache/parameterGroup:ParameterGroup");
        assert.strictEqual(groups.length, 1);
        assert.strictEqual(groups[0].inputs.family, "redis7");
        assert.ok(groups[0].name.includes("redis7"));
        const policy = groups[0].inputs.parameters.find((p: { name: string }) => p.name === "maxmemory-policy");
        assert.strictEqual(policy?.value, "allkeys-lru");
    });

    it("keeps 7 days of snapshots and a final snapshot", () => {
        assert.strictEqual(group().snapshotRetentionLimit, 7);
        assert.ok(group().snapshotWindow);
        assert.strictEqual(group().finalSnapshotIdentifier, "cachetest-final");
        assert.strictEqual(group().autoMinorVersionUpgrade, true);
        assert.strictEqual(group().applyImmediately, false);
    });

    it("delivers slow and engine logs to a KMS-encrypted log group with retention", () => {
        const logGroup = ofType(mine(), "aws:cloudwatch/logGroup:LogGroup")[0];
        assert.strictEqual(logGroup.inputs.kmsKeyId, LOGS_KEY);
        assert.strictEqual(logGroup.inputs.retentionInDays, 30);
        const deliveries = group().logDeliveryConfigurations;
        assert.deepStrictEqual(deliveries.map((d: { logType: string }) => d.logType).sort(), ["engine-log", "slow-log"]);
        for (const d of deliveries) {
            assert.strictEqual(d.destinationType, "cloudwatch-logs");
            assert.ok(d.destination, "no log destination");
        }
    });

    it("protects the replication group", () => {
        for (const type of ["aws:elasticache/replicationGroup:ReplicationGroup"]) {
            const r = ofType(mine(), type)[0];
            assert.strictEqual(r.options.protect, true, type);
            assert.strictEqual(r.options.retainOnDelete, true, type);
        }
    });

    it("tags every taggable resource and parents every child to the component", () => {
        for (const r of mine().filter((r) => r.type !== "platform:data:Cache")) {
            assert.ok(r.options.parent.includes("platform:data:Cache"), `${r.key} not parented`);
            assert.strictEqual(r.inputs.tags?.owner, "data", `${r.key} untagged`);
        }
    });

    it("rejects failover or Multi-AZ with fewer than two nodes", () => {
        assert.match(validateCacheTopology(1, true, false) ?? "", /at least 2 nodes/);
        assert.match(validateCacheTopology(1, false, true) ?? "", /at least 2 nodes/);
        assert.strictEqual(validateCacheTopology(1, false, false), undefined);
        assert.strictEqual(validateCacheTopology(2, true, true), undefined);
        assert.throws(() => new Cache("cachetest-single", { ...args, numCacheClusters: 1, automaticFailover: true }), /Cache cachetest-single: automatic failover and Multi-AZ need at least 2 nodes/);
    });
});
