import type { Case, ResourceCase, RuleCases } from "../../cases";

/** Cases of general-encryption-at-rest (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k";
const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<ResourceCase> = {}): Case => ({ title, resource: { type, props, ...extra } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });
const RDS = "aws:rds/instance:Instance";
const BUCKET = "aws:s3/bucket:Bucket";

export const cases: RuleCases = {
    compliant: [res("EFS encrypted", "aws:efs/fileSystem:FileSystem", { encrypted: true }), res("DynamoDB (always encrypted)", "aws:dynamodb/table:Table", {}),
        res("OpenSearch with CMK (production)", "aws:opensearch/domain:Domain", { encryptAtRest: { enabled: true, kmsKeyId: KEY } }, { config: { requireCustomerManagedKey: true } }),
        res("Kinesis KMS (any case)", "aws:kinesis/stream:Stream", { encryptionType: "kms", kmsKeyId: KEY }), res("SQS default SSE-SQS", "aws:sqs/queue:Queue", {}),
        res("Redshift omitted (default encrypted)", "aws:redshift/cluster:Cluster", {})],
    violating: [res("EFS omitted (default off)", "aws:efs/fileSystem:FileSystem", {}), res("Neptune cluster omitted", "aws:neptune/cluster:Cluster", {}),
        res("DocumentDB false", "aws:docdb/cluster:Cluster", { storageEncrypted: false }), res("OpenSearch omitted", "aws:opensearch/domain:Domain", {}),
        res("Kinesis NONE", "aws:kinesis/stream:Stream", { encryptionType: "NONE" }), res("Firehose without SSE", "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", { destination: "extended_s3" }),
        res("SQS with SSE-SQS off", "aws:sqs/queue:Queue", { sqsManagedSseEnabled: false }), res("EKS without secrets encryption", "aws:eks/cluster:Cluster", {}),
        res("DynamoDB with the AWS-owned key in production", "aws:dynamodb/table:Table", {}, { config: { requireCustomerManagedKey: true } }),
        res("FSx without a CMK in production", "aws:fsx/lustreFileSystem:LustreFileSystem", {}, { config: { requireCustomerManagedKey: true } })],
    unknown: [unk("flag unknown", "not-judged", res("", "aws:efs/fileSystem:FileSystem", { encrypted: UNKNOWN })),
        unk("key from the same run counts as a CMK", "compliant", res("", "aws:efs/fileSystem:FileSystem", { encrypted: true, kmsKeyId: UNKNOWN }, { config: { requireCustomerManagedKey: true } }))],
    ignored: [res("RDS is judged by rds-storage-encrypted", RDS, {}), res("S3 bucket is judged by s3-bucket-encrypted", BUCKET, {})],
    messages: {
        "EFS omitted (default off)": ["not encrypted at rest (effective value off; the provider's default is off): set encrypted: true and kmsKeyId"],
        "Neptune cluster omitted": ["not encrypted at rest (effective value off; the provider's default is off): set storageEncrypted: true and kmsKeyArn"],
        "DocumentDB false": ["not encrypted at rest (effective value off; the provider's default is off): set storageEncrypted: true and kmsKeyId"],
        "OpenSearch omitted": ["not encrypted at rest (effective value off; the provider's default is off): set encryptAtRest { enabled: true, kmsKeyId }"],
        "Kinesis NONE": ["not encrypted at rest (effective value off; the provider's default is off): set encryptionType: KMS and kmsKeyId"],
        "Firehose without SSE": ["not encrypted at rest (effective value off; the provider's default is off): set serverSideEncryption { enabled: true, keyType: CUSTOMER_MANAGED_CMK, keyArn }"],
        "SQS with SSE-SQS off": ["not encrypted at rest (effective value off; the provider's default is off): set kmsMasterKeyId (a customer-managed key)"],
        "EKS without secrets encryption": ["not encrypted at rest (effective value off; the provider's default is off): set encryptionConfig { resources: [\"secrets\"], provider: { keyArn } }"],
        "DynamoDB with the AWS-owned key in production": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set serverSideEncryption { enabled: true, kmsKeyArn }"],
        "FSx without a CMK in production": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set kmsKeyId"],
        "flag unknown": ["not judged: encrypted unknown during preview"],
    },
};
