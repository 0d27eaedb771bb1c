import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of general-stateful-resources-protected (test/policies/unit.test.ts runs them in-process). */
const TAGS = { owner: "team", "cost-center": "cc", "data-classification": "restricted", environment: "production" };
const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k";
const RDS = "aws:rds/instance:Instance";
const GOOD_DB = {
    engine: "postgres", storageEncrypted: true, kmsKeyId: KEY, multiAz: true, backupRetentionPeriod: 30, deletionProtection: true, skipFinalSnapshot: false,
    finalSnapshotIdentifier: "final", publiclyAccessible: false, manageMasterUserPassword: true, performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY,
};
const BUCKET = "aws:s3/bucket:Bucket";

export const cases: RuleCases = {
    compliant: [res("protected key", "aws:kms/key:Key", {}), res("log destination bucket (tag)", BUCKET, { tags: { ...TAGS, purpose: "log-destination" } }, { protect: false })],
    violating: [res("unprotected key", "aws:kms/key:Key", {}, { protect: false }), res("bucket named like logs is not exempt", BUCKET, { tags: { ...TAGS, purpose: "catalog logs" } }, { protect: false, name: "catalog-logs" }),
        res("unprotected DynamoDB table", "aws:dynamodb/table:Table", {}, { protect: false }),
        // The log-destination exemption is for buckets (log delivery cannot write to SSE-KMS), never for other types.
        res("database tagged log-destination is not exempt", RDS, { ...GOOD_DB, tags: { ...TAGS, purpose: "log-destination" } }, { protect: false }),
        res("key tagged log-destination is not exempt", "aws:kms/key:Key", { tags: { ...TAGS, purpose: "log-destination" } }, { protect: false })],
    unknown: [unk("purpose tag unknown", "not-judged", res("", BUCKET, { tags: UNKNOWN }, { protect: false }))],
    ignored: [res("log group (stateless)", "aws:cloudwatch/logGroup:LogGroup", {}, { protect: false })],
    messages: {
        "unprotected key": ["resource is not protected (protect: false)"],
        "bucket named like logs is not exempt": ["resource is not protected (protect: false)"],
        "unprotected DynamoDB table": ["resource is not protected (protect: false)"],
        "database tagged log-destination is not exempt": ["resource is not protected (protect: false)"],
        "key tagged log-destination is not exempt": ["resource is not protected (protect: false)"],
        "purpose tag unknown": ["not judged: tags unknown during preview"],
    },
};
