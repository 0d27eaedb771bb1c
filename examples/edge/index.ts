import { Edge, Storage } from "aws-platform";
import { DATA_KEY, exampleKeys, existingNetwork, LOGS_KEY, tags } from "../common";

const network = existingNetwork();
const keys = exampleKeys([LOGS_KEY, DATA_KEY]);
// The ALB writes its access logs to the Storage component's log bucket, once that bucket's policy exists.
const storage = new Storage("example-storage", {
    buckets: [],
    kmsKeyArn: keys.keyArn("data"),
    albAccessLogs: { enabled: true, expirationDays: 90 },
    protect: true,
    tags,
});
const edge = new Edge("example-edge", {
    vpcId: network.vpcId,
    publicSubnetIds: network.subnetIds,
    appPort: 8080,
    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000",
    deletionProtection: true,
    accessLogs: { bucket: storage.albLogBucketName, dependsOn: storage.albLogBucketPolicy ? [storage.albLogBucketPolicy] : [] },
    wafLogRetentionDays: 90,
    logsKmsKeyArn: keys.keyArn("logs"),
    tags,
});

export const dnsName = edge.dnsName;
export const targetGroupArn = edge.targetGroupArn;
