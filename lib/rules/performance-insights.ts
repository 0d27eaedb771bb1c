/**
 * Retention periods RDS accepts for Performance Insights (`performanceInsightsRetentionPeriod`): 7 (free tier),
 * 31 × months for 1–23 months, or 731; any other value (e.g. 94) is refused by CreateDBInstance/ModifyDBInstance.
 * Pure, no Pulumi import.
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 */
export const PERFORMANCE_INSIGHTS_RETENTION_DAYS: readonly number[] = [7, ...Array.from({ length: 23 }, (_, i) => 31 * (i + 1)), 731];

export function isPerformanceInsightsRetention(days: number): boolean {
    return PERFORMANCE_INSIGHTS_RETENTION_DAYS.includes(days);
}

/** The smallest valid retention that keeps data at least `days` days (e.g. 30 → 31, 100 → 124); undefined above 731. */
export function performanceInsightsRetentionAtLeast(days: number): number | undefined {
    return PERFORMANCE_INSIGHTS_RETENTION_DAYS.find((d) => d >= days);
}
