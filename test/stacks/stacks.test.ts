import * as assert from "assert";
import { VAULT_LOCK_BOUNDS } from "../../lib/rules/backup-limits";
import { onlyOne, RecordedResource } from "../support/mocks";
import { runStack, setStackConfig } from "../support/stack";
import { subnetCidr } from "../../components/network";
import { databaseConnectionsThreshold, ERROR_RATE_EXPRESSION } from "../../components/service-observability";
import { configuredMaxConnections, connectionsAlarmThreshold, rdsDefaultMaxConnections } from "../../lib/rules/db-connections";
import { SEVEN_YEARS_DAYS } from "../../lib/rules/retention";
import { loadConfig } from "../../components/application-config";

/**
 * Runs the real program for each stack under the SDK mocks and checks what the issues' "done when" lists: the
 * components register with the properties that matter, per application and per stack.
 */
function byType(resources: RecordedResource[], type: string, nameIncludes = ""): RecordedResource[] {
    return resources.filter((r) => r.type === type && r.name.includes(nameIncludes));
}

/** The single resource of `type` whose name is `name`, or (without a name) the only one of its type. */
const one = onlyOne;

/** Resources whose parent chain includes the component named `componentName`. */
function childrenOf(resources: RecordedResource[], componentName: string): RecordedResource[] {
    return resources.filter((r) => r.options.parent.endsWith(`::${componentName}`));
}

