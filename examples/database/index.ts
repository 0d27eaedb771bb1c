import { Database } from "aws-platform";
import { DATA_KEY, exampleKeys, existingNetwork, tags } from "../common";

const network = existingNetwork();
const keys = exampleKeys([DATA_KEY]);
const database = new Database("example-db", {
    engine: "postgres",
    engineVersion: "15",
    instanceClass: "db.t4g.medium",
    allocatedStorageGb: 20,
    maxAllocatedStorageGb: 100,
    multiAz: true,
    vpcId: network.vpcId,
    subnetIds: network.subnetIds,
    clientSecurityGroupId: "sg-0123456789abcdef0",
    kmsKeyArn: keys.keyArn("data"),
    databaseName: "app",
    masterUsername: "app_admin",
    backupRetentionDays: 7,
    protect: true,
    tags,
});

export const endpoint = database.endpoint;
export const masterUserSecretArn = database.masterUserSecretArn;
