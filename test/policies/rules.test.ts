import * as assert from "assert";
import * as path from "path";
import { AnalyzerResource, loadPolicyConfigFile, PolicyPackProcess, startPolicyPack, UNKNOWN } from "../../scripts/preview/analyzer/client";
import { named, PACK, startConfiguredPack } from "./pack-process";
import { packRules } from "../../policies/rules";
import { parseWaivedMessage } from "../../scripts/preview/findings";

/**
 * Every rule of the pack, violated and satisfied, driven the way the Pulumi CLI drives it: the pack runs as its own
 * process and answers the analyzer gRPC protocol (Analyze with resource options, AnalyzeStack with the graph).
 */
const TAGS = { owner: "team", "cost-center": "cc", "data-classification": "restricted", environment: "production" };

let counter = 0;
function res(type: string, props: Record<string, unknown>, extra: Partial<AnalyzerResource> = {}): AnalyzerResource {
    const name = extra.name ?? `r${++counter}`;
    return {
        urn: `urn:pulumi:production::fixture::${type}::${name}`,
        type,
        name,
        properties: { tags: TAGS, ...props },
        options: { protect: true },
        dependencies: [],
        propertyDependencies: {},
        ...extra,
    };
}

/** A secure, complete bucket: encryption, versioning, public access block, TLS-only policy. */
function bucketSet(name: string, overrides: { sse?: string; versioning?: string; block?: boolean; policy?: object; tags?: object } = {}): AnalyzerResource[] {
    const bucket = res("aws:s3/bucket:Bucket", { bucket: `${name}-phys`, tags: { ...TAGS, ...overrides.tags } }, { name });
    const dep = { propertyDependencies: { bucket: [bucket.urn] }, dependencies: [bucket.urn] };
    return [
        bucket,
        res("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", {
            bucket: `${name}-phys`, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: overrides.sse ?? "aws:kms", kmsMasterKeyId: "arn:aws:kms:k" }, bucketKeyEnabled: true }],
        }, { ...dep, name: `${name}-sse` }),
        res("aws:s3/bucketVersioning:BucketVersioning", { bucket: `${name}-phys`, versioningConfiguration: { status: overrides.versioning ?? "Enabled" } }, { ...dep, name: `${name}-ver` }),
        res("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", {
            bucket: `${name}-phys`, blockPublicAcls: true, blockPublicPolicy: overrides.block ?? true, ignorePublicAcls: true, restrictPublicBuckets: true,
        }, { ...dep, name: `${name}-pab` }),
        res("aws:s3/bucketPolicy:BucketPolicy", {
            bucket: `${name}-phys`,
            policy: JSON.stringify(overrides.policy ?? { Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] }),
        }, { ...dep, name: `${name}-pol` }),
    ];
}

const GOOD_DB = {
    engine: "postgres", storageEncrypted: true, kmsKeyId: "arn:aws:kms:k", multiAz: true, backupRetentionPeriod: 30, deletionProtection: true,
    skipFinalSnapshot: false, finalSnapshotIdentifier: "db-final", publiclyAccessible: false, manageMasterUserPassword: true,
    performanceInsightsEnabled: true, performanceInsightsKmsKeyId: "arn:aws:kms:k", parameterGroupName: "pg",
};
const GOOD_CACHE = {
    atRestEncryptionEnabled: true, kmsKeyId: "arn:aws:kms:k", transitEncryptionEnabled: true, transitEncryptionMode: "required",
    automaticFailoverEnabled: true, multiAzEnabled: true, numCacheClusters: 2, snapshotRetentionLimit: 7, authToken: "from-secrets-manager",
};
const GOOD_SERVICE = { networkConfiguration: { assignPublicIp: false, subnets: ["s"] }, deploymentCircuitBreaker: { enable: true, rollback: true } };
const LISTENER = "aws:lb/listener:Listener";

