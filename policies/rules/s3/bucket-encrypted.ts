import { asArray, RuleFinding, judgeEach, raw, stackRule } from "../../framework";
import { isLogDestination } from "../../support/log-destination";
import { BUCKET_TYPES, bucketCompanions, isBucket } from "./common";
import { ENCRYPTION_AT_REST } from "../../controls";

export const rule = stackRule({
    name: "s3-bucket-encrypted",
    controls: ENCRYPTION_AT_REST,
    displayName: "S3 buckets encrypted with KMS",
    description: "Data buckets default to SSE-KMS with a customer key; buckets tagged purpose: log-destination may use SSE-S3 (S3 server access logging and ELB log delivery cannot write to SSE-KMS buckets).",
    remediation: "Add an aws.s3.BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms, a kmsMasterKeyId and bucketKeyEnabled.",
    concern: "encryption-at-rest",
    severity: "high",
    types: BUCKET_TYPES,
    check: (resources) => judgeEach(resources.filter(isBucket), (bucket): RuleFinding | undefined => {
        const configs = bucketCompanions(resources, bucket, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
        // Inline forms: Bucket's serverSideEncryptionConfiguration.rule, BucketV2's serverSideEncryptionConfigurations[].rules.
        const inline = [raw(bucket.props).serverSideEncryptionConfiguration === undefined ? undefined : bucket.props.serverSideEncryptionConfiguration,
            ...(raw(bucket.props).serverSideEncryptionConfigurations === undefined ? [] : asArray<any>(bucket.props.serverSideEncryptionConfigurations))];
        const rules = [...configs.flatMap((c) => asArray<any>(c.props.rules)), ...inline.flatMap((i) => asArray<any>(i?.rule ?? i?.rules))];
        const algorithms = rules.map((r) => r?.applyServerSideEncryptionByDefault?.sseAlgorithm).filter((a): a is string => typeof a === "string");
        const at = { urn: bucket.urn, name: bucket.name };
        if (algorithms.some((a) => a.toLowerCase() === "aws:kms" || a.toLowerCase() === "aws:kms:dsse")) return undefined;
        if (algorithms.includes("AES256") && isLogDestination(bucket.props)) return undefined;
        return { ...at, message: algorithms.length ? `bucket ${bucket.name} uses ${algorithms.join(", ")}, not SSE-KMS` : `bucket ${bucket.name} has no server-side encryption configuration` };
    }),
});
