import * as aws from "../../support/aws";
import { resourceRule, typesOf } from "../../framework";
import { isLogDestination } from "../../support/log-destination";

const BUCKETS = typesOf(aws.s3.Bucket, aws.s3.BucketV2);

export const rule = resourceRule({
    name: "general-stateful-resources-protected",
    controls: { soc2: ["CC8.1", "A1.2"], gdpr: ["art-32"] },
    displayName: "Stateful resources protected from destroy",
    description: "Databases, caches, data buckets, file systems, tables, backup vaults and KMS keys carry Pulumi's `protect` option, so a mistaken destroy or rename cannot delete them. Buckets tagged purpose: log-destination are exempt (reported by s3-log-destination-exemptions).",
    remediation: "Pass { protect: true } (and retainOnDelete: true) in the resource options.",
    severity: "high",
    resourceTypes: [aws.rds.Instance, aws.rds.Cluster, aws.elasticache.ReplicationGroup, aws.elasticache.ServerlessCache, aws.s3.Bucket, aws.s3.BucketV2,
        aws.backup.Vault, aws.kms.Key, aws.dynamodb.Table, aws.efs.FileSystem, aws.docdb.Cluster, aws.neptune.Cluster, aws.redshift.Cluster,
        aws.opensearch.Domain],
    check: (resource, args) => {
        if (args.opts.protect) return undefined;
        if (BUCKETS.includes(args.type) && isLogDestination(resource)) return undefined;
        return "resource is not protected (protect: false)";
    },
});
