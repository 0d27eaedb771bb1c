/**
 * Table cases for the deploy-validity rules, in the shape of the pack's per-rule case table (compliant, ≥ 2 violating,
 * unknown during preview, look-alikes), so they can join it (`...DEPLOY_CASES`) when the rules join the pack's rule
 * list. Stack resources may carry a provider `region` (the analyzer's resource.provider.props.region); a harness
 * without provider support leaves them region-less, which only the cross-region cases need.
 */

const UNKNOWN: unknown = (require("@pulumi/policy/proxy") as { unknownStringValue: unknown }).unknownStringValue;

export interface DeployResourceCase {
    type: string;
    props: Record<string, unknown>;
    name?: string;
    protect?: boolean;
    config?: Record<string, unknown>;
}

export interface DeployStackResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    /** property → names of resources it depends on. */
    deps?: Record<string, string[]>;
    protect?: boolean;
    /** The resource's provider properties (e.g. `{ region: "us-west-2" }`). */
    provider?: Record<string, unknown>;
}

export interface DeployCase {
    title: string;
    resource?: DeployResourceCase;
    stack?: DeployStackResource[];
    config?: Record<string, unknown>;
    flagged?: string[];
}

export interface DeployRuleCases {
    compliant: DeployCase[];
    violating: DeployCase[];
    unknown: Array<DeployCase & { expect: "not-judged" | "compliant" | "violating" }>;
    ignored?: DeployCase[];
}

const RDS = "aws:rds/instance:Instance";
const KEY = "aws:kms/key:Key";
const ALIAS = "aws:kms/alias:Alias";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const BUCKET = "aws:s3/bucket:Bucket";
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const PLAN = "aws:backup/plan:Plan";
const VAULT = "aws:backup/vault:Vault";
const LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const EAST = { region: "us-east-1" };
const WEST = { region: "us-west-2" };

const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<DeployResourceCase> = {}): DeployCase => ({ title, resource: { type, props, ...extra } });
const stk = (title: string, stack: DeployStackResource[], flagged?: string[]): DeployCase => ({ title, stack, ...(flagged ? { flagged } : {}) });
const unk = <C extends DeployCase>(expect: "not-judged" | "compliant" | "violating", c: C) => ({ ...c, expect });

const westKey: DeployStackResource = { type: KEY, name: "dr-key", props: {}, provider: WEST };
const alias = (name: string, provider: Record<string, unknown>): DeployStackResource => ({ type: ALIAS, name, props: { name: `alias/${name}`, targetKeyId: "k" }, deps: { targetKeyId: ["dr-key"] }, provider });
const mysql = (name: string, props: Record<string, unknown>): DeployStackResource => ({ type: RDS, name, props: { engine: "mysql", identifier: name, ...props }, provider: EAST });
const replicaOf = (name: string, source: string): DeployStackResource => ({ type: RDS, name, props: { replicateSourceDb: source }, deps: { replicateSourceDb: [source] }, provider: EAST });
const logBucket: DeployStackResource[] = [
    { type: BUCKET, name: "alb-logs", props: { bucket: "alb-logs-1" } },
    { type: BUCKET_POLICY, name: "alb-logs-policy", props: { bucket: "alb-logs-1", policy: "{}" }, deps: { bucket: ["alb-logs"] } },
];
const lb = (name: string, deps: Record<string, string[]> = {}, logs: Record<string, unknown> = { bucket: "alb-logs-1", enabled: true }): DeployStackResource =>
    ({ type: LB, name, props: { loadBalancerType: "application", accessLogs: logs }, deps: { accessLogs: ["alb-logs"], ...deps } });
const locked = (min: number, max: number): DeployStackResource[] => [
    { type: VAULT, name: "vault", props: { name: "vault-1" } },
    { type: LOCK, name: "vault-lock", props: { backupVaultName: "vault-1", minRetentionDays: min, maxRetentionDays: max, changeableForDays: 3 }, deps: { backupVaultName: ["vault"] } },
];
const plan = (rules: unknown): DeployStackResource => ({ type: PLAN, name: "plan", props: { rules }, deps: { rules: ["vault"] } });
const fargate = (cpu: unknown, memory: unknown) => ({ requiresCompatibilities: ["FARGATE"], cpu, memory, containerDefinitions: "[]" });

