/**
 * The platform's defaults, one home each: the components use them when an argument is omitted, and the stack
 * config's schema (stacks/config.ts) fills omitted keys with the same values, so changing one here changes both.
 * Pure, no Pulumi import. Approved sets with a default chosen from them live beside their set (lib/rules/tls.ts).
 */

/** ALB target health check path (the seeds' `/health`). */
export const DEFAULT_HEALTH_CHECK_PATH = "/health";

/** Strict-Transport-Security the ALB adds: two years, subdomains included (HSTS preload lists ask for ≥ 1 year). */
export const DEFAULT_HSTS = "max-age=63072000; includeSubDomains";

/** X-Frame-Options the ALB and CloudFront add (the seeds' nginx `DENY`). */
export const DEFAULT_FRAME_OPTIONS = "DENY" as const;

/** WAF requests per IP per 5-minute window before the IP is blocked (MITA guide: 2000). */
export const DEFAULT_WAF_RATE_LIMIT_PER_IP = 2000;

/** Redis engine version (7.x: the last with IAM authentication and the Redis OSS licence on ElastiCache). */
export const DEFAULT_REDIS_ENGINE_VERSION = "7.1";

/** ElastiCache daily snapshot retention. */
export const DEFAULT_REDIS_SNAPSHOT_RETENTION_DAYS = 7;

/** Performance Insights retention: 7 days is the free tier; longer is billed. */
export const DEFAULT_PERFORMANCE_INSIGHTS_RETENTION_DAYS = 7;

/** Days before S3 objects move to Standard-IA (S3's minimum for the transition). */
export const DEFAULT_TRANSITION_TO_IA_DAYS = 30;

/** Paths a container may write to under its read-only root filesystem. */
export const DEFAULT_WRITABLE_PATHS: readonly string[] = ["/tmp"];

/** Application and error log retention (CloudWatch values; audit logs keep seven years, lib/rules/retention.ts). */
export const DEFAULT_APPLICATION_LOG_RETENTION_DAYS = 14;
export const DEFAULT_ERROR_LOG_RETENTION_DAYS = 30;

/** Alarm thresholds a service may override in config (the others are in ServiceObservability's DEFAULT_THRESHOLDS). */
export const DEFAULT_P95_LATENCY_SECONDS = 2;
export const DEFAULT_5XX_PERCENT = 5;