/** [rule, violating resource, compliant resource] for rules that judge a single resource. */
const RESOURCE_CASES: Array<[string, AnalyzerResource, AnalyzerResource]> = [
    ["rds-storage-encrypted", res("aws:rds/instance:Instance", { ...GOOD_DB, storageEncrypted: false }), res("aws:rds/instance:Instance", GOOD_DB)],
    ["elasticache-encrypted-at-rest", res("aws:elasticache/replicationGroup:ReplicationGroup", { ...GOOD_CACHE, atRestEncryptionEnabled: false }), res("aws:elasticache/replicationGroup:ReplicationGroup", GOOD_CACHE)],
    ["ec2-ebs-volume-encrypted", res("aws:ebs/volume:Volume", { size: 10 }), res("aws:ebs/volume:Volume", { size: 10, encrypted: true })],
    ["cloudwatch-log-group-encrypted", res("aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 30 }), res("aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 30, kmsKeyId: "arn:aws:kms:k" })],
    ["sns-topic-encrypted", res("aws:sns/topic:Topic", {}), res("aws:sns/topic:Topic", { kmsMasterKeyId: "arn:aws:kms:k" })],
    ["secretsmanager-secret-encrypted-with-cmk", res("aws:secretsmanager/secret:Secret", {}), res("aws:secretsmanager/secret:Secret", { kmsKeyId: "arn:aws:kms:k" })],
    ["backup-vault-encrypted", res("aws:backup/vault:Vault", {}), res("aws:backup/vault:Vault", { kmsKeyArn: "arn:aws:kms:k" })],
    ["rds-performance-insights-encrypted", res("aws:rds/instance:Instance", { ...GOOD_DB, performanceInsightsKmsKeyId: undefined }), res("aws:rds/instance:Instance", GOOD_DB)],
    ["lb-listener-tls-policy", res(LISTENER, { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-2016-08" }), res(LISTENER, { protocol: "HTTPS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-3-2021-06" })],
    ["lb-http-listener-redirects-to-https",
        res(LISTENER, { protocol: "HTTP", port: 80, defaultActions: [{ type: "forward", targetGroupArn: "tg" }] }),
        res(LISTENER, { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] })],
    ["elasticache-transit-encryption", res("aws:elasticache/replicationGroup:ReplicationGroup", { ...GOOD_CACHE, transitEncryptionEnabled: false }), res("aws:elasticache/replicationGroup:ReplicationGroup", GOOD_CACHE)],
    ["rds-backup-retention", res("aws:rds/instance:Instance", { ...GOOD_DB, backupRetentionPeriod: 7 }), res("aws:rds/instance:Instance", GOOD_DB)],
    ["backup-plan-retention",
        res("aws:backup/plan:Plan", { rules: [{ ruleName: "daily", lifecycle: { deleteAfter: 7 } }] }),
        res("aws:backup/plan:Plan", { rules: [{ ruleName: "daily", lifecycle: { deleteAfter: 35 } }, { ruleName: "monthly", lifecycle: { deleteAfter: 2557 } }] })],
    ["cloudwatch-log-group-retention", res("aws:cloudwatch/logGroup:LogGroup", { kmsKeyId: "k" }), res("aws:cloudwatch/logGroup:LogGroup", { kmsKeyId: "k", retentionInDays: 2557 })],
    ["elasticache-snapshot-retention", res("aws:elasticache/replicationGroup:ReplicationGroup", { ...GOOD_CACHE, snapshotRetentionLimit: 0 }), res("aws:elasticache/replicationGroup:ReplicationGroup", GOOD_CACHE)],
    ["rds-not-publicly-accessible", res("aws:rds/instance:Instance", { ...GOOD_DB, publiclyAccessible: true }), res("aws:rds/instance:Instance", GOOD_DB)],
    ["ecs-no-public-ip", res("aws:ecs/service:Service", { ...GOOD_SERVICE, networkConfiguration: { assignPublicIp: true } }), res("aws:ecs/service:Service", GOOD_SERVICE)],
    ["rds-multi-az", res("aws:rds/instance:Instance", { ...GOOD_DB, multiAz: false }), res("aws:rds/instance:Instance", { ...GOOD_DB, multiAz: false, replicateSourceDb: "primary" })],
    ["elasticache-failover", res("aws:elasticache/replicationGroup:ReplicationGroup", { ...GOOD_CACHE, automaticFailoverEnabled: false }), res("aws:elasticache/replicationGroup:ReplicationGroup", GOOD_CACHE)],
    ["ecs-circuit-breaker", res("aws:ecs/service:Service", { ...GOOD_SERVICE, deploymentCircuitBreaker: { enable: true, rollback: false } }), res("aws:ecs/service:Service", GOOD_SERVICE)],
    ["general-deletion-protection", res("aws:lb/loadBalancer:LoadBalancer", { internal: true }), res("aws:lb/loadBalancer:LoadBalancer", { internal: true, enableDeletionProtection: true })],
    ["rds-final-snapshot", res("aws:rds/instance:Instance", { ...GOOD_DB, skipFinalSnapshot: true }), res("aws:rds/instance:Instance", GOOD_DB)],
    ["general-stateful-resources-protected", res("aws:kms/key:Key", {}, { options: { protect: false } }), res("aws:kms/key:Key", {}, { options: { protect: true } })],
    ["general-required-tags", res("aws:sns/topic:Topic", { kmsMasterKeyId: "k", tags: { owner: "x" } }), res("aws:sns/topic:Topic", { kmsMasterKeyId: "k" })],
    ["secrets-no-plaintext-secrets",
        res("aws:ecs/taskDefinition:TaskDefinition", { containerDefinitions: JSON.stringify([{ name: "app", environment: [{ name: "DB_PASSWORD", value: "hunter2" }] }]) }),
        res("aws:ecs/taskDefinition:TaskDefinition", { containerDefinitions: JSON.stringify([{ name: "app", environment: [{ name: "NODE_ENV", value: "production" }], secrets: [{ name: "DB_PASSWORD", valueFrom: "arn" }] }]) })],
];

describe("policy pack through the analyzer protocol", function () {
    this.timeout(120_000);
    let pack: PolicyPackProcess;

    before(async () => {
        pack = await startConfiguredPack();
    });
    after(async () => {
        await pack?.close();
    });

    it("publishes every rule with its metadata and mapped controls", () => {
        const names = pack.info.policies.map((p) => p.name);
        for (const rule of packRules) {
            assert.ok(names.includes(rule.name), `pack lacks rule ${rule.name}`);
        }
        for (const policy of pack.info.policies) {
            // Control tags, plus an optional category tag without `:` (deploy-validity), which is not a control.
            assert.ok(policy.tags.length > 0 && policy.tags.every((t) => /^(pci-dss-4\.0|soc2|cis-aws-3\.0|gdpr):/.test(t) || t === "deploy-validity"), `${policy.name} tags ${policy.tags}`);
            assert.ok(policy.description && policy.displayName);
        }
        const encrypted = pack.info.policies.find((p) => p.name === "rds-storage-encrypted")!;
        assert.ok(encrypted.tags.includes("pci-dss-4.0:3.5.1") && encrypted.tags.includes("cis-aws-3.0:2.3.1"));
        assert.strictEqual(encrypted.severity, "critical");
        assert.strictEqual(encrypted.framework?.name, "PCI DSS");
    });

    for (const [rule, violating, compliant] of RESOURCE_CASES) {
        it(`${rule}: flags the violating resource and passes the compliant one`, async () => {
            // Resource rules answer Analyze, stack rules AnalyzeStack; a rule is found in either.
            const judge = async (r: AnalyzerResource) => [...await pack.analyze(r), ...await pack.analyzeStack([r])];
            const bad = named(await judge(violating), rule);
            assert.strictEqual(bad.length >= 1, true, `${rule} did not flag ${JSON.stringify(violating.properties)}`);
            assert.strictEqual(bad[0].enforcementLevel, "mandatory");
            assert.deepStrictEqual(named(await judge(compliant), rule), [], `${rule} flagged the compliant resource`);
        });
    }

    describe("stack rules", () => {
        it("s3 rules: a complete bucket passes; missing pieces are each flagged", async () => {
            const good = await pack.analyzeStack(bucketSet("good"));
            for (const rule of ["s3-bucket-encrypted", "s3-bucket-denies-insecure-transport", "s3-bucket-versioning", "s3-public-access-blocked"]) {
                assert.deepStrictEqual(named(good, rule), [], rule);
            }
            const bad = await pack.analyzeStack([
                ...bucketSet("sses3", { sse: "AES256" }),
                ...bucketSet("noversion", { versioning: "Suspended" }),
                ...bucketSet("open", { block: false }),
                ...bucketSet("plainhttp", { policy: { Statement: [] } }),
                res("aws:s3/bucket:Bucket", { bucket: "bare" }, { name: "bare" }),
                ...bucketSet("publicacl"),
                res("aws:s3/bucketAcl:BucketAcl", { bucket: "publicacl-phys", acl: "public-read" }, { name: "publicacl-acl", propertyDependencies: { bucket: ["urn:pulumi:production::fixture::aws:s3/bucket:Bucket::publicacl"] } }),
            ]);
            const flagged = (rule: string) => named(bad, rule).map((d) => d.urn!.split("::").pop()).sort();
            assert.deepStrictEqual(flagged("s3-bucket-encrypted"), ["bare", "sses3"]);
            assert.deepStrictEqual(flagged("s3-bucket-versioning"), ["bare", "noversion"]);
            assert.deepStrictEqual(flagged("s3-public-access-blocked"), ["bare", "open", "publicacl"]);
            assert.deepStrictEqual(flagged("s3-bucket-denies-insecure-transport"), ["bare", "plainhttp"]);
        });

        it("judges references by property dependencies when ids are unknown during preview", async () => {
            const unknownIds = (set: AnalyzerResource[]) => set.map((r) => ({ ...r, properties: { ...r.properties, bucket: UNKNOWN } }));
            const diags = await pack.analyzeStack([...unknownIds(bucketSet("new")), ...unknownIds(bucketSet("newopen", { block: false }))]);
            assert.ok(!diags.some((d) => /during preview/.test(d.message)), diags.map((d) => d.message).join("\n"));
            assert.deepStrictEqual(named(diags, "s3-public-access-blocked").map((d) => d.urn!.split("::").pop()), ["newopen"]);
        });

        it("s3-bucket-encrypted accepts SSE-S3 only on buckets tagged purpose: log-destination, never by name, and reports the exemption", async () => {
            const logs = await pack.analyzeStack(bucketSet("plain-name", { sse: "AES256", tags: { purpose: "log-destination" } }));
            assert.deepStrictEqual(named(logs, "s3-bucket-encrypted"), []);
            assert.match(named(logs, "s3-log-destination-exemptions")[0]?.message ?? "", /exempt as a log destination/);
            assert.strictEqual(named(logs, "s3-log-destination-exemptions")[0].enforcementLevel, "advisory");
            // Bypass: a data bucket whose name (or free-text purpose) mentions "log" is not exempt.
            const lookalike = await pack.analyzeStack(bucketSet("production-catalog-storage-receipts", { sse: "AES256", tags: { purpose: "catalog data, not logs" } }));
            assert.strictEqual(named(lookalike, "s3-bucket-encrypted").length, 1);
            assert.deepStrictEqual(named(lookalike, "s3-log-destination-exemptions"), []);
        });

        it("rds-parameter-group-forces-tls follows the instance's parameter group", async () => {
            const group = (name: string, value: string) => res("aws:rds/parameterGroup:ParameterGroup", { name, family: "postgres15", parameters: [{ name: "rds.force_ssl", value }] }, { name });
            const tls = group("tls", "1");
            const plain = group("plain", "0");
            const db = (name: string, pg: AnalyzerResource) => res("aws:rds/instance:Instance", { ...GOOD_DB, parameterGroupName: pg.properties.name }, { name, propertyDependencies: { parameterGroupName: [pg.urn] } });
            // Default groups force TLS from PostgreSQL 15 (rds.force_ssl defaults to 1), not before.
            const defaultDb = (name: string, family: string) => res("aws:rds/instance:Instance", { ...GOOD_DB, parameterGroupName: `default.${family}` }, { name });
            const diags = await pack.analyzeStack([tls, plain, db("good-db", tls), db("bad-db", plain), defaultDb("default-15-db", "postgres15"), defaultDb("default-14-db", "postgres14")]);
            assert.deepStrictEqual(named(diags, "rds-parameter-group-forces-tls").map((d) => d.urn!.split("::").pop()).sort(), ["bad-db", "default-14-db"]);
        });

        it("backup-vault-locked needs a compliance-mode lock in production", async () => {
            const vault = (name: string) => res("aws:backup/vault:Vault", { name, kmsKeyArn: "k" }, { name });
            const locked = vault("locked");
            const governance = vault("governance");
            const lock = (v: AnalyzerResource, props: object) => res("aws:backup/vaultLockConfiguration:VaultLockConfiguration", { backupVaultName: v.properties.name, ...props }, { propertyDependencies: { backupVaultName: [v.urn] } });
            const diags = await pack.analyzeStack([locked, governance, vault("unlocked"), lock(locked, { changeableForDays: 3 }), lock(governance, {})]);
            assert.deepStrictEqual(named(diags, "backup-vault-locked").map((d) => d.urn!.split("::").pop()).sort(), ["governance", "unlocked"]);
        });

        it("ec2-no-open-ingress allows 443/80 from anywhere only on a load balancer's group", async () => {
            const albSg = res("aws:ec2/securityGroup:SecurityGroup", {}, { name: "alb-sg" });
            const appSg = res("aws:ec2/securityGroup:SecurityGroup", {}, { name: "app-sg" });
            const lb = res("aws:lb/loadBalancer:LoadBalancer", { internal: true, enableDeletionProtection: true }, { name: "lb", propertyDependencies: { securityGroups: [albSg.urn] } });
            const rule = (name: string, sg: AnalyzerResource, port: number, cidr = "0.0.0.0/0") =>
                res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { fromPort: port, toPort: port, ipProtocol: "tcp", cidrIpv4: cidr }, { name, propertyDependencies: { securityGroupId: [sg.urn] } });
            const inline = res("aws:ec2/securityGroup:SecurityGroup", { ingress: [{ fromPort: 22, toPort: 22, protocol: "tcp", cidrBlocks: ["0.0.0.0/0"] }] }, { name: "ssh-sg" });
            const diags = await pack.analyzeStack([albSg, appSg, lb, rule("alb-443", albSg, 443), rule("app-443", appSg, 443), rule("app-5432", appSg, 5432, "10.0.0.0/16"), inline]);
            assert.deepStrictEqual(named(diags, "ec2-no-open-ingress").map((d) => d.urn!.split("::").pop()).sort(), ["app-443", "ssh-sg"]);
        });

        it("lb-alb-waf-protected needs an associated ACL with Common, SQLi and a rate rule", async () => {
            const lb = (name: string) => res("aws:lb/loadBalancer:LoadBalancer", { internal: false, loadBalancerType: "application", enableDeletionProtection: true }, { name });
            const protectedLb = lb("protected");
            const weakLb = lb("weak");
            const acl = (name: string, rules: object[]) => res("aws:wafv2/webAcl:WebAcl", { scope: "REGIONAL", rules }, { name });
            const strong = acl("strong", [
                { statement: { managedRuleGroupStatement: { name: "AWSManagedRulesCommonRuleSet", vendorName: "AWS" } } },
                { statement: { managedRuleGroupStatement: { name: "AWSManagedRulesSQLiRuleSet", vendorName: "AWS" } } },
                { statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } }, action: { block: {} } },
            ]);
            const weak = acl("weak-acl", [{ statement: { managedRuleGroupStatement: { name: "AWSManagedRulesCommonRuleSet", vendorName: "AWS" } } }]);
            const assoc = (l: AnalyzerResource, a: AnalyzerResource) => res("aws:wafv2/webAclAssociation:WebAclAssociation", {}, { propertyDependencies: { resourceArn: [l.urn], webAclArn: [a.urn] } });
            const diags = named(await pack.analyzeStack([protectedLb, weakLb, lb("naked"), strong, weak, assoc(protectedLb, strong), assoc(weakLb, weak)]), "lb-alb-waf-protected");
            const messages = diags.map((d) => d.message).join("\n");
            assert.ok(!diags.some((d) => d.urn!.endsWith("::protected")), messages);
            assert.match(messages, /naked has no WAF web ACL/);
            assert.match(messages, /weak lacks the managed rule group AWSManagedRulesSQLiRuleSet/);
            assert.match(messages, /weak has no rate-based rule/);
        });
    });

    describe("runtime behaviour", () => {
        it("reports a property unknown during preview as 'can't run during preview' (advisory), not a pass or fail", async () => {
            const diags = named(await pack.analyze(res("aws:rds/instance:Instance", { ...GOOD_DB, storageEncrypted: UNKNOWN })), "rds-storage-encrypted");
            assert.strictEqual(diags.length, 1);
            assert.strictEqual(diags[0].enforcementLevel, "advisory");
            assert.match(diags[0].message, /can't run .* during preview: not judged: storageEncrypted unknown during preview/);
        });

        it("judges each resource on its own: a computed CIDR or bucket policy elsewhere does not switch a stack rule off", async () => {
            const computedSg = res("aws:ec2/securityGroup:SecurityGroup", {}, { name: "computed-sg" });
            const sshSg = res("aws:ec2/securityGroup:SecurityGroup", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] }, { name: "ssh-sg" });
            const computed = res("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: UNKNOWN }, { name: "computed", propertyDependencies: { securityGroupId: [computedSg.urn] } });
            const newBucket = bucketSet("new").map((r) => (r.name === "new-pol" ? { ...r, properties: { ...r.properties, policy: UNKNOWN } } : r));
            const diags = await pack.analyzeStack([computedSg, sshSg, computed, ...newBucket, ...bucketSet("plainhttp", { policy: { Statement: [] } })]);
            const ingress = named(diags, "ec2-no-open-ingress");
            assert.deepStrictEqual(ingress.filter((d) => d.enforcementLevel === "mandatory").map((d) => d.urn!.split("::").pop()), ["ssh-sg"]);
            assert.match(ingress.find((d) => d.enforcementLevel === "advisory")?.message ?? "", /not judged: computed: cidrIpv4 unknown during preview/);
            const tls = named(diags, "s3-bucket-denies-insecure-transport");
            assert.deepStrictEqual(tls.filter((d) => d.enforcementLevel === "mandatory").map((d) => d.urn!.split("::").pop()), ["plainhttp"]);
            assert.match(tls.find((d) => d.enforcementLevel === "advisory")?.message ?? "", /not judged: new: policy unknown during preview/);
        });

        it("a database password set at all (even unknown) is a violation, not an advisory", async () => {
            const diags = named(await pack.analyze(res("aws:rds/instance:Instance", { ...GOOD_DB, manageMasterUserPassword: undefined, password: UNKNOWN })), "secrets-no-plaintext-secrets");
            assert.deepStrictEqual(diags.map((d) => d.enforcementLevel), ["mandatory"]);
        });
    });
});

