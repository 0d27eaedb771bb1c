import * as assert from "assert";
import { Cache, validateCacheTopology } from "../../components/cache";
import { Database } from "../../components/database";
import { engineFamily, engineVersionProblem, inExtendedSupport } from "../../lib/rules/engine-versions";
import { Edge } from "../../components/edge";
import { FargateService, isValidFargateSize, validFargateMemory } from "../../components/fargate-service";
import { ServiceLogs } from "../../components/service-logs";
import { installMocks, ofType, settle, TEST_TAGS } from "../support/mocks";

/** Each component refuses inputs AWS would reject or that would weaken it, before registering anything. */
describe("component input validation", () => {
    const tags = TEST_TAGS;
    let recorded: ReturnType<typeof installMocks>;
    before(() => {
        recorded = installMocks({ stack: "unit" });
    });

    const fargateArgs = {
        vpcId: "vpc-1", subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"], image: "app:1", containerPort: 3001,
        cpu: 2048, memory: 4096, desiredCount: 2, minCount: 2, maxCount: 10, targetCpuPercent: 70, targetGroupArn: "arn:tg",
        logGroup: { name: "/app", arn: "arn:aws:logs:us-east-1:123456789012:log-group:/app" }, tags,
    };

    it("knows Fargate's cpu/memory table", () => {
        assert.ok(isValidFargateSize(2048, 4096));
        assert.ok(!isValidFargateSize(2048, 2048));
        assert.deepStrictEqual(validFargateMemory(256), [512, 1024, 2048]);
        assert.strictEqual(validFargateMemory(8192).length, 12);
        assert.deepStrictEqual(validFargateMemory(3000), []);
    });

    it("FargateService rejects a bad size, inverted bounds and plaintext secrets", () => {
        assert.throws(() => new FargateService("bad-size", { ...fargateArgs, memory: 2048 }), /cpu 2048 with memory 2048 is not a Fargate size.*4096/);
        assert.throws(() => new FargateService("bad-bounds", { ...fargateArgs, minCount: 12 }), /minCount \(12\) <= desiredCount/);
        assert.throws(() => new FargateService("bad-env", { ...fargateArgs, environment: { DB_PASSWORD: "x" } }), /DB_PASSWORD look like secrets/);
        assert.throws(() => new FargateService("bad-path", { ...fargateArgs, writablePaths: ["var/log"] }), /writablePaths must be distinct absolute paths/);
        assert.throws(() => new FargateService("dup-path", { ...fargateArgs, writablePaths: ["/tmp", "/tmp"] }), /distinct absolute paths/);
    });

    it("FargateService puts secrets in `secrets` and scopes the execution role to them", async () => {
        new FargateService("ok", { ...fargateArgs, secrets: { JWT: "arn:aws:secretsmanager:us-east-1:123456789012:secret:jwt-AbCdEf" }, secretKmsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/k"] });
        await settle();
        const policy = ofType(recorded, "aws:iam/rolePolicy:RolePolicy").find((r) => r.name === "ok-execution-secrets")!;
        const statements = JSON.parse(policy.inputs.policy).Statement;
        assert.deepStrictEqual(statements[0].Resource, ["arn:aws:secretsmanager:us-east-1:123456789012:secret:jwt-AbCdEf"]);
        assert.deepStrictEqual(statements[1], { Effect: "Allow", Action: ["kms:Decrypt"], Resource: ["arn:aws:kms:us-east-1:123456789012:key/k"] });
    });

    it("Edge needs exactly one certificate source and a TLS 1.3 policy", () => {
        const edge = { vpcId: "v", publicSubnetIds: ["s"], appPort: 80, deletionProtection: true, accessLogs: { bucket: "b" }, wafLogRetentionDays: 365 as const, logsKmsKeyArn: "k", tags };
        assert.throws(() => new Edge("no-cert", edge), /exactly one of certificateArn or domainName/);
        assert.throws(() => new Edge("two-certs", { ...edge, certificateArn: "arn", domainName: "a.example.com" }), /exactly one/);
        assert.throws(() => new Edge("tls12", { ...edge, certificateArn: "arn", sslPolicy: "ELBSecurityPolicy-2016-08" }), /not a TLS 1.3 policy/);
        // ALB and target-group name prefixes are at most 6 characters (AWS appends a unique suffix).
        assert.throws(() => new Edge("long-prefix", { ...edge, certificateArn: "arn", namePrefix: "mita-api" }), /namePrefix mita-api must be 1–6/);
    });

    it("Database takes creatable major versions only, and names parameter-group families", () => {
        assert.strictEqual(engineVersionProblem("postgres", "15"), undefined);
        assert.strictEqual(engineVersionProblem("mysql", "8.0"), undefined);
        assert.match(engineVersionProblem("postgres", "15.12")!, /pins a minor version/);
        assert.match(engineVersionProblem("mysql", "8.0.40")!, /give the major only: "8.0"/);
        assert.match(engineVersionProblem("mysql", "5.7")!, /not a major version RDS can create/);
        assert.match(engineVersionProblem("postgres", "9.6")!, /allowed: 14, 15, 16, 17/);
        assert.strictEqual(engineFamily("postgres", "15"), "postgres15");
        assert.strictEqual(engineFamily("mysql", "8.0"), "mysql8.0");
        assert.strictEqual(engineFamily("mysql", "8.4"), "mysql8.4");
        assert.ok(inExtendedSupport("mysql", "8.0", "2026-11-23"), "MySQL 8.0 left RDS standard support on 2026-07-31");
        assert.ok(!inExtendedSupport("postgres", "15", "2026-11-23"));
        const db = {
            engine: "postgres" as const, engineVersion: "14.9", instanceClass: "db.t4g.medium", allocatedStorageGb: 20, maxAllocatedStorageGb: 100,
            multiAz: false, vpcId: "v", subnetIds: ["s"], clientSecurityGroupId: "sg", kmsKeyArn: "k", databaseName: "d", masterUsername: "u",
            backupRetentionDays: 7, protect: false, tags,
        };
        assert.throws(() => new Database("old", db), /14\.9 pins a minor version/);
        assert.throws(() => new Database("replicas", { ...db, engineVersion: "15", instanceClass: "db.r6gd.large", readReplicas: 2, maxAllocatedStorageGb: undefined }), /readReplicas: needs a Multi-AZ primary/);
    });

    it("Cache refuses failover with one node", () => {
        assert.strictEqual(validateCacheTopology(2, true, true), undefined);
        assert.match(validateCacheTopology(1, true, false)!, /at least 2 nodes/);
        assert.throws(() => new Cache("one-node", {
            nodeType: "cache.t4g.small", numCacheClusters: 1, automaticFailover: true, vpcId: "v", subnetIds: ["s"], clientSecurityGroupId: "sg",
            kmsKeyArn: "k", slowLogRetentionDays: 30, logsKmsKeyArn: "k", protect: false, tags,
        }), /automatic failover and Multi-AZ need at least 2 nodes, got 1/);
    });

    it("ServiceLogs refuses retentions CloudWatch does not allow", () => {
        assert.throws(() => new ServiceLogs("logs", { serviceName: "s", kmsKeyArn: "k", auditRetentionDays: 2555, protect: false, tags }), /audit retention 2555 .* nearest allowed is 2557/);
    });

    it("registers nothing for a rejected Database, Edge, FargateService, Network or Backup (validation comes first)", async () => {
        await settle();
        const rejected = ["old", "replicas", "no-cert", "two-certs", "tls12", "long-prefix", "bad-size", "bad-bounds", "bad-env", "bad-path", "dup-path"];
        const leftovers = recorded.filter((r) => rejected.includes(r.name) || rejected.some((n) => r.name.startsWith(`${n}-`)));
        assert.deepStrictEqual(leftovers.map((r) => r.key), []);
    });
});