describe("production stack under mocks", function () {
    let resources: RecordedResource[];
    before(async () => {
        ({ resources } = await runStack("production"));
    });

    it("declares each application only once the previous one's resources have registered", () => {
        // Pending outputs are what a program's memory holds (see deployEnvironment): they must not pile up across
        // applications. `resources` is in registration order.
        const second = resources.findIndex((r) => r.type === "platform:app:Application" && r.name === "lms-backend");
        assert.ok(second > 0, "the second application was not registered");
        const first = resources.map((r, i) => ({ key: r.key, i })).filter((r) => r.key.includes("::production-mita-api-"));
        assert.ok(first.length > 100, `only ${first.length} resources of the first application`);
        assert.deepStrictEqual(first.filter((r) => r.i > second).map((r) => r.key), []);
    });

    it("spans three AZs with three subnet tiers and a NAT gateway per AZ", () => {
        const subnets = byType(resources, "aws:ec2/subnet:Subnet");
        assert.strictEqual(subnets.length, 9);
        const azs = new Set(subnets.map((s) => s.inputs.availabilityZone));
        assert.deepStrictEqual([...azs].sort(), ["us-east-1a", "us-east-1b", "us-east-1c"]);
        assert.strictEqual(byType(resources, "aws:ec2/natGateway:NatGateway").length, 3);
        const app = subnets.filter((s) => s.inputs.tags.tier === "app").map((s) => s.inputs.cidrBlock).sort();
        // The LMS guide's private subnets, by AZ order (explicit CIDRs keyed by AZ index, like the computed layout).
        assert.deepStrictEqual(app, ["10.0.10.0/24", "10.0.20.0/24", "10.0.30.0/24"]);
        const pub = subnets.filter((s) => s.inputs.tags.tier === "public").map((s) => s.inputs.cidrBlock).sort();
        assert.deepStrictEqual(pub, ["10.0.1.0/24", "10.0.2.0/24", "10.0.3.0/24"]);
        assert.ok(subnets.every((s) => s.inputs.mapPublicIpOnLaunch === false));
    });

    it("leaves the default security group without rules and sends flow logs to an encrypted group", () => {
        const defaultSg = one(resources, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        assert.deepStrictEqual([defaultSg.inputs.ingress, defaultSg.inputs.egress], [[], []]);
        const flowLog = one(resources, "aws:ec2/flowLog:FlowLog");
        assert.strictEqual(flowLog.inputs.trafficType, "ALL");
        const group = one(resources, "aws:cloudwatch/logGroup:LogGroup", "production-network-flow-logs");
        assert.strictEqual(group.inputs.retentionInDays, 365);
        assert.match(group.inputs.kmsKeyId, /^arn:aws:kms:/);
    });

    for (const [app, port, tlsPolicy, geo] of [
        ["mita-api", 8080, "ELBSecurityPolicy-TLS13-1-3-2021-06", ["CN", "RU", "KP"]],
        ["lms-backend", 3001, "ELBSecurityPolicy-TLS13-1-2-Res-2021-06", []],
    ] as const) {
        describe(app, () => {
            const prefix = `production-${app}`;

            it("serves HTTPS with a TLS 1.3 policy and only redirects HTTP", () => {
                const https = one(resources, "aws:lb/listener:Listener", `${prefix}-edge-https`);
                assert.strictEqual(https.inputs.protocol, "HTTPS");
                assert.strictEqual(https.inputs.sslPolicy, tlsPolicy);
                assert.match(https.inputs.certificateArn, /^arn:aws:acm:/);
                const http = one(resources, "aws:lb/listener:Listener", `${prefix}-edge-http`);
                assert.deepStrictEqual(http.inputs.defaultActions, [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]);
                assert.strictEqual(https.inputs.routingHttpResponseStrictTransportSecurityHeaderValue, app === "mita-api" ? "max-age=63072000; includeSubDomains; preload" : "max-age=63072000");
                assert.strictEqual(https.inputs.routingHttpResponseXContentTypeOptionsHeaderValue, "nosniff");
                assert.strictEqual(https.inputs.routingHttpResponseXFrameOptionsHeaderValue, app === "mita-api" ? "DENY" : "SAMEORIGIN");
                const alb = one(resources, "aws:lb/loadBalancer:LoadBalancer", `${prefix}-edge`);
                assert.strictEqual(alb.inputs.enableDeletionProtection, true);
                assert.strictEqual(alb.inputs.dropInvalidHeaderFields, true);
                assert.strictEqual(alb.inputs.accessLogs.enabled, true);
            });

            it("chains security groups: internet → ALB 443/80, ALB → app port, app → database and cache", () => {
                const ingress = byType(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", prefix);
                const open = ingress.filter((r) => r.inputs.cidrIpv4 === "0.0.0.0/0" || r.inputs.cidrIpv6 === "::/0");
                assert.deepStrictEqual([...new Set(open.map((r) => r.inputs.fromPort))].sort(), [443, 80].sort());
                assert.ok(open.every((r) => r.name.includes("-edge-alb-")), "only the ALB is open to the internet");
                const appIngress = one(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `${prefix}-edge-app-from-alb`);
                assert.strictEqual(appIngress.inputs.fromPort, port);
                assert.ok(appIngress.inputs.referencedSecurityGroupId, "app port admits the ALB security group, not a CIDR");
                const dbIngress = one(resources, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `${prefix}-db-from-app`);
                assert.ok(dbIngress.inputs.referencedSecurityGroupId && !dbIngress.inputs.cidrIpv4);
            });

            it("runs tasks without public IPs, with circuit breaker and autoscaling owning desiredCount", () => {
                const service = one(resources, "aws:ecs/service:Service", `${prefix}-service`);
                assert.strictEqual(service.inputs.networkConfiguration.assignPublicIp, false);
                assert.deepStrictEqual(service.inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
                assert.ok(service.options.ignoreChanges.includes("desiredCount"));
                const target = one(resources, "aws:appautoscaling/target:Target", `${prefix}-service`);
                // MITA's Stripe and Firebase keys are put out of band (appSecretsReady: false): held at a floor of 0 until then.
                assert.deepStrictEqual([target.inputs.minCapacity, target.inputs.maxCapacity], [app === "mita-api" ? 0 : 2, 10]);
                const policy = one(resources, "aws:appautoscaling/policy:Policy", `${prefix}-service-cpu`);
                const tracking = policy.inputs.targetTrackingScalingPolicyConfiguration;
                assert.deepStrictEqual([tracking.targetValue, tracking.scaleOutCooldown, tracking.scaleInCooldown], [70, 300, 900]);
                const task = one(resources, "aws:ecs/taskDefinition:TaskDefinition", `${prefix}-service`);
                // MITA guide: 4 cores / 8 GB per instance; LMS guide's ECS task definition: 2048 / 4096.
                assert.deepStrictEqual([task.inputs.cpu, task.inputs.memory], app === "mita-api" ? ["4096", "8192"] : ["2048", "4096"]);
                const container = JSON.parse(task.inputs.containerDefinitions)[0];
                const secretNames = container.secrets.map((s: { name: string }) => s.name);
                // Redis uses IAM authentication: no password secret, the user and cache name as plain settings.
                assert.ok(!secretNames.includes("REDIS_PASSWORD"));
                const vars = Object.fromEntries(container.environment.map((e: { name: string; value: string }) => [e.name, e.value]));
                assert.deepStrictEqual([vars.REDIS_AUTH, vars.REDIS_USER, vars.REDIS_CLUSTER_MODE, vars.REDIS_TLS], ["iam", `${prefix}-cache-app`, "false", "true"]);
                assert.ok(vars.REDIS_CACHE_NAME);
                assert.ok(!container.environment.some((e: { name: string }) => /PASSWORD|SECRET|TOKEN/.test(e.name)));
                assert.strictEqual(container.logConfiguration.logDriver, "awslogs");
            });

            it("has a WAF with the managed rules, 2000/IP rate limit and geo block, associated and logging", () => {
                const acl = one(resources, "aws:wafv2/webAcl:WebAcl", `${prefix}-edge`);
                const groups = acl.inputs.rules.filter((r: any) => r.statement.managedRuleGroupStatement).map((r: any) => r.statement.managedRuleGroupStatement.name);
                assert.deepStrictEqual(groups, ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"]);
                const rate = acl.inputs.rules.find((r: any) => r.statement.rateBasedStatement);
                assert.deepStrictEqual([rate.statement.rateBasedStatement.limit, rate.statement.rateBasedStatement.aggregateKeyType], [2000, "IP"]);
                const geoRule = acl.inputs.rules.find((r: any) => r.statement.geoMatchStatement);
                assert.deepStrictEqual(geoRule?.statement.geoMatchStatement.countryCodes ?? [], [...geo]);
                one(resources, "aws:wafv2/webAclAssociation:WebAclAssociation", `${prefix}-edge`);
                const wafLogs = one(resources, "aws:cloudwatch/logGroup:LogGroup", `${prefix}-edge-waf-logs`);
                assert.match(wafLogs.inputs.namePrefix, /^aws-waf-logs-/);
            });

            it("connects the application as its own IAM-authenticated user, never with the rotating master secret", () => {
                const task = one(resources, "aws:ecs/taskDefinition:TaskDefinition", `${prefix}-service`);
                const container = JSON.parse(task.inputs.containerDefinitions)[0];
                const env = Object.fromEntries(container.environment.map((e: { name: string; value: string }) => [e.name, e.value]));
                assert.strictEqual(env.DATABASE_USER, app === "mita-api" ? "mita_app" : "lms_app");
                assert.strictEqual(env.DATABASE_AUTH, "iam");
                const secretRefs = container.secrets.map((s: { valueFrom: string }) => s.valueFrom).join(" ");
                assert.ok(!/secret:rds!/.test(secretRefs), "the RDS-managed master secret reaches the task");
                assert.ok(!container.secrets.some((s: { name: string }) => s.name.startsWith("DATABASE_")));
                const taskPolicy = JSON.parse(one(resources, "aws:iam/rolePolicy:RolePolicy", `${prefix}-service-task`).inputs.policy);
                const connect = taskPolicy.Statement.find((st: any) => st.Action.includes("rds-db:connect"));
                assert.ok(connect, "task role cannot rds-db:connect");
                assert.match(connect.Resource[0], new RegExp(`^arn:aws:rds-db:us-east-1:123456789012:dbuser:(db|cluster)-[A-Z0-9]+/${env.DATABASE_USER}$`));
            });

            it("grants the task role S3 on its own data buckets only, and no statement on every resource", () => {
                const taskPolicy = JSON.parse(one(resources, "aws:iam/rolePolicy:RolePolicy", `${prefix}-service-task`).inputs.policy);
                assert.ok(taskPolicy.Statement.every((st: any) => ![st.Resource].flat().includes("*") && ![st.Action].flat().some((a: string) => a.includes("*"))), JSON.stringify(taskPolicy));
                const s3 = taskPolicy.Statement.filter((st: any) => [st.Action].flat().some((a: string) => a.startsWith("s3:")));
                const list = s3.find((st: any) => st.Action.includes("s3:ListBucket"));
                const objects = s3.find((st: any) => st.Action.includes("s3:GetObject"));
                assert.strictEqual(s3.length, 2);
                assert.ok(list.Resource.length > 0 && list.Resource.every((arn: string) => /^arn:aws:s3:::[a-z0-9.-]+$/.test(arn)), JSON.stringify(list));
                assert.deepStrictEqual(objects.Resource, list.Resource.map((arn: string) => `${arn}/*`));
            });

            it("lets the application write its audit and error log groups, and named them in its environment", () => {
                const task = one(resources, "aws:ecs/taskDefinition:TaskDefinition", `${prefix}-service`);
                const env = Object.fromEntries(JSON.parse(task.inputs.containerDefinitions)[0].environment.map((e: any) => [e.name, e.value]));
                const audit = one(resources, "aws:cloudwatch/logGroup:LogGroup", `${prefix}-logs-audit`);
                const error = one(resources, "aws:cloudwatch/logGroup:LogGroup", `${prefix}-logs-error`);
                assert.strictEqual(env.AUDIT_LOG_GROUP, audit.inputs.name);
                assert.strictEqual(env.ERROR_LOG_GROUP, error.inputs.name);
                const taskPolicy = JSON.parse(one(resources, "aws:iam/rolePolicy:RolePolicy", `${prefix}-service-task`).inputs.policy);
                const write = taskPolicy.Statement.find((st: any) => st.Action.includes("logs:PutLogEvents"));
                assert.ok(write && write.Action.includes("logs:CreateLogStream"), "task role cannot write log events");
                for (const kind of ["audit", "error"]) {
                    // The mocks name ARNs after the logical name (`<prefix>-logs-<kind>`).
                    assert.ok(write.Resource.some((r: string) => /^arn:aws:logs:us-east-1:123456789012:log-group:/.test(r) && r.includes(`logs-${kind}`) && r.endsWith(":log-stream:*")), `${kind} group not writable`);
                }
                assert.ok(!write.Resource.some((r: string) => r.includes("logs-application")), "stdout's group is written by the awslogs driver, not the app");
            });

            it("gives a read-only root filesystem writable scratch volumes where the application writes", () => {
                const task = one(resources, "aws:ecs/taskDefinition:TaskDefinition", `${prefix}-service`);
                const container = JSON.parse(task.inputs.containerDefinitions)[0];
                assert.strictEqual(container.readonlyRootFilesystem, true);
                const paths = container.mountPoints.map((m: any) => m.containerPath).sort();
                assert.deepStrictEqual(paths, app === "mita-api" ? ["/tmp", "/var/log/mita"] : ["/tmp", "/var/log/lms"]);
                const volumes = task.inputs.volumes.map((v: any) => v.name);
                assert.ok(container.mountPoints.every((m: any) => volumes.includes(m.sourceVolume) && m.readOnly === false));
            });

            it("orders creation as AWS needs: ALB after its log bucket policy, service after listener and capacity providers", () => {
                const alb = one(resources, "aws:lb/loadBalancer:LoadBalancer", `${prefix}-edge`);
                const policy = one(resources, "aws:s3/bucketPolicy:BucketPolicy", `${prefix}-storage-alb-logs`);
                assert.ok(alb.options.dependencies.some((urn) => urn.endsWith(`::${policy.name}`) && urn.includes("bucketPolicy")), "ALB does not wait for the log bucket policy");
                const service = one(resources, "aws:ecs/service:Service", `${prefix}-service`);
                assert.ok(service.options.dependencies.some((urn) => urn.includes("aws:lb/listener:Listener") && urn.endsWith(`::${prefix}-edge-https`)), "service does not wait for the HTTPS listener");
                assert.ok(service.options.dependencies.some((urn) => urn.includes("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders")), "service does not wait for the capacity providers");
            });

            it("lets AWS name the ALB and target group from a short prefix, so replacements can be created first", () => {
                for (const type of ["aws:lb/loadBalancer:LoadBalancer", "aws:lb/targetGroup:TargetGroup"]) {
                    const r = one(resources, type, `${prefix}-edge`);
                    assert.strictEqual(r.inputs.name, undefined, `${type} has a fixed name`);
                    assert.ok(r.inputs.namePrefix.length <= 6, r.inputs.namePrefix);
                }
            });

            it("protects the production log buckets (audit evidence) like the data buckets", () => {
                const buckets = byType(resources, "aws:s3/bucket:Bucket", prefix);
                // Its data buckets, the S3 access-log bucket and the ALB log bucket; LMS also its frontend's content and log buckets.
                assert.strictEqual(buckets.length, loadConfig().services[app].storage.buckets.length + 2 + (app === "lms-backend" ? 2 : 0), buckets.map((b) => b.name).join(", "));
                for (const bucket of buckets) {
                    assert.ok(bucket.options.protect && bucket.options.retainOnDelete, `${bucket.name} unprotected`);
                }
            });

            it("has an encrypted Multi-AZ database with managed password and a TLS-forcing parameter group", () => {
                const type = app === "mita-api" ? "aws:rds/instance:Instance" : "aws:rds/cluster:Cluster";
                const db = one(resources, type, `${prefix}-db`);
                if (app === "lms-backend") {
                    // Two readable copies with a managed password and a copy in the DR Region: Aurora MySQL 3, a writer
                    // and two readers on an encrypted cluster volume (docs/database-readable-copies.md).
                    assert.strictEqual(db.inputs.engine, "aurora-mysql");
                    assert.strictEqual(db.inputs.engineVersion, "8.0");
                    assert.strictEqual(db.inputs.manageMasterUserPassword, true);
                    assert.strictEqual(db.inputs.masterPassword, undefined);
                    assert.strictEqual(db.inputs.storageEncrypted, true);
                    assert.match(db.inputs.kmsKeyId, /^arn:aws:kms:/);
                    assert.strictEqual(db.inputs.iamDatabaseAuthenticationEnabled, true);
                    // Aurora refuses the Multi-AZ DB cluster's storage and class inputs.
                    for (const key of ["storageType", "iops", "allocatedStorage", "dbClusterInstanceClass"]) assert.strictEqual(db.inputs[key], undefined, key);
                    assert.strictEqual(db.inputs.backupRetentionPeriod, 30);
                    assert.strictEqual(db.inputs.deletionProtection, true);
                    assert.deepStrictEqual([...db.options.ignoreChanges].sort(), ["backupRetentionPeriod", "preferredBackupWindow"]);
                    assert.ok(db.options.protect);
                    const instances = byType(resources, "aws:rds/clusterInstance:ClusterInstance", `${prefix}-db-`);
                    assert.deepStrictEqual(instances.map((i) => [i.name, i.inputs.instanceClass, i.inputs.promotionTier]).sort(), [
                        [`${prefix}-db-reader-1`, "db.r5.large", 1], [`${prefix}-db-reader-2`, "db.r5.large", 1], [`${prefix}-db-writer`, "db.r5.xlarge", 0],
                    ]);
                    for (const instance of instances) {
                        assert.strictEqual(instance.inputs.publiclyAccessible, false);
                        assert.strictEqual(instance.inputs.performanceInsightsEnabled, true);
                        assert.match(instance.inputs.performanceInsightsKmsKeyId, /^arn:aws:kms:/);
                    }
                    assert.strictEqual(byType(resources, "aws:rds/instance:Instance", prefix).length, 0, "no read replicas of a managed-password source");
                    const group = byType(resources, "aws:rds/clusterParameterGroup:ClusterParameterGroup", `${prefix}-db`)[0];
                    assert.ok(group.inputs.parameters.some((p: any) => p.name === "require_secure_transport" && p.value === "1"));
                    assert.ok(group.inputs.parameters.some((p: any) => p.name === "binlog_format" && p.value === "ROW"), "binary logs for the guide's 7-day retention");
                    const instanceGroup = byType(resources, "aws:rds/parameterGroup:ParameterGroup", `${prefix}-db`)[0];
                    assert.ok(instanceGroup.inputs.parameters.some((p: any) => p.name === "max_connections" && p.value === "500"));
                    assert.ok(instances.every((i) => i.inputs.dbParameterGroupName), "every instance uses the instance parameter group");
                    return;
                }
                assert.strictEqual(db.inputs.engineVersion, "15");
                assert.deepStrictEqual([...db.options.ignoreChanges].sort(), ["backupRetentionPeriod", "backupWindow"], "AWS Backup's continuous rule owns retention and window");
                assert.strictEqual(db.inputs.multiAz, true);
                assert.strictEqual(db.inputs.storageEncrypted, true);
                assert.match(db.inputs.kmsKeyId, /^arn:aws:kms:/);
                assert.strictEqual(db.inputs.manageMasterUserPassword, true);
                assert.strictEqual(db.inputs.password, undefined);
                assert.strictEqual(db.inputs.publiclyAccessible, false);
                assert.strictEqual(db.inputs.backupRetentionPeriod, 30);
                assert.strictEqual(db.inputs.deletionProtection, true);
                assert.strictEqual(db.inputs.skipFinalSnapshot, false);
                assert.ok(db.options.protect, "production databases are protected");
                const params = byType(resources, "aws:rds/parameterGroup:ParameterGroup", `${prefix}-db`)[0];
                const forced = params.inputs.parameters.find((p: any) => p.name === "rds.force_ssl" || p.name === "require_secure_transport");
                assert.ok(forced && forced.value === "1");
                assert.ok(params.name.includes(params.inputs.family.replace(/\./g, "-")), "parameter group logical name carries its family");
            });

            it("has an encrypted Redis group with failover and IAM authentication (no AUTH token in state); the task role may connect as its user", () => {
                const group = one(resources, "aws:elasticache/replicationGroup:ReplicationGroup", `${prefix}-cache`);
                assert.strictEqual(group.inputs.numCacheClusters, app === "mita-api" ? 2 : 3);
                assert.strictEqual(group.inputs.automaticFailoverEnabled, true);
                assert.strictEqual(group.inputs.multiAzEnabled, true);
                assert.strictEqual(group.inputs.atRestEncryptionEnabled, true);
                assert.strictEqual(group.inputs.transitEncryptionEnabled, true);
                assert.strictEqual(group.inputs.authToken, undefined, "AUTH token in state");
                assert.strictEqual(group.inputs.userGroupIds.length, 1);
                assert.ok(group.options.protect);
                const taskPolicy = JSON.parse(one(resources, "aws:iam/rolePolicy:RolePolicy", `${prefix}-service-task`).inputs.policy);
                const connect = taskPolicy.Statement.find((st: any) => st.Action.includes("elasticache:Connect"));
                assert.ok(connect && connect.Resource.length === 2, "elasticache:Connect on the replication group and the user");
            });

            it("keeps files in encrypted, versioned, private buckets", () => {
                const sse = byType(resources, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", prefix);
                const kms = sse.filter((r) => r.inputs.rules[0].applyServerSideEncryptionByDefault.sseAlgorithm === "aws:kms");
                assert.strictEqual(kms.length, app === "mita-api" ? 2 : 1 + 1, "one SSE-KMS configuration per data bucket (LMS: and its frontend's content)");
                assert.ok(kms.every((r) => r.inputs.rules[0].bucketKeyEnabled === true));
                const versioning = byType(resources, "aws:s3/bucketVersioning:BucketVersioning", prefix);
                assert.ok(versioning.length >= kms.length && versioning.every((v) => v.inputs.versioningConfiguration.status === "Enabled"));
                const blocks = byType(resources, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", prefix);
                assert.ok(blocks.every((b) => b.inputs.blockPublicAcls && b.inputs.blockPublicPolicy && b.inputs.ignorePublicAcls && b.inputs.restrictPublicBuckets));
            });

            it("alarms on the seeds' thresholds, notifying on alarm and recovery, with a dashboard", () => {
                const alarms = childrenOf(resources, `${prefix}-observability`).filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm");
                const byName = (suffix: string) => alarms.find((a) => a.inputs.name === `${prefix}-${suffix}`)!;
                assert.strictEqual(byName("p95-latency").inputs.threshold, app === "mita-api" ? 2 : 1);
                // Application and load-balancer 5xx over all requests.
                assert.deepStrictEqual(byName("5xx-rate").inputs.metricQueries.map((q: any) => q.expression ?? q.metric.metricName),
                    [ERROR_RATE_EXPRESSION, "HTTPCode_Target_5XX_Count", "HTTPCode_ELB_5XX_Count", "RequestCount"]);
                // LMS guide: DatabaseConnections > 450 for 5 minutes; MITA's alarm follows its own max_connections.
                setStackConfig("production");
                const svc = loadConfig().services[app];
                const db = svc.database as typeof svc.database & { parameters?: Record<string, string> };
                const connections = databaseConnectionsThreshold({ ...db, instanceIdentifier: "", replicaIdentifiers: [] }, svc.alarms.databaseConnections);
                assert.strictEqual(connections, app === "lms-backend" ? 450 : connectionsAlarmThreshold(configuredMaxConnections(db.parameters) ?? rdsDefaultMaxConnections("postgres", db.instanceClass)!));
                assert.deepStrictEqual([byName("db-connections-high").inputs.threshold, byName("db-connections-high").inputs.evaluationPeriods], [connections, 5]);
                assert.strictEqual(byName("p95-latency").inputs.extendedStatistic, "p95");
                assert.strictEqual(byName("no-healthy-hosts").inputs.treatMissingData, "breaching");
                // 7 service alarms, 3 database alarms, 4 cache alarms, 1 WAF alarm; with two readable copies (a Multi-AZ
                // DB cluster) one more: the worst reader's lag, and the database alarms take the worst member.
                // An Aurora cluster (LMS) has no free-storage alarm: its volume grows by itself.
                assert.strictEqual(alarms.length, 15 + (svc.database.readReplicas > 0 ? 1 : 0) - (svc.database.engine === "aurora-mysql" ? 1 : 0));
                if (svc.database.engine === "aurora-mysql") {
                    // Aurora's per-role aggregates follow the writer through a failover; lag is the readers' (ms).
                    const dimensions = (alarm: string) => byName(alarm).inputs.metricQueries.filter((q: any) => q.metric).map((q: any) => q.metric.dimensions);
                    const cluster = one(resources, "aws:rds/cluster:Cluster", `${prefix}-db`).inputs.clusterIdentifier;
                    assert.deepStrictEqual(dimensions("db-connections-high"), [{ DBClusterIdentifier: cluster, Role: "WRITER" }, { DBClusterIdentifier: cluster, Role: "READER" }]);
                    assert.deepStrictEqual(dimensions("db-replica-lag"), [{ DBClusterIdentifier: cluster, Role: "READER" }]);
                    assert.strictEqual(byName("db-replica-lag").inputs.metricQueries.find((q: any) => q.metric).metric.metricName, "AuroraReplicaLag");
                    assert.strictEqual(byName("db-replica-lag").inputs.threshold, 60 * 1000, "the 60 s default, in ms");
                } else if (svc.database.readReplicas > 0) {
                    const members = byName("db-connections-high").inputs.metricQueries.filter((q: any) => q.metric).map((q: any) => q.metric.dimensions.DBInstanceIdentifier);
                    assert.strictEqual(members.length, 3, "writer and two readers");
                    assert.ok(byName("db-replica-lag"));
                }
                assert.ok(alarms.every((a) => a.inputs.alarmActions.length === 1 && a.inputs.okActions.length === 1 && a.inputs.treatMissingData));
                const dashboard = one(resources, "aws:cloudwatch/dashboard:Dashboard", `${prefix}-observability-dashboard`);
                const body = JSON.parse(dashboard.inputs.dashboardBody);
                // Title, six service panels, two database, two cache and one WAF panel.
                assert.deepStrictEqual(body.widgets.length, 1 + 6 + 2 + 2 + 1);
                const logs = byType(resources, "aws:cloudwatch/logGroup:LogGroup", `${prefix}-logs-`).map((g) => g.inputs.retentionInDays).sort((a, b) => a - b);
                assert.deepStrictEqual(logs, [14, 30, 2557]);
            });
        });
    }

    it("backs up databases and data buckets in a compliance-locked vault with daily, continuous and 7-year rules and restore tests", () => {
        const lock = one(resources, "aws:backup/vaultLockConfiguration:VaultLockConfiguration", "production-backup");
        assert.strictEqual(lock.inputs.changeableForDays, 3, "compliance mode");
        // Finding 5: the lock's bounds are the fixed production constants, not the retention settings (which change).
        for (const l of resources.filter((r) => r.type === "aws:backup/vaultLockConfiguration:VaultLockConfiguration")) {
            assert.deepStrictEqual([l.inputs.minRetentionDays, l.inputs.maxRetentionDays], [VAULT_LOCK_BOUNDS.production.minRetentionDays, VAULT_LOCK_BOUNDS.production.maxRetentionDays], l.name);
        }
        const plan = one(resources, "aws:backup/plan:Plan", "production-backup");
        const rules = Object.fromEntries(plan.inputs.rules.map((r: any) => [r.ruleName, r]));
        setStackConfig("production");
        const backupConfig = loadConfig().environment.backup;
        assert.strictEqual(rules.daily.lifecycle.deleteAfter, backupConfig.dailyRetentionDays);
        assert.strictEqual(rules.continuous.enableContinuousBackup, true);
        assert.strictEqual(rules["monthly-long-term"].lifecycle.deleteAfter, backupConfig.longTermRetentionDays);
        assert.ok(backupConfig.longTermRetentionDays >= SEVEN_YEARS_DAYS);
        assert.ok(rules.daily.copyActions?.length === 1, "copied to the DR region");
        const selection = one(resources, "aws:backup/selection:Selection", "production-backup");
        assert.strictEqual(selection.inputs.resources.length, 2 + 3, "the MITA instance, the LMS Aurora cluster and three data buckets, copied to the DR Region");
        // Nothing AWS Backup cannot copy (a Multi-AZ DB cluster) is in the stack, so there is no Region-local plan.
        assert.deepStrictEqual(byType(resources, "aws:backup/plan:Plan").map((p) => p.name), ["production-backup"]);
        one(resources, "aws:backup/restoreTestingPlan:RestoreTestingPlan");
        const selections = byType(resources, "aws:backup/restoreTestingSelection:RestoreTestingSelection");
        assert.deepStrictEqual(selections.map((s) => s.inputs.protectedResourceType).sort(), ["Aurora", "RDS"], "both databases are restore-tested");
        const testing = selections.find((s) => s.inputs.protectedResourceType === "RDS")!;
        const auroraTest = selections.find((s) => s.inputs.protectedResourceType === "Aurora")!;
        assert.ok(!("publiclyaccessible" in auroraTest.inputs.restoreMetadataOverrides) && "dbsubnetgroupname" in auroraTest.inputs.restoreMetadataOverrides,
            "an Aurora restore is a cluster: only its network is set");
        const db = one(resources, "aws:rds/instance:Instance", "production-mita-api-db");
        // The subnet group's autoname is unknown to the mocks; the key is there, and so is the database's own group.
        assert.ok("dbsubnetgroupname" in testing.inputs.restoreMetadataOverrides, "restores into the default VPC");
        assert.strictEqual(testing.inputs.restoreMetadataOverrides.publiclyaccessible, "false");
        assert.match(testing.inputs.restoreMetadataOverrides.dbsubnetgroupname, /^production-mita-api-db/);
        // Computed from the security group's id after it exists (unknown in a preview); its value is tested in backup.test.ts.
        assert.ok("vpcsecuritygroupids" in testing.inputs.restoreMetadataOverrides);
        assert.ok(db);
        const eventRule = one(resources, "aws:cloudwatch/eventRule:EventRule", "production-backup-failed-jobs");
        assert.deepStrictEqual(JSON.parse(eventRule.inputs.eventPattern).detail.state, ["FAILED", "ABORTED", "EXPIRED"]);
    });

    it("routes alerts through an encrypted topic that only alert sources of this account may publish to", () => {
        const topic = one(resources, "aws:sns/topic:Topic");
        assert.match(topic.inputs.kmsMasterKeyId, /^arn:aws:kms:/);
        const policy = JSON.parse(one(resources, "aws:sns/topicPolicy:TopicPolicy").inputs.policy);
        const publish = policy.Statement.find((s: any) => s.Effect === "Allow" && s.Action === "sns:Publish");
        assert.deepStrictEqual(publish.Principal.Service.sort(), ["backup.amazonaws.com", "cloudwatch.amazonaws.com", "events.amazonaws.com"]);
        assert.ok(publish.Condition.StringEquals["aws:SourceAccount"]);
        const email = one(resources, "aws:sns/topicSubscription:TopicSubscription");
        assert.deepStrictEqual([email.inputs.protocol, email.inputs.endpoint], ["email", "sre-team@company.com"]);
    });

    it("lets EventBridge deliver to the encrypted alert topic: topic policy admits it, the topic's key grants it without source conditions (finding 6)", () => {
        const topic = one(resources, "aws:sns/topic:Topic");
        const key = one(resources, "aws:kms/key:Key", "production-alerts");
        const statements = JSON.parse(key.inputs.policy).Statement as any[];
        // What SNS asks of each publisher's access to the key when it encrypts a message (sns-key-management).
        for (const service of ["events.amazonaws.com", "cloudwatch.amazonaws.com", "backup.amazonaws.com"]) {
            for (const action of ["kms:GenerateDataKey", "kms:Decrypt"]) {
                const allows = statements.filter((st) => st.Effect === "Allow" && [st.Principal?.Service].flat().includes(service)
                    && [st.Action].flat().some((a: string) => a === action || (a.endsWith("*") && action.startsWith(a.slice(0, -1)))));
                assert.ok(allows.some((st) => !st.Condition), `${service} ${action}: ${JSON.stringify(allows)}`);
            }
        }
        // The failed-backup-jobs rule targets this topic.
        const target = one(resources, "aws:cloudwatch/eventTarget:EventTarget", "production-backup-failed-jobs");
        assert.ok(target.inputs.arn && topic, "targets the alert topic");
        assert.strictEqual(target.inputs.roleArn, undefined, "EventBridge docs: no RoleArn for SNS targets (fails with KMS-encrypted topics)");
    });

    // Tags of every taggable resource, with the stack file's values: test/stacks/tags.test.ts.

    it("protects keys, buckets with data, vaults and audit logs", () => {
        for (const [type, part] of [
            ["aws:kms/key:Key", ""],
            ["aws:s3/bucket:Bucket", "-storage-receipts"],
            ["aws:backup/vault:Vault", ""],
            ["aws:cloudwatch/logGroup:LogGroup", "-logs-audit"],
        ]) {
            const found = byType(resources, type, part);
            assert.ok(found.length > 0 && found.every((r) => r.options.protect && r.options.retainOnDelete), `${type} ${part} protected`);
        }
    });
});

describe("staging stack under mocks", () => {
    let resources: RecordedResource[];
    before(async () => {
        ({ resources } = await runStack("staging"));
    });

    it("is smaller: one NAT gateway, two AZs, single-AZ databases", () => {
        assert.strictEqual(byType(resources, "aws:ec2/natGateway:NatGateway").length, 1);
        assert.strictEqual(byType(resources, "aws:ec2/subnet:Subnet").length, 6);
        assert.ok(byType(resources, "aws:rds/instance:Instance").every((db) => db.inputs.multiAz === false));
    });

    it("keeps encryption and TLS", () => {
        assert.ok(byType(resources, "aws:rds/instance:Instance").every((db) => db.inputs.storageEncrypted && db.inputs.manageMasterUserPassword));
        assert.ok(byType(resources, "aws:elasticache/replicationGroup:ReplicationGroup").every((g) => g.inputs.transitEncryptionEnabled && g.inputs.atRestEncryptionEnabled));
        assert.ok(byType(resources, "aws:lb/listener:Listener").filter((l) => l.inputs.protocol === "HTTPS").every((l) => l.inputs.sslPolicy.startsWith("ELBSecurityPolicy-TLS13-")));
    });

    it("does not protect staging data from destroy", () => {
        assert.ok(byType(resources, "aws:rds/instance:Instance").every((db) => !db.options.protect));
    });
});

describe("subnet layout", () => {
    it("does not move existing subnets when an AZ is added", () => {
        const three = [0, 1, 2].map((i) => subnetCidr("10.0.0.0/16", "data", i));
        const four = [0, 1, 2, 3].map((i) => subnetCidr("10.0.0.0/16", "data", i));
        assert.deepStrictEqual(four.slice(0, 3), three);
        assert.strictEqual(four[3], "10.0.152.0/21");
    });
});