describe("policy pack: staging config and waivers", function () {
    this.timeout(120_000);
    let pack: PolicyPackProcess;
    const singleAz = res("aws:rds/instance:Instance", { ...GOOD_DB, multiAz: false }, { name: "staging-db" });

    before(async () => {
        pack = await startPolicyPack(PACK);
    });
    after(async () => {
        await pack?.close();
    });

    it("makes resilience rules advisory in staging but keeps encryption mandatory", async () => {
        await pack.configure(loadPolicyConfigFile(path.join(PACK, "config/staging.json")));
        const diags = await pack.analyze(res("aws:rds/instance:Instance", { ...GOOD_DB, multiAz: false, storageEncrypted: false }));
        assert.strictEqual(named(diags, "rds-multi-az")[0]?.enforcementLevel, "advisory");
        assert.strictEqual(named(diags, "rds-storage-encrypted")[0]?.enforcementLevel, "mandatory");
    });

    it("an active waiver suppresses the finding and reports it as waived; an expired one does not", async () => {
        const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
        // A production waiver names its resource (test/policies/governance.test.ts: patterns are refused there).
        const waiver = { resource: "staging-db", reason: "Single-AZ until the Q1 migration", approver: "jane.doe@company.com", expires: day(30) };
        const production = loadPolicyConfigFile(path.join(PACK, "config/production.json"));
        await pack.configure({ ...production, "rds-multi-az": { enforcementLevel: "mandatory", waivers: [waiver] } });
        const active = await pack.analyze(singleAz);
        assert.deepStrictEqual(named(active, "rds-multi-az"), []);
        const waived = named(active, "waived-findings");
        assert.strictEqual(waived.length, 1);
        assert.strictEqual(waived[0].enforcementLevel, "advisory");
        // The SDK puts the policy description on the first line of every message; the waiver line follows it.
        assert.deepStrictEqual(parseWaivedMessage(waived[0].message.split("\n").pop()!), {
            waiver: { rule: "rds-multi-az", expires: waiver.expires, approver: "jane.doe@company.com", reason: "Single-AZ until the Q1 migration" },
            message: "instance is single-AZ",
        });

        const lapsed = { ...waiver, expires: day(-1) };
        await pack.configure({ ...production, "rds-multi-az": { enforcementLevel: "mandatory", waivers: [lapsed] } });
        const expired = await pack.analyze(singleAz);
        assert.strictEqual(named(expired, "rds-multi-az")[0]?.enforcementLevel, "mandatory");
        assert.match(named(expired, "rds-multi-az")[0].message, new RegExp(`waiver by jane\\.doe@company\\.com expired on ${lapsed.expires}`));
        assert.deepStrictEqual(named(expired, "waived-findings"), []);
    });

    it("rejects a waiver without an approver", async () => {
        await assert.rejects(
            pack.configure({ "rds-multi-az": { enforcementLevel: "mandatory", waivers: [{ resource: "x", reason: "because reasons", expires: "2027-01-01" }] } }),
            /approver/,
        );
    });
});
