import { asArray, CheckResult, isSet, ResourceRule } from "../../framework";
import { BACKUP } from "../../controls";

type Props = Record<string, any>;
type Judge = (props: Props, floor: number) => CheckResult;

/** Days a point-in-time recovery window covers when on: DynamoDB's default recoveryPeriodInDays, Keyspaces' fixed window. */
const PITR_DAYS = 35;

const shown = (days: number) => (days === -1 ? "-1 (kept indefinitely)" : days === 0 ? "0 (no backups)" : `${days} day(s)`);

/**
 * A retention input in days, judged with its effective value: the value when set, else the service's default.
 * `indefinite`: -1 keeps the snapshots until deleted (Redshift manual snapshots), which meets any floor.
 */
const days = (input: string, byDefault: number, indefinite = false): Judge => (props, floor) => {
    const value = props[input];
    const effective = typeof value === "number" ? value : byDefault;
    if ((indefinite && effective === -1) || effective >= floor) return undefined;
    return `${input} ${value === undefined ? `omitted, so ${shown(byDefault)} by default,` : shown(effective)} is below the floor of ${floor} days`;
};

const all = (...judges: Judge[]): Judge => (props, floor) => judges.flatMap((j) => [j(props, floor) ?? []].flat());

/** Point-in-time recovery: its window (35 days) when on, nothing when off. */
const pitr = (what: string, on: boolean, floor: number, setting: string): string | undefined => {
    const effective = on ? PITR_DAYS : 0;
    if (effective >= floor) return undefined;
    return on ? `${what}point-in-time recovery keeps ${PITR_DAYS} days, below the floor of ${floor} days` : `${what}point-in-time recovery is off (${setting}): no continuous backups, below the floor of ${floor} days`;
};

/** ElastiCache node-based clusters: Memcached keeps no snapshots; a member of a replication group takes the group's (elasticache-snapshot-retention). */
const cacheCluster: Judge = (props, floor) => {
    if (isSet(props, "replicationGroupId")) return undefined;
    if (props.engine === "memcached") return undefined;
    return days("snapshotRetentionLimit", 0)(props, floor);
};

/** ElastiCache Serverless: the provider accepts snapshotRetentionLimit for Redis OSS and Valkey only. */
const serverlessCache: Judge = (props, floor) => (props.engine === "memcached" ? undefined : days("snapshotRetentionLimit", 0)(props, floor));

/**
 * DynamoDB tables: whether PITR is on is dynamodb-point-in-time-recovery's; here its window (recoveryPeriodInDays, 35 by
 * default) when on, and the PITR of each replica of a global table (`replicas[].pointInTimeRecovery`, false by default).
 */
const dynamodbTable: Judge = (props, floor) => {
    const problems: string[] = [];
    const recovery = props.pointInTimeRecovery;
    if (recovery?.enabled === true) {
        const period = recovery.recoveryPeriodInDays;
        const effective = typeof period === "number" ? period : PITR_DAYS;
        if (effective < floor) problems.push(`pointInTimeRecovery.recoveryPeriodInDays ${effective} is below the floor of ${floor} days`);
    }
    for (const replica of asArray(props.replicas)) {
        const message = pitr(`replica in ${replica.regionName}: `, replica.pointInTimeRecovery === true, floor, `pointInTimeRecovery ${replica.pointInTimeRecovery ?? "omitted: false by default"}`);
        if (message) problems.push(message);
    }
    return problems;
};

/**
 * Every type whose inputs set how long backups are kept, except those with a rule of their own: RDS instances and
 * clusters (rds-backup-retention), ElastiCache replication groups (elasticache-snapshot-retention) and whether a DynamoDB
 * table has PITR at all (dynamodb-point-in-time-recovery). Omitted values take the API's/provider's default, from the
 * provider's input docs and the services' API references.
 */
