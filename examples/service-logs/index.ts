import { ServiceLogs } from "aws-platform";
import { exampleKeys, LOGS_KEY, tags } from "../common";

const keys = exampleKeys([LOGS_KEY]);
const logs = new ServiceLogs("example-logs", {
    serviceName: "example-api",
    kmsKeyArn: keys.keyArn("logs"),
    protect: true,
    tags,
});

export const auditLogGroup = logs.auditLogGroup.name;
