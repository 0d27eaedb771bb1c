import { UNKNOWN, res, type RuleCases } from "../../cases";

/** Cases of general-resource-sharing (test/policies/unit.test.ts runs them in-process). */
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", type: string, props: Record<string, unknown>) => ({ ...res(title, type, props), expect });
const PERMISSION = "aws:lambda/permission:Permission";

export const cases: RuleCases = {
    compliant: [
        res("snapshot shared with one account", "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", { snapshotId: "snap-1", accountId: "111122223333" }),
        res("AMI shared with an organization", "aws:ec2/amiLaunchPermission:AmiLaunchPermission", { imageId: "ami-1", organizationArn: "arn:aws:organizations::111122223333:organization/o-abc123" }),
        res("* pinned to the organization", PERMISSION, { principal: "*", principalOrgId: "o-abc123", action: "lambda:InvokeFunction", function: "f" }),
        res("event bus * with an organization condition", "aws:cloudwatch/eventPermission:EventPermission", { principal: "*", statementId: "org", condition: { key: "aws:PrincipalOrgID", type: "StringEquals", value: "o-abc123" } }),
        res("service principal with sourceAccount only", PERMISSION, { principal: "sns.amazonaws.com", sourceAccount: "111122223333", action: "lambda:InvokeFunction", function: "f" }),
        res("another account as principal", PERMISSION, { principal: "111122223333", action: "lambda:InvokeFunction", function: "f" }),
        res("layer shared with a service principal (no confused-deputy check for layers)", "aws:lambda/layerVersionPermission:LayerVersionPermission", { principal: "111122223333", action: "lambda:GetLayerVersion", layerName: "l", versionNumber: 1, statementId: "s" }),
        res("service principal with sourceArn", PERMISSION, { principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::b", action: "lambda:InvokeFunction" }),
        res("* with source account", PERMISSION, { principal: "*", sourceAccount: "111122223333" }),
        res("another account by id", PERMISSION, { principal: "444455556666", action: "lambda:InvokeFunction" }),
        res("AMI shared with one account", "aws:ec2/amiLaunchPermission:AmiLaunchPermission", { imageId: "ami-1", accountId: "444455556666" }),
        res("layer shared with the organization", "aws:lambda/layerVersionPermission:LayerVersionPermission", { principal: "*", organizationId: "o-abc123", action: "lambda:GetLayerVersion" }),
    ],
    violating: [
        res("snapshot shared with all (any case)", "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission", { snapshotId: "snap-1", accountId: "ALL" }),
        res("Private CA permission for ACM without a source account", "aws:acmpca/permission:Permission", { certificateAuthorityArn: "arn:aws:acm-pca:eu-west-1:111122223333:certificate-authority/ca", principal: "acm.amazonaws.com", actions: ["IssueCertificate", "GetCertificate", "ListPermissions"] }),
        res("China-partition service principal without a source", PERMISSION, { principal: "s3.amazonaws.com.cn", action: "lambda:InvokeFunction", function: "f" }),
        res("public permission", PERMISSION, { principal: "*", action: "lambda:InvokeFunction" }),
        res("service principal without source (confused deputy)", PERMISSION, { principal: "events.amazonaws.com", action: "lambda:InvokeFunction" }),
        res("public AMI (group all, any case)", "aws:ec2/amiLaunchPermission:AmiLaunchPermission", { imageId: "ami-1", group: "All" }),
        res("public layer", "aws:lambda/layerVersionPermission:LayerVersionPermission", { principal: "*", action: "lambda:GetLayerVersion" }),
        res("public event bus permission", "aws:cloudwatch/eventPermission:EventPermission", { principal: "*", statementId: "all" }),
    ],
    unknown: [unk("principal unknown", "not-judged", PERMISSION, { principal: UNKNOWN, action: "lambda:InvokeFunction" }),
        unk("sourceArn from a resource created in the program", "compliant", PERMISSION, { principal: "sns.amazonaws.com", sourceArn: UNKNOWN })],
    ignored: [res("function URL is lambda-not-public's", "aws:lambda/functionUrl:FunctionUrl", { authorizationType: "NONE" })],
    messages: {
        "snapshot shared with all (any case)": ["create-volume permission for \"all\": the snapshot is public"],
        "Private CA permission for ACM without a source account": ["permission for the service principal acm.amazonaws.com has no sourceArn or sourceAccount: that service can invoke it on behalf of any account's resources (confused deputy)"],
        "China-partition service principal without a source": ["permission for the service principal s3.amazonaws.com.cn has no sourceArn or sourceAccount: that service can invoke it on behalf of any account's resources (confused deputy)"],
        "public permission": ["Permission grants principal \"*\" (every AWS account and, for function URLs, the internet) with no sourceArn, sourceAccount or organization condition"],
        "service principal without source (confused deputy)": ["permission for the service principal events.amazonaws.com has no sourceArn or sourceAccount: that service can invoke it on behalf of any account's resources (confused deputy)"],
        "public AMI (group all, any case)": ["launch permission group \"all\": the AMI is public (any AWS account can launch it and read its snapshots)"],
        "public layer": ["LayerVersionPermission grants principal \"*\" (every AWS account) with no sourceArn, sourceAccount or organization condition"],
        "public event bus permission": ["EventPermission grants principal \"*\" (every AWS account) with no sourceArn, sourceAccount or organization condition"],
        "principal unknown": ["not judged: principal unknown during preview"],
    },
};
