import { UNKNOWN, unk, type RuleCases } from "../../cases";
import { BUCKET, bucket } from "./cases-common";

/** Cases of s3-bucket-versioning (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [
        { title: "legacy inline versioning", stack: [{ type: BUCKET, name: "b", props: { versioning: { enabled: true } } }] },
        { title: "BucketV2 with a V2 versioning resource", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "v2", props: {} }, { type: "aws:s3/bucketVersioningV2:BucketVersioningV2", name: "v", deps: { bucket: ["v2"] }, props: { versioningConfiguration: { status: "Enabled" } } }] },
        { title: "versioned", stack: bucket("data") }, { title: "BucketV2 inline versionings", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "v2", props: { versionings: [{ enabled: true }] } }] }],
    violating: [
        { title: "legacy inline versioning disabled", stack: [{ type: BUCKET, name: "b", props: { versioning: { enabled: false } } }], flagged: ["b"] },
        { title: "BucketV2 inline versionings disabled", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "v2", props: { versionings: [{ enabled: false }] } }], flagged: ["v2"] },
        { title: "versioning resource of another bucket", stack: [...bucket("data"), { type: BUCKET, name: "bare", props: {} }], flagged: ["bare"] },
        { title: "suspended", stack: bucket("data", { versioning: "Suspended" }), flagged: ["data"] }, { title: "none", stack: [{ type: BUCKET, name: "bare", props: {} }], flagged: ["bare"] }],
    unknown: [unk("status unknown on one bucket", "not-judged", { title: "", flagged: ["bare"], stack: [{ type: BUCKET, name: "u", props: {} }, { type: "aws:s3/bucketVersioning:BucketVersioning", name: "v", deps: { bucket: ["u"] }, props: { versioningConfiguration: UNKNOWN } }, { type: BUCKET, name: "bare", props: {} }] })],
    messages: {
        "legacy inline versioning disabled": ["bucket b is not versioned"],
        "BucketV2 inline versionings disabled": ["bucket v2 is not versioned"],
        "versioning resource of another bucket": ["bucket bare is not versioned"],
        "suspended": ["bucket data is not versioned"],
        "none": ["bucket bare is not versioned"],
        "status unknown on one bucket": ["bucket bare is not versioned", "not judged: u: versioningConfiguration unknown during preview"],
    },
};
