import { UNKNOWN, unk, type RuleCases } from "../../cases";
import { BUCKET, bucket } from "./cases-common";

/** Cases of s3-public-access-blocked (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [
        { title: "private ACL with a grant to a canonical user", stack: bucket("data", { extra: [{ type: "aws:s3/bucketAcl:BucketAcl", name: "acl", deps: { bucket: ["data"] }, props: { accessControlPolicy: { owner: { id: "owner" }, grants: [{ permission: "FULL_CONTROL", grantee: { type: "CanonicalUser", id: "owner" } }] } } }] }) },
        { title: "Principal * narrowed by a condition", stack: bucket("data", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*", Condition: { StringEquals: { "aws:SourceVpce": "vpce-1a2b3c4d" } } }] }) }) },
        { title: "full block", stack: bucket("data") }, { title: "service principal allowed", stack: bucket("logs", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: "*" }] }) }) }],
    violating: [
        { title: "legacy inline public-read-write ACL (any case)", stack: [...bucket("data"), { type: BUCKET, name: "b", props: { acl: "Public-Read-Write" } }], flagged: ["b"] },
        { title: "ACL grant to AllUsers", stack: bucket("data", { extra: [{ type: "aws:s3/bucketAcl:BucketAcl", name: "acl", deps: { bucket: ["data"] }, props: { accessControlPolicy: { owner: { id: "owner" }, grants: [{ permission: "READ", grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" } }] } } }] }), flagged: ["data"] },
        { title: "ACL grant to AuthenticatedUsers", stack: bucket("data", { extra: [{ type: "aws:s3/bucketAcl:BucketAcl", name: "acl", deps: { bucket: ["data"] }, props: { accessControlPolicy: { owner: { id: "owner" }, grants: [{ permission: "READ", grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" } }] } } }] }), flagged: ["data"] },
        { title: "Allow to everyone but a NotPrincipal", stack: bucket("data", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "s3:GetObject", Resource: "*" }] }) }), flagged: ["data"] },
        { title: "Allow to { AWS: [\"*\"] }", stack: bucket("data", { policy: JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: ["*"] }, Action: "s3:GetObject", Resource: "*" }] }) }), flagged: ["data"] },
        { title: "legacy inline website", stack: [{ type: BUCKET, name: "site", props: { website: { indexDocument: "index.html" } } }], flagged: ["site"] },
        { title: "BucketV2 inline websites", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "site", props: { websites: [{ indexDocument: "index.html" }] } }], flagged: ["site"] },
        { title: "partial block", stack: bucket("data", { block: false }), flagged: ["data"] },
        { title: "public ACL companion", stack: bucket("data", { extra: [{ type: "aws:s3/bucketAcl:BucketAcl", name: "acl", deps: { bucket: ["data"] }, props: { acl: "public-read" } }] }), flagged: ["data"] },
        { title: "Principal * policy", stack: bucket("data", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] }) }), flagged: ["data"] },
        { title: "website", stack: bucket("site", { extra: [{ type: "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", name: "w", deps: { bucket: ["site"] }, props: { indexDocument: { suffix: "index.html" } } }] }), flagged: ["site"] }],
    unknown: [unk("one block's flags unknown", "not-judged", { title: "", flagged: ["bare"], stack: [{ type: BUCKET, name: "u", props: {} }, { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: "p", deps: { bucket: ["u"] }, props: { blockPublicAcls: UNKNOWN } }, { type: BUCKET, name: "bare", props: {} }] })],
    messages: {
        "legacy inline public-read-write ACL (any case)": ["bucket b has no public access block with all four settings on", "bucket b has the Public-Read-Write ACL"],
        "ACL grant to AllUsers": ["bucket data grants access to all (authenticated) AWS users in its ACL"],
        "ACL grant to AuthenticatedUsers": ["bucket data grants access to all (authenticated) AWS users in its ACL"],
        "Allow to everyone but a NotPrincipal": ["bucket data has a policy that allows everyone (Principal \"*\") without a condition"],
        "Allow to { AWS: [\"*\"] }": ["bucket data has a policy that allows everyone (Principal \"*\") without a condition"],
        "legacy inline website": ["bucket site has no public access block with all four settings on", "bucket site hosts a static website (public, HTTP only); use CloudFront with origin access control"],
        "BucketV2 inline websites": ["bucket site has no public access block with all four settings on", "bucket site hosts a static website (public, HTTP only); use CloudFront with origin access control"],
        "partial block": ["bucket data has no public access block with all four settings on"],
        "public ACL companion": ["bucket data has the public-read ACL"],
        "Principal * policy": ["bucket data has a policy that allows everyone (Principal \"*\") without a condition"],
        "website": ["bucket site hosts a static website (public, HTTP only); use CloudFront with origin access control"],
        "one block's flags unknown": ["bucket bare has no public access block with all four settings on", "not judged: u: blockPublicAcls unknown during preview"],
    },
};
