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
