import * as fs from "fs";
import * as path from "path";
import { asArray, CheckResult, get, isSet, isUnknown, raw, ResourceRule } from "../../framework";
import { ENCRYPTION_AT_REST } from "../../controls";

/**
 * Encryption at rest for every @pulumi/aws resource type that has an at-rest encryption input (the list is generated
 * from the package's types into policies/data/at-rest-inputs.json by `npm run policies:data`), except the types a
 * dedicated rule judges (RDS, ElastiCache, EBS, S3, log groups, SNS, Secrets Manager, Backup vaults).
 *
 * Effective values: an omitted switch is the provider's default — off for most (`encrypted`, `storageEncrypted`,
 * OpenSearch `encryptAtRest.enabled`, Kinesis `encryptionType`…), on where AWS always encrypts (DynamoDB, SQS with
 * SSE-SQS, Redshift since provider v6, FSx, MSK…), where only the key is a choice. With `requireCustomerManagedKey`
 * (production), an AWS-owned or AWS-managed key is a violation too.
 */
interface Spec {
    /** Whether the resource is encrypted at rest with the effective values; undefined = always (AWS-owned key). */
    encrypted?(p: Record<string, any>): boolean;
    /** Whether a customer-managed key is configured. */
    customerKey(p: Record<string, any>): boolean;
    /** What to set, for the message. */
    fix: string;
}

const upper = (v: unknown) => String(v ?? "").toUpperCase();

const SPECS: Record<string, Spec> = {
    "aws:dynamodb/table:Table": { customerKey: (p) => p.serverSideEncryption?.enabled === true && isSet(p.serverSideEncryption, "kmsKeyArn"), fix: "serverSideEncryption { enabled: true, kmsKeyArn }" },
    "aws:dynamodb/tableReplica:TableReplica": { customerKey: (p) => isSet(p, "kmsKeyArn"), fix: "kmsKeyArn" },
    "aws:opensearch/domain:Domain": { encrypted: (p) => p.encryptAtRest?.enabled === true, customerKey: (p) => isSet(p.encryptAtRest ?? {}, "kmsKeyId"), fix: "encryptAtRest { enabled: true, kmsKeyId }" },
    "aws:elasticsearch/domain:Domain": { encrypted: (p) => p.encryptAtRest?.enabled === true, customerKey: (p) => isSet(p.encryptAtRest ?? {}, "kmsKeyId"), fix: "encryptAtRest { enabled: true, kmsKeyId }" },
    "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": { encrypted: (p) => p.serverSideEncryption?.enabled === true, customerKey: (p) => upper(p.serverSideEncryption?.keyType) === "CUSTOMER_MANAGED_CMK", fix: "serverSideEncryption { enabled: true, keyType: CUSTOMER_MANAGED_CMK, keyArn }" },
    "aws:kinesis/stream:Stream": { encrypted: (p) => upper(p.encryptionType) === "KMS", customerKey: (p) => isSet(p, "kmsKeyId") && p.kmsKeyId !== "alias/aws/kinesis", fix: "encryptionType: KMS and kmsKeyId" },
    "aws:dax/cluster:Cluster": { encrypted: (p) => p.serverSideEncryption?.enabled === true, customerKey: () => false, fix: "serverSideEncryption { enabled: true } (DAX supports AWS-owned keys only)" },
    "aws:redshift/cluster:Cluster": { encrypted: (p) => p.encrypted !== false, customerKey: (p) => isSet(p, "kmsKeyId"), fix: "encrypted: true and kmsKeyId" },
    "aws:sqs/queue:Queue": { encrypted: (p) => p.sqsManagedSseEnabled !== false || isSet(p, "kmsMasterKeyId"), customerKey: (p) => isSet(p, "kmsMasterKeyId") && p.kmsMasterKeyId !== "alias/aws/sqs", fix: "kmsMasterKeyId (a customer-managed key)" },
    "aws:eks/cluster:Cluster": { encrypted: (p) => isSet(p, "encryptionConfig"), customerKey: (p) => isSet(p.encryptionConfig?.provider ?? {}, "keyArn"), fix: "encryptionConfig { resources: [\"secrets\"], provider: { keyArn } }" },
    "aws:msk/cluster:Cluster": { customerKey: (p) => isSet(p.encryptionInfo ?? {}, "encryptionAtRestKmsKeyArn"), fix: "encryptionInfo.encryptionAtRestKmsKeyArn" },
    "aws:ecr/repository:Repository": { customerKey: (p) => asArray<any>(p.encryptionConfigurations).some((c) => upper(c?.encryptionType).startsWith("KMS") && isSet(c, "kmsKey")), fix: "encryptionConfigurations [{ encryptionType: KMS, kmsKey }]" },
};

