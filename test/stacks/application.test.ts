import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import * as YAML from "yaml";
import { Application, ApplicationArgs, applicationProblems, SharedInfrastructure } from "../../components/application";
import { loadConfig, parseConfig, ServiceConfig } from "../../components/application-config";
import { PLATFORM_ENVIRONMENT_NAMES } from "../../lib/rules/application-environment";
import { installMocks, RecordedResource, settle } from "../support/mocks";
import { setStackConfig } from "../support/stack";
import { addedApplicationIdentities, qualifiedType, recordedApplications, Registered, runStackWithUrns } from "../support/urns";

/**
 * The Application component (components/application.ts) took over what stacks/service.ts wired for each application.
 * Re-parenting every application component under it changes every URN below it; the components' aliases must give
 * `pulumi up` the way back to each old URN, or it would replace the whole application (data loss for databases and
 * buckets, downtime for the rest).
 *
 * all-urns.json is the URN of every resource of both stacks, recorded before the Application component existed. It
 * is the "before" of that change and is not re-recorded: a later change to the tree shows up here as a failure and is
 * judged on its own (stateful-urns.json, with its own re-record procedure, is the long-lived guard).
 */
const ALL_URNS = JSON.parse(fs.readFileSync(path.join(__dirname, "all-urns.json"), "utf8")) as Record<string, string[]>;
const STACKS = ["production", "staging"] as const;
const APPLICATION_TYPE = "platform:app:Application";

/**
 * Deliberate changes of the tree since the recording, each judged on its own and named with its reason. Removed: URNs
 * of all-urns.json that are gone on purpose. Added: resources (by type, under their component type) that are new.
 */
