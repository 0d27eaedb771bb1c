import { UNKNOWN, unk, type RuleCases } from "../../cases";
import { BUCKET, KEY, TAGS, bucket } from "./cases-common";

/** Cases of s3-bucket-encrypted (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [
        { title: "legacy inline rule with DSSE-KMS", stack: [{ type: BUCKET, name: "b", props: { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms:dsse", kmsMasterKeyId: KEY } } } } }] },
        { title: "BucketV2 with a V2 SSE-KMS configuration", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "v2", props: {} }, { type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", name: "c", deps: { bucket: ["v2"] }, props: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }] } }] },
        { title: "two configurations, one of them SSE-KMS", stack: [{ type: BUCKET, name: "b", props: { serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } } }, { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: "c", deps: { bucket: ["b"] }, props: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }] } }] },
        { title: "SSE-KMS", stack: bucket("data") }, { title: "BucketV2 inline SSE-KMS", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "inline", props: { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }] }] } }] }, { title: "log destination with SSE-S3", stack: bucket("any-name", { sse: "AES256", tags: { purpose: "log-destination" } }) }],
    violating: [
        { title: "legacy inline rule with SSE-S3", stack: [{ type: BUCKET, name: "b", props: { tags: TAGS, serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } } } } }], flagged: ["b"] },
        { title: "log destination without any configuration", stack: [{ type: BUCKET, name: "logs", props: { tags: { ...TAGS, purpose: "log-destination" } } }], flagged: ["logs"] },
        { title: "a configuration of another bucket", stack: [...bucket("data"), { type: BUCKET, name: "bare", props: {} }], flagged: ["bare"] },
        { title: "a rule with only bucketKeyEnabled", stack: [{ type: BUCKET, name: "b", props: {} }, { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: "c", deps: { bucket: ["b"] }, props: { rules: [{ bucketKeyEnabled: true }] } }], flagged: ["b"] },
        { title: "SSE-S3 on a data bucket named like logs", stack: bucket("catalog-logs", { sse: "AES256" }), flagged: ["catalog-logs"] },
        { title: "no configuration", stack: [{ type: BUCKET, name: "bare", props: { tags: TAGS } }], flagged: ["bare"] },
        { title: "BucketV2 with inline SSE-S3 rules", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "inline", props: { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }] } }], flagged: ["inline"] },
        { title: "BucketV2 with SSE-S3", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "v2", props: {} }, { type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", name: "c", deps: { bucket: ["v2"] }, props: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } }], flagged: ["v2"] }],
    unknown: [
        unk("legacy inline configuration unknown", "not-judged", { title: "", stack: [{ type: BUCKET, name: "b", props: { serverSideEncryptionConfiguration: UNKNOWN } }] }),
        unk("one bucket's rules unknown; another still flagged", "not-judged", { title: "", flagged: ["bare"], stack: [{ type: BUCKET, name: "u", props: {} }, { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: "c", deps: { bucket: ["u"] }, props: { rules: UNKNOWN } }, { type: BUCKET, name: "bare", props: {} }] })],
    messages: {
        "legacy inline rule with SSE-S3": ["bucket b uses AES256, not SSE-KMS"],
        "log destination without any configuration": ["bucket logs has no server-side encryption configuration"],
        "a configuration of another bucket": ["bucket bare has no server-side encryption configuration"],
        "a rule with only bucketKeyEnabled": ["bucket b has no server-side encryption configuration"],
        "SSE-S3 on a data bucket named like logs": ["bucket catalog-logs uses AES256, not SSE-KMS"],
        "no configuration": ["bucket bare has no server-side encryption configuration"],
        "BucketV2 with inline SSE-S3 rules": ["bucket inline uses AES256, not SSE-KMS"],
        "BucketV2 with SSE-S3": ["bucket v2 uses AES256, not SSE-KMS"],
        "legacy inline configuration unknown": ["not judged: b: serverSideEncryptionConfiguration unknown during preview"],
        "one bucket's rules unknown; another still flagged": ["bucket bare has no server-side encryption configuration", "not judged: u: rules unknown during preview"],
    },
};
