import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { RecordedResource } from "../support/mocks";
import { runStack } from "../support/stack";

/**
 * Keeps docs/seed-conformance.md honest: every row with a `Check` key states the plan's value as the production stack
 * plans it (run under the mocks, as the CLI would plan it), and every numeric plan value has such a key, so a number in
 * the table cannot drift from the plan.
 */
const DOC = path.resolve(__dirname, "../../docs/seed-conformance.md");

interface Row { id: string; requirement: string; guide: string; plan: string; status: string; check?: string; line: number }

export function readRows(markdown: string): Row[] {
    const rows: Row[] = [];
    markdown.split("\n").forEach((line, i) => {
        const cells = line.split("|").slice(1, -1).map((c) => c.trim());
        if (cells.length !== 7 || !/^[A-Z]+-\d+$/.test(cells[0])) {
            return;
        }
        const [id, requirement, guide, plan, status, check] = cells;
        const key = /^`([a-zA-Z0-9_.-]+)`$/.exec(check)?.[1];
        rows.push({ id, requirement, guide, plan: plan.replace(/`/g, ""), status, check: key, line: i + 1 });
    });
    return rows;
}

const APPS: Record<string, string> = { mita: "mita-api", lms: "lms-backend" };

function probes(resources: RecordedResource[]): Record<string, () => string> {
    const all = (type: string, prefix = "") => resources.filter((r) => r.type === type && r.name.startsWith(prefix));
    const one = (type: string, name: string) => {
        const found = resources.filter((r) => r.type === type && r.name === name);
        assert.strictEqual(found.length, 1, `expected one ${type} ${name}`);
        return found[0].inputs;
    };
    const list = (values: unknown[]) => values.map(String).join(", ");
    const subnets = (tier: string) => list(all("aws:ec2/subnet:Subnet").filter((s) => s.inputs.tags.tier === tier).map((s) => s.inputs.cidrBlock).sort());
    const table: Record<string, () => string> = {
        "vpc.cidr": () => one("aws:ec2/vpc:Vpc", "production-network").cidrBlock,
        "vpc.azs": () => String(new Set(all("aws:ec2/subnet:Subnet").map((s) => s.inputs.availabilityZone)).size),
        "subnets.public": () => subnets("public"),
        "subnets.private": () => subnets("app"),
        "alerts.emails": () => list(all("aws:sns/topicSubscription:TopicSubscription").filter((s) => s.inputs.protocol === "email").map((s) => s.inputs.endpoint)),
        "alerts.webhooks": () => String(all("aws:sns/topicSubscription:TopicSubscription").filter((s) => s.inputs.protocol === "https").length),
        "backup.daily": () => String(rule("daily").lifecycle.deleteAfter),
        "backup.continuous": () => String(rule("continuous").lifecycle.deleteAfter),
        "backup.longTerm": () => String(rule("monthly-long-term").lifecycle.deleteAfter),
        "backup.drRegion": () => all("pulumi:providers:aws").map((p) => p.inputs.region).filter((r) => r !== "us-east-1").join(", "),
    };
    function rule(name: string): any {
        return all("aws:backup/plan:Plan")[0].inputs.rules.find((r: any) => r.ruleName === name);
    }
    for (const [short, app] of Object.entries(APPS)) {
        const prefix = `production-${app}`;
        const task = () => one("aws:ecs/taskDefinition:TaskDefinition", `${prefix}-service`);
        const target = () => one("aws:appautoscaling/target:Target", `${prefix}-service`);
        const tracking = () => one("aws:appautoscaling/policy:Policy", `${prefix}-service-cpu`).targetTrackingScalingPolicyConfiguration;
        const db = () => {
            const found = [...all("aws:rds/instance:Instance"), ...all("aws:rds/cluster:Cluster")].filter((r) => r.name === `${prefix}-db`);
            assert.strictEqual(found.length, 1, `one database for ${app}`);
            return found[0];
        };
        const aurora = () => String(db().inputs.engine).startsWith("aurora");
        const readers = () => all("aws:rds/clusterInstance:ClusterInstance", `${prefix}-db-reader-`);
        // Aurora splits the parameters between the cluster's group and its instances' group: all of them count.
        const dbParams = () => {
            const groups = [...all("aws:rds/parameterGroup:ParameterGroup", `${prefix}-db`), ...all("aws:rds/clusterParameterGroup:ClusterParameterGroup", `${prefix}-db`)];
            return Object.fromEntries(groups.flatMap((g) => g.inputs.parameters.map((p: any) => [p.name, p.value]))) as Record<string, string>;
        };
        const cache = () => one("aws:elasticache/replicationGroup:ReplicationGroup", `${prefix}-cache`);
        const acl = () => one("aws:wafv2/webAcl:WebAcl", `${prefix}-edge`);
        const https = () => one("aws:lb/listener:Listener", `${prefix}-edge-https`);
        const logGroup = (kind: string) => one("aws:cloudwatch/logGroup:LogGroup", `${prefix}-logs-${kind}`).retentionInDays;
        const alarms = () => all("aws:cloudwatch/metricAlarm:MetricAlarm", `${prefix}-`);
        Object.assign(table, {
            [`${short}.task.cpu`]: () => task().cpu,
            [`${short}.task.memory`]: () => task().memory,
            [`${short}.task.port`]: () => String(JSON.parse(task().containerDefinitions)[0].portMappings[0].containerPort),
            [`${short}.task.writablePaths`]: () => list(JSON.parse(task().containerDefinitions)[0].mountPoints.map((m: any) => m.containerPath)),
            [`${short}.scaling.min`]: () => String(target().minCapacity),
            [`${short}.scaling.max`]: () => String(target().maxCapacity),
            [`${short}.scaling.targetCpu`]: () => String(tracking().targetValue),
            [`${short}.scaling.scaleOutCooldown`]: () => String(tracking().scaleOutCooldown),
            [`${short}.scaling.scaleInCooldown`]: () => String(tracking().scaleInCooldown),
            // Where the database's recovery points are copied: the plan of the selection that names it, by dependency.
            [`${short}.db.drCopy`]: () => {
                const dependsOn = (r: RecordedResource, on: RecordedResource) => r.options.dependencies.some((u) => u.endsWith(`${on.type}::${on.name}`));
                const selection = all("aws:backup/selection:Selection").find((s) => dependsOn(s, db()));
                const plan = selection && all("aws:backup/plan:Plan").find((p) => dependsOn(selection, p));
                assert.ok(plan, `a backup plan selects the ${app} database`);
                const copied = plan.inputs.rules.some((r: any) => r.copyActions?.length);
                return copied ? table["backup.drRegion"]() : "none (Region-local plan)";
            },
            [`${short}.db.engine`]: () => `${db().inputs.engine} ${db().inputs.engineVersion}`,
            // Aurora: the writer's and the readers' classes are their instances'.
            [`${short}.db.class`]: () => db().inputs.instanceClass ?? db().inputs.dbClusterInstanceClass ?? one("aws:rds/clusterInstance:ClusterInstance", `${prefix}-db-writer`).instanceClass,
            [`${short}.db.readerClass`]: () => list([...new Set(all("aws:rds/clusterInstance:ClusterInstance", `${prefix}-db-reader-`).map((r) => r.inputs.instanceClass))]),
            [`${short}.db.storage`]: () => (aurora() ? "Aurora cluster volume (grows with the data)" : String(db().inputs.allocatedStorage)),
            [`${short}.db.maxStorage`]: () => (aurora() ? "none (the Aurora cluster volume grows by itself)" : String(db().inputs.maxAllocatedStorage ?? "none (Multi-AZ DB clusters do not autoscale storage)")),
            [`${short}.cache.maxmemoryPolicy`]: () => all("aws:elasticache/parameterGroup:ParameterGroup", `${prefix}-cache`)[0].inputs.parameters.find((p: any) => p.name === "maxmemory-policy").value,
            [`${short}.db.retention`]: () => String(db().inputs.backupRetentionPeriod),
            [`${short}.db.multiAz`]: () => (aurora() ? `Aurora cluster: writer and ${readers().length} readers (cluster volume in 3 AZs)`
                : db().type === "aws:rds/cluster:Cluster" ? "Multi-AZ DB cluster (3 AZs)" : db().inputs.multiAz ? "Multi-AZ DB instance" : "single-AZ"),
            [`${short}.db.readableCopies`]: () => String(aurora() ? readers().length : db().type === "aws:rds/cluster:Cluster" ? 2 : all("aws:rds/instance:Instance", `${prefix}-db-replica`).length),
            [`${short}.db.encrypted`]: () => (db().inputs.storageEncrypted && /^arn:aws:kms:/.test(db().inputs.kmsKeyId) ? "KMS CMK" : "no"),
            [`${short}.db.deletionProtection`]: () => String(db().inputs.deletionProtection),
            [`${short}.db.appUser`]: () => JSON.parse(task().containerDefinitions)[0].environment.find((e: any) => e.name === "DATABASE_USER").value,
            // The user the task connects as, as the DatabaseUsers invocation creates it, and whether the service waits for it.
            [`${short}.db.appUserCreated`]: () => {
                const invocation = all("aws:lambda/invocation:Invocation").find((r) => r.name === `${prefix}-db-users-invoke`);
                if (!invocation) return "not created by up";
                const input = JSON.parse(invocation.inputs.input);
                const envUser = JSON.parse(task().containerDefinitions)[0].environment.find((e: any) => e.name === "DATABASE_USER").value;
                const service = all("aws:ecs/service:Service").find((r) => r.name === `${prefix}-service`)!;
                const first = service.options.dependencies.some((u) => u.endsWith(`aws:lambda/invocation:Invocation::${invocation.name}`));
                return `${input.user}${input.user === envUser ? "" : ` (the task uses ${envUser})`}: ${input.privileges.join(", ")} on ${input.database}, created by up ${first ? "before" : "independently of"} the service`;
            },
            [`${short}.db.binlogRetention`]: () => {
                const invocation = all("aws:lambda/invocation:Invocation").find((r) => r.name === `${prefix}-db-users-invoke`);
                const hours = invocation && JSON.parse(invocation.inputs.input).binlogRetentionHours;
                return hours === undefined ? "RDS default" : `${hours} hours, mysql.rds_set_configuration during up`;
            },
            // Where each application secret's value comes from: generated by up, secure stack config, or put out of band.
            [`${short}.secrets`]: () => {
                const secrets = all("aws:secretsmanager/secret:Secret", `${prefix}-secrets-`);
                const versions = all("aws:secretsmanager/secretVersion:SecretVersion", `${prefix}-secrets-`);
                const source = (name: string) => {
                    const version = versions.find((v) => v.name === name);
                    return !version ? "out of band" : version.inputs.secretStringWo !== undefined ? "generated" : "from secure config";
                };
                return ["generated", "from secure config", "out of band"]
                    .map((kind) => [kind, secrets.filter((s) => source(s.name) === kind).map((s) => String(s.inputs.name).split("/").pop())] as const)
                    .filter(([, names]) => names.length > 0).map(([kind, names]) => `${kind}: ${names.join(", ")}`).join("; ");
            },
            [`${short}.cache.nodeType`]: () => cache().nodeType,
            [`${short}.cache.nodes`]: () => String(cache().numCacheClusters),
            [`${short}.cache.engineVersion`]: () => cache().engineVersion,
            [`${short}.cache.tls`]: () => String(cache().transitEncryptionEnabled && cache().atRestEncryptionEnabled),
            [`${short}.waf.rateLimit`]: () => String(acl().rules.find((r: any) => r.statement.rateBasedStatement).statement.rateBasedStatement.limit),
            [`${short}.waf.geo`]: () => list(acl().rules.find((r: any) => r.statement.geoMatchStatement)?.statement.geoMatchStatement.countryCodes ?? []) || "none",
            [`${short}.waf.managed`]: () => list(acl().rules.filter((r: any) => r.statement.managedRuleGroupStatement).map((r: any) => r.statement.managedRuleGroupStatement.name)),
            [`${short}.tls.policy`]: () => https().sslPolicy,
            [`${short}.tls.hsts`]: () => https().routingHttpResponseStrictTransportSecurityHeaderValue,
            [`${short}.tls.csp`]: () => https().routingHttpResponseContentSecurityPolicyHeaderValue ?? "none",
            // Per-path WAF limits: rate-based rules scoped down to a path prefix, as "<path> <limit> per <window> s".
            [`${short}.waf.pathLimits`]: () => list(acl().rules.filter((r: any) => r.statement.rateBasedStatement?.scopeDownStatement).map((r: any) => {
                const rate = r.statement.rateBasedStatement;
                return `${rate.scopeDownStatement.byteMatchStatement.searchString} ${rate.limit} per ${rate.evaluationWindowSec ?? 300} s`;
            })) || "none",
            [`${short}.cache.auth`]: () => (cache().authToken === undefined && cache().userGroupIds?.length ? "IAM authentication (user group)" : "AUTH token"),
            [`${short}.env.REDIS_CLUSTER_MODE`]: () => JSON.parse(task().containerDefinitions)[0].environment.find((e: any) => e.name === "REDIS_CLUSTER_MODE")?.value ?? "unset",
            [`${short}.web.tls`]: () => {
                const cdn = all("aws:cloudfront/distribution:Distribution").filter((d) => d.name === `${prefix}-web`);
                return cdn.length === 1 ? `CloudFront, ${cdn[0].inputs.viewerCertificate.minimumProtocolVersion}, origin access control` : "none";
            },
            [`${short}.logs.application`]: () => String(logGroup("application")),
            [`${short}.logs.error`]: () => String(logGroup("error")),
            [`${short}.logs.audit`]: () => String(logGroup("audit")),
            [`${short}.alarm.p95`]: () => String(alarms().find((a) => a.inputs.metricName === "TargetResponseTime" && a.inputs.extendedStatistic === "p95")!.inputs.threshold),
            // By name: with a Multi-AZ DB cluster the alarm reads the busiest member through metric math, not one metric.
            [`${short}.alarm.dbConnections`]: () => String(alarms().find((a) => String(a.inputs.name).endsWith("-db-connections-high"))!.inputs.threshold),
            [`${short}.alb.openPorts`]: () => list([...new Set(all("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", `${prefix}-edge-alb-`).map((r) => r.inputs.fromPort))].sort((a, b) => b - a)),
        });
        for (const name of ["max_connections", "max_connect_errors", "connect_timeout", "wait_timeout", "work_mem", "maintenance_work_mem", "random_page_cost",
            "effective_io_concurrency", "checkpoint_completion_target", "default_statistics_target", "min_wal_size", "max_wal_size", "wal_buffers", "log_statement",
            "general_log", "innodb_flush_log_at_trx_commit", "rds.force_ssl", "require_secure_transport"]) {
            table[`${short}.db.param.${name}`] = () => dbParams()[name] ?? "RDS default";
        }
    }
    return table;
}

describe("docs/seed-conformance.md", function () {
    let rows: Row[];
    let table: Record<string, () => string>;
    before(async () => {
        rows = readRows(fs.readFileSync(DOC, "utf8"));
        const { resources } = await runStack("production");
        table = probes(resources);
    });

    it("has rows for both guides, each met or a deviation with its reason", () => {
        assert.ok(rows.filter((r) => r.id.startsWith("MITA-")).length >= 30, "MITA rows");
        assert.ok(rows.filter((r) => r.id.startsWith("LMS-")).length >= 30, "LMS rows");
        assert.strictEqual(new Set(rows.map((r) => r.id)).size, rows.length, "duplicate row ids");
        for (const row of rows) {
            assert.match(row.status, /^(met|deviates: .{15,}|partly met: .{15,})$/, `${row.id} (line ${row.line}): status must be "met" or "deviates: <why>"`);
        }
    });

    it("states every checked value as the production stack plans it", () => {
        const wrong: string[] = [];
        for (const row of rows.filter((r) => r.check)) {
            const probe = table[row.check!];
            assert.ok(probe, `${row.id}: unknown check \`${row.check}\``);
            const planned = probe();
            if (planned !== row.plan) {
                wrong.push(`${row.id} (line ${row.line}): doc says "${row.plan}", plan has "${planned}"`);
            }
        }
        assert.deepStrictEqual(wrong, []);
    });

    it("checks every numeric plan value against the plan (no restated numbers)", () => {
        const unchecked = rows.filter((r) => !r.check && /^\s*[\d.,\s]+$/.test(r.plan)).map((r) => `${r.id}: ${r.plan}`);
        assert.deepStrictEqual(unchecked, []);
    });

    it("catches drift: a wrong value in a row fails the check", () => {
        const [row] = readRows("| MITA-99 | x | y | 999 | met | `mita.db.storage` | |\n");
        assert.notStrictEqual(table[row.check!](), row.plan);
    });
});
