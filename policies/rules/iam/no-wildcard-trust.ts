import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";
import { isWildcardTrust, statements } from "./common";

export const rule = resourceRule({
    name: "iam-no-wildcard-trust",
    displayName: "No role trusts everyone",
    description: "No IAM role's trust policy lets any principal (`*`) assume it without a condition.",
    remediation: "Name the service, account or role that may assume the role, or add conditions (aws:PrincipalOrgID, sts:ExternalId).",
    severity: "critical",
    concern: "public-exposure",
    controls: { "pci-dss-4.0": ["7.2.1"], soc2: ["CC6.1", "CC6.3"], gdpr: ["art-32"] },
    resourceTypes: [aws.iam.Role],
    check: (role) => (statements(role.assumeRolePolicy).some(isWildcardTrust) ? "trust policy lets any principal (*) assume the role" : undefined),
});
