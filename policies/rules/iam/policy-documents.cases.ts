import type { RuleCases } from "../../cases";

/** Cases of iam-policy-documents (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const res = (title: string, type: string, props: Record<string, unknown>) => ({ title, resource: { type, props } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", type: string, props: Record<string, unknown>) => ({ ...res(title, type, props), expect });
const ARN = "arn:aws:s3:::data";

export const cases: RuleCases = {
    compliant: [
        res("scoped identity policy", "aws:iam/policy:Policy", { policy: doc({ Effect: "Allow", Action: "s3:GetObject", Resource: `${ARN}/*` }) }),
        res("managed task execution policy", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", { policyArn: "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy" }),
        res("service trust", "aws:iam/role:Role", { assumeRolePolicy: doc({ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }) }),
        res("trust * pinned to the organization", "aws:iam/role:Role", { assumeRolePolicy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } } }) }),
        res("bucket policy * pinned by aws:SourceAccount", "aws:s3/bucketPolicy:BucketPolicy", { policy: doc({ Effect: "Allow", Principal: "*", Action: "s3:PutObject", Resource: `${ARN}/*`, Condition: { StringEquals: { "aws:SourceAccount": "111122223333" } } }) }),
        res("key policy * pinned by kms:CallerAccount and kms:ViaService", "aws:kms/key:Key", { policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: ["kms:Decrypt"], Resource: "*", Condition: { StringEquals: { "kms:CallerAccount": "111122223333", "kms:ViaService": "s3.eu-west-1.amazonaws.com" } } }) }),
        res("Deny with NotAction (a guard, not a grant)", "aws:iam/policy:Policy", { policy: doc({ Effect: "Deny", NotAction: ["iam:*"], Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }) }),
        res("TLS-only deny to *", "aws:sqs/queuePolicy:QueuePolicy", { policy: doc({ Effect: "Deny", Principal: "*", Action: "sqs:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }) }),
        res("GitHub OIDC trust pinned to a repository", "aws:iam/role:Role", { assumeRolePolicy: doc({ Effect: "Allow", Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringLike: { "token.actions.githubusercontent.com:sub": "repo:org/app:ref:refs/heads/main" } } }) }),
        res("typed PolicyDocument object", "aws:sns/topicPolicy:TopicPolicy", { policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "events.amazonaws.com" }, Action: "sns:Publish", Resource: "*", Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:events:eu-west-1:111122223333:rule/x" } } }] } }),
        res("PassRole on one role", "aws:iam/rolePolicy:RolePolicy", { policy: doc({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/task" }) }),
        res("endpoint policy with * (narrows, grants nothing)", "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy", { policy: doc({ Effect: "Allow", Principal: "*", Action: "*", Resource: "*" }) }),
        res("KMS key without bypass (omitted = false)", "aws:kms/key:Key", {}),
    ],
    violating: [
        res("*:* inline role policy", "aws:iam/rolePolicy:RolePolicy", { policy: doc({ Effect: "Allow", Action: "*", Resource: "*" }) }),
        res("AdministratorAccess attached", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", { policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" }),
        res("IAMFullAccess in managedPolicyArns", "aws:iam/role:Role", { managedPolicyArns: ["arn:aws:iam::aws:policy/IAMFullAccess"] }),
        res("role inline policy *:*", "aws:iam/role:Role", { inlinePolicies: [{ name: "all", policy: doc({ Effect: "Allow", Action: ["*:*"], Resource: ["*"] }) }] }),
        res("iam:* on a role path", "aws:iam/policy:Policy", { policy: doc({ Effect: "Allow", Action: "iam:*", Resource: "arn:aws:iam::111122223333:role/app-*" }) }),
        res("Allow with NotAction", "aws:iam/userPolicy:UserPolicy", { policy: doc({ Effect: "Allow", NotAction: "s3:DeleteBucket", Resource: "*" }) }),
        res("Allow with NotResource", "aws:iam/groupPolicy:GroupPolicy", { policy: doc({ Effect: "Allow", Action: "s3:*", NotResource: `${ARN}/secret/*` }) }),
        res("*:* behind a condition that restricts nothing", "aws:iam/policy:Policy", { policy: doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "true" } } }) }),
        res("escalation by wildcard (iam:Put*)", "aws:iam/policy:Policy", { policy: doc({ Effect: "Allow", Action: ["iam:Put*", "s3:GetObject"], Resource: "*" }) }),
        res("PassRole on every role", "aws:iam/rolePolicy:RolePolicy", { policy: doc({ Effect: "Allow", Action: "iam:PassRole", Resource: "arn:aws:iam::111122223333:role/*" }) }),
        res("trust Principal *", "aws:iam/role:Role", { assumeRolePolicy: doc({ Effect: "Allow", Principal: "*", Action: "sts:AssumeRole" }) }),
        res("trust AWS: [*] (any key spelling)", "aws:iam/role:Role", { assumeRolePolicy: doc({ Effect: "Allow", Principal: { aws: ["*"] }, Action: "sts:AssumeRole" }) }),
        res("trust * with a wildcard-only org condition", "aws:iam/role:Role", { assumeRolePolicy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "sts:AssumeRole", Condition: { StringLike: { "aws:PrincipalOrgID": "*" } } }) }),
        res("GitHub OIDC trust without sub", "aws:iam/role:Role", { assumeRolePolicy: doc({ Effect: "Allow", Principal: { Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" }, Action: "sts:AssumeRoleWithWebIdentity", Condition: { StringEquals: { "token.actions.githubusercontent.com:aud": "sts.amazonaws.com" } } }) }),
        res("public KMS key policy", "aws:kms/key:Key", { policy: doc({ Effect: "Allow", Principal: { AWS: "*" }, Action: "kms:*", Resource: "*" }) }),
        res("public SQS queue (inline policy)", "aws:sqs/queue:Queue", { policy: doc({ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*" }) }),
        res("public secret with an IfExists condition", "aws:secretsmanager/secretPolicy:SecretPolicy", { policy: doc({ Effect: "Allow", Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*", Condition: { StringEqualsIfExists: { "aws:PrincipalAccount": "111122223333" } } }) }),
        res("ECR repository policy to NotPrincipal", "aws:ecr/repositoryPolicy:RepositoryPolicy", { policy: doc({ Effect: "Allow", NotPrincipal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "ecr:*" }) }),
        res("bypassPolicyLockoutSafetyCheck", "aws:kms/key:Key", { bypassPolicyLockoutSafetyCheck: true }),
    ],
    unknown: [
        unk("document unknown during preview", "not-judged", "aws:iam/policy:Policy", { policy: UNKNOWN }),
        unk("principal unknown in a typed document", "not-judged", "aws:sns/topicPolicy:TopicPolicy", { policy: { Statement: [{ Effect: "Allow", Principal: { AWS: UNKNOWN }, Action: "sns:Publish", Resource: "*" }] } }),
        unk("policy ARN of a policy created in the program", "compliant", "aws:iam/rolePolicyAttachment:RolePolicyAttachment", { policyArn: UNKNOWN }),
        unk("condition value unknown (an account id from another resource) still pins", "compliant", "aws:sqs/queuePolicy:QueuePolicy", { policy: { Statement: [{ Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": UNKNOWN } } }] } }),
    ],
    ignored: [res("IoT policy (own grammar)", "aws:iot/policy:Policy", { policy: doc({ Effect: "Allow", Action: "iot:*", Resource: "*" }) }),
        res("SNS delivery policy", "aws:sns/topic:Topic", { deliveryPolicy: "{}" })],
    messages: {
        "*:* inline role policy": ["identity policy policy: statement 2 allows every action (*) on every resource (*): administrator access"],
        "AdministratorAccess attached": ["policyArn attaches the AWS-managed AdministratorAccess: administrator-equivalent access for a workload"],
        "IAMFullAccess in managedPolicyArns": ["managedPolicyArns attaches the AWS-managed IAMFullAccess: administrator-equivalent access for a workload"],
        "role inline policy *:*": ["identity policy inlinePolicies[0] (all).policy: statement 2 allows every action (*) on every resource (*): administrator access"],
        "iam:* on a role path": ["identity policy policy: statement 2 allows iam:* on arn:aws:iam::111122223333:role/app-*: the holder can grant itself anything"],
        "Allow with NotAction": ["identity policy policy: statement 2 allows every action except s3:DeleteBucket (Allow with NotAction), including iam:AddUserToGroup, iam:AttachGroupPolicy, iam:AttachRolePolicy…: admin-equivalent; list the actions instead"],
        "Allow with NotResource": ["identity policy policy: statement 2 allows s3:* on every resource except arn:aws:s3:::data/secret/* (Allow with NotResource); list the resources instead"],
        "*:* behind a condition that restricts nothing": ["identity policy policy: statement 2 allows every action (*) on every resource (*) (its condition restricts nothing about the caller or request): administrator access"],
        "escalation by wildcard (iam:Put*)": ["identity policy policy: statement 2 allows iam:PutGroupPolicy, iam:PutRolePermissionsBoundary, iam:PutRolePolicy, iam:PutUserPermissionsBoundary, iam:PutUserPolicy on every resource: known privilege-escalation actions; scope them to named resources"],
        "PassRole on every role": ["identity policy policy: statement 2 allows iam:PassRole on every resource: known privilege-escalation actions; scope them to named resources"],
        "trust Principal *": ["trust policy assumeRolePolicy: statement 2 lets any principal (*) from any AWS account assume the role; restrict it with aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount/SourceArn, aws:SourceVpce or kms:CallerAccount/kms:ViaService"],
        "trust AWS: [*] (any key spelling)": ["trust policy assumeRolePolicy: statement 2 lets any principal (*) from any AWS account assume the role; restrict it with aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount/SourceArn, aws:SourceVpce or kms:CallerAccount/kms:ViaService"],
        "trust * with a wildcard-only org condition": ["trust policy assumeRolePolicy: statement 2 lets any principal (*) from any AWS account assume the role (its condition StringLike aws:PrincipalOrgID does not pin the caller's account, organization, source or network); restrict it with aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount/SourceArn, aws:SourceVpce or kms:CallerAccount/kms:ViaService"],
        "GitHub OIDC trust without sub": ["trust policy assumeRolePolicy: statement 2 trusts web identities of token.actions.githubusercontent.com without a condition on the token's :sub: any identity that provider issues (any repository, any app) can assume the role"],
        "public KMS key policy": ["key policy policy: statement 2 lets any principal (*) from any AWS account use the key (kms:*); restrict it with aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount/SourceArn, aws:SourceVpce or kms:CallerAccount/kms:ViaService"],
        "public SQS queue (inline policy)": ["resource policy policy: statement 2 lets any principal (*) from any AWS account call sqs:SendMessage; restrict it with aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount/SourceArn, aws:SourceVpce or kms:CallerAccount/kms:ViaService"],
        "public secret with an IfExists condition": ["resource policy policy: statement 2 lets any principal (*) from any AWS account call secretsmanager:GetSecretValue (its condition StringEqualsIfExists aws:PrincipalAccount does not pin the caller's account, organization, source or network); restrict it with aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount/SourceArn, aws:SourceVpce or kms:CallerAccount/kms:ViaService"],
        "ECR repository policy to NotPrincipal": ["resource policy policy: statement 2 lets every principal but those in NotPrincipal from any AWS account call ecr:*; restrict it with aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount/SourceArn, aws:SourceVpce or kms:CallerAccount/kms:ViaService"],
        "bypassPolicyLockoutSafetyCheck": ["bypassPolicyLockoutSafetyCheck is true: KMS does not check that the key policy still lets the account manage the key"],
        "document unknown during preview": ["not judged: policy (principal) unknown during preview"],
        "principal unknown in a typed document": ["not judged: policy (principal) unknown during preview"],
    },
};
