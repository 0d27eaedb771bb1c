import * as aws from "../../support/aws";
import { asArray, resourceRule, typesOf } from "../../framework";
import { isAdminStatement, statements } from "./common";

const ATTACHMENTS = typesOf(aws.iam.RolePolicyAttachment, aws.iam.PolicyAttachment, aws.iam.UserPolicyAttachment, aws.iam.GroupPolicyAttachment);

export const rule = resourceRule({
    name: "iam-no-admin-policies",
    displayName: "No administrator (`*:*`) policies",
    description: "No IAM policy allows every action on every resource, and no role, user or group gets AdministratorAccess attached: workloads get least privilege.",
    remediation: "List the actions and resources the workload needs; attach scoped managed policies instead of AdministratorAccess.",
    severity: "critical",
    controls: { "pci-dss-4.0": ["7.2.1", "7.2.2"], soc2: ["CC6.1", "CC6.3"], "cis-aws-3.0": ["1.16"], gdpr: ["art-32"] },
    resourceTypes: [aws.iam.Policy, aws.iam.RolePolicy, aws.iam.UserPolicy, aws.iam.GroupPolicy, aws.iam.Role, aws.iam.RolePolicyAttachment,
        aws.iam.PolicyAttachment, aws.iam.UserPolicyAttachment, aws.iam.GroupPolicyAttachment],
    check: (resource, args) => {
        if (ATTACHMENTS.includes(args.type)) {
            return /:policy\/AdministratorAccess$/.test(String(resource.policyArn ?? "")) ? "attaches AdministratorAccess" : undefined;
        }
        if (args.type === "aws:iam/role:Role") {
            const inline = asArray<any>(resource.inlinePolicies).filter((p) => statements(p?.policy).some(isAdminStatement));
            const managed = asArray<string>(resource.managedPolicyArns).filter((arn) => /:policy\/AdministratorAccess$/.test(String(arn)));
            return [...inline.map((p) => `inline policy ${p.name ?? ""} allows *:* on *`), ...managed.map(() => "attaches AdministratorAccess")];
        }
        return statements(resource.policy).some(isAdminStatement) ? "policy allows every action (*) on every resource (*)" : undefined;
    },
});
