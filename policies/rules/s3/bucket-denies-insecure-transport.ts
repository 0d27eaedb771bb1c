import { judgeEach, raw, stackRule } from "../../framework";
import { BUCKET_TYPES, bucketCompanions, deniesInsecureTransport, isBucket } from "./common";
import { ENCRYPTION_IN_TRANSIT } from "../../controls";

export const rule = stackRule({
    name: "s3-bucket-denies-insecure-transport",
    controls: { ...ENCRYPTION_IN_TRANSIT, "cis-aws-3.0": ["2.1.1"] },
    displayName: "S3 bucket policies deny plain HTTP",
    description: "Every bucket has a policy that denies requests without TLS (aws:SecureTransport = false).",
    remediation: "Attach an aws.s3.BucketPolicy with a Deny statement on s3:* for aws:SecureTransport false.",
    concern: "tls",
    severity: "high",
    types: BUCKET_TYPES,
    check: (resources) => judgeEach(resources.filter(isBucket), (bucket) => {
        const policies = bucketCompanions(resources, bucket, "aws:s3/bucketPolicy:BucketPolicy").map((p) => p.props.policy);
        if (raw(bucket.props).policy !== undefined) policies.push(bucket.props.policy);
        return policies.some(deniesInsecureTransport) ? undefined : { urn: bucket.urn, name: bucket.name, message: `bucket ${bucket.name} does not deny non-TLS requests` };
    }),
});
