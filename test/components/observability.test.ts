import * as assert from "assert";
import { AlertRouting } from "../../components/alert-routing";
import { ERROR_RATE_EXPRESSION, ServiceObservability } from "../../components/service-observability";
import { installMocks, RecordedResource, settle, TEST_TAGS } from "../support/mocks";

/** Every alarm's metric, statistic, threshold, period and actions; the topic's encryption and policy; the dashboard. */
/** The ALB, ECS and topic identifiers every ServiceObservability below watches (only the database part varies). */
const SERVICE_BASE = {
    alarmTopicArn: "arn:aws:sns:us-east-1:123456789012:alerts",
    loadBalancerArnSuffix: "app/lb/1",
    targetGroupArnSuffix: "targetgroup/tg/1",
    ecsClusterName: "c",
    ecsServiceName: "s",
    minTasks: 2,
    tags: TEST_TAGS,
};

describe("observability components", () => {
    const tags = TEST_TAGS;
    const TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts";
    let recorded: RecordedResource[];
    const alarm = (name: string) => {
        const found = recorded.find((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" && r.inputs.name === `svc-${name}`);
        assert.ok(found, `no alarm svc-${name}`);
        return found.inputs;
    };

    before(async () => {
        recorded = installMocks({ stack: "obs" });
        new ServiceObservability("obs", {
            serviceName: "svc",
            alarmTopicArn: TOPIC,
            loadBalancerArnSuffix: "app/lb/123",
            targetGroupArnSuffix: "targetgroup/tg/456",
            ecsClusterName: "cluster",
            ecsServiceName: "service",
            minTasks: 2,
            database: { engine: "mysql", instanceIdentifier: "db-1", replicaIdentifiers: ["db-1-replica-1", "db-1-replica-2"], allocatedStorageGb: 500, parameters: { max_connections: "500" } },
            cache: { replicationGroupId: "cache", memberClusterIds: ["cache-001", "cache-002", "cache-003"] },
            waf: { webAclName: "acl", region: "us-east-1" },
            thresholds: { p95LatencySeconds: 1, error5xxPercent: 3 },
            tags,
        });
        new AlertRouting("alerts", { emailAddresses: ["sre-team@company.com"], httpsEndpoints: ["https://hooks.example.com/x"], kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/k", tags });
        await settle();
    });

    const expectations: Array<[string, { namespace?: string; metricName?: string; statistic?: string; extendedStatistic?: string; threshold: number; period?: number; evaluationPeriods: number; comparisonOperator: string; treatMissingData: string; dimensions?: Record<string, string> }]> = [
        ["p95-latency", { namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", extendedStatistic: "p95", threshold: 1, period: 60, evaluationPeriods: 5, comparisonOperator: "GreaterThanThreshold", treatMissingData: "notBreaching", dimensions: { LoadBalancer: "app/lb/123", TargetGroup: "targetgroup/tg/456" } }],
        ["no-healthy-hosts", { namespace: "AWS/ApplicationELB", metricName: "HealthyHostCount", statistic: "Minimum", threshold: 1, period: 60, evaluationPeriods: 1, comparisonOperator: "LessThanThreshold", treatMissingData: "breaching" }],
        ["unhealthy-hosts", { namespace: "AWS/ApplicationELB", metricName: "UnHealthyHostCount", statistic: "Maximum", threshold: 0, period: 60, evaluationPeriods: 3, comparisonOperator: "GreaterThanThreshold", treatMissingData: "notBreaching" }],
        ["running-tasks-low", { namespace: "ECS/ContainerInsights", metricName: "RunningTaskCount", statistic: "Minimum", threshold: 2, period: 60, evaluationPeriods: 3, comparisonOperator: "LessThanThreshold", treatMissingData: "breaching", dimensions: { ClusterName: "cluster", ServiceName: "service" } }],
        ["service-cpu-high", { namespace: "AWS/ECS", metricName: "CPUUtilization", statistic: "Average", threshold: 85, period: 60, evaluationPeriods: 3, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing" }],
        ["service-memory-high", { namespace: "AWS/ECS", metricName: "MemoryUtilization", statistic: "Average", threshold: 85, period: 60, evaluationPeriods: 3, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing" }],
        ["db-cpu-high", { namespace: "AWS/RDS", metricName: "CPUUtilization", statistic: "Average", threshold: 80, period: 60, evaluationPeriods: 5, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing", dimensions: { DBInstanceIdentifier: "db-1" } }],
        ["db-free-storage-low", { namespace: "AWS/RDS", metricName: "FreeStorageSpace", statistic: "Minimum", threshold: 500 * 1024 ** 3 * 0.1, period: 300, evaluationPeriods: 1, comparisonOperator: "LessThanThreshold", treatMissingData: "missing" }],
        ["db-connections-high", { namespace: "AWS/RDS", metricName: "DatabaseConnections", statistic: "Maximum", threshold: 450, period: 60, evaluationPeriods: 5, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing" }],
        ["db-replica-2-lag", { namespace: "AWS/RDS", metricName: "ReplicaLag", statistic: "Maximum", threshold: 60, period: 60, evaluationPeriods: 5, comparisonOperator: "GreaterThanThreshold", treatMissingData: "breaching", dimensions: { DBInstanceIdentifier: "db-1-replica-2" } }],
        ["waf-blocked-spike", { namespace: "AWS/WAFV2", metricName: "BlockedRequests", statistic: "Sum", threshold: 1000, period: 300, evaluationPeriods: 1, comparisonOperator: "GreaterThanThreshold", treatMissingData: "notBreaching", dimensions: { WebACL: "acl", Region: "us-east-1", Rule: "ALL" } }],
    ];
    for (const [name, expected] of expectations) {
        it(`${name}: metric, statistic, threshold, period, missing data and actions`, () => {
            const inputs = alarm(name);
            for (const [key, value] of Object.entries(expected)) {
                assert.deepStrictEqual(inputs[key], value, `${name}.${key}`);
            }
            assert.deepStrictEqual([inputs.alarmActions, inputs.okActions], [[TOPIC], [TOPIC]]);
            assert.ok(inputs.alarmDescription.includes("svc"), `${name}: the description names the service`);
        });
    }

    it("creates exactly the table's alarms: 7 service, 3 database + 1 per replica, 4 cache, 1 WAF", () => {
        const names = recorded.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm").map((r) => r.inputs.name).sort();
        assert.deepStrictEqual(names, [
            "5xx-rate", "cache-cpu-high", "cache-evictions", "cache-memory-high", "cache-replication-lag", "db-connections-high", "db-cpu-high",
            "db-free-storage-low", "db-replica-1-lag", "db-replica-2-lag", "no-healthy-hosts", "p95-latency", "running-tasks-low",
            "service-cpu-high", "service-memory-high", "unhealthy-hosts", "waf-blocked-spike",
        ].map((n) => `svc-${n}`));
        // Logical names (URNs) are `<component>-<shortName>`, as before the table.
        assert.ok(recorded.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm").every((r) => r.name === `obs-${r.inputs.name.slice("svc-".length)}`));
    });

    for (const [name, metricName, stat, period, threshold, evaluationPeriods, treatMissingData] of [
        ["cache-memory-high", "DatabaseMemoryUsagePercentage", "Maximum", 300, 80, 1, "missing"],
        ["cache-evictions", "Evictions", "Sum", 300, 1000, 1, "notBreaching"],
        ["cache-cpu-high", "EngineCPUUtilization", "Average", 60, 80, 5, "missing"],
        ["cache-replication-lag", "ReplicationLag", "Maximum", 60, 30, 3, "missing"],
    ] as const) {
        it(`${name}: worst of every member cluster, so a failover (primary moving to another member) changes nothing`, () => {
            const inputs = alarm(name);
            assert.deepStrictEqual([inputs.threshold, inputs.evaluationPeriods, inputs.comparisonOperator, inputs.treatMissingData], [threshold, evaluationPeriods, "GreaterThanThreshold", treatMissingData]);
            assert.strictEqual(inputs.dimensions, undefined, "no alarm pinned to one member");
            const [expression, ...members] = inputs.metricQueries;
            assert.deepStrictEqual([expression.id, expression.expression, expression.returnData], ["worst", "MAX([member0, member1, member2])", true]);
            assert.deepStrictEqual(members.map((q: any) => [q.id, q.metric.namespace, q.metric.metricName, q.metric.dimensions, q.metric.stat, q.metric.period]), [
                ["member0", "AWS/ElastiCache", metricName, { CacheClusterId: "cache-001" }, stat, period],
                ["member1", "AWS/ElastiCache", metricName, { CacheClusterId: "cache-002" }, stat, period],
                ["member2", "AWS/ElastiCache", metricName, { CacheClusterId: "cache-003" }, stat, period],
            ]);
        });
    }

    it("5xx rate is metric math over target and load-balancer 5xx against all requests, 2 of 2 minutes", () => {
        const inputs = alarm("5xx-rate");
        assert.deepStrictEqual([inputs.threshold, inputs.evaluationPeriods, inputs.datapointsToAlarm, inputs.comparisonOperator, inputs.treatMissingData], [3, 2, 2, "GreaterThanThreshold", "notBreaching"]);
        assert.ok(inputs.alarmDescription.startsWith("More than 3% of requests to svc failed"));
        const [expression, target, elb, requests] = inputs.metricQueries;
        assert.deepStrictEqual(expression, { id: "e1", label: "5xx %", returnData: true, expression: ERROR_RATE_EXPRESSION });
        assert.strictEqual(ERROR_RATE_EXPRESSION, "IF((req + FILL(elb5xx, 0)) > 0, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / (req + FILL(elb5xx, 0)), 0)");
        const lb = { LoadBalancer: "app/lb/123" };
        assert.deepStrictEqual(target, { id: "target5xx", metric: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", dimensions: { ...lb, TargetGroup: "targetgroup/tg/456" }, period: 60, stat: "Sum" } });
        // The load balancer's own 5xx and its request count have no TargetGroup dimension.
        assert.deepStrictEqual(elb, { id: "elb5xx", metric: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_ELB_5XX_Count", dimensions: lb, period: 60, stat: "Sum" } });
        assert.deepStrictEqual(requests, { id: "req", metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCount", dimensions: lb, period: 60, stat: "Sum" } });
        assert.strictEqual(inputs.period, undefined, "metric math alarms carry periods per query");
    });

    it("dashboard body is JSON with the seeds' panels referencing the right resources", () => {
        const dashboard = recorded.find((r) => r.type === "aws:cloudwatch/dashboard:Dashboard")!;
        const body = JSON.parse(dashboard.inputs.dashboardBody);
        const titles = body.widgets.map((w: any) => w.properties.title ?? w.properties.markdown);
        assert.deepStrictEqual(titles, ["# svc", "API response time (p50 / p95)", "Request rate", "Error rate (%)", "Healthy / unhealthy hosts", "Running tasks",
            "Service CPU / memory (%)", "Database load", "Database I/O and replica lag", "Cache load", "Cache hits, misses, evictions", "WAF allowed / blocked"]);
        const text = JSON.stringify(body);
        for (const id of ["app/lb/123", "targetgroup/tg/456", "cluster", "db-1", "db-1-replica-2", "cache-001", "cache-002", "cache-003", "acl"]) {
            assert.ok(text.includes(`"${id}"`), `dashboard does not reference ${id}`);
        }
    });

    it("dashboard draws the alarms' own thresholds (no hard-coded 5/10), and the error panel computes what the alarm does", () => {
        const body = JSON.parse(recorded.find((r) => r.type === "aws:cloudwatch/dashboard:Dashboard")!.inputs.dashboardBody);
        const panel = (title: string) => body.widgets.find((w: any) => w.properties.title === title).properties;
        assert.deepStrictEqual(panel("Error rate (%)").annotations, { horizontal: [{ label: "5xx alarm", value: 3 }] });
        assert.strictEqual(panel("Error rate (%)").metrics[0][0].expression, ERROR_RATE_EXPRESSION);
        assert.deepStrictEqual(panel("API response time (p50 / p95)").annotations, { horizontal: [{ label: "p95 alarm", value: 1 }] });
        assert.deepStrictEqual(panel("Database load").annotations, { horizontal: [{ label: "CPU alarm", value: 80 }, { label: "connections alarm", value: 450, yAxis: "right" }] });
        assert.deepStrictEqual(panel("Running tasks").annotations, { horizontal: [{ label: "minimum tasks", value: 2 }] });
        assert.deepStrictEqual(panel("Cache load").annotations, { horizontal: [{ label: "engine CPU alarm", value: 80 }, { label: "memory alarm", value: 80 }] });
        assert.strictEqual(panel("Request rate").annotations, undefined);
    });

    it("alert topic is KMS-encrypted and only CloudWatch, EventBridge and Backup of this account may publish, over TLS", () => {
        const topic = recorded.find((r) => r.type === "aws:sns/topic:Topic")!;
        assert.strictEqual(topic.inputs.kmsMasterKeyId, "arn:aws:kms:us-east-1:123456789012:key/k");
        const statements = JSON.parse(recorded.find((r) => r.type === "aws:sns/topicPolicy:TopicPolicy")!.inputs.policy).Statement;
        const publishers = statements.filter((s: any) => s.Effect === "Allow" && s.Action === "sns:Publish");
        assert.strictEqual(publishers.length, 1);
        assert.deepStrictEqual(publishers[0].Principal, { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "backup.amazonaws.com"] });
        assert.deepStrictEqual(publishers[0].Condition, { StringEquals: { "aws:SourceAccount": "123456789012" } });
        assert.ok(statements.some((s: any) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false"));
        const subscriptions = recorded.filter((r) => r.type === "aws:sns/topicSubscription:TopicSubscription").map((r) => [r.inputs.protocol, r.inputs.endpoint]);
        assert.deepStrictEqual(subscriptions, [["email", "sre-team@company.com"], ["https", "https://hooks.example.com/x"]]);
    });
});

describe("observability: the connections alarm follows each database's max_connections", () => {
    const base = SERVICE_BASE;
    const db = (extra: object) => ({ engine: "postgres" as const, instanceIdentifier: "db", replicaIdentifiers: [], allocatedStorageGb: 100, ...extra });
    let recorded: RecordedResource[];
    const threshold = (serviceName: string) =>
        recorded.find((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" && r.inputs.name === `${serviceName}-db-connections-high`)!.inputs.threshold;

    before(async () => {
        recorded = installMocks({ stack: "obs-connections" });
        // MITA guide: max_connections 200; LMS guide: 500 with its alarm at 450.
        new ServiceObservability("mita", { ...base, serviceName: "mita", database: db({ parameters: { max_connections: "200" } }) });
        new ServiceObservability("lms", { ...base, serviceName: "lms", database: db({ engine: "mysql", parameters: { max_connections: "500" } }) });
        new ServiceObservability("explicit", { ...base, serviceName: "explicit", database: db({ parameters: { max_connections: "200" } }), thresholds: { databaseConnections: 120 } });
        // No max_connections set: RDS's default for the class (PostgreSQL: LEAST(memory/9531392, 5000)).
        new ServiceObservability("default-pg", { ...base, serviceName: "default-pg", database: db({ instanceClass: "db.t4g.medium" }) });
        new ServiceObservability("default-big", { ...base, serviceName: "default-big", database: db({ instanceClass: "db.r6g.2xlarge" }) });
        new ServiceObservability("autoscaled", { ...base, serviceName: "autoscaled", database: db({ maxAllocatedStorageGb: 400, parameters: { max_connections: "200" } }) });
        await settle();
    });

    it("free storage: below 5% of the initial size for an autoscaled instance (RDS grows it below 10%), 10% without autoscaling", () => {
        const free = (serviceName: string) => recorded.find((r) => r.inputs?.name === `${serviceName}-db-free-storage-low`)!.inputs;
        assert.strictEqual(free("autoscaled").threshold, 100 * 1024 ** 3 * 0.05);
        assert.match(free("autoscaled").alarmDescription, /has not kept up, or has reached its ceiling of 400 GiB/);
        assert.strictEqual(free("mita").threshold, 100 * 1024 ** 3 * 0.1);
        assert.match(free("mita").alarmDescription, /does not autoscale storage/);
    });

    it("is 90 % of max_connections: MITA 180, LMS 450, not one application's value for all", () => {
        assert.deepStrictEqual([threshold("mita"), threshold("lms")], [180, 450]);
    });

    it("an explicit threshold wins", () => {
        assert.strictEqual(threshold("explicit"), 120);
    });

    it("without max_connections, follows RDS's default for the instance class", () => {
        assert.strictEqual(threshold("default-pg"), Math.floor(Math.floor(4 * 1024 ** 3 / 9531392) * 0.9));
        assert.strictEqual(threshold("default-big"), 4500, "PostgreSQL's default is capped at 5000");
    });

    it("names the threshold in the alarm's description", () => {
        const mita = recorded.find((r) => r.inputs?.name === "mita-db-connections-high")!;
        assert.ok(mita.inputs.alarmDescription.includes("more than 180 connections"));
    });
});

describe("observability: a database whose writer moves on failover (Multi-AZ DB cluster)", () => {
    let recorded: RecordedResource[];
    const alarm = (shortName: string) => recorded.find((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" && r.inputs.name === `lms-${shortName}`)!.inputs;

    before(async () => {
        recorded = installMocks({ stack: "obs-cluster" });
        new ServiceObservability("lms", {
            ...SERVICE_BASE,
            serviceName: "lms",
            database: {
                engine: "mysql", instanceIdentifier: "lms-cluster", replicaIdentifiers: ["lms-2", "lms-3"], allocatedStorageGb: 500,
                parameters: { max_connections: "500" }, memberInstanceIdentifiers: ["lms-1", "lms-2", "lms-3"],
            },
        });
        await settle();
    });

    for (const [shortName, metricName, stat, period, worst] of [
        ["db-cpu-high", "CPUUtilization", "Average", 60, "MAX"],
        ["db-connections-high", "DatabaseConnections", "Maximum", 60, "MAX"],
        ["db-free-storage-low", "FreeStorageSpace", "Minimum", 300, "MIN"],
    ] as const) {
        it(`${shortName}: the worst of every member instance, not one fixed writer`, () => {
            const inputs = alarm(shortName);
            assert.strictEqual(inputs.dimensions, undefined);
            assert.deepStrictEqual(inputs.metricQueries[0].expression, `${worst}([member0, member1, member2])`);
            assert.deepStrictEqual(inputs.metricQueries.slice(1).map((q: any) => [q.metric.metricName, q.metric.dimensions, q.metric.stat, q.metric.period]),
                ["lms-1", "lms-2", "lms-3"].map((id) => [metricName, { DBInstanceIdentifier: id }, stat, period]));
        });
    }

    it("keeps one lag alarm per readable copy and draws every member's load", () => {
        assert.deepStrictEqual(alarm("db-replica-2-lag").dimensions, { DBInstanceIdentifier: "lms-3" });
        const body = JSON.parse(recorded.find((r) => r.type === "aws:cloudwatch/dashboard:Dashboard")!.inputs.dashboardBody);
        const load = body.widgets.find((w: any) => w.properties.title === "Database load").properties.metrics;
        assert.deepStrictEqual(load.map((m: any[]) => [m[1], m[3]]), ["lms-1", "lms-2", "lms-3"].flatMap((id) => [["CPUUtilization", id], ["DatabaseConnections", id]]));
    });
});

describe("observability: a configuration error registers nothing", () => {
    const base = { ...SERVICE_BASE, serviceName: "bad" };
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
        ["no way to know max_connections", { database: { engine: "postgres", instanceIdentifier: "db", replicaIdentifiers: [], allocatedStorageGb: 100, instanceClass: "db.unknown9.huge" } }, /connections alarm needs thresholds\.databaseConnections.*db\.unknown9\.huge/],
        ["a 5xx percentage over 100", { thresholds: { error5xxPercent: 150 } }, /error5xxPercent must be in \(0, 100\], received 150/],
        ["a negative threshold", { thresholds: { serviceCpuPercent: -1 } }, /thresholds\.serviceCpuPercent must be a non-negative number, received -1/],
        ["no task floor", { minTasks: 0 }, /minTasks must be a positive integer, received 0/],
    ];
    for (const [label, extra, message] of cases) {
        it(`${label}: one message naming the component, and no resource registered`, async () => {
            const recorded = installMocks({ stack: "obs-errors" });
            assert.throws(() => new ServiceObservability("bad", { ...base, ...extra } as any), (e: Error) => e.message.startsWith("ServiceObservability bad: ") && message.test(e.message));
            await settle();
            assert.deepStrictEqual(recorded.map((r) => r.type), []);
        });
    }
});

describe("a service held at 0 tasks (out-of-band secrets not yet set)", () => {
    it("keeps every alarm, but its availability alarms notify no one until released; the others still page", async () => {
        const recorded = installMocks({ stack: "obs-held" });
        new ServiceObservability("held", { ...SERVICE_BASE, serviceName: "held", heldAtZeroTasks: true });
        new ServiceObservability("live", { ...SERVICE_BASE, serviceName: "live" });
        await settle();
        const alarms = (service: string) => recorded.filter((r) => r.type === "aws:cloudwatch/metricAlarm:MetricAlarm" && r.inputs.name.startsWith(`${service}-`));
        const silenced = alarms("held").filter((a) => a.inputs.actionsEnabled === false).map((a) => a.inputs.name.slice("held-".length)).sort();
        assert.deepStrictEqual(silenced, ["5xx-rate", "no-healthy-hosts", "running-tasks-low"]);
        assert.strictEqual(alarms("held").length, alarms("live").length);
        assert.ok(alarms("live").every((a) => a.inputs.actionsEnabled === true));
        assert.ok(alarms("held").every((a) => a.inputs.alarmActions.length === 1));
    });
});
