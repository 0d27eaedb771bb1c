import * as aws from "../../support/aws";
import { asArray, CheckResult, resourceRule } from "../../framework";

const TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
/** Launch templates take these flags as strings ("true") as well as booleans. */
const isTrue = (v: unknown) => v === true || String(v).toLowerCase() === "true";

export const rule = resourceRule({
    name: "ec2-instance-hardening",
    displayName: "EC2 instances: IMDSv2, encrypted volumes, no public IP",
    description: "EC2 instances, spot requests, launch templates and launch configurations require IMDSv2 (httpTokens required; the default allows IMDSv1), encrypt the root and every EBS volume, and get no public IP address.",
    remediation: "Set metadataOptions { httpTokens: \"required\" }, encrypted: true on rootBlockDevice/ebsBlockDevices (launch templates: blockDeviceMappings[].ebs.encrypted), and associatePublicIpAddress: false.",
    severity: "high",
    concern: ["encryption-at-rest", "public-exposure"],
    controls: { "pci-dss-4.0": ["1.3.1", "3.5.1", "2.2.1"], soc2: ["CC6.1", "CC6.6"], "cis-aws-3.0": ["5.6", "2.2.1"], gdpr: ["art-32"] },
    resourceTypes: [aws.ec2.Instance, aws.ec2.LaunchTemplate, aws.ec2.SpotInstanceRequest, aws.ec2.LaunchConfiguration],
    check: (ec2, args): CheckResult => {
        const problems: string[] = [];
        if (String(ec2.metadataOptions?.httpTokens ?? "optional").toLowerCase() !== "required" && String(ec2.metadataOptions?.httpEndpoint ?? "enabled").toLowerCase() !== "disabled") {
            problems.push("IMDSv1 is allowed (metadataOptions.httpTokens is not required)");
        }
        if (args.type === TEMPLATE) {
            if (asArray<any>(ec2.blockDeviceMappings).some((m) => m?.ebs && !isTrue(m.ebs.encrypted) && !m.ebs.snapshotId)) problems.push("a block device mapping is not encrypted");
            if (asArray<any>(ec2.networkInterfaces).some((n) => isTrue(n?.associatePublicIpAddress))) problems.push("network interfaces get a public IP address");
        } else {
            if (ec2.rootBlockDevice?.encrypted !== true) problems.push("the root volume is not encrypted (rootBlockDevice.encrypted is not true)");
            if (asArray<any>(ec2.ebsBlockDevices).some((d) => d?.encrypted !== true && !d?.snapshotId)) problems.push("an EBS block device is not encrypted");
            if (ec2.associatePublicIpAddress === true) problems.push("the instance gets a public IP address");
        }
        return problems;
    },
});
