import type { Case, RuleCases, StackResource } from "../../cases";

/** Cases of lb-alb-waf-protected (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });
const LB = "aws:lb/loadBalancer:LoadBalancer";
const lb = (name: string, groups: string[], props: Record<string, unknown> = {}): StackResource => ({ type: LB, name, deps: { securityGroups: groups }, props: { internal: false, securityGroups: UNKNOWN, ...props } });
const webAcl = (name: string, rules: unknown[]): StackResource => ({ type: "aws:wafv2/webAcl:WebAcl", name, props: { scope: "REGIONAL", defaultAction: { allow: {} }, rules } });
const assoc = (name: string, lbName: string, aclName: string): StackResource => ({ type: "aws:wafv2/webAclAssociation:WebAclAssociation", name, deps: { resourceArn: [lbName], webAclArn: [aclName] }, props: { resourceArn: UNKNOWN, webAclArn: UNKNOWN } });
const managed = (group: string, overrideAction: unknown = { none: {} }) => ({ name: group, priority: 1, overrideAction, statement: { managedRuleGroupStatement: { name: group, vendorName: "AWS" } } });
const rate = (action: unknown = { block: {} }) => ({ name: "rate", priority: 3, action, statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } } });

export const cases: RuleCases = {
    compliant: [{ title: "blocking ACL", stack: [lb("alb", []), webAcl("acl", [managed("AWSManagedRulesCommonRuleSet"), managed("AWSManagedRulesSQLiRuleSet"), rate()]), assoc("a", "alb", "acl")] },
        { title: "internal ALB", stack: [lb("alb", [], { internal: true })] }, { title: "NLB", stack: [lb("nlb", [], { loadBalancerType: "network" })] }],
    violating: [{ title: "no ACL", stack: [lb("alb", [])], flagged: ["alb"] },
        { title: "count-only ACL", stack: [lb("alb", []), webAcl("acl", [managed("AWSManagedRulesCommonRuleSet", { count: {} }), managed("AWSManagedRulesSQLiRuleSet", { count: {} }), rate({ count: {} })]), assoc("a", "alb", "acl")], flagged: ["alb"] },
        { title: "no rate rule", stack: [lb("alb", []), webAcl("acl", [managed("AWSManagedRulesCommonRuleSet"), managed("AWSManagedRulesSQLiRuleSet")]), assoc("a", "alb", "acl")], flagged: ["alb"] }],
    unknown: [unk("one ACL's rules unknown; a bare ALB still flagged", "not-judged", { title: "", flagged: ["bare"], stack: [lb("alb", []), webAcl("acl", UNKNOWN), assoc("a", "alb", "acl"), lb("bare", [])] })],
    messages: {
        "no ACL": ["internet-facing load balancer alb has no WAF web ACL"],
        "count-only ACL": ["web ACL of alb only counts with the managed rule group AWSManagedRulesCommonRuleSet (overrideAction count): it blocks nothing", "web ACL of alb only counts with the managed rule group AWSManagedRulesSQLiRuleSet (overrideAction count): it blocks nothing", "the rate-based rule of alb's web ACL does not block (action count/allow)"],
        "no rate rule": ["web ACL of alb has no rate-based rule"],
        "one ACL's rules unknown; a bare ALB still flagged": ["internet-facing load balancer bare has no WAF web ACL", "not judged: alb: rules unknown during preview"],
    },
};
