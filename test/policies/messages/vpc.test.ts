import * as assert from "assert";
import type { PolicyResource } from "@pulumi/policy";
import { rule } from "../../../policies/rules/vpc/flow-logs";
import { runStackRule } from "../harness";

/**
 * vpc-flow-logs: its message, and the VPC an awsx:ec2:Vpc component creates as its child (the harness's stack cases
 * carry no parents): a flow log on the component's vpcId covers the child VPC.
 */
const node = (type: string, name: string, extra: Partial<PolicyResource> = {}): PolicyResource =>
    ({ type, name, urn: `urn:pulumi:test::fixture::${type}::${name}`, props: {}, dependencies: [], propertyDependencies: {}, ...extra }) as unknown as PolicyResource;
const flagged = (resources: PolicyResource[]) => rule.check(resources, {} as any, {}).map((f) => f.name);

describe("vpc rules", () => {
    it("vpc-flow-logs names the VPC without a flow log", () => {
        assert.deepStrictEqual(runStackRule(rule, [{ type: "aws:ec2/vpc:Vpc", name: "main", props: { cidrBlock: "10.0.0.0/16" } }]).violations.map((v) => v.message), ["VPC main has no flow log"]);
    });

    it("a flow log on an awsx VPC covers the aws:ec2 VPC it creates as its child; without one, both are flagged", () => {
        const component = node("awsx:ec2:Vpc", "net");
        const child = node("aws:ec2/vpc:Vpc", "net", { parent: component } as Partial<PolicyResource>);
        const flowLog = node("aws:ec2/flowLog:FlowLog", "fl", { propertyDependencies: { vpcId: [component] }, dependencies: [component] } as Partial<PolicyResource>);
        assert.deepStrictEqual(flagged([component, child, flowLog]), []);
        assert.deepStrictEqual(flagged([component, child]), ["net", "net"]);
    });

    it("a parent that is not an awsx VPC does not cover its child VPC", () => {
        // A component of the platform's own that happens to have a flow log depending on it.
        const platform = node("platform:network:Network", "net");
        const child = node("aws:ec2/vpc:Vpc", "net-vpc", { parent: platform } as Partial<PolicyResource>);
        const flowLog = node("aws:ec2/flowLog:FlowLog", "fl", { propertyDependencies: { vpcId: [platform] }, dependencies: [platform] } as Partial<PolicyResource>);
        assert.deepStrictEqual(flagged([platform, child, flowLog]), ["net-vpc"]);
    });
});
