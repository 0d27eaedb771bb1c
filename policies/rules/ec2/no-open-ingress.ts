import * as aws from "../../support/aws";
import { PolicyResource } from "@pulumi/policy";
import { asArray, dependsOn, RuleFinding, judgeEach, raw, refersTo, stackRule, typeOf, typesOf } from "../../framework";
import { portRange, publicCoverage } from "../../support/addresses";
import { LOAD_BALANCER_TYPES } from "../lb/common";
import { NETWORK_EXPOSURE } from "../../controls";

const SECURITY_GROUP = typeOf(aws.ec2.SecurityGroup);
const SG_RULE = typeOf(aws.ec2.SecurityGroupRule);
const INGRESS_RULE = typeOf(aws.vpc.SecurityGroupIngressRule);
const PREFIX_LIST = "aws:ec2/managedPrefixList:ManagedPrefixList";
const PREFIX_LIST_ENTRY = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";
/** Types that reference a group without attaching it to anything (rules, other groups' rules). */
const NOT_ATTACHMENTS = new Set([SECURITY_GROUP, SG_RULE, INGRESS_RULE, ...typesOf(aws.vpc.SecurityGroupEgressRule)]);

interface Entry {
    owner: PolicyResource;
    ports: [number, number];
    cidrs: string[];
}

class NotJudgedPrefixList extends Error {}

const portsText = ([from, to]: [number, number]) => (from === to ? `port ${from}` : from === 0 && to === 65535 ? "all ports" : `ports ${from}-${to}`);

/** Joins adjacent port segments for the message. */
function joined(segments: Array<[number, number]>): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (const [from, to] of segments) {
        const last = out[out.length - 1];
        if (last && from === last[1] + 1) last[1] = to;
        else out.push([from, to]);
    }
    return out;
}

/**
 * Ingress is judged by the public addresses it admits: the union of every rule of a group on each port (so split
 * ranges like 0.0.0.0/1 + 128.0.0.0/1 count as the internet), with protocol -1 as all ports. Public web ports are
 * allowed only on a group attached to load balancers alone.
 */