const JUDGES: Record<string, Judge> = {
    // backupRetentionPeriod: provider docs "Default `1`" (DocumentDB, Neptune); elastic clusters "the default value of 1".
    "aws:docdb/cluster:Cluster": days("backupRetentionPeriod", 1),
    "aws:docdb/elasticCluster:ElasticCluster": days("backupRetentionPeriod", 1),
    "aws:neptune/cluster:Cluster": days("backupRetentionPeriod", 1),
    // Automated snapshots 1 day by default; manual snapshots -1 (indefinitely) by default.
    "aws:redshift/cluster:Cluster": all(days("automatedSnapshotRetentionPeriod", 1), days("manualSnapshotRetentionPeriod", -1, true)),
    // A manual snapshot omitting its retention takes the cluster's default manual retention (-1 unless the cluster sets one).
    "aws:redshift/clusterSnapshot:ClusterSnapshot": days("manualSnapshotRetentionPeriod", -1, true),
    // Cross-region copies: automated snapshots 7 days by default (EnableSnapshotCopy RetentionPeriod), manual copies -1.
    "aws:redshift/snapshotCopy:SnapshotCopy": all(days("retentionPeriod", 7), days("manualSnapshotRetentionPeriod", -1, true)),
    "aws:redshiftserverless/snapshot:Snapshot": days("retentionPeriod", -1, true),
    // FSx automatic backups: the provider sends its own schema default when omitted (terraform-provider-aws
    // `Default: 0` for Lustre, ONTAP and OpenZFS, `Default: 7` for Windows), so ONTAP and OpenZFS get none, not the
    // API's 30.
    "aws:fsx/lustreFileSystem:LustreFileSystem": days("automaticBackupRetentionDays", 0),
    "aws:fsx/windowsFileSystem:WindowsFileSystem": days("automaticBackupRetentionDays", 7),
    "aws:fsx/ontapFileSystem:OntapFileSystem": days("automaticBackupRetentionDays", 0),
    "aws:fsx/openZfsFileSystem:OpenZfsFileSystem": days("automaticBackupRetentionDays", 0),
    // Snapshots off (0) by default: CreateCacheCluster "Default: 0"; MemoryDB "Defaults to `0`"; serverless caches back up only when asked.
    "aws:elasticache/cluster:Cluster": cacheCluster,
    "aws:elasticache/serverlessCache:ServerlessCache": serverlessCache,
    "aws:memorydb/cluster:Cluster": days("snapshotRetentionLimit", 0),
    // Automated backups replicated to another region: "defaults to `7`".
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": days("retentionPeriod", 7),
    // Lightsail keeps its automated backups for a fixed window; only switching them off (default on) is judged.
    "aws:lightsail/database:Database": (props, floor) => (props.backupRetentionEnabled === false && floor > 0 ? `backupRetentionEnabled false: automated backups are off (and deleted), below the floor of ${floor} days` : undefined),
    "aws:keyspaces/table:Table": (props, floor) => pitr("", props.pointInTimeRecovery?.status === "ENABLED", floor, `pointInTimeRecovery.status ${props.pointInTimeRecovery?.status ?? "omitted: DISABLED by default"}`),
    "aws:dynamodb/tableReplica:TableReplica": (props, floor) => pitr("", props.pointInTimeRecovery === true, floor, `pointInTimeRecovery ${props.pointInTimeRecovery ?? "omitted: false by default"}`),
    "aws:dynamodb/table:Table": dynamodbTable,
};

export const rule: ResourceRule = {
    name: "general-backup-retention",
    displayName: "Backups kept at least the floor (every engine with a retention setting but RDS and ElastiCache replication groups)",
    description: "Automated backups, snapshots and their cross-region copies are kept at least the floor (minimumDays), judged with the effective value (omitted = the service's default: 1 day for DocumentDB, Neptune and Redshift automated snapshots, 7 for Redshift cross-region copies, RDS replicated backups and FSx for Windows, none for FSx for Lustre, ONTAP and OpenZFS (the provider sends 0), ElastiCache clusters and serverless caches and MemoryDB; -1, indefinitely, for Redshift manual snapshots); point-in-time recovery (Keyspaces tables, DynamoDB table replicas and global-table replicas) counts 35 days when on and nothing when off, DynamoDB's recoveryPeriodInDays when set; Lightsail databases may not switch automated backups off. RDS is rds-backup-retention's, ElastiCache replication groups elasticache-snapshot-retention's, DynamoDB PITR on/off dynamodb-point-in-time-recovery's.",
    remediation: "Set the retention input (backupRetentionPeriod, automatedSnapshotRetentionPeriod, manualSnapshotRetentionPeriod, retentionPeriod, automaticBackupRetentionDays, snapshotRetentionLimit, recoveryPeriodInDays) to at least the floor, or turn point-in-time recovery / automated backups on; back up with AWS Backup for longer retention.",
    severity: "high",
    controls: BACKUP,
    concern: "retention",
    types: Object.keys(JUDGES),
    config: { minimumDays: { type: "integer", minimum: 0, default: 7 } },
    check: (props, args, config): CheckResult => JUDGES[args.type](props, config.minimumDays),
};
