import { UNKNOWN, unk, type Case } from "../../cases";

export { UNKNOWN, unk };

/** Shared fixtures of the elasticache folder's cases (no rule here: the registry skips files that do not export `rule`). */
export const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k";
export const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
export const CLUSTER = "aws:elasticache/cluster:Cluster";
export const SERVERLESS = "aws:elasticache/serverlessCache:ServerlessCache";
/** A replication group that passes every elasticache-* rule (the AUTH token comes from a secret created in the same run). */
export const GOOD_RG = { atRestEncryptionEnabled: true, kmsKeyId: KEY, transitEncryptionEnabled: true, transitEncryptionMode: "required", authToken: UNKNOWN, automaticFailoverEnabled: true, multiAzEnabled: true, snapshotRetentionLimit: 7 };
export const res = (title: string, type: string, props: Record<string, unknown>, config?: Record<string, unknown>): Case => ({ title, resource: { type, props, ...(config ? { config } : {}) } });
