import { UNKNOWN, type RuleCases } from "../../cases";

/**
 * Cases of general-backup-retention (test/policies/unit.test.ts runs them in-process): for each type a value below the
 * floor, its compliant twin, the omitted value (the service's default) and a value unknown during preview. The floor is
 * production's 30 days unless a case says otherwise.
 */
const res = (title: string, type: string, props: Record<string, unknown>, config: Record<string, unknown> = { minimumDays: 30 }) => ({ title, resource: { type, props, config } });
const unknown = (title: string, type: string, props: Record<string, unknown>) => ({ ...res(title, type, props), expect: "not-judged" as const });

const DOCDB = "aws:docdb/cluster:Cluster";
const DOCDB_ELASTIC = "aws:docdb/elasticCluster:ElasticCluster";
const NEPTUNE = "aws:neptune/cluster:Cluster";
const REDSHIFT = "aws:redshift/cluster:Cluster";
const REDSHIFT_SNAPSHOT = "aws:redshift/clusterSnapshot:ClusterSnapshot";
const REDSHIFT_COPY = "aws:redshift/snapshotCopy:SnapshotCopy";
const SERVERLESS_SNAPSHOT = "aws:redshiftserverless/snapshot:Snapshot";
const LUSTRE = "aws:fsx/lustreFileSystem:LustreFileSystem";
const WINDOWS = "aws:fsx/windowsFileSystem:WindowsFileSystem";
const ONTAP = "aws:fsx/ontapFileSystem:OntapFileSystem";
const OPENZFS = "aws:fsx/openZfsFileSystem:OpenZfsFileSystem";
const CACHE = "aws:elasticache/cluster:Cluster";
const SERVERLESS_CACHE = "aws:elasticache/serverlessCache:ServerlessCache";
const MEMORYDB = "aws:memorydb/cluster:Cluster";
const RDS_REPLICATION = "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication";
const LIGHTSAIL = "aws:lightsail/database:Database";
const KEYSPACES = "aws:keyspaces/table:Table";
const TABLE_REPLICA = "aws:dynamodb/tableReplica:TableReplica";
const TABLE = "aws:dynamodb/table:Table";
const SOURCE = { sourceDbInstanceArn: "arn:aws:rds:eu-west-1:111122223333:db:app" };

