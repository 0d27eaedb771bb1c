import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "../lib/aws-context";
import { childName, slug, truncateName } from "../lib/naming";
import { DatabaseEngine, DEFAULT_PORTS, engineFamily, engineVersionProblem, isAurora, sqlDialect } from "../lib/rules/engine-versions";
import { AURORA_CLUSTER_PARAMETERS } from "../lib/rules/parameter-values";
import { databaseShapeProblems, multiAzClusterGp3Iops } from "../lib/rules/rds-replicas";
import { clientOnlySecurityGroup } from "../lib/security-groups";
import { Tags } from "../lib/tags";
import { DEFAULT_PERFORMANCE_INSIGHTS_RETENTION_DAYS } from "../lib/defaults";

export type { DatabaseEngine } from "../lib/rules/engine-versions";
export { DEFAULT_PORTS, engineFamily, engineVersionProblem, isAurora } from "../lib/rules/engine-versions";
export { AURORA_MAX_READERS, MULTI_AZ_CLUSTER_FAMILIES, multiAzClusterGp3Iops, READABLE_COPIES_OPTIONS, readReplicaProblem } from "../lib/rules/rds-replicas";

/**
 * TLS enforcement and audit-friendly logging, per engine: the platform's baseline, which `parameters` cannot override.
 * PostgreSQL logs DDL, not every statement (the MITA guide's `log_statement = all` would write financial values into
 * logs kept for years); slow statements are logged with their duration instead.
 */
function engineParameters(engine: DatabaseEngine): Record<string, string> {
    return sqlDialect(engine) === "postgres"
        ? {
            "rds.force_ssl": "1",
            log_connections: "1",
            log_disconnections: "1",
            log_statement: "ddl",
            log_min_duration_statement: "1000",
        }
        : {
            // RDS for MySQL 8.0/8.4 and Aurora MySQL 3 take 0|1 here, not ON/OFF (lib/rules/parameter-values.ts).
            require_secure_transport: "1",
            slow_query_log: "1",
            long_query_time: "1",
            log_output: "FILE",
        };
}

const LOG_EXPORTS: Record<DatabaseEngine, string[]> = {
    postgres: ["postgresql", "upgrade"],
    mysql: ["error", "slowquery"],
    // Aurora MySQL exports the same two; its audit log needs server_audit_logging, which the guide does not ask for.
    "aurora-mysql": ["error", "slowquery"],
};

export interface DatabaseArgs {
    /** `postgres`, `mysql` (RDS) or `aurora-mysql` (an Aurora cluster: a writer and `readReplicas` reader instances). */
    engine: DatabaseEngine;
    /** Major engine version (`15`, `8.0`): RDS picks and upgrades the minor (see lib/rules/engine-versions.ts). */
    engineVersion: string;
    /** Instance class of the primary (of every member of a Multi-AZ DB cluster; of Aurora's writer), e.g. `db.r6g.2xlarge`. */
    instanceClass: string;
    /** Aurora only: class of the reader instances (default: the writer's, so any reader can take over at full size). */
    readerInstanceClass?: string;
    /** Initial gp3 storage, GiB: required for RDS, refused for Aurora (its cluster volume has no size to set). */
    allocatedStorageGb?: number;
    /** Storage-autoscaling ceiling, GiB: required for a DB instance, refused for a Multi-AZ DB cluster and Aurora. */
    maxAllocatedStorageGb?: number;
    /** Synchronous standby in another AZ (production). */
    multiAz: boolean;
    /** VPC of the database. */
    vpcId: pulumi.Input<string>;
    /** Isolated data subnets. */
    subnetIds: pulumi.Input<string>[];
    /** The only security group allowed to connect (the application's). */
    clientSecurityGroupId: pulumi.Input<string>;
    /** Customer-managed key for storage, Performance Insights, and the managed master secret. */
    kmsKeyArn: pulumi.Input<string>;
    /** Initial database name. */
    databaseName: string;
    /** Master user name; its password is generated and rotated by RDS in Secrets Manager. Administrators only. */
    masterUsername: string;
    /** Automated backup retention, days (at creation; see `backupManagedByAwsBackup`). */
    backupRetentionDays: number;
    /**
     * AWS Backup's continuous-backup rule protects this database. AWS Backup then owns the RDS backup retention and
     * window (it sets them to its rule's), so the component sets them at creation only and ignores later drift: two
     * owners would fight on every `up` (AWS Backup developer guide, "Continuous backups and point-in-time recovery").
     */
    backupManagedByAwsBackup?: boolean;
    /** Daily backup window (UTC). */
    backupWindow?: string;
    /** Weekly maintenance window (UTC), after the backup window. */
    maintenanceWindow?: string;
    /**
     * Readable copies. RDS: 0, or 2 (a Multi-AZ DB cluster with two readable standbys; see READABLE_COPIES_OPTIONS).
     * Aurora: 0 to 15 reader instances.
     */
    readReplicas?: number;
    /** Performance Insights retention: 7 or a multiple of 31 up to 731. */
    performanceInsightsRetentionDays?: number;
    /** Enhanced-monitoring interval, seconds. */
    monitoringIntervalSeconds?: number;
    /** Engine parameters of the application (e.g. the seeds' `max_connections`), under the platform's baseline. */
    parameters?: Record<string, string>;
    /** RDS deletion protection. */
    deletionProtection?: boolean;
    /** Pulumi `protect` + `retainOnDelete` on the database (production). */
    protect: boolean;
    /** IAM database authentication (the application connects with it; see `appUsername`). */
    iamAuthentication?: boolean;
    /** Database user of the application, authenticated by IAM (created during `up` by the DatabaseUsers component). */
    appUsername?: string;
    /**
     * Aurora MySQL: write binary logs (`binlog_format` ROW), e.g. when a retention for them is asked. RDS for MySQL
     * writes them whenever automated backups are on; Aurora needs none for its own point-in-time recovery.
     */
    binaryLogs?: boolean;
    /** Tags for every resource. */
    tags: Tags;
}

