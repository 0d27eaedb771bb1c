import * as aws from "../../support/aws";
import { BACKUP } from "../../controls";
import { resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "dynamodb-point-in-time-recovery",
    displayName: "DynamoDB point-in-time recovery",
    description: "DynamoDB tables have point-in-time recovery on (omitted is off).",
    remediation: "Set pointInTimeRecovery: { enabled: true }.",
    severity: "high",
    controls: BACKUP,
    resourceTypes: [aws.dynamodb.Table],
    check: (table) => (table.pointInTimeRecovery?.enabled === true ? undefined : "point-in-time recovery is off"),
});
