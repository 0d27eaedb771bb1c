import { UNKNOWN, unk, type RuleCases } from "../../cases";
import { BUCKET, bucket } from "./cases-common";

/** Cases of s3-bucket-denies-insecure-transport (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [
        { title: "policy inline on the bucket", stack: [{ type: BUCKET, name: "b", props: { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] }) } }] },
        { title: "policy as a document object, Action *", stack: [{ type: BUCKET, name: "b", props: {} }, { type: "aws:s3/bucketPolicy:BucketPolicy", name: "p", deps: { bucket: ["b"] }, props: { policy: { Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] } } }] },
        { title: "Deny on SecureTransport false", stack: bucket("data") }, { title: "boolean false, lower-case keys", stack: bucket("data", { policy: JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: ["s3:*"], Resource: "*", Condition: { bool: { "aws:securetransport": false } } }] }) }) }],
    violating: [
        { title: "Deny only s3:GetObject without TLS", stack: [...bucket("data", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:GetObject", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] }) })], flagged: ["data"] },
        { title: "Deny when SecureTransport is true (the wrong way round)", stack: [...bucket("data", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "true" } } }] }) })], flagged: ["data"] },
        { title: "Allow (not Deny) on SecureTransport false", stack: [...bucket("data", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] }) })], flagged: ["data"] },
        { title: "policy that is not JSON", stack: [...bucket("data", { policy: "{" })], flagged: ["data"] },
        { title: "no policy", stack: [{ type: BUCKET, name: "bare", props: {} }], flagged: ["bare"] }, { title: "policy without the deny", stack: bucket("data", { policy: JSON.stringify({ Statement: [] }) }), flagged: ["data"] }],
    unknown: [
        unk("inline bucket policy unknown", "not-judged", { title: "", stack: [{ type: BUCKET, name: "b", props: { policy: UNKNOWN } }] }),
        unk("a policy built from ${bucket.arn} does not stop the rule for another bucket", "not-judged", { title: "", flagged: ["bare"], stack: [...bucket("new", { policy: UNKNOWN }), { type: BUCKET, name: "bare", props: {} }] })],
    messages: {
        "Deny only s3:GetObject without TLS": ["bucket data does not deny non-TLS requests"],
        "Deny when SecureTransport is true (the wrong way round)": ["bucket data does not deny non-TLS requests"],
        "Allow (not Deny) on SecureTransport false": ["bucket data does not deny non-TLS requests"],
        "policy that is not JSON": ["bucket data does not deny non-TLS requests"],
        "no policy": ["bucket bare does not deny non-TLS requests"],
        "policy without the deny": ["bucket data does not deny non-TLS requests"],
        "inline bucket policy unknown": ["not judged: b: policy unknown during preview"],
        "a policy built from ${bucket.arn} does not stop the rule for another bucket": ["bucket bare does not deny non-TLS requests", "not judged: new: policy unknown during preview"],
    },
};
