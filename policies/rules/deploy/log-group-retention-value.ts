import { ResourceRule } from "../../framework";
import { CLOUDWATCH_RETENTION_DAYS, isCloudWatchRetention } from "../../../lib/rules/retention";
import { LOG_RETENTION } from "../../controls";

const DOC = "https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html";

/** CloudWatch Logs takes a fixed set of retention values; anything else (2555 for "seven years") is refused. */
export const rule: ResourceRule = {
    name: "deploy-log-group-retention-value",
    controls: { ...LOG_RETENTION, soc2: ["CC8.1", "CC7.2"] },
    displayName: "Deploy validity: CloudWatch log retention is an allowed value",
    description: `Log groups set retentionInDays to a value CloudWatch Logs accepts (${CLOUDWATCH_RETENTION_DAYS.join(", ")}; 0 = never expire) — AWS PutRetentionPolicy (${DOC}).`,
    remediation: "Use the nearest allowed value at or above the requirement (seven years: 2557, not 2555).",
    severity: "high",
    types: ["aws:cloudwatch/logGroup:LogGroup"],
    check: (props) => {
        const days = props.retentionInDays;
        if (days === undefined || days === null || days === 0) return;
        if (typeof days !== "number" || !isCloudWatchRetention(days)) {
            const above = CLOUDWATCH_RETENTION_DAYS.find((d) => typeof days === "number" && d >= days);
            return `retentionInDays ${String(days)} is not a value CloudWatch Logs accepts${above ? `; the nearest allowed value at or above it is ${above}` : ""}`;
        }
        return undefined;
    },
};
