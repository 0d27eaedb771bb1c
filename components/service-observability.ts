import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../lib/naming";
import { configuredMaxConnections, connectionsAlarmThreshold, rdsDefaultMaxConnections } from "../lib/rules/db-connections";
import { DatabaseEngine, isAurora } from "../lib/rules/engine-versions";
import { RDS_STORAGE_AUTOSCALING_FREE_PERCENT } from "../lib/rules/rds-replicas";
import { Tags } from "../lib/tags";
import { DEFAULT_5XX_PERCENT, DEFAULT_P95_LATENCY_SECONDS } from "../lib/defaults";

/** Alarm thresholds, with the seeds' values as defaults. */
export interface ObservabilityThresholds {
    /** p95 target response time, seconds (MITA: alert over 2 s; LMS load test: p95 under 1 s). */
    p95LatencySeconds: number;
    /** 5xx responses (from the targets and from the load balancer itself) as % of requests, 2 of 2 minutes. */
    error5xxPercent: number;
    /** Service CPU %, 3 of 3 minutes. */
    serviceCpuPercent: number;
    /** Service memory %, 3 of 3 minutes. */
    serviceMemoryPercent: number;
    /** Database CPU %, 5 minutes. */
    databaseCpuPercent: number;
    /** Free storage below this % of allocated storage (an autoscaled instance: at most half its autoscaling trigger). */
    databaseFreeStoragePercent: number;
    /**
     * Database connections for 5 minutes (LMS guide: 450, with max_connections 500). Default: 90 % of the
     * database's max_connections (see lib/rules/db-connections.ts), so each database gets its own.
     */
    databaseConnections?: number;
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
    p95LatencySeconds: DEFAULT_P95_LATENCY_SECONDS,
    error5xxPercent: DEFAULT_5XX_PERCENT,
    serviceCpuPercent: 85,
    serviceMemoryPercent: 85,
    databaseCpuPercent: 80,
    databaseFreeStoragePercent: 10,
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
    /**
     * The service is held at 0 tasks on purpose (its out-of-band secrets have no value yet; see Application): its
     * availability alarms (HELD_SILENCED_ALARMS) still evaluate but notify no one until it is released.
     */
    heldAtZeroTasks?: boolean;
    /** The service's database. */
    database?: {
        engine: DatabaseEngine;
        instanceIdentifier: pulumi.Input<string>;
        /**
         * Every DB instance that can be the writer, when the writer moves on failover (a Multi-AZ DB cluster's
         * members). The CPU, connections and free-storage alarms then take the worst of them instead of
         * `instanceIdentifier`, as the Redis alarms do, and the readers' replica lag is one worst-of alarm.
         */
        memberInstanceIdentifiers?: pulumi.Input<pulumi.Input<string>[]>;
        /**
         * An Aurora cluster's identifier: Aurora publishes its metrics per role (dimensions DBClusterIdentifier and
         * Role WRITER / READER, each the aggregate of the instances in that role), so the alarms follow the writer
         * through a failover without naming instances (whose identifiers are autonamed).
         */
        auroraClusterIdentifier?: pulumi.Input<string>;
        /** Readers among the members (a Multi-AZ DB cluster's 2 standbys; Aurora's readers): none, no replica-lag alarm. */
        readerCount?: number;
        replicaIdentifiers: pulumi.Input<string>[];
        /** Allocated storage of an RDS database; none for Aurora, whose cluster volume grows (no free-storage alarm). */
        allocatedStorageGb?: number;
        /**
         * Storage-autoscaling ceiling of a DB instance, when it autoscales. RDS grows it when free space stays below
         * 10% (RDS_STORAGE_AUTOSCALING_FREE_PERCENT), so its free-storage alarm is set below half of that: it pages when
         * autoscaling does not keep up or has reached the ceiling, not at each normal growth step.
         */
        maxAllocatedStorageGb?: number;
        /** Engine parameters the database runs with; their `max_connections` sets the connections alarm. */
        parameters?: Record<string, string>;
        /** Instance class, for RDS's default max_connections when the parameters do not set it. */
        instanceClass?: string;
    };
    /**
     * The service's Redis replication group. ElastiCache publishes per member cluster (`<group>-001`…) and the
     * primary's role moves between members on failover, so alarms take the worst member, never a fixed one.
     */
    cache?: { replicationGroupId: pulumi.Input<string>; memberClusterIds: pulumi.Input<string[]> };
    /** The web ACL in front of the service. */
    waf?: { webAclName: pulumi.Input<string>; region: string };
    /** Threshold overrides (staging may loosen them). */
    thresholds?: Partial<ObservabilityThresholds>;
    /** Tags for every alarm. */
    tags: Tags;
}

