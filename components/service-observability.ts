import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../lib/naming";
import { Tags } from "../lib/tags";

/** Alarm thresholds, with the seeds' values as defaults. */
export interface ObservabilityThresholds {
    /** p95 target response time, seconds (MITA: alert over 2 s; LMS load test: p95 under 1 s). */
    p95LatencySeconds: number;
    /** Target 5xx responses as % of requests over 2 minutes (LMS dashboard: 5 warn / 10 critical). */
    error5xxPercent: number;
    /** Service CPU %, 3 of 3 minutes. */
    serviceCpuPercent: number;
    /** Service memory %, 3 of 3 minutes. */
    serviceMemoryPercent: number;
    /** Database CPU %, 5 minutes. */
    databaseCpuPercent: number;
    /** Free storage below this % of allocated storage. */
    databaseFreeStoragePercent: number;
    /** Database connections for 5 minutes (LMS: 450, with max_connections 500). */
    databaseConnections: number;
    /** Replica lag, seconds; well under the 1-hour RPO so a lagging replica is fixed long before it matters. */
    replicaLagSeconds: number;
    /** Redis memory used, %. */
    cacheMemoryPercent: number;
    /** Redis evictions per 5 minutes (allkeys-lru evicts by design; a burst means the cache is too small). */
    cacheEvictions: number;
    /** Redis engine CPU %. */
    cacheCpuPercent: number;
    /** Redis replication lag, seconds. */
    cacheReplicationLagSeconds: number;
    /** WAF blocked requests per 5 minutes: an attack or a rule blocking real users. */
    wafBlockedRequests: number;
}

export const DEFAULT_THRESHOLDS: ObservabilityThresholds = {
    p95LatencySeconds: 2,
    error5xxPercent: 5,
    serviceCpuPercent: 85,
    serviceMemoryPercent: 85,
    databaseCpuPercent: 80,
    databaseFreeStoragePercent: 10,
    databaseConnections: 450,
    replicaLagSeconds: 60,
    cacheMemoryPercent: 80,
    cacheEvictions: 1000,
    cacheCpuPercent: 80,
    cacheReplicationLagSeconds: 30,
    wafBlockedRequests: 1000,
};

export interface ServiceObservabilityArgs {
    /** Prefix of alarm names and the dashboard, e.g. `production-mita-api`. */
    serviceName: string;
    /** Topic notified on alarm and on recovery. */
    alarmTopicArn: pulumi.Input<string>;
    /** `app/<name>/<id>` of the ALB (CloudWatch dimension). */
    loadBalancerArnSuffix: pulumi.Input<string>;
    /** `targetgroup/<name>/<id>` of the target group. */
    targetGroupArnSuffix: pulumi.Input<string>;
    /** ECS cluster of the service. */
    ecsClusterName: pulumi.Input<string>;
    /** ECS service name. */
    ecsServiceName: pulumi.Input<string>;
    /** Running tasks below this raise an alarm (the autoscaling floor). */
    minTasks: number;
    /** The service's database. */
    database?: { engine: "postgres" | "mysql"; instanceIdentifier: pulumi.Input<string>; replicaIdentifiers: pulumi.Input<string>[]; allocatedStorageGb: number };
    /** The service's cache; ElastiCache metrics are per member cluster (`<group>-001`…). */
    cache?: { replicationGroupId: pulumi.Input<string>; memberClusterIds: pulumi.Input<string[]> };
    /** The web ACL in front of the service. */
    waf?: { webAclName: pulumi.Input<string>; region: string };
    /** Threshold overrides (staging may loosen them). */
    thresholds?: Partial<ObservabilityThresholds>;
    /** Tags for every alarm. */
    tags: Tags;
}

type AlarmSpec = Omit<aws.cloudwatch.MetricAlarmArgs, "alarmActions" | "okActions" | "tags" | "name" | "alarmDescription"> & {
    description: string;
};