const STATIC_SITE = "platform:web:StaticSite";
const DELIBERATE_CHANGES: Array<{ reason: string; removed?: RegExp; removedCount?: (applications: number, stack: string) => number; added: (applications: number, stack: string) => string[] }> = [{
    // Issue 21, finding 9: Redis authenticates with IAM (a user group), so the AUTH token (RandomPassword), its secret
    // and secret version are gone; each cache has a user group with an IAM user and the switched-off default user.
    reason: "finding 9: Redis IAM authentication replaces the AUTH token",
    removed: /::[a-z0-9-]+-cache-auth$/,
    removedCount: (apps) => 3 * apps,
    added: (apps) => Array(apps).fill(["platform:data:Cache$aws:elasticache/user:User", "platform:data:Cache$aws:elasticache/user:User", "platform:data:Cache$aws:elasticache/userGroup:UserGroup"]).flat(),
}, {
    // Issue 21, LMS-56: the LMS frontend behind CloudFront (one StaticSite and its key, for lms-backend only).
    reason: "LMS-56: the LMS React frontend as a StaticSite",
    added: () => [
        `platform:app:Application$${STATIC_SITE}`, "platform:security:EncryptionKeys$aws:kms/alias:Alias", "platform:security:EncryptionKeys$aws:kms/key:Key",
        ...["aws:cloudfront/distribution:Distribution", "aws:cloudfront/originAccessControl:OriginAccessControl", "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
            "aws:s3/bucket:Bucket", "aws:s3/bucket:Bucket", "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
            "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "aws:s3/bucketPolicy:BucketPolicy", "aws:s3/bucketPolicy:BucketPolicy",
            "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            "aws:s3/bucketVersioning:BucketVersioning", "aws:s3/bucketVersioning:BucketVersioning", "aws:wafv2/webAcl:WebAcl", "pulumi:providers:aws"].map((t) => `${STATIC_SITE}$${t}`),
    ],
}, {
    // Issue 21, findings 2 and 7: LMS runs on Aurora MySQL version 3 (docs/database-readable-copies.md): a database in
    // standard support whose recovery points AWS Backup copies to the DR Region. Production's cluster keeps its URN
    // (its engine changes, a replacement a protected cluster refuses: see the doc's migration note) and gains a writer
    // and two reader instances; staging's DB instance becomes a cluster with a writer. Each has a cluster parameter
    // group (cluster-level parameters) and an instance parameter group; the family is in their logical names, so the
    // MySQL 8.0 group they replace is deleted only after the database has moved.
    reason: "findings 2 and 7: LMS on Aurora MySQL 3 (cluster, instances, parameter groups)",
    // An Aurora cluster volume grows by itself: no free-storage alarm for it.
    removed: /::[a-z0-9-]+-db(-cluster)?-mysql8-0$|\$aws:rds\/instance:Instance::staging-lms-backend-db$|::[a-z]+-lms-backend-observability-db-free-storage-low$/,
    removedCount: (_apps, stack) => (stack === "production" ? 2 : 3),
    added: (_apps, stack) => [
        "platform:data:Database$aws:rds/clusterParameterGroup:ClusterParameterGroup",
        "platform:data:Database$aws:rds/parameterGroup:ParameterGroup",
        ...Array(stack === "production" ? 3 : 1).fill("platform:data:Database$aws:rds/clusterInstance:ClusterInstance"),
        ...(stack === "production" ? [] : ["platform:data:Database$aws:rds/cluster:Cluster"]),
        // Restore testing covers Aurora clusters (a Multi-AZ DB cluster was restored by hand instead).
        ...(stack === "production" ? ["platform:data:Backup$aws:backup/restoreTestingSelection:RestoreTestingSelection"] : []),
    ],
}, {
    // Issue "Day one", finding 3: the application's IAM-authenticated database user is created during `up` by a Lambda
    // function (DatabaseUsers) that an aws.lambda.Invocation runs, instead of SQL by hand after the first `up`.
    reason: "finding 3: DatabaseUsers creates the application's database user during up",
    added: (apps) => Array(apps).fill([
        "platform:app:Application$platform:data:DatabaseUsers",
        ...["aws:cloudwatch/logGroup:LogGroup", "aws:ec2/securityGroup:SecurityGroup", "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy",
            "aws:lambda/function:Function", "aws:lambda/invocation:Invocation", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"].map((t) => `platform:data:DatabaseUsers$${t}`),
    ]).flat(),
}, {
    // Issue "Day one", finding 3: the applications' own keys (generatedSecrets) get a version with a random value made
    // at creation (MITA: JWT_SECRET_KEY, ENCRYPTION_KEY, DEVICE_ID_SALT; LMS: JWT_SECRET, ENCRYPTION_KEY). The secrets
    // themselves keep their URNs.
    reason: "finding 3: generated application secrets",
    added: () => Array(5).fill("platform:security:AppSecrets$aws:secretsmanager/secretVersion:SecretVersion"),
}];
const deliberatelyRemoved = (urn: string) => DELIBERATE_CHANGES.some((c) => c.removed?.test(urn));
const ROOT = path.resolve(__dirname, "../..");

/** The services a stack file configures (`platform:services`), as parsed YAML. */
function configuredServices(stack: string): Record<string, any> {
    return YAML.parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8")).config["platform:services"];
}

/** Stack file as the CLI passes it, with `edit` applied to the parsed YAML first. */
function stackConfigWith(stack: string, edit: (doc: any) => void): void {
    const doc = YAML.parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8"));
    edit(doc);
    pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(doc.config).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)])));
}

