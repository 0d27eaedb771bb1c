import { UNKNOWN, unk, type RuleCases } from "../../cases";
import { BUCKET, bucket } from "./cases-common";

/** Cases of s3-log-destination-exemptions (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [{ title: "data bucket: no exemption to report", stack: bucket("data") }],
    violating: [{ title: "log destination reported", stack: bucket("logs", { sse: "AES256", tags: { purpose: "log-destination" } }), flagged: ["logs"] },
        { title: "BucketV2 log destination reported", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "l", props: { tags: { purpose: "log-destination" } } }], flagged: ["l"] }],
    unknown: [unk("tags unknown", "not-judged", { title: "", stack: [{ type: BUCKET, name: "u", props: { tags: UNKNOWN } }] })],
    messages: {
        "log destination reported": ["exempt as a log destination (tag purpose: log-destination): SSE-S3 allowed, protect not required"],
        "BucketV2 log destination reported": ["exempt as a log destination (tag purpose: log-destination): SSE-S3 allowed, protect not required"],
        "tags unknown": ["not judged: u: tags unknown during preview"],
    },
};
