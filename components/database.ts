import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, slug, truncateName } from "../lib/naming";
import { clientOnlySecurityGroup } from "../lib/security-groups";
import { Tags } from "../lib/tags";

export type DatabaseEngine = "postgres" | "mysql";

/** Versions this platform runs: PostgreSQL 15 (MITA) and MySQL 8.0 (LMS). */
export const SUPPORTED_ENGINE_VERSIONS: Record<DatabaseEngine, string> = {
    postgres: "15.x (e.g. 15.12)",
    mysql: "8.0.x (e.g. 8.0.40)",
};
const ENGINE_VERSION_PATTERN: Record<DatabaseEngine, RegExp> = {
    postgres: /^15\.\d{1,2}$/,
    mysql: /^8\.0\.\d{1,2}$/,
};

export function isSupportedEngineVersion(engine: DatabaseEngine, version: string): boolean {
    return ENGINE_VERSION_PATTERN[engine]?.test(version) ?? false;
}

/** Parameter-group family, e.g. `postgres15`, `mysql8.0`. */
export function engineFamily(engine: DatabaseEngine, version: string): string {
    return engine === "postgres" ? `postgres${version.split(".")[0]}` : `mysql${version.split(".").slice(0, 2).join(".")}`;
}

export const DEFAULT_PORTS: Record<DatabaseEngine, number> = { postgres: 5432, mysql: 3306 };

/** TLS enforcement and the seeds' logging settings, per engine. */
function engineParameters(engine: DatabaseEngine): Record<string, string> {
    return engine === "postgres"
        ? {
            "rds.force_ssl": "1",
            log_connections: "1",
            log_disconnections: "1",
            // The seed logs every statement; `ddl` keeps schema changes auditable without writing financial values into logs.
            log_statement: "ddl",
            log_min_duration_statement: "1000",
        }
        : {
            require_secure_transport: "ON",
            slow_query_log: "1",
            long_query_time: "1",
            log_output: "FILE",
            max_connections: "500",
        };
}

const LOG_EXPORTS: Record<DatabaseEngine, string[]> = {
    postgres: ["postgresql", "upgrade"],
    mysql: ["error", "slowquery"],
};

export interface DatabaseArgs {
    /** `postgres` (15.x) or `mysql` (8.0.x). */
    engine: DatabaseEngine;
    /** Engine version, e.g. `15.12`, `8.0.40`. */
    engineVersion: string;
    /** Instance class of the primary, e.g. `db.r6g.2xlarge`. */
    instanceClass: string;
    /** Initial gp3 storage, GiB. */
    allocatedStorageGb: number;
    /** Storage-autoscaling ceiling, GiB. */
    maxAllocatedStorageGb: number;
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
    /** Master user name; its password is generated and rotated by RDS in Secrets Manager. */
    masterUsername: string;
    /** Automated backup retention, days. */
    backupRetentionDays: number;
    /** Daily backup window (UTC). */
    backupWindow?: string;
    /** Weekly maintenance window (UTC), after the backup window. */
    maintenanceWindow?: string;
    /** Number of read replicas. */
    readReplicas?: number;
    /** Instance class of replicas (default: the primary's). */
    replicaInstanceClass?: string;
    /** AZs for the replicas, used round-robin (pass the ones other than the primary's). */
    replicaAvailabilityZones?: string[];
    /** Performance Insights retention: 7 or a multiple of 31 up to 731. */
    performanceInsightsRetentionDays?: number;
    /** Enhanced-monitoring interval, seconds. */
    monitoringIntervalSeconds?: number;
    /** Extra engine parameters (merged over the TLS and logging ones, which cannot be turned off here). */
    parameters?: Record<string, string>;
    /** RDS deletion protection. */
    deletionProtection?: boolean;
    /** Pulumi `protect` + `retainOnDelete` on the instances (production). */
    protect: boolean;
    /** IAM database authentication. */
    iamAuthentication?: boolean;
    /** Tags for every resource. */
    tags: Tags;
}

/**
 * A Multi-AZ RDS PostgreSQL or MySQL database: encrypted with a customer key, isolated subnets, reachable only from
 * the application's security group, TLS forced by its parameter group, password managed by RDS in Secrets Manager,
 * logs exported, Performance Insights and enhanced monitoring on, backups, deletion protection and a final snapshot.
 */
export class Database extends pulumi.ComponentResource {
    public readonly instanceIdentifier: pulumi.Output<string>;
    public readonly instanceArn: pulumi.Output<string>;
    public readonly address: pulumi.Output<string>;
    public readonly endpoint: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly masterUserSecretArn: pulumi.Output<string>;
    public readonly securityGroupId: pulumi.Output<string>;
    public readonly parameterGroupName: pulumi.Output<string>;
    public readonly replicaIdentifiers: pulumi.Output<string>[];
    public readonly replicaEndpoints: pulumi.Output<string>[];
    public readonly engine: DatabaseEngine;

