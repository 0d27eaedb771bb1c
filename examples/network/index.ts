import { Network } from "aws-platform";
import { exampleKeys, LOGS_KEY, tags } from "../common";

const keys = exampleKeys([LOGS_KEY]);
const network = new Network("example-network", {
    cidrBlock: "10.20.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b"],
    natGateways: "single",
    flowLogRetentionDays: 90,
    logsKmsKeyArn: keys.keyArn("logs"),
    tags,
});

export const vpcId = network.vpcId;
export const appSubnetIds = network.appSubnetIds;
