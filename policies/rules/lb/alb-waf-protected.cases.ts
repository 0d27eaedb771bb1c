import { UNKNOWN, unk, type RuleCases, type StackResource } from "../../cases";

/** Cases of lb-alb-waf-protected (test/policies/unit.test.ts runs them in-process). */
const LB = "aws:lb/loadBalancer:LoadBalancer";
const lb = (name: string, groups: string[], props: Record<string, unknown> = {}): StackResource => ({ type: LB, name, deps: { securityGroups: groups }, props: { internal: false, securityGroups: UNKNOWN, ...props } });
const webAcl = (name: string, rules: unknown[]): StackResource => ({ type: "aws:wafv2/webAcl:WebAcl", name, props: { scope: "REGIONAL", defaultAction: { allow: {} }, rules } });
const assoc = (name: string, lbName: string, aclName: string): StackResource => ({ type: "aws:wafv2/webAclAssociation:WebAclAssociation", name, deps: { resourceArn: [lbName], webAclArn: [aclName] }, props: { resourceArn: UNKNOWN, webAclArn: UNKNOWN } });
const managed = (group: string, overrideAction: unknown = { none: {} }) => ({ name: group, priority: 1, overrideAction, statement: { managedRuleGroupStatement: { name: group, vendorName: "AWS" } } });
const rate = (action: unknown = { block: {} }) => ({ name: "rate", priority: 3, action, statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } } });

