import * as aws from "../../support/aws";
import { asArray, RuleFinding, judgeEach, refersTo, stackRule, typeOf } from "../../framework";
import { LOAD_BALANCER_TYPES } from "./common";

const ASSOCIATION = typeOf(aws.wafv2.WebAclAssociation);
const WEB_ACL = typeOf(aws.wafv2.WebAcl);

/** A managed group blocks only when its override action is `none` (omitted = none); `count` only counts. */
const groupBlocks = (rule: any) => rule?.overrideAction === undefined || rule.overrideAction?.none !== undefined;
/** A rule blocks when its action is `block` (captcha/challenge also stop a request); `count`/`allow` do not. */
const actionBlocks = (rule: any) => rule?.action?.block !== undefined || rule?.action?.captcha !== undefined || rule?.action?.challenge !== undefined;

/** Rules of an ACL from `rules`, or from `ruleJson` (the provider's JSON form, PascalCase like the WAF API). */
function aclRules(acl: Record<string, any>): any[] {
    const rules = asArray<any>(acl.rules);
    if (rules.length > 0 || typeof acl.ruleJson !== "string") return rules;
    try {
        return asArray<any>(JSON.parse(acl.ruleJson)).map(camelize);
    } catch {
        return [];
    }
}

function camelize(value: any): any {
    if (Array.isArray(value)) return value.map(camelize);
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), camelize(v)]));
    }
    return value;
}

export const rule = stackRule({
    name: "lb-alb-waf-protected",
    controls: { "pci-dss-4.0": ["6.4.2"], soc2: ["CC6.6", "CC7.1"] },
    displayName: "Internet-facing ALBs behind a blocking WAF",
    description: "Every internet-facing application load balancer is associated with a WAFv2 web ACL that BLOCKS with the AWS managed Common and SQLi rule groups (override action none) and a rate-based rule (action block); rules that only count do not protect.",
    remediation: "Associate an aws.wafv2.WebAcl (AWSManagedRulesCommonRuleSet and AWSManagedRulesSQLiRuleSet with overrideAction { none: {} }, a rateBasedStatement rule with action { block: {} }) with the ALB through aws.wafv2.WebAclAssociation.",
    concern: "public-exposure",
    severity: "high",
    types: LOAD_BALANCER_TYPES,
    config: { requiredManagedRuleGroups: { type: "array", items: { type: "string" }, default: ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet"] } },
    check: (resources, _args, config) => judgeEach(resources.filter((r) => LOAD_BALANCER_TYPES.includes(r.type)), (lb): RuleFinding[] => {
        // Omitted internal is internet-facing; omitted type is application (the provider's defaults).
        if (lb.props.internal === true || String(lb.props.loadBalancerType ?? "application").toLowerCase() !== "application") return [];
        const at = { urn: lb.urn, name: lb.name };
        const acls = resources
            .filter((a) => a.type === ASSOCIATION && refersTo(a, "resourceArn", lb))
            .flatMap((a) => resources.filter((acl) => acl.type === WEB_ACL && refersTo(a, "webAclArn", acl)));
        if (acls.length === 0) return [{ ...at, message: `internet-facing load balancer ${lb.name} has no WAF web ACL` }];
        const rules: any[] = acls.flatMap((acl) => aclRules(acl.props));
        const problems: RuleFinding[] = [];
        for (const group of config.requiredManagedRuleGroups as string[]) {
            const found = rules.filter((r) => r?.statement?.managedRuleGroupStatement?.name === group);
            if (found.length === 0) problems.push({ ...at, message: `web ACL of ${lb.name} lacks the managed rule group ${group}` });
            else if (!found.some(groupBlocks)) problems.push({ ...at, message: `web ACL of ${lb.name} only counts with the managed rule group ${group} (overrideAction count): it blocks nothing` });
        }
        const rateRules = rules.filter((r) => r?.statement?.rateBasedStatement);
        if (rateRules.length === 0) problems.push({ ...at, message: `web ACL of ${lb.name} has no rate-based rule` });
        else if (!rateRules.some(actionBlocks)) problems.push({ ...at, message: `the rate-based rule of ${lb.name}'s web ACL does not block (action count/allow)` });
        return problems;
    }),
});
