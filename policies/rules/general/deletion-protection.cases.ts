import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of general-deletion-protection (test/policies/unit.test.ts runs them in-process). */
const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k";
const RDS = "aws:rds/instance:Instance";
const GOOD_DB = {
    engine: "postgres", storageEncrypted: true, kmsKeyId: KEY, multiAz: true, backupRetentionPeriod: 30, deletionProtection: true, skipFinalSnapshot: false,
    finalSnapshotIdentifier: "final", publiclyAccessible: false, manageMasterUserPassword: true, performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY,
};
const LB = "aws:lb/loadBalancer:LoadBalancer";

export const cases: RuleCases = {
    compliant: [res("RDS", RDS, GOOD_DB), res("ALB", LB, { enableDeletionProtection: true }), res("DocumentDB", "aws:docdb/cluster:Cluster", { deletionProtection: true })],
    violating: [res("RDS omitted", RDS, {}), res("ALB omitted", "aws:alb/loadBalancer:LoadBalancer", {}), res("Neptune off", "aws:neptune/cluster:Cluster", { deletionProtection: false })],
    unknown: [unk("unknown", "not-judged", res("", RDS, { deletionProtection: UNKNOWN }))],
    messages: {
        "RDS omitted": ["deletion protection is off"],
        "ALB omitted": ["deletion protection is off"],
        "Neptune off": ["deletion protection is off"],
        "unknown": ["not judged: deletionProtection unknown during preview"],
    },
};