/**
 * A Multi-AZ RDS PostgreSQL or MySQL database: encrypted with a customer key, isolated subnets, reachable only from
 * the application's security group, TLS forced by its parameter group, password managed by RDS in Secrets Manager,
 * logs exported, Performance Insights and enhanced monitoring on, backups, deletion protection and a final snapshot.
 * With two readable copies it is a Multi-AZ DB cluster (writer + two readable standbys), the only RDS shape that has
 * readable copies and a managed master password. With `aurora-mysql` it is an Aurora cluster: a writer and
 * `readReplicas` reader instances on one encrypted cluster volume, whose recovery points AWS Backup can copy to
 * another Region (docs/database-readable-copies.md).
 */
export class Database extends pulumi.ComponentResource {
    /** DB instance identifier of the primary (instance), or the cluster identifier (Multi-AZ DB cluster). */
    public readonly instanceIdentifier: pulumi.Output<string>;
    /** ARN AWS Backup protects: the instance's, or the cluster's. */
    public readonly instanceArn: pulumi.Output<string>;
    public readonly address: pulumi.Output<string>;
    public readonly endpoint: pulumi.Output<string>;
    /** Read-only endpoint (the cluster's reader endpoint; the primary's address for a single instance). */
    public readonly readerAddress: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    /** Master credentials (administrators only; the application uses IAM authentication). */
    public readonly masterUserSecretArn: pulumi.Output<string>;
    public readonly securityGroupId: pulumi.Output<string>;
    public readonly subnetGroupName: pulumi.Output<string>;
    public readonly parameterGroupName: pulumi.Output<string>;
    /** Read-replica instance identifiers (none: replicas of a managed-password source are refused; see rds-replicas). */
    public readonly replicaIdentifiers: pulumi.Output<string>[];
    /** The Multi-AZ DB cluster's identifier (metrics by DBClusterIdentifier), or undefined for a DB instance. */
    public readonly clusterIdentifier?: pulumi.Output<string>;
    /** The cluster's member instances (writer and readers; which is the writer changes on failover), for alarms. */
    public readonly memberInstanceIdentifiers?: pulumi.Output<string[]>;
    public readonly replicaEndpoints: pulumi.Output<string>[];
    /** `arn:aws:rds-db:<region>:<account>:dbuser:<resource id>/<appUsername>`: what the task role may `rds-db:connect` as. */
    public readonly appUserConnectArn: pulumi.Output<string>;
    public readonly appUsername: string;
    /** The database the application uses (created with the instance or cluster). */
    public readonly databaseName: string;
    /** RDS resource ID (DbiResourceId / DbClusterResourceId): changes only when the database is replaced. */
    public readonly resourceId: pulumi.Output<string>;
    public readonly engine: DatabaseEngine;
    /** `instance` (Multi-AZ DB instance), `multi-az-cluster` (RDS Multi-AZ DB cluster) or `aurora`. */
    public readonly deployment: "instance" | "multi-az-cluster" | "aurora";
    public readonly backupWindow: string;
    public readonly maintenanceWindow: string;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything: a rejected configuration leaves nothing behind.
        const versionProblem = engineVersionProblem(args.engine, args.engineVersion);
        if (versionProblem) {
            throw new Error(`Database ${name}: ${versionProblem}`);
        }
        const readReplicas = args.readReplicas ?? 0;
        const shapeProblems = databaseShapeProblems({ ...args, readReplicas });
        if (shapeProblems.length > 0) {
            throw new Error(`Database ${name}: ${shapeProblems.map((p) => `${p.key}: ${p.problem}`).join("; ")}`);
        }
        super("platform:data:Database", name, {}, opts);
        const parent = { parent: this };
        const port = DEFAULT_PORTS[args.engine];
        const family = engineFamily(args.engine, args.engineVersion);
        const aurora = isAurora(args.engine);
        const cluster = !aurora && readReplicas === 2;
        this.deployment = aurora ? "aurora" : cluster ? "multi-az-cluster" : "instance";
        this.backupWindow = args.backupWindow ?? "03:00-04:00";
        this.maintenanceWindow = args.maintenanceWindow ?? "sun:04:30-sun:05:30";
        this.appUsername = args.appUsername ?? `${args.databaseName.split("_")[0]}_app`;
        // One owner per backup setting: AWS Backup's continuous rule, when it protects the database.
        const backupOwnedElsewhere = args.backupManagedByAwsBackup ?? false;
        const stateful: pulumi.CustomResourceOptions = {
            parent: this,
            protect: args.protect,
            retainOnDelete: args.protect,
            ignoreChanges: backupOwnedElsewhere ? (cluster || aurora ? ["backupRetentionPeriod", "preferredBackupWindow"] : ["backupRetentionPeriod", "backupWindow"]) : [],
        };

