import type { Case, RuleCases } from "../../cases";
import { BUCKET, bucket } from "./cases-common";

/** Cases of s3-public-access-blocked (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });

export const cases: RuleCases = {
    compliant: [{ title: "full block", stack: bucket("data") }, { title: "service principal allowed", stack: bucket("logs", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: "*" }] }) }) }],
    violating: [{ title: "partial block", stack: bucket("data", { block: false }), flagged: ["data"] },
        { title: "public ACL companion", stack: bucket("data", { extra: [{ type: "aws:s3/bucketAcl:BucketAcl", name: "acl", deps: { bucket: ["data"] }, props: { acl: "public-read" } }] }), flagged: ["data"] },
        { title: "Principal * policy", stack: bucket("data", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] }) }), flagged: ["data"] },
        { title: "website", stack: bucket("site", { extra: [{ type: "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", name: "w", deps: { bucket: ["site"] }, props: { indexDocument: { suffix: "index.html" } } }] }), flagged: ["site"] }],
    unknown: [unk("one block's flags unknown", "not-judged", { title: "", flagged: ["bare"], stack: [{ type: BUCKET, name: "u", props: {} }, { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: "p", deps: { bucket: ["u"] }, props: { blockPublicAcls: UNKNOWN } }, { type: BUCKET, name: "bare", props: {} }] })],
    messages: {
        "partial block": ["bucket data has no public access block with all four settings on"],
        "public ACL companion": ["bucket data has the public-read ACL"],
        "Principal * policy": ["bucket data has a policy that allows everyone (Principal \"*\") without a condition"],
        "website": ["bucket site hosts a static website (public, HTTP only); use CloudFront with origin access control"],
        "one block's flags unknown": ["bucket bare has no public access block with all four settings on", "not judged: u: blockPublicAcls unknown during preview"],
    },
};