type Dimensions = Record<string, pulumi.Input<string>>;
type MetricQuery = aws.types.input.cloudwatch.MetricAlarmMetricQuery;

/** One alarm as data: what it watches (a metric, or metric math over several) and when it fires. */
export interface AlarmRow {
    /** Suffix of the alarm's name and logical name; keep it stable (it is the alarm's identity). */
    shortName: string;
    description: string;
    source:
        | { namespace: string; metricName: string; dimensions: Dimensions; statistic?: string; extendedStatistic?: string }
        | { metricQueries: pulumi.Input<MetricQuery[]> };
    threshold: number;
    comparisonOperator: "GreaterThanThreshold" | "LessThanThreshold";
    period: number;
    evaluationPeriods: number;
    datapointsToAlarm?: number;
    treatMissingData: "missing" | "notBreaching" | "breaching";
}

/**
 * 5xx % of requests, the target's and the load balancer's own (502/503/504 when targets fail or are missing).
 * RequestCount only counts requests the ALB could route to a target, so the ALB's own 5xx join the denominator.
 */
export const ERROR_RATE_EXPRESSION = "IF((req + FILL(elb5xx, 0)) > 0, 100 * (FILL(target5xx, 0) + FILL(elb5xx, 0)) / (req + FILL(elb5xx, 0)), 0)";

/**
 * Metric math taking the worst member (MAX, or MIN for "free" metrics) of a group whose roles move on failover: a
 * Redis replication group's member clusters, a Multi-AZ DB cluster's instances.
 */
function worstOf(
    metric: { namespace: string; metricName: string; dimension: string; stat: string; period: number },
    memberIds: pulumi.Input<pulumi.Input<string>[]>, label: string, worst: "MAX" | "MIN" = "MAX",
): pulumi.Output<MetricQuery[]> {
    return pulumi.output(memberIds).apply((ids) => [
        { id: "worst", label, returnData: true, expression: `${worst}([${ids.map((_, i) => `member${i}`).join(", ")}])` },
        ...ids.map((id, i) => ({
            id: `member${i}`,
            metric: { namespace: metric.namespace, metricName: metric.metricName, dimensions: { [metric.dimension]: id }, period: metric.period, stat: metric.stat },
        })),
    ]);
}

/** The worst of an Aurora cluster's per-role aggregates (dimensions DBClusterIdentifier and Role). */
function worstOfRoles(
    metric: { namespace: string; metricName: string; stat: string; period: number },
    clusterId: pulumi.Input<string>, roles: string[], label: string, worst: "MAX" | "MIN",
): pulumi.Output<MetricQuery[]> {
    return pulumi.output(clusterId).apply((id) => [
        { id: "worst", label, returnData: true, expression: `${worst}([${roles.map((role) => role.toLowerCase()).join(", ")}])` },
        ...roles.map((role) => ({
            id: role.toLowerCase(),
            metric: { namespace: metric.namespace, metricName: metric.metricName, dimensions: { DBClusterIdentifier: id, Role: role }, period: metric.period, stat: metric.stat },
        })),
    ]);
}

function worstMember(memberIds: pulumi.Input<string[]>, metricName: string, stat: string, period: number, label: string): pulumi.Output<MetricQuery[]> {
    return worstOf({ namespace: "AWS/ElastiCache", metricName, dimension: "CacheClusterId", stat, period }, memberIds, label);
}

