import { asArray, RuleFinding, judgeEach, raw, stackRule } from "../../framework";
import { BUCKET_TYPES, bucketCompanions, isBucket, publicAllowStatements } from "./common";
import { NETWORK_EXPOSURE } from "../../controls";

const PUBLIC_ACLS = ["public-read", "public-read-write", "authenticated-read"];
const ALL_USERS = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;

export const rule = stackRule({
    name: "s3-public-access-blocked",
    controls: { ...NETWORK_EXPOSURE, "cis-aws-3.0": ["2.1.4"] },
    displayName: "S3 public access blocked",
    description: "Every bucket has a public access block with all four settings on, no public canned ACL or grant, no bucket policy allowing everyone (Principal \"*\") unconditionally, and no static website hosting.",
    remediation: "Add an aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true; drop public ACLs, grants, `Principal: \"*\"` Allow statements and website configurations; serve public content through CloudFront with origin access control.",
    concern: "public-exposure",
    severity: "critical",
    types: [...BUCKET_TYPES, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "aws:s3/bucketAcl:BucketAcl", "aws:s3/bucketAclV2:BucketAclV2", "aws:s3/bucketPolicy:BucketPolicy", "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration"],
    check: (resources) => judgeEach(resources.filter(isBucket), (bucket): RuleFinding[] => {
        const at = { urn: bucket.urn, name: bucket.name };
        const findings: RuleFinding[] = [];
        const blocks = bucketCompanions(resources, bucket, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
        const full = blocks.some((b) => ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].every((k) => b.props[k] === true));
        if (!full) findings.push({ ...at, message: `bucket ${bucket.name} has no public access block with all four settings on` });
        const aclResources = bucketCompanions(resources, bucket, "aws:s3/bucketAcl:BucketAcl");
        const acls = [raw(bucket.props).acl === undefined ? undefined : bucket.props.acl, ...aclResources.map((a) => a.props.acl)];
        const publicAcl = acls.find((acl) => typeof acl === "string" && PUBLIC_ACLS.includes(acl.toLowerCase()));
        if (publicAcl) findings.push({ ...at, message: `bucket ${bucket.name} has the ${publicAcl} ACL` });
        const grants = aclResources.flatMap((a) => a.props.accessControlPolicy?.grants ?? []);
        if (grants.some((g: any) => ALL_USERS.test(String(g?.grantee?.uri ?? "")))) findings.push({ ...at, message: `bucket ${bucket.name} grants access to all (authenticated) AWS users in its ACL` });
        const policies = bucketCompanions(resources, bucket, "aws:s3/bucketPolicy:BucketPolicy").map((p) => p.props.policy);
        if (policies.some((p) => publicAllowStatements(p).length > 0)) findings.push({ ...at, message: `bucket ${bucket.name} has a policy that allows everyone (Principal "*") without a condition` });
        if (bucketCompanions(resources, bucket, "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration").length > 0 || raw(bucket.props).website !== undefined || asArray(raw(bucket.props).websites).length > 0) {
            findings.push({ ...at, message: `bucket ${bucket.name} hosts a static website (public, HTTP only); use CloudFront with origin access control` });
        }
        return findings;
    }),
});