        const subnetGroup = new aws.rds.SubnetGroup(name, {
            subnetIds: args.subnetIds,
            description: `Isolated data subnets of ${name}`,
            tags: args.tags,
        }, parent);

        const sg = clientOnlySecurityGroup(name, {
            vpcId: args.vpcId, port, clientSecurityGroupId: args.clientSecurityGroupId,
            service: `the ${args.engine} database ${name}`, egressRuleName: "app-to-db", tags: args.tags,
        }, this);

        const baseline = { ...engineParameters(args.engine), ...(aurora && args.binaryLogs ? { binlog_format: "ROW" } : {}) };
        const parameters = Object.entries({ ...args.parameters, ...baseline }).map(([paramName, value]) => ({
            name: paramName,
            value,
            applyMethod: "pending-reboot",
        }));
        // The family is in the logical name: a major upgrade creates the new group first and deletes the old one
        // only after the database has moved (terraform-aws-rds #94, #506).
        // Aurora splits its parameters: cluster-level ones in the cluster's group, the rest in its instances' group.
        const auroraInstanceParameterGroupName = aurora
            ? new aws.rds.ParameterGroup(childName(name, family.replace(/\./g, "-")), {
                family,
                description: `${name}: instance-level parameters (slow-query logging, connection settings)`,
                parameters: parameters.filter((p) => !AURORA_CLUSTER_PARAMETERS.includes(p.name)),
                tags: args.tags,
            }, parent).name
            : undefined;
        const parameterGroupName = aurora
            ? new aws.rds.ClusterParameterGroup(childName(name, "cluster", family.replace(/\./g, "-")), {
                family,
                description: `${name}: TLS required (cluster-level parameters)`,
                parameters: parameters.filter((p) => AURORA_CLUSTER_PARAMETERS.includes(p.name)),
                tags: args.tags,
            }, parent).name
            : cluster
            ? new aws.rds.ClusterParameterGroup(childName(name, "cluster", family.replace(/\./g, "-")), {
                family,
                description: `${name}: TLS required, audit-friendly logging`,
                parameters,
                tags: args.tags,
            }, parent).name
            : new aws.rds.ParameterGroup(childName(name, family.replace(/\./g, "-")), {
                family,
                description: `${name}: TLS required, audit-friendly logging`,
                parameters,
                tags: args.tags,
            }, parent).name;

