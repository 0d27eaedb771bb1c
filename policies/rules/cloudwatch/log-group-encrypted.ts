import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "cloudwatch-log-group-encrypted",
    controls: { "pci-dss-4.0": ["3.5.1", "10.3.2"], soc2: ["CC6.1"], "cis-aws-3.0": ["3.5"], gdpr: ["art-32"] },
    displayName: "CloudWatch log groups encrypted with a customer key",
    description: "Log groups (application, audit, flow, WAF logs) are encrypted with a customer-managed KMS key.",
    remediation: "Set kmsKeyId to a key whose policy grants logs.<region>.amazonaws.com use of the key.",
    concern: "encryption-at-rest",
    severity: "medium",
    resourceTypes: [aws.cloudwatch.LogGroup],
    check: (group) => (!isSet(group, "kmsKeyId") ? "log group has no kmsKeyId" : undefined),
});
