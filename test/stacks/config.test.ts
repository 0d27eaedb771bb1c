import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as YAML from "yaml";
import { ConfigError, loadConfig, nearestKey, parseConfig, securePathsIn } from "../../components/application-config";
import { installMocks } from "../support/mocks";
import { hasHostBits, networkOf } from "../../lib/rules/cidr";
import * as defaults from "../../lib/defaults";
import { SEVEN_YEARS_DAYS } from "../../lib/rules/retention";
import { availabilityZonesOf, isAvailabilityZoneOf, regionOfAvailabilityZone } from "../../lib/rules/regions";
import { runCli } from "../../scripts/preview/cli";
import { EXIT_INPUT_ERROR, EXIT_OK } from "../../scripts/preview/errors";
import { REPORT_FILES } from "../../scripts/preview/write-reports";
import { ACCEPTED_TLS_POLICIES } from "../../lib/rules/tls";

const ROOT = path.resolve(__dirname, "../..");
const SECURE_PROGRAM = path.join(ROOT, "test/fixtures/programs/secure-config");

/** The stack's config as Pulumi would hand it over: `platform:environment` and `platform:services` objects. */
function stackConfig(stack: string): { environment: any; services: any } {
    const doc = YAML.parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8"));
    return structuredClone({ environment: doc.config["platform:environment"], services: doc.config["platform:services"] });
}

function configError(raw: { environment: any; services: any }, stack: string, secure?: { paths: Array<Array<string | number>> }): string {
    try {
        parseConfig(raw, stack, "platform", secure);
    } catch (err) {
        assert.ok(err instanceof ConfigError, `expected ConfigError, got ${err}`);
        return (err as Error).message;
    }
    assert.fail("expected a ConfigError");
}

/** The one problem of a single-problem error, without the header. */
function problem(raw: { environment: any; services: any }, stack = "production", secure?: { paths: Array<Array<string | number>> }): string {
    const message = configError(raw, stack, secure);
    const header = `Invalid stack configuration in Pulumi.${stack}.yaml: `;
    assert.ok(message.startsWith(header), `expected one problem with header ${JSON.stringify(header)}:\n${message}`);
    return message.slice(header.length);
}

function expectConfigError(raw: { environment: any; services: any }, stack: string, ...fragments: string[]): string {
    const message = configError(raw, stack);
    for (const fragment of fragments) {
        assert.ok(message.includes(fragment), `message should contain ${JSON.stringify(fragment)}:\n${message}`);
    }
    return message;
}