        const monitoringRole = new aws.iam.Role(childName(name, "monitoring"), {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
            tags: args.tags,
        }, parent);
        new aws.iam.RolePolicyAttachment(childName(name, "monitoring"), {
            role: monitoringRole.name,
            policyArn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
        }, parent);

        const identifier = truncateName(slug(name), 63, false);
        // What every shape takes on the database resource itself (instance, Multi-AZ DB cluster, Aurora cluster).
        const common = {
            storageEncrypted: true,
            kmsKeyId: args.kmsKeyArn,
            vpcSecurityGroupIds: [sg.id],
            iamDatabaseAuthenticationEnabled: args.iamAuthentication ?? true,
            enabledCloudwatchLogsExports: LOG_EXPORTS[args.engine],
            // Majors only (engineVersion "15"/"8.0"): RDS owns the minor.
            engine: args.engine,
            engineVersion: args.engineVersion,
            copyTagsToSnapshot: true,
            deletionProtection: args.deletionProtection ?? true,
            manageMasterUserPassword: true,
            masterUserSecretKmsKeyId: args.kmsKeyArn,
            port,
            backupRetentionPeriod: args.backupRetentionDays,
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: `${identifier}-final`,
            deleteAutomatedBackups: false,
            tags: args.tags,
        };
        // What RDS takes on the database and Aurora on each instance (CreateDBCluster: Multi-AZ DB clusters only).
        const perInstance = {
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: args.kmsKeyArn,
            performanceInsightsRetentionPeriod: args.performanceInsightsRetentionDays ?? DEFAULT_PERFORMANCE_INSIGHTS_RETENTION_DAYS,
            monitoringInterval: args.monitoringIntervalSeconds ?? 60,
            monitoringRoleArn: monitoringRole.arn,
            autoMinorVersionUpgrade: true,
        };
        const shared = { ...common, ...perInstance, storageType: "gp3" };

