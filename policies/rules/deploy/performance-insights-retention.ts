import { ResourceRule } from "../../framework";
import { isPerformanceInsightsRetention, performanceInsightsRetentionAtLeast } from "../../../lib/rules/performance-insights";
import { CHANGE_SAFETY } from "../../controls";

const DOC = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html";

/** Performance Insights keeps data 7 days, 31 × 1–23 months, or 731 days; RDS refuses other values (e.g. 30 or 94). */
export const rule: ResourceRule = {
    name: "deploy-performance-insights-retention",
    controls: CHANGE_SAFETY,
    displayName: "Deploy validity: Performance Insights retention is an allowed value",
    description: `RDS instances, cluster instances and clusters set performanceInsightsRetentionPeriod to 7, 31 × months (1–23) or 731 — AWS CreateDBInstance PerformanceInsightsRetentionPeriod: "If you specify a retention period that isn't valid, such as 94, Amazon RDS issues an error" (${DOC}).`,
    remediation: "Use 7 (free tier), a multiple of 31 up to 713 (e.g. 31, 93, 372), or 731.",
    severity: "high",
    types: ["aws:rds/instance:Instance", "aws:rds/clusterInstance:ClusterInstance", "aws:rds/cluster:Cluster"],
    check: (props) => {
        const days = props.performanceInsightsRetentionPeriod;
        if (days === undefined || days === null) return;
        if (typeof days === "number" && isPerformanceInsightsRetention(days)) return;
        const next = typeof days === "number" ? performanceInsightsRetentionAtLeast(days) : undefined;
        return `performanceInsightsRetentionPeriod ${String(days)} is not accepted by RDS (7, 31 × 1–23 months, or 731)${next ? `; the nearest allowed value at or above it is ${next}` : ""}`;
    },
};