/** The connections alarm's threshold: explicit, else 90 % of the configured max_connections, else of RDS's default. */
export function databaseConnectionsThreshold(database: NonNullable<ServiceObservabilityArgs["database"]>, explicit: number | undefined): number | undefined {
    if (explicit !== undefined) return explicit;
    const max = configuredMaxConnections(database.parameters)
        ?? (database.instanceClass ? rdsDefaultMaxConnections(database.engine, database.instanceClass) : undefined);
    return max === undefined ? undefined : connectionsAlarmThreshold(max);
}

/** Every alarm of a service, as rows: the table the component creates and the dashboard annotates. */
export function alarmTable(args: ServiceObservabilityArgs, t: ObservabilityThresholds): AlarmRow[] {
    const svc = args.serviceName;
    const alb = { LoadBalancer: args.loadBalancerArnSuffix, TargetGroup: args.targetGroupArnSuffix };
    const ecs = { ClusterName: args.ecsClusterName, ServiceName: args.ecsServiceName };
    const metric = (namespace: string, metricName: string, dimensions: Dimensions, statistic: string) => ({ namespace, metricName, dimensions, statistic });
    const above = "GreaterThanThreshold" as const;
    const below = "LessThanThreshold" as const;
    const rows: AlarmRow[] = [
        {
            shortName: "5xx-rate",
            description: `More than ${t.error5xxPercent}% of requests to ${svc} failed with a 5xx (application or load balancer) for 2 minutes. Check the error log group, target health and the latest deployment.`,
            source: {
                metricQueries: [
                    { id: "e1", label: "5xx %", returnData: true, expression: ERROR_RATE_EXPRESSION },
                    { id: "target5xx", metric: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_Target_5XX_Count", dimensions: alb, period: 60, stat: "Sum" } },
                    { id: "elb5xx", metric: { namespace: "AWS/ApplicationELB", metricName: "HTTPCode_ELB_5XX_Count", dimensions: { LoadBalancer: args.loadBalancerArnSuffix }, period: 60, stat: "Sum" } },
                    { id: "req", metric: { namespace: "AWS/ApplicationELB", metricName: "RequestCount", dimensions: { LoadBalancer: args.loadBalancerArnSuffix }, period: 60, stat: "Sum" } },
                ],
            },
            threshold: t.error5xxPercent, comparisonOperator: above, period: 60, evaluationPeriods: 2, datapointsToAlarm: 2, treatMissingData: "notBreaching",
        },
        {
            shortName: "p95-latency",
            description: `p95 response time of ${svc} above ${t.p95LatencySeconds} s for 5 minutes. Check database load, cache hit rate and task CPU.`,
            source: { namespace: "AWS/ApplicationELB", metricName: "TargetResponseTime", dimensions: alb, extendedStatistic: "p95" },
            threshold: t.p95LatencySeconds, comparisonOperator: above, period: 60, evaluationPeriods: 5, datapointsToAlarm: 5, treatMissingData: "notBreaching",
        },
        {
            shortName: "no-healthy-hosts",
            description: `${svc} is down: no healthy target for 1 minute. Check task health checks and recent deployments.`,
            source: metric("AWS/ApplicationELB", "HealthyHostCount", alb, "Minimum"),
            // No data means the target group reports nothing: treat as down.
            threshold: 1, comparisonOperator: below, period: 60, evaluationPeriods: 1, treatMissingData: "breaching",
        },
        {
            shortName: "unhealthy-hosts",
            description: `${svc} has unhealthy targets for 3 minutes. Look at the failing task's logs.`,
            source: metric("AWS/ApplicationELB", "UnHealthyHostCount", alb, "Maximum"),
            threshold: 0, comparisonOperator: above, period: 60, evaluationPeriods: 3, treatMissingData: "notBreaching",
        },
        {
            shortName: "running-tasks-low",
            description: `${svc} runs fewer than ${args.minTasks} tasks for 3 minutes: tasks are crashing or cannot be placed.`,
            source: metric("ECS/ContainerInsights", "RunningTaskCount", ecs, "Minimum"),
            threshold: args.minTasks, comparisonOperator: below, period: 60, evaluationPeriods: 3, treatMissingData: "breaching",
        },
        {
            shortName: "service-cpu-high",
            description: `${svc} CPU above ${t.serviceCpuPercent}% for 3 minutes while autoscaling should hold it near target: the service may be at maxCount.`,
            source: metric("AWS/ECS", "CPUUtilization", ecs, "Average"),
            threshold: t.serviceCpuPercent, comparisonOperator: above, period: 60, evaluationPeriods: 3, treatMissingData: "missing",
        },
        {
            shortName: "service-memory-high",
            description: `${svc} memory above ${t.serviceMemoryPercent}% for 3 minutes: risk of OOM kills.`,
            source: metric("AWS/ECS", "MemoryUtilization", ecs, "Average"),
            threshold: t.serviceMemoryPercent, comparisonOperator: above, period: 60, evaluationPeriods: 3, treatMissingData: "missing",
        },
    ];

    if (args.database) {
        const database = args.database;
        const db = { DBInstanceIdentifier: database.instanceIdentifier };
        const aurora = isAurora(database.engine);
        const auroraCluster = database.auroraClusterIdentifier;
        const readers = database.readerCount ?? 0;
        const members = database.memberInstanceIdentifiers ?? (auroraCluster ? [] : undefined);
        /** The writer's metric, or the worst member's (Aurora: the worst role's) when the writer can move. */
        const rds = (metricName: string, statistic: string, period: number, label: string, worst: "MAX" | "MIN" = "MAX", roles = readers > 0 ? ["WRITER", "READER"] : ["WRITER"]): AlarmRow["source"] => auroraCluster
            ? { metricQueries: worstOfRoles({ namespace: "AWS/RDS", metricName, stat: statistic, period }, auroraCluster, roles, label, worst) }
            : members
                ? { metricQueries: worstOf({ namespace: "AWS/RDS", metricName, dimension: "DBInstanceIdentifier", stat: statistic, period }, members, label, worst) }
                : metric("AWS/RDS", metricName, db, statistic);
        const connections = databaseConnectionsThreshold(database, t.databaseConnections)!;
        const allocatedStorageGb = database.allocatedStorageGb ?? 0;
        const freeStoragePercent = database.maxAllocatedStorageGb
            ? Math.min(t.databaseFreeStoragePercent, RDS_STORAGE_AUTOSCALING_FREE_PERCENT / 2)
            : t.databaseFreeStoragePercent;
        rows.push(
            {
                shortName: "db-cpu-high",
                description: `Database of ${svc} above ${t.databaseCpuPercent}% CPU for 5 minutes. Check Performance Insights for the top queries.`,
                source: rds("CPUUtilization", "Average", 60, "CPU % (worst instance)"),
                threshold: t.databaseCpuPercent, comparisonOperator: above, period: 60, evaluationPeriods: 5, treatMissingData: "missing",
            },
            // Aurora's cluster volume has no allocated size and grows by itself: there is no free space to run out of.
            ...(database.allocatedStorageGb === undefined ? [] : [{
                shortName: "db-free-storage-low",
                description: database.maxAllocatedStorageGb
                    ? `Database of ${svc} has less than ${freeStoragePercent}% of its initial ${database.allocatedStorageGb} GiB free: storage autoscaling (which starts below ${RDS_STORAGE_AUTOSCALING_FREE_PERCENT}%) has not kept up, or has reached its ceiling of ${database.maxAllocatedStorageGb} GiB.`
                    : `Database of ${svc} has less than ${freeStoragePercent}% of ${database.allocatedStorageGb} GiB free and does not autoscale storage: grow allocatedStorageGb.`,
                source: rds("FreeStorageSpace", "Minimum", 300, "free storage (least of the instances)", "MIN"),
                threshold: allocatedStorageGb * 1024 ** 3 * (freeStoragePercent / 100),
                comparisonOperator: below, period: 300, evaluationPeriods: 1, treatMissingData: "missing",
            } satisfies AlarmRow]),
            {
                shortName: "db-connections-high",
                description: `Database of ${svc} has more than ${connections} connections for 5 minutes. Check for connection leaks or pool sizes.`,
                source: rds("DatabaseConnections", "Maximum", 60, "connections (busiest instance)"),
                threshold: connections, comparisonOperator: above, period: 60, evaluationPeriods: 5, treatMissingData: "missing",
            },
            // Multi-AZ DB cluster: only the readers report ReplicaLag; the worst member is the worst reader. Aurora's
            // readers report AuroraReplicaLag, in milliseconds.
            ...(members && (database.readerCount ?? 1) > 0 ? [{
                shortName: "db-replica-lag",
                description: `A readable ${aurora ? "reader" : "standby"} of ${svc} lags more than ${t.replicaLagSeconds} s for 5 minutes: reads are stale.`,
                source: aurora
                    ? rds("AuroraReplicaLag", "Maximum", 60, "replica lag ms (worst reader)", "MAX", ["READER"])
                    : rds("ReplicaLag", "Maximum", 60, "replica lag s (worst reader)"),
                threshold: aurora ? t.replicaLagSeconds * 1000 : t.replicaLagSeconds, comparisonOperator: above, period: 60, evaluationPeriods: 5, treatMissingData: "missing",
            } satisfies AlarmRow] : []),
            ...database.replicaIdentifiers.map((replica, i): AlarmRow => ({
                shortName: `db-replica-${i + 1}-lag`,
                description: `Read replica ${i + 1} of ${svc} lags more than ${t.replicaLagSeconds} s for 5 minutes: reads are stale.`,
                source: metric("AWS/RDS", "ReplicaLag", { DBInstanceIdentifier: replica }, "Maximum"),
                threshold: t.replicaLagSeconds, comparisonOperator: above, period: 60, evaluationPeriods: 5, treatMissingData: "breaching",
            })),
        );
    }

    if (args.cache) {
        const members = args.cache.memberClusterIds;
        rows.push(
            {
                shortName: "cache-memory-high",
                description: `Redis of ${svc} above ${t.cacheMemoryPercent}% memory on some member: evictions will follow.`,
                source: { metricQueries: worstMember(members, "DatabaseMemoryUsagePercentage", "Maximum", 300, "memory % (worst member)") },
                threshold: t.cacheMemoryPercent, comparisonOperator: above, period: 300, evaluationPeriods: 1, treatMissingData: "missing",
            },
            {
                shortName: "cache-evictions",
                description: `Redis of ${svc} evicted more than ${t.cacheEvictions} keys in 5 minutes: the cache is too small for its working set.`,
                source: { metricQueries: worstMember(members, "Evictions", "Sum", 300, "evictions (worst member)") },
                threshold: t.cacheEvictions, comparisonOperator: above, period: 300, evaluationPeriods: 1, treatMissingData: "notBreaching",
            },
            {
                shortName: "cache-cpu-high",
                description: `Redis engine CPU of ${svc} above ${t.cacheCpuPercent}% for 5 minutes on some member.`,
                source: { metricQueries: worstMember(members, "EngineCPUUtilization", "Average", 60, "engine CPU % (worst member)") },
                threshold: t.cacheCpuPercent, comparisonOperator: above, period: 60, evaluationPeriods: 5, treatMissingData: "missing",
            },
            {
                // Only replicas report ReplicationLag; the worst member is the worst replica, whichever is primary.
                shortName: "cache-replication-lag",
                description: `A Redis replica of ${svc} lags more than ${t.cacheReplicationLagSeconds} s: failover would lose writes.`,
                source: { metricQueries: worstMember(members, "ReplicationLag", "Maximum", 60, "replication lag s (worst replica)") },
                threshold: t.cacheReplicationLagSeconds, comparisonOperator: above, period: 60, evaluationPeriods: 3, treatMissingData: "missing",
            },
        );
    }

    if (args.waf) {
        rows.push({
            shortName: "waf-blocked-spike",
            description: `WAF blocked more than ${t.wafBlockedRequests} requests to ${svc} in 5 minutes: an attack, or a rule blocking real users. Check the WAF logs.`,
            source: metric("AWS/WAFV2", "BlockedRequests", { WebACL: args.waf.webAclName, Region: args.waf.region, Rule: "ALL" }, "Sum"),
            threshold: t.wafBlockedRequests, comparisonOperator: above, period: 300, evaluationPeriods: 1, treatMissingData: "notBreaching",
        });
    }
    return rows;
}

/** Why these args cannot make alarms, or undefined. Checked before anything is registered. */
export function observabilityArgsProblem(args: ServiceObservabilityArgs, t: ObservabilityThresholds): string | undefined {
    for (const [key, value] of Object.entries(t)) {
        if (value !== undefined && (typeof value !== "number" || !Number.isFinite(value) || value < 0)) {
            return `thresholds.${key} must be a non-negative number, received ${String(value)}`;
        }
    }
    if (t.error5xxPercent <= 0 || t.error5xxPercent > 100) {
        return `thresholds.error5xxPercent must be in (0, 100], received ${t.error5xxPercent}`;
    }
    if (!Number.isInteger(args.minTasks) || args.minTasks < 1) {
        return `minTasks must be a positive integer, received ${args.minTasks}`;
    }
    if (args.database && databaseConnectionsThreshold(args.database, t.databaseConnections) === undefined) {
        return "the database connections alarm needs thresholds.databaseConnections, database.parameters.max_connections " +
            `or a database.instanceClass whose default max_connections is known (received ${args.database.instanceClass ?? "none"})`;
    }
    return undefined;
}

/** The alarms a service held at 0 tasks would raise by design (no targets, no tasks, the ALB's 503s): silenced while held. */
export const HELD_SILENCED_ALARMS = ["5xx-rate", "no-healthy-hosts", "running-tasks-low"] as const;

/**
 * Alarms and a dashboard for one service, mirroring the seeds' alerts (ApplicationDown, HighErrorRate, p95 latency,
 * DatabaseConnections) and Grafana panels. The alarms are one table (`alarmTable`); every alarm notifies the alert
 * topic on alarm and on recovery and treats missing data deliberately; the dashboard draws the same thresholds.
 */
export class ServiceObservability extends pulumi.ComponentResource {
    public readonly alarmArns: Record<string, pulumi.Output<string>>;
    public readonly dashboardName: pulumi.Output<string>;

    constructor(name: string, args: ServiceObservabilityArgs, opts?: pulumi.ComponentResourceOptions) {
        const t: ObservabilityThresholds = { ...DEFAULT_THRESHOLDS, ...args.thresholds };
        // Validate before registering anything: a rejected configuration leaves nothing behind.
        const problem = observabilityArgsProblem(args, t);
        if (problem) {
            throw new Error(`ServiceObservability ${name}: ${problem}`);
        }
        super("platform:observability:ServiceObservability", name, {}, opts);

        const rows = alarmTable(args, t);
        const alarmArns: Record<string, pulumi.Output<string>> = {};
        for (const row of rows) {
            const created = new aws.cloudwatch.MetricAlarm(childName(name, row.shortName), {
                ...row.source,
                name: `${args.serviceName}-${row.shortName}`,
                alarmDescription: row.description,
                threshold: row.threshold,
                comparisonOperator: row.comparisonOperator,
                evaluationPeriods: row.evaluationPeriods,
                datapointsToAlarm: row.datapointsToAlarm,
                // Metric math alarms carry their period on each query.
                period: "metricQueries" in row.source ? undefined : row.period,
                treatMissingData: row.treatMissingData,
                actionsEnabled: !(args.heldAtZeroTasks && (HELD_SILENCED_ALARMS as readonly string[]).includes(row.shortName)),
                alarmActions: [args.alarmTopicArn],
                okActions: [args.alarmTopicArn],
                tags: args.tags,
            }, { parent: this });
            alarmArns[row.shortName] = created.arn;
        }
        const thresholds = Object.fromEntries(rows.map((r) => [r.shortName, r.threshold]));

        const dashboard = new aws.cloudwatch.Dashboard(childName(name, "dashboard"), {
            dashboardName: args.serviceName,
            dashboardBody: pulumi.all([
                pulumi.all([args.loadBalancerArnSuffix, args.targetGroupArnSuffix, args.ecsClusterName, args.ecsServiceName]),
                args.database?.instanceIdentifier ?? "",
                pulumi.all(args.database?.replicaIdentifiers ?? []),
                pulumi.output(args.database?.memberInstanceIdentifiers ?? []) as pulumi.Output<string[]>,
                args.cache?.memberClusterIds ?? [],
                args.waf?.webAclName ?? "",
            ]).apply(([[lb, tg, cluster, service], db, replicas, dbMembers, cacheIds, acl]) =>
                JSON.stringify(dashboardBody(args.serviceName, args.waf?.region, thresholds, {
                    lb, tg, cluster, service, db, replicas, dbMembers, cacheIds, acl, auroraReaders: args.database?.auroraClusterIdentifier ? args.database.readerCount ?? 0 : undefined,
                }))),
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
    /** Aurora: `db` is the cluster, whose metrics are per role; the number of readers. */
    auroraReaders?: number;
    /** Instances that can be the writer (Multi-AZ DB cluster); empty for a single instance. */
    dbMembers: string[];
    cacheIds: string[];
    acl: string;
}

/**
 * The seeds' Grafana panels as CloudWatch widgets: latency, traffic, errors, hosts, tasks, database, cache, WAF.
 * Each panel draws the thresholds of the alarms on its metrics, taken from the alarm table.
 */
export function dashboardBody(title: string, region: string | undefined, thresholds: Record<string, number>, ids: DashboardIds): object {
    const widgets: object[] = [];
    const graph = (panelTitle: string, metrics: unknown[][], alarms: Array<[shortName: string, label: string, yAxis?: "right"]> = []) => {
        const horizontal = alarms
            .filter(([shortName]) => thresholds[shortName] !== undefined)
            .map(([shortName, label, yAxis]) => ({ label, value: thresholds[shortName], ...(yAxis ? { yAxis } : {}) }));
        widgets.push({
            type: "metric",
            width: 12,
            height: 6,
            properties: { title: panelTitle, view: "timeSeries", region, period: 60, metrics, ...(horizontal.length > 0 ? { annotations: { horizontal } } : {}) },
        });
    };
    const alb = ["LoadBalancer", ids.lb, "TargetGroup", ids.tg];
    graph("API response time (p50 / p95)", [
        ["AWS/ApplicationELB", "TargetResponseTime", ...alb, { stat: "p50", label: "p50" }],
        ["AWS/ApplicationELB", "TargetResponseTime", ...alb, { stat: "p95", label: "p95" }],
    ], [["p95-latency", "p95 alarm"]]);
    graph("Request rate", [["AWS/ApplicationELB", "RequestCount", "LoadBalancer", ids.lb, { stat: "Sum", label: "requests/min" }]]);
    graph("Error rate (%)", [
        [{ expression: ERROR_RATE_EXPRESSION, label: "5xx %", id: "e5" }],
        [{ expression: "IF(req > 0, 100 * FILL(target4xx, 0) / req, 0)", label: "4xx % (application)", id: "e4" }],
        ["AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", ...alb, { stat: "Sum", id: "target5xx", visible: false }],
        ["AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "LoadBalancer", ids.lb, { stat: "Sum", id: "elb5xx", visible: false }],
        ["AWS/ApplicationELB", "HTTPCode_Target_4XX_Count", ...alb, { stat: "Sum", id: "target4xx", visible: false }],
        ["AWS/ApplicationELB", "RequestCount", "LoadBalancer", ids.lb, { stat: "Sum", id: "req", visible: false }],
    ], [["5xx-rate", "5xx alarm"]]);
    graph("Healthy / unhealthy hosts", [
        ["AWS/ApplicationELB", "HealthyHostCount", ...alb, { stat: "Minimum" }],
        ["AWS/ApplicationELB", "UnHealthyHostCount", ...alb, { stat: "Maximum" }],
    ]);
    graph("Running tasks", [["ECS/ContainerInsights", "RunningTaskCount", "ClusterName", ids.cluster, "ServiceName", ids.service, { stat: "Minimum" }]],
        [["running-tasks-low", "minimum tasks"]]);
    graph("Service CPU / memory (%)", [
        ["AWS/ECS", "CPUUtilization", "ClusterName", ids.cluster, "ServiceName", ids.service],
        ["AWS/ECS", "MemoryUtilization", "ClusterName", ids.cluster, "ServiceName", ids.service],
    ], [["service-cpu-high", "CPU alarm"], ["service-memory-high", "memory alarm"]]);
    if (ids.db && ids.auroraReaders !== undefined) {
        const roles = ids.auroraReaders > 0 ? ["WRITER", "READER"] : ["WRITER"];
        const role = (metricName: string, r: string, extra: object = {}) => ["AWS/RDS", metricName, "DBClusterIdentifier", ids.db, "Role", r, { label: `${metricName} ${r.toLowerCase()}`, ...extra }];
        graph("Database load", roles.flatMap((r) => [role("CPUUtilization", r), role("DatabaseConnections", r, { yAxis: "right" })]),
            [["db-cpu-high", "CPU alarm"], ["db-connections-high", "connections alarm", "right"]]);
        graph("Database I/O and replica lag", [
            ["AWS/RDS", "VolumeReadIOPs", "DBClusterIdentifier", ids.db],
            ["AWS/RDS", "VolumeWriteIOPs", "DBClusterIdentifier", ids.db],
            ...(ids.auroraReaders > 0 ? [role("AuroraReplicaLag", "READER", { yAxis: "right", stat: "Maximum" })] : []),
        ], ids.auroraReaders > 0 ? [["db-replica-lag", "replica lag alarm (ms)", "right"]] : []);
    } else if (ids.db) {
        const db = ["DBInstanceIdentifier", ids.db];
        // Every instance that can be the writer, so the load stays visible after a failover.
        const loaded = ids.dbMembers.length > 0 ? ids.dbMembers : [ids.db];
        graph("Database load", loaded.flatMap((id) => [
            ["AWS/RDS", "CPUUtilization", "DBInstanceIdentifier", id],
            ["AWS/RDS", "DatabaseConnections", "DBInstanceIdentifier", id, { yAxis: "right" }],
        ]), [["db-cpu-high", "CPU alarm"], ["db-connections-high", "connections alarm", "right"]]);
        // A cluster's identifier is no DBInstanceIdentifier: its I/O is its instances'.
        graph("Database I/O and replica lag", [
            ...(ids.dbMembers.length > 0 ? ids.dbMembers.flatMap((id) => [["AWS/RDS", "ReadIOPS", "DBInstanceIdentifier", id], ["AWS/RDS", "WriteIOPS", "DBInstanceIdentifier", id]])
                : [["AWS/RDS", "ReadIOPS", ...db], ["AWS/RDS", "WriteIOPS", ...db]]),
            ...ids.replicas.map((replica) => ["AWS/RDS", "ReplicaLag", "DBInstanceIdentifier", replica, { yAxis: "right" }]),
        ], ids.replicas.length > 0 ? [["db-replica-1-lag", "replica lag alarm", "right"]] : []);
    }
    if (ids.cacheIds.length > 0) {
        graph("Cache load", ids.cacheIds.flatMap((id) => [
            ["AWS/ElastiCache", "EngineCPUUtilization", "CacheClusterId", id],
            ["AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "CacheClusterId", id],
        ]), [["cache-cpu-high", "engine CPU alarm"], ["cache-memory-high", "memory alarm"]]);
        // Every member: hits and evictions happen on whichever member is primary now.
        graph("Cache hits, misses, evictions", ids.cacheIds.flatMap((id) => [
            ["AWS/ElastiCache", "CacheHits", "CacheClusterId", id, { stat: "Sum" }],
            ["AWS/ElastiCache", "CacheMisses", "CacheClusterId", id, { stat: "Sum" }],
            ["AWS/ElastiCache", "Evictions", "CacheClusterId", id, { stat: "Sum" }],
        ]));
    }
    if (ids.acl) {
        graph("WAF allowed / blocked", [
            ["AWS/WAFV2", "AllowedRequests", "WebACL", ids.acl, "Region", region ?? "", "Rule", "ALL", { stat: "Sum" }],
            ["AWS/WAFV2", "BlockedRequests", "WebACL", ids.acl, "Region", region ?? "", "Rule", "ALL", { stat: "Sum" }],
        ], [["waf-blocked-spike", "blocked alarm"]]);
    }
    return { widgets: [{ type: "text", width: 24, height: 1, properties: { markdown: `# ${title}` } }, ...widgets] };
}