describe("Application component: identity of every resource of the previous tree (all-urns.json)", () => {
    const runs: Record<string, Registered[]> = {};
    const newApps: Record<string, Set<string>> = {};
    before(async () => {
        for (const stack of STACKS) runs[stack] = await runStackWithUrns(stack);
        for (const stack of STACKS) newApps[stack] = await addedApplicationIdentities(stack, runs[stack], recordedApplications(ALL_URNS[stack], stack));
    });

    for (const stack of STACKS) {
        describe(stack, () => {
            it("has the recorded tree: both applications' databases, buckets, services and alarms", () => {
                const types = new Set(ALL_URNS[stack].map((urn) => qualifiedType(urn).split("$").pop()));
                for (const type of ["aws:ecs/service:Service", "aws:s3/bucket:Bucket", "aws:cloudwatch/metricAlarm:MetricAlarm", "aws:lb/loadBalancer:LoadBalancer"]) {
                    assert.ok(types.has(type), `${stack}: all-urns.json has no ${type}`);
                }
                assert.ok(ALL_URNS[stack].length > 250);
            });

            it("one Application per configured service, parent of exactly the components stacks/service.ts created", () => {
                const apps = runs[stack].filter((r) => r.type === APPLICATION_TYPE);
                const services = configuredServices(stack);
                assert.deepStrictEqual(apps.map((a) => a.name).sort(), Object.keys(services).sort());
                for (const app of apps) {
                    const children = runs[stack].filter((r) => r.parentUrn === app.urn).map((r) => `${r.type.split(":").pop()}::${r.name}`).sort();
                    const prefix = `${stack}-${app.name}`;
                    assert.deepStrictEqual(children, [
                        `AppSecrets::${prefix}-secrets`, `Cache::${prefix}-cache`, `Database::${prefix}-db`, `Edge::${prefix}-edge`,
                        // New since the recording (finding 3): the database user, created during `up`.
                        `DatabaseUsers::${prefix}-db-users`,
                        `FargateService::${prefix}-service`, `ServiceLogs::${prefix}-logs`, `ServiceObservability::${prefix}-observability`,
                        `Storage::${prefix}-storage`,
                        // New since the recording (LMS-56): the frontend, for an application configured with one.
                        ...(services[app.name].frontend ? [`StaticSite::${prefix}-web`] : []),
                    ].sort());
                }
            });

            it("re-parenting really moved the applications' resources (their URNs changed, so only aliases keep them)", () => {
                const moved = runs[stack].filter((r) => r.urn.includes(`${APPLICATION_TYPE}$`));
                assert.ok(moved.length > 150, `${stack}: ${moved.length} resources under an Application`);
                assert.ok(moved.every((r) => !ALL_URNS[stack].includes(r.urn)), "a moved resource kept its old URN string: the test would not see a missing alias");
            });

            it("every URN of the previous tree is a resource's URN or an alias of exactly one resource", () => {
                const claims = new Map<string, string[]>();
                for (const r of runs[stack]) {
                    for (const u of [r.urn, ...r.aliasUrns]) claims.set(u, [...(claims.get(u) ?? []), r.urn]);
                }
                const lost = ALL_URNS[stack].filter((old) => !claims.has(old) && !deliberatelyRemoved(old));
                assert.deepStrictEqual(lost, [], `${stack}: these resources would be replaced:\n  ${lost.join("\n  ")}`);
                const doubled = ALL_URNS[stack].filter((old) => (claims.get(old)?.length ?? 0) > 1);
                assert.deepStrictEqual(doubled, []);
            });

            it("nothing new but the Application components themselves and applications added since (none deleted)", () => {
                const recorded = new Set(ALL_URNS[stack]);
                const recordedApps = recordedApplications(ALL_URNS[stack], stack);
                // An application added in config alone is new identities, not a change of the recorded ones.
                const added = runs[stack].filter((r) => !newApps[stack].has(r.urn) && !recorded.has(r.urn) && ![...r.aliasUrns].some((a) => recorded.has(a)));
                const applications = runs[stack].filter((r) => r.type === APPLICATION_TYPE && recordedApps.has(r.name)).length;
                const expected = [...Array(applications).fill(APPLICATION_TYPE), ...DELIBERATE_CHANGES.flatMap((c) => c.added(applications, stack))].sort();
                assert.deepStrictEqual(added.map((r) => (r.type === APPLICATION_TYPE ? r.type : qualifiedType(r.urn).split("$").slice(-2).join("$"))).sort(), expected);
                const removed = ALL_URNS[stack].filter(deliberatelyRemoved);
                assert.strictEqual(removed.length, DELIBERATE_CHANGES.reduce((n, c) => n + (c.removedCount?.(applications, stack) ?? 0), 0), DELIBERATE_CHANGES.filter((c) => c.removed).map((c) => c.reason).join("; "));
                assert.strictEqual(runs[stack].length, ALL_URNS[stack].length + added.length - removed.length + newApps[stack].size);
            });
        });
    }
});

