import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import type { PolicyProviderResource, PolicyResource } from "@pulumi/policy";
import { AnalyzerResource, PolicyPackProcess, UNKNOWN } from "../../scripts/preview/analyzer/client";
import { named, startConfiguredPack } from "./pack-process";
import { CLOUDWATCH_RETENTION_DAYS } from "../../lib/rules/retention";
import { elastiCacheVersionProblem, rdsMajorVersion } from "../../lib/rules/engine-version-form";
import { lifecycleProblems } from "../../lib/rules/backup-limits";
import { PERFORMANCE_INSIGHTS_RETENTION_DAYS } from "../../lib/rules/performance-insights";
import { isStackRule, resourcePolicy, stackPolicy } from "../../policies/framework";
import type { ResourceRule, StackRule } from "../../policies/framework";
import { DEPLOY_CASES, DeployCase } from "./deploy-cases";
import { deployRules } from "../../policies/rules";
import { rule as backupColdStorageApplies } from "../../policies/rules/deploy/backup-cold-storage-applies";
import { planTargets } from "../../policies/rules/deploy/backup-plan-vaults";
import { arnRegion, asArray, notJudged, read, regionOf, transitiveDependencies, UNKNOWN as UNKNOWN_VALUE } from "../../policies/rules/deploy/common";
import { rule as backupCopySupported } from "../../policies/rules/deploy/backup-copy-supported";
import { rule as backupLifecycle } from "../../policies/rules/deploy/backup-lifecycle";
import { rule as backupVaultEvents } from "../../policies/rules/deploy/backup-vault-events";
import { rule as backupVaultLockBounds } from "../../policies/rules/deploy/backup-vault-lock-bounds";
import { rule as crossRegionReferences } from "../../policies/rules/deploy/cross-region-references";
import { rule as engineStandardSupport } from "../../policies/rules/deploy/engine-standard-support";
import { rule as engineVersionAutoUpgrade } from "../../policies/rules/deploy/engine-version-auto-upgrade";
import { cpuUnits, memoryMiB, rule as fargateTaskSize } from "../../policies/rules/deploy/fargate-task-size";
import { rule as lbLogBucketReady } from "../../policies/rules/deploy/lb-log-bucket-ready";
import { rule as logGroupRetentionValue } from "../../policies/rules/deploy/log-group-retention-value";
import { rule as parameterValues } from "../../policies/rules/deploy/parameter-values";
import { rule as performanceInsightsRetention } from "../../policies/rules/deploy/performance-insights-retention";
import { rule as rdsClusterIops } from "../../policies/rules/deploy/rds-cluster-iops";
import { rule as rdsWindows } from "../../policies/rules/deploy/rds-windows";
import { rule as replicaManagedPassword } from "../../policies/rules/deploy/replica-managed-password";

/**
 * Deploy-validity rules: each check has a violating and a passing case, run in-process (the rule's own check, with
 * props wrapped in the policy SDK's unknown-checking proxy as the SDK does), and a selection through the real pack
 * process over the analyzer protocol (as `pulumi preview --policy-pack` drives it).
 */

// The SDK's proxy and unknown sentinel (not in its type declarations).
const sdkProxy = require("@pulumi/policy/proxy") as { unknownCheckingProxy<T>(value: T): T; unknownStringValue: unknown; unknownNumberValue: unknown; unknownBooleanValue: unknown };
const U = sdkProxy.unknownStringValue;

// ---------- in-process helpers ----------

function provider(region: unknown, name = `aws-${String(region)}`): PolicyProviderResource {
    return { type: "pulumi:providers:aws", name, urn: `urn:pulumi:test::p::pulumi:providers:aws::${name}`, props: sdkProxy.unknownCheckingProxy({ region }) };
}
const EAST = provider("us-east-1", "default");
const WEST = provider("us-west-2");

interface Spec {
    provider?: PolicyProviderResource | null;
    deps?: Record<string, PolicyResource[]>;
    dependsOn?: PolicyResource[];
    ignoreChanges?: string[];
}

function resource(type: string, name: string, props: Record<string, unknown>, spec: Spec = {}): PolicyResource {
    const propertyDependencies = spec.deps ?? {};
    const dependencies = [...Object.values(propertyDependencies).flat(), ...(spec.dependsOn ?? [])];
    return {
        type,
        name,
        urn: `urn:pulumi:test::p::${type}::${name}`,
        props: sdkProxy.unknownCheckingProxy(props),
        opts: { protect: false, ignoreChanges: spec.ignoreChanges ?? [], aliases: [], additionalSecretOutputs: [], deleteBeforeReplace: false, customTimeouts: { createSeconds: 0, updateSeconds: 0, deleteSeconds: 0 } } as any,
        provider: spec.provider === null ? undefined : spec.provider ?? EAST,
        dependencies: [...new Map(dependencies.map((d) => [d.urn, d])).values()],
        propertyDependencies,
        // Type narrowing helpers of the SDK's resources; the rules do not use them.
        isType: () => false,
        asType: () => undefined,
    } as unknown as PolicyResource;
}

/** Violations only: items a rule could not judge (reported by the framework as "not judged") are not findings. */
function violations(rule: StackRule, resources: PolicyResource[], config: Record<string, unknown> = {}) {
    return rule.check(resources, {} as any, config).filter((f) => !(f as { notJudged?: string[] }).notJudged);
}

function stack(rule: StackRule, resources: PolicyResource[], config: Record<string, unknown> = {}): string[] {
    return violations(rule, resources, config).map((f) => `${f.name}: ${f.message}`);
}

function flagged(rule: StackRule, resources: PolicyResource[]): string[] {
    return [...new Set(violations(rule, resources).map((f) => f.name!))].sort();
}

function check(rule: ResourceRule, type: string, props: Record<string, unknown>, spec: Spec = {}): string[] {
    const r = resource(type, "r", props, spec);
    const result = rule.check(r.props, { type, name: r.name, urn: r.urn, props: r.props, opts: r.opts, provider: r.provider } as any, {});
    // Violation messages only (a framework may also return `{ notJudged }` items).
    const items: unknown[] = result === undefined ? [] : Array.isArray(result) ? result : [result];
    return items.filter((item): item is string => typeof item === "string");
}

const RDS = "aws:rds/instance:Instance";
const KEY = "aws:kms/key:Key";

// ---------- in-process ----------

