/**
 * TLS policies of load-balancer listeners. Pure, no Pulumi import: stack config, the Edge component and the policy
 * pack (lb-listener-tls-policy, awsx-alb-secure) read the same list, so what the stack accepts the pack passes.
 * Not every `ELBSecurityPolicy-TLS13-*` policy refuses old protocols: `-TLS13-1-0-2021-06` and `-TLS13-1-1-2021-06`
 * still accept TLS 1.0/1.1, hence a list, not a prefix.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */

/** TLS 1.3 and 1.2 with restricted (forward-secret, AEAD) ciphers: the platform's default. */
export const DEFAULT_TLS_POLICY = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";

/** Policies that accept TLS 1.3 and nothing older than TLS 1.2. */
export const APPROVED_TLS_POLICIES: readonly [string, ...string[]] = [
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    DEFAULT_TLS_POLICY,
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
];

const TLS13_PREFIX = "ELBSecurityPolicy-TLS13-";

/** Why `policy` may not be used on an HTTPS listener, or undefined when it is approved. */
export function tlsPolicyProblem(policy: string): string | undefined {
    if (APPROVED_TLS_POLICIES.includes(policy)) return undefined;
    const allowed = `allowed: ${APPROVED_TLS_POLICIES.join(", ")}`;
    return policy.startsWith(TLS13_PREFIX)
        ? `is a TLS 1.3 policy that still accepts older protocols or ciphers; ${allowed}`
        : `is not a TLS 1.3 policy (${TLS13_PREFIX}*); ${allowed}`;
}
