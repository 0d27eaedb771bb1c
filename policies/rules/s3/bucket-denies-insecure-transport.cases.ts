import type { Case, RuleCases } from "../../cases";
import { BUCKET, bucket } from "./cases-common";

/** Cases of s3-bucket-denies-insecure-transport (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });

export const cases: RuleCases = {
    compliant: [{ title: "Deny on SecureTransport false", stack: bucket("data") }, { title: "boolean false, lower-case keys", stack: bucket("data", { policy: JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: ["s3:*"], Resource: "*", Condition: { bool: { "aws:securetransport": false } } }] }) }) }],
    violating: [{ title: "no policy", stack: [{ type: BUCKET, name: "bare", props: {} }], flagged: ["bare"] }, { title: "policy without the deny", stack: bucket("data", { policy: JSON.stringify({ Statement: [] }) }), flagged: ["data"] }],
    unknown: [unk("a policy built from ${bucket.arn} does not stop the rule for another bucket", "not-judged", { title: "", flagged: ["bare"], stack: [...bucket("new", { policy: UNKNOWN }), { type: BUCKET, name: "bare", props: {} }] })],
    messages: {
        "no policy": ["bucket bare does not deny non-TLS requests"],
        "policy without the deny": ["bucket data does not deny non-TLS requests"],
        "a policy built from ${bucket.arn} does not stop the rule for another bucket": ["bucket bare does not deny non-TLS requests", "not judged: new: policy unknown during preview"],
    },
};