describe("deploy-validity rules (in-process)", () => {
    describe("deploy-cross-region-references", () => {
        const westKey = resource(KEY, "dr-key", {}, { provider: WEST });
        const eastKey = resource(KEY, "key", {});

        it("flags an alias created in the default region for a key in the DR region (the DR alias bug), passes one with the key's provider", () => {
            const wrong = resource("aws:kms/alias:Alias", "dr-alias", { name: "alias/dr", targetKeyId: "k" }, { deps: { targetKeyId: [westKey] } });
            const right = resource("aws:kms/alias:Alias", "dr-alias-ok", { name: "alias/dr", targetKeyId: "k" }, { provider: WEST, deps: { targetKeyId: [westKey] } });
            const findings = stack(crossRegionReferences, [westKey, wrong, right]);
            assert.deepStrictEqual(flagged(crossRegionReferences, [westKey, wrong, right]), ["dr-alias"]);
            assert.match(findings[0], /created in us-east-1 but its targetKeyId is dr-key, a KMS key in us-west-2.*CreateAlias/);
        });

        it("flags a grant and an encrypted resource using a key of another region; same-region keys pass", () => {
            const grant = resource("aws:kms/grant:Grant", "grant", { keyId: "k", granteePrincipal: "arn:aws:iam::1:role/r", operations: ["Decrypt"] }, { deps: { keyId: [westKey] } });
            const vault = resource("aws:backup/vault:Vault", "dr-vault", { kmsKeyArn: "k" }, { deps: { kmsKeyArn: [eastKey] }, provider: WEST });
            const okVault = resource("aws:backup/vault:Vault", "vault", { kmsKeyArn: "k" }, { deps: { kmsKeyArn: [eastKey] } });
            const okGrant = resource("aws:kms/grant:Grant", "grant-ok", { keyId: "k" }, { deps: { keyId: [eastKey] } });
            assert.deepStrictEqual(flagged(crossRegionReferences, [westKey, eastKey, grant, vault, okVault, okGrant]), ["dr-vault", "grant"]);
        });

        it("judges a literal key ARN by its region", () => {
            const db = resource(RDS, "db", { kmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/abc" });
            const ok = resource(RDS, "db-ok", { kmsKeyId: "arn:aws:kms:us-east-1:123456789012:key/abc" });
            const notKms = resource("aws:apigateway/usagePlanKey:UsagePlanKey", "usage-key", { keyId: "arn:aws:apigateway:eu-west-1::/apikeys/abc" });
            assert.deepStrictEqual(flagged(crossRegionReferences, [db, ok, notKms]), ["db"]);
        });

        it("requires a KMS replica key in another region than its primary", () => {
            const same = resource("aws:kms/replicaKey:ReplicaKey", "replica-same", { primaryKeyArn: "k" }, { deps: { primaryKeyArn: [eastKey] } });
            const other = resource("aws:kms/replicaKey:ReplicaKey", "replica-west", { primaryKeyArn: "k" }, { deps: { primaryKeyArn: [eastKey] }, provider: WEST });
            assert.deepStrictEqual(flagged(crossRegionReferences, [eastKey, same, other]), ["replica-same"]);
        });

        it("requires a cross-region read replica to name its source by ARN", () => {
            const source = resource(RDS, "primary", { identifier: "primary", engine: "postgres" });
            const byId = resource(RDS, "replica-by-id", { replicateSourceDb: "primary" }, { provider: WEST, deps: { replicateSourceDb: [source] } });
            const byArn = resource(RDS, "replica-by-arn", { replicateSourceDb: "arn:aws:rds:us-east-1:1:db:primary" }, { provider: WEST, deps: { replicateSourceDb: [source] } });
            const sameRegion = resource(RDS, "replica-local", { replicateSourceDb: "primary" }, { deps: { replicateSourceDb: [source] } });
            assert.deepStrictEqual(flagged(crossRegionReferences, [source, byId, byArn, sameRegion]), ["replica-by-id"]);
        });

        it("leaves a resource whose provider region is unknown unjudged and judges the rest", () => {
            const unknownRegion = provider(U, "computed");
            const alias = resource("aws:kms/alias:Alias", "alias-unknown", { targetKeyId: "k" }, { provider: unknownRegion, deps: { targetKeyId: [westKey] } });
            const wrong = resource("aws:kms/alias:Alias", "alias-wrong", { targetKeyId: "k" }, { deps: { targetKeyId: [westKey] } });
            assert.deepStrictEqual(flagged(crossRegionReferences, [westKey, alias, wrong]), ["alias-wrong"]);
        });

        it("does not guess without a configured region", () => {
            const alias = resource("aws:kms/alias:Alias", "alias", { targetKeyId: "k" }, { provider: null, deps: { targetKeyId: [westKey] } });
            assert.deepStrictEqual(flagged(crossRegionReferences, [westKey, alias]), []);
        });

        // Every finding, not-judged items included (the framework reports those as advisory "not judged").
        const findings = (resources: PolicyResource[]) => crossRegionReferences.check(resources, {} as any, {});

        it("says which resource uses which key where, and which API refuses it (one finding per reference)", () => {
            const alias = resource("aws:kms/alias:Alias", "dr-alias", { name: "alias/dr", targetKeyId: "k" }, { deps: { targetKeyId: [westKey] } });
            const grant = resource("aws:kms/grant:Grant", "grant", { keyId: "k", granteePrincipal: "arn:aws:iam::1:role/r", operations: ["Decrypt"] }, { deps: { keyId: [westKey] } });
            const queue = resource("aws:sqs/queue:Queue", "queue", { kmsMasterKeyId: "k" }, { deps: { kmsMasterKeyId: [westKey] } });
            assert.deepStrictEqual(stack(crossRegionReferences, [westKey, alias, grant, queue]), [
                "dr-alias: dr-alias (Alias) is created in us-east-1 but its targetKeyId is dr-key, a KMS key in us-west-2: KMS keys are regional (CreateAlias refuses a key of another region)",
                "grant: grant (Grant) is created in us-east-1 but its keyId is dr-key, a KMS key in us-west-2: KMS keys are regional (CreateGrant refuses a key of another region)",
                "queue: queue (Queue) is created in us-east-1 but its kmsMasterKeyId is dr-key, a KMS key in us-west-2: KMS keys are regional (the service refuses a key of another region)",
            ]);
            const db = resource(RDS, "db", { engine: "postgres", kmsKeyId: "arn:aws:kms:eu-west-1:123456789012:key/abc" });
            assert.deepStrictEqual(stack(crossRegionReferences, [db]), ["db: db (Instance) is created in us-east-1 but its kmsKeyId is a KMS key ARN in eu-west-1: KMS keys are regional"]);
        });

        it("leaves a resource in an unknown region, or using a key in an unknown region, not judged, naming the value", () => {
            const alias = resource("aws:kms/alias:Alias", "alias-unknown", { targetKeyId: "k" }, { provider: provider(U, "computed"), deps: { targetKeyId: [westKey] } });
            const unknownKey = resource(KEY, "key-unknown", {}, { provider: provider(U, "computed-key") });
            const db = resource(RDS, "db", { kmsKeyId: "k" }, { deps: { kmsKeyId: [unknownKey] } });
            assert.deepStrictEqual(findings([westKey, alias, unknownKey, db]), [
                { urn: alias.urn, name: "alias-unknown", notJudged: ["provider.region"], message: "alias-unknown: provider.region unknown during preview" },
                { urn: db.urn, name: "db", notJudged: ["kmsKeyId.provider.region"], message: "db: kmsKeyId.provider.region unknown during preview" },
            ]);
        });

        it("needs a region only where it judges a reference: no KMS property, no replica, nothing said", () => {
            const bucket = resource("aws:s3/bucket:Bucket", "bucket", { bucket: "b", tags: { owner: "team" } }, { provider: provider(U, "computed") });
            assert.deepStrictEqual(findings([bucket]), []);
        });

        it("does not judge a key with no configured region, a computed key ARN, or a trail's key (it follows the trail's bucket)", () => {
            const noRegionKey = resource(KEY, "key-no-region", {}, { provider: null });
            const db = resource(RDS, "db", { kmsKeyId: "k" }, { deps: { kmsKeyId: [noRegionKey] } });
            const computed = resource(RDS, "db-computed", { kmsKeyId: U });
            const trail = resource("aws:cloudtrail/trail:Trail", "trail", { s3BucketName: "logs-west", kmsKeyId: "arn:aws:kms:us-west-2:123456789012:key/abc" });
            assert.deepStrictEqual(findings([noRegionKey, db, computed, trail]), []);
        });

        it("requires a KMS replica key (external too) outside its primary's region, by dependency or by the primary's ARN", () => {
            const literal = (name: string, p: PolicyProviderResource) => resource("aws:kms/replicaKey:ReplicaKey", name, { primaryKeyArn: "arn:aws:kms:us-east-1:123456789012:key/mrk-1" }, { provider: p });
            const external = resource("aws:kms/externalKey:ExternalKey", "ext", {});
            const externalReplica = resource("aws:kms/replicaExternalKey:ReplicaExternalKey", "ext-replica", { primaryKeyArn: "k" }, { deps: { primaryKeyArn: [external] } });
            assert.deepStrictEqual(stack(crossRegionReferences, [literal("same", EAST), literal("west", WEST), external, externalReplica]), [
                "same: same (ReplicaKey) is created in us-east-1, the region of its primary key: a replica key must be in another region (ReplicateKey, https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html)",
                "ext-replica: ext-replica (ReplicaExternalKey) is created in us-east-1, the region of its primary key: a replica key must be in another region (ReplicateKey, https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html)",
            ]);
        });

        it("cross-region replicas: an Aurora cluster or an instance found by literal identifier must name its source by ARN; unknown values are not judged", () => {
            const source = resource("aws:rds/cluster:Cluster", "aurora", { engine: "aurora-mysql", clusterIdentifier: "aurora" });
            const clusterReplica = resource("aws:rds/cluster:Cluster", "aurora-dr", { engine: "aurora-mysql", replicationSourceIdentifier: "aurora" }, { provider: WEST, deps: { replicationSourceIdentifier: [source] } });
            const primary = resource(RDS, "primary", { identifier: "primary", engine: "mysql" });
            const byLiteral = resource(RDS, "replica-literal", { replicateSourceDb: "primary" }, { provider: WEST });
            const computed = resource(RDS, "replica-computed", { replicateSourceDb: U }, { provider: WEST, deps: { replicateSourceDb: [primary] } });
            const noRegionSource = resource(RDS, "source-no-region", { identifier: "src" }, { provider: null });
            const ofNoRegion = resource(RDS, "replica-of-no-region", { replicateSourceDb: "src" }, { provider: WEST, deps: { replicateSourceDb: [noRegionSource] } });
            const notReplica = resource(RDS, "standalone", { engine: "mysql", replicateSourceDb: "" }, { provider: WEST });
            assert.deepStrictEqual(findings([source, clusterReplica, primary, byLiteral, computed, noRegionSource, ofNoRegion, notReplica]), [
                { urn: clusterReplica.urn, name: "aurora-dr", message: "aurora-dr (Cluster) in us-west-2 replicates aurora in us-east-1 by identifier (aurora): a cross-region replica's replicationSourceIdentifier must be the source's ARN (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.XRgn.html)" },
                { urn: byLiteral.urn, name: "replica-literal", message: "replica-literal (Instance) in us-west-2 replicates primary in us-east-1 by identifier (primary): a cross-region replica's replicateSourceDb must be the source's ARN (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.XRgn.html)" },
                { urn: computed.urn, name: "replica-computed", notJudged: ["replicateSourceDb"], message: "replica-computed: replicateSourceDb unknown during preview" },
            ]);
        });

        it("flags automated-backup replication into the source's own region; another region passes", () => {
            const source = resource(RDS, "db", { identifier: "db", engine: "postgres" });
            const replication = (name: string, p: PolicyProviderResource) =>
                resource("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", name, { sourceDbInstanceArn: "arn", retentionPeriod: 7 }, { provider: p, deps: { sourceDbInstanceArn: [source] } });
            const unknownSource = resource(RDS, "db-unknown-region", { engine: "postgres" }, { provider: provider(U, "computed") });
            const ofUnknown = resource("aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication", "of-unknown", { sourceDbInstanceArn: "arn" }, { provider: WEST, deps: { sourceDbInstanceArn: [unknownSource] } });
            assert.deepStrictEqual(stack(crossRegionReferences, [source, replication("same", EAST), replication("dr", WEST), ofUnknown]), [
                "same: same (InstanceAutomatedBackupsReplication) replicates the automated backups of db into its own region us-east-1: backup replication needs a provider for another region (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReplicateBackups.html)",
            ]);
        });
    });

    describe("deploy-replica-managed-password", () => {
        const managed = resource(RDS, "mysql-primary", { engine: "mysql", identifier: "mysql-primary", manageMasterUserPassword: true });
        const ownPassword = resource(RDS, "mysql-own", { engine: "mysql", identifier: "mysql-own", password: "x" });
        const replica = (name: string, source: PolicyResource, literal = false) =>
            resource(RDS, name, { replicateSourceDb: literal ? source.name : "id" }, literal ? {} : { deps: { replicateSourceDb: [source] } });

        it("flags replicas of a managed-password source (the LMS replicas bug), by dependency or literal identifier", () => {
            assert.deepStrictEqual(flagged(replicaManagedPassword, [managed, replica("replica-1", managed), replica("replica-2", managed, true)]), ["replica-1", "replica-2"]);
        });

        it("passes replicas of a source with a password RDS does not manage, and SQL Server", () => {
            const sqlserver = resource(RDS, "mssql", { engine: "sqlserver-se", manageMasterUserPassword: true });
            assert.deepStrictEqual(flagged(replicaManagedPassword, [ownPassword, sqlserver, replica("replica-own", ownPassword), replica("replica-mssql", sqlserver)]), []);
        });

        it("leaves a replica unjudged when the source's setting is unknown, judging the others", () => {
            const unknown = resource(RDS, "unknown", { engine: "mysql", manageMasterUserPassword: sdkProxy.unknownBooleanValue });
            assert.deepStrictEqual(flagged(replicaManagedPassword, [unknown, managed, replica("r-unknown", unknown), replica("r-managed", managed)]), ["r-managed"]);
        });

        it("covers Aurora/Multi-AZ cluster replicas", () => {
            const cluster = resource("aws:rds/cluster:Cluster", "cluster", { engine: "aurora-mysql", manageMasterUserPassword: true });
            const replicaCluster = resource("aws:rds/cluster:Cluster", "cluster-replica", { engine: "aurora-mysql", replicationSourceIdentifier: "arn" }, { deps: { replicationSourceIdentifier: [cluster] } });
            assert.deepStrictEqual(flagged(replicaManagedPassword, [cluster, replicaCluster]), ["cluster-replica"]);
        });
    });

    describe("deploy-engine-version-auto-upgrade", () => {
        it("flags a pinned minor with auto minor upgrades on (production's 15.12 and 8.0.40), passes the major", () => {
            assert.match(check(engineVersionAutoUpgrade, RDS, { engine: "postgres", engineVersion: "15.12", autoMinorVersionUpgrade: true })[0], /set engineVersion to 15$/);
            assert.match(check(engineVersionAutoUpgrade, RDS, { engine: "mysql", engineVersion: "8.0.40" })[0], /set engineVersion to 8\.0$/);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, RDS, { engine: "postgres", engineVersion: "15", autoMinorVersionUpgrade: true }), []);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, RDS, { engine: "mysql", engineVersion: "8.0" }), []);
        });

        it("passes a pinned minor when auto upgrades are off or engineVersion changes are ignored", () => {
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, RDS, { engine: "postgres", engineVersion: "15.12", autoMinorVersionUpgrade: false }), []);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, RDS, { engine: "postgres", engineVersion: "15.12" }, { ignoreChanges: ["engineVersion"] }), []);
        });

        it("judges clusters and ElastiCache versions", () => {
            assert.strictEqual(check(engineVersionAutoUpgrade, "aws:rds/cluster:Cluster", { engine: "aurora-postgresql", engineVersion: "15.4" }).length, 1);
            assert.strictEqual(check(engineVersionAutoUpgrade, "aws:rds/clusterInstance:ClusterInstance", { engine: "aurora-postgresql", engineVersion: "16.2" }).length, 1);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, "aws:rds/cluster:Cluster", { engine: "aurora-postgresql", engineVersion: "16" }), []);
            assert.strictEqual(check(engineVersionAutoUpgrade, "aws:elasticache/replicationGroup:ReplicationGroup", { engineVersion: "7.1.0" }).length, 1);
            assert.strictEqual(check(engineVersionAutoUpgrade, "aws:elasticache/replicationGroup:ReplicationGroup", { engine: "valkey", engineVersion: "8.x" }).length, 1);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, "aws:elasticache/replicationGroup:ReplicationGroup", { engineVersion: "7.1" }), []);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, "aws:elasticache/cluster:Cluster", { engine: "redis", engineVersion: "6.x" }), []);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, "aws:elasticache/cluster:Cluster", { engine: "memcached", engineVersion: "1.6.22" }), []);
        });

        it("knows each engine's major (lib/rules/engine-version-form)", () => {
            assert.deepStrictEqual(
                [rdsMajorVersion("postgres", "16.4"), rdsMajorVersion("postgres", "9.6.24"), rdsMajorVersion("mariadb", "10.11.6"), rdsMajorVersion("oracle-ee", "19.0.0.0"), rdsMajorVersion("mysql", "8.0.mysql_aurora.3")],
                ["16", "9.6", "10.11", undefined, undefined]);
            assert.strictEqual(elastiCacheVersionProblem("redis", "5.0.6"), undefined);
        });
    });

    describe("deploy-lb-log-bucket-ready", () => {
        const LB = "aws:lb/loadBalancer:LoadBalancer";
        const bucket = resource("aws:s3/bucket:Bucket", "alb-logs", { bucket: "alb-logs-123" });
        const policy = resource("aws:s3/bucketPolicy:BucketPolicy", "alb-logs-policy", { bucket: "alb-logs-123", policy: "{}" }, { deps: { bucket: [bucket] } });
        const lb = (name: string, spec: Spec = {}, logs: Record<string, unknown> = { bucket: "alb-logs-123", enabled: true }) =>
            resource(LB, name, { loadBalancerType: "application", accessLogs: logs }, { ...spec, deps: { accessLogs: [bucket], ...spec.deps } });

        it("flags a load balancer that depends on the log bucket but not on its policy (the ALB bug); passes one that depends on the policy", () => {
            const bad = lb("lb-bucket-only");
            const good = lb("lb-policy", { dependsOn: [policy] });
            assert.deepStrictEqual(flagged(lbLogBucketReady, [bucket, policy, bad, good]), ["lb-bucket-only"]);
            assert.match(stack(lbLogBucketReady, [bucket, policy, bad])[0], /without depending on its bucket policy alb-logs-policy/);
        });

        it("accepts the policy through another dependency (a component's children) and ignores disabled logs (the provider's default)", () => {
            const middle = resource("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "pab", {}, { dependsOn: [policy] });
            assert.deepStrictEqual(flagged(lbLogBucketReady, [bucket, policy, middle, lb("lb-transitive", { dependsOn: [middle] }), lb("lb-off", {}, { bucket: "alb-logs-123", enabled: false }), lb("lb-default-off", {}, { bucket: "alb-logs-123" })]), []);
        });

        it("flags a log bucket without any policy, in another region, or encrypted with SSE-KMS", () => {
            const bare = resource("aws:s3/bucket:Bucket", "bare", { bucket: "bare" });
            const noPolicy = resource(LB, "lb-no-policy", { accessLogs: { bucket: "bare", enabled: true } }, { deps: { accessLogs: [bare] } });
            const westBucket = resource("aws:s3/bucket:Bucket", "west-logs", { bucket: "west-logs" }, { provider: WEST });
            const westPolicy = resource("aws:s3/bucketPolicy:BucketPolicy", "west-policy", { bucket: "west-logs" }, { deps: { bucket: [westBucket] }, provider: WEST });
            const crossRegion = resource(LB, "lb-cross-region", { accessLogs: { bucket: "west-logs", enabled: true } }, { deps: { accessLogs: [westBucket] }, dependsOn: [westPolicy] });
            const sse = resource("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "sse", { bucket: "alb-logs-123", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }] }, { deps: { bucket: [bucket] } });
            const kms = lb("lb-kms", { dependsOn: [policy] });
            const messages = stack(lbLogBucketReady, [bare, noPolicy, westBucket, westPolicy, crossRegion, bucket, policy, sse, kms]).join("\n");
            assert.deepStrictEqual(flagged(lbLogBucketReady, [bare, noPolicy, westBucket, westPolicy, crossRegion, bucket, policy, sse, kms]), ["lb-cross-region", "lb-kms", "lb-no-policy"]);
            assert.match(messages, /no bucket policy in this program/);
            assert.match(messages, /in us-east-1 writes accessLogs to west-logs in us-west-2/);
            assert.match(messages, /SSE-KMS/);
        });

        it("ignores a log bucket outside the program", () => {
            assert.deepStrictEqual(flagged(lbLogBucketReady, [resource(LB, "lb-external", { accessLogs: { bucket: "someone-elses", enabled: true } })]), []);
        });
    });

    describe("deploy-backup-lifecycle", () => {
        const PLAN = "aws:backup/plan:Plan";
        it("flags deleteAfter < coldStorageAfter + 90, passes ≥", () => {
            assert.match(check(backupLifecycle, PLAN, { rules: [{ ruleName: "monthly", lifecycle: { coldStorageAfter: 90, deleteAfter: 179 } }] })[0], /rule monthly: deleteAfter 179 .* \(deleteAfter ≥ 180\)/);
            assert.deepStrictEqual(check(backupLifecycle, PLAN, { rules: [{ ruleName: "monthly", lifecycle: { coldStorageAfter: 90, deleteAfter: 180 } }] }), []);
        });

        it("flags continuous backups kept beyond 35 days, without a deleteAfter, or with cold storage; passes ≤ 35", () => {
            const continuous = (lifecycle: object | undefined) => check(backupLifecycle, PLAN, { rules: [{ ruleName: "pitr", enableContinuousBackup: true, lifecycle }] });
            assert.match(continuous({ deleteAfter: 36 })[0], /outside 1–35/);
            assert.match(continuous(undefined)[0], /no deleteAfter/);
            assert.ok(continuous({ deleteAfter: 30, coldStorageAfter: 1 }).some((m) => /cannot move to cold storage/.test(m)));
            assert.deepStrictEqual(continuous({ deleteAfter: 35 }), []);
        });

        it("judges copy actions' own lifecycles", () => {
            const problems = check(backupLifecycle, PLAN, { rules: [{ ruleName: "daily", lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: "arn", lifecycle: { coldStorageAfter: 30, deleteAfter: 60 } }] }] });
            assert.deepStrictEqual(problems.length, 1);
            assert.match(problems[0], /rule daily, copy action 1: deleteAfter 60/);
            assert.deepStrictEqual(lifecycleProblems({ coldStorageAfter: 90, deleteAfter: -1 }, false), []);
            assert.deepStrictEqual(lifecycleProblems({ coldStorageAfter: 0, deleteAfter: 35 }, false), [], "0 is unset for the provider");
        });
    });

    describe("deploy-backup-cold-storage-applies (advisory)", () => {
        const plan = resource("aws:backup/plan:Plan", "plan", { rules: [{ ruleName: "monthly", lifecycle: { coldStorageAfter: 90, deleteAfter: 2557 } }] });
        const select = (name: string, resources: string[], deps: PolicyResource[] = []) =>
            resource("aws:backup/selection:Selection", name, { planId: "p", resources }, { deps: { planId: [plan], resources: deps } });

        it("is advisory by default", () => {
            assert.strictEqual(backupColdStorageApplies.enforcementLevel, "advisory");
        });

        it("notes coldStorageAfter on a plan that backs up RDS or S3; not for EFS", () => {
            const db = resource(RDS, "db", {});
            assert.match(stack(backupColdStorageApplies, [plan, db, select("sel", [], [db])])[0], /RDS\/Aurora.*cannot move to cold storage/);
            assert.match(stack(backupColdStorageApplies, [plan, select("sel", ["arn:aws:s3:::bucket"])])[0], /S3/);
            assert.deepStrictEqual(stack(backupColdStorageApplies, [plan, select("sel", ["arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-1"])]), []);
        });
    });

    describe("deploy-backup-vault-lock-bounds", () => {
        const vault = resource("aws:backup/vault:Vault", "vault", { name: "vault-phys" });
        const dr = resource("aws:backup/vault:Vault", "dr-vault", {}, { provider: WEST });
        const lock = (v: PolicyResource, props: Record<string, unknown>) =>
            resource("aws:backup/vaultLockConfiguration:VaultLockConfiguration", `${v.name}-lock`, { backupVaultName: v.name === "vault" ? "vault-phys" : U, ...props }, { deps: { backupVaultName: [v] }, provider: v.provider ?? null });
        const plan = (name: string, rules: object[]) => resource("aws:backup/plan:Plan", name, { rules }, { deps: { rules: [vault, dr] } });

        it("flags rules below the lock's minimum or above its maximum, and a rule kept forever under a maximum; passes rules within", () => {
            const locks = [lock(vault, { minRetentionDays: 35, maxRetentionDays: 2922 }), lock(dr, { minRetentionDays: 35, maxRetentionDays: 2922 })];
            const bad = plan("bad-plan", [
                { ruleName: "daily", targetVaultName: "vault-phys", lifecycle: { deleteAfter: 7 } },
                { ruleName: "forever", targetVaultName: "vault-phys" },
                { ruleName: "long", targetVaultName: "vault-phys", lifecycle: { deleteAfter: 3000 } },
            ]);
            const good = plan("good-plan", [{ ruleName: "daily", targetVaultName: "vault-phys", lifecycle: { deleteAfter: 35 } }, { ruleName: "monthly", targetVaultName: "vault-phys", lifecycle: { deleteAfter: 2557 } }]);
            const messages = stack(backupVaultLockBounds, [vault, dr, ...locks, bad, good]);
            assert.strictEqual(messages.length, 3, messages.join("\n"));
            assert.ok(messages.every((m) => m.startsWith("bad-plan:")));
            assert.match(messages.join("\n"), /rule daily .* deleteAfter 7 is below the lock's minRetentionDays 35/);
            assert.match(messages.join("\n"), /rule forever .* forever/);
            assert.match(messages.join("\n"), /deleteAfter 3000 is above the lock's maxRetentionDays 2922/);
        });

        it("follows copy actions to the DR vault by elimination when its ARN is unknown", () => {
            const locks = [lock(vault, { minRetentionDays: 7 }), lock(dr, { minRetentionDays: 90 })];
            const withCopy = plan("copy-plan", [{ ruleName: "daily", targetVaultName: "vault-phys", lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: U, lifecycle: { deleteAfter: 35 } }] }]);
            const messages = stack(backupVaultLockBounds, [vault, dr, ...locks, withCopy]);
            assert.strictEqual(messages.length, 1, messages.join("\n"));
            assert.match(messages[0], /copy action 1 writes to dr-vault.*below the lock's minRetentionDays 90/);
        });

        it("does not give a copy to a vault outside the program (a literal ARN) the DR vault's lock", () => {
            const locks = [lock(vault, { minRetentionDays: 7 }), lock(dr, { minRetentionDays: 90 })];
            const external = plan("external-plan", [{ ruleName: "daily", targetVaultName: "vault-phys", lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: "arn:aws:backup:eu-west-1:123456789012:backup-vault:central", lifecycle: { deleteAfter: 35 } }] }]);
            assert.deepStrictEqual(stack(backupVaultLockBounds, [vault, dr, ...locks, external]), []);
        });

        it("finds a lock by the vault's literal name", () => {
            const literalLock = resource("aws:backup/vaultLockConfiguration:VaultLockConfiguration", "literal-lock", { backupVaultName: "vault-phys", minRetentionDays: 30 });
            const messages = stack(backupVaultLockBounds, [vault, literalLock, plan("p", [{ ruleName: "daily", targetVaultName: "vault-phys", lifecycle: { deleteAfter: 7 } }])]);
            assert.strictEqual(messages.length, 1, messages.join("\n"));
        });

        it("flags an invalid lock (changeableForDays < 3, min > max)", () => {
            const messages = stack(backupVaultLockBounds, [vault, lock(vault, { minRetentionDays: 100, maxRetentionDays: 30, changeableForDays: 2 })]).join("\n");
            assert.match(messages, /changeableForDays 2 is below 3/);
            assert.match(messages, /minRetentionDays 100 is above maxRetentionDays 30/);
        });

        // Every finding, not-judged items included.
        const all = (resources: PolicyResource[]) => backupVaultLockBounds.check(resources, {} as any, {});
        const LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";
        const PLAN = "aws:backup/plan:Plan";

        it("a lock's own bounds (PutBackupVaultLockConfiguration): changeableForDays ≥ 3, minRetentionDays ≥ 1, min ≤ max — each boundary", () => {
            const at = (name: string, props: Record<string, unknown>) => stack(backupVaultLockBounds, [vault, resource(LOCK, name, { backupVaultName: "vault-phys", ...props }, { deps: { backupVaultName: [vault] } })]);
            assert.deepStrictEqual(at("l", { minRetentionDays: 0, maxRetentionDays: 30, changeableForDays: 2 }), [
                "l: l: changeableForDays 2 is below 3 (AWS enforces a 72-hour cooling-off period)",
                "l: l: minRetentionDays 0 is below 1",
            ]);
            assert.deepStrictEqual(at("l", { minRetentionDays: 31, maxRetentionDays: 30 }), ["l: l: minRetentionDays 31 is above maxRetentionDays 30"]);
            assert.deepStrictEqual(at("l", { minRetentionDays: 1, maxRetentionDays: 1, changeableForDays: 3 }), []);
        });

        it("a lock with an unknown bound is not judged, naming exactly the unknown values; nothing else is said", () => {
            const l = (name: string, props: Record<string, unknown>) => resource(LOCK, name, { backupVaultName: "vault-phys", ...props }, { deps: { backupVaultName: [vault] } });
            const locks = [l("l-min", { minRetentionDays: U, maxRetentionDays: 30 }), l("l-max", { minRetentionDays: 7, maxRetentionDays: U }), l("l-changeable", { minRetentionDays: 7, changeableForDays: U })];
            assert.deepStrictEqual(all([vault, ...locks]).map((f) => [f.name, f.notJudged]), [["l-min", ["minRetentionDays"]], ["l-max", ["maxRetentionDays"]], ["l-changeable", ["changeableForDays"]]]);
        });

        it("names the plan rule, the vault and the lock; a retention exactly at a bound passes; forever passes a lock without a maximum", () => {
            const locked = resource(LOCK, "vault-lock", { backupVaultName: "vault-phys", minRetentionDays: 35, maxRetentionDays: 2922 }, { deps: { backupVaultName: [vault] } });
            const p = (name: string, rules: object[]) => resource(PLAN, name, { rules }, { deps: { rules: [vault] } });
            assert.deepStrictEqual(stack(backupVaultLockBounds, [vault, locked, p("plan", [
                { ruleName: "daily", targetVaultName: "vault-phys", lifecycle: { deleteAfter: 34 } },
                { ruleName: "forever", targetVaultName: "vault-phys" },
                { ruleName: "long", targetVaultName: "vault-phys", lifecycle: { deleteAfter: 2923 } },
                { ruleName: "at-min", targetVaultName: "vault-phys", lifecycle: { deleteAfter: 35 } },
                { ruleName: "at-max", targetVaultName: "vault-phys", lifecycle: { deleteAfter: 2922 } },
            ])]), [
                "plan: plan rule daily writes to vault, locked by vault-lock: deleteAfter 34 is below the lock's minRetentionDays 35; the vault fails the job",
                "plan: plan rule forever writes to vault, locked by vault-lock: it keeps recovery points forever (no deleteAfter) but the lock's maxRetentionDays is 2922; the vault fails the job",
                "plan: plan rule long writes to vault, locked by vault-lock: deleteAfter 2923 is above the lock's maxRetentionDays 2922; the vault fails the job",
            ]);
            const minOnly = resource(LOCK, "vault-lock", { backupVaultName: "vault-phys", minRetentionDays: 7 }, { deps: { backupVaultName: [vault] } });
            assert.deepStrictEqual(all([vault, minOnly, p("plan", [{ ruleName: "forever", targetVaultName: "vault-phys" }])]), []);
        });

        it("judges only the locked vault a lock names by literal name, and only plans", () => {
            const other = resource("aws:backup/vault:Vault", "other", { name: "other-phys" });
            const literalLock = resource(LOCK, "literal-lock", { backupVaultName: "vault-phys", minRetentionDays: 30 });
            const p = resource(PLAN, "plan", { rules: [{ ruleName: "daily", targetVaultName: "other-phys", lifecycle: { deleteAfter: 7 } }] }, { deps: { rules: [other] } });
            const selection = resource("aws:backup/selection:Selection", "sel", { planId: "p", iamRoleArn: "arn", resources: ["arn"] }, { deps: { planId: [p] } });
            assert.deepStrictEqual(all([vault, other, literalLock, p, selection]), []);
        });

        it("says nothing about plans when no vault is locked, even unknown ones; vault notifications are not a lock", () => {
            const notifications = resource("aws:backup/vaultNotifications:VaultNotifications", "n", { backupVaultName: "vault-phys", snsTopicArn: "arn", backupVaultEvents: ["BACKUP_JOB_COMPLETED"] }, { deps: { backupVaultName: [vault] } });
            const unknownRules = resource(PLAN, "plan-unknown", { rules: U }, { deps: { rules: [vault] } });
            const unknownRetention = resource(PLAN, "plan", { rules: [{ ruleName: "daily", targetVaultName: "vault-phys", lifecycle: { deleteAfter: U } }] }, { deps: { rules: [vault] } });
            assert.deepStrictEqual(all([vault, notifications, unknownRules, unknownRetention]), []);
        });

        it("under a lock, names what it could not judge: the rules, a retention, or a target vault it cannot resolve", () => {
            const locked = resource(LOCK, "vault-lock", { backupVaultName: "vault-phys", minRetentionDays: 7 }, { deps: { backupVaultName: [vault] } });
            const unlocked = resource("aws:backup/vault:Vault", "spare", { name: "spare-phys" });
            const unknownRules = resource(PLAN, "plan-unknown", { rules: U }, { deps: { rules: [vault] } });
            const retention = resource(PLAN, "plan-retention", { rules: [{ ruleName: "daily", targetVaultName: "vault-phys", lifecycle: { deleteAfter: U }, copyActions: [{ destinationVaultArn: "arn:aws:backup:us-east-1:1:backup-vault:vault-phys", lifecycle: { deleteAfter: U } }] }] }, { deps: { rules: [vault] } });
            const unresolved = resource(PLAN, "plan-unresolved", { rules: [{ ruleName: "daily", targetVaultName: U, lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: U, lifecycle: { deleteAfter: 35 } }] }] }, { deps: { rules: [vault, unlocked] } });
            // A plan writing only to vaults without a lock says nothing, even when it cannot tell which.
            const elsewhere = resource(PLAN, "plan-elsewhere", { rules: [{ ruleName: "daily", targetVaultName: U, lifecycle: { deleteAfter: 1 } }] }, { deps: { rules: [unlocked] } });
            const toUnlocked = resource(PLAN, "plan-spare", { rules: [{ ruleName: "daily", targetVaultName: "spare-phys", lifecycle: { deleteAfter: 1 } }] }, { deps: { rules: [unlocked] } });
            assert.deepStrictEqual(all([vault, unlocked, locked, unknownRules, retention, unresolved, elsewhere, toUnlocked]).map((f) => [f.name, f.notJudged]), [
                ["plan-unknown", ["rules"]],
                ["plan-retention", ["rules.lifecycle.deleteAfter"]],
                ["plan-retention", ["rules.copyActions.lifecycle.deleteAfter"]],
                ["plan-unresolved", ["rules.targetVaultName"]],
                ["plan-unresolved", ["rules.copyActions.destinationVaultArn"]],
            ]);
        });
    });

    describe("deploy-backup-copy-supported", () => {
        const CLUSTER = "aws:rds/cluster:Cluster";
        const vault = resource("aws:backup/vault:Vault", "vault", { name: "vault-1" });
        const drVault = resource("aws:backup/vault:Vault", "dr-vault", { name: "dr-vault-1" }, { provider: WEST });
        const DR_ARN = "arn:aws:backup:us-west-2:123456789012:backup-vault:dr-vault-1";
        const copyRule = (copies: unknown[]) => ({ ruleName: "daily", targetVaultName: "vault-1", lifecycle: { deleteAfter: 35 }, copyActions: copies.map((arn) => ({ destinationVaultArn: arn, lifecycle: { deleteAfter: 35 } })) });
        const plan = (name: string, rules: unknown, spec: Spec = {}) => resource("aws:backup/plan:Plan", name, { rules }, { deps: { rules: [vault, drVault] }, ...spec });
        const lms = resource(CLUSTER, "lms", { engine: "mysql", clusterIdentifier: "lms-cluster", dbClusterInstanceClass: "db.r6gd.xlarge", allocatedStorage: 500, iops: 3000 });
        const aurora = resource(CLUSTER, "aurora", { engine: "aurora-mysql", clusterIdentifier: "aurora-cluster" });
        const selection = (name: string, of: PolicyResource, props: Record<string, unknown> = {}, targets: PolicyResource[] = []) =>
            resource("aws:backup/selection:Selection", name, { planId: "p", iamRoleArn: "arn:aws:iam::123456789012:role/backup", resources: targets.map(() => "arn"), ...props }, { deps: { planId: [of], resources: targets } });
        // Every finding as [resource, message] or [resource, the values it could not judge].
        const all = (resources: PolicyResource[]) => backupCopySupported.check(resources, {} as any, {}).map((f) => [f.name, f.notJudged ?? f.message]);

        // Copy action 2 names a vault outside the program by a literal ARN: it is judged by that ARN's Region, not resolved
        // by elimination to the program's DR vault (planTargets eliminates only unknown names and ARNs).
        it("names the selection, the resource AWS Backup cannot copy, the plan and each cross-Region copy with its Regions", () => {
            const p = plan("plan", [copyRule([DR_ARN, "arn:aws:backup:eu-west-1:123456789012:backup-vault:eu-vault"])]);
            assert.deepStrictEqual(all([vault, drVault, p, lms, aurora, selection("sel", p, {}, [lms, aurora])]), [["sel",
                "sel selects lms, an RDS Multi-AZ DB cluster (its snapshots cannot be copied), for plan plan, whose rule daily, copy action 1 (us-east-1 → us-west-2), rule daily, copy action 2 (us-east-1 → eu-west-1) copy to another Region: AWS Backup cannot copy it there, so the copy job fails every time and the DR Region holds no copy of it"]]);
        });

        it("finds a selected resource by a literal ARN ending in its identifier; another ARN selects nothing", () => {
            const p = plan("plan", [copyRule([DR_ARN])]);
            const byArn = (name: string, arn: string) => selection(name, p, { resources: [arn] });
            assert.deepStrictEqual(all([vault, drVault, p, lms, aurora,
                byArn("sel-lms", "arn:aws:rds:us-east-1:123456789012:cluster:lms-cluster"), byArn("sel-aurora", "arn:aws:rds:us-east-1:123456789012:cluster:aurora-cluster"),
                byArn("sel-other", "arn:aws:rds:us-east-1:123456789012:cluster:someone-elses")]).map(([name]) => name), ["sel-lms"]);
            const ontap = resource("aws:fsx/ontapVolume:OntapVolume", "vol", { name: "vol1", storageVirtualMachineId: "svm-1", sizeInMegabytes: 1024 });
            assert.match(String(all([vault, drVault, p, ontap, selection("sel-vol", p, {}, [ontap])])[0][1]), /^sel-vol selects vol, an FSx for NetApp ONTAP volume \(no copy support\), for plan plan/);
        });

        it("copies within the plan's Region, plans without copies and other plans' selections are not judged for it", () => {
            const sameRegion = plan("same-region", [copyRule(["arn:aws:backup:us-east-1:123456789012:backup-vault:vault-1"])]);
            const noCopy = plan("no-copy", [{ ruleName: "daily", targetVaultName: "vault-1", lifecycle: { deleteAfter: 35 } }]);
            const copying = plan("copying", [copyRule([DR_ARN])]);
            assert.deepStrictEqual(all([vault, drVault, sameRegion, noCopy, copying, lms, selection("sel-same", sameRegion, {}, [lms]), selection("sel-none", noCopy, {}, [lms])]), []);
        });

        it("says what it could not judge: the rules, the Regions, a selection by tag or condition, a selected resource's engine", () => {
            const unknownRules = plan("unknown-rules", U);
            const unknownDest = resource("aws:backup/plan:Plan", "unknown-dest", { rules: [copyRule(["arn:aws:backup:us-west-2:123456789012:backup-vault:dr-vault-1"])] }, { provider: provider(U, "computed"), deps: { rules: [vault, drVault] } });
            const noRegion = resource("aws:backup/plan:Plan", "no-region", { rules: [copyRule([DR_ARN])] }, { provider: null, deps: { rules: [vault, drVault] } });
            const copying = plan("copying", [copyRule([DR_ARN])]);
            const computed = resource(CLUSTER, "computed", { engine: U });
            assert.deepStrictEqual(all([vault, drVault, unknownRules, unknownDest, noRegion, copying, computed,
                selection("by-tag", copying, { selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "daily" }] }),
                selection("by-condition", copying, { conditions: [{ stringEquals: [{ key: "aws:ResourceTag/backup", value: "daily" }] }] }),
                selection("tags-unknown", copying, { selectionTags: U }),
                selection("empty-lists", copying, { selectionTags: [], conditions: [] }),
                selection("engine", copying, {}, [computed])]), [
                ["unknown-rules", ["rules"]],
                ["unknown-dest", ["rules.copyActions.destinationVaultArn"]],
                ["no-region", ["rules.copyActions.destinationVaultArn"]],
                ["by-tag", ["selectionTags", "conditions"]],
                ["by-condition", ["selectionTags", "conditions"]],
                ["tags-unknown", ["selectionTags", "conditions"]],
                ["engine", ["resources.computed.engine"]],
            ]);
        });

        it("judges a copy to a vault outside the program by its ARN's Region", () => {
            const p = resource("aws:backup/plan:Plan", "plan", { rules: [copyRule(["arn:aws:backup:us-west-2:123456789012:backup-vault:central-dr"])] }, { deps: { rules: [vault] } });
            assert.deepStrictEqual(all([vault, p, lms, selection("sel", p, {}, [lms])]).map(([name]) => name), ["sel"]);
        });
    });

    describe("deploy-log-group-retention-value", () => {
        const LOG = "aws:cloudwatch/logGroup:LogGroup";
        it("flags 2555 (the SEVEN_YEARS_DAYS bug class) and other off-list values; passes listed values and 0", () => {
            assert.match(check(logGroupRetentionValue, LOG, { retentionInDays: 2555 })[0], /nearest allowed value at or above it is 2557/);
            assert.strictEqual(check(logGroupRetentionValue, LOG, { retentionInDays: 10 }).length, 1);
            for (const days of [...CLOUDWATCH_RETENTION_DAYS, 0]) assert.deepStrictEqual(check(logGroupRetentionValue, LOG, { retentionInDays: days }), [], String(days));
            assert.deepStrictEqual(check(logGroupRetentionValue, LOG, {}), []);
        });
    });

    describe("deploy-fargate-task-size", () => {
        const TASK = "aws:ecs/taskDefinition:TaskDefinition";
        const task = (cpu: unknown, memory: unknown, extra: Record<string, unknown> = {}) => check(fargateTaskSize, TASK, { requiresCompatibilities: ["FARGATE"], cpu, memory, containerDefinitions: "[]", ...extra });
        it("flags pairs Fargate does not offer; passes supported ones", () => {
            assert.match(task("4096", "4096")[0], /memory allowed with cpu 4096: 8192–30720 MiB/);
            assert.match(task("3000", "8192")[0], /cpu must be one of 256, 512/);
            assert.deepStrictEqual(task("4096", "8192"), []);
            assert.deepStrictEqual(task("16384", "122880"), []);
            assert.strictEqual(task("8192", "18432").length, 1, "8 vCPU takes 4 GB steps");
        });
        it("reads vCPU/GB units, requires a size for FARGATE, and ignores EC2-only task definitions", () => {
            assert.deepStrictEqual(task("1 vCPU", "2 GB"), []);
            assert.deepStrictEqual([cpuUnits("0.25 vcpu"), memoryMiB("0.5GB"), cpuUnits("abc")], [256, 512, undefined]);
            assert.match(check(fargateTaskSize, TASK, { requiresCompatibilities: ["FARGATE"] })[0], /needs task-level cpu and memory/);
            assert.deepStrictEqual(check(fargateTaskSize, TASK, { requiresCompatibilities: ["EC2"], cpu: "100", memory: "100" }), []);
        });
        it("knows the Windows restriction", () => {
            assert.strictEqual(task("512", "1024", { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } }).length, 1);
            assert.deepStrictEqual(task("1024", "2048", { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2022_CORE" } }), []);
        });
    });

    describe("deploy-performance-insights-retention", () => {
        it("flags 30 and 94; passes 7, 31 × n up to 713 and 731", () => {
            assert.match(check(performanceInsightsRetention, RDS, { performanceInsightsRetentionPeriod: 30 })[0], /nearest allowed value at or above it is 31/);
            assert.strictEqual(check(performanceInsightsRetention, RDS, { performanceInsightsRetentionPeriod: 94 }).length, 1);
            assert.strictEqual(check(performanceInsightsRetention, "aws:rds/clusterInstance:ClusterInstance", { performanceInsightsRetentionPeriod: 732 }).length, 1);
            for (const days of [7, 31, 93, 713, 731]) assert.deepStrictEqual(check(performanceInsightsRetention, RDS, { performanceInsightsRetentionPeriod: days }), [], String(days));
            assert.deepStrictEqual(PERFORMANCE_INSIGHTS_RETENTION_DAYS.length, 25);
        });
    });

    describe("deploy-rds-windows", () => {
        it("flags overlapping, too short or malformed windows; passes the platform's windows", () => {
            const windows = (backupWindow: string, maintenanceWindow: string) => check(rdsWindows, RDS, { backupWindow, maintenanceWindow });
            assert.match(windows("04:00-05:00", "sun:04:30-sun:05:30")[0], /overlaps maintenanceWindow/);
            assert.match(windows("23:30-00:30", "mon:00:00-mon:00:45")[0], /overlaps/, "a backup window across midnight meets Monday's maintenance");
            assert.match(windows("03:00-03:20", "sun:04:30-sun:05:30")[0], /shorter than 30 minutes/);
            assert.match(windows("3:00-4:00", "sun:04:30-sun:05:30")[0], /not hh24:mi-hh24:mi/);
            assert.match(windows("03:00-04:00", "sunday:04:30-sun:05:30")[0], /not ddd:hh24:mi/);
            assert.deepStrictEqual(windows("03:00-04:00", "sun:04:30-sun:05:30"), []);
            assert.deepStrictEqual(windows("23:30-00:30", "sun:01:00-sun:02:00"), []);
            assert.deepStrictEqual(check(rdsWindows, "aws:rds/cluster:Cluster", { preferredBackupWindow: "03:00-04:00", preferredMaintenanceWindow: "sun:04:30-sun:05:30" }), []);
            assert.strictEqual(check(rdsWindows, "aws:rds/cluster:Cluster", { preferredBackupWindow: "03:00-04:00", preferredMaintenanceWindow: "sun:03:30-sun:04:30" }).length, 1);
        });
    });

    describe("deploy-backup-vault-events", () => {
        const NOTIFY = "aws:backup/vaultNotifications:VaultNotifications";
        it("flags deprecated events (the VaultNotifications bug) and names that are not Backup events; passes live ones", () => {
            const problems = check(backupVaultEvents, NOTIFY, { backupVaultEvents: ["BACKUP_JOB_FAILED", "RESTORE_JOB_FAILED", "COPY_JOB_FAILED", "JOB_EXPLODED"] });
            assert.strictEqual(problems.length, 3);
            assert.match(problems[0], /BACKUP_JOB_FAILED is deprecated and sends nothing; use BACKUP_JOB_COMPLETED/);
            assert.match(problems[2], /JOB_EXPLODED is not an AWS Backup vault event/);
            assert.deepStrictEqual(check(backupVaultEvents, NOTIFY, { backupVaultEvents: ["BACKUP_JOB_COMPLETED", "RESTORE_JOB_COMPLETED", "COPY_JOB_FAILED", "S3_BACKUP_OBJECT_FAILED"] }), []);
        });
    });

    it("every deploy rule names and links the AWS rule it encodes, maps controls in its own metadata, and is mandatory unless it only advises", () => {
        for (const rule of deployRules) {
            assert.ok(rule.name.startsWith("deploy-"), rule.name);
            assert.match(rule.description, /https:\/\/(docs\.aws\.amazon\.com|www\.pulumi\.com\/registry)\//, `${rule.name} links no AWS/provider doc`);
            assert.ok(Object.values(rule.controls).some((ids) => ids && ids.length > 0), `${rule.name} has no controls`);
            assert.strictEqual(rule.enforcementLevel ?? "mandatory", rule.name === "deploy-backup-cold-storage-applies" ? "advisory" : "mandatory", rule.name);
        }
        assert.strictEqual(deployRules.filter(isResourceRule).length, 10);
    });

    it("README's policy table has each deploy rule with its description, kind and levels", () => {
        const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8").split("\n");
        for (const rule of deployRules) {
            const row = readme.find((line) => line.startsWith(`| <a id="policy-${rule.name}"></a>`));
            assert.ok(row, `README lacks a row for ${rule.name}`);
            const level = rule.enforcementLevel ?? "mandatory";
            assert.ok(row.includes(`| ${rule.description.replace(/\|/g, "\\|")} | ${isResourceRule(rule) ? "resource" : "stack"} | ${level} / ${level} |`), `README row of ${rule.name} is stale`);
        }
    });
});

// ---------- each finding, message and not-judged item (what the case table's titles cannot state) ----------

describe("deploy-validity rules: exact findings", () => {
    /** Every finding of a stack rule, not-judged items included, as `[name, message or not-judged properties]`. */
    const everything = (rule: StackRule, resources: PolicyResource[]) =>
        rule.check(resources, {} as any, {}).map((f) => [f.name, (f as { notJudged?: string[] }).notJudged ?? f.message]);

    describe("deploy-lb-log-bucket-ready", () => {
        const LB = "aws:lb/loadBalancer:LoadBalancer";
        const ALB_DOC = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html";
        const noPolicy = (lb: string, setting: string, bucket: string) =>
            `${lb} writes ${setting} to ${bucket}, which has no bucket policy in this program: Elastic Load Balancing cannot write there ("Access Denied for bucket"); add a policy granting log delivery (${ALB_DOC})`;
        const notDepending = (lb: string, setting: string, bucket: string, policy: string) =>
            `${lb} turns on ${setting} to ${bucket} without depending on its bucket policy ${policy}: on the first create the load balancer may come first and fail with "Access Denied for bucket"; add the policy to the load balancer's dependsOn`;

        it("judges connection and health-check logs like access logs, on aws.alb and aws.lb load balancers and BucketV2 buckets", () => {
            // ALB connection logs and health check logs need the same bucket policy as access logs (enable-connection-logging.html).
            const v2 = resource("aws:s3/bucketV2:BucketV2", "logs-v2", { bucket: "logs-v2-1" });
            const alb = resource("aws:alb/loadBalancer:LoadBalancer", "alb", {
                loadBalancerType: "application",
                connectionLogs: { bucket: "logs-v2-1", enabled: true },
                healthCheckLogs: { bucket: "logs-v2-1", prefix: "health", enabled: true },
            }, { deps: { connectionLogs: [v2], healthCheckLogs: [v2] } });
            const nlb = resource("aws:lb/loadBalancer:LoadBalancer", "nlb", { loadBalancerType: "network", accessLogs: { bucket: "logs-v2-1", enabled: true } }, { deps: { accessLogs: [v2] } });
            const target = resource("aws:lb/targetGroup:TargetGroup", "tg", { accessLogs: { bucket: "logs-v2-1", enabled: true } }, { deps: { accessLogs: [v2] } });
            assert.deepStrictEqual(everything(lbLogBucketReady, [v2, alb, nlb, target]), [
                ["alb", noPolicy("alb", "connectionLogs", "logs-v2")],
                ["alb", noPolicy("alb", "healthCheckLogs", "logs-v2")],
                ["nlb", noPolicy("nlb", "accessLogs", "logs-v2")],
            ]);
        });

        it("finds the bucket by its literal name and its policy by dependency (its bucket input is the bucket's computed id) or by literal name", () => {
            const bucket = resource("aws:s3/bucket:Bucket", "logs", { bucket: "logs-1" });
            const byDependency = resource("aws:s3/bucketPolicy:BucketPolicy", "policy-dep", { bucket: U, policy: "{}" }, { deps: { bucket: [bucket] } });
            const other = resource("aws:s3/bucket:Bucket", "other", { bucket: "other-1" });
            // A policy that depends on another bucket is that bucket's, whatever literal it carries.
            const otherPolicy = resource("aws:s3/bucketPolicy:BucketPolicy", "policy-other", { bucket: "logs-1", policy: "{}" }, { deps: { bucket: [other] } });
            const literal = (name: string, spec: Spec = {}) => resource(LB, name, { accessLogs: { bucket: "logs-1", enabled: true } }, spec);
            assert.deepStrictEqual(everything(lbLogBucketReady, [bucket, byDependency, other, otherPolicy, literal("lb-waits", { dependsOn: [byDependency] }), literal("lb-races")]), [
                ["lb-races", notDepending("lb-races", "accessLogs", "logs", "policy-dep")],
            ]);
            const byName = resource("aws:s3/bucketPolicy:BucketPolicy", "policy-name", { bucket: "logs-1", policy: "{}" });
            const byLogicalName = resource("aws:s3/bucketPolicy:BucketPolicy", "policy-logical", { bucket: "other", policy: "{}" });
            assert.deepStrictEqual(everything(lbLogBucketReady, [bucket, byName, literal("lb-races")]), [["lb-races", notDepending("lb-races", "accessLogs", "logs", "policy-name")]]);
            assert.deepStrictEqual(everything(lbLogBucketReady, [other, byLogicalName, resource(LB, "lb", { accessLogs: { bucket: "other-1", enabled: true } })]), [["lb", notDepending("lb", "accessLogs", "other", "policy-logical")]]);
            // A policy with no bucket name and no dependency belongs to no bucket.
            const nameless = resource("aws:s3/bucketPolicy:BucketPolicy", "policy-nameless", { bucket: "", policy: "{}" });
            const blank = resource("aws:s3/bucket:Bucket", "blank", { bucket: "" });
            assert.deepStrictEqual(everything(lbLogBucketReady, [blank, nameless, resource(LB, "lb", { accessLogs: { bucket: "", enabled: true } }, { deps: { accessLogs: [blank] } })]), [["lb", noPolicy("lb", "accessLogs", "blank")]]);
        });

        it("names what it could not judge: the log setting, its enabled flag, or a bucket name fed by something other than a bucket", () => {
            const bucket = resource("aws:s3/bucket:Bucket", "logs", { bucket: "logs-1" });
            const policy = resource("aws:s3/bucketPolicy:BucketPolicy", "policy", { bucket: "logs-1", policy: "{}" }, { deps: { bucket: [bucket] } });
            const ref = resource("pulumi:pulumi:StackReference", "shared", { name: "org/shared/prod" });
            const lbs = [
                resource(LB, "lb-logs", { accessLogs: U }, { deps: { accessLogs: [bucket] } }),
                resource(LB, "lb-enabled", { accessLogs: { bucket: "logs-1", enabled: U } }, { deps: { accessLogs: [bucket] } }),
                resource(LB, "lb-shared", { connectionLogs: { bucket: U, enabled: true } }, { deps: { connectionLogs: [ref] } }),
                // A computed name with no dependency at all: a bucket outside the program, nothing to order.
                resource(LB, "lb-external", { accessLogs: { bucket: U, enabled: true } }),
                // A computed name from a bucket of the program is judged through the dependency.
                resource(LB, "lb-computed", { accessLogs: { bucket: U, enabled: true } }, { deps: { accessLogs: [bucket] }, dependsOn: [policy] }),
            ];
            assert.deepStrictEqual(everything(lbLogBucketReady, [bucket, policy, ref, ...lbs]), [
                ["lb-logs", ["accessLogs"]],
                ["lb-enabled", ["accessLogs.enabled"]],
                ["lb-shared", ["connectionLogs.bucket"]],
            ]);
            assert.deepStrictEqual(lbLogBucketReady.check([bucket, policy, lbs[0]], {} as any, {})[0].message, "lb-logs: accessLogs unknown during preview");
        });

        it("says which regions differ, and judges regions only when both are configured", () => {
            const bucket = (name: string, p: PolicyProviderResource | null) => resource("aws:s3/bucket:Bucket", name, { bucket: name }, { provider: p });
            const policy = (b: PolicyResource) => resource("aws:s3/bucketPolicy:BucketPolicy", `${b.name}-policy`, { bucket: b.name, policy: "{}" }, { deps: { bucket: [b] } });
            const lb = (name: string, b: PolicyResource, p: PolicyProviderResource | null) => resource(LB, name, { accessLogs: { bucket: b.name, enabled: true } }, { provider: p, deps: { accessLogs: [b] }, dependsOn: [policy(b)] });
            const west = bucket("west-logs", WEST);
            const noRegion = bucket("env-logs", null);
            const unknownRegion = bucket("computed-logs", provider(U, "computed"));
            assert.deepStrictEqual(everything(lbLogBucketReady, [west, policy(west), noRegion, policy(noRegion), unknownRegion, policy(unknownRegion),
                lb("lb-east", west, EAST), lb("lb-west", west, WEST), lb("lb-env", west, null), lb("lb-to-env", noRegion, EAST), lb("lb-to-computed", unknownRegion, EAST)]), [
                ["lb-east", "lb-east in us-east-1 writes accessLogs to west-logs in us-west-2: the log bucket must be in the load balancer's region"],
            ]);
        });

        it("flags SSE-KMS and DSSE-KMS default encryption of an ALB's log bucket (SSE-S3 only) and an NLB's on the AWS managed key, not AES256, another bucket's or a computed one", () => {
            // ALB access logs: "The only server-side encryption option that's supported is Amazon S3-managed keys (SSE-S3)".
            const bucket = resource("aws:s3/bucketV2:BucketV2", "logs", { bucket: "logs-1" });
            const policy = resource("aws:s3/bucketPolicy:BucketPolicy", "policy", { bucket: "logs-1", policy: "{}" }, { deps: { bucket: [bucket] } });
            const other = resource("aws:s3/bucketV2:BucketV2", "other", { bucket: "other-1" });
            const sse = (name: string, type: string, b: PolicyResource, rules: unknown) => resource(type, name, { bucket: "x", rules }, { deps: { bucket: [b] } });
            const V1 = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
            const V2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
            const lb = resource(LB, "lb", { accessLogs: { bucket: "logs-1", enabled: true } }, { deps: { accessLogs: [bucket] }, dependsOn: [policy] });
            const kms = "lb writes accessLogs to logs, which defaults to SSE-KMS: load balancer logs support SSE-S3 (AES256) only";
            const at = (...extra: PolicyResource[]) => everything(lbLogBucketReady, [bucket, policy, other, lb, ...extra]);
            assert.deepStrictEqual(at(sse("sse", V2, bucket, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms:dsse" } }])), [["lb", kms]]);
            assert.deepStrictEqual(at(sse("sse", V1, bucket, { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "k" } })), [["lb", kms]]);
            assert.deepStrictEqual(at(sse("sse", V2, bucket, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }, { bucketKeyEnabled: true }])), []);
            assert.deepStrictEqual(at(sse("sse", V2, other, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }])), []);
            assert.deepStrictEqual(at(sse("sse", V2, bucket, U)), []);
            assert.deepStrictEqual(at(sse("sse", V2, bucket, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: U } }])), []);
            // A Network Load Balancer's logs also take SSE-KMS with a customer managed key (not the AWS managed aws/s3 key).
            const nlb = resource(LB, "lb", { loadBalancerType: "network", accessLogs: { bucket: "logs-1", enabled: true } }, { deps: { accessLogs: [bucket] }, dependsOn: [policy] });
            const nlbAt = (companion: PolicyResource) => everything(lbLogBucketReady, [bucket, policy, nlb, companion]);
            const nlbKms = "lb writes accessLogs to logs, which defaults to SSE-KMS with the AWS managed key: Network Load Balancer logs take SSE-S3 or a customer managed key (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-access-logs.html)";
            assert.deepStrictEqual(nlbAt(sse("sse", V2, bucket, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k" } }])), []);
            assert.deepStrictEqual(nlbAt(sse("sse", V2, bucket, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms" } }])), [["lb", nlbKms]]);
        });
    });

    describe("deploy-rds-cluster-iops", () => {
        const C = "aws:rds/cluster:Cluster";
        const tail = ": CreateDBCluster refuses it (\"required to create a Multi-AZ DB cluster\"), and storageType/iops force a replacement later";
        it("names each missing Multi-AZ setting and the storage type when given", () => {
            assert.deepStrictEqual(check(rdsClusterIops, C, { engine: "postgres", engineVersion: "16", storageType: "io2", allocatedStorage: 100 }), [`postgres Multi-AZ DB cluster (storageType io2) without iops, dbClusterInstanceClass${tail}`]);
            assert.deepStrictEqual(check(rdsClusterIops, C, { engine: "mysql", engineVersion: "8.4", iops: 3000 }), [`mysql Multi-AZ DB cluster without allocatedStorage, dbClusterInstanceClass${tail}`]);
        });
        it("does not judge clusters that take their storage from a source: point-in-time restores and replicas", () => {
            assert.deepStrictEqual(check(rdsClusterIops, C, { engine: "mysql", restoreToPointInTime: { sourceClusterIdentifier: "prod", useLatestRestorableTime: true } }), []);
            assert.deepStrictEqual(check(rdsClusterIops, C, { engine: "postgres", replicationSourceIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster:prod" }), []);
        });
        it("refuses Multi-AZ settings on Aurora, naming each; Aurora's own storage types (and the provider's empty default) pass", () => {
            const aurora = (props: Record<string, unknown>) => check(rdsClusterIops, C, { engine: "aurora-mysql", engineVersion: "8.0", ...props });
            assert.deepStrictEqual(aurora({ dbClusterInstanceClass: "db.r6gd.xlarge", storageType: "gp3" }), [
                "aurora-mysql cluster with dbClusterInstanceClass, storageType gp3: CreateDBCluster takes these for Multi-AZ DB clusters only and refuses them for Aurora (its instances carry the class; its storage types are aurora, aurora-iopt1)",
            ]);
            assert.match(aurora({ storageType: "io1" })[0], /^aurora-mysql cluster with storageType io1: /);
            for (const storageType of ["aurora", "aurora-iopt1", ""]) assert.deepStrictEqual(aurora({ storageType }), [], storageType);
        });
    });

    describe("deploy-engine-standard-support", () => {
        const judge = (props: Record<string, unknown>, config: Record<string, unknown> = { asOf: "2026-12-04" }, type = RDS) => {
            const r = resource(type, "db", props);
            const result = engineStandardSupport.check(r.props, { type, name: r.name, urn: r.urn, props: r.props, opts: r.opts } as any, config);
            return result === undefined ? [] : [result].flat();
        };
        it("says when the major left standard support, what to upgrade to, and what to set", () => {
            // MySQL 5.7 left RDS standard support on 2024-02-29 (extended-support dates); 8.4 is supported.
            assert.deepStrictEqual(judge({ engine: "mysql", engineVersion: "5.7" }), [
                "mysql 5.7 left RDS standard support on 2024-02-29: without engineLifecycleSupport the database runs on paid RDS Extended Support by default; upgrade to mysql 8.4, or set engineLifecycleSupport: \"open-source-rds-extended-support\" to accept it knowingly",
            ]);
            assert.deepStrictEqual(judge({ engine: "mysql", engineVersion: "5.7.44", engineLifecycleSupport: "open-source-rds-extended-support-disabled" }), [
                "mysql 5.7 left RDS standard support on 2024-02-29, and engineLifecycleSupport \"open-source-rds-extended-support-disabled\" refuses Extended Support: RDS does not create (or keep) it so; upgrade to mysql 8.4",
            ]);
        });
        it("judges against today without asOf (5.7 is past on any day from now)", () => {
            assert.strictEqual(judge({ engine: "mysql", engineVersion: "5.7" }, {}).length, 1);
            assert.deepStrictEqual(judge({ engine: "mysql", engineVersion: "5.7", engineLifecycleSupport: "open-source-rds-extended-support" }, {}), []);
            // MySQL 8.4's standard support runs to 2029: not past today.
            assert.deepStrictEqual(judge({ engine: "mysql", engineVersion: "8.4" }, {}), []);
        });
        it("leaves the version to RDS when none is given, and cluster replicas to their source", () => {
            // Without engineVersion RDS picks its default version (in standard support).
            assert.deepStrictEqual(judge({ engine: "mysql" }), []);
            assert.deepStrictEqual(judge({ engine: "mysql", engineVersion: "" }), []);
            assert.deepStrictEqual(judge({ engineVersion: "5.7" }), []);
            assert.deepStrictEqual(judge({ engine: "aurora-mysql", engineVersion: "5.7.mysql_aurora.2.12.1", replicationSourceIdentifier: "arn:aws:rds:us-east-1:123456789012:cluster:prod" }, undefined, "aws:rds/cluster:Cluster"), []);
        });
    });

    describe("deploy-parameter-values", () => {
        const PG = "aws:rds/parameterGroup:ParameterGroup";
        it("names each refused value with its allowed values and source; a numeric value is read as its string", () => {
            assert.deepStrictEqual(check(parameterValues, PG, { family: "mysql8.0", parameters: [{ name: "require_secure_transport", value: 1 }, { name: "require_secure_transport", value: "ON" }, { name: "character_set_server", value: "utf8mb4" }] }), [
                "require_secure_transport = \"ON\" is not allowed in mysql8.0; allowed: 0, 1 (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html)",
            ]);
        });
        it("judges nothing without parameters or a family", () => {
            assert.deepStrictEqual(check(parameterValues, PG, { family: "mysql8.0" }), []);
            assert.deepStrictEqual(check(parameterValues, PG, { family: "mysql8.0", parameters: [] }), []);
            assert.deepStrictEqual(check(parameterValues, PG, { family: "mysql8.0", parameters: [{ name: "require_secure_transport" }, { name: "require_secure_transport", value: null }] }), []);
            assert.deepStrictEqual(check(parameterValues, PG, { parameters: [{ name: "require_secure_transport", value: "ON" }] }), []);
        });
    });

    describe("deploy-performance-insights-retention (messages)", () => {
        it("names the nearest allowed value at or above, or none past 731; an instance without Performance Insights retention passes", () => {
            const pi = (days: unknown) => check(performanceInsightsRetention, RDS, days === undefined ? { performanceInsightsEnabled: false } : { performanceInsightsEnabled: true, performanceInsightsRetentionPeriod: days });
            assert.deepStrictEqual(pi(94), ["performanceInsightsRetentionPeriod 94 is not accepted by RDS (7, 31 × 1–23 months, or 731); the nearest allowed value at or above it is 124"]);
            assert.deepStrictEqual(pi(6), ["performanceInsightsRetentionPeriod 6 is not accepted by RDS (7, 31 × 1–23 months, or 731); the nearest allowed value at or above it is 7"]);
            assert.deepStrictEqual(pi(732), ["performanceInsightsRetentionPeriod 732 is not accepted by RDS (7, 31 × 1–23 months, or 731)"]);
            assert.deepStrictEqual(pi(undefined), []);
        });
    });

    describe("deploy-fargate-task-size (messages and units)", () => {
        const TASK = "aws:ecs/taskDefinition:TaskDefinition";
        const task = (props: Record<string, unknown>) => check(fargateTaskSize, TASK, { containerDefinitions: "[]", ...props });
        const fargate = (cpu: unknown, memory: unknown, extra: Record<string, unknown> = {}) => task({ requiresCompatibilities: ["FARGATE"], cpu, memory, ...extra });
        it("needs both cpu and memory at task level", () => {
            assert.deepStrictEqual(fargate("1024", undefined), ["a FARGATE task definition needs task-level cpu and memory"]);
            assert.deepStrictEqual(fargate(undefined, "2048"), ["a FARGATE task definition needs task-level cpu and memory"]);
            assert.deepStrictEqual(task({ cpu: "100", memory: "100" }), [], "no requiresCompatibilities: not a Fargate task definition");
        });
        it("says which values it cannot read (the API takes integers, or vCPU / GB strings)", () => {
            assert.deepStrictEqual(fargate("1 core", "2 GB"), ["cpu 1 core / memory 2 GB cannot be read as CPU units and MiB"]);
            assert.deepStrictEqual(fargate("1024", "2 GiB"), ["cpu 1024 / memory 2 GiB cannot be read as CPU units and MiB"]);
            assert.deepStrictEqual(fargate("1 cpu", "2048"), ["cpu 1 cpu / memory 2048 cannot be read as CPU units and MiB"]);
            assert.deepStrictEqual(fargate("1,024", "2048"), ["cpu 1,024 / memory 2048 cannot be read as CPU units and MiB"]);
            assert.deepStrictEqual(fargate("1024", "2,048"), ["cpu 1024 / memory 2,048 cannot be read as CPU units and MiB"]);
            assert.deepStrictEqual(fargate("1024", "2048 MiB of it"), ["cpu 1024 / memory 2048 MiB of it cannot be read as CPU units and MiB"]);
        });
        it("reads numbers, MiB and fractional GB", () => {
            assert.deepStrictEqual([cpuUnits(1024), memoryMiB(2048), memoryMiB("0.75 GB"), memoryMiB("3072 MiB"), memoryMiB(" 2 gb "), cpuUnits(" 2 vCPU ")], [1024, 2048, 768, 3072, 2048, 2048]);
            assert.deepStrictEqual(fargate("2 vCPU", "4 GB"), []);
        });
        it("lists the memory a cpu allows (1 vCPU: 2–8 GB in 1 GB steps), and the Windows cpu values", () => {
            assert.deepStrictEqual(fargate("1024", "1024"), ["cpu 1024 with memory 1024 MiB is not a Fargate size; memory allowed with cpu 1024: 2048–8192 MiB (2048, 3072, 4096, 5120, 6144, 7168, 8192)"]);
            assert.deepStrictEqual(fargate("512", "1024", { runtimePlatform: { operatingSystemFamily: "WINDOWS_SERVER_2019_FULL", cpuArchitecture: "X86_64" } }), ["cpu 512 is not offered for Windows containers on Fargate (1024, 2048, 4096 only)"]);
        });
    });

    describe("deploy-engine-version-auto-upgrade (messages)", () => {
        it("says why a pinned minor fails and what to set; ElastiCache defaults to Redis; an empty version is the provider's default", () => {
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, RDS, { engine: "postgres", engineVersion: "15.12" }), [
                "postgres engineVersion 15.12 pins a minor while autoMinorVersionUpgrade is on: after RDS upgrades the minor, every later update asks for a downgrade to 15.12 (refused), and retired minors cannot be created; set engineVersion to 15",
            ]);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, "aws:elasticache/cluster:Cluster", { engineVersion: "7.1.0" }), [
                "redis 7.1.0 pins a patch version; ElastiCache 7+ takes major.minor (e.g. 7.1) and applies patches itself",
            ]);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, RDS, { engine: "postgres", engineVersion: "" }), []);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, RDS, { engine: "postgres" }), []);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, "aws:elasticache/replicationGroup:ReplicationGroup", { engineVersion: "" }), []);
            assert.deepStrictEqual(check(engineVersionAutoUpgrade, "aws:elasticache/replicationGroup:ReplicationGroup", { description: "cache" }), []);
        });
    });

    describe("backup plan targets (which vault each rule and copy action writes to)", () => {
        const VAULT = "aws:backup/vault:Vault";
        const LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";
        const PLAN = "aws:backup/plan:Plan";
        const vault = resource(VAULT, "vault", { name: "vault-1" });
        // An autonamed DR vault whose physical name is known only from its lock.
        const dr = resource(VAULT, "dr", {}, { provider: WEST });
        const drLock = resource(LOCK, "dr-lock", { backupVaultName: "dr-1", minRetentionDays: 7 }, { deps: { backupVaultName: [dr] }, provider: WEST });
        const notifications = resource("aws:backup/vaultNotifications:VaultNotifications", "n", { backupVaultName: "not-a-vault-name", snsTopicArn: "arn", backupVaultEvents: ["BACKUP_JOB_COMPLETED"] }, { deps: { backupVaultName: [vault] } });
        const suffix = resource("random:index/randomId:RandomId", "suffix", { byteLength: 4 });
        const targets = (rules: unknown, deps: PolicyResource[]) => {
            const result = planTargets(resource(PLAN, "plan", { name: "plan", rules }, { deps: { rules: deps } }), [vault, dr, drLock, notifications, suffix]);
            // Lifecycles are read through the SDK proxy: compare plain copies.
            return result?.map((t) => [t.label, t.vault?.name, t.continuous, t.lifecycle === undefined ? undefined : { ...t.lifecycle }]);
        };
        const drArn = "arn:aws:backup:us-west-2:123456789012:backup-vault:dr-1";

        it("finds vaults by name, by their lock's name and by ARN; a copy without a lifecycle keeps the rule's", () => {
            assert.deepStrictEqual(targets([
                { ruleName: "daily", targetVaultName: "vault-1", schedule: "cron(0 5 * * ? *)", lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: drArn }, { destinationVaultArn: drArn, lifecycle: { deleteAfter: 90 } }] },
                { ruleName: "pitr", targetVaultName: "dr-1", enableContinuousBackup: true, lifecycle: { deleteAfter: 35 } },
                { ruleName: "other", targetVaultName: "not-a-vault-name", enableContinuousBackup: false },
            ], [vault, dr]), [
                ["rule daily", "vault", false, { deleteAfter: 35 }],
                ["rule daily, copy action 1", "dr", false, { deleteAfter: 35 }],
                ["rule daily, copy action 2", "dr", false, { deleteAfter: 90 }],
                ["rule pitr", "dr", true, { deleteAfter: 35 }],
                ["rule other", undefined, false, undefined],
            ]);
        });

        it("resolves an unknown target or copy ARN by elimination among the plan's vaults (other dependencies are not vaults)", () => {
            assert.deepStrictEqual(targets([{ ruleName: "daily", targetVaultName: U, lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: drArn }] }], [vault, suffix, dr]), [
                ["rule daily", "vault", false, { deleteAfter: 35 }],
                ["rule daily, copy action 1", "dr", false, { deleteAfter: 35 }],
            ]);
            // Two rules writing to the same vault list it twice among the plan's dependencies.
            assert.deepStrictEqual(targets([
                { ruleName: "daily", targetVaultName: "vault-1", copyActions: [{ destinationVaultArn: U }] },
                { ruleName: "weekly", targetVaultName: "vault-1" },
            ], [vault, dr, vault, suffix])?.map((t) => t.slice(0, 2)), [["rule daily", "vault"], ["rule daily, copy action 1", "dr"], ["rule weekly", "vault"]]);
            // Both unknown: two vaults are left for each, so neither is resolved.
            assert.deepStrictEqual(targets([{ ruleName: "daily", targetVaultName: U, copyActions: [{ destinationVaultArn: U }] }], [vault, dr])?.map((t) => t.slice(0, 2)), [["rule daily", undefined], ["rule daily, copy action 1", undefined]]);
        });

        it("does not resolve a known name outside the program by elimination; unknown or absent rules", () => {
            assert.deepStrictEqual(targets([{ ruleName: "daily", targetVaultName: "shared-vault", copyActions: [{ destinationVaultArn: U }] }], [dr])?.map((t) => t.slice(0, 2)), [["rule daily", undefined], ["rule daily, copy action 1", "dr"]]);
            assert.strictEqual(targets(U, [vault]), undefined);
            assert.deepStrictEqual(targets(undefined, []), []);
        });
    });

    describe("deploy-backup-cold-storage-applies (findings)", () => {
        const PLAN = "aws:backup/plan:Plan";
        const SELECTION = "aws:backup/selection:Selection";
        const plan = (name: string, rules: unknown) => resource(PLAN, name, { name, rules });
        const select = (name: string, p: PolicyResource, resources: unknown, deps: PolicyResource[] = []) =>
            resource(SELECTION, name, { name, planId: "p", iamRoleArn: "arn:aws:iam::123456789012:role/backup", resources }, { deps: { planId: [p], resources: deps } });

        it("names the cold-storage rules and every service that ignores it (DocumentDB clusters are RDS resources; BucketV2 is S3)", () => {
            const p = plan("plan", [
                { ruleName: "monthly", lifecycle: { coldStorageAfter: 90, deleteAfter: 2557 } },
                { ruleName: "daily", lifecycle: { deleteAfter: 35 } },
                { ruleName: "pitr", enableContinuousBackup: true },
                { ruleName: "yearly", lifecycle: { coldStorageAfter: 30, deleteAfter: 3650 } },
            ]);
            const docdb = resource("aws:docdb/cluster:Cluster", "docs", { engine: "docdb" });
            const bucket = resource("aws:s3/bucketV2:BucketV2", "bucket", {});
            assert.deepStrictEqual(everything(backupColdStorageApplies, [p, docdb, bucket, select("sel", p, U, [docdb, bucket])]), [
                ["plan", "plan: rule(s) monthly, yearly set coldStorageAfter, but the plan backs up RDS/Aurora and S3, whose recovery points cannot move to cold storage (AWS Backup ignores coldStorageAfter for them)"],
            ]);
        });

        it("reads only this plan's selections, ARNs of known services, and says when the rules are unknown", () => {
            const cold = plan("plan", [{ ruleName: "monthly", lifecycle: { coldStorageAfter: 90, deleteAfter: 2557 } }]);
            const warm = plan("warm", [{ ruleName: "daily", lifecycle: { deleteAfter: 35, coldStorageAfter: 0 } }]);
            const db = resource(RDS, "db", { engine: "postgres" });
            const efs = resource("aws:efs/fileSystem:FileSystem", "fs", {});
            const lifecycle = resource("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", "bucket-lifecycle", { bucket: "b", rules: U });
            assert.deepStrictEqual(everything(backupColdStorageApplies, [cold, warm, db, efs, lifecycle,
                select("sel-cold", cold, ["arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1", "not-an-arn"], [efs]),
                select("sel-warm", warm, ["arn:aws:s3:::bucket"], [db])]), []);
            assert.deepStrictEqual(everything(backupColdStorageApplies, [plan("computed", U), plan("none", undefined)]), [["computed", ["rules"]]]);
        });
    });

    describe("deploy-replica-managed-password (findings)", () => {
        it("says which replica of which source fails, and names the unknown setting", () => {
            const primary = resource(RDS, "primary", { engine: "postgres", identifier: "primary-db", manageMasterUserPassword: true });
            const computed = resource(RDS, "computed", { engine: "postgres", identifier: "computed-db", manageMasterUserPassword: U });
            const cluster = resource("aws:rds/cluster:Cluster", "cluster", { engine: "mysql", clusterIdentifier: "multi-az", manageMasterUserPassword: true });
            const replicas = [
                resource(RDS, "replica", { replicateSourceDb: "primary-db" }),
                resource(RDS, "replica-computed", { replicateSourceDb: "computed-db" }),
                // A cluster named by literal identifier, and a replica of something outside the program.
                resource("aws:rds/cluster:Cluster", "cluster-replica", { engine: "mysql", replicationSourceIdentifier: "multi-az" }),
                resource(RDS, "external-replica", { replicateSourceDb: "arn:aws:rds:us-east-1:123456789012:db:elsewhere" }),
                resource(RDS, "not-a-replica", { engine: "postgres", identifier: "standalone", replicateSourceDb: "" }),
                // A replica of a replica (MySQL/MariaDB cascade): the source replica has no engine or password of its own.
                resource(RDS, "cascade", { replicateSourceDb: "external-replica-id" }, { deps: { replicateSourceDb: [resource(RDS, "external-replica", { replicateSourceDb: "arn:aws:rds:us-east-1:123456789012:db:elsewhere" })] } }),
            ];
            const found = everything(replicaManagedPassword, [primary, computed, cluster, resource("aws:s3/bucket:Bucket", "primary-db", { bucket: "primary-db" }), ...replicas]);
            assert.deepStrictEqual(found.map(([name, what]) => [name, typeof what === "string" ? what.replace(/\(https:[^)]*\)$/, "(DOC)") : what]), [
                ["replica", "replica is a read replica of primary, which has manageMasterUserPassword: true; RDS refuses to create replicas of a source whose master password Secrets Manager manages (DOC)"],
                ["replica-computed", ["replicateSourceDb.manageMasterUserPassword"]],
                ["cluster-replica", "cluster-replica is a read replica of cluster, which has manageMasterUserPassword: true; RDS refuses to create replicas of a source whose master password Secrets Manager manages (DOC)"],
            ]);
            assert.match(String(found[0][1]), /\(https:\/\/docs\.aws\.amazon\.com\/AmazonRDS\/latest\/UserGuide\/rds-secrets-manager\.html#rds-secrets-manager-limitations\)$/);
        });
    });

    describe("deploy helpers (common.ts)", () => {
        it("reads a region only from a non-empty provider region; unknown stays unknown", () => {
            assert.strictEqual(regionOf(resource(RDS, "a", {}, { provider: provider("") })), undefined);
            assert.strictEqual(regionOf(resource(RDS, "b", {}, { provider: null })), undefined);
            assert.strictEqual(regionOf(resource(RDS, "c", {}, { provider: WEST })), "us-west-2");
            assert.strictEqual(regionOf(resource(RDS, "d", {}, { provider: provider(U, "computed") })), UNKNOWN_VALUE);
            // A provider without properties (an engine without the provider's inputs) names no region.
            assert.strictEqual(regionOf({ provider: { type: "pulumi:providers:aws", name: "bare", urn: "urn:bare", props: undefined } as unknown as PolicyProviderResource }), undefined);
        });
        it("takes the region segment of an ARN only from an ARN with one", () => {
            assert.deepStrictEqual(
                [arnRegion("arn:aws:kms:us-west-2:123456789012:key/abc"), arnRegion("arn:aws:s3:::bucket/key"), arnRegion("kms:aws:arn:us-west-2:1:key/abc"), arnRegion("arn:aws:kms:us-west-2"), arnRegion(42), arnRegion("alias/key")],
                ["us-west-2", undefined, undefined, undefined, undefined, undefined]);
        });
        it("read passes other errors through; notJudged names the properties; asArray wraps one value and drops none", () => {
            assert.throws(() => read(() => { throw new TypeError("boom"); }), TypeError);
            assert.deepStrictEqual(notJudged("r", { urn: "u", name: "n" }, ["a.b", "c"]), [{ urn: "u", name: "n", notJudged: ["a.b", "c"], message: "n: a.b, c unknown during preview" }]);
            assert.deepStrictEqual([asArray(undefined), asArray(null), asArray("x"), asArray(["x", "y"]), asArray(0)], [[], [], ["x"], ["x", "y"], [0]]);
        });
        it("follows dependencies through resources of the stack and through ones it does not list", () => {
            const a = resource(RDS, "a", {});
            const b = resource(RDS, "b", {}, { dependsOn: [a] });
            const c = resource(RDS, "c", {}, { dependsOn: [b] });
            // `stale` is how c sees b (say, a snapshot without its dependencies); the stack's own b is followed.
            const stale = { ...b, dependencies: [] } as unknown as PolicyResource;
            const d = resource(RDS, "d", {}, { dependsOn: [stale] });
            const outside = { ...resource(RDS, "outside", {}, { dependsOn: [a] }) } as PolicyResource;
            const e = resource(RDS, "e", {}, { dependsOn: [outside] });
            assert.deepStrictEqual([...transitiveDependencies(c, [a, b, c])].sort(), [a.urn, b.urn].sort());
            assert.deepStrictEqual([...transitiveDependencies(d, [a, b, d])].sort(), [a.urn, b.urn].sort());
            assert.deepStrictEqual([...transitiveDependencies(e, [a, e])].sort(), [a.urn, outside.urn].sort());
        });
    });
});

