import { Database, DatabaseUsers } from "aws-platform";
import { DATA_KEY, exampleKeys, existingNetwork, LOGS_KEY, tags } from "../common";

// A database and its application's IAM-authenticated user, created during `up` (no SQL by hand afterwards). Here the
// same subnets hold the database and the function; a platform network puts the function in its app subnets.
const network = existingNetwork();
const keys = exampleKeys([DATA_KEY, LOGS_KEY]);
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
    appUsername: "app_user",
    backupRetentionDays: 7,
    protect: true,
    tags,
});
const users = new DatabaseUsers("example-db-users", {
    engine: database.engine,
    host: database.address,
    port: 5432,
    databaseName: database.databaseName,
    username: database.appUsername,
    masterUserSecretArn: database.masterUserSecretArn,
    kmsKeyArn: keys.keyArn("data"),
    databaseResourceId: database.resourceId,
    databaseSecurityGroupId: database.securityGroupId,
    vpcId: network.vpcId,
    subnetIds: network.subnetIds,
    logsKmsKeyArn: keys.keyArn("logs"),
    logRetentionDays: 30,
    tags,
});

// Whatever connects as app_user (an ECS service) takes `dependsOn: [users.invocation]`.
export const functionName = users.functionName;