const CLUSTER = "aws:rds/cluster:Cluster";
const PARAMS = "aws:rds/parameterGroup:ParameterGroup";
const CLUSTER_PARAMS = "aws:rds/clusterParameterGroup:ClusterParameterGroup";
const SELECTION = "aws:backup/selection:Selection";
const multiAz = (props: Record<string, unknown> = {}) => ({ engine: "mysql", engineVersion: "8.4", dbClusterInstanceClass: "db.r6gd.xlarge", allocatedStorage: 500, storageType: "gp3", ...props });
const asOf = { asOf: "2026-12-04" };
/** A plan whose daily rule copies to a DR vault in us-west-2, and a selection of `selected` (names of resources). */
const copyingPlan = (selected: string[], extra: DeployStackResource[], selectionProps: Record<string, unknown> = {}): DeployStackResource[] => [
    { type: VAULT, name: "vault", props: { name: "vault-1" }, provider: EAST },
    { type: VAULT, name: "dr-vault", props: { name: "dr-vault-1" }, provider: WEST },
    { type: PLAN, name: "plan", provider: EAST, deps: { rules: ["vault", "dr-vault"] }, props: { rules: [{ ruleName: "daily", targetVaultName: "vault-1", lifecycle: { deleteAfter: 35 }, copyActions: [{ destinationVaultArn: "arn:aws:backup:us-west-2:1:backup-vault:dr-vault-1", lifecycle: { deleteAfter: 35 } }] }] } },
    ...extra,
    { type: SELECTION, name: "sel", props: { planId: "p", resources: selected.map(() => "arn"), ...selectionProps }, deps: { planId: ["plan"], resources: selected } },
];