describe("Application component: a third application is a config block", () => {
    let resources: RecordedResource[];
    let outputs: Record<string, any>;
    before(async () => {
        resources = installMocks({ project: "platform", stack: "production" });
        stackConfigWith("production", (doc) => {
            const services = doc.config["platform:services"];
            services["shop-api"] = JSON.parse(JSON.stringify(services["mita-api"]));
            services["shop-api"].database.databaseName = "shop_production";
        });
        const { main } = require("../../stacks") as typeof import("../../stacks");
        outputs = await main();
        await settle();
    });

    const under = (app: string) => resources.filter((r) => r.name.startsWith(`production-${app}-`));

    it("plans a third Application with its own resources, as many and of the same kinds as the block it copies", () => {
        assert.deepStrictEqual(resources.filter((r) => r.type === APPLICATION_TYPE).map((r) => r.name), ["mita-api", "lms-backend", "shop-api"]);
        const kinds = (app: string) => under(app).map((r) => `${r.type}::${r.name.slice(`production-${app}-`.length)}`).sort();
        assert.ok(under("shop-api").length > 100);
        assert.deepStrictEqual(kinds("shop-api"), kinds("mita-api"));
    });

    it("gives it its own data key, secrets, database, buckets and outputs, and backs it up", async () => {
        assert.ok(resources.some((r) => r.type === "aws:kms/key:Key" && r.name.includes("shop-api-data")), "its own data key");
        const secrets = resources.filter((r) => r.type === "aws:secretsmanager/secret:Secret" && r.name.startsWith("production-shop-api-secrets"));
        assert.ok(secrets.length > 0 && secrets.every((s) => s.inputs.name.startsWith("production/shop-api/")));
        const db = resources.find((r) => r.type === "aws:rds/instance:Instance" && r.name === "production-shop-api-db")!;
        assert.strictEqual(db.inputs.dbName, "shop_production");
        const selection = (name: string) => resources.find((r) => r.type === "aws:backup/selection:Selection" && r.name === name)!;
        // Copied to the DR Region: MITA's instance and two data buckets, LMS's Aurora cluster and bucket, and the copy's
        // instance and two buckets. No Region-local plan: nothing in the stack is a Multi-AZ DB cluster.
        assert.strictEqual(selection("production-backup").inputs.resources.length, 3 + 2 + 3);
        assert.strictEqual(resources.filter((r) => r.type === "aws:backup/selection:Selection").length, 1);
        // The services map is plain (its values hold outputs, some unknown in a preview, e.g. the CDN's domain name).
        assert.deepStrictEqual(Object.keys(outputs.services).sort(), ["lms-backend", "mita-api", "shop-api"]);
    });
});