        let resourceId: pulumi.Output<string>;
        if (aurora) {
            // Storage, Performance Insights, monitoring and the CA are per instance in Aurora (CreateDBCluster takes
            // them for Multi-AZ DB clusters only); the cluster volume is encrypted and grows by itself.
            const db = new aws.rds.Cluster(name, {
                ...common,
                engineMode: "provisioned",
                clusterIdentifier: truncateName(identifier, 63, false),
                dbSubnetGroupName: subnetGroup.name,
                dbClusterParameterGroupName: parameterGroupName,
                databaseName: args.databaseName,
                masterUsername: args.masterUsername,
                preferredBackupWindow: this.backupWindow,
                preferredMaintenanceWindow: this.maintenanceWindow,
            }, stateful);
            // The writer first; readers share promotion tier 1, so a failover goes to the largest reader. Instances
            // hold no data (the cluster volume does) and are not protected: removing a reader is how the cluster
            // shrinks. Their identifiers are autonamed so a class change or a replacement never collides.
            const instances = Array.from({ length: readReplicas + 1 }, (_, i) => new aws.rds.ClusterInstance(childName(name, i === 0 ? "writer" : `reader-${i}`), {
                clusterIdentifier: db.id,
                engine: args.engine,
                instanceClass: i === 0 ? args.instanceClass : args.readerInstanceClass ?? args.instanceClass,
                dbSubnetGroupName: subnetGroup.name,
                dbParameterGroupName: auroraInstanceParameterGroupName,
                publiclyAccessible: false,
                promotionTier: i === 0 ? 0 : 1,
                ...perInstance,
                caCertIdentifier: "rds-ca-rsa2048-g1",
                preferredMaintenanceWindow: this.maintenanceWindow,
                copyTagsToSnapshot: true,
                tags: args.tags,
            }, { parent: this, dependsOn: [db] }));
            this.instanceIdentifier = db.clusterIdentifier;
            this.clusterIdentifier = db.clusterIdentifier;
            this.memberInstanceIdentifiers = pulumi.all(instances.map((i) => i.identifier));
            this.instanceArn = db.arn;
            this.address = db.endpoint;
            this.endpoint = pulumi.interpolate`${db.endpoint}:${db.port}`;
            this.readerAddress = readReplicas > 0 ? db.readerEndpoint : db.endpoint;
            this.port = db.port;
            this.masterUserSecretArn = db.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn ?? "");
            this.replicaIdentifiers = [];
            this.replicaEndpoints = instances.slice(1).map(() => db.readerEndpoint);
            resourceId = db.clusterResourceId;
        } else if (cluster) {
            // Multi-AZ DB cluster identifiers are at most 52 characters (CreateDBCluster).
            const db = new aws.rds.Cluster(name, {
                ...shared,
                clusterIdentifier: truncateName(identifier, 52, false),
                dbClusterInstanceClass: args.instanceClass,
                allocatedStorage: args.allocatedStorageGb,
                // Validated above: an RDS database has its size.
                iops: multiAzClusterGp3Iops(args.allocatedStorageGb!),
                dbSubnetGroupName: subnetGroup.name,
                dbClusterParameterGroupName: parameterGroupName,
                databaseName: args.databaseName,
                masterUsername: args.masterUsername,
                preferredBackupWindow: this.backupWindow,
                preferredMaintenanceWindow: this.maintenanceWindow,
                caCertificateIdentifier: "rds-ca-rsa2048-g1",
            }, stateful);
            this.instanceIdentifier = db.clusterIdentifier;
            this.clusterIdentifier = db.clusterIdentifier;
            this.memberInstanceIdentifiers = db.clusterMembers;
            this.instanceArn = db.arn;
            this.address = db.endpoint;
            this.endpoint = pulumi.interpolate`${db.endpoint}:${db.port}`;
            this.readerAddress = db.readerEndpoint;
            this.port = db.port;
            this.masterUserSecretArn = db.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn ?? "");
            // Which member is the writer changes with every failover, so per-member alarms would page on the wrong
            // instance; cluster metrics use `clusterIdentifier` (DBClusterIdentifier) instead.
            this.replicaIdentifiers = [];
            this.replicaEndpoints = [db.readerEndpoint, db.readerEndpoint];
            resourceId = db.clusterResourceId;
        } else {
            const primary = new aws.rds.Instance(name, {
                ...shared,
                identifier,
                instanceClass: args.instanceClass,
                allocatedStorage: args.allocatedStorageGb,
                maxAllocatedStorage: args.maxAllocatedStorageGb,
                multiAz: args.multiAz,
                publiclyAccessible: false,
                dbSubnetGroupName: subnetGroup.name,
                parameterGroupName,
                dbName: args.databaseName,
                username: args.masterUsername,
                backupWindow: this.backupWindow,
                maintenanceWindow: this.maintenanceWindow,
                caCertIdentifier: "rds-ca-rsa2048-g1",
            }, stateful);
            this.instanceIdentifier = primary.identifier;
            this.instanceArn = primary.arn;
            this.address = primary.address;
            this.endpoint = primary.endpoint;
            this.readerAddress = primary.address;
            this.port = primary.port;
            this.masterUserSecretArn = primary.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn ?? "");
            this.replicaIdentifiers = [];
            this.replicaEndpoints = [];
            resourceId = primary.resourceId;
        }

        const ctx = awsContext(this);
        this.appUserConnectArn = pulumi.interpolate`arn:${ctx.partition}:rds-db:${ctx.region}:${ctx.accountId}:dbuser:${resourceId}/${this.appUsername}`;
        this.engine = args.engine;
        this.databaseName = args.databaseName;
        this.resourceId = resourceId;
        this.securityGroupId = sg.id;
        this.subnetGroupName = subnetGroup.name;
        this.parameterGroupName = parameterGroupName;
        this.registerOutputs({
            instanceIdentifier: this.instanceIdentifier,
            endpoint: this.endpoint,
            readerAddress: this.readerAddress,
            masterUserSecretArn: this.masterUserSecretArn,
            securityGroupId: this.securityGroupId,
            subnetGroupName: this.subnetGroupName,
            replicaEndpoints: this.replicaEndpoints,
            appUserConnectArn: this.appUserConnectArn,
        });
    }
}
