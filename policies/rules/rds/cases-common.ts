import { UNKNOWN, unk, type Case } from "../../cases";

export { UNKNOWN, unk };

/** Shared fixtures of the rds folder's cases (no rule here: the registry skips files that do not export `rule`). */
export const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k";
export const RDS = "aws:rds/instance:Instance";
export const RDS_CLUSTER = "aws:rds/cluster:Cluster";
export const CLUSTER_INSTANCE = "aws:rds/clusterInstance:ClusterInstance";
/** An instance that passes every rds-* rule. */
export const GOOD_DB = {
    engine: "postgres", storageEncrypted: true, kmsKeyId: KEY, multiAz: true, backupRetentionPeriod: 30, deletionProtection: true, skipFinalSnapshot: false,
    finalSnapshotIdentifier: "final", publiclyAccessible: false, manageMasterUserPassword: true, performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY,
};
export const res = (title: string, type: string, props: Record<string, unknown>, config?: Record<string, unknown>): Case => ({ title, resource: { type, props, ...(config ? { config } : {}) } });
