import { UNKNOWN, unk, type RuleCases, type StackResource } from "../../cases";

/** Cases of ec2-no-open-ingress (test/policies/unit.test.ts runs them in-process). */
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
    compliant: [
        // The thresholds: at most 256 public IPv4 addresses (a /24), IPv6 prefixes of /48 or longer.
        { title: "a public /24 (256 addresses, at the limit)", stack: [sg("app"), ingress("in", "app", 22, "8.8.0.0/24")] },
        { title: "a public IPv6 /48 (at the limit)", stack: [sg("app"), ingress("in", "app", 22, { v6: "2a00:1450:4000::/48" })] },
        { title: "an egress rule to anywhere", stack: [sg("app"), { type: SG_RULE, name: "out", deps: { securityGroupId: ["app"] }, props: { type: "egress", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] } }] },
        { title: "8443 allowed by config on a load balancer's group", config: { allowedPublicPorts: [443, 8443] }, stack: [sg("alb-sg"), lb("alb", ["alb-sg"]), ingress("in", "alb-sg", 8443, "0.0.0.0/0")] },
        { title: "inline ingress from a plan prefix list of private ranges", stack: [{ type: "aws:ec2/managedPrefixList:ManagedPrefixList", name: "pl", props: { addressFamily: "IPv4", maxEntries: 2, entries: [{ cidr: "10.0.0.0/8" }] } },
            { type: SG, name: "db", deps: { ingress: ["pl"] }, props: { vpcId: UNKNOWN, ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, prefixListIds: [UNKNOWN] }] } }] },
        { title: "443 on a group attached to a load balancer only", stack: [sg("alb-sg"), lb("alb", ["alb-sg"]), ingress("in", "alb-sg", 443, "0.0.0.0/0"), ingress("in6", "alb-sg", 443, { v6: "::/0" })] },
        { title: "private ranges on any port", stack: [sg("app"), ingress("in", "app", [0, 65535], "10.0.0.0/8", "-1")] },
        { title: "a partner /28", stack: [sg("app"), ingress("in", "app", 22, "198.51.99.0/28")] },
        { title: "a prefix list of private ranges on 5432", stack: [{ type: "aws:ec2/managedPrefixList:ManagedPrefixList", name: "pl", props: { entries: [{ cidr: "10.0.0.0/8" }, { cidr: "172.16.0.0/12" }] } }, sg("db"),
            { type: INGRESS, name: "in", deps: { securityGroupId: ["db"], prefixListId: ["pl"] }, props: { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, prefixListId: UNKNOWN } }] }],
    violating: [
        { title: "a public /23 (512 addresses, one bit past the limit)", stack: [sg("app"), ingress("in", "app", 22, "8.8.0.0/23")], flagged: ["in"] },
        { title: "a public IPv6 /47 (one bit past the limit)", stack: [sg("app"), ingress("in", "app", 22, { v6: "2a00:1450:4000::/47" })], flagged: ["in"] },
        { title: "a port range, split by a private rule inside it, reported as one range", stack: [sg("app"), ingress("wide", "app", [1000, 2000], "0.0.0.0/0"), ingress("vpc", "app", 1500, "10.0.0.0/8")], flagged: ["wide"] },
        { title: "443 by a rule whose group is outside the stack", stack: [{ type: SG_RULE, name: "r", props: { type: "INGRESS", securityGroupId: "sg-0123456789abcdef0", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] } }], flagged: ["r"] },
        { title: "inline IPv6 ::/0 on 22 and 443 from a group not on a load balancer", stack: [sg("app", { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, ipv6CidrBlocks: ["::/0"] }, { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] })], flagged: ["app"] },
        { title: "80 and 443 on a group that is on no load balancer", stack: [sg("web"), ingress("http", "web", 80, "0.0.0.0/0"), ingress("https", "web", 443, "0.0.0.0/0")], flagged: ["http", "https"] },
        { title: "0.0.0.0/1 + 128.0.0.0/1 on 22", stack: [sg("app"), ingress("a", "app", 22, "0.0.0.0/1"), ingress("b", "app", 22, "128.0.0.0/1")], flagged: ["a", "b"] },
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
        "a public /23 (512 addresses, one bit past the limit)": ["in admits public addresses (8.8.0.0/23, together with the group's other rules) on port 22"],
        "a public IPv6 /47 (one bit past the limit)": ["in admits public addresses (2a00:1450:4000::/47, together with the group's other rules) on port 22"],
        "a port range, split by a private rule inside it, reported as one range": ["wide admits public addresses (0.0.0.0/0, together with the group's other rules) on ports 1000-2000"],
        "443 by a rule whose group is outside the stack": ["r admits public addresses (0.0.0.0/0, together with the group's other rules) on port 443 on a group outside this stack"],
        "inline IPv6 ::/0 on 22 and 443 from a group not on a load balancer": ["app admits public addresses (::/0, 0.0.0.0/0, together with the group's other rules) on port 22, port 443"],
        "80 and 443 on a group that is on no load balancer": ["http admits public addresses (0.0.0.0/0, together with the group's other rules) on port 80 on a group attached to something other than load balancers (or to none)", "https admits public addresses (0.0.0.0/0, together with the group's other rules) on port 443 on a group attached to something other than load balancers (or to none)"],
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