    constructor(name: string, args: DatabaseArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:Database", name, {}, opts);
        if (!isSupportedEngineVersion(args.engine, args.engineVersion)) {
            throw new Error(`Database ${name}: ${args.engine} ${args.engineVersion} is not supported; allowed: ${SUPPORTED_ENGINE_VERSIONS[args.engine]}`);
        }
        if ((args.readReplicas ?? 0) > 0 && !args.multiAz) {
            throw new Error(`Database ${name}: read replicas need a Multi-AZ primary`);
        }
        const parent = { parent: this };
        const port = DEFAULT_PORTS[args.engine];
        const family = engineFamily(args.engine, args.engineVersion);
        const stateful = { parent: this, protect: args.protect, retainOnDelete: args.protect };

        const subnetGroup = new aws.rds.SubnetGroup(name, {
            subnetIds: args.subnetIds,
            description: `Isolated data subnets of ${name}`,
            tags: args.tags,
        }, parent);

        const sg = clientOnlySecurityGroup(name, {
            vpcId: args.vpcId, port, clientSecurityGroupId: args.clientSecurityGroupId,
            service: `the ${args.engine} database ${name}`, egressRuleName: "app-to-db", tags: args.tags,
        }, this);

        // The family is in the logical name: a major upgrade creates the new group first and deletes the old one
        // only after the instance has moved (terraform-aws-rds #94, #506).
        const parameterGroup = new aws.rds.ParameterGroup(childName(name, family.replace(/\./g, "-")), {
            family,
            description: `${name}: TLS required, audit-friendly logging`,
            parameters: Object.entries({ ...args.parameters, ...engineParameters(args.engine) }).map(([paramName, value]) => ({
                name: paramName,
                value,
                applyMethod: "pending-reboot",
            })),
            tags: args.tags,
        }, parent);

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
        const common = {
            storageType: "gp3",
            storageEncrypted: true,
            kmsKeyId: args.kmsKeyArn,
            publiclyAccessible: false,
            vpcSecurityGroupIds: [sg.id],
            parameterGroupName: parameterGroup.name,
            iamDatabaseAuthenticationEnabled: args.iamAuthentication ?? true,
            performanceInsightsEnabled: true,
            performanceInsightsKmsKeyId: args.kmsKeyArn,
            performanceInsightsRetentionPeriod: args.performanceInsightsRetentionDays ?? 7,
            monitoringInterval: args.monitoringIntervalSeconds ?? 60,
            monitoringRoleArn: monitoringRole.arn,
            enabledCloudwatchLogsExports: LOG_EXPORTS[args.engine],
            autoMinorVersionUpgrade: true,
            copyTagsToSnapshot: true,
            deletionProtection: args.deletionProtection ?? true,
            caCertIdentifier: "rds-ca-rsa2048-g1",
            tags: args.tags,
        };
        const primary = new aws.rds.Instance(name, {
            ...common,
            identifier,
            engine: args.engine,
            engineVersion: args.engineVersion,
            instanceClass: args.instanceClass,
            allocatedStorage: args.allocatedStorageGb,
            maxAllocatedStorage: args.maxAllocatedStorageGb,
            multiAz: args.multiAz,
            dbSubnetGroupName: subnetGroup.name,
            dbName: args.databaseName,
            username: args.masterUsername,
            manageMasterUserPassword: true,
            masterUserSecretKmsKeyId: args.kmsKeyArn,
            port,
            backupRetentionPeriod: args.backupRetentionDays,
            backupWindow: args.backupWindow ?? "03:00-04:00",
            maintenanceWindow: args.maintenanceWindow ?? "sun:04:30-sun:05:30",
            skipFinalSnapshot: false,
            finalSnapshotIdentifier: `${identifier}-final`,
            deleteAutomatedBackups: false,
        }, stateful);

        const zones = args.replicaAvailabilityZones ?? [];
        const replicas = Array.from({ length: args.readReplicas ?? 0 }, (_, i) =>
            new aws.rds.Instance(childName(name, "replica", String(i + 1)), {
                ...common,
                identifier: `${truncateName(identifier, 50, false)}-replica-${i + 1}`,
                replicateSourceDb: primary.identifier,
                instanceClass: args.replicaInstanceClass ?? args.instanceClass,
                availabilityZone: zones.length > 0 ? zones[i % zones.length] : undefined,
                maxAllocatedStorage: args.maxAllocatedStorageGb,
                // A replica's own backups are off: the primary's backups and AWS Backup cover the data.
                backupRetentionPeriod: 0,
                skipFinalSnapshot: true,
            }, stateful));

        this.engine = args.engine;
        this.instanceIdentifier = primary.identifier;
        this.instanceArn = primary.arn;
        this.address = primary.address;
        this.endpoint = primary.endpoint;
        this.port = primary.port;
        this.masterUserSecretArn = primary.masterUserSecrets.apply((secrets) => secrets?.[0]?.secretArn ?? "");
        this.securityGroupId = sg.id;
        this.parameterGroupName = parameterGroup.name;
        this.replicaIdentifiers = replicas.map((r) => r.identifier);
        this.replicaEndpoints = replicas.map((r) => r.endpoint);
        this.registerOutputs({
            instanceIdentifier: this.instanceIdentifier,
            endpoint: this.endpoint,
            masterUserSecretArn: this.masterUserSecretArn,
            securityGroupId: this.securityGroupId,
            replicaEndpoints: this.replicaEndpoints,
        });
    }
}