/** Types whose at-rest encryption a dedicated rule judges. */
const DEDICATED = new Set([
    "aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:rds/clusterInstance:ClusterInstance", "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:elasticache/serverlessCache:ServerlessCache", "aws:ebs/volume:Volume", "aws:ebs/snapshotCopy:SnapshotCopy", "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2",
    "aws:cloudwatch/logGroup:LogGroup", "aws:sns/topic:Topic", "aws:secretsmanager/secret:Secret", "aws:backup/vault:Vault",
]);

const DATA: Record<string, { keys: string[]; flags: string[]; settings: string[] }> =
    JSON.parse(fs.readFileSync(path.join(__dirname, "../../data/at-rest-inputs.json"), "utf8")).types;

/** Generic reading for types without a spec: a flag input must be true; any key input (top-level or in the setting objects) is a customer key. */
function genericSpec(inputs: { keys: string[]; flags: string[]; settings: string[] }): Spec {
    const nestedKey = (value: unknown): boolean => {
        const v = raw(value);
        if (isUnknown(v)) return true;
        if (Array.isArray(v)) return v.some(nestedKey);
        if (v && typeof v === "object") return Object.entries(v).some(([k, x]) => (/kms|key(Arn|Id)$/i.test(k) && x !== undefined && x !== null && x !== "") || nestedKey(x));
        return false;
    };
    return {
        encrypted: inputs.flags.length > 0 ? (p) => inputs.flags.every((f) => get(p, f) === true) : undefined,
        customerKey: (p) => inputs.keys.some((k) => isSet(p, k)) || inputs.settings.filter((s) => !inputs.keys.includes(s)).some((s) => nestedKey(raw(p)[s])),
        fix: [...inputs.flags.map((f) => `${f}: true`), ...(inputs.keys.length ? [inputs.keys.join(" or ")] : inputs.settings)].join(" and "),
    };
}

export const rule: ResourceRule = {
    name: "general-encryption-at-rest",
    displayName: "Data encrypted at rest (every AWS type that offers it)",
    description: "Every AWS resource type with an at-rest encryption setting (derived from @pulumi/aws's types) is encrypted at rest with its effective value (omitted switches are the provider's default, usually off); with requireCustomerManagedKey, with a customer-managed KMS key.",
    remediation: "Turn the type's encryption setting on and point it at a customer-managed KMS key (the message names the inputs).",
    severity: "high",
    controls: ENCRYPTION_AT_REST,
    concern: "encryption-at-rest",
    types: Object.keys(DATA).filter((t) => !DEDICATED.has(t)),
    config: { requireCustomerManagedKey: { type: "boolean", default: false } },
    check: (props, args, config): CheckResult => {
        const spec = SPECS[args.type] ?? genericSpec(DATA[args.type]);
        if (spec.encrypted && !spec.encrypted(props)) return `not encrypted at rest (effective value off; the provider's default is off): set ${spec.fix}`;
        if (config.requireCustomerManagedKey && !spec.customerKey(props)) return `encrypted with an AWS-owned or AWS-managed key, not a customer-managed one: set ${spec.fix}`;
        return undefined;
    },
};
