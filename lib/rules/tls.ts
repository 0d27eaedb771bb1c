/**
 * TLS policies of load-balancer listeners. Pure, no Pulumi import: stack config, the Edge component and the policy
 * pack (lb-listener-tls-policy, awsx-alb-secure) read the same list, so what the stack accepts the pack passes.
 * Not every `ELBSecurityPolicy-TLS13-*` policy refuses old protocols: `-TLS13-1-0-2021-06` and `-TLS13-1-1-2021-06`
 * still accept TLS 1.0/1.1, hence a list, not a prefix.
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 */

/**
 * Policies that accept TLS 1.3 and nothing older than TLS 1.2: the approved set, written out on its own (not built from
 * the default), so choosing another default never changes what is approved. Stack config, the Edge component and the
 * pack's default allow-list (lb-listener-tls-policy, awsx-alb-secure) read it; the stacks' policy configs do not copy it.
 */
const APPROVED = [
    "ELBSecurityPolicy-TLS13-1-3-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
    "ELBSecurityPolicy-TLS13-1-2-2021-06",
] as const;
export const APPROVED_TLS_POLICIES: readonly [string, ...string[]] = APPROVED;

/** TLS 1.3 and 1.2 with restricted (forward-secret, AEAD) ciphers: the platform's default, chosen from the approved set (its type). */
export const DEFAULT_TLS_POLICY: (typeof APPROVED)[number] = "ELBSecurityPolicy-TLS13-1-2-Res-2021-06";

const TLS13_PREFIX = "ELBSecurityPolicy-TLS13-";

/**
 * Why `policy` may not be used on an HTTPS listener, or undefined when it is approved or a documented policy at least
 * as strict as an approved one (FIPS and post-quantum variants): the stack accepts what the pack passes.
 */
export function tlsPolicyProblem(policy: string): string | undefined {
    if (ACCEPTED_TLS_POLICIES.includes(policy)) return undefined;
    const allowed = `allowed: ${APPROVED_TLS_POLICIES.join(", ")}`;
    return policy.startsWith(TLS13_PREFIX)
        ? `is a TLS 1.3 policy that still accepts older protocols or ciphers; ${allowed}`
        : `is not a TLS 1.3 policy (${TLS13_PREFIX}*); ${allowed}`;
}

/**
 * What an Elastic Load Balancing security policy accepts: its lowest TLS version, whether it offers TLS 1.3, and its
 * cipher breadth (`restricted`: AEAD with forward secrecy only; `standard`: adds CBC-SHA256/384 suites; `extended`:
 * adds SHA-1 CBC or non-forward-secret suites). From AWS's documented policy tables (ALB and NLB
 * describe-ssl-policies pages): the TLS13 family is named `ELBSecurityPolicy-TLS13-<lowest>[-Res|-Ext0|-Ext1|-Ext2]
 * [-FIPS][-PQ]-<date>`, the older policies are listed one by one. A policy not in the table is judged unknown.
 */
export interface TlsPolicyAccepts {
    minimum: "1.0" | "1.1" | "1.2" | "1.3";
    tls13: boolean;
    ciphers: "restricted" | "standard" | "extended";
}

/** Documented ELB policies of the TLS13 family (FIPS 2023-04 and post-quantum 2025-09 variants included). */
const TLS13_POLICIES = [
    ...["2021-06", "FIPS-2023-04", "PQ-2025-09", "FIPS-PQ-2025-09"].flatMap((suffix) =>
        ["1-3", "1-2-Res", "1-2", "1-2-Ext0", "1-2-Ext1", "1-2-Ext2", "1-1", "1-0"]
            .filter((stem) => !(suffix === "2021-06" && stem === "1-2-Ext0"))
            .map((stem) => `ELBSecurityPolicy-TLS13-${stem}-${suffix}`)),
];