const isResourceRule = (rule: ResourceRule | StackRule): rule is ResourceRule => !isStackRule(rule);

// ---------- the case table (test/policies/deploy-cases.ts), through the framework's policy wrappers ----------

/** Runs a case the way the SDK runs a policy: wrapped by the framework, props behind the unknown-checking proxy. */
function runCase(rule: ResourceRule | StackRule, c: DeployCase): { violations: string[]; unknownRaised: boolean } {
    const violations: string[] = [];
    let unknownRaised = false;
    const config = { ...c.config, ...c.resource?.config };
    try {
        if (isResourceRule(rule)) {
            const r = resource(c.resource!.type, c.resource!.name ?? "subject", c.resource!.props);
            const validate = resourcePolicy(rule).validateResource as (args: unknown, report: (message: string) => void) => void;
            validate({ type: r.type, name: r.name, urn: r.urn, props: r.props, opts: r.opts, getConfig: () => config }, (m) => violations.push(`${r.name}: ${m}`));
        } else {
            const byName = new Map<string, PolicyResource>();
            const built = c.stack!.map((s) => {
                const r = resource(s.type, s.name, s.props, { provider: s.provider ? provider(s.provider.region, `p-${s.name}`) : null });
                byName.set(s.name, r);
                return { r, s };
            });
            for (const { r, s } of built) {
                for (const [property, names] of Object.entries(s.deps ?? {})) {
                    r.propertyDependencies[property] = names.map((n) => byName.get(n)!);
                    r.dependencies.push(...r.propertyDependencies[property]);
                }
            }
            const validate = stackPolicy(rule).validateStack as (args: unknown, report: (message: string, urn?: string) => void) => void;
            validate({ resources: built.map((b) => b.r), getConfig: () => config }, (m, urn) => violations.push(`${urn?.split("::").pop()}: ${m}`));
        }
    } catch (err) {
        if (!(err instanceof (require("@pulumi/policy/proxy") as { UnknownValueError: new () => Error }).UnknownValueError)) throw err;
        unknownRaised = true;
    }
    return { violations, unknownRaised };
}

