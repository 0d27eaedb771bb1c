/**
 * Retention values CloudWatch Logs accepts for a log group's `retentionInDays` (PutRetentionPolicy; the provider's 0
 * means "never expire"). Pure, no Pulumi import: stack config, components and the policy pack read the same list.
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
 */
export const CLOUDWATCH_RETENTION_DAYS = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

export type CloudWatchRetentionDays = (typeof CLOUDWATCH_RETENTION_DAYS)[number];

export function isCloudWatchRetention(days: number): days is CloudWatchRetentionDays {
    return (CLOUDWATCH_RETENTION_DAYS as readonly number[]).includes(days);
}

/** The smallest allowed CloudWatch retention that keeps logs at least `days` days (7 years → 2557). */
export function cloudWatchRetentionAtLeast(days: number): CloudWatchRetentionDays {
    const found = CLOUDWATCH_RETENTION_DAYS.find((allowed) => allowed >= days);
    if (found === undefined) {
        throw new RangeError(`no CloudWatch retention keeps logs for ${days} days (maximum is 3653)`);
    }
    return found;
}

/** The allowed value closest to `days`, for error messages ("2555 is not allowed; nearest is 2557"). */
export function nearestCloudWatchRetention(days: number): CloudWatchRetentionDays {
    return CLOUDWATCH_RETENTION_DAYS.reduce((best, allowed) =>
        Math.abs(allowed - days) < Math.abs(best - days) ? allowed : best,
    );
}

/**
 * Seven years, the retention the MITA guide asks for financial records and audit logs: 7 × 365 + 2 leap days, the
 * value CloudWatch Logs itself offers for seven years. One value for log groups, backup floors and messages.
 */
export const SEVEN_YEARS_DAYS = 2557;
