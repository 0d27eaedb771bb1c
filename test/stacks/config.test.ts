import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { ConfigError, parseConfig } from "../../stacks/config";

const ROOT = path.resolve(__dirname, "../..");

/** The stack's config as Pulumi would hand it over: `platform:environment` and `platform:services` objects. */
function stackConfig(stack: string): { environment: any; services: any } {
    const doc = YAML.parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8"));
    return structuredClone({ environment: doc.config["platform:environment"], services: doc.config["platform:services"] });
}

function expectConfigError(raw: { environment: any; services: any }, stack: string, ...fragments: string[]): string {
    try {
        parseConfig(raw, stack);
    } catch (err) {
        assert.ok(err instanceof ConfigError, `expected ConfigError, got ${err}`);
        const message = (err as Error).message;
        for (const fragment of fragments) {
            assert.ok(message.includes(fragment), `message should contain ${JSON.stringify(fragment)}:\n${message}`);
        }
        return message;
    }
    assert.fail("expected a ConfigError");
}

describe("stack configuration", () => {
    it("accepts both committed stacks and applies the seeds' sizes", () => {
        const production = parseConfig(stackConfig("production"), "production");
        const lms = production.services["lms-backend"];
        assert.deepStrictEqual([lms.cpu, lms.memory, lms.minCount, lms.maxCount, lms.targetCpuPercent], [2048, 4096, 2, 10, 70]);
        assert.strictEqual(lms.containerPort, 3001);
        assert.strictEqual(lms.database.engine, "mysql");
        assert.strictEqual(lms.database.readReplicas, 2);
        assert.strictEqual(lms.database.engineVersion, "8.0");
        assert.strictEqual(lms.cache.numNodes, 3);
        const mita = production.services["mita-api"];
        assert.strictEqual(mita.database.engine, "postgres");
        assert.strictEqual(mita.database.engineVersion, "15", "major only: RDS applies minor upgrades");
        assert.strictEqual(mita.cache.numNodes, 2);
        assert.deepStrictEqual(mita.waf.geoBlockCountries, ["CN", "RU", "KP"]);
        assert.strictEqual(mita.waf.rateLimitPerIp, 2000);
        assert.strictEqual(production.environment.vpcCidr, "10.0.0.0/16");
        assert.strictEqual(production.environment.name, "production");
        const staging = parseConfig(stackConfig("staging"), "staging");
        assert.strictEqual(staging.environment.natGateways, "single");
        assert.ok(staging.services["lms-backend"].cpu < lms.cpu, "staging is smaller than production");
        assert.strictEqual(staging.services["lms-backend"].cache.transitEncryption, true, "staging keeps transit encryption");
    });

    it("rejects a bad VPC CIDR naming the key and value", () => {
        const raw = stackConfig("production");
        raw.environment.vpcCidr = "10.0.0.0/33";
        expectConfigError(raw, "production", "platform:environment.vpcCidr", '"10.0.0.0/33"', "CIDR");
        raw.environment.vpcCidr = "8.8.0.0/16";
        expectConfigError(raw, "production", "platform:environment.vpcCidr", "private (RFC 1918)");
    });

    it("rejects an unknown database engine and lists the allowed ones", () => {
        const raw = stackConfig("production");
        raw.services["mita-api"].database.engine = "oracle";
        expectConfigError(raw, "production", "platform:services.mita-api.database.engine", '"oracle"', '"postgres", "mysql"');
    });

    it("rejects an unknown engine version", () => {
        const raw = stackConfig("production");
        raw.services["mita-api"].database.engineVersion = "9.6.1";
        expectConfigError(raw, "production", "platform:services.mita-api.database.engineVersion", '"9.6.1"', "allowed");
    });

    it("rejects a pinned minor engine version and names the major to give", () => {
        const raw = stackConfig("production");
        raw.services["mita-api"].database.engineVersion = "15.12";
        expectConfigError(raw, "production", "platform:services.mita-api.database.engineVersion", '"15.12"', 'give the major only: "15"');
    });

    it("rejects read replicas RDS would refuse for a managed-password source, and non-cluster classes for two", () => {
        const raw = stackConfig("production");
        raw.services["lms-backend"].database.readReplicas = 1;
        expectConfigError(raw, "production", "platform:services.lms-backend.database.readReplicas", "allowed: 0, or 2");
        raw.services["lms-backend"].database.readReplicas = 2;
        raw.services["lms-backend"].database.instanceClass = "db.r5.xlarge";
        expectConfigError(raw, "production", "platform:services.lms-backend.database.readReplicas", "db.r5.xlarge is not one");
    });

    it("rejects overlapping or out-of-VPC explicit subnet CIDRs", () => {
        const raw = stackConfig("production");
        raw.environment.subnetCidrs.app[0] = "10.0.1.0/24";
        expectConfigError(raw, "production", "platform:environment.subnetCidrs", "overlaps 10.0.1.0/24");
        raw.environment.subnetCidrs.app[0] = "10.9.10.0/24";
        expectConfigError(raw, "production", "platform:environment.subnetCidrs", "outside the VPC block");
    });

    it("rejects a cpu/memory pair Fargate does not accept and lists valid memory", () => {
        const raw = stackConfig("production");
        raw.services["lms-backend"].memory = 2048;
        expectConfigError(raw, "production", "platform:services.lms-backend.memory", "2048", "cpu 2048", "4096");
        raw.services["lms-backend"].cpu = 3000;
        expectConfigError(raw, "production", "platform:services.lms-backend.cpu", "3000", "256, 512, 1024, 2048, 4096");
    });

    it("rejects min tasks above max tasks", () => {
        const raw = stackConfig("production");
        raw.services["lms-backend"].minCount = 12;
        expectConfigError(raw, "production", "platform:services.lms-backend.minCount", "12", "greater than maxCount (10)");
    });

    it("rejects a missing image", () => {
        const raw = stackConfig("production");
        delete raw.services["mita-api"].image;
        expectConfigError(raw, "production", "platform:services.mita-api.image", "(missing)", "is required");
    });

    it("rejects a log retention CloudWatch does not allow and names the nearest one", () => {
        const raw = stackConfig("production");
        raw.services["mita-api"].logs.auditRetentionDays = 2555;
        expectConfigError(raw, "production", "platform:services.mita-api.logs.auditRetentionDays", "2555", "nearest allowed is 2557");
    });

    it("rejects retention below the production floor but accepts it in staging", () => {
        const raw = stackConfig("production");
        raw.services["mita-api"].database.backupRetentionDays = 7;
        expectConfigError(raw, "production", "platform:services.mita-api.database.backupRetentionDays", "7", "production floor");
        raw.services["mita-api"].database.backupRetentionDays = 30;
        raw.environment.backup.dailyRetentionDays = 14;
        expectConfigError(raw, "production", "platform:environment.backup.dailyRetentionDays", "14", "30 days or more");
        const staging = stackConfig("staging");
        assert.strictEqual(parseConfig(staging, "staging").services["mita-api"].database.backupRetentionDays, 7);
    });

    it("rejects read replicas on a single-AZ primary", () => {
        const raw = stackConfig("staging");
        raw.services["lms-backend"].database.readReplicas = 1;
        expectConfigError(raw, "staging", "platform:services.lms-backend.database.readReplicas", "Multi-AZ primary");
    });

    it("rejects a cache that cannot fail over with failover on", () => {
        const raw = stackConfig("staging");
        raw.services["mita-api"].cache.numNodes = 1;
        expectConfigError(raw, "staging", "platform:services.mita-api.cache.numNodes", "1", "2 or more nodes");
    });

    it("rejects turning transit encryption off (it would replace the replication group)", () => {
        const raw = stackConfig("staging");
        raw.services["mita-api"].cache.transitEncryption = false;
        expectConfigError(raw, "staging", "platform:services.mita-api.cache.transitEncryption", "false", "replaces the replication group");
    });

    it("requires production protections: NAT per AZ, Multi-AZ, compliance vault lock", () => {
        const raw = stackConfig("production");
        raw.environment.natGateways = "single";
        raw.services["mita-api"].database.multiAz = false;
        raw.environment.backup.vaultLockMode = "governance";
        const message = expectConfigError(raw, "production", "platform:environment.natGateways", "platform:services.mita-api.database.multiAz", "platform:environment.backup.vaultLockMode");
        assert.match(message, /3 problems/);
    });

    it("rejects a secret-looking plain environment variable", () => {
        const raw = stackConfig("production");
        raw.services["mita-api"].environment.DATABASE_PASSWORD = "hunter2";
        const message = expectConfigError(raw, "production", "platform:services.mita-api.environment.DATABASE_PASSWORD", "appSecrets");
        assert.ok(!message.includes("hunter2"), "the value of a secret-looking key is never echoed");
    });

    it("prints no stack trace for a user error", () => {
        const raw = stackConfig("production");
        raw.environment.vpcCidr = "nonsense";
        try {
            parseConfig(raw, "production");
            assert.fail("expected a ConfigError");
        } catch (err) {
            // pulumi.RunError is the SDK's "print the message, not the stack" error type.
            const pulumi = require("@pulumi/pulumi");
            assert.ok(err instanceof pulumi.RunError);
        }
    });
});