describe("stack configuration", () => {
    it("accepts both committed stacks and applies the seeds' sizes", () => {
        const production = parseConfig(stackConfig("production"), "production");
        const lms = production.services["lms-backend"];
        assert.deepStrictEqual([lms.cpu, lms.memory, lms.minCount, lms.maxCount, lms.targetCpuPercent], [2048, 4096, 2, 10, 70]);
        assert.strictEqual(lms.containerPort, 3001);
        assert.strictEqual(lms.database.engine, "aurora-mysql");
        assert.strictEqual(lms.database.readReplicas, 2);
        assert.strictEqual(lms.database.engineVersion, "8.0");
        assert.strictEqual(lms.database.readerInstanceClass, "db.r5.large");
        assert.strictEqual(lms.cache.numNodes, 3);
        const mita = production.services["mita-api"];
        assert.strictEqual(mita.database.engine, "postgres");
        assert.strictEqual(mita.database.engineVersion, "15", "major only: RDS applies minor upgrades");
        assert.strictEqual(mita.cache.numNodes, 2);
        assert.deepStrictEqual(mita.waf.geoBlockCountries, ["CN", "RU", "KP"]);
        assert.strictEqual(mita.waf.rateLimitPerIp, 2000);
        assert.deepStrictEqual(mita.secretEnvironment, {});
        assert.strictEqual(production.environment.vpcCidr, "10.0.0.0/16");
        assert.strictEqual(production.environment.name, "production");
        const staging = parseConfig(stackConfig("staging"), "staging");
        assert.strictEqual(staging.environment.natGateways, "single");
        assert.ok(staging.services["lms-backend"].cpu < lms.cpu, "staging is smaller than production");
        assert.strictEqual(staging.services["lms-backend"].cache.transitEncryption, true, "staging keeps transit encryption");
    });

    it("fills every omitted optional key with the default the components use (lib/defaults.ts, one home)", () => {
        const raw = stackConfig("staging");
        const name = Object.keys(raw.services)[0];
        const svc = raw.services[name];
        for (const key of ["healthCheckPath", "writablePaths", "logs", "alarms"]) delete svc[key];
        for (const key of ["hsts", "frameOptions"]) delete svc.tls?.[key];
        if (svc.waf) delete svc.waf.rateLimitPerIp;
        if (svc.database) delete svc.database.performanceInsightsRetentionDays;
        if (svc.cache) for (const key of ["engineVersion", "snapshotRetentionDays"]) delete svc.cache[key];
        for (const bucket of svc.storage?.buckets ?? []) delete bucket.transitionToIaDays;
        const parsed: any = parseConfig(raw, "staging").services[name];
        assert.deepStrictEqual(
            [parsed.healthCheckPath, parsed.writablePaths, parsed.tls.hsts, parsed.tls.frameOptions, parsed.waf.rateLimitPerIp, parsed.logs, parsed.alarms.p95LatencySeconds, parsed.alarms.error5xxPercent],
            [defaults.DEFAULT_HEALTH_CHECK_PATH, defaults.DEFAULT_WRITABLE_PATHS, defaults.DEFAULT_HSTS, defaults.DEFAULT_FRAME_OPTIONS, defaults.DEFAULT_WAF_RATE_LIMIT_PER_IP,
                { applicationRetentionDays: defaults.DEFAULT_APPLICATION_LOG_RETENTION_DAYS, errorRetentionDays: defaults.DEFAULT_ERROR_LOG_RETENTION_DAYS, auditRetentionDays: SEVEN_YEARS_DAYS },
                defaults.DEFAULT_P95_LATENCY_SECONDS, defaults.DEFAULT_5XX_PERCENT],
        );
        assert.strictEqual(parsed.database.performanceInsightsRetentionDays, defaults.DEFAULT_PERFORMANCE_INSIGHTS_RETENTION_DAYS);
        assert.deepStrictEqual([parsed.cache.engineVersion, parsed.cache.snapshotRetentionDays], [defaults.DEFAULT_REDIS_ENGINE_VERSION, defaults.DEFAULT_REDIS_SNAPSHOT_RETENTION_DAYS]);
        assert.ok(parsed.storage.buckets.length > 0 && parsed.storage.buckets.every((b: any) => b.transitionToIaDays === defaults.DEFAULT_TRANSITION_TO_IA_DAYS));
    });

    describe("wrong types say what was received and what is expected", () => {
        it("a quoted number", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].containerPort = "8080";
            assert.strictEqual(problem(raw), 'platform:services.mita-api.containerPort: received string "8080"; expected an integer 1–65535');
        });

        it("a fraction where an integer is expected", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].containerPort = 8080.5;
            assert.strictEqual(problem(raw), "platform:services.mita-api.containerPort: received number 8080.5, not an integer; expected an integer 1–65535");
        });

        it("a number out of range, in the platform's words", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].database.backupRetentionDays = 40;
            assert.strictEqual(problem(raw), "platform:services.mita-api.database.backupRetentionDays: received 40; expected an integer 1–35 days");
        });

        it("a list where a map is expected", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].tls = ["x"];
            assert.strictEqual(problem(raw), "platform:services.mita-api.tls: received a list of 1 item; expected a map of keys (see the configuration reference in README.md)");
        });

        it("an invalid map key (a service name)", () => {
            const raw = stackConfig("staging");
            raw.services.Mita_API = raw.services["mita-api"];
            assert.strictEqual(problem(raw, "staging"), "platform:services: `Mita_API` is not a valid key; expected a service name of 2–25 lower-case letters, digits or dashes");
        });

        it("a missing required key", () => {
            const raw = stackConfig("production");
            delete raw.services["mita-api"].image;
            assert.strictEqual(problem(raw), "platform:services.mita-api.image: is required; expected the container image to run, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2");
        });

        it("an unknown enum value lists the allowed ones", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].database.engine = "oracle";
            assert.strictEqual(problem(raw), 'platform:services.mita-api.database.engine: received "oracle"; expected one of "postgres", "mysql", "aurora-mysql"');
        });
    });

    describe("objects are strict", () => {
        it("an unknown key names it and suggests the nearest known key", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].cache.numNode = 3;
            assert.strictEqual(problem(raw), "platform:services.mita-api.cache: unknown key `numNode` — did you mean numNodes?");
        });

        it("a misspelt optional key is not silently dropped (the disaster-recovery copy)", () => {
            const raw = stackConfig("production");
            raw.environment.backup.disasterRecoveryRgion = raw.environment.backup.disasterRecoveryRegion;
            delete raw.environment.backup.disasterRecoveryRegion;
            assert.strictEqual(problem(raw), "platform:environment.backup: unknown key `disasterRecoveryRgion` — did you mean disasterRecoveryRegion?");
        });

        it("an unknown key far from every known key lists the allowed keys and never echoes its value", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].database.password = "hunter2";
            const message = problem(raw);
            assert.strictEqual(message, "platform:services.mita-api.database: unknown key `password`; allowed keys: engine, engineVersion, instanceClass, readerInstanceClass, allocatedStorageGb, maxAllocatedStorageGb, multiAz, readReplicas, backupRetentionDays, databaseName, masterUsername, performanceInsightsRetentionDays, appUsername, binlogRetentionHours, parameters");
            assert.ok(!message.includes("hunter2"));
        });

        it("a misspelt required key names the key found", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].databse = raw.services["mita-api"].database;
            delete raw.services["mita-api"].database;
            assert.strictEqual(problem(raw), "platform:services.mita-api: database is required; found `databse` — did you mean database?");
        });

        it("nearestKey only suggests close names", () => {
            assert.strictEqual(nearestKey("numNode", ["nodeType", "numNodes"]), "numNodes");
            assert.strictEqual(nearestKey("password", ["engine", "multiAz"]), undefined);
        });
    });

    describe("accepted by shape but invalid for AWS", () => {
        it("an AZ that does not exist in the region", () => {
            const raw = stackConfig("production");
            raw.environment.availabilityZones[2] = "us-east-1q";
            assert.strictEqual(problem(raw), 'platform:environment.availabilityZones[2]: received "us-east-1q"; is not an availability zone of us-east-1; allowed: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f');
        });

        it("an AZ of another region", () => {
            const raw = stackConfig("staging");
            raw.environment.availabilityZones = ["us-east-1a", "us-west-2b"];
            assert.strictEqual(problem(raw, "staging"), 'platform:environment.availabilityZones[1]: received "us-west-2b"; is not an availability zone of us-east-1; allowed: us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e, us-east-1f');
        });

        it("a repeated AZ", () => {
            const raw = stackConfig("staging");
            raw.environment.availabilityZones = ["us-east-1a", "us-east-1a"];
            assert.strictEqual(problem(raw, "staging"), "platform:environment.availabilityZones: must not repeat an availability zone");
        });

        it("a region that is not in the table", () => {
            const raw = stackConfig("production");
            raw.environment.backup.disasterRecoveryRegion = "us-west-9";
            assert.match(problem(raw), /^platform:environment\.backup\.disasterRecoveryRegion: received "us-west-9"; is not a Region in lib\/rules\/regions\.ts; allowed: us-east-1, /);
        });

        it("a VPC CIDR with host bits set names the network address", () => {
            const raw = stackConfig("production");
            raw.environment.vpcCidr = "10.0.7.1/16";
            assert.strictEqual(problem(raw), 'platform:environment.vpcCidr: received "10.0.7.1/16"; has host bits set; the network address is 10.0.0.0/16');
        });

        it("a VPC CIDR that is not a CIDR, or not private", () => {
            const raw = stackConfig("production");
            raw.environment.vpcCidr = "10.0.0.0/33";
            assert.strictEqual(problem(raw), 'platform:environment.vpcCidr: received "10.0.0.0/33"; expected an IPv4 CIDR block such as 10.0.0.0/16');
            raw.environment.vpcCidr = "8.8.0.0/16";
            assert.strictEqual(problem(raw), 'platform:environment.vpcCidr: received "8.8.0.0/16"; must be in a private (RFC 1918) range: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16');
        });

        it("a VPC CIDR at the edges of the private ranges and of the prefix bounds (/16–/22)", () => {
            const raw = stackConfig("production");
            const outcome = (cidr: string) => {
                raw.environment.vpcCidr = cidr;
                const p = problem(raw);
                return p.startsWith("platform:environment.vpcCidr:") ? p.replace(/^.*; /, "") : p;
            };
            const notPrivate = "must be in a private (RFC 1918) range: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16";
            const prefix = "must have a prefix between /16 and /22 (room for three subnet tiers per AZ)";
            for (const cidr of ["172.32.0.0/16", "172.15.0.0/16", "192.169.0.0/16", "11.0.0.0/16", "9.255.0.0/16"]) assert.strictEqual(outcome(cidr), notPrivate, cidr);
            for (const cidr of ["10.0.0.0/8", "172.16.0.0/12", "10.0.0.0/15", "10.0.0.0/23"]) assert.strictEqual(outcome(cidr), prefix, cidr);
            for (const cidr of ["172.16.0.0/16", "172.31.0.0/16", "192.168.0.0/16", "10.255.0.0/16"]) assert.doesNotMatch(outcome(cidr), /vpcCidr|private|prefix between/, cidr);
        });

        it("duplicate bucket names (a duplicate URN at pulumi up)", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].storage.buckets[1].name = "receipts";
            assert.strictEqual(problem(raw), 'platform:services.mita-api.storage.buckets[1].name: received "receipts"; repeats bucket receipts (also storage.buckets[0]); bucket names must be unique within a service');
        });

        it("a bucket named like the platform's own bucket", () => {
            const raw = stackConfig("production");
            raw.services["lms-backend"].storage.buckets[0].name = "alb-logs";
            assert.strictEqual(problem(raw), 'platform:services.lms-backend.storage.buckets[0].name: received "alb-logs"; is the name of the platform\'s own alb-logs bucket; choose another name');
        });

        it("a service whose resource names collide with another service's components", () => {
            const raw = stackConfig("staging");
            raw.services["mita-api-db"] = structuredClone(raw.services["mita-api"]);
            assert.strictEqual(problem(raw, "staging"), "platform:services.mita-api-db: would give resources the same names as service mita-api's db component (staging-mita-api-db-…); rename one of them");
        });

        it("an app secret listed twice, or also set in environment", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].appSecrets.push("STRIPE_SECRET_KEY");
            assert.strictEqual(problem(raw), "platform:services.mita-api.appSecrets[3]: lists STRIPE_SECRET_KEY twice (two secrets with one name)");
            raw.services["mita-api"].appSecrets.pop();
            raw.services["mita-api"].environment.STRIPE_WEBHOOK_SECRET = "decrypted-by-the-engine";
            const message = problem(raw, "production", { paths: [["services", "mita-api", "environment", "STRIPE_WEBHOOK_SECRET"]] });
            assert.strictEqual(message, "platform:services.mita-api.appSecrets[1]: STRIPE_WEBHOOK_SECRET is also set in environment; give it in one place only");
        });

        it("a generated secret also set in environment or in appSecrets, or of a length out of range", () => {
            const raw = stackConfig("production");
            raw.services["lms-backend"].environment.JWT_SECRET = "decrypted-by-the-engine";
            assert.strictEqual(problem(raw, "production", { paths: [["services", "lms-backend", "environment", "JWT_SECRET"]] }),
                "platform:services.lms-backend.generatedSecrets.JWT_SECRET: JWT_SECRET is also set in environment; give it in one place only");
            const again = stackConfig("production");
            again.services["mita-api"].appSecrets.push("DEVICE_ID_SALT");
            assert.strictEqual(problem(again), "platform:services.mita-api.generatedSecrets.DEVICE_ID_SALT: DEVICE_ID_SALT is also in appSecrets; a secret is either generated or put out of band");
            const short = stackConfig("production");
            short.services["lms-backend"].generatedSecrets.ENCRYPTION_KEY = 8;
            assert.match(problem(short), /^platform:services\.lms-backend\.generatedSecrets\.ENCRYPTION_KEY: .*16/);
        });

        it("production must say whether out-of-band secrets are set (appSecretsReady); elsewhere it is optional", () => {
            const raw = stackConfig("production");
            delete raw.services["mita-api"].appSecretsReady;
            assert.match(problem(raw), /^platform:services\.mita-api\.appSecretsReady: must be declared because appSecrets \(STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, FIREBASE_PRIVATE_KEY\) are put out of band: false holds the service at 0 tasks/);
            const lms = stackConfig("production");
            lms.services["lms-backend"].appSecretsReady = true;
            assert.strictEqual(problem(lms), "platform:services.lms-backend.appSecretsReady: is only used with appSecrets (secrets put out of band); remove it");
            const staging = stackConfig("staging");
            delete staging.services["mita-api"].appSecretsReady;
            assert.doesNotThrow(() => parseConfig(staging, "staging"));
        });

        it("an app secret named like a variable the platform sets itself", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].appSecrets.push("S3_BUCKET_RECEIPTS");
            assert.strictEqual(problem(raw), "platform:services.mita-api.appSecrets: S3_BUCKET_RECEIPTS is set by the platform (database, cache and bucket wiring); choose another name");
        });

        it("a variable the platform sets itself", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].environment.DATABASE_HOST = "localhost";
            assert.strictEqual(problem(raw), "platform:services.mita-api.environment.DATABASE_HOST: DATABASE_HOST is set by the platform (database, cache and bucket wiring); choose another name");
        });
    });

    describe("cross-field rules", () => {
        const cases: Array<[string, string, (raw: any) => void, string]> = [
            ["cpu/memory pair", "production", (r) => { r.services["lms-backend"].memory = 2048; }, "platform:services.lms-backend.memory: received 2048; is not a memory size Fargate accepts with cpu 2048; allowed: 4096, 5120, 6144, 7168, 8192, 9216, 10240, 11264, 12288, 13312, 14336, 15360, 16384 MiB"],
            ["cpu size", "production", (r) => { r.services["lms-backend"].cpu = 3000; }, "platform:services.lms-backend.cpu: received 3000; is not a Fargate CPU size; allowed: 256, 512, 1024, 2048, 4096, 8192, 16384"],
            ["min above max", "production", (r) => { r.services["lms-backend"].minCount = 12; }, "platform:services.lms-backend.minCount: received 12; is greater than maxCount (10); allowed: 1 to 10"],
            ["desired outside min..max", "production", (r) => { r.services["lms-backend"].desiredCount = 11; }, "platform:services.lms-backend.desiredCount: received 11; must be between minCount (2) and maxCount (10)"],
            ["production min tasks", "production", (r) => { r.services["lms-backend"].minCount = 1; r.services["lms-backend"].desiredCount = 1; }, "platform:services.lms-backend.minCount: received 1; must be at least 2 in production (one task per AZ survives an AZ failure); allowed: 2 or more"],
            ["TLS 1.3 policy that still accepts TLS 1.0", "production", (r) => { r.services["mita-api"].tls.sslPolicy = "ELBSecurityPolicy-TLS13-1-0-2021-06"; }, `platform:services.mita-api.tls.sslPolicy: received "ELBSecurityPolicy-TLS13-1-0-2021-06"; expected one of ${ACCEPTED_TLS_POLICIES.map((p) => JSON.stringify(p)).join(", ")}`],
            ["tls: exactly one of", "production", (r) => { r.services["mita-api"].tls.domainName = "api.example.com"; }, "platform:services.mita-api.tls: must set exactly one of certificateArn (an existing ACM certificate) or domainName (a new DNS-validated one)"],
            ["hostedZoneId without domainName", "production", (r) => { r.services["mita-api"].tls.hostedZoneId = "Z1EXAMPLE"; }, 'platform:services.mita-api.tls.hostedZoneId: received "Z1EXAMPLE"; is only used with domainName (the zone where the certificate is validated)'],
            ["audit log floor", "production", (r) => { r.services["mita-api"].logs.auditRetentionDays = 365; }, "platform:services.mita-api.logs.auditRetentionDays: received 365; is below the 7-year audit-log floor; allowed: 2557 or more"],
            ["retention value", "production", (r) => { r.services["mita-api"].logs.auditRetentionDays = 2555; }, "platform:services.mita-api.logs.auditRetentionDays: received 2555; is not a CloudWatch Logs retention; nearest allowed is 2557 (allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)"],
            ["engine version", "production", (r) => { r.services["mita-api"].database.engineVersion = "9.6.1"; }, 'platform:services.mita-api.database.engineVersion: received "9.6.1"; postgres 9.6.1 is not a major version RDS can create; allowed: 14, 15, 16, 17'],
            ["pinned minor engine version", "production", (r) => { r.services["mita-api"].database.engineVersion = "15.12"; }, 'platform:services.mita-api.database.engineVersion: received "15.12"; '],
            ["one read replica", "production", (r) => { r.services["mita-api"].database.readReplicas = 1; }, "platform:services.mita-api.database.readReplicas: received 1; 1 read replicas cannot be created: RDS refuses read replicas of a source with a managed master password; allowed: 0, or 2 (a Multi-AZ DB cluster with two readable standbys), or use engine aurora-mysql (0 to 15 readers)"],
            ["two readable copies need a cluster class", "production", (r) => { r.services["mita-api"].database.readReplicas = 2; }, "platform:services.mita-api.database.readReplicas: received 2; 2 readable standbys need a Multi-AZ DB cluster, which offers instance families c6gd, m5d, m6gd, m6id, m6idn, r5d, r6gd, r6id, r6idn, x2iedn; db.r6g.2xlarge is not one (e.g. db.r6gd.xlarge for db.r5.xlarge)"],
            ["a storage size for Aurora", "production", (r) => { r.services["lms-backend"].database.allocatedStorageGb = 500; }, "platform:services.lms-backend.database.allocatedStorageGb: received 500; is not allowed with an Aurora engine: the cluster volume grows with the data (no allocated size)"],
            ["a storage ceiling for Aurora", "production", (r) => { r.services["lms-backend"].database.maxAllocatedStorageGb = 1000; }, "platform:services.lms-backend.database.maxAllocatedStorageGb: received 1000; is not allowed with an Aurora engine: the cluster volume grows with the data, there is no ceiling to set"],
            ["Aurora Multi-AZ without a reader", "production", (r) => { r.services["lms-backend"].database.readReplicas = 0; }, "platform:services.lms-backend.database.multiAz: received true; an Aurora cluster is Multi-AZ through a reader instance in another AZ: give readReplicas 1 or more, or multiAz: false"],
            ["a reader class for an RDS database", "production", (r) => { r.services["mita-api"].database.readerInstanceClass = "db.r6g.large"; }, "platform:services.mita-api.database.readerInstanceClass: received \"db.r6g.large\"; is for Aurora reader instances; an RDS database's readable copies have the writer's class"],
            ["no storage size for an RDS database", "production", (r) => { delete r.services["mita-api"].database.allocatedStorageGb; }, "platform:services.mita-api.database.allocatedStorageGb: is required; is required for an RDS database (initial gp3 storage, GiB)"],
            ["explicit subnets overlap", "production", (r) => { r.environment.subnetCidrs.app[0] = r.environment.subnetCidrs.public[0]; }, "platform:environment.subnetCidrs: received a map; app CIDR 10.0.1.0/24 overlaps 10.0.1.0/24"],
            ["storage autoscaling", "production", (r) => { r.services["mita-api"].database.maxAllocatedStorageGb = 500; }, "platform:services.mita-api.database.maxAllocatedStorageGb: received 500; must be greater than allocatedStorageGb (500) so storage can autoscale"],
            ["no storage ceiling for a DB instance", "production", (r) => { delete r.services["mita-api"].database.maxAllocatedStorageGb; }, "platform:services.mita-api.database.maxAllocatedStorageGb: is required; a DB instance needs its storage-autoscaling ceiling, above allocatedStorageGb"],
            ["a storage ceiling for a Multi-AZ DB cluster, which does not autoscale", "production", (r) => { Object.assign(r.services["mita-api"].database, { readReplicas: 2, instanceClass: "db.r6gd.xlarge", maxAllocatedStorageGb: 1000 }); }, "platform:services.mita-api.database.maxAllocatedStorageGb: received 1000; is not allowed with readReplicas 2: a Multi-AZ DB cluster does not autoscale storage (size allocatedStorageGb for growth instead)"],
            ["production Multi-AZ", "production", (r) => { r.services["mita-api"].database.multiAz = false; }, "platform:services.mita-api.database.multiAz: received false; must be true in production; allowed: true"],
            ["production DB backups", "production", (r) => { r.services["mita-api"].database.backupRetentionDays = 7; }, "platform:services.mita-api.database.backupRetentionDays: received 7; is below the production floor; allowed: 30 to 35 days"],
            ["replicas need Multi-AZ", "staging", (r) => { r.services["lms-backend"].database.readReplicas = 2; r.services["lms-backend"].database.instanceClass = "db.m6gd.large"; delete r.services["lms-backend"].database.maxAllocatedStorageGb; }, "platform:services.lms-backend.database.readReplicas: received 2; needs a Multi-AZ primary (multiAz: true): replicas on a single-AZ primary are forbidden here; allowed: 0 when multiAz is false"],
            ["Performance Insights retention", "production", (r) => { r.services["mita-api"].database.performanceInsightsRetentionDays = 30; }, "platform:services.mita-api.database.performanceInsightsRetentionDays: received 30; allowed: 7, 31 × n months (31–713), or 731"],
            ["cache failover needs 2 nodes", "staging", (r) => { r.services["mita-api"].cache.numNodes = 1; }, "platform:services.mita-api.cache.numNodes: received 1; automatic failover and Multi-AZ need at least 2 nodes; allowed: 2 or more nodes (or automaticFailover: false)"],
            ["production cache failover", "production", (r) => { r.services["mita-api"].cache.automaticFailover = false; }, "platform:services.mita-api.cache.automaticFailover: received false; must be true in production; allowed: true"],
            ["transit encryption", "staging", (r) => { r.services["mita-api"].cache.transitEncryption = false; }, "platform:services.mita-api.cache.transitEncryption: received false; must stay true: toggling transit encryption replaces the replication group (data loss) and would allow plaintext"],
            ["production NAT", "production", (r) => { r.environment.natGateways = "single"; }, 'platform:environment.natGateways: received "single"; must be one-per-az in production (a single NAT gateway is an AZ-wide outage); allowed: one-per-az'],
            ["production daily backups", "production", (r) => { r.environment.backup.dailyRetentionDays = 14; }, "platform:environment.backup.dailyRetentionDays: received 14; is below the production floor; allowed: 30 days or more"],
            ["production long-term backups", "production", (r) => { r.environment.backup.longTermRetentionDays = 400; }, "platform:environment.backup.longTermRetentionDays: received 400; is below the 7-year financial-records floor; allowed: 2557 days or more"],
            ["production vault lock", "production", (r) => { r.environment.backup.vaultLockMode = "governance"; }, 'platform:environment.backup.vaultLockMode: received "governance"; must be compliance in production (governance locks can be lifted); allowed: compliance'],
            ["long-term retention above the fixed vault lock", "production", (r) => { r.environment.backup.longTermRetentionDays = 3000; }, "platform:environment.backup.longTermRetentionDays: received 3000; the monthly long-term rule keeps recovery points 3000 days, above the vault lock's maxRetentionDays 2922; allowed: 35–2922 (the production vault lock, lib/rules/backup-limits.ts VAULT_LOCK_BOUNDS, is immutable once deployed)"],
            ["daily retention below the fixed vault lock", "production", (r) => { r.environment.backup.dailyRetentionDays = 31; }, "platform:environment.backup.dailyRetentionDays: received 31; the daily rule keeps recovery points 31 days, below the vault lock's minRetentionDays 35; allowed: 35–2922 (the production vault lock, lib/rules/backup-limits.ts VAULT_LOCK_BOUNDS, is immutable once deployed)"],
            ["a WAF path limit under WAF's floor", "production", (r) => { r.services["mita-api"].waf.pathRateLimits[0].limit = 5; }, "platform:services.mita-api.waf.pathRateLimits[0].limit: received 5; expected an integer 10–2000000000 requests"],
            ["a WAF window WAF does not offer", "production", (r) => { r.services["mita-api"].waf.pathRateLimits[0].windowSeconds = 90; }, "platform:services.mita-api.waf.pathRateLimits[0].windowSeconds: received 90; expected one of 60, 120, 300, 600 seconds (WAF evaluation windows)"],
            ["DR region differs", "production", (r) => { r.environment.backup.disasterRecoveryRegion = "us-east-1"; }, 'platform:environment.backup.disasterRecoveryRegion: received "us-east-1"; must differ from the environment region us-east-1'],
        ];
        for (const [name, stack, edit, expected] of cases) {
            it(name, () => {
                const raw = stackConfig(stack);
                edit(raw);
                const message = problem(raw, stack);
                if (expected.endsWith("; ")) {
                    // The rule's own wording lives in lib/rules (engine versions, replicas, subnets): key, value and one problem.
                    assert.ok(message.startsWith(expected), message);
                } else {
                    assert.strictEqual(message, expected);
                }
            });
        }

        it("accepts the same values in staging that production refuses", () => {
            const staging = stackConfig("staging");
            assert.strictEqual(parseConfig(staging, "staging").services["mita-api"].database.backupRetentionDays, 7);
        });

        it("lists every problem at once", () => {
            const raw = stackConfig("production");
            raw.environment.natGateways = "single";
            raw.services["mita-api"].database.multiAz = false;
            raw.environment.backup.vaultLockMode = "governance";
            const message = expectConfigError(raw, "production", "platform:environment.natGateways", "platform:services.mita-api.database.multiAz", "platform:environment.backup.vaultLockMode");
            assert.match(message, /^Invalid stack configuration in Pulumi\.production\.yaml \(3 problems\):\n {2}- /);
        });
    });

    describe("secrets are never echoed, and never plain text", () => {
        const SECRET = "hunter2-Xk29fLq81ZpW7vRt";

        it("a secret-looking name one level below the key", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].appSecrets = [{ JWT_SECRET_KEY: SECRET }];
            assert.strictEqual(problem(raw), "platform:services.mita-api.appSecrets[0]: received a value that is not shown (it may be a secret); expected an environment-variable name such as JWT_SECRET_KEY");
        });

        it("NAME=value assignments in a list", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].environment = [`DB_PASSWORD=${SECRET}`];
            assert.strictEqual(problem(raw), "platform:services.mita-api.environment: received a value that is not shown (it may be a secret); expected a map of NAME: value");
        });

        it("a value shaped like a secret under an innocent name", () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].image = 17;
            raw.services["mita-api"].healthCheckPath = "postgres://app:pw@db/x";
            const message = configError(raw, "production");
            assert.ok(message.includes("platform:services.mita-api.healthCheckPath: received a value that is not shown (it may be a secret); expected a path starting with /"), message);
            assert.ok(!message.includes("pw@db"));
        });

        it("plain-text values under secret-looking names, or with credentials, are refused", () => {
            const raw = stackConfig("production");
            Object.assign(raw.services["mita-api"].environment, {
                DB_PASS: SECRET,
                STRIPE_SK: "sk_live_51HqLyjWDarjtT1zdp7dc",
                DATABASE_URL: "postgres://mita:s3cr3t@db.internal:5432/mita",
            });
            const message = configError(raw, "production");
            assert.strictEqual(message, [
                "Invalid stack configuration in Pulumi.production.yaml (3 problems):",
                "  - platform:services.mita-api.environment.DB_PASS: looks like a secret in plain text; give it as a secure value (pulumi config set --secret --path 'services.mita-api.environment.DB_PASS' <value>) or list DB_PASS in appSecrets",
                "  - platform:services.mita-api.environment.STRIPE_SK: looks like a secret in plain text; give it as a secure value (pulumi config set --secret --path 'services.mita-api.environment.STRIPE_SK' <value>) or list STRIPE_SK in appSecrets",
                "  - platform:services.mita-api.environment.DATABASE_URL: looks like a secret in plain text; give it as a secure value (pulumi config set --secret --path 'services.mita-api.environment.DATABASE_URL' <value>) or list DATABASE_URL in appSecrets",
            ].join("\n"));
        });

        it("a plain webhook carrying a token is refused; a secure one is accepted and stays secret", async () => {
            const raw = stackConfig("production");
            const url = "https://hooks.slack.com/services/T0000/B0000/Xk29fLq81ZpW7vRtYy3";
            raw.environment.alerts.httpsEndpoints = [url];
            const message = problem(raw);
            assert.strictEqual(message, "platform:environment.alerts.httpsEndpoints[0]: looks like a webhook carrying a token, in plain text; give it as a secure value: pulumi config set --secret --path 'environment.alerts.httpsEndpoints[0]' <url>");
            const config = parseConfig(raw, "production", "platform", { paths: [["environment", "alerts", "httpsEndpoints", 0]] });
            const endpoint = config.environment.alerts.httpsEndpoints[0] as pulumi.Output<string>;
            assert.ok(pulumi.Output.isInstance(endpoint));
            assert.strictEqual(await (endpoint as any).isSecret, true);
        });

        it("webhooks with a token in the path or query count as secrets", () => {
            const raw = stackConfig("production");
            raw.environment.alerts.httpsEndpoints = ["https://events.pagerduty.com/integration/a8f3c9e2b7d14f0e9c6a5b3d2e1f0a9b/enqueue", "https://chat.example.com/hook?token=abc", "https://alerts.example.com/webhook"];
            const message = configError(raw, "production");
            assert.match(message, /\(2 problems\)/);
            assert.match(message, /httpsEndpoints\[0\]: looks like a webhook carrying a token/);
            assert.match(message, /httpsEndpoints\[1\]: looks like a webhook carrying a token/);
        });

        it("a secure webhook that is not https is refused without echoing it", () => {
            const raw = stackConfig("production");
            raw.environment.alerts.httpsEndpoints = ["http://hooks.example.com/T0/abc"];
            assert.strictEqual(problem(raw, "production", { paths: [["environment", "alerts", "httpsEndpoints", 0]] }), "platform:environment.alerts.httpsEndpoints[0]: received a value that is not shown (it may be a secret); expected an https:// URL");
        });

        it("secure environment values become pulumi secrets, not plain variables", async () => {
            const raw = stackConfig("production");
            raw.services["mita-api"].environment.PARTNER_API_TOKEN = SECRET;
            const config = parseConfig(raw, "production", "platform", { paths: [["services", "mita-api", "environment", "PARTNER_API_TOKEN"]] });
            const svc = config.services["mita-api"];
            assert.ok(!("PARTNER_API_TOKEN" in svc.environment));
            assert.strictEqual(await (svc.secretEnvironment.PARTNER_API_TOKEN as any).isSecret, true);
        });

        it("a secure value where no secret belongs is refused (it would be used in plain text)", () => {
            const raw = stackConfig("production");
            assert.strictEqual(problem(raw, "production", { paths: [["services", "mita-api", "image"]] }), "platform:services.mita-api.image: is a secure value, but this key is not secret and would be used in plain text; secure values are accepted in services.<name>.environment and environment.alerts.httpsEndpoints");
        });

        it("finds secure paths in a stack file's value", () => {
            assert.deepStrictEqual(securePathsIn({ a: { X: { secure: "v1:abc" }, Y: "plain" }, list: ["p", { secure: "c" }] }, ["services"]), [["services", "a", "X"], ["services", "list", 1]]);
        });
    });

    describe("errors point at the stack file, not at code", () => {
        it("is a RunError (no stack trace from the CLI) whose message names the file and carries no code location", () => {
            const raw = stackConfig("production");
            raw.environment.vpcCidr = "nonsense";
            try {
                parseConfig(raw, "production");
                assert.fail("expected a ConfigError");
            } catch (err) {
                assert.ok(err instanceof pulumi.RunError);
                assert.match((err as Error).message, /^Invalid stack configuration in Pulumi\.production\.yaml: platform:environment\.vpcCidr: /);
                assert.ok(!/\bat .*:\d+:\d+/.test((err as Error).stack ?? ""), `stack carries frames: ${(err as Error).stack}`);
                assert.ok(!/config\.ts/.test((err as Error).stack ?? ""));
            }
        });
    });

    describe("loadConfig (as the program reads it)", () => {
        const cwd = process.cwd();
        afterEach(() => {
            process.chdir(cwd);
            pulumi.runtime.setAllConfig({});
        });

        function setConfig(values: Record<string, unknown>, secretKeys: string[] = []) {
            installMocks({ project: "platform", stack: "esc" });
            pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])), secretKeys);
        }

        it("aws:region must equal environment.region", () => {
            const raw = stackConfig("staging");
            setConfig({ "aws:region": "eu-west-1", "platform:environment": raw.environment, "platform:services": raw.services });
            assert.throws(() => loadConfig(), (err: Error) => {
                assert.strictEqual(err.message, 'Invalid stack configuration in Pulumi.esc.yaml: aws:region: received "eu-west-1"; must equal platform:environment.region (us-east-1)');
                return true;
            });
        });

        it("when the stack file cannot say which values were secure, every environment value of a secret key is treated as secure", () => {
            process.chdir(fs.mkdtempSync(path.join(os.tmpdir(), "no-stack-file-")));
            const raw = stackConfig("staging");
            raw.services["mita-api"].environment.PARTNER_API_TOKEN = "decrypted-by-the-engine";
            setConfig({ "aws:region": "us-east-1", "platform:environment": raw.environment, "platform:services": raw.services }, ["platform:services"]);
            const config = loadConfig();
            assert.deepStrictEqual(config.services["mita-api"].environment, {});
            assert.ok(Object.keys(config.services["mita-api"].secretEnvironment).includes("PARTNER_API_TOKEN"));
            assert.ok(Object.keys(config.services["mita-api"].secretEnvironment).includes("NODE_ENV"));
        });

        it("reads which values were secure from Pulumi.<stack>.yaml (paths only)", () => {
            const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-file-"));
            const raw = stackConfig("staging");
            const file = { config: { "platform:services": structuredClone(raw.services) } };
            file.config["platform:services"]["mita-api"].environment.PARTNER_API_TOKEN = { secure: "AAABAGNpcGhlcnRleHQ=" };
            fs.writeFileSync(path.join(dir, "Pulumi.esc.yaml"), YAML.stringify(file));
            process.chdir(dir);
            raw.services["mita-api"].environment.PARTNER_API_TOKEN = "decrypted-by-the-engine";
            setConfig({ "aws:region": "us-east-1", "platform:environment": raw.environment, "platform:services": raw.services }, ["platform:services"]);
            const config = loadConfig();
            assert.deepStrictEqual(Object.keys(config.services["mita-api"].secretEnvironment), ["PARTNER_API_TOKEN"]);
            assert.strictEqual(config.services["mita-api"].environment.NODE_ENV, "staging");
        });
    });

    describe("shared rules", () => {
        it("CIDR network addresses", () => {
            assert.strictEqual(networkOf("10.0.7.1/16"), "10.0.0.0/16");
            assert.strictEqual(networkOf("172.16.255.255/12"), "172.16.0.0/12");
            assert.strictEqual(networkOf("10.0.0.0/33"), undefined);
            assert.strictEqual(hasHostBits("10.1.0.0/16"), false);
            assert.strictEqual(hasHostBits("10.1.0.1/16"), true);
        });

        it("AZs per region", () => {
            assert.ok(isAvailabilityZoneOf("us-west-2", "us-west-2d"));
            assert.ok(!isAvailabilityZoneOf("us-east-1", "us-east-1q"));
            assert.deepStrictEqual(availabilityZonesOf("eu-west-1"), ["eu-west-1a", "eu-west-1b", "eu-west-1c"]);
            assert.strictEqual(regionOfAvailabilityZone("ap-southeast-2b"), "ap-southeast-2");
            assert.deepStrictEqual(availabilityZonesOf("xx-nowhere-1"), []);
        });
    });
});

