import type { VpcArgs as AwsxVpcArgs } from "@pulumi/awsx/ec2/vpc";
import { Unwrap } from "@pulumi/pulumi";
import { AVAILABILITY } from "../../controls";
import { CheckResult, ResourceRule } from "../../framework";

type VpcArgs = Partial<Unwrap<AwsxVpcArgs>>;

/** awsx:ec2:Vpc NAT strategy: "Single" puts every AZ's egress behind one NAT gateway (the default is OnePerAz). Flow logs: vpc-flow-logs. */
export const rule: ResourceRule = {
    name: "awsx-vpc-nat-per-az",
    displayName: "awsx VPCs: a NAT gateway per AZ",
    description: "awsx:ec2:Vpc keeps a NAT gateway per availability zone (strategy OnePerAz, the default), so losing one AZ does not cut egress for the others.",
    remediation: "Set natGateways: { strategy: \"OnePerAz\" } (or \"None\" with VPC endpoints if the subnets need no internet egress).",
    severity: "medium",
    controls: AVAILABILITY,
    types: ["awsx:ec2:Vpc"],
    check: (props): CheckResult => {
        const vpc = props as VpcArgs;
        return String(vpc.natGateways?.strategy ?? "OnePerAz") === "Single" ? "one NAT gateway serves every AZ (natGateways.strategy Single)" : undefined;
    },
};
