import type { Case, RuleCases, StackResource } from "../../cases";

/** Cases of ec2-no-open-ingress (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });
const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const SERVICE = "aws:ecs/service:Service";
const ingress = (name: string, sg: string, port: number | [number, number], cidr: string | { v6: string }, protocol = "tcp"): StackResource => ({
    type: INGRESS, name, deps: { securityGroupId: [sg] },
    props: { securityGroupId: UNKNOWN, ipProtocol: protocol, fromPort: Array.isArray(port) ? port[0] : port, toPort: Array.isArray(port) ? port[1] : port, ...(typeof cidr === "string" ? { cidrIpv4: cidr } : { cidrIpv6: cidr.v6 }) },
});
const sg = (name: string, props: Record<string, unknown> = {}): StackResource => ({ type: SG, name, props: { vpcId: UNKNOWN, ...props } });
const lb = (name: string, groups: string[], props: Record<string, unknown> = {}): StackResource => ({ type: LB, name, deps: { securityGroups: groups }, props: { internal: false, securityGroups: UNKNOWN, ...props } });

export const cases: RuleCases = {
    compliant: [{ title: "443 on a group attached to a load balancer only", stack: [sg("alb-sg"), lb("alb", ["alb-sg"]), ingress("in", "alb-sg", 443, "0.0.0.0/0"), ingress("in6", "alb-sg", 443, { v6: "::/0" })] },
        { title: "private ranges on any port", stack: [sg("app"), ingress("in", "app", [0, 65535], "10.0.0.0/8", "-1")] },
        { title: "a partner /28", stack: [sg("app"), ingress("in", "app", 22, "198.51.99.0/28")] },
        { title: "a prefix list of private ranges on 5432", stack: [{ type: "aws:ec2/managedPrefixList:ManagedPrefixList", name: "pl", props: { entries: [{ cidr: "10.0.0.0/8" }, { cidr: "172.16.0.0/12" }] } }, sg("db"),
            { type: INGRESS, name: "in", deps: { securityGroupId: ["db"], prefixListId: ["pl"] }, props: { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, prefixListId: UNKNOWN } }] }],
    violating: [{ title: "0.0.0.0/1 + 128.0.0.0/1 on 22", stack: [sg("app"), ingress("a", "app", 22, "0.0.0.0/1"), ingress("b", "app", 22, "128.0.0.0/1")], flagged: ["a", "b"] },
        { title: "protocol -1 from anywhere", stack: [sg("app", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })], flagged: ["app"] },
        { title: "IPv6 ::/0 on 5432", stack: [sg("db"), ingress("in", "db", 5432, { v6: "::/0" })], flagged: ["in"] },
        { title: "443 on a load balancer's group also attached to a service", stack: [sg("shared"), lb("alb", ["shared"]), { type: SERVICE, name: "svc", deps: { networkConfiguration: ["shared"] }, props: {} }, ingress("in", "shared", 443, "0.0.0.0/0")], flagged: ["in"] },
        { title: "a prefix list (with an entry resource) that admits the internet on 22", flagged: ["in"], stack: [{ type: "aws:ec2/managedPrefixList:ManagedPrefixList", name: "pl", props: { entries: [{ cidr: "10.0.0.0/8" }] } },
            { type: "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry", name: "e", deps: { prefixListId: ["pl"] }, props: { prefixListId: UNKNOWN, cidr: "0.0.0.0/0" } }, sg("app"),
            { type: SG_RULE, name: "in", deps: { securityGroupId: ["app"], prefixListIds: ["pl"] }, props: { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, prefixListIds: [UNKNOWN] } }] },
        { title: "a public /8 on 3389 via a legacy rule", stack: [sg("win"), { type: SG_RULE, name: "r", deps: { securityGroupId: ["win"] }, props: { type: "ingress", protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: ["8.0.0.0/8"] } }], flagged: ["r"] }],
    unknown: [unk("a computed CIDR elsewhere does not hide a literal open SSH rule", "not-judged", { title: "", flagged: ["ssh"], stack: [sg("a"), ingress("computed", "a", 443, UNKNOWN), sg("b"), ingress("ssh", "b", 22, "0.0.0.0/0")] }),
        unk("a prefix list outside the plan (AWS-managed) is not judged", "not-judged", { title: "", stack: [sg("alb"), { type: INGRESS, name: "cf", deps: { securityGroupId: ["alb"] }, props: { ipProtocol: "tcp", fromPort: 443, toPort: 443, prefixListId: "pl-3b927c52" } }] })],
    messages: {
        "0.0.0.0/1 + 128.0.0.0/1 on 22": ["a admits public addresses (0.0.0.0/1, together with the group's other rules) on port 22", "b admits public addresses (128.0.0.0/1, together with the group's other rules) on port 22"],
        "protocol -1 from anywhere": ["app admits public addresses (0.0.0.0/0, together with the group's other rules) on all ports"],
        "IPv6 ::/0 on 5432": ["in admits public addresses (::/0, together with the group's other rules) on port 5432"],
        "443 on a load balancer's group also attached to a service": ["in admits public addresses (0.0.0.0/0, together with the group's other rules) on port 443 on a group attached to something other than load balancers (or to none)"],
        "a prefix list (with an entry resource) that admits the internet on 22": ["in admits public addresses (10.0.0.0/8, 0.0.0.0/0, together with the group's other rules) on port 22"],
        "a public /8 on 3389 via a legacy rule": ["r admits public addresses (8.0.0.0/8, together with the group's other rules) on port 3389"],
        "a computed CIDR elsewhere does not hide a literal open SSH rule": ["ssh admits public addresses (0.0.0.0/0, together with the group's other rules) on port 22", "not judged: computed: cidrIpv4 unknown during preview"],
        "a prefix list outside the plan (AWS-managed) is not judged": ["not judged: cf: prefixListId names a prefix list outside this plan"],
    },
};
