import { PolicyPack } from "@pulumi/policy";

// Reads values that may be unknown during preview: the policy SDK then aborts the rule with its advisory
// "can't run policy ... during preview" diagnostic, which the preview must report as not judged.
new PolicyPack("verdict-unknown-pack", {
    policies: [
        {
            name: "bucket-policy-tls-only",
            description: "Bucket policies deny plain HTTP.",
            enforcementLevel: "mandatory",
            validateStack: (args, reportViolation) => {
                for (const r of args.resources.filter((x) => x.type === "aws:s3/bucketPolicy:BucketPolicy")) {
                    if (!String(r.props.policy).includes("aws:SecureTransport")) {
                        reportViolation("bucket policy allows plain HTTP", r.urn);
                    }
                }
            },
        },
        {
            name: "bucket-name-prefixed",
            description: "Bucket policies name their bucket.",
            enforcementLevel: "mandatory",
            validateResource: (args, reportViolation) => {
                if (args.type === "aws:s3/bucketPolicy:BucketPolicy" && String(args.props.bucket).length === 0) {
                    reportViolation("no bucket");
                }
            },
        },
    ],
});
