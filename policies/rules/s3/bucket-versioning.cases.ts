import type { Case, RuleCases } from "../../cases";
import { BUCKET, bucket } from "./cases-common";

/** Cases of s3-bucket-versioning (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });

export const cases: RuleCases = {
    compliant: [{ title: "versioned", stack: bucket("data") }, { title: "BucketV2 inline versionings", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "v2", props: { versionings: [{ enabled: true }] } }] }],
    violating: [{ title: "suspended", stack: bucket("data", { versioning: "Suspended" }), flagged: ["data"] }, { title: "none", stack: [{ type: BUCKET, name: "bare", props: {} }], flagged: ["bare"] }],
    unknown: [unk("status unknown on one bucket", "not-judged", { title: "", flagged: ["bare"], stack: [{ type: BUCKET, name: "u", props: {} }, { type: "aws:s3/bucketVersioning:BucketVersioning", name: "v", deps: { bucket: ["u"] }, props: { versioningConfiguration: UNKNOWN } }, { type: BUCKET, name: "bare", props: {} }] })],
    messages: {
        "suspended": ["bucket data is not versioned"],
        "none": ["bucket bare is not versioned"],
        "status unknown on one bucket": ["bucket bare is not versioned", "not judged: u: versioningConfiguration unknown during preview"],
    },
};