/** Documented pre-TLS 1.3 ELB policies. */
const LEGACY_POLICIES: Record<string, TlsPolicyAccepts> = {
    "ELBSecurityPolicy-2016-08": { minimum: "1.0", tls13: false, ciphers: "extended" },
    "ELBSecurityPolicy-2015-05": { minimum: "1.0", tls13: false, ciphers: "extended" },
    "ELBSecurityPolicy-TLS-1-0-2015-04": { minimum: "1.0", tls13: false, ciphers: "extended" },
    "ELBSecurityPolicy-TLS-1-1-2017-01": { minimum: "1.1", tls13: false, ciphers: "extended" },
    "ELBSecurityPolicy-TLS-1-2-2017-01": { minimum: "1.2", tls13: false, ciphers: "extended" },
    "ELBSecurityPolicy-TLS-1-2-Ext-2018-06": { minimum: "1.2", tls13: false, ciphers: "extended" },
    "ELBSecurityPolicy-FS-2018-06": { minimum: "1.0", tls13: false, ciphers: "extended" },
    "ELBSecurityPolicy-FS-1-1-2019-08": { minimum: "1.1", tls13: false, ciphers: "extended" },
    "ELBSecurityPolicy-FS-1-2-2019-08": { minimum: "1.2", tls13: false, ciphers: "extended" },
    "ELBSecurityPolicy-FS-1-2-Res-2019-08": { minimum: "1.2", tls13: false, ciphers: "standard" },
    "ELBSecurityPolicy-FS-1-2-Res-2020-10": { minimum: "1.2", tls13: false, ciphers: "restricted" },
};

function tls13Accepts(name: string): TlsPolicyAccepts {
    const stem = /^ELBSecurityPolicy-TLS13-(\d)-(\d)(?:-(Res|Ext\d))?-/.exec(name)!;
    const minimum = `${stem[1]}.${stem[2]}` as TlsPolicyAccepts["minimum"];
    const ciphers = minimum === "1.3" || stem[3] === "Res" ? "restricted" : stem[3] === undefined && minimum === "1.2" ? "standard" : "extended";
    return { minimum, tls13: true, ciphers };
}

/** Every documented ELB security policy and what it accepts. */
export const ELB_TLS_POLICIES: Readonly<Record<string, TlsPolicyAccepts>> = {
    ...LEGACY_POLICIES,
    ...Object.fromEntries(TLS13_POLICIES.map((name) => [name, tls13Accepts(name)])),
};

const CIPHER_RANK = { restricted: 0, standard: 1, extended: 2 } as const;

/** Whether `policy` accepts nothing that `reference` refuses (no older protocol, no broader cipher set, TLS 1.3 if it has it). */
export function atLeastAsStrict(policy: string, reference: string): boolean {
    const p = ELB_TLS_POLICIES[policy];
    const r = ELB_TLS_POLICIES[reference];
    if (!p || !r) return policy === reference;
    return p.minimum >= r.minimum && CIPHER_RANK[p.ciphers] <= CIPHER_RANK[r.ciphers] && (p.tls13 || !r.tls13);
}

/** Why `policy` is not accepted given the allowed list (exact names, or any documented policy at least as strict as one of them), or undefined. */
export function tlsPolicyNotAllowed(policy: string, allowed: readonly string[]): string | undefined {
    if (allowed.includes(policy) || allowed.some((a) => atLeastAsStrict(policy, a))) return undefined;
    const accepts = ELB_TLS_POLICIES[policy];
    const what = accepts ? `accepts TLS ${accepts.minimum}+${accepts.tls13 ? " and 1.3" : ", no TLS 1.3"} with ${accepts.ciphers} ciphers` : "is not a documented ELB security policy";
    return `${policy} ${what}, which none of the allowed policies (${allowed.join(", ")}) accepts`;
}

/**
 * The approved policies followed by every documented policy at least as strict as one of them (their FIPS and
 * post-quantum variants), for stack config and the Edge component.
 */
export const ACCEPTED_TLS_POLICIES: readonly [string, ...string[]] = [
    ...APPROVED_TLS_POLICIES,
    ...Object.keys(ELB_TLS_POLICIES).filter((p) => !APPROVED_TLS_POLICIES.includes(p) && APPROVED_TLS_POLICIES.some((a) => atLeastAsStrict(p, a))),
];
