import { AlertRouting, Backup } from "aws-platform";
import { exampleKeys, tags } from "../common";

const keys = exampleKeys([
    { name: "backup", description: "Backup vault", services: ["backup"] },
    { name: "alerts", description: "Alert topic", services: ["sns", "events", "backup"] },
]);
const alerts = new AlertRouting("example-alerts", { emailAddresses: ["oncall@example.com"], kmsKeyArn: keys.keyArn("alerts"), tags });
const backup = new Backup("example-backup", {
    kmsKeyArn: keys.keyArn("backup"),
    vaultLock: { mode: "governance", minRetentionDays: 7, maxRetentionDays: 400 },
    dailyRetentionDays: 7,
    longTermRule: { retentionDays: 365 },
    resourceArns: ["arn:aws:rds:us-east-1:123456789012:db:example-db"],
    notificationTopicArn: alerts.topicArn,
    protect: true,
    tags,
});

export const vaultName = backup.vaultName;
