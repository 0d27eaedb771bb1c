import type { Case, RuleCases } from "../../cases";
import { BUCKET, KEY, TAGS, bucket } from "./cases-common";

/** Cases of s3-bucket-encrypted (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });

export const cases: RuleCases = {
    compliant: [{ title: "SSE-KMS", stack: bucket("data") }, { title: "BucketV2 inline SSE-KMS", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "inline", props: { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }] }] } }] }, { title: "log destination with SSE-S3", stack: bucket("any-name", { sse: "AES256", tags: { purpose: "log-destination" } }) }],
    violating: [{ title: "SSE-S3 on a data bucket named like logs", stack: bucket("catalog-logs", { sse: "AES256" }), flagged: ["catalog-logs"] },
        { title: "no configuration", stack: [{ type: BUCKET, name: "bare", props: { tags: TAGS } }], flagged: ["bare"] },
        { title: "BucketV2 with inline SSE-S3 rules", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "inline", props: { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }] } }], flagged: ["inline"] },
        { title: "BucketV2 with SSE-S3", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "v2", props: {} }, { type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", name: "c", deps: { bucket: ["v2"] }, props: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } }], flagged: ["v2"] }],
    unknown: [unk("one bucket's rules unknown; another still flagged", "not-judged", { title: "", flagged: ["bare"], stack: [{ type: BUCKET, name: "u", props: {} }, { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: "c", deps: { bucket: ["u"] }, props: { rules: UNKNOWN } }, { type: BUCKET, name: "bare", props: {} }] })],
    messages: {
        "SSE-S3 on a data bucket named like logs": ["bucket catalog-logs uses AES256, not SSE-KMS"],
        "no configuration": ["bucket bare has no server-side encryption configuration"],
        "BucketV2 with inline SSE-S3 rules": ["bucket inline uses AES256, not SSE-KMS"],
        "BucketV2 with SSE-S3": ["bucket v2 uses AES256, not SSE-KMS"],
        "one bucket's rules unknown; another still flagged": ["bucket bare has no server-side encryption configuration", "not judged: u: rules unknown during preview"],
    },
};