export const rule = stackRule({
    name: "ec2-no-open-ingress",
    controls: { ...NETWORK_EXPOSURE, "cis-aws-3.0": ["5.2", "5.3"] },
    displayName: "No ingress from the internet except web ports on load balancers",
    description: "No security group admits a public address range wider than the threshold (judged on the union of its rules, managed prefix lists of the plan resolved to their CIDRs; protocol -1 is all ports), except ports 80 and 443 on a group attached to load balancers only.",
    remediation: "Admit other security groups (referencedSecurityGroupId) or specific CIDRs; keep internet ingress on the load balancer's 80/443 and give that group to nothing else.",
    concern: "public-exposure",
    severity: "critical",
    types: [SECURITY_GROUP, SG_RULE, INGRESS_RULE, PREFIX_LIST, PREFIX_LIST_ENTRY],
    config: {
        allowedPublicPorts: { type: "array", items: { type: "integer" }, default: [80, 443] },
        maxPublicIpv4Addresses: { type: "integer", minimum: 0, default: 256 },
        maxPublicIpv6PrefixLength: { type: "integer", minimum: 0, maximum: 128, default: 48 },
    },
    check: (resources, _args, config) => {
        const allowed: number[] = config.allowedPublicPorts;
        const max4 = BigInt(config.maxPublicIpv4Addresses);
        const max6 = 1n << BigInt(128 - config.maxPublicIpv6PrefixLength);
        const groups = resources.filter((r) => r.type === SECURITY_GROUP);
        const loadBalancers = resources.filter((r) => LOAD_BALANCER_TYPES.includes(r.type));
        const attachedToLoadBalancersOnly = (sg: PolicyResource) =>
            loadBalancers.some((lb) => refersTo(lb, "securityGroups", sg)) &&
            !resources.some((r) => !LOAD_BALANCER_TYPES.includes(r.type) && !NOT_ATTACHMENTS.has(r.type) && dependsOn(r, sg));

        // Entries per group (a rule whose group is outside the stack is judged on its own).
        const byGroup = new Map<string, { sg?: PolicyResource; entries: Entry[] }>();
        const add = (key: string, sg: PolicyResource | undefined, entry: Entry) => {
            const bucket = byGroup.get(key) ?? { sg, entries: [] };
            bucket.entries.push(entry);
            byGroup.set(key, bucket);
        };
        // Managed prefix lists of the plan, resolved to their CIDRs (inline entries and ManagedPrefixListEntry resources);
        // a list outside the plan (an AWS-managed one, another stack's) cannot be read and makes its rule not judged.
        const prefixLists = resources.filter((r) => r.type === PREFIX_LIST);
        const listCidrs = (r: PolicyResource, property: string, ids: unknown): string[] => {
            const wanted = asArray<unknown>(ids);
            if (wanted.length === 0) return [];
            const lists = prefixLists.filter((l) => refersTo(r, property, l));
            if (lists.length === 0) throw new NotJudgedPrefixList(`${property} names a prefix list outside this plan`);
            return lists.flatMap((l) => [
                ...asArray<any>(l.props.entries).map((e) => e?.cidr),
                ...resources.filter((e) => e.type === PREFIX_LIST_ENTRY && refersTo(e, "prefixListId", l)).map((e) => e.props.cidr),
            ]).filter((c): c is string => typeof c === "string");
        };
        const notJudged = judgeEach(resources, (r): RuleFinding[] | undefined => {
            try {
                if (r.type === SECURITY_GROUP) {
                    for (const ingress of asArray<any>(r.props.ingress)) {
                        add(r.urn, r, { owner: r, ports: portRange(ingress.protocol, ingress.fromPort, ingress.toPort), cidrs: [...asArray(ingress.cidrBlocks), ...asArray(ingress.ipv6CidrBlocks), ...listCidrs(r, "ingress", raw(ingress).prefixListIds)] });
                    }
                } else if (r.type === SG_RULE && String(r.props.type).toLowerCase() === "ingress") {
                    const sg = groups.find((g) => refersTo(r, "securityGroupId", g));
                    add(sg?.urn ?? r.urn, sg, { owner: r, ports: portRange(r.props.protocol, r.props.fromPort, r.props.toPort), cidrs: [...asArray(r.props.cidrBlocks), ...asArray(r.props.ipv6CidrBlocks), ...listCidrs(r, "prefixListIds", raw(r.props).prefixListIds)] });
                } else if (r.type === INGRESS_RULE) {
                    const sg = groups.find((g) => refersTo(r, "securityGroupId", g));
                    add(sg?.urn ?? r.urn, sg, { owner: r, ports: portRange(r.props.ipProtocol, r.props.fromPort, r.props.toPort), cidrs: [r.props.cidrIpv4, r.props.cidrIpv6, ...listCidrs(r, "prefixListId", raw(r.props).prefixListId)].filter((c): c is string => typeof c === "string") });
                }
            } catch (err) {
                if (!(err instanceof NotJudgedPrefixList)) throw err;
                return [{ urn: r.urn, name: r.name, notJudged: ["prefixListId"], message: `${r.name}: ${err.message}` }];
            }
            return undefined;
        });

        const findings: RuleFinding[] = [...notJudged];
        for (const { sg, entries } of byGroup.values()) {
            const breaks = [...new Set(entries.flatMap((e) => [e.ports[0], e.ports[1] + 1]))].sort((a, b) => a - b);
            const flagged = new Map<string, { owner: PolicyResource; ports: Array<[number, number]>; cidrs: Set<string>; webOnly: boolean }>();
            for (let i = 0; i < breaks.length - 1; i++) {
                const segment: [number, number] = [breaks[i], breaks[i + 1] - 1];
                const covering = entries.filter((e) => e.ports[0] <= segment[0] && e.ports[1] >= segment[1]);
                const union = publicCoverage(covering.flatMap((e) => e.cidrs));
                if (union.ipv4 <= max4 && union.ipv6 <= max6) continue;
                const webOnly = segment[0] === segment[1] && allowed.includes(segment[0]);
                if (webOnly && sg && attachedToLoadBalancersOnly(sg)) continue;
                for (const entry of covering) {
                    const own = publicCoverage(entry.cidrs);
                    if (own.ipv4 === 0n && own.ipv6 === 0n) continue;
                    const item = flagged.get(entry.owner.urn) ?? { owner: entry.owner, ports: [], cidrs: new Set<string>(), webOnly: true };
                    item.ports.push(segment);
                    entry.cidrs.forEach((c) => item.cidrs.add(c));
                    item.webOnly = item.webOnly && webOnly;
                    flagged.set(entry.owner.urn, item);
                }
            }
            for (const item of flagged.values()) {
                const where = item.webOnly ? (sg ? " on a group attached to something other than load balancers (or to none)" : " on a group outside this stack") : "";
                findings.push({
                    urn: item.owner.urn, name: item.owner.name,
                    message: `${item.owner.name} admits public addresses (${[...item.cidrs].join(", ")}, together with the group's other rules) on ${joined(item.ports).map(portsText).join(", ")}${where}`,
                });
            }
        }
        return findings;
    },
});
