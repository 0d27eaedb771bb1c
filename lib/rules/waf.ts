/**
 * WAFv2 rate-based rules: the limits AWS WAF accepts. Pure, no Pulumi import: stack config, the Edge component and the
 * tests read the same values. A rate-based rule counts requests per aggregation key (here the client IP) over an
 * evaluation window of 60, 120, 300 or 600 seconds, with a limit of at least 10 requests; a scope-down statement limits
 * what it counts (e.g. one path).
 * https://docs.aws.amazon.com/waf/latest/APIReference/API_RateBasedStatement.html
 */

/** EvaluationWindowSec values WAF accepts. */
export const WAF_RATE_WINDOWS_SECONDS = [60, 120, 300, 600] as const;
/** The smallest Limit WAF accepts. */
export const WAF_MIN_RATE_LIMIT = 10;
/** The largest Limit WAF accepts. */
export const WAF_MAX_RATE_LIMIT = 2_000_000_000;

/** A per-IP limit on requests to one path prefix (e.g. the login endpoint). */
export interface PathRateLimit {
    /** Path prefix the rule counts, starting with `/` (`/auth/login`). */
    path: string;
    /** Requests per IP in the window before the IP is blocked (≥ 10). */
    limit: number;
    /** Evaluation window, seconds: 60, 120, 300 or 600. */
    windowSeconds: number;
}

/** Why WAF would refuse this path limit, or undefined. */
export function pathRateLimitProblem(rule: PathRateLimit): string | undefined {
    if (!/^\/[^\s]*$/.test(rule.path)) return `path ${JSON.stringify(rule.path)} must start with / and hold no spaces`;
    if (!Number.isInteger(rule.limit) || rule.limit < WAF_MIN_RATE_LIMIT || rule.limit > WAF_MAX_RATE_LIMIT) {
        return `limit ${rule.limit} is outside ${WAF_MIN_RATE_LIMIT}–${WAF_MAX_RATE_LIMIT} (WAF's rate-based rule limits); for fewer requests, count over a longer window (5 per minute = 10 per 120 s)`;
    }
    if (!(WAF_RATE_WINDOWS_SECONDS as readonly number[]).includes(rule.windowSeconds)) {
        return `windowSeconds ${rule.windowSeconds} is not a WAF evaluation window; allowed: ${WAF_RATE_WINDOWS_SECONDS.join(", ")}`;
    }
    return undefined;
}

/** A WAF rule name for a path limit (letters, digits, `-`), unique per path. */
export function pathRateLimitRuleName(path: string): string {
    return `rate-limit-path-${path.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "root"}`.slice(0, 128);
}

/** WAF's longest metric name (VisibilityConfig MetricName: 1-128 characters). */
export const WAF_MAX_METRIC_NAME = 128;

/**
 * The CloudWatch metric name of one part of a web ACL (`<owner>-<part>`, characters outside [A-Za-z0-9_-] as `-`): a
 * long owner name is cut, never the part, so the parts' metrics stay apart.
 */
export function wafMetricName(owner: string, part: string): string {
    const clean = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, "-");
    const suffix = clean(part).slice(0, WAF_MAX_METRIC_NAME - 2);
    return `${clean(owner).slice(0, WAF_MAX_METRIC_NAME - 1 - suffix.length)}-${suffix}`;
}
