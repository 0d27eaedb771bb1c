import type { Case, ResourceCase, RuleCases } from "../../cases";

/** Cases of general-encryption-at-rest (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k";
const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<ResourceCase> = {}): Case => ({ title, resource: { type, props, ...extra } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });
const RDS = "aws:rds/instance:Instance";
const BUCKET = "aws:s3/bucket:Bucket";
const PROD = { config: { requireCustomerManagedKey: true } };
const FW = "aws:networkfirewall/firewall:Firewall";

export const cases: RuleCases = {
    compliant: [
        // Production: each type's customer-managed key input.
        res("DynamoDB SSE with a CMK", "aws:dynamodb/table:Table", { serverSideEncryption: { enabled: true, kmsKeyArn: KEY } }, PROD),
        res("DynamoDB table replica with a CMK", "aws:dynamodb/tableReplica:TableReplica", { globalTableArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/t", kmsKeyArn: KEY }, PROD),
        res("Elasticsearch domain with a CMK", "aws:elasticsearch/domain:Domain", { encryptAtRest: { enabled: true, kmsKeyId: KEY } }, PROD),
        res("Firehose with CUSTOMER_MANAGED_CMK (any case)", "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", { destination: "extended_s3", serverSideEncryption: { enabled: true, keyType: "customer_managed_cmk", keyArn: KEY } }, PROD),
        res("Kinesis KMS with a CMK", "aws:kinesis/stream:Stream", { encryptionType: "KMS", kmsKeyId: KEY }, PROD),
        res("DAX with SSE (AWS-owned key, outside production)", "aws:dax/cluster:Cluster", { serverSideEncryption: { enabled: true } }),
        res("Redshift with a CMK", "aws:redshift/cluster:Cluster", { encrypted: true, kmsKeyId: KEY }, PROD),
        res("SQS with a CMK and SSE-SQS off", "aws:sqs/queue:Queue", { sqsManagedSseEnabled: false, kmsMasterKeyId: KEY }, PROD),
        res("EKS secrets with a CMK", "aws:eks/cluster:Cluster", { encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } } }, PROD),
        res("MSK with a CMK", "aws:msk/cluster:Cluster", { encryptionInfo: { encryptionAtRestKmsKeyArn: KEY } }, PROD),
        res("ECR KMS with a CMK (any case)", "aws:ecr/repository:Repository", { encryptionConfigurations: [{ encryptionType: "kms", kmsKey: KEY }] }, PROD),
        res("DocumentDB with a CMK", "aws:docdb/cluster:Cluster", { storageEncrypted: true, kmsKeyId: KEY }, PROD),
        res("Network Firewall with a CUSTOMER_KMS key (nested keyId)", FW, { encryptionConfiguration: { type: "CUSTOMER_KMS", keyId: KEY } }, PROD),
        res("TLS inspection configuration with a CMK (list of settings)", "aws:networkfirewall/tlsInspectionConfiguration:TlsInspectionConfiguration", { encryptionConfigurations: [{ type: "CUSTOMER_KMS", keyId: KEY }] }, PROD),
        res("Glue security configuration, CMK two levels down", "aws:glue/securityConfiguration:SecurityConfiguration", { encryptionConfiguration: {
            cloudwatchEncryption: { cloudwatchEncryptionMode: "DISABLED" }, jobBookmarksEncryption: { jobBookmarksEncryptionMode: "DISABLED" }, s3Encryption: { s3EncryptionMode: "SSE-KMS", kmsKeyArn: KEY } } }, PROD),
        res("App Runner with a CMK", "aws:apprunner/service:Service", { encryptionConfiguration: { kmsKey: KEY } }, PROD),
        res("EFS encrypted", "aws:efs/fileSystem:FileSystem", { encrypted: true }), res("DynamoDB (always encrypted)", "aws:dynamodb/table:Table", {}),
        res("OpenSearch with CMK (production)", "aws:opensearch/domain:Domain", { encryptAtRest: { enabled: true, kmsKeyId: KEY } }, { config: { requireCustomerManagedKey: true } }),
        res("Kinesis KMS (any case)", "aws:kinesis/stream:Stream", { encryptionType: "kms", kmsKeyId: KEY }), res("SQS default SSE-SQS", "aws:sqs/queue:Queue", {}),
        res("Redshift omitted (default encrypted)", "aws:redshift/cluster:Cluster", {})],
    violating: [
        res("DynamoDB SSE enabled with the AWS-managed key (no kmsKeyArn)", "aws:dynamodb/table:Table", { serverSideEncryption: { enabled: true } }, PROD),
        res("DynamoDB kmsKeyArn with SSE disabled (the AWS-owned key is used)", "aws:dynamodb/table:Table", { serverSideEncryption: { enabled: false, kmsKeyArn: KEY } }, PROD),
        res("DynamoDB table replica without a CMK", "aws:dynamodb/tableReplica:TableReplica", { globalTableArn: "arn:aws:dynamodb:eu-west-1:111122223333:table/t" }, PROD),
        res("OpenSearch encrypted with the AWS-managed key", "aws:opensearch/domain:Domain", { encryptAtRest: { enabled: true } }, PROD),
        res("Elasticsearch encryption disabled", "aws:elasticsearch/domain:Domain", { encryptAtRest: { enabled: false } }),
        res("Firehose SSE with the AWS-owned key", "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", { destination: "extended_s3", serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" } }, PROD),
        res("Kinesis with the AWS-managed alias/aws/kinesis", "aws:kinesis/stream:Stream", { encryptionType: "KMS", kmsKeyId: "alias/aws/kinesis" }, PROD),
        res("Kinesis omitted (default NONE)", "aws:kinesis/stream:Stream", { shardCount: 1 }),
        res("DAX omitted (SSE off by default)", "aws:dax/cluster:Cluster", { nodeType: "dax.r4.large" }),
        res("DAX with SSE in production (AWS-owned keys only)", "aws:dax/cluster:Cluster", { serverSideEncryption: { enabled: true } }, PROD),
        res("Redshift encrypted false", "aws:redshift/cluster:Cluster", { encrypted: false }),
        res("Redshift encrypted with the AWS-managed key", "aws:redshift/cluster:Cluster", { encrypted: true }, PROD),
        res("SQS with SSE-SQS in production", "aws:sqs/queue:Queue", {}, PROD),
        res("SQS with the AWS-managed alias/aws/sqs", "aws:sqs/queue:Queue", { kmsMasterKeyId: "alias/aws/sqs" }, PROD),
        res("MSK with the AWS-managed key", "aws:msk/cluster:Cluster", { encryptionInfo: { encryptionInTransit: { clientBroker: "TLS" } } }, PROD),
        res("ECR default AES256 in production", "aws:ecr/repository:Repository", {}, PROD),
        res("ECR KMS with the AWS-managed key (no kmsKey)", "aws:ecr/repository:Repository", { encryptionConfigurations: [{ encryptionType: "KMS" }] }, PROD),
        res("DocumentDB encrypted with the AWS-managed key", "aws:docdb/cluster:Cluster", { storageEncrypted: true }, PROD),
        res("Network Firewall with the AWS-owned key", FW, { encryptionConfiguration: { type: "AWS_OWNED_KMS_KEY" } }, PROD),
        res("Network Firewall with an empty keyId", FW, { encryptionConfiguration: { type: "CUSTOMER_KMS", keyId: "" } }, PROD),
        res("TLS inspection configuration with the AWS-owned key", "aws:networkfirewall/tlsInspectionConfiguration:TlsInspectionConfiguration", { encryptionConfigurations: [{ type: "AWS_OWNED_KMS_KEY" }] }, PROD),
        res("Glue security configuration with SSE-S3 only", "aws:glue/securityConfiguration:SecurityConfiguration", { encryptionConfiguration: {
            cloudwatchEncryption: { cloudwatchEncryptionMode: "DISABLED" }, jobBookmarksEncryption: { jobBookmarksEncryptionMode: "DISABLED" }, s3Encryption: { s3EncryptionMode: "SSE-S3" } } }, PROD),
        res("EFS omitted (default off)", "aws:efs/fileSystem:FileSystem", {}), res("Neptune cluster omitted", "aws:neptune/cluster:Cluster", {}),
        res("DocumentDB false", "aws:docdb/cluster:Cluster", { storageEncrypted: false }), res("OpenSearch omitted", "aws:opensearch/domain:Domain", {}),
        res("Kinesis NONE", "aws:kinesis/stream:Stream", { encryptionType: "NONE" }), res("Firehose without SSE", "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", { destination: "extended_s3" }),
        res("SQS with SSE-SQS off", "aws:sqs/queue:Queue", { sqsManagedSseEnabled: false }), res("EKS without secrets encryption", "aws:eks/cluster:Cluster", {}),
        res("DynamoDB with the AWS-owned key in production", "aws:dynamodb/table:Table", {}, { config: { requireCustomerManagedKey: true } }),
        res("FSx without a CMK in production", "aws:fsx/lustreFileSystem:LustreFileSystem", {}, { config: { requireCustomerManagedKey: true } })],
    unknown: [
        unk("nested key unknown counts as a CMK", "compliant", res("", FW, { encryptionConfiguration: { type: "CUSTOMER_KMS", keyId: UNKNOWN } }, PROD)),
        unk("whole setting unknown counts as a CMK", "compliant", res("", "aws:apprunner/service:Service", { encryptionConfiguration: UNKNOWN }, PROD)),
        unk("flag unknown", "not-judged", res("", "aws:efs/fileSystem:FileSystem", { encrypted: UNKNOWN })),
        unk("key from the same run counts as a CMK", "compliant", res("", "aws:efs/fileSystem:FileSystem", { encrypted: true, kmsKeyId: UNKNOWN }, { config: { requireCustomerManagedKey: true } }))],
    ignored: [res("RDS is judged by rds-storage-encrypted", RDS, {}), res("S3 bucket is judged by s3-bucket-encrypted", BUCKET, {})],
    messages: {
        "DynamoDB SSE enabled with the AWS-managed key (no kmsKeyArn)": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set serverSideEncryption { enabled: true, kmsKeyArn }"],
        "DynamoDB kmsKeyArn with SSE disabled (the AWS-owned key is used)": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set serverSideEncryption { enabled: true, kmsKeyArn }"],
        "DynamoDB table replica without a CMK": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set kmsKeyArn"],
        "OpenSearch encrypted with the AWS-managed key": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set encryptAtRest { enabled: true, kmsKeyId }"],
        "Elasticsearch encryption disabled": ["not encrypted at rest (effective value off; the provider's default is off): set encryptAtRest { enabled: true, kmsKeyId }"],
        "Firehose SSE with the AWS-owned key": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set serverSideEncryption { enabled: true, keyType: CUSTOMER_MANAGED_CMK, keyArn }"],
        "Kinesis with the AWS-managed alias/aws/kinesis": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set encryptionType: KMS and kmsKeyId"],
        "Kinesis omitted (default NONE)": ["not encrypted at rest (effective value off; the provider's default is off): set encryptionType: KMS and kmsKeyId"],
        "DAX omitted (SSE off by default)": ["not encrypted at rest (effective value off; the provider's default is off): set serverSideEncryption { enabled: true } (DAX supports AWS-owned keys only)"],
        "DAX with SSE in production (AWS-owned keys only)": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set serverSideEncryption { enabled: true } (DAX supports AWS-owned keys only)"],
        "Redshift encrypted false": ["not encrypted at rest (effective value off; the provider's default is off): set encrypted: true and kmsKeyId"],
        "Redshift encrypted with the AWS-managed key": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set encrypted: true and kmsKeyId"],
        "SQS with SSE-SQS in production": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set kmsMasterKeyId (a customer-managed key)"],
        "SQS with the AWS-managed alias/aws/sqs": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set kmsMasterKeyId (a customer-managed key)"],
        "MSK with the AWS-managed key": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set encryptionInfo.encryptionAtRestKmsKeyArn"],
        "ECR default AES256 in production": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set encryptionConfigurations [{ encryptionType: KMS, kmsKey }]"],
        "ECR KMS with the AWS-managed key (no kmsKey)": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set encryptionConfigurations [{ encryptionType: KMS, kmsKey }]"],
        "DocumentDB encrypted with the AWS-managed key": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set storageEncrypted: true and kmsKeyId"],
        "Network Firewall with the AWS-owned key": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set encryptionConfiguration"],
        "Network Firewall with an empty keyId": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set encryptionConfiguration"],
        "TLS inspection configuration with the AWS-owned key": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set encryptionConfigurations"],
        "Glue security configuration with SSE-S3 only": ["encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set encryptionConfiguration"],
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
