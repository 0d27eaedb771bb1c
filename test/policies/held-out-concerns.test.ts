import * as assert from "assert";
import { AnalyzerResource, Diagnostic, PolicyPackProcess } from "../../scripts/preview/analyzer/client";
import { startConfiguredPack } from "./pack-process";

/**
 * A held-out-style set for issue 20: misconfigurations across the concerns (access, transport, exposure, plaintext
 * secrets, keys, integrity/retention/resilience), written apart from the rules' own cases (other services, shapes and
 * spellings), and their secure twins, judged through the real pack process with the production config. A
 * misconfiguration is caught when any policy reports a mandatory finding on it; a twin must get none at all.
 */
const TAGS = { owner: "team", "cost-center": "cc", "data-classification": "restricted", environment: "production" };
const KEY = "arn:aws:kms:eu-west-1:111122223333:key/0b7e4a2c-1111-2222-3333-444455556666";
const ACCOUNT = "111122223333";

let counter = 0;
function r(type: string, properties: Record<string, unknown>, extra: Partial<AnalyzerResource> = {}): AnalyzerResource {
    const name = extra.name ?? `h${++counter}`;
    return { urn: `urn:pulumi:production::heldout::${type}::${name}`, type, name, properties: { tags: TAGS, ...properties }, options: { protect: true }, dependencies: [], propertyDependencies: {}, ...extra };
}
const doc = (...Statement: object[]) => JSON.stringify({ Version: "2012-10-17", Statement });
const allow = (o: object) => ({ Effect: "Allow", ...o });

/** [class, title, resources (the last one is the subject)]. */
type Sample = [string, string, AnalyzerResource[]];

const prefixList = (cidrs: string[], id: string): AnalyzerResource[] => {
    const list = r("aws:ec2/managedPrefixList:ManagedPrefixList", { addressFamily: "IPv4", maxEntries: 5, entries: cidrs.map((cidr) => ({ cidr })) }, { name: `${id}-pl` });
    const sg = r("aws:ec2/securityGroup:SecurityGroup", { vpcId: "vpc-1", description: "db" }, { name: `${id}-sg` });
    const rule = r("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, prefixListId: "pl-from-plan" },
        { name: `${id}-in`, propertyDependencies: { securityGroupId: [sg.urn], prefixListId: [list.urn] }, dependencies: [sg.urn, list.urn] });
    return [list, sg, rule];
};