describe("deploy-validity case table (in-process)", () => {
    it("has cases for every deploy rule: ≥ 1 compliant, ≥ 2 violating, ≥ 1 unknown", () => {
        assert.deepStrictEqual(Object.keys(DEPLOY_CASES).sort(), deployRules.map((r) => r.name).sort());
        for (const [name, cases] of Object.entries(DEPLOY_CASES)) {
            assert.ok(cases.compliant.length >= 1 && cases.violating.length >= 2 && cases.unknown.length >= 1, name);
        }
    });
    for (const rule of deployRules) {
        const cases = DEPLOY_CASES[rule.name];
        describe(rule.name, () => {
            for (const c of cases.compliant) it(`passes: ${c.title}`, () => assert.deepStrictEqual(runCase(rule, c), { violations: [], unknownRaised: false }));
            for (const c of cases.ignored ?? []) it(`ignores: ${c.title}`, () => assert.deepStrictEqual(runCase(rule, c), { violations: [], unknownRaised: false }));
            for (const c of cases.violating) {
                it(`flags: ${c.title}`, () => {
                    const o = runCase(rule, c);
                    assert.ok(o.violations.length > 0, JSON.stringify(o));
                    if (c.flagged) assert.deepStrictEqual([...new Set(o.violations.map((v) => v.split(": ")[0]))].sort(), [...c.flagged].sort(), JSON.stringify(o));
                });
            }
            for (const c of cases.unknown) {
                it(`unknown during preview (${c.expect}): ${c.title}`, () => {
                    const o = runCase(rule, c);
                    if (c.expect === "violating") {
                        assert.ok(o.violations.length > 0, JSON.stringify(o));
                        if (c.flagged) assert.deepStrictEqual([...new Set(o.violations.map((v) => v.split(": ")[0]))].sort(), [...c.flagged].sort());
                    } else {
                        // Not judged is never a violation (the framework or the pack log says it); compliant is silent.
                        assert.deepStrictEqual(o.violations, [], JSON.stringify(o));
                        if (c.expect === "compliant") assert.strictEqual(o.unknownRaised, false);
                    }
                });
            }
        });
    }
});

