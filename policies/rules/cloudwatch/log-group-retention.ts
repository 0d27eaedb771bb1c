import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";
import { LOG_RETENTION } from "../../controls";

export const rule = resourceRule({
    name: "cloudwatch-log-group-retention",
    controls: LOG_RETENTION,
    displayName: "Log groups keep logs for a set time",
    description: "Every log group has a retention (never infinite by accident) of at least the floor.",
    remediation: "Set retentionInDays to an allowed CloudWatch value at or above the floor (audit logs: 2557 for 7 years).",
    severity: "medium",
    resourceTypes: [aws.cloudwatch.LogGroup],
    config: { minimumDays: { type: "integer", minimum: 1, default: 14 } },
    check: (group, _args, config) => {
        const days = group.retentionInDays;
        if (!days) return "log group has no retentionInDays: logs are kept forever, by accident";
        return days < config.minimumDays ? `retention ${days} days is below the floor of ${config.minimumDays}` : undefined;
    },
});