describe("Application component: day one, the database user exists before the first task starts", () => {
    let resources: RecordedResource[];
    let outputs: Record<string, any>;
    before(async () => {
        resources = installMocks({ project: "platform", stack: "production" });
        setStackConfig("production");
        const { main } = require("../../stacks") as typeof import("../../stacks");
        outputs = await main();
        await settle();
    });

    it("the applications' own keys are generated; MITA, whose Stripe and Firebase keys are put out of band, is held at 0 tasks until appSecretsReady", () => {
        const one = (type: string, name: string) => resources.find((r) => r.type === type && r.name === name)!;
        const versions = resources.filter((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion").map((r) => r.name).sort();
        assert.deepStrictEqual(versions, [
            "production-lms-backend-secrets-encryption-key", "production-lms-backend-secrets-jwt-secret",
            "production-mita-api-secrets-device-id-salt", "production-mita-api-secrets-encryption-key", "production-mita-api-secrets-jwt-secret-key",
        ]);
        const held = { service: one("aws:ecs/service:Service", "production-mita-api-service"), target: one("aws:appautoscaling/target:Target", "production-mita-api-service") };
        assert.deepStrictEqual([held.service.inputs.desiredCount, held.target.inputs.minCapacity, held.target.inputs.maxCapacity], [0, 0, 10]);
        const live = { service: one("aws:ecs/service:Service", "production-lms-backend-service"), target: one("aws:appautoscaling/target:Target", "production-lms-backend-service") };
        assert.deepStrictEqual([live.service.inputs.desiredCount, live.target.inputs.minCapacity, live.target.inputs.maxCapacity], [3, 2, 10]);
        const silenced = (app: string) => resources.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" && r.name.startsWith(`production-${app}-`) && r.inputs.actionsEnabled === false).length;
        assert.deepStrictEqual([silenced("mita-api"), silenced("lms-backend")], [3, 0]);
        // A plain list (names are known before deployment), beside outputs that a preview leaves unknown.
        const services = outputs.services as Record<string, any>;
        assert.deepStrictEqual(services["mita-api"].pendingSecrets, ["production/mita-api/STRIPE_SECRET_KEY", "production/mita-api/STRIPE_WEBHOOK_SECRET", "production/mita-api/FIREBASE_PRIVATE_KEY"]);
        assert.deepStrictEqual(services["lms-backend"].pendingSecrets, []);
    });

    for (const app of ["mita-api", "lms-backend"]) {
        it(`${app}: the ECS service depends on the invocation that creates the user, whose input names the configured user`, () => {
            const prefix = `production-${app}`;
            const service = resources.find((r) => r.type === "aws:ecs/service:Service" && r.name === `${prefix}-service`)!;
            const invocation = resources.find((r) => r.type === "aws:lambda/invocation:Invocation" && r.name === `${prefix}-db-users-invoke`)!;
            assert.ok(service && invocation);
            assert.ok(service.options.dependencies.some((u) => u.endsWith(`aws:lambda/invocation:Invocation::${prefix}-db-users-invoke`)), service.options.dependencies.join("\n"));
            const input = JSON.parse(invocation.inputs.input);
            const task = resources.find((r) => r.type === "aws:ecs/taskDefinition:TaskDefinition" && r.name === `${prefix}-service`)!;
            const env = JSON.parse(task.inputs.containerDefinitions)[0].environment;
            assert.strictEqual(input.user, env.find((e: any) => e.name === "DATABASE_USER").value);
            assert.strictEqual(input.database, env.find((e: any) => e.name === "DATABASE_NAME").value);
            assert.deepStrictEqual(input.privileges, ["SELECT", "INSERT", "UPDATE", "DELETE"]);
            assert.strictEqual(input.binlogRetentionHours, app === "lms-backend" ? 168 : undefined);
            // The function runs in the app subnets, the database's group admits it, and it may read only this database's master secret.
            const fn = resources.find((r) => r.type === "aws:lambda/function:Function" && r.name === `${prefix}-db-users-fn`)!;
            assert.deepStrictEqual(fn.inputs.vpcConfig.subnetIds, service.inputs.networkConfiguration.subnets);
            const policy = JSON.parse(resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === `${prefix}-db-users-role`)!.inputs.policy);
            const secretArns = policy.Statement.filter((st: any) => st.Action.includes("secretsmanager:GetSecretValue")).flatMap((st: any) => st.Resource);
            assert.deepStrictEqual(secretArns, [fn.inputs.environment.variables.MASTER_SECRETSMANAGER_ARN]);
            // No internet: HTTPS only to the network's Secrets Manager interface endpoint (Network creates it by default).
            const https = resources.find((r) => r.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule" && r.name === `${prefix}-db-users-to-secretsmanager`)!;
            const endpoint = resources.find((r) => r.type === "aws:ec2/vpcEndpoint:VpcEndpoint" && r.name === "production-network-secretsmanager")!;
            assert.deepStrictEqual([https.inputs.referencedSecurityGroupId, https.inputs.cidrIpv4], [endpoint.inputs.securityGroupIds[0], undefined]);
        });
    }
});

describe("Application component: a rejected application registers nothing", () => {
    let svc: ServiceConfig;
    let env: ApplicationArgs["environment"];
    before(() => {
        setStackConfig("staging");
        const config = loadConfig();
        svc = config.services["mita-api"];
        env = config.environment;
    });
    // Validation runs before anything is registered: only the keys' purposes are read.
    const shared = { keys: { keyArns: { "mita-api-data": "arn:data", logs: "arn:logs" } } } as unknown as SharedInfrastructure;

    const cases: Array<[string, (s: ServiceConfig) => ServiceConfig, RegExp]> = [
        ["a CPU/memory pair Fargate refuses", (s) => ({ ...s, cpu: 1024, memory: 512 }), /cpu 1024 with memory 512 is not a Fargate size/],
        ["cache failover with one node", (s) => ({ ...s, cache: { ...s.cache, numNodes: 1, automaticFailover: true } }), /cache: automatic failover and Multi-AZ need at least 2 nodes/],
        ["an audit retention CloudWatch refuses", (s) => ({ ...s, logs: { ...s.logs, auditRetentionDays: 2555 as never } }), /logs.auditRetentionDays 2555 .* nearest allowed is 2557/],
        ["read replicas on a single-AZ primary", (s) => ({ ...s, database: { ...s.database, multiAz: false, readReplicas: 1 } }), /database\.readReplicas: needs a Multi-AZ primary/],
        ["a variable the platform sets", (s) => ({ ...s, environment: { ...s.environment, AUDIT_LOG_GROUP: "mine" } }), /AUDIT_LOG_GROUP are set by the platform/],
        ["a secret-looking plain variable", (s) => ({ ...s, environment: { ...s.environment, API_TOKEN: "x" } }), /API_TOKEN look like secrets/],
        ["both a certificate and a domain", (s) => ({ ...s, tls: { ...s.tls, domainName: "app.example.com" } }), /tls: set exactly one of certificateArn or domainName/],
        ["minCount above desiredCount", (s) => ({ ...s, minCount: 3, desiredCount: 2 }), /need minCount \(3\) <= desiredCount \(2\)/],
        ["an application user the engine reserves", (s) => ({ ...s, database: { ...s.database, appUsername: "postgres" } }), /database users: user name postgres is reserved/],
    ];
    for (const [label, edit, message] of cases) {
        it(label, async () => {
            const recorded = installMocks({ stack: "registers-nothing" });
            assert.throws(() => new Application("mita-api", { config: edit(svc), environment: env, shared }), (e: Error) => {
                assert.match(e.message, /^Application mita-api: /);
                assert.match(e.message, message);
                return true;
            });
            await settle();
            assert.deepStrictEqual(recorded.map((r) => r.key), []);
        });
    }

    it("an environment without the application's data key", async () => {
        const recorded = installMocks({ stack: "registers-nothing" });
        const noDataKey = { keys: { keyArns: { logs: "arn:logs" } } } as unknown as SharedInfrastructure;
        assert.throws(() => new Application("mita-api", { config: svc, environment: env, shared: noDataKey }),
            /^Error: Application mita-api: the environment's keys have no purpose mita-api-data \(have: logs\)$/);
        await settle();
        assert.deepStrictEqual(recorded.map((r) => r.key), []);
    });

    it("a valid block passes validation (the cases above fail for their own reason)", () => {
        assert.deepStrictEqual(applicationProblems("mita-api", { config: svc, environment: env }), []);
        assert.deepStrictEqual(applicationProblems("Shop API", { config: svc, environment: env }).length, 1);
    });
});

describe("Application component: stack config refuses every variable the application sets", () => {
    for (const name of PLATFORM_ENVIRONMENT_NAMES) {
        it(name, () => {
            const doc = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.staging.yaml"), "utf8"));
            doc.config["platform:services"]["mita-api"].environment[name] = "x";
            assert.throws(() => parseConfig({ environment: doc.config["platform:environment"], services: doc.config["platform:services"] }, "staging"),
                (e: Error) => e.message.includes(`platform:services.mita-api.environment.${name}: ${name} is set by the platform`));
        });
    }
});