const COMMON = "AWSManagedRulesCommonRuleSet";
const SQLI = "AWSManagedRulesSQLiRuleSet";
/** The same rules in the provider's ruleJson form (PascalCase, as the WAF API takes them). */
const RULE_JSON = JSON.stringify([
    { Name: COMMON, Priority: 1, OverrideAction: { None: {} }, Statement: { ManagedRuleGroupStatement: { Name: COMMON, VendorName: "AWS" } }, VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: "c", SampledRequestsEnabled: true } },
    { Name: SQLI, Priority: 2, OverrideAction: { None: {} }, Statement: { ManagedRuleGroupStatement: { Name: SQLI, VendorName: "AWS" } }, VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: "s", SampledRequestsEnabled: true } },
    { Name: "rate", Priority: 3, Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: "IP" } }, VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: "r", SampledRequestsEnabled: true } },
]);
const jsonAcl = (name: string, ruleJson: string): StackResource => ({ type: "aws:wafv2/webAcl:WebAcl", name, props: { scope: "REGIONAL", defaultAction: { allow: {} }, ruleJson } });
export const cases: RuleCases = {
    compliant: [
        { title: "managed groups without an overrideAction (none by default)", stack: [lb("alb", []), webAcl("acl", [{ name: COMMON, priority: 1, statement: { managedRuleGroupStatement: { name: COMMON, vendorName: "AWS" } } }, { name: SQLI, priority: 2, statement: { managedRuleGroupStatement: { name: SQLI, vendorName: "AWS" } } }, rate()]), assoc("a", "alb", "acl")] },
        { title: "ACL rules in ruleJson (PascalCase)", stack: [lb("alb", []), jsonAcl("acl", RULE_JSON), assoc("a", "alb", "acl")] },
        { title: "rate rule answering with a CAPTCHA", stack: [lb("alb", []), webAcl("acl", [managed(COMMON), managed(SQLI), rate({ captcha: {} })]), assoc("a", "alb", "acl")] },
        { title: "rate rule answering with a challenge", stack: [lb("alb", []), webAcl("acl", [managed(COMMON), managed(SQLI), rate({ challenge: {} })]), assoc("a", "alb", "acl")] },
        { title: "a counting copy of a group and a counting rate rule beside blocking ones", stack: [lb("alb", []), webAcl("acl", [managed(COMMON, { count: {} }), managed(COMMON), managed(SQLI), rate({ count: {} }), rate()]), assoc("a", "alb", "acl")] },
        { title: "two ALBs, each associated with its own blocking ACL", stack: [lb("a1", []), lb("a2", []), webAcl("acl1", [managed(COMMON), managed(SQLI), rate()]), webAcl("acl2", [managed(COMMON), managed(SQLI), rate()]), assoc("x1", "a1", "acl1"), assoc("x2", "a2", "acl2")] },
        { title: "blocking ACL", stack: [lb("alb", []), webAcl("acl", [managed("AWSManagedRulesCommonRuleSet"), managed("AWSManagedRulesSQLiRuleSet"), rate()]), assoc("a", "alb", "acl")] },
        { title: "internal ALB", stack: [lb("alb", [], { internal: true })] }, { title: "NLB", stack: [lb("nlb", [], { loadBalancerType: "network" })] }],
    violating: [
        { title: "only the Common group", stack: [lb("alb", []), webAcl("acl", [managed(COMMON), rate()]), assoc("a", "alb", "acl")], flagged: ["alb"] },
        { title: "rate rule that only counts", stack: [lb("alb", []), webAcl("acl", [managed(COMMON), managed(SQLI), rate({ count: {} })]), assoc("a", "alb", "acl")], flagged: ["alb"] },
        { title: "rate rule that allows", stack: [lb("alb", []), webAcl("acl", [managed(COMMON), managed(SQLI), rate({ allow: {} })]), assoc("a", "alb", "acl")], flagged: ["alb"] },
        { title: "ruleJson that is not JSON: no rules", stack: [lb("alb", []), jsonAcl("acl", "[{"), assoc("a", "alb", "acl")], flagged: ["alb"] },
        { title: "ALB type given explicitly (any case), internal false", stack: [lb("alb", [], { loadBalancerType: "Application", internal: false })], flagged: ["alb"] },
        { title: "the blocking ACL protects the other ALB only", flagged: ["a2"], stack: [lb("a1", []), lb("a2", []), webAcl("good", [managed(COMMON), managed(SQLI), rate()]), webAcl("weak", [managed(COMMON)]), assoc("x1", "a1", "good"), assoc("x2", "a2", "weak")] },
        { title: "no ACL", stack: [lb("alb", [])], flagged: ["alb"] },
        { title: "count-only ACL", stack: [lb("alb", []), webAcl("acl", [managed("AWSManagedRulesCommonRuleSet", { count: {} }), managed("AWSManagedRulesSQLiRuleSet", { count: {} }), rate({ count: {} })]), assoc("a", "alb", "acl")], flagged: ["alb"] },
        { title: "no rate rule", stack: [lb("alb", []), webAcl("acl", [managed("AWSManagedRulesCommonRuleSet"), managed("AWSManagedRulesSQLiRuleSet")]), assoc("a", "alb", "acl")], flagged: ["alb"] }],
    unknown: [unk("one ACL's rules unknown; a bare ALB still flagged", "not-judged", { title: "", flagged: ["bare"], stack: [lb("alb", []), webAcl("acl", UNKNOWN), assoc("a", "alb", "acl"), lb("bare", [])] })],
    messages: {
        "only the Common group": ["web ACL of alb lacks the managed rule group AWSManagedRulesSQLiRuleSet"],
        "rate rule that only counts": ["the rate-based rule of alb's web ACL does not block (action count/allow)"],
        "rate rule that allows": ["the rate-based rule of alb's web ACL does not block (action count/allow)"],
        "ruleJson that is not JSON: no rules": ["web ACL of alb lacks the managed rule group AWSManagedRulesCommonRuleSet", "web ACL of alb lacks the managed rule group AWSManagedRulesSQLiRuleSet", "web ACL of alb has no rate-based rule"],
        "ALB type given explicitly (any case), internal false": ["internet-facing load balancer alb has no WAF web ACL"],
        "the blocking ACL protects the other ALB only": ["web ACL of a2 lacks the managed rule group AWSManagedRulesSQLiRuleSet", "web ACL of a2 has no rate-based rule"],
        "no ACL": ["internet-facing load balancer alb has no WAF web ACL"],
        "count-only ACL": ["web ACL of alb only counts with the managed rule group AWSManagedRulesCommonRuleSet (overrideAction count): it blocks nothing", "web ACL of alb only counts with the managed rule group AWSManagedRulesSQLiRuleSet (overrideAction count): it blocks nothing", "the rate-based rule of alb's web ACL does not block (action count/allow)"],
        "no rate rule": ["web ACL of alb has no rate-based rule"],
        "one ACL's rules unknown; a bare ALB still flagged": ["internet-facing load balancer bare has no WAF web ACL", "not judged: alb: rules unknown during preview"],
    },
};
