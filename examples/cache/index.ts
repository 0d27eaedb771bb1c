import { Cache } from "aws-platform";
import { DATA_KEY, exampleKeys, existingNetwork, LOGS_KEY, tags } from "../common";

const network = existingNetwork();
const keys = exampleKeys([LOGS_KEY, DATA_KEY]);
const cache = new Cache("example-cache", {
    nodeType: "cache.t4g.small",
    numCacheClusters: 2,
    vpcId: network.vpcId,
    subnetIds: network.subnetIds,
    clientSecurityGroupId: "sg-0123456789abcdef0",
    kmsKeyArn: keys.keyArn("data"),
    slowLogRetentionDays: 30,
    logsKmsKeyArn: keys.keyArn("logs"),
    protect: true,
    tags,
});

export const primaryEndpoint = cache.primaryEndpointAddress;
export const appUserArn = cache.appUserArn;