// ---------- through the pack process ----------

const TAGS = { owner: "team", "cost-center": "cc", "data-classification": "restricted", environment: "production" };
let counter = 0;

function res(type: string, props: Record<string, unknown>, extra: Partial<AnalyzerResource> & { region?: string } = {}): AnalyzerResource {
    const { region, ...rest } = extra;
    const name = rest.name ?? `d${++counter}`;
    const providerName = region ? `aws-${region}` : "default_7_48_0";
    return {
        urn: `urn:pulumi:production::fixture::${type}::${name}`,
        type,
        name,
        properties: { tags: TAGS, ...props },
        options: { protect: true },
        dependencies: [],
        propertyDependencies: {},
        provider: { urn: `urn:pulumi:production::fixture::pulumi:providers:aws::${providerName}`, type: "pulumi:providers:aws", name: providerName, properties: { region: region ?? "us-east-1" } },
        ...rest,
    };
}

describe("deploy-validity rules through the analyzer protocol", function () {
    this.timeout(120_000);
    let pack: PolicyPackProcess;

    before(async () => {
        pack = await startConfiguredPack();
    });
    after(async () => {
        await pack?.close();
    });

    it("publishes every deploy rule with the deploy-validity category tag and its controls", () => {
        for (const rule of deployRules) {
            const policy = pack.info.policies.find((p) => p.name === rule.name);
            assert.ok(policy, `pack lacks ${rule.name}`);
            assert.ok(policy.tags.includes("deploy-validity"), `${rule.name} tags ${policy.tags}`);
            assert.ok(policy.tags.includes("soc2:CC8.1"), `${rule.name} tags ${policy.tags}`);
        }
    });

    const RESOURCE_CASES: Array<[string, AnalyzerResource, AnalyzerResource]> = [
        ["deploy-log-group-retention-value", res("aws:cloudwatch/logGroup:LogGroup", { kmsKeyId: "k", retentionInDays: 2555 }), res("aws:cloudwatch/logGroup:LogGroup", { kmsKeyId: "k", retentionInDays: 2557 })],
        ["deploy-performance-insights-retention", res(RDS, { performanceInsightsRetentionPeriod: 30 }), res(RDS, { performanceInsightsRetentionPeriod: 31 })],
        ["deploy-backup-vault-events", res("aws:backup/vaultNotifications:VaultNotifications", { backupVaultEvents: ["BACKUP_JOB_FAILED"] }), res("aws:backup/vaultNotifications:VaultNotifications", { backupVaultEvents: ["BACKUP_JOB_COMPLETED"] })],
        ["deploy-engine-version-auto-upgrade", res(RDS, { engine: "postgres", engineVersion: "15.12", autoMinorVersionUpgrade: true }), res(RDS, { engine: "postgres", engineVersion: "15", autoMinorVersionUpgrade: true })],
        ["deploy-fargate-task-size", res("aws:ecs/taskDefinition:TaskDefinition", { requiresCompatibilities: ["FARGATE"], cpu: "4096", memory: "4096", containerDefinitions: "[]" }), res("aws:ecs/taskDefinition:TaskDefinition", { requiresCompatibilities: ["FARGATE"], cpu: "4096", memory: "8192", containerDefinitions: "[]" })],
        ["deploy-rds-cluster-iops", res("aws:rds/cluster:Cluster", { engine: "mysql", dbClusterInstanceClass: "db.r6gd.xlarge", allocatedStorage: 500, storageType: "gp3" }), res("aws:rds/cluster:Cluster", { engine: "mysql", dbClusterInstanceClass: "db.r6gd.xlarge", allocatedStorage: 500, storageType: "gp3", iops: 3000 })],
        // Dates far from the edge, so the pack's "today" does not matter: PostgreSQL 11 ended 2024-02-29, 17 runs to 2030.
        ["deploy-engine-standard-support", res(RDS, { engine: "postgres", engineVersion: "11" }), res(RDS, { engine: "postgres", engineVersion: "17" })],
        ["deploy-parameter-values", res("aws:rds/parameterGroup:ParameterGroup", { family: "mysql8.0", parameters: [{ name: "require_secure_transport", value: "ON" }] }), res("aws:rds/parameterGroup:ParameterGroup", { family: "mysql8.0", parameters: [{ name: "require_secure_transport", value: "1" }] })],
        ["deploy-backup-lifecycle", res("aws:backup/plan:Plan", { rules: [{ ruleName: "m", lifecycle: { coldStorageAfter: 90, deleteAfter: 100 } }] }), res("aws:backup/plan:Plan", { rules: [{ ruleName: "m", lifecycle: { coldStorageAfter: 90, deleteAfter: 180 } }] })],
    ];
    for (const [rule, violating, compliant] of RESOURCE_CASES) {
        it(`${rule}: flags the violating resource (mandatory) and passes the compliant one`, async () => {
            const bad = named(await pack.analyze(violating), rule);
            assert.strictEqual(bad.length, 1, JSON.stringify(bad));
            assert.strictEqual(bad[0].enforcementLevel, "mandatory");
            assert.deepStrictEqual(named(await pack.analyze(compliant), rule), []);
        });
    }

    it("deploy-cross-region-references reads each resource's provider region from the request", async () => {
        const key = res(KEY, {}, { name: "dr-key", region: "us-west-2" });
        const alias = (name: string, region?: string) => res("aws:kms/alias:Alias", { name: `alias/${name}`, targetKeyId: "k" }, { name, region, dependencies: [key.urn], propertyDependencies: { targetKeyId: [key.urn] } });
        const diags = named(await pack.analyzeStack([key, alias("default-region"), alias("dr-region", "us-west-2")]), "deploy-cross-region-references");
        assert.deepStrictEqual(diags.map((d) => d.urn!.split("::").pop()), ["default-region"]);
        assert.strictEqual(diags[0].enforcementLevel, "mandatory");
    });

    it("deploy-replica-managed-password and deploy-lb-log-bucket-ready judge the graph; an unknown value leaves only its resource unjudged", async () => {
        const primary = res(RDS, { engine: "mysql", manageMasterUserPassword: true, identifier: "p" }, { name: "primary" });
        const unknownPrimary = res(RDS, { engine: "mysql", manageMasterUserPassword: UNKNOWN }, { name: "unknown-primary" });
        const replica = (name: string, source: AnalyzerResource) => res(RDS, { replicateSourceDb: UNKNOWN }, { name, dependencies: [source.urn], propertyDependencies: { replicateSourceDb: [source.urn] } });
        const bucket = res("aws:s3/bucket:Bucket", { bucket: UNKNOWN }, { name: "logs" });
        const policy = res("aws:s3/bucketPolicy:BucketPolicy", { bucket: UNKNOWN, policy: "{}" }, { name: "logs-policy", dependencies: [bucket.urn], propertyDependencies: { bucket: [bucket.urn] } });
        const lb = (name: string, deps: string[]) => res("aws:lb/loadBalancer:LoadBalancer", { accessLogs: { bucket: UNKNOWN, enabled: true } }, { name, dependencies: deps, propertyDependencies: { accessLogs: [bucket.urn] } });
        const diags = await pack.analyzeStack([primary, unknownPrimary, replica("replica", primary), replica("replica-of-unknown", unknownPrimary), bucket, policy, lb("lb-early", [bucket.urn]), lb("lb-ordered", [bucket.urn, policy.urn])]);
        // No rule gave up on the whole stack: any "during preview" diagnostic is a per-resource "not judged" one.
        const preview = diags.filter((d) => /during preview/.test(d.message));
        assert.ok(preview.every((d) => /not judged: /.test(d.message)), preview.map((d) => d.message).join("\n"));
        const violations = (rule: string) => named(diags, rule).filter((d) => !preview.includes(d)).map((d) => d.urn!.split("::").pop());
        assert.deepStrictEqual(violations("deploy-replica-managed-password"), ["replica"]);
        assert.deepStrictEqual(violations("deploy-lb-log-bucket-ready"), ["lb-early"]);
        // The replica of a source with an unknown setting is said to be not judged: as the rule's advisory "not judged"
        // diagnostic where the framework reports that form, else as a pack warning — exactly one of the two.
        const item = /replica-of-unknown: replicateSourceDb\.manageMasterUserPassword unknown during preview/;
        const reported = preview.some((d) => d.policyName === "deploy-replica-managed-password" && d.enforcementLevel === "advisory" && item.test(d.message));
        const logged = pack.logs().some((l) => l.severity === "warning" && /\[not judged\] deploy-replica-managed-password: /.test(l.message) && item.test(l.message));
        assert.ok(reported !== logged, JSON.stringify({ diags, logs: pack.logs() }));
    });

    it("a resource rule facing an unknown value gives the SDK's per-resource 'can't run during preview' advisory, never a pass", async () => {
        const diags = named(await pack.analyze(res(RDS, { engine: "postgres", engineVersion: UNKNOWN })), "deploy-engine-version-auto-upgrade");
        assert.strictEqual(diags.length, 1);
        assert.strictEqual(diags[0].enforcementLevel, "advisory");
        assert.match(diags[0].message, /can't run .* during preview/);
    });

    it("deploy-backup-copy-supported follows a plan's copy action to another Region and flags the selection of a Multi-AZ DB cluster", async () => {
        const vault = res("aws:backup/vault:Vault", { name: "v1" }, { name: "vault" });
        const drVault = res("aws:backup/vault:Vault", { name: "v2" }, { name: "dr-vault", region: "us-west-2" });
        const plan = res("aws:backup/plan:Plan", { rules: [{ ruleName: "daily", targetVaultName: "v1", lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: UNKNOWN, lifecycle: { deleteAfter: 35 } }] }] },
            { name: "plan", dependencies: [vault.urn, drVault.urn], propertyDependencies: { rules: [vault.urn, drVault.urn] } });
        const cluster = res("aws:rds/cluster:Cluster", { engine: "mysql", iops: 3000, dbClusterInstanceClass: "db.r6gd.xlarge", allocatedStorage: 500 }, { name: "lms" });
        const instance = res(RDS, { engine: "postgres" }, { name: "mita" });
        const selection = (name: string, target: AnalyzerResource) => res("aws:backup/selection:Selection", { planId: UNKNOWN, resources: [UNKNOWN] },
            { name, dependencies: [plan.urn, target.urn], propertyDependencies: { planId: [plan.urn], resources: [target.urn] } });
        const diags = named(await pack.analyzeStack([vault, drVault, plan, cluster, instance, selection("sel-lms", cluster), selection("sel-mita", instance)]), "deploy-backup-copy-supported")
            .filter((d) => !/not judged/.test(d.message));
        assert.deepStrictEqual(diags.map((d) => d.urn?.split("::").pop()), ["sel-lms"], JSON.stringify(diags));
        assert.strictEqual(diags[0].enforcementLevel, "mandatory");
        assert.match(diags[0].message, /Multi-AZ DB cluster.*us-east-1 → us-west-2/);
    });

    it("production config keeps the cold-storage note advisory", async () => {
        const plan = res("aws:backup/plan:Plan", { rules: [{ ruleName: "m", lifecycle: { coldStorageAfter: 90, deleteAfter: 2557 } }] }, { name: "plan" });
        const db = res(RDS, {}, { name: "db" });
        const selection = res("aws:backup/selection:Selection", { planId: UNKNOWN, resources: [UNKNOWN] }, { dependencies: [plan.urn, db.urn], propertyDependencies: { planId: [plan.urn], resources: [db.urn] } });
        const diags = named(await pack.analyzeStack([plan, db, selection]), "deploy-backup-cold-storage-applies");
        assert.strictEqual(diags.length, 1);
        assert.strictEqual(diags[0].enforcementLevel, "advisory");
    });
});