/**
 * Alarms and a dashboard for one service, mirroring the seeds' alerts (ApplicationDown, HighErrorRate, p95 latency,
 * DatabaseConnections) and Grafana panels. Every alarm notifies the alert topic on alarm and on recovery and treats
 * missing data deliberately.
 */
export class ServiceObservability extends pulumi.ComponentResource {
    public readonly alarmArns: Record<string, pulumi.Output<string>>;
    public readonly dashboardName: pulumi.Output<string>;

    constructor(name: string, args: ServiceObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:observability:ServiceObservability", name, {}, opts);
        const t: ObservabilityThresholds = { ...DEFAULT_THRESHOLDS, ...args.thresholds };
        const alarmArns: Record<string, pulumi.Output<string>> = {};
        const alarm = (shortName: string, spec: AlarmSpec) => {
            const { description, ...rest } = spec;
            const created = new aws.cloudwatch.MetricAlarm(childName(name, shortName), {
                ...rest,
                name: `${args.serviceName}-${shortName}`,
                alarmDescription: description,
                alarmActions: [args.alarmTopicArn],
                okActions: [args.alarmTopicArn],
                tags: args.tags,
            }, { parent: this });
            alarmArns[shortName] = created.arn;
        };
        const alb = { LoadBalancer: args.loadBalancerArnSuffix, TargetGroup: args.targetGroupArnSuffix };
        const ecs = { ClusterName: args.ecsClusterName, ServiceName: args.ecsServiceName };

        alarm("5xx-rate", {
            description: `More than ${t.error5xxPercent}% of requests to ${args.serviceName} failed with a 5xx from the application for 2 minutes. Check the error log group and the latest deployment.`,
            comparisonOperator: "GreaterThanThreshold",
            threshold: t.error5xxPercent,
            evaluationPeriods: 2,
            datapointsToAlarm: 2,
            treatMissingData: "notBreaching",
            metricQueries: [
                { id: "e1", label: "5xx %", returnData: true, expression: "IF(m2 > 0, 100 * FILL(m1, 0) / m2, 0)" },
                { id: "m1", metric: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", dimensions: alb, period: 60, stat: "Sum" } },
                { id: "m2", metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCount", dimensions: alb, period: 60, stat: "Sum" } },
            ],
        });
        alarm("p95-latency", {
            description: `p95 response time of ${args.serviceName} above ${t.p95LatencySeconds} s for 5 minutes. Check database load, cache hit rate and task CPU.`,
            namespace: "AWS/ApplicationELB",
            metricName: "TargetResponseTime",
            dimensions: alb,
            extendedStatistic: "p95",
            period: 60,
            evaluationPeriods: 5,
            datapointsToAlarm: 5,
            threshold: t.p95LatencySeconds,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
        });
        alarm("no-healthy-hosts", {
            description: `${args.serviceName} is down: no healthy target for 1 minute. Check task health checks and recent deployments.`,
            namespace: "AWS/ApplicationELB",
            metricName: "HealthyHostCount",
            dimensions: alb,
            statistic: "Minimum",
            period: 60,
            evaluationPeriods: 1,
            threshold: 1,
            comparisonOperator: "LessThanThreshold",
            // No data means the target group reports nothing: treat as down.
            treatMissingData: "breaching",
        });
        alarm("unhealthy-hosts", {
            description: `${args.serviceName} has unhealthy targets for 3 minutes. Look at the failing task's logs.`,
            namespace: "AWS/ApplicationELB",
            metricName: "UnHealthyHostCount",
            dimensions: alb,
            statistic: "Maximum",
            period: 60,
            evaluationPeriods: 3,
            threshold: 0,
            comparisonOperator: "GreaterThanThreshold",
            treatMissingData: "notBreaching",
        });
        alarm("running-tasks-low", {
            description: `${args.serviceName} runs fewer than ${args.minTasks} tasks for 3 minutes: tasks are crashing or cannot be placed.`,
            namespace: "ECS/ContainerInsights",
            metricName: "RunningTaskCount",
            dimensions: ecs,
            statistic: "Minimum",
            period: 60,
            evaluationPeriods: 3,
            threshold: args.minTasks,
            comparisonOperator: "LessThanThreshold",
            treatMissingData: "breaching",
        });
        alarm("service-cpu-high", {
            description: `${args.serviceName} CPU above ${t.serviceCpuPercent}% for 3 minutes while autoscaling should hold it near target: the service may be at maxCount.`,
            namespace: "AWS/ECS", metricName: "CPUUtilization", dimensions: ecs, statistic: "Average",
            period: 60, evaluationPeriods: 3, threshold: t.serviceCpuPercent, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing",
        });
        alarm("service-memory-high", {
            description: `${args.serviceName} memory above ${t.serviceMemoryPercent}% for 3 minutes: risk of OOM kills.`,
            namespace: "AWS/ECS", metricName: "MemoryUtilization", dimensions: ecs, statistic: "Average",
            period: 60, evaluationPeriods: 3, threshold: t.serviceMemoryPercent, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing",
        });

        if (args.database) {
            const db = { DBInstanceIdentifier: args.database.instanceIdentifier };
            alarm("db-cpu-high", {
                description: `Database of ${args.serviceName} above ${t.databaseCpuPercent}% CPU for 5 minutes. Check Performance Insights for the top queries.`,
                namespace: "AWS/RDS", metricName: "CPUUtilization", dimensions: db, statistic: "Average",
                period: 60, evaluationPeriods: 5, threshold: t.databaseCpuPercent, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing",
            });
            alarm("db-free-storage-low", {
                description: `Database of ${args.serviceName} has less than ${t.databaseFreeStoragePercent}% of ${args.database.allocatedStorageGb} GiB free; storage autoscaling may be at its ceiling.`,
                namespace: "AWS/RDS", metricName: "FreeStorageSpace", dimensions: db, statistic: "Minimum",
                period: 300, evaluationPeriods: 1, threshold: args.database.allocatedStorageGb * 1024 ** 3 * (t.databaseFreeStoragePercent / 100),
                comparisonOperator: "LessThanThreshold", treatMissingData: "missing",
            });
            alarm("db-connections-high", {
                description: `Database of ${args.serviceName} has more than ${t.databaseConnections} connections for 5 minutes. Check for connection leaks or pool sizes.`,
                namespace: "AWS/RDS", metricName: "DatabaseConnections", dimensions: db, statistic: "Maximum",
                period: 60, evaluationPeriods: 5, threshold: t.databaseConnections, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing",
            });
            args.database.replicaIdentifiers.forEach((replica, i) => alarm(`db-replica-${i + 1}-lag`, {
                description: `Read replica ${i + 1} of ${args.serviceName} lags more than ${t.replicaLagSeconds} s for 5 minutes: reads are stale.`,
                namespace: "AWS/RDS", metricName: "ReplicaLag", dimensions: { DBInstanceIdentifier: replica }, statistic: "Maximum",
                period: 60, evaluationPeriods: 5, threshold: t.replicaLagSeconds, comparisonOperator: "GreaterThanThreshold", treatMissingData: "breaching",
            }));
        }

        if (args.cache) {
            const primary = { CacheClusterId: pulumi.output(args.cache.memberClusterIds).apply((ids) => ids[0]) };
            alarm("cache-memory-high", {
                description: `Redis of ${args.serviceName} above ${t.cacheMemoryPercent}% memory: evictions will follow.`,
                namespace: "AWS/ElastiCache", metricName: "DatabaseMemoryUsagePercentage", dimensions: primary, statistic: "Maximum",
                period: 300, evaluationPeriods: 1, threshold: t.cacheMemoryPercent, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing",
            });
            alarm("cache-evictions", {
                description: `Redis of ${args.serviceName} evicted more than ${t.cacheEvictions} keys in 5 minutes: the cache is too small for its working set.`,
                namespace: "AWS/ElastiCache", metricName: "Evictions", dimensions: primary, statistic: "Sum",
                period: 300, evaluationPeriods: 1, threshold: t.cacheEvictions, comparisonOperator: "GreaterThanThreshold", treatMissingData: "notBreaching",
            });
            alarm("cache-cpu-high", {
                description: `Redis engine CPU of ${args.serviceName} above ${t.cacheCpuPercent}% for 5 minutes.`,
                namespace: "AWS/ElastiCache", metricName: "EngineCPUUtilization", dimensions: primary, statistic: "Average",
                period: 60, evaluationPeriods: 5, threshold: t.cacheCpuPercent, comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing",
            });
            alarm("cache-replication-lag", {
                description: `A Redis replica of ${args.serviceName} lags more than ${t.cacheReplicationLagSeconds} s: failover would lose writes.`,
                namespace: "AWS/ElastiCache", metricName: "ReplicationLag",
                dimensions: { CacheClusterId: pulumi.output(args.cache.memberClusterIds).apply((ids) => ids[ids.length - 1]) },
                statistic: "Maximum", period: 60, evaluationPeriods: 3, threshold: t.cacheReplicationLagSeconds,
                comparisonOperator: "GreaterThanThreshold", treatMissingData: "missing",
            });
        }

        if (args.waf) {
            alarm("waf-blocked-spike", {
                description: `WAF blocked more than ${t.wafBlockedRequests} requests to ${args.serviceName} in 5 minutes: an attack, or a rule blocking real users. Check the WAF logs.`,
                namespace: "AWS/WAFV2", metricName: "BlockedRequests",
                dimensions: { WebACL: args.waf.webAclName, Region: args.waf.region, Rule: "ALL" },
                statistic: "Sum", period: 300, evaluationPeriods: 1, threshold: t.wafBlockedRequests,
                comparisonOperator: "GreaterThanThreshold", treatMissingData: "notBreaching",
            });
        }

        const dashboard = new aws.cloudwatch.Dashboard(childName(name, "dashboard"), {
            dashboardName: args.serviceName,
            dashboardBody: pulumi.all([
                args.loadBalancerArnSuffix,
                args.targetGroupArnSuffix,
                args.ecsClusterName,
                args.ecsServiceName,
                args.database?.instanceIdentifier ?? "",
                pulumi.all(args.database?.replicaIdentifiers ?? []),
                args.cache?.memberClusterIds ?? [],
                args.waf?.webAclName ?? "",
            ]).apply(([lb, tg, cluster, service, db, replicas, cacheIds, acl]) =>
                JSON.stringify(dashboardBody(args.serviceName, args.waf?.region, t, { lb, tg, cluster, service, db, replicas, cacheIds, acl }))),
        }, { parent: this });

        this.alarmArns = alarmArns;
        this.dashboardName = dashboard.dashboardName;
        this.registerOutputs({ alarmArns: this.alarmArns, dashboardName: this.dashboardName });
    }
}

interface DashboardIds {
    lb: string;
    tg: string;
    cluster: string;
    service: string;
    db: string;
    replicas: string[];
    cacheIds: string[];
    acl: string;
}

/** The seeds' Grafana panels as CloudWatch widgets: latency, traffic, errors, hosts, tasks, database, cache, WAF. */
function dashboardBody(title: string, region: string | undefined, t: ObservabilityThresholds, ids: DashboardIds): object {
    const widgets: object[] = [];
    const graph = (panelTitle: string, metrics: unknown[][], extra: Record<string, unknown> = {}) => {
        widgets.push({
            type: "metric",
            width: 12,
            height: 6,
            properties: { title: panelTitle, view: "timeSeries", region, period: 60, metrics, ...extra },
        });
    };
    const alb = ["LoadBalancer", ids.lb, "TargetGroup", ids.tg];
    graph("API response time (p50 / p95)", [
        ["AWS/ApplicationELB", "TargetResponseTime", ...alb, { stat: "p50", label: "p50" }],
        ["AWS/ApplicationELB", "TargetResponseTime", ...alb, { stat: "p95", label: "p95" }],
    ], { annotations: { horizontal: [{ label: "p95 alarm", value: t.p95LatencySeconds }] } });
    graph("Request rate", [["AWS/ApplicationELB", "RequestCount", "LoadBalancer", ids.lb, { stat: "Sum", label: "requests/min" }]]);
    graph("Error rate (%)", [
        [{ expression: "100 * FILL(m5xx, 0) / mreq", label: "5xx %", id: "e5" }],
        [{ expression: "100 * FILL(m4xx, 0) / mreq", label: "4xx %", id: "e4" }],
        ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", ...alb, { stat: "Sum", id: "m5xx", visible: false }],
        ["AWS/ApplicationELB", "HTTPCode_Target_4XX_Count", ...alb, { stat: "Sum", id: "m4xx", visible: false }],
        ["AWS/ApplicationELB", "RequestCount", ...alb, { stat: "Sum", id: "mreq", visible: false }],
    ], { annotations: { horizontal: [{ label: "warning", value: 5 }, { label: "critical", value: 10 }] } });
    graph("Healthy / unhealthy hosts", [
        ["AWS/ApplicationELB", "HealthyHostCount", ...alb, { stat: "Minimum" }],
        ["AWS/ApplicationELB", "UnHealthyHostCount", ...alb, { stat: "Maximum" }],
    ]);
    graph("Running tasks", [["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", ids.cluster, "ServiceName", ids.service, { stat: "Minimum" }]]);
    graph("Service CPU / memory (%)", [
        ["AWS/ECS", "CPUUtilization", "ClusterName", ids.cluster, "ServiceName", ids.service],
        ["AWS/ECS", "MemoryUtilization", "ClusterName", ids.cluster, "ServiceName", ids.service],
    ]);
    if (ids.db) {
        const db = ["DBInstanceIdentifier", ids.db];
        graph("Database load", [
            ["AWS/RDS", "CPUUtilization", ...db],
            ["AWS/RDS", "DatabaseConnections", ...db, { yAxis: "right" }],
        ]);
        graph("Database I/O and replica lag", [
            ["AWS/RDS", "ReadIOPS", ...db],
            ["AWS/RDS", "WriteIOPS", ...db],
            ...ids.replicas.map((replica) => ["AWS/RDS", "ReplicaLag", "DBInstanceIdentifier", replica, { yAxis: "right" }]),
        ]);
    }
    if (ids.cacheIds.length > 0) {
        graph("Cache load", ids.cacheIds.flatMap((id) => [
            ["AWS/ElastiCache", "EngineCPUUtilization", "CacheClusterId", id],
            ["AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "CacheClusterId", id],
        ]));
        graph("Cache hits, misses, evictions", ids.cacheIds.slice(0, 1).flatMap((id) => [
            ["AWS/ElastiCache", "CacheHits", "CacheClusterId", id, { stat: "Sum" }],
            ["AWS/ElastiCache", "CacheMisses", "CacheClusterId", id, { stat: "Sum" }],
            ["AWS/ElastiCache", "Evictions", "CacheClusterId", id, { stat: "Sum" }],
        ]));
    }
    if (ids.acl) {
        graph("WAF allowed / blocked", [
            ["AWS/WAFV2", "AllowedRequests", "WebACL", ids.acl, "Region", region ?? "", "Rule", "ALL", { stat: "Sum" }],
            ["AWS/WAFV2", "BlockedRequests", "WebACL", ids.acl, "Region", region ?? "", "Rule", "ALL", { stat: "Sum" }],
        ]);
    }
    return { widgets: [{ type: "text", width: 24, height: 1, properties: { markdown: `# ${title}` } }, ...widgets] };
}
