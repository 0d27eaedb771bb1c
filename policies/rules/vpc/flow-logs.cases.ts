import { UNKNOWN, type RuleCases, type StackResource } from "../../cases";

/** Cases of vpc-flow-logs (test/policies/unit.test.ts runs them in-process). */
const vpc = (name = "vpc"): StackResource => ({ type: "aws:ec2/vpc:Vpc", name, props: { cidrBlock: "10.0.0.0/16" } });
const flowLog = (deps: Record<string, string[]>, props: Record<string, unknown> = {}, name = "fl"): StackResource => ({ type: "aws:ec2/flowLog:FlowLog", name, deps, props: { trafficType: "ALL", ...props } });

export const cases: RuleCases = {
    compliant: [{ title: "flow log on the VPC", stack: [vpc(), flowLog({ vpcId: ["vpc"] }, { vpcId: UNKNOWN })] },
        { title: "flow log on an awsx VPC's vpcId", stack: [{ type: "awsx:ec2:Vpc", name: "net", props: {} }, { type: "aws:ec2/flowLog:FlowLog", name: "fl", deps: { vpcId: ["net"] }, props: {} }] }],
    violating: [{ title: "no flow log", stack: [vpc()], flagged: ["vpc"] }, { title: "awsx VPC without flow log", stack: [{ type: "awsx:ec2:Vpc", name: "net", props: {} }], flagged: ["net"] },
        { title: "a flow log on another VPC only", stack: [vpc(), vpc("other"), flowLog({ vpcId: ["other"] }, { vpcId: UNKNOWN })], flagged: ["vpc"] },
        // A subnet depends on the VPC too, but is not a flow log.
        { title: "a subnet of the VPC is not a flow log", stack: [vpc(), { type: "aws:ec2/subnet:Subnet", name: "s", deps: { vpcId: ["vpc"] }, props: { vpcId: UNKNOWN, cidrBlock: "10.0.1.0/24" } }], flagged: ["vpc"] },
        { title: "a flow log on a subnet of the VPC does not cover the VPC", stack: [vpc(), { type: "aws:ec2/subnet:Subnet", name: "s", deps: { vpcId: ["vpc"] }, props: { vpcId: UNKNOWN } }, flowLog({ subnetId: ["s"] }, { subnetId: UNKNOWN })], flagged: ["vpc"] }],
    unknown: [{ title: "flow log with an unknown vpcId literal", expect: "compliant", stack: [vpc(), flowLog({ vpcId: ["vpc"] }, { vpcId: UNKNOWN })] }],
};