export const cases: RuleCases = {
    compliant: [
        res("DocumentDB 35 days", DOCDB, { backupRetentionPeriod: 35 }),
        res("DocumentDB elastic cluster 30 days", DOCDB_ELASTIC, { backupRetentionPeriod: 30 }),
        res("Neptune 30 days", NEPTUNE, { backupRetentionPeriod: 30 }),
        res("Redshift 30 days (manual snapshots omitted: indefinitely)", REDSHIFT, { automatedSnapshotRetentionPeriod: 30 }),
        res("Redshift 30 days, manual snapshots -1 (indefinitely)", REDSHIFT, { automatedSnapshotRetentionPeriod: 30, manualSnapshotRetentionPeriod: -1 }),
        res("Redshift manual snapshot omitted (indefinitely by default)", REDSHIFT_SNAPSHOT, { snapshotIdentifier: "s", clusterIdentifier: "c" }),
        res("Redshift manual snapshot 90 days", REDSHIFT_SNAPSHOT, { snapshotIdentifier: "s", clusterIdentifier: "c", manualSnapshotRetentionPeriod: 90 }),
        res("Redshift cross-region copy 30 days (manual copies omitted: indefinitely)", REDSHIFT_COPY, { clusterIdentifier: "c", destinationRegion: "eu-central-1", retentionPeriod: 30 }),
        res("Redshift Serverless snapshot omitted (indefinitely by default)", SERVERLESS_SNAPSHOT, { namespaceName: "n", snapshotName: "s" }),
        res("Redshift Serverless snapshot 30 days", SERVERLESS_SNAPSHOT, { namespaceName: "n", snapshotName: "s", retentionPeriod: 30 }),
        res("FSx Lustre 30 days", LUSTRE, { deploymentType: "PERSISTENT_2", automaticBackupRetentionDays: 30 }),
        res("FSx Windows 30 days", WINDOWS, { automaticBackupRetentionDays: 30 }),
        res("FSx Windows omitted (7 by default) against staging's 7-day floor", WINDOWS, {}, { minimumDays: 7 }),
        res("FSx ONTAP 30 days", ONTAP, { automaticBackupRetentionDays: 30 }),
        res("FSx OpenZFS 35 days", OPENZFS, { automaticBackupRetentionDays: 35 }),
        res("ElastiCache Redis cluster 30 days", CACHE, { engine: "redis", snapshotRetentionLimit: 30 }),
        res("ElastiCache Valkey serverless cache 30 snapshots", SERVERLESS_CACHE, { engine: "valkey", snapshotRetentionLimit: 30 }),
        res("MemoryDB 30 days", MEMORYDB, { snapshotRetentionLimit: 30 }),
        res("RDS backups replicated to another region 30 days", RDS_REPLICATION, { ...SOURCE, retentionPeriod: 30 }),
        res("Lightsail database with backupRetentionEnabled omitted (on by default)", LIGHTSAIL, { blueprintId: "postgres_16", bundleId: "micro_2_0" }),
        res("Lightsail database with automated backups on", LIGHTSAIL, { blueprintId: "postgres_16", bundleId: "micro_2_0", backupRetentionEnabled: true }),
        res("Keyspaces table with PITR ENABLED (35 days)", KEYSPACES, { keyspaceName: "k", tableName: "t", pointInTimeRecovery: { status: "ENABLED" } }),
        res("Keyspaces table with PITR off against a floor of 0", KEYSPACES, { keyspaceName: "k", tableName: "t" }, { minimumDays: 0 }),
        res("DynamoDB table replica with PITR on", TABLE_REPLICA, { globalTableArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/t", pointInTimeRecovery: true }),
        res("DynamoDB table with PITR on, recoveryPeriodInDays omitted (35)", TABLE, { hashKey: "id", pointInTimeRecovery: { enabled: true } }),
        res("DynamoDB table with PITR on for 30 days and a replica with PITR on", TABLE, { hashKey: "id", pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 30 }, replicas: [{ regionName: "eu-central-1", pointInTimeRecovery: true }] }),
    ],
    violating: [
        res("DocumentDB 1 day", DOCDB, { backupRetentionPeriod: 1 }),
        res("DocumentDB omitted (1 day)", DOCDB, {}),
        res("DocumentDB elastic cluster 7 days", DOCDB_ELASTIC, { backupRetentionPeriod: 7 }),
        res("DocumentDB elastic cluster omitted (1 day)", DOCDB_ELASTIC, { shardCapacity: 2, shardCount: 1 }),
        res("Neptune omitted (1 day)", NEPTUNE, {}),
        res("Redshift 7 days", REDSHIFT, { automatedSnapshotRetentionPeriod: 7 }),
        res("Redshift omitted (automated snapshots 1 day)", REDSHIFT, { nodeType: "ra3.xlplus" }),
        res("Redshift automated snapshots 35 days, manual snapshots 7 days", REDSHIFT, { automatedSnapshotRetentionPeriod: 35, manualSnapshotRetentionPeriod: 7 }),
        res("Redshift manual snapshot kept 7 days", REDSHIFT_SNAPSHOT, { snapshotIdentifier: "s", clusterIdentifier: "c", manualSnapshotRetentionPeriod: 7 }),
        res("Redshift cross-region copy omitted (7 days)", REDSHIFT_COPY, { clusterIdentifier: "c", destinationRegion: "eu-central-1" }),
        res("Redshift cross-region copy 30 days, manual copies 10 days", REDSHIFT_COPY, { clusterIdentifier: "c", destinationRegion: "eu-central-1", retentionPeriod: 30, manualSnapshotRetentionPeriod: 10 }),
        res("Redshift Serverless snapshot 7 days", SERVERLESS_SNAPSHOT, { namespaceName: "n", snapshotName: "s", retentionPeriod: 7 }),
        res("FSx Lustre omitted (no backups)", LUSTRE, { deploymentType: "PERSISTENT_2" }),
        res("FSx Windows omitted (7 days)", WINDOWS, {}),
        res("FSx OpenZFS 0 (backups off)", OPENZFS, { automaticBackupRetentionDays: 0 }),
        res("FSx ONTAP omitted (the provider sends 0: no backups)", ONTAP, { deploymentType: "MULTI_AZ_1" }),
        res("FSx OpenZFS omitted (the provider sends 0: no backups)", OPENZFS, { deploymentType: "SINGLE_AZ_2" }),
        res("ElastiCache Redis cluster omitted (no snapshots)", CACHE, { engine: "redis", nodeType: "cache.t4g.small" }),
        res("ElastiCache Valkey cluster 7 days", CACHE, { engine: "valkey", snapshotRetentionLimit: 7 }),
        res("ElastiCache Redis serverless cache omitted (no snapshots)", SERVERLESS_CACHE, { engine: "redis" }),
        res("ElastiCache Valkey serverless cache 7 snapshots", SERVERLESS_CACHE, { engine: "valkey", snapshotRetentionLimit: 7 }),
        res("MemoryDB omitted (no snapshots)", MEMORYDB, { nodeType: "db.t4g.small" }),
        res("MemoryDB 7 days", MEMORYDB, { snapshotRetentionLimit: 7 }),
        res("RDS backups replicated to another region, omitted (7 days)", RDS_REPLICATION, SOURCE),
        res("Lightsail database with automated backups off", LIGHTSAIL, { blueprintId: "postgres_16", bundleId: "micro_2_0", backupRetentionEnabled: false }),
        res("Keyspaces table with PITR omitted (DISABLED)", KEYSPACES, { keyspaceName: "k", tableName: "t" }),
        res("Keyspaces table with PITR DISABLED", KEYSPACES, { keyspaceName: "k", tableName: "t", pointInTimeRecovery: { status: "DISABLED" } }),
        res("Keyspaces table with PITR on against a floor above its 35 days", KEYSPACES, { keyspaceName: "k", tableName: "t", pointInTimeRecovery: { status: "ENABLED" } }, { minimumDays: 60 }),
        res("DynamoDB table replica with PITR omitted (false)", TABLE_REPLICA, { globalTableArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/t" }),
        res("DynamoDB table replica with PITR off", TABLE_REPLICA, { globalTableArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/t", pointInTimeRecovery: false }),
        res("DynamoDB table with PITR kept 7 days", TABLE, { hashKey: "id", pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 7 } }),
        res("DynamoDB global table whose replica omits PITR (false)", TABLE, { hashKey: "id", pointInTimeRecovery: { enabled: true }, replicas: [{ regionName: "eu-central-1" }] }),
    ],
    unknown: [
        unknown("DocumentDB retention unknown", DOCDB, { backupRetentionPeriod: UNKNOWN }),
        unknown("DocumentDB elastic cluster retention unknown", DOCDB_ELASTIC, { backupRetentionPeriod: UNKNOWN }),
        unknown("Neptune retention unknown", NEPTUNE, { backupRetentionPeriod: UNKNOWN }),
        unknown("Redshift manual snapshot retention unknown", REDSHIFT, { automatedSnapshotRetentionPeriod: 30, manualSnapshotRetentionPeriod: UNKNOWN }),
        unknown("Redshift manual snapshot's retention unknown", REDSHIFT_SNAPSHOT, { snapshotIdentifier: "s", clusterIdentifier: "c", manualSnapshotRetentionPeriod: UNKNOWN }),
        unknown("Redshift cross-region copy retention unknown", REDSHIFT_COPY, { clusterIdentifier: "c", destinationRegion: "eu-central-1", retentionPeriod: UNKNOWN }),
        unknown("Redshift Serverless snapshot retention unknown", SERVERLESS_SNAPSHOT, { namespaceName: "n", snapshotName: "s", retentionPeriod: UNKNOWN }),
        unknown("FSx Windows retention unknown", WINDOWS, { automaticBackupRetentionDays: UNKNOWN }),
        unknown("ElastiCache cluster engine unknown", CACHE, { engine: UNKNOWN, snapshotRetentionLimit: 1 }),
        unknown("ElastiCache serverless retention unknown", SERVERLESS_CACHE, { engine: "redis", snapshotRetentionLimit: UNKNOWN }),
        unknown("MemoryDB retention unknown", MEMORYDB, { snapshotRetentionLimit: UNKNOWN }),
        unknown("RDS replicated backups retention unknown", RDS_REPLICATION, { ...SOURCE, retentionPeriod: UNKNOWN }),
        unknown("Lightsail backupRetentionEnabled unknown", LIGHTSAIL, { blueprintId: "postgres_16", bundleId: "micro_2_0", backupRetentionEnabled: UNKNOWN }),
        unknown("Keyspaces PITR status unknown", KEYSPACES, { keyspaceName: "k", tableName: "t", pointInTimeRecovery: { status: UNKNOWN } }),
        unknown("DynamoDB table replica PITR unknown", TABLE_REPLICA, { globalTableArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/t", pointInTimeRecovery: UNKNOWN }),
        unknown("DynamoDB recoveryPeriodInDays unknown", TABLE, { hashKey: "id", pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: UNKNOWN } }),
        // A cluster joining a replication group whose ID comes from another resource: still a member, the group's rule judges it.
        { ...res("ElastiCache cluster in a replication group whose ID is unknown", CACHE, { replicationGroupId: UNKNOWN }), expect: "compliant" },
    ],
    ignored: [
        res("RDS instances are rds-backup-retention's", "aws:rds/instance:Instance", {}),
        res("ElastiCache replication groups are elasticache-snapshot-retention's", "aws:elasticache/replicationGroup:ReplicationGroup", {}),
        res("ElastiCache cluster in a replication group (the group's retention applies)", CACHE, { replicationGroupId: "rg-1" }),
        res("ElastiCache Memcached cluster (no snapshots)", CACHE, { engine: "memcached" }),
        res("ElastiCache Memcached serverless cache", SERVERLESS_CACHE, { engine: "memcached" }),
        res("DynamoDB table with PITR off is dynamodb-point-in-time-recovery's", TABLE, { hashKey: "id" }),
        res("Kinesis stream retention is data retention, not a backup", "aws:kinesis/stream:Stream", { retentionPeriod: 24 }),
        res("Recycle Bin rule", "aws:rbin/rule:Rule", { resourceType: "EBS_SNAPSHOT", retentionPeriod: { retentionPeriodUnit: "DAYS", retentionPeriodValue: 1 } }),
    ],
    messages: {
        "DocumentDB 1 day": ["backupRetentionPeriod 1 day(s) is below the floor of 30 days"],
        "DocumentDB omitted (1 day)": ["backupRetentionPeriod omitted, so 1 day(s) by default, is below the floor of 30 days"],
        "DocumentDB elastic cluster 7 days": ["backupRetentionPeriod 7 day(s) is below the floor of 30 days"],
        "DocumentDB elastic cluster omitted (1 day)": ["backupRetentionPeriod omitted, so 1 day(s) by default, is below the floor of 30 days"],
        "Neptune omitted (1 day)": ["backupRetentionPeriod omitted, so 1 day(s) by default, is below the floor of 30 days"],
        "Redshift 7 days": ["automatedSnapshotRetentionPeriod 7 day(s) is below the floor of 30 days"],
        "Redshift omitted (automated snapshots 1 day)": ["automatedSnapshotRetentionPeriod omitted, so 1 day(s) by default, is below the floor of 30 days"],
        "Redshift automated snapshots 35 days, manual snapshots 7 days": ["manualSnapshotRetentionPeriod 7 day(s) is below the floor of 30 days"],
        "Redshift manual snapshot kept 7 days": ["manualSnapshotRetentionPeriod 7 day(s) is below the floor of 30 days"],
        "Redshift cross-region copy omitted (7 days)": ["retentionPeriod omitted, so 7 day(s) by default, is below the floor of 30 days"],
        "Redshift cross-region copy 30 days, manual copies 10 days": ["manualSnapshotRetentionPeriod 10 day(s) is below the floor of 30 days"],
        "Redshift Serverless snapshot 7 days": ["retentionPeriod 7 day(s) is below the floor of 30 days"],
        "FSx Lustre omitted (no backups)": ["automaticBackupRetentionDays omitted, so 0 (no backups) by default, is below the floor of 30 days"],
        "FSx Windows omitted (7 days)": ["automaticBackupRetentionDays omitted, so 7 day(s) by default, is below the floor of 30 days"],
        "FSx OpenZFS 0 (backups off)": ["automaticBackupRetentionDays 0 (no backups) is below the floor of 30 days"],
        "FSx ONTAP omitted (the provider sends 0: no backups)": ["automaticBackupRetentionDays omitted, so 0 (no backups) by default, is below the floor of 30 days"],
        "FSx OpenZFS omitted (the provider sends 0: no backups)": ["automaticBackupRetentionDays omitted, so 0 (no backups) by default, is below the floor of 30 days"],
        "ElastiCache Redis cluster omitted (no snapshots)": ["snapshotRetentionLimit omitted, so 0 (no backups) by default, is below the floor of 30 days"],
        "ElastiCache Valkey cluster 7 days": ["snapshotRetentionLimit 7 day(s) is below the floor of 30 days"],
        "ElastiCache Redis serverless cache omitted (no snapshots)": ["snapshotRetentionLimit omitted, so 0 (no backups) by default, is below the floor of 30 days"],
        "ElastiCache Valkey serverless cache 7 snapshots": ["snapshotRetentionLimit 7 day(s) is below the floor of 30 days"],
        "MemoryDB omitted (no snapshots)": ["snapshotRetentionLimit omitted, so 0 (no backups) by default, is below the floor of 30 days"],
        "MemoryDB 7 days": ["snapshotRetentionLimit 7 day(s) is below the floor of 30 days"],
        "RDS backups replicated to another region, omitted (7 days)": ["retentionPeriod omitted, so 7 day(s) by default, is below the floor of 30 days"],
        "Lightsail database with automated backups off": ["backupRetentionEnabled false: automated backups are off (and deleted), below the floor of 30 days"],
        "Keyspaces table with PITR omitted (DISABLED)": ["point-in-time recovery is off (pointInTimeRecovery.status omitted: DISABLED by default): no continuous backups, below the floor of 30 days"],
        "Keyspaces table with PITR DISABLED": ["point-in-time recovery is off (pointInTimeRecovery.status DISABLED): no continuous backups, below the floor of 30 days"],
        "Keyspaces table with PITR on against a floor above its 35 days": ["point-in-time recovery keeps 35 days, below the floor of 60 days"],
        "DynamoDB table replica with PITR omitted (false)": ["point-in-time recovery is off (pointInTimeRecovery omitted: false by default): no continuous backups, below the floor of 30 days"],
        "DynamoDB table replica with PITR off": ["point-in-time recovery is off (pointInTimeRecovery false): no continuous backups, below the floor of 30 days"],
        "DynamoDB table with PITR kept 7 days": ["pointInTimeRecovery.recoveryPeriodInDays 7 is below the floor of 30 days"],
        "DynamoDB global table whose replica omits PITR (false)": ["replica in eu-central-1: point-in-time recovery is off (pointInTimeRecovery omitted: false by default): no continuous backups, below the floor of 30 days"],
        "DocumentDB retention unknown": ["not judged: backupRetentionPeriod unknown during preview"],
        "DocumentDB elastic cluster retention unknown": ["not judged: backupRetentionPeriod unknown during preview"],
        "Neptune retention unknown": ["not judged: backupRetentionPeriod unknown during preview"],
        "Redshift manual snapshot retention unknown": ["not judged: manualSnapshotRetentionPeriod unknown during preview"],
        "Redshift manual snapshot's retention unknown": ["not judged: manualSnapshotRetentionPeriod unknown during preview"],
        "Redshift cross-region copy retention unknown": ["not judged: retentionPeriod unknown during preview"],
        "Redshift Serverless snapshot retention unknown": ["not judged: retentionPeriod unknown during preview"],
        "FSx Windows retention unknown": ["not judged: automaticBackupRetentionDays unknown during preview"],
        "ElastiCache cluster engine unknown": ["not judged: engine unknown during preview"],
        "ElastiCache serverless retention unknown": ["not judged: snapshotRetentionLimit unknown during preview"],
        "MemoryDB retention unknown": ["not judged: snapshotRetentionLimit unknown during preview"],
        "RDS replicated backups retention unknown": ["not judged: retentionPeriod unknown during preview"],
        "Lightsail backupRetentionEnabled unknown": ["not judged: backupRetentionEnabled unknown during preview"],
        "Keyspaces PITR status unknown": ["not judged: pointInTimeRecovery.status unknown during preview"],
        "DynamoDB table replica PITR unknown": ["not judged: pointInTimeRecovery unknown during preview"],
        "DynamoDB recoveryPeriodInDays unknown": ["not judged: pointInTimeRecovery.recoveryPeriodInDays unknown during preview"],
    },
};
