import * as assert from "assert";
import { AlertRouting } from "../../components/alert-routing";
import { ServiceObservability } from "../../components/service-observability";
import { installMocks, RecordedResource, settle } from "../support/mocks";

/** Every alarm's metric, statistic, threshold, period and actions; the topic's encryption and policy; the dashboard. */
describe("observability components", () => {
    const tags = { owner: "t", "cost-center": "c", "data-classification": "internal", environment: "test" };
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
            database: { engine: "mysql", instanceIdentifier: "db-1", replicaIdentifiers: ["db-1-replica-1", "db-1-replica-2"], allocatedStorageGb: 500 },
            cache: { replicationGroupId: "cache", memberClusterIds: ["cache-001", "cache-002", "cache-003"] },
            waf: { webAclName: "acl", region: "us-east-1" },
            thresholds: { p95LatencySeconds: 1 },
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
        ["cache-memory-high", { namespace: "AWS/ElastiCache", metricName: "DatabaseMemoryUsagePercentage", statistic: "Maximum", threshold: 80, period: 300, evaluationPeriods: 1, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing", dimensions: { CacheClusterId: "cache-001" } }],
        ["cache-evictions", { namespace: "AWS/ElastiCache", metricName: "Evictions", statistic: "Sum", threshold: 1000, period: 300, evaluationPeriods: 1, comparisonOperator: "GreaterThanThreshold", treatMissingData: "notBreaching" }],
        ["cache-cpu-high", { namespace: "AWS/ElastiCache", metricName: "EngineCPUUtilization", statistic: "Average", threshold: 80, period: 60, evaluationPeriods: 5, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing" }],
        ["cache-replication-lag", { namespace: "AWS/ElastiCache", metricName: "ReplicationLag", statistic: "Maximum", threshold: 30, period: 60, evaluationPeriods: 3, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing", dimensions: { CacheClusterId: "cache-003" } }],
        ["waf-blocked-spike", { namespace: "AWS/WAFV2", metricName: "BlockedRequests", statistic: "Sum", threshold: 1000, period: 300, evaluationPeriods: 1, comparisonOperator: "GreaterThanThreshold", treatMissingData: "notBreaching", dimensions: { WebACL: "acl", Region: "us-east-1", Rule: "ALL" } }],
    ];
    for (const [name, expected] of expectations) {
        it(`${name}: metric, statistic, threshold, period, missing data and actions`, () => {
            const inputs = alarm(name);
            for (const [key, value] of Object.entries(expected)) {
                assert.deepStrictEqual(inputs[key], value, `${name}.${key}`);
            }
            assert.deepStrictEqual([inputs.alarmActions, inputs.okActions], [[TOPIC], [TOPIC]]);
            assert.ok(inputs.alarmDescription.length > 30);
        });
    }

    it("5xx rate is metric math over 5xx count and request count, 2 of 2 minutes", () => {
        const inputs = alarm("5xx-rate");
        assert.deepStrictEqual([inputs.threshold, inputs.evaluationPeriods, inputs.comparisonOperator, inputs.treatMissingData], [5, 2, "GreaterThanThreshold", "notBreaching"]);
        const [expression, fiveXx, requests] = inputs.metricQueries;
        assert.strictEqual(expression.expression, "IF(m2 > 0, 100 * FILL(m1, 0) / m2, 0)");
        assert.strictEqual(expression.returnData, true);
        assert.deepStrictEqual([fiveXx.id, fiveXx.metric.metricName, fiveXx.metric.stat, fiveXx.metric.period], ["m1", "HTTPCode_Target_5XX_Count", "Sum", 60]);
        assert.deepStrictEqual([requests.id, requests.metric.metricName], ["m2", "RequestCount"]);
    });

    it("dashboard body is JSON with the seeds' panels referencing the right resources", () => {
        const dashboard = recorded.find((r) => r.type === "aws:cloudwatch/dashboard:Dashboard")!;
        const body = JSON.parse(dashboard.inputs.dashboardBody);
        const titles = body.widgets.map((w: any) => w.properties.title ?? w.properties.markdown);
        for (const title of ["API response time (p50 / p95)", "Request rate", "Error rate (%)", "Healthy / unhealthy hosts", "Running tasks", "Service CPU / memory (%)", "Database load", "Cache load", "WAF allowed / blocked"]) {
            assert.ok(titles.includes(title), `missing panel ${title}`);
        }
        const text = JSON.stringify(body);
        for (const id of ["app/lb/123", "targetgroup/tg/456", "cluster", "db-1", "db-1-replica-2", "cache-001", "acl"]) {
            assert.ok(text.includes(`"${id}"`), `dashboard does not reference ${id}`);
        }
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