const MISCONFIGURATIONS: Sample[] = [
    // Access: resource, key and trust policies open to every account; identity policies with admin or escalation.
    ["access", "SNS topic policy to {AWS: *}", [r("aws:sns/topicPolicy:TopicPolicy", { arn: "arn:aws:sns:eu-west-1:1:t", policy: doc(allow({ Principal: { AWS: "*" }, Action: "sns:Publish", Resource: "*" })) })]],
    ["access", "SQS queue policy whose SourceArn condition is only a wildcard", [r("aws:sqs/queuePolicy:QueuePolicy", { queueUrl: "q", policy: doc(allow({ Principal: "*", Action: ["sqs:SendMessage"], Resource: "*", Condition: { ArnLike: { "aws:SourceArn": "*" } } })) })]],
    ["access", "secret policy with a ForAllValues org condition (true when the key is absent)", [r("aws:secretsmanager/secretPolicy:SecretPolicy", { secretArn: "s", policy: doc(allow({ Principal: "*", Action: "secretsmanager:GetSecretValue", Resource: "*", Condition: { "ForAllValues:StringEquals": { "aws:PrincipalOrgID": ["o-abc"] } } })) })]],
    ["access", "ECR policy listing an account and *", [r("aws:ecr/repositoryPolicy:RepositoryPolicy", { repository: "r", policy: doc(allow({ Principal: { AWS: [`arn:aws:iam::${ACCOUNT}:root`, "*"] }, Action: ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"] })) })]],
    ["access", "KMS key policy to * behind aws:SecureTransport", [r("aws:kms/keyPolicy:KeyPolicy", { keyId: "k", policy: doc(allow({ Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "true" } } })) })]],
    ["access", "bucket policy readable by everyone", [r("aws:s3/bucketPolicy:BucketPolicy", { bucket: "b", policy: doc(allow({ Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" })) })]],
    ["access", "Glacier vault access policy to *", [r("aws:glacier/vault:Vault", { name: "v", accessPolicy: doc(allow({ Principal: "*", Action: "glacier:InitiateJob", Resource: "*" })), notification: undefined })]],
    ["access", "OpenSearch domain policy to {AWS: *} without an IP condition", [r("aws:opensearch/domainPolicy:DomainPolicy", { domainName: "d", accessPolicies: doc(allow({ Principal: { AWS: "*" }, Action: "es:*", Resource: "arn:aws:es:eu-west-1:1:domain/d/*" })) })]],
    ["access", "EventBridge bus policy to *", [r("aws:cloudwatch/eventBusPolicy:EventBusPolicy", { eventBusName: "b", policy: doc(allow({ Principal: "*", Action: "events:PutEvents", Resource: "*" })) })]],
    ["access", "iam:* on every resource", [r("aws:iam/policy:Policy", { policy: doc(allow({ Action: ["iam:*"], Resource: ["*"] })) })]],
    ["access", "Allow NotAction iam:* (everything else, on *)", [r("aws:iam/rolePolicy:RolePolicy", { role: "r", policy: doc(allow({ NotAction: "iam:*", Resource: "*" })) })]],
    ["access", "*:* behind a region condition that matches every region", [r("aws:iam/userPolicy:UserPolicy", { user: "u", policy: doc(allow({ Action: "*:*", Resource: "*", Condition: { StringLike: { "aws:RequestedRegion": "*" } } })) })]],
    ["access", "policy-version escalation on *", [r("aws:iam/groupPolicy:GroupPolicy", { group: "g", policy: doc(allow({ Action: ["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion"], Resource: "*" })) })]],
    ["access", "PassRole + RunInstances on *", [r("aws:iam/policy:Policy", { policy: doc(allow({ Action: ["iam:PassRole", "ec2:RunInstances"], Resource: "*" })) })]],
    ["access", "trust policy open to every account", [r("aws:iam/role:Role", { assumeRolePolicy: doc(allow({ Principal: { AWS: ["*"] }, Action: "sts:AssumeRole" })) })]],
    ["access", "Cognito web-identity trust without aud", [r("aws:iam/role:Role", { assumeRolePolicy: doc(allow({ Principal: { Federated: "cognito-identity.amazonaws.com" }, Action: "sts:AssumeRoleWithWebIdentity" })) })]],
    ["access", "AdministratorAccess in managedPolicyArns", [r("aws:iam/role:Role", { assumeRolePolicy: doc(allow({ Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" })), managedPolicyArns: ["arn:aws:iam::aws:policy/AdministratorAccess"] })]],
    ["access", "IAMFullAccess attached to a user", [r("aws:iam/userPolicyAttachment:UserPolicyAttachment", { user: "u", policyArn: "arn:aws:iam::aws:policy/IAMFullAccess" })]],
    ["access", "public AMI", [r("aws:ec2/amiLaunchPermission:AmiLaunchPermission", { imageId: "ami-0123", group: "all" })]],
    ["access", "Lambda permission for API Gateway without sourceArn", [r("aws:lambda/permission:Permission", { function: "f", action: "lambda:InvokeFunction", principal: "apigateway.amazonaws.com" })]],
    ["access", "Lambda permission to *", [r("aws:lambda/permission:Permission", { function: "f", action: "lambda:InvokeFunction", principal: "*" })]],
    ["access", "public Lambda layer", [r("aws:lambda/layerVersionPermission:LayerVersionPermission", { layerName: "l", versionNumber: 1, statementId: "all", action: "lambda:GetLayerVersion", principal: "*" })]],
    ["access", "KMS key bypassing the lockout safety check", [r("aws:kms/key:Key", { enableKeyRotation: true, bypassPolicyLockoutSafetyCheck: true, policy: doc(allow({ Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" })) })]],
    // Transport.
    ["transport", "MSK accepting plaintext", [r("aws:msk/cluster:Cluster", { kafkaVersion: "3.6.0", numberOfBrokerNodes: 3, encryptionInfo: { encryptionAtRestKmsKeyArn: KEY, encryptionInTransit: { clientBroker: "PLAINTEXT" } } })]],
    ["transport", "Aurora MySQL cluster group with TLS off", [r("aws:rds/clusterParameterGroup:ClusterParameterGroup", { family: "aurora-mysql8.0", parameters: [{ name: "require_secure_transport", value: "OFF" }] })]],
    ["transport", "DocumentDB group with tls disabled", [r("aws:docdb/clusterParameterGroup:ClusterParameterGroup", { family: "docdb5.0", parameters: [{ name: "tls", value: "disabled" }] })]],
    ["transport", "Redshift group with require_ssl false", [r("aws:redshift/parameterGroup:ParameterGroup", { family: "redshift-1.0", parameters: [{ name: "require_ssl", value: "false" }] })]],
    ["transport", "Neptune group without enforced TLS", [r("aws:neptune/clusterParameterGroup:ClusterParameterGroup", { family: "neptune1.3", parameters: [{ name: "neptune_enforce_ssl", value: "0" }] })]],
    ["transport", "RDS PostgreSQL group with force_ssl 0", [r("aws:rds/parameterGroup:ParameterGroup", { family: "postgres16", parameters: [{ name: "rds.force_ssl", value: "0" }] })]],
    ["transport", "CloudFront origin on match-viewer", [r("aws:cloudfront/distribution:Distribution", { enabled: true, origins: [{ domainName: "api.example.com", originId: "api", customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "match-viewer", originSslProtocols: ["TLSv1.2"] } }] })]],
    ["transport", "CloudFront origin accepting TLS 1.1", [r("aws:cloudfront/distribution:Distribution", { enabled: true, origins: [{ domainName: "api.example.com", originId: "api", customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy: "https-only", originSslProtocols: ["TLSv1.1", "TLSv1.2"] } }] })]],
    ["transport", "Transfer server with FTP", [r("aws:transfer/server:Server", { protocols: ["SFTP", "FTP"], endpointType: "VPC" })]],
    ["transport", "ECS EFS volume with transit encryption DISABLED", [r("aws:ecs/taskDefinition:TaskDefinition", { family: "f", containerDefinitions: JSON.stringify([{ name: "a", image: "a:1" }]), volumes: [{ name: "shared", efsVolumeConfiguration: { fileSystemId: "fs-1", transitEncryption: "DISABLED" } }] })]],
    ["transport", "NLB TLS listener on a FIPS policy that accepts TLS 1.1", [r("aws:lb/listener:Listener", { protocol: "TLS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04", certificateArn: "c", defaultActions: [{ type: "forward", targetGroupArn: "tg" }] })]],
    // Exposure beyond security groups.
    ["exposure", "NACL admitting every protocol from the internet", [r("aws:ec2/networkAcl:NetworkAcl", { vpcId: "vpc-1", ingress: [{ ruleNo: 10, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }] })]],
    ["exposure", "NACL rule 0-1023 from the internet (covers SSH)", [r("aws:ec2/networkAclRule:NetworkAclRule", { networkAclId: "acl-1", ruleNumber: 50, protocol: "6", ruleAction: "allow", cidrBlock: "0.0.0.0/0", fromPort: 0, toPort: 1023 })]],
    ["exposure", "default security group with an internet rule", [r("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", { vpcId: "vpc-1", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }] })]],
    ["exposure", "EKS cluster with only private access set (public stays on)", [r("aws:eks/cluster:Cluster", { roleArn: "r", vpcConfig: { endpointPrivateAccess: true, subnetIds: ["a", "b"] }, encryptionConfig: { resources: ["secrets"], provider: { keyArn: KEY } } })]],
    ["exposure", "EKS node group SSH to the world", [r("aws:eks/nodeGroup:NodeGroup", { clusterName: "c", nodeRoleArn: "r", subnetIds: ["a"], scalingConfig: { desiredSize: 1, maxSize: 1, minSize: 1 }, remoteAccess: { ec2SshKey: "ops" } })]],
    ["exposure", "SageMaker notebook with internet access", [r("aws:sagemaker/notebookInstance:NotebookInstance", { instanceType: "ml.t3.medium", roleArn: "r", kmsKeyId: KEY, directInternetAccess: "Enabled" })]],
    ["exposure", "public access block with restrictPublicBuckets off", [r("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", { bucket: "b", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: false })]],
    ["exposure", "bucket ACL public-read-write on its own", [r("aws:s3/bucketAclV2:BucketAclV2", { bucket: "b", acl: "public-read-write" })]],
    ["exposure", "prefix list admitting the internet on 5432", prefixList(["10.0.0.0/8", "0.0.0.0/0"], "open")],
    // Plaintext secrets.
    ["secrets", "CodeBuild GITHUB_TOKEN in plain text", [r("aws:codebuild/project:Project", { serviceRole: "r", artifacts: { type: "NO_ARTIFACTS" }, source: { type: "GITHUB" }, environment: { computeType: "BUILD_GENERAL1_SMALL", image: "i", type: "LINUX_CONTAINER", environmentVariables: [{ name: "GITHUB_TOKEN", value: "ghp_abcdefghijklmnopqrstuvwxyz0123456789", type: "PLAINTEXT" }] } })]],
    ["secrets", "Batch job definition with a DB password", [r("aws:batch/jobDefinition:JobDefinition", { type: "container", containerProperties: JSON.stringify({ image: "i", resourceRequirements: [], environment: [{ name: "PGPASSWORD", value: "s3cr3t-pass" }] }) })]],
    ["secrets", "App Runner DATABASE_URL with credentials", [r("aws:apprunner/service:Service", { serviceName: "s", sourceConfiguration: { imageRepository: { imageIdentifier: "i", imageRepositoryType: "ECR", imageConfiguration: { runtimeEnvironmentVariables: { DATABASE_URL: "mysql://app:pw1234@db:3306/app" } } } } })]],
    ["secrets", "Glue job with an API key argument", [r("aws:glue/job:Job", { roleArn: "r", command: { scriptLocation: "s3://b/s.py" }, defaultArguments: { "--api-key": "k-12345" } })]],
    ["secrets", "DMS endpoint with a password", [r("aws:dms/endpoint:Endpoint", { endpointId: "e", endpointType: "source", engineName: "mysql", username: "u", password: "p", sslMode: "verify-full", kmsKeyArn: KEY })]],
    ["secrets", "SSM String named like a secret", [r("aws:ssm/parameter:Parameter", { name: "/prod/stripe/secret-key", type: "String", value: "sk_live_0123456789abcdef" })]],
    ["secrets", "EC2 user data exporting MYSQL_PWD", [r("aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", metadataOptions: { httpTokens: "required" }, rootBlockDevice: { encrypted: true, kmsKeyId: KEY }, userData: "#cloud-config\nruncmd:\n  - echo hi\nwrite_files:\n  - path: /etc/app.env\n    content: |\n      MYSQL_PWD=changeme123\n" })]],
    ["secrets", "launch template user data with a private key (base64)", [r("aws:ec2/launchTemplate:LaunchTemplate", { metadataOptions: { httpTokens: "required" }, userData: Buffer.from("#!/bin/sh\ncat > /root/.ssh/id_rsa <<EOF\n-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\nEOF\n").toString("base64") })]],
    // Keys.
    ["keys", "SQS queue on alias/aws/sqs", [r("aws:sqs/queue:Queue", { kmsMasterKeyId: "alias/aws/sqs" })]],
    ["keys", "S3 default encryption with alias/aws/s3", [r("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", { bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "arn:aws:kms:eu-west-1:111122223333:alias/aws/s3" }, bucketKeyEnabled: true }] })]],
    // Integrity, retention, resilience.
    ["integrity", "CloudTrail without log file validation", [r("aws:cloudtrail/trail:Trail", { s3BucketName: "b", kmsKeyId: KEY, isMultiRegionTrail: true })]],
    ["integrity", "Neptune cluster keeping 3 days of backups", [r("aws:neptune/cluster:Cluster", { storageEncrypted: true, kmsKeyArn: KEY, backupRetentionPeriod: 3, deletionProtection: true })]],
    ["integrity", "EFS One Zone in production", [r("aws:efs/fileSystem:FileSystem", { encrypted: true, kmsKeyId: KEY, availabilityZoneName: "eu-west-1b" })]],
    ["integrity", "API Gateway cache without encryption", [r("aws:apigateway/methodSettings:MethodSettings", { restApi: "a", stageName: "prod", methodPath: "*/*", settings: { cachingEnabled: true, metricsEnabled: true } })]],
];

const SECURE_TWINS: Sample[] = [
    ["access", "topic policy * pinned by aws:SourceAccount", [r("aws:sns/topicPolicy:TopicPolicy", { arn: "arn:aws:sns:eu-west-1:1:t", policy: doc(allow({ Principal: { AWS: "*" }, Action: "sns:Publish", Resource: "*", Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } } })) })]],
    ["access", "queue policy * pinned by aws:PrincipalOrgID", [r("aws:sqs/queuePolicy:QueuePolicy", { queueUrl: "q", policy: doc(allow({ Principal: "*", Action: "sqs:SendMessage", Resource: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": "o-a1b2c3d4e5" } } })) })]],
    ["access", "key policy * pinned by kms:CallerAccount + kms:ViaService", [r("aws:kms/keyPolicy:KeyPolicy", { keyId: "k", policy: doc(allow({ Principal: { AWS: "*" }, Action: ["kms:Decrypt", "kms:GenerateDataKey*"], Resource: "*", Condition: { StringEquals: { "kms:CallerAccount": ACCOUNT, "kms:ViaService": "secretsmanager.eu-west-1.amazonaws.com" } } })) })]],
    ["access", "key policy * pinned by kms:ViaService alone", [r("aws:kms/keyPolicy:KeyPolicy", { keyId: "k2", policy: doc(allow({ Principal: { AWS: "*" }, Action: "kms:Decrypt", Resource: "*", Condition: { StringEquals: { "kms:ViaService": "s3.eu-west-1.amazonaws.com" } } })) })]],
    ["access", "Deny with NotAction (MFA guard)", [r("aws:iam/policy:Policy", { policy: doc({ Effect: "Deny", NotAction: ["iam:ChangePassword", "sts:GetSessionToken"], Resource: "*", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }) })]],
    ["access", "scoped PassRole to one role for ECS", [r("aws:iam/rolePolicy:RolePolicy", { role: "deployer", policy: doc(allow({ Action: "iam:PassRole", Resource: `arn:aws:iam::${ACCOUNT}:role/app-task`, Condition: { StringEquals: { "iam:PassedToService": "ecs-tasks.amazonaws.com" } } })) })]],
    ["access", "Lambda permission for S3 with sourceArn and sourceAccount", [r("aws:lambda/permission:Permission", { function: "f", action: "lambda:InvokeFunction", principal: "s3.amazonaws.com", sourceArn: "arn:aws:s3:::uploads", sourceAccount: ACCOUNT })]],
    ["transport", "NLB on a FIPS TLS 1.3 policy", [r("aws:lb/listener:Listener", { protocol: "TLS", port: 443, sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04", certificateArn: "c", defaultActions: [{ type: "forward", targetGroupArn: "tg" }] })]],
    ["transport", "DocumentDB group leaving tls at its default", [r("aws:docdb/clusterParameterGroup:ClusterParameterGroup", { family: "docdb5.0", parameters: [{ name: "profiler", value: "enabled" }] })]],
    ["exposure", "prefix list of private ranges", prefixList(["10.0.0.0/8", "192.168.0.0/16"], "private")],
    ["exposure", "NACL with ephemeral return ports only", [r("aws:ec2/networkAcl:NetworkAcl", { vpcId: "vpc-1", ingress: [{ ruleNo: 10, action: "allow", protocol: "tcp", fromPort: 32768, toPort: 65535, cidrBlock: "0.0.0.0/0" }] })]],
    ["secrets", "String parameter that holds no secret", [r("aws:ssm/parameter:Parameter", { name: "/prod/app/log-level", type: "String", value: "info" })]],
    ["secrets", "CodeBuild token from Secrets Manager", [r("aws:codebuild/project:Project", { serviceRole: "r", encryptionKey: KEY, artifacts: { type: "NO_ARTIFACTS" }, source: { type: "GITHUB" }, environment: { computeType: "BUILD_GENERAL1_SMALL", image: "i", type: "LINUX_CONTAINER", environmentVariables: [{ name: "GITHUB_TOKEN", value: "ci/github:token", type: "SECRETS_MANAGER" }] } })]],
    ["keys", "SQS queue on a customer-managed key", [r("aws:sqs/queue:Queue", { kmsMasterKeyId: KEY })]],
    ["integrity", "CloudTrail with validation", [r("aws:cloudtrail/trail:Trail", { s3BucketName: "b", kmsKeyId: KEY, isMultiRegionTrail: true, enableLogFileValidation: true })]],
];

describe("held-out-style concern set through the pack process (production config)", function () {
    this.timeout(180_000);
    let pack: PolicyPackProcess;
    before(async () => {
        pack = await startConfiguredPack();
    });
    after(async () => {
        await pack?.close();
    });

    /** Mandatory findings on the subject (the sample's last resource), from Analyze and AnalyzeStack. */
    async function mandatory(resources: AnalyzerResource[]): Promise<Diagnostic[]> {
        const subject = resources[resources.length - 1];
        const diagnostics = [...await pack.analyze(subject), ...await pack.analyzeStack(resources)];
        return diagnostics.filter((d) => d.enforcementLevel === "mandatory" && (d.urn === undefined || d.urn === subject.urn));
    }

    it(`catches at least 95% of ${MISCONFIGURATIONS.length} misconfigurations across the concerns`, async () => {
        assert.ok(MISCONFIGURATIONS.length >= 40);
        const missed: string[] = [];
        const byClass = new Map<string, [number, number]>();
        for (const [kind, title, resources] of MISCONFIGURATIONS) {
            const caught = (await mandatory(resources)).length > 0;
            const [c, n] = byClass.get(kind) ?? [0, 0];
            byClass.set(kind, [c + (caught ? 1 : 0), n + 1]);
            if (!caught) missed.push(`${kind}: ${title}`);
        }
        const caught = MISCONFIGURATIONS.length - missed.length;
        console.log(`      caught ${caught}/${MISCONFIGURATIONS.length} (${((100 * caught) / MISCONFIGURATIONS.length).toFixed(1)}%): ${[...byClass].map(([k, [c, n]]) => `${k} ${c}/${n}`).join(", ")}${missed.length ? `; missed: ${missed.join("; ")}` : ""}`);
        assert.ok(caught / MISCONFIGURATIONS.length >= 0.95, `missed: ${missed.join("; ")}`);
    });

    it(`passes all ${SECURE_TWINS.length} secure twins (no mandatory finding at all)`, async () => {
        const flagged: string[] = [];
        for (const [kind, title, resources] of SECURE_TWINS) {
            const findings = await mandatory(resources);
            if (findings.length > 0) flagged.push(`${kind}: ${title}: ${findings.map((d) => `${d.policyName}: ${d.message.split("\n").pop()}`).join(" | ")}`);
        }
        assert.deepStrictEqual(flagged, []);
    });
});
