import * as aws from "../../support/aws";
import { PolicyResource } from "@pulumi/policy";
import { dependsOn, judgeEach, refersTo, stackRule, typeOf } from "../../framework";

const VPC = typeOf(aws.ec2.Vpc);
const FLOW_LOG = typeOf(aws.ec2.FlowLog);
const AWSX_VPC = "awsx:ec2:Vpc";

/**
 * Every VPC has a flow log: an aws.ec2.FlowLog whose vpcId refers to it (or to the awsx:ec2:Vpc component around it,
 * whose `vpcId` output a flow log references). awsx's Vpc creates no flow log of its own.
 */
export const rule = stackRule({
    name: "vpc-flow-logs",
    displayName: "VPC flow logs on",
    description: "Every VPC (aws.ec2.Vpc and awsx:ec2:Vpc) has a flow log capturing its traffic.",
    remediation: "Add an aws.ec2.FlowLog with vpcId, trafficType ALL and a CloudWatch log group or S3 destination.",
    severity: "medium",
    controls: { "pci-dss-4.0": ["10.2.1"], soc2: ["CC7.2"], "cis-aws-3.0": ["3.7"] },
    types: [VPC, AWSX_VPC],
    check: (resources) => {
        const flowLogs = resources.filter((r) => r.type === FLOW_LOG);
        const covered = (vpc: PolicyResource): boolean =>
            flowLogs.some((f) => refersTo(f, "vpcId", vpc) || dependsOn(f, vpc)) || (vpc.parent !== undefined && vpc.parent.type === AWSX_VPC && covered(vpc.parent));
        return judgeEach(resources.filter((r) => r.type === VPC || r.type === AWSX_VPC), (vpc) =>
            covered(vpc) ? undefined : { urn: vpc.urn, name: vpc.name, message: `VPC ${vpc.name} has no flow log` });
    },
});
