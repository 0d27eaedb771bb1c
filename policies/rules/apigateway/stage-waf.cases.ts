import { UNKNOWN, type RuleCases, type StackResource } from "../../cases";

/** Cases of apigateway-stage-waf (test/policies/unit.test.ts runs them in-process). */
const stage = (name: string, props: Record<string, unknown> = {}): StackResource => ({ type: "aws:apigateway/stage:Stage", name, props });
const webAcl = (name: string): StackResource => ({ type: "aws:wafv2/webAcl:WebAcl", name, props: { scope: "REGIONAL", defaultAction: { allow: {} }, rules: [] } });
const assoc = (name: string, stageName: string, aclName: string): StackResource =>
    ({ type: "aws:wafv2/webAclAssociation:WebAclAssociation", name, deps: { resourceArn: [stageName], webAclArn: [aclName] }, props: { resourceArn: UNKNOWN, webAclArn: UNKNOWN } });

export const cases: RuleCases = {
    compliant: [{ title: "associated", stack: [stage("prod"), webAcl("acl"), assoc("a", "prod", "acl")] }],
    violating: [{ title: "no association", stack: [stage("prod")], flagged: ["prod"] },
        { title: "association to another stage", stack: [stage("prod"), stage("dev"), webAcl("acl"), assoc("a", "dev", "acl")], flagged: ["prod"] },
        // WAF Classic (end of life) is not a WAFv2 web ACL association, though it names the stage the same way.
        { title: "a WAF Classic regional association is not a WAFv2 one", stack: [stage("prod"),
            { type: "aws:wafregional/webAclAssociation:WebAclAssociation", name: "classic", deps: { resourceArn: ["prod"] }, props: { resourceArn: UNKNOWN, webAclId: "classic-acl" } }], flagged: ["prod"] }],
    unknown: [{ title: "association by unknown ARN: judged by its dependency", expect: "compliant", stack: [stage("prod", { arn: UNKNOWN }), webAcl("acl"), assoc("a", "prod", "acl")] }],
    ignored: [{ title: "HTTP API stage (WAF cannot attach)", stack: [{ type: "aws:apigatewayv2/stage:Stage", name: "http", props: {} }] }],
};
