import * as fs from "fs";
import * as path from "path";
import { asArray, CheckResult, isUnknown, raw, ResourceRule } from "../../framework";
import { ACCESS } from "../../controls";
import { ADMIN_MANAGED_POLICIES, DocumentKind, judgeDocument } from "../../support/iam";

/**
 * Access, for every @pulumi/aws type that carries it: every input holding an IAM policy document (resource policies of
 * every service, key policies, trust policies, identity policies inline or attached) and every input attaching managed
 * policies by ARN, listed in policies/data/access-inputs.json (generated from @pulumi/aws's types and docs by
 * `npm run policies:data`), judged by one analyzer (policies/support/iam.ts, on @cloud-copilot/iam-policy). KMS keys
 * that bypass the key policy lockout safety check are flagged here too: the key policy is then unchecked.
 */
interface Entry {
    documents?: Array<{ path: string; kind: DocumentKind }>;
    policyArns?: string[];
}

const DATA: { types: Record<string, Entry>; escalationActions: string[] } =
    JSON.parse(fs.readFileSync(path.join(__dirname, "../../data/access-inputs.json"), "utf8"));

/** The values at `path` (`inlinePolicies[].policy` reads every element), with the path each came from. */
function valuesAt(props: Record<string, any>, at: string): Array<[string, unknown]> {
    const [head, rest] = at.split("[].");
    const value = raw(props)[head];
    if (rest === undefined) return [[head, value]];
    if (isUnknown(value)) return [[head, value]];
    return asArray<any>(value).map((element, i) => [`${head}[${i}]${element?.name && !isUnknown(element.name) ? ` (${element.name})` : ""}.${rest}`, isUnknown(element) ? element : raw(element)?.[rest]]);
}

const KINDS: Record<DocumentKind, string> = { identity: "identity policy", trust: "trust policy", resource: "resource policy", key: "key policy", session: "session policy", endpoint: "endpoint policy" };

export const rule: ResourceRule = {
    name: "iam-policy-documents",
    displayName: "Policy documents grant no public access, no administrator access and no escalation",
    description: "Every IAM policy document of every AWS type (resource, key, trust and identity policies; derived from @pulumi/aws) lets no principal from any account in (Principal * unless a condition pins the caller's account, organization, source, VPC or calling service), trusts no web identity without a sub/aud condition, grants no administrator access (*:*, iam:*, Allow with NotAction or NotResource, known escalation actions on every resource) unless a condition restricts it, attaches no AdministratorAccess/IAMFullAccess, and no KMS key bypasses the key policy lockout safety check.",
    remediation: "Name the principals (or pin `*` with aws:PrincipalOrgID, aws:SourceAccount/SourceArn, aws:SourceVpce, kms:CallerAccount/kms:ViaService); list actions and resources instead of wildcards, NotAction or NotResource; attach scoped policies instead of AdministratorAccess; leave bypassPolicyLockoutSafetyCheck off.",
    severity: "critical",
    controls: ACCESS,
    concern: "access",
    types: Object.keys(DATA.types).filter((t) => DATA.types[t].documents || DATA.types[t].policyArns),
    check: (props, args): CheckResult => {
        const entry = DATA.types[args.type];
        const out: Array<string | { notJudged: string[] }> = [];
        const unknown: string[] = [];
        for (const { path: at, kind } of entry.documents ?? []) {
            for (const [where, value] of valuesAt(props, at)) {
                const verdict = judgeDocument(value, kind, DATA.escalationActions);
                out.push(...verdict.problems.map((p) => `${KINDS[kind]} ${where}: ${p}`));
                if (verdict.unknown) unknown.push(where);
            }
        }
        for (const input of entry.policyArns ?? []) {
            const value = raw(props)[input];
            if (isUnknown(value)) continue; // an ARN of a policy created in the same program: judged as that policy's document
            for (const arn of asArray<unknown>(value)) {
                if (typeof arn === "string" && ADMIN_MANAGED_POLICIES.test(arn)) out.push(`${input} attaches the AWS-managed ${arn.split("/").pop()}: administrator-equivalent access for a workload`);
            }
        }
        if (/^aws:kms\/(key|externalKey|keyPolicy|replicaKey|replicaExternalKey):/.test(args.type) && raw(props).bypassPolicyLockoutSafetyCheck === true) {
            out.push("bypassPolicyLockoutSafetyCheck is true: KMS does not check that the key policy still lets the account manage the key");
        }
        if (unknown.length > 0) out.push({ notJudged: unknown.map((u) => `${u} (principal)`) });
        return out;
    },
};