export const DEPLOY_CASES: Record<string, DeployRuleCases> = {
    "deploy-rds-cluster-iops": {
        compliant: [
            res("a gp3 Multi-AZ DB cluster with iops", CLUSTER, multiAz({ iops: 3000 })), res("an io2 Multi-AZ PostgreSQL cluster with iops", CLUSTER, multiAz({ engine: "postgres", engineVersion: "16", storageType: "io2", iops: 12000 })),
            res("an Aurora MySQL cluster (no storage inputs)", CLUSTER, { engine: "aurora-mysql", engineVersion: "8.0" }),
            res("an Aurora PostgreSQL cluster on I/O-Optimized storage", CLUSTER, { engine: "aurora-postgresql", engineVersion: "16", storageType: "aurora-iopt1" }),
        ],
        violating: [
            res("a gp3 Multi-AZ MySQL cluster without iops (the LMS bug)", CLUSTER, multiAz()),
            res("an io1 Multi-AZ PostgreSQL cluster without iops", CLUSTER, multiAz({ engine: "postgres", storageType: "io1" })),
            res("a Multi-AZ cluster without storage type, iops or class", CLUSTER, { engine: "mysql", allocatedStorage: 100 }),
            res("an Aurora cluster given a Multi-AZ DB cluster's class", CLUSTER, { engine: "aurora-mysql", engineVersion: "8.0", dbClusterInstanceClass: "db.r6gd.xlarge" }),
            res("an Aurora cluster on gp3 with iops and a size", CLUSTER, { engine: "aurora-postgresql", engineVersion: "16", storageType: "gp3", iops: 3000, allocatedStorage: 100 }),
        ],
        unknown: [unk("compliant", res("iops computed (set: it will be whatever its source gives)", CLUSTER, multiAz({ iops: UNKNOWN })))],
        ignored: [
            res("a Multi-AZ cluster restored from a snapshot", CLUSTER, { engine: "mysql", snapshotIdentifier: "snap-1" }),
        ],
    },
    "deploy-engine-standard-support": {
        compliant: [
            res("MySQL 8.4 (standard support to 2029)", RDS, { engine: "mysql", engineVersion: "8.4" }, { config: asOf }),
            res("MySQL 8.0 with Extended Support accepted explicitly", RDS, { engine: "mysql", engineVersion: "8.0", engineLifecycleSupport: "open-source-rds-extended-support" }, { config: asOf }),
        ],
        violating: [
            res("MySQL 8.0 without engineLifecycleSupport after 2026-07-31 (the LMS bug)", RDS, { engine: "mysql", engineVersion: "8.0" }, { config: asOf }),
            res("a pinned PostgreSQL 13 minor, past 2026-02-28", RDS, { engine: "postgres", engineVersion: "13.15" }, { config: asOf }),
            res("an Aurora PostgreSQL 12 cluster refusing Extended Support", CLUSTER, { engine: "aurora-postgresql", engineVersion: "12.20", engineLifecycleSupport: "open-source-rds-extended-support-disabled" }, { config: asOf }),
            res("an Aurora MySQL 2 cluster", CLUSTER, { engine: "aurora-mysql", engineVersion: "5.7.mysql_aurora.2.12.1" }, { config: asOf }),
        ],
        unknown: [unk("not-judged", res("a computed engine version", RDS, { engine: "mysql", engineVersion: UNKNOWN }, { config: asOf }))],
        ignored: [
            res("MySQL 8.0 before its end of standard support", RDS, { engine: "mysql", engineVersion: "8.0" }, { config: { asOf: "2026-07-31" } }),
            res("a read replica (follows its source)", RDS, { engine: "mysql", engineVersion: "8.0", replicateSourceDb: "primary" }, { config: asOf }),
        ],
    },
    "deploy-parameter-values": {
        compliant: [
            res("require_secure_transport 1 on MySQL 8.0", PARAMS, { family: "mysql8.0", parameters: [{ name: "require_secure_transport", value: "1" }, { name: "tls_version", value: "TLSv1.2,TLSv1.3" }] }),
            res("rds.force_ssl 1 and log_statement ddl on PostgreSQL 15", PARAMS, { family: "postgres15", parameters: [{ name: "rds.force_ssl", value: "1" }, { name: "log_statement", value: "ddl" }, { name: "max_connections", value: "{DBInstanceClassMemory/9531392}" }] }),
        ],
        violating: [
            res("require_secure_transport ON on MySQL 8.0 (finding 4)", PARAMS, { family: "mysql8.0", parameters: [{ name: "require_secure_transport", value: "ON" }] }),
            res("require_secure_transport ON in a Multi-AZ cluster parameter group", CLUSTER_PARAMS, { family: "mysql8.0", parameters: [{ name: "require_secure_transport", value: "ON" }] }),
            res("TLSv1.1 on MySQL 8.4", PARAMS, { family: "mysql8.4", parameters: [{ name: "tls_version", value: "TLSv1.1,TLSv1.2" }] }),
            res("rds.force_ssl true on PostgreSQL", PARAMS, { family: "postgres16", parameters: [{ name: "rds.force_ssl", value: "true" }] }),
            res("an eviction policy Redis does not have", "aws:elasticache/parameterGroup:ParameterGroup", { family: "redis7", parameters: [{ name: "maxmemory-policy", value: "lru" }] }),
        ],
        unknown: [unk("not-judged", res("computed parameters", PARAMS, { family: "mysql8.0", parameters: UNKNOWN }))],
        ignored: [res("a parameter outside the table", PARAMS, { family: "mysql8.0", parameters: [{ name: "character_set_server", value: "utf8mb4" }] })],
    },
    "deploy-backup-copy-supported": {
        compliant: [
            stk("a DB instance copied to the DR Region", copyingPlan(["db"], [mysql("db", {})])),
            stk("an Aurora cluster copied to the DR Region", copyingPlan(["aurora"], [{ type: CLUSTER, name: "aurora", props: { engine: "aurora-mysql" }, provider: EAST }])),
        ],
        violating: [
            stk("a Multi-AZ DB cluster copied to the DR Region (the LMS bug)", copyingPlan(["lms"], [{ type: CLUSTER, name: "lms", props: multiAz({ iops: 3000 }), provider: EAST }]), ["sel"]),
            stk("a Multi-AZ PostgreSQL cluster among other resources", copyingPlan(["db", "pg"], [mysql("db", {}), { type: CLUSTER, name: "pg", props: { engine: "postgres" }, provider: EAST }]), ["sel"]),
            stk("an FSx for ONTAP volume", copyingPlan(["vol"], [{ type: "aws:fsx/ontapVolume:OntapVolume", name: "vol", props: {}, provider: EAST }]), ["sel"]),
        ],
        unknown: [
            unk("not-judged", stk("a selection by tag", copyingPlan([], [], { selectionTags: [{ type: "STRINGEQUALS", key: "backup", value: "yes" }] }))),
            unk("not-judged", stk("a cluster whose engine is computed", copyingPlan(["c"], [{ type: CLUSTER, name: "c", props: { engine: UNKNOWN }, provider: EAST }]))),
        ],
        ignored: [stk("a Multi-AZ DB cluster in a plan without copies", [
            { type: VAULT, name: "vault", props: { name: "vault-1" }, provider: EAST },
            { type: PLAN, name: "plan", provider: EAST, deps: { rules: ["vault"] }, props: { rules: [{ ruleName: "daily", targetVaultName: "vault-1", lifecycle: { deleteAfter: 35 } }] } },
            { type: CLUSTER, name: "lms", props: { engine: "mysql" }, provider: EAST },
            { type: SELECTION, name: "sel", props: { planId: "p", resources: ["arn"] }, deps: { planId: ["plan"], resources: ["lms"] } },
        ])],
    },
    "deploy-cross-region-references": {
        compliant: [stk("an alias created with its key's provider", [westKey, alias("dr-alias", WEST)])],
        violating: [
            stk("an alias in the default region for a key in the DR region", [westKey, alias("dr-alias", EAST)], ["dr-alias"]),
            stk("a database whose literal KMS key ARN is in another region", [{ type: RDS, name: "db", props: { kmsKeyId: "arn:aws:kms:eu-west-1:1:key/k" }, provider: EAST }], ["db"]),
            stk("a replica key in its primary's region", [{ type: KEY, name: "primary", props: {}, provider: EAST }, { type: "aws:kms/replicaKey:ReplicaKey", name: "replica", props: { primaryKeyArn: "k" }, deps: { primaryKeyArn: ["primary"] }, provider: EAST }], ["replica"]),
        ],
        unknown: [
            unk("not-judged", stk("an alias whose provider region is computed", [westKey, alias("dr-alias", { region: UNKNOWN })])),
            unk("violating", stk("one alias with a computed region does not hide another in the wrong region", [westKey, alias("unknown-alias", { region: UNKNOWN }), alias("wrong-alias", EAST)], ["wrong-alias"])),
        ],
    },
    "deploy-replica-managed-password": {
        compliant: [stk("replicas of a source with its own (secret) password", [mysql("primary", { password: "s" }), replicaOf("replica", "primary")])],
        violating: [
            stk("two MySQL replicas of a managed-password source", [mysql("primary", { manageMasterUserPassword: true }), replicaOf("replica-1", "primary"), replicaOf("replica-2", "primary")], ["replica-1", "replica-2"]),
            stk("a replica naming its source by literal identifier", [mysql("primary", { manageMasterUserPassword: true }), { type: RDS, name: "replica", props: { replicateSourceDb: "primary" } }], ["replica"]),
        ],
        unknown: [unk("not-judged", stk("the source's setting is computed", [mysql("primary", { manageMasterUserPassword: UNKNOWN }), replicaOf("replica", "primary")]))],
        ignored: [stk("SQL Server allows it", [{ type: RDS, name: "mssql", props: { engine: "sqlserver-se", manageMasterUserPassword: true } }, replicaOf("replica", "mssql")])],
    },
    "deploy-engine-version-auto-upgrade": {
        compliant: [res("the major only", RDS, { engine: "postgres", engineVersion: "15" }), res("a pinned minor without auto upgrades", RDS, { engine: "mysql", engineVersion: "8.0.40", autoMinorVersionUpgrade: false })],
        violating: [
            res("PostgreSQL 15.12 with auto upgrades (the default)", RDS, { engine: "postgres", engineVersion: "15.12" }),
            res("MySQL 8.0.40 with auto upgrades", RDS, { engine: "mysql", engineVersion: "8.0.40", autoMinorVersionUpgrade: true }),
            res("Redis 7.1.0 (a patch version)", "aws:elasticache/replicationGroup:ReplicationGroup", { engineVersion: "7.1.0" }),
        ],
        unknown: [unk("not-judged", res("a computed engine version", RDS, { engine: "postgres", engineVersion: UNKNOWN }))],
        ignored: [res("a DocumentDB cluster", "aws:docdb/cluster:Cluster", { engine: "docdb", engineVersion: "5.0.0" })],
    },
    "deploy-lb-log-bucket-ready": {
        compliant: [stk("the load balancer depends on the bucket policy", [...logBucket, lb("lb", { dependsOn: ["alb-logs-policy"] })])],
        violating: [
            stk("the load balancer depends on the bucket only", [...logBucket, lb("lb")], ["lb"]),
            stk("the log bucket has no policy", [logBucket[0], lb("lb")], ["lb"]),
        ],
        unknown: [unk("not-judged", stk("accessLogs computed as a whole", [...logBucket, { type: LB, name: "lb", props: { accessLogs: UNKNOWN }, deps: { accessLogs: ["alb-logs"] } }]))],
        ignored: [stk("logging off (the provider's default)", [...logBucket, lb("lb", {}, { bucket: "alb-logs-1" })])],
    },
    "deploy-backup-lifecycle": {
        compliant: [res("cold after 90, delete after 2557; continuous 35", PLAN, { rules: [{ ruleName: "m", lifecycle: { coldStorageAfter: 90, deleteAfter: 2557 } }, { ruleName: "c", enableContinuousBackup: true, lifecycle: { deleteAfter: 35 } }] })],
        violating: [
            res("delete less than cold + 90", PLAN, { rules: [{ ruleName: "m", lifecycle: { coldStorageAfter: 90, deleteAfter: 120 } }] }),
            res("continuous kept 36 days", PLAN, { rules: [{ ruleName: "c", enableContinuousBackup: true, lifecycle: { deleteAfter: 36 } }] }),
        ],
        unknown: [unk("not-judged", res("computed rules", PLAN, { rules: UNKNOWN }))],
    },
    "deploy-backup-cold-storage-applies": {
        compliant: [stk("cold storage for EFS", [
            { type: PLAN, name: "plan", props: { rules: [{ ruleName: "m", lifecycle: { coldStorageAfter: 90, deleteAfter: 400 } }] } },
            { type: "aws:backup/selection:Selection", name: "sel", props: { planId: "p", resources: ["arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-1"] }, deps: { planId: ["plan"] } },
        ])],
        violating: [
            stk("cold storage for an RDS database", [
                { type: PLAN, name: "plan", props: { rules: [{ ruleName: "m", lifecycle: { coldStorageAfter: 90, deleteAfter: 2557 } }] } },
                { type: RDS, name: "db", props: {} },
                { type: "aws:backup/selection:Selection", name: "sel", props: { planId: "p", resources: ["arn"] }, deps: { planId: ["plan"], resources: ["db"] } },
            ], ["plan"]),
            stk("cold storage for an S3 bucket by ARN", [
                { type: PLAN, name: "plan", props: { rules: [{ ruleName: "m", lifecycle: { coldStorageAfter: 30, deleteAfter: 400 } }] } },
                { type: "aws:backup/selection:Selection", name: "sel", props: { planId: "p", resources: ["arn:aws:s3:::bucket"] }, deps: { planId: ["plan"] } },
            ], ["plan"]),
        ],
        unknown: [unk("not-judged", stk("computed rules", [{ type: PLAN, name: "plan", props: { rules: UNKNOWN } }]))],
    },
    "deploy-backup-vault-lock-bounds": {
        compliant: [stk("rules within the lock", [...locked(35, 2922), plan([{ ruleName: "d", targetVaultName: "vault-1", lifecycle: { deleteAfter: 35 } }])])],
        violating: [
            stk("a rule below the lock's minimum", [...locked(35, 2922), plan([{ ruleName: "d", targetVaultName: "vault-1", lifecycle: { deleteAfter: 7 } }])], ["plan"]),
            stk("a rule kept forever under a maximum", [...locked(35, 2922), plan([{ ruleName: "d", targetVaultName: "vault-1" }])], ["plan"]),
            stk("a long-term rule above the lock's maximum (a retention edit under fixed bounds)", [...locked(35, 2922), plan([{ ruleName: "m", targetVaultName: "vault-1", lifecycle: { deleteAfter: 3650 } }])], ["plan"]),
            stk("a continuous rule (≤ 35 days) under a minimum of 36", [...locked(36, 2922), plan([{ ruleName: "c", targetVaultName: "vault-1", enableContinuousBackup: true, lifecycle: { deleteAfter: 35 } }])], ["plan"]),
        ],
        unknown: [unk("not-judged", stk("a computed deleteAfter", [...locked(35, 2922), plan([{ ruleName: "d", targetVaultName: "vault-1", lifecycle: { deleteAfter: UNKNOWN } }])]))],
    },
    "deploy-backup-vault-events": {
        compliant: [res("live events", "aws:backup/vaultNotifications:VaultNotifications", { backupVaultEvents: ["BACKUP_JOB_COMPLETED", "COPY_JOB_FAILED"] })],
        violating: [
            res("BACKUP_JOB_FAILED (deprecated)", "aws:backup/vaultNotifications:VaultNotifications", { backupVaultEvents: ["BACKUP_JOB_FAILED"] }),
            res("RESTORE_JOB_FAILED (deprecated)", "aws:backup/vaultNotifications:VaultNotifications", { backupVaultEvents: ["RESTORE_JOB_FAILED", "COPY_JOB_FAILED"] }),
        ],
        unknown: [unk("not-judged", res("computed events", "aws:backup/vaultNotifications:VaultNotifications", { backupVaultEvents: UNKNOWN }))],
    },
    "deploy-log-group-retention-value": {
        compliant: [res("2557 days", "aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 2557 }), res("never expire (0)", "aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 0 })],
        violating: [res("2555 days", "aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 2555 }), res("10 days", "aws:cloudwatch/logGroup:LogGroup", { retentionInDays: 10 })],
        unknown: [unk("not-judged", res("computed retention", "aws:cloudwatch/logGroup:LogGroup", { retentionInDays: UNKNOWN }))],
    },
    "deploy-fargate-task-size": {
        compliant: [res("4 vCPU / 8 GB", TASK, fargate("4096", "8192")), res("1 vCPU / 2 GB in units", TASK, fargate("1 vCPU", "2 GB"))],
        violating: [res("4096 CPU with 4096 MiB", TASK, fargate("4096", "4096")), res("no task size", TASK, { requiresCompatibilities: ["FARGATE"], containerDefinitions: "[]" })],
        unknown: [unk("not-judged", res("computed memory", TASK, fargate("4096", UNKNOWN)))],
        ignored: [res("an EC2 task definition", TASK, { requiresCompatibilities: ["EC2"], cpu: "100", memory: "100", containerDefinitions: "[]" })],
    },
    "deploy-performance-insights-retention": {
        compliant: [res("7 days", RDS, { performanceInsightsRetentionPeriod: 7 }), res("731 days", RDS, { performanceInsightsRetentionPeriod: 731 })],
        violating: [res("30 days", RDS, { performanceInsightsRetentionPeriod: 30 }), res("94 days", RDS, { performanceInsightsRetentionPeriod: 94 })],
        unknown: [unk("not-judged", res("computed retention", RDS, { performanceInsightsRetentionPeriod: UNKNOWN }))],
    },
    "deploy-rds-windows": {
        compliant: [res("backups 03:00-04:00, maintenance sun:04:30-sun:05:30", RDS, { backupWindow: "03:00-04:00", maintenanceWindow: "sun:04:30-sun:05:30" })],
        violating: [
            res("overlapping windows", RDS, { backupWindow: "04:00-05:00", maintenanceWindow: "sun:04:30-sun:05:30" }),
            res("a 20-minute backup window", RDS, { backupWindow: "03:00-03:20", maintenanceWindow: "sun:04:30-sun:05:30" }),
        ],
        unknown: [unk("not-judged", res("a computed maintenance window", RDS, { backupWindow: "03:00-04:00", maintenanceWindow: UNKNOWN }))],
    },
};
