import { asArray, judgeEach, raw, stackRule } from "../../framework";
import { BUCKET_TYPES, bucketCompanions, isBucket } from "./common";

export const rule = stackRule({
    name: "s3-bucket-versioning",
    controls: { soc2: ["A1.2", "CC6.1"], gdpr: ["art-32"] },
    displayName: "S3 data buckets versioned",
    description: "Buckets keep object versions, so an overwrite or delete can be undone.",
    remediation: "Add an aws.s3.BucketVersioning with status Enabled.",
    severity: "medium",
    types: BUCKET_TYPES,
    check: (resources) => judgeEach(resources.filter(isBucket), (bucket) => {
        const configs = bucketCompanions(resources, bucket, "aws:s3/bucketVersioning:BucketVersioning");
        const enabled = configs.some((c) => c.props.versioningConfiguration?.status === "Enabled") || bucket.props.versioning?.enabled === true ||
            (raw(bucket.props).versionings !== undefined && asArray<any>(bucket.props.versionings).some((v) => v?.enabled === true));
        return enabled ? undefined : { urn: bucket.urn, name: bucket.name, message: `bucket ${bucket.name} is not versioned` };
    }),
});