describe("offline preview with secret-looking stack config", function () {
    this.timeout(240_000);

    async function preview(stack: string): Promise<{ code: number; output: string; out: string }> {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "config-secrets-")), "reports");
        let output = "";
        const code = await runCli(
            ["--program", SECURE_PROGRAM, "--stack", stack, "--policy-pack-config", path.join(ROOT, "policies/config/staging.json"), "--out", out],
            { stdout: (t) => { output += t; }, stderr: (t) => { output += t; }, colour: false, cwd: ROOT },
        );
        return { code, output, out };
    }

    /** Every secret of the fixture stack files: ciphertexts of secure values and plain values under secret names. */
    function secretsOf(stack: string): string[] {
        const file = fs.readFileSync(path.join(SECURE_PROGRAM, `Pulumi.${stack}.yaml`), "utf8");
        const found = [
            ...[...file.matchAll(/secure: (\S+)/g)].map((m) => m[1]),
            ...[...file.matchAll(/^\s+[A-Z_]*(PASS|URL)[A-Z_]*: (\S+)$/gm)].map((m) => m[2]),
        ];
        assert.ok(found.length >= 2, "the fixture has secrets to look for");
        return found;
    }

    it("refuses plain-text secrets next to a secure value, naming the stack file and keys, echoing no value", async () => {
        const run = await preview("refused");
        assert.strictEqual(run.code, EXIT_INPUT_ERROR, run.output);
        assert.match(run.output, /Invalid stack configuration in Pulumi\.refused\.yaml \(2 problems\)/);
        assert.match(run.output, /platform:services\.mita-api\.environment\.DB_PASS: looks like a secret in plain text/);
        assert.match(run.output, /platform:services\.mita-api\.environment\.DATABASE_URL: looks like a secret in plain text/);
        assert.ok(!/config\.ts:\d+/.test(run.output), `points at code: ${run.output}`);
        for (const secret of secretsOf("refused")) {
            assert.ok(!run.output.includes(secret), "a secret value was printed");
        }
        assert.ok(!fs.existsSync(run.out), "no reports for a refused config");
    });

    it("accepts secure values, passes them as secrets (Secrets Manager, secret SNS endpoint), and no report contains one", async () => {
        const run = await preview("accepted");
        assert.strictEqual(run.code, EXIT_OK, run.output);
        const written = REPORT_FILES.map((f) => fs.readFileSync(path.join(run.out, f), "utf8"));
        for (const secret of secretsOf("accepted")) {
            for (const [i, text] of [...written, run.output].entries()) {
                assert.ok(!text.includes(secret), `a secret value leaked into ${REPORT_FILES[i] ?? "the terminal output"}`);
            }
        }
        const result = JSON.parse(fs.readFileSync(path.join(run.out, "preview.json"), "utf8"));
        const resource = (type: string, name: string) => {
            const found = result.resources.find((r: any) => r.type === type && r.name === name);
            assert.ok(found, `no ${type} ${name}`);
            return found;
        };
        const inputsOf = (r: any) => r.inputs ?? r.properties;
        // As in a real preview, the container definitions are unknown here (they carry the secrets' ARNs, known only
        // after deploy); when they are, no secret is a plain variable and each comes from Secrets Manager.
        const definitions = inputsOf(resource("aws:ecs/taskDefinition:TaskDefinition", "accepted-mita-api-service")).containerDefinitions;
        const container = definitions === "[unknown]" ? undefined : JSON.parse(definitions)[0];
        for (const key of ["PAYMENTS_SECRET_KEY", "PARTNER_API_TOKEN"]) {
            if (container) {
                assert.ok(!container.environment.some((e: any) => e.name === key), `${key} reached the container as a plain variable`);
                assert.ok(container.secrets.find((s: any) => s.name === key), `${key} is not injected from Secrets Manager`);
            }
            const version = inputsOf(resource("aws:secretsmanager/secretVersion:SecretVersion", `accepted-mita-api-secrets-${key.toLowerCase().replace(/_/g, "-")}`));
            assert.strictEqual(version.secretString, "[secret]");
        }
        const webhook = inputsOf(resource("aws:sns/topicSubscription:TopicSubscription", "accepted-alerts-https-1"));
        assert.deepStrictEqual([webhook.protocol, webhook.endpoint], ["https", "[secret]"]);
    });
});
