import type { Case, ResourceCase, RuleCases, StackResource } from "../../policies/cases";
import * as fs from "fs";
import * as path from "path";
import { UNKNOWN } from "./harness";

/**
 * In-process cases for every rule of the pack: compliant, violating (omitted values and provider defaults among
 * them), unknown during preview, and look-alike types the rule must (or must not) judge. test/policies/unit.test.ts
 * fails when a rule of the pack has no entry here.
 */
export type { Case, RuleCases } from "../../policies/cases";

const TAGS = { owner: "team", "cost-center": "cc", "data-classification": "restricted", environment: "production" };
const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k";
const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<ResourceCase> = {}): Case => ({ title, resource: { type, props, ...extra } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });

const RDS = "aws:rds/instance:Instance";
const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const GOOD_DB = {
    engine: "postgres", storageEncrypted: true, kmsKeyId: KEY, multiAz: true, backupRetentionPeriod: 30, deletionProtection: true, skipFinalSnapshot: false,
    finalSnapshotIdentifier: "final", publiclyAccessible: false, manageMasterUserPassword: true, performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY,
};
const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const GOOD_RG = { atRestEncryptionEnabled: true, kmsKeyId: KEY, transitEncryptionEnabled: true, transitEncryptionMode: "required", authToken: UNKNOWN, automaticFailoverEnabled: true, multiAzEnabled: true, snapshotRetentionLimit: 7 };
const LISTENER = "aws:lb/listener:Listener";
const ALB_LISTENER = "aws:alb/listener:Listener";
const LISTENER_RULE = "aws:lb/listenerRule:ListenerRule";
const TLS13 = "ELBSecurityPolicy-TLS13-1-2-2021-06";
const REDIRECT = { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } };
const SG = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const SG_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const LB = "aws:lb/loadBalancer:LoadBalancer";
const BUCKET = "aws:s3/bucket:Bucket";
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const SERVICE = "aws:ecs/service:Service";

/** A complete secure bucket with its companions (names prefixed by `name`). */
function bucket(name: string, o: { sse?: string; tags?: Record<string, string>; versioning?: string; block?: boolean; policy?: unknown; extra?: StackResource[] } = {}): StackResource[] {
    const dep = { bucket: [name] };
    return [
        { type: BUCKET, name, props: { bucket: UNKNOWN, tags: { ...TAGS, ...o.tags } } },
        { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: `${name}-sse`, deps: dep, props: { bucket: UNKNOWN, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: o.sse ?? "aws:kms", kmsMasterKeyId: KEY } }] } },
        { type: "aws:s3/bucketVersioning:BucketVersioning", name: `${name}-ver`, deps: dep, props: { bucket: UNKNOWN, versioningConfiguration: { status: o.versioning ?? "Enabled" } } },
        { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: `${name}-pab`, deps: dep, props: { bucket: UNKNOWN, blockPublicAcls: true, blockPublicPolicy: o.block ?? true, ignorePublicAcls: true, restrictPublicBuckets: true } },
        { type: "aws:s3/bucketPolicy:BucketPolicy", name: `${name}-pol`, deps: dep, props: { bucket: UNKNOWN, policy: o.policy ?? JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] }) } },
        ...(o.extra ?? []),
    ];
}

const container = (c: Record<string, unknown>) => JSON.stringify([{ name: "app", image: "app:1", ...c }]);
const ingress = (name: string, sg: string, port: number | [number, number], cidr: string | { v6: string }, protocol = "tcp"): StackResource => ({
    type: INGRESS, name, deps: { securityGroupId: [sg] },
    props: { securityGroupId: UNKNOWN, ipProtocol: protocol, fromPort: Array.isArray(port) ? port[0] : port, toPort: Array.isArray(port) ? port[1] : port, ...(typeof cidr === "string" ? { cidrIpv4: cidr } : { cidrIpv6: cidr.v6 }) },
});
const sg = (name: string, props: Record<string, unknown> = {}): StackResource => ({ type: SG, name, props: { vpcId: UNKNOWN, ...props } });
const lb = (name: string, groups: string[], props: Record<string, unknown> = {}): StackResource => ({ type: LB, name, deps: { securityGroups: groups }, props: { internal: false, securityGroups: UNKNOWN, ...props } });
const webAcl = (name: string, rules: unknown[]): StackResource => ({ type: "aws:wafv2/webAcl:WebAcl", name, props: { scope: "REGIONAL", defaultAction: { allow: {} }, rules } });
const assoc = (name: string, lbName: string, aclName: string): StackResource => ({ type: "aws:wafv2/webAclAssociation:WebAclAssociation", name, deps: { resourceArn: [lbName], webAclArn: [aclName] }, props: { resourceArn: UNKNOWN, webAclArn: UNKNOWN } });
const managed = (group: string, overrideAction: unknown = { none: {} }) => ({ name: group, priority: 1, overrideAction, statement: { managedRuleGroupStatement: { name: group, vendorName: "AWS" } } });
const rate = (action: unknown = { block: {} }) => ({ name: "rate", priority: 3, action, statement: { rateBasedStatement: { limit: 2000, aggregateKeyType: "IP" } } });

const INLINE: Record<string, RuleCases> = {
    "ec2-ebs-volume-encrypted": {
        compliant: [res("encrypted", "aws:ebs/volume:Volume", { encrypted: true, size: 10 }), res("encrypted snapshot copy", "aws:ebs/snapshotCopy:SnapshotCopy", { encrypted: true })],
        violating: [res("omitted", "aws:ebs/volume:Volume", { size: 10 }), res("false", "aws:ebs/volume:Volume", { encrypted: false })],
        unknown: [unk("unknown", "not-judged", res("", "aws:ebs/volume:Volume", { encrypted: UNKNOWN }))],
    },
    "general-deletion-protection": {
        compliant: [res("RDS", RDS, GOOD_DB), res("ALB", LB, { enableDeletionProtection: true }), res("DocumentDB", "aws:docdb/cluster:Cluster", { deletionProtection: true })],
        violating: [res("RDS omitted", RDS, {}), res("ALB omitted", "aws:alb/loadBalancer:LoadBalancer", {}), res("Neptune off", "aws:neptune/cluster:Cluster", { deletionProtection: false })],
        unknown: [unk("unknown", "not-judged", res("", RDS, { deletionProtection: UNKNOWN }))],
    },
    "general-stateful-resources-protected": {
        compliant: [res("protected key", "aws:kms/key:Key", {}), res("log destination bucket (tag)", BUCKET, { tags: { ...TAGS, purpose: "log-destination" } }, { protect: false })],
        violating: [res("unprotected key", "aws:kms/key:Key", {}, { protect: false }), res("bucket named like logs is not exempt", BUCKET, { tags: { ...TAGS, purpose: "catalog logs" } }, { protect: false, name: "catalog-logs" }),
            res("unprotected DynamoDB table", "aws:dynamodb/table:Table", {}, { protect: false }),
            // The log-destination exemption is for buckets (log delivery cannot write to SSE-KMS), never for other types.
            res("database tagged log-destination is not exempt", RDS, { ...GOOD_DB, tags: { ...TAGS, purpose: "log-destination" } }, { protect: false }),
            res("key tagged log-destination is not exempt", "aws:kms/key:Key", { tags: { ...TAGS, purpose: "log-destination" } }, { protect: false })],
        unknown: [unk("purpose tag unknown", "not-judged", res("", BUCKET, { tags: UNKNOWN }, { protect: false }))],
        ignored: [res("log group (stateless)", "aws:cloudwatch/logGroup:LogGroup", {}, { protect: false })],
    },
    "general-required-tags": {
        compliant: [res("all tags", "aws:sns/topic:Topic", { tags: TAGS }), res("untaggable type without tags", "aws:lb/targetGroupAttachment:TargetGroupAttachment", {}),
            res("tags from the provider's defaultTags (JSON-encoded)", "aws:sqs/queue:Queue", {}, { providerProps: { region: "eu-west-1", defaultTags: JSON.stringify({ tags: TAGS }) } }),
            res("own tags over partial provider tags", "aws:sqs/queue:Queue", { tags: { owner: "o", environment: "e" } }, { providerProps: { defaultTags: { tags: { "cost-center": "c", "data-classification": "d" } } } })],
        violating: [res("missing tags", "aws:sns/topic:Topic", { tags: { owner: "x" } }), res("taggable listener declared without tags", LISTENER, {}), res("empty tag value", "aws:sqs/queue:Queue", { tags: { ...TAGS, owner: "" } })],
        unknown: [unk("tag value unknown counts as present", "compliant", res("", "aws:sns/topic:Topic", { tags: { ...TAGS, owner: UNKNOWN } })), unk("tags unknown", "not-judged", res("", "aws:sns/topic:Topic", { tags: UNKNOWN }))],
        ignored: [res("non-AWS resource", "random:index/randomPassword:RandomPassword", {})],
    },
    "secrets-no-plaintext-secrets": {
        compliant: [res("secrets from Secrets Manager", TASK, { containerDefinitions: container({ environment: [{ name: "NODE_ENV", value: "production" }, { name: "DB_SECRET_ARN", value: "arn:aws:secretsmanager:eu-west-1:1:secret:x" }], secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:x" }], command: ["node", "server.js", "--port", "8080"] }) }),
            res("managed master password", RDS, GOOD_DB), res("DATABASE_URL without credentials", TASK, { containerDefinitions: container({ environment: [{ name: "DATABASE_URL", value: "postgres://db.internal:5432/app" }] }) }),
            res("CodeBuild password from Secrets Manager", "aws:codebuild/project:Project", { environment: { image: "i", environmentVariables: [{ name: "DB_PASSWORD", value: "prod/db:password", type: "SECRETS_MANAGER" }, { name: "STAGE", value: "prod" }] } }),
            res("SSM String parameter holding no secret", "aws:ssm/parameter:Parameter", { name: "/app/feature/new-checkout", type: "String", value: "enabled" }),
            res("SSM SecureString with a secret name", "aws:ssm/parameter:Parameter", { name: "/app/db/password", type: "SecureString", value: "x" }),
            res("user data reading the secret at boot", "aws:ec2/instance:Instance", { userData: "#!/bin/bash\nexport DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)\n" }),
            res("App Runner secret by reference", "aws:apprunner/service:Service", { sourceConfiguration: { imageRepository: { imageIdentifier: "i", imageRepositoryType: "ECR", imageConfiguration: { runtimeEnvironmentSecrets: { DB_PASSWORD: "arn:aws:secretsmanager:eu-west-1:1:secret:db" } } } } })],
        violating: [res("DB_PASS", TASK, { containerDefinitions: container({ environment: [{ name: "DB_PASS", value: "x" }] }) }),
            res("DATABASE_URL with credentials", TASK, { containerDefinitions: container({ environment: [{ name: "DATABASE_URL", value: "postgres://app:hunter2@db:5432/app" }] }) }),
            res("password in command", TASK, { containerDefinitions: container({ command: ["server", "--db-password=hunter2"] }) }),
            res("password flag and value in entryPoint", TASK, { containerDefinitions: container({ entryPoint: ["sh", "-c", "app --password hunter2"] }) }),
            res("credential (any case)", TASK, { containerDefinitions: container({ environment: [{ name: "smtpCredential", value: "x" }] }) }),
            res("password as a secret input", RDS, { password: "hunter2" }), res("password unknown (from random)", RDS_CLUSTER, { masterPassword: UNKNOWN }),
            res("Lambda env secret", "aws:lambda/function:Function", { environment: { variables: { API_KEY: "abc" } } }),
            res("CodeBuild PLAINTEXT (default type) password", "aws:codebuild/project:Project", { environment: { image: "i", environmentVariables: [{ name: "DB_PASSWORD", value: "hunter2" }] } }),
            res("Batch container environment", "aws:batch/jobDefinition:JobDefinition", { type: "container", containerProperties: JSON.stringify({ image: "i", environment: [{ name: "STRIPE_SECRET_KEY", value: "sk_live_abcdefghijklmnop" }] }) }),
            res("App Runner plain variable", "aws:apprunner/service:Service", { sourceConfiguration: { imageRepository: { imageIdentifier: "i", imageRepositoryType: "ECR", imageConfiguration: { runtimeEnvironmentVariables: { API_TOKEN: "t0k3n" } } } } }),
            res("Glue job argument", "aws:glue/job:Job", { defaultArguments: { "--db_password": "hunter2" } }),
            res("DMS endpoint password input", "aws:dms/endpoint:Endpoint", { engineName: "postgres", password: "hunter2" }),
            res("SSM String with a secret-like name", "aws:ssm/parameter:Parameter", { name: "/app/db/password", type: "String", value: "hunter2" }),
            res("EC2 user data with a literal password", "aws:ec2/instance:Instance", { userData: "#!/bin/bash\nexport DB_PASSWORD=hunter2\n" }),
            res("launch template base64 user data with an AWS key", "aws:ec2/launchTemplate:LaunchTemplate", { userData: Buffer.from("#!/bin/bash\naws configure set aws_access_key_id AKIAABCDEFGHIJKLMNOP\n").toString("base64") })],
        unknown: [unk("whole container definitions unknown", "not-judged", res("", TASK, { containerDefinitions: UNKNOWN })),
            unk("one value unknown, a known DB_PASS still flagged", "violating", res("", TASK, { containerDefinitions: [{ name: "app", environment: [{ name: "DB_HOST", value: UNKNOWN }, { name: "DB_PASS", value: "x" }] }] })),
            unk("user data unknown (rendered from outputs)", "not-judged", res("", "aws:ec2/instance:Instance", { userData: UNKNOWN }))],
    },
    "lb-listener-tls-policy": {
        compliant: [res("TLS 1.3", LISTENER, { protocol: "HTTPS", sslPolicy: TLS13 }), res("HTTP listener (judged elsewhere)", LISTENER, { protocol: "HTTP" }), res("alb alias, TLS 1.3", ALB_LISTENER, { protocol: "https", sslPolicy: TLS13 }),
            res("FIPS TLS 1.3 policy (as strict as an allowed one)", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04" }),
            res("FIPS TLS 1.3-only policy", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04" }),
            res("post-quantum restricted policy", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" })],
        violating: [res("old policy", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08" }),
            res("FIPS policy that still accepts TLS 1.0", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04" }),
            res("FIPS policy with extended (SHA-1) ciphers", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04" }),
            res("undocumented policy name", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-9-9-2099-01" }), res("lower-case https with old policy", LISTENER, { protocol: "https", sslPolicy: "ELBSecurityPolicy-2016-08" }),
            res("no policy (provider default 2016-08)", ALB_LISTENER, { protocol: "HTTPS" }), res("NLB TLS listener", LISTENER, { protocol: "tls", sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" })],
        unknown: [unk("protocol unknown", "not-judged", res("", LISTENER, { protocol: UNKNOWN }))],
    },
    "lb-http-listener-redirects-to-https": {
        compliant: [{ title: "redirecting listener with a redirect rule", stack: [{ type: LISTENER, name: "http", props: { protocol: "HTTP", port: 80, defaultActions: [REDIRECT] } }, { type: LISTENER_RULE, name: "r", deps: { listenerArn: ["http"] }, props: { actions: [REDIRECT] } }] },
            { title: "forwarding rule on an HTTPS listener", stack: [{ type: LISTENER, name: "https", props: { protocol: "HTTPS", port: 443, defaultActions: [{ type: "forward" }] } }, { type: LISTENER_RULE, name: "r", deps: { listenerArn: ["https"] }, props: { actions: [{ type: "forward" }] } }] }],
        violating: [{ title: "protocol omitted (default HTTP) forwarding", stack: [{ type: LISTENER, name: "l", props: { port: 80, defaultActions: [{ type: "forward" }] } }], flagged: ["l"] },
            { title: "lower-case http forwarding", stack: [{ type: ALB_LISTENER, name: "l", props: { protocol: "http", port: 80, defaultActions: [{ type: "forward" }] } }], flagged: ["l"] },
            { title: "redirect keeping HTTP (#{protocol} default)", stack: [{ type: LISTENER, name: "l", props: { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirect: { port: "8080" } }] } }], flagged: ["l"] },
            { title: "listener rule forwarding /* on a redirecting HTTP listener", stack: [{ type: LISTENER, name: "http", props: { protocol: "HTTP", port: 80, defaultActions: [REDIRECT] } }, { type: LISTENER_RULE, name: "r", deps: { listenerArn: ["http"] }, props: { actions: [{ type: "forward" }], conditions: [{ pathPattern: { values: ["/*"] } }] } }], flagged: ["r"] }],
        unknown: [unk("one listener's protocol unknown; a literal HTTP forwarder still flagged", "not-judged", { title: "", flagged: ["l"], stack: [{ type: LISTENER, name: "u", props: { protocol: UNKNOWN } }, { type: LISTENER, name: "l", props: { protocol: "HTTP", defaultActions: [{ type: "forward" }] } }] })],
    },
    "lb-alb-waf-protected": {
        compliant: [{ title: "blocking ACL", stack: [lb("alb", []), webAcl("acl", [managed("AWSManagedRulesCommonRuleSet"), managed("AWSManagedRulesSQLiRuleSet"), rate()]), assoc("a", "alb", "acl")] },
            { title: "internal ALB", stack: [lb("alb", [], { internal: true })] }, { title: "NLB", stack: [lb("nlb", [], { loadBalancerType: "network" })] }],
        violating: [{ title: "no ACL", stack: [lb("alb", [])], flagged: ["alb"] },
            { title: "count-only ACL", stack: [lb("alb", []), webAcl("acl", [managed("AWSManagedRulesCommonRuleSet", { count: {} }), managed("AWSManagedRulesSQLiRuleSet", { count: {} }), rate({ count: {} })]), assoc("a", "alb", "acl")], flagged: ["alb"] },
            { title: "no rate rule", stack: [lb("alb", []), webAcl("acl", [managed("AWSManagedRulesCommonRuleSet"), managed("AWSManagedRulesSQLiRuleSet")]), assoc("a", "alb", "acl")], flagged: ["alb"] }],
        unknown: [unk("one ACL's rules unknown; a bare ALB still flagged", "not-judged", { title: "", flagged: ["bare"], stack: [lb("alb", []), webAcl("acl", UNKNOWN), assoc("a", "alb", "acl"), lb("bare", [])] })],
    },
    "ec2-no-open-ingress": {
        compliant: [{ title: "443 on a group attached to a load balancer only", stack: [sg("alb-sg"), lb("alb", ["alb-sg"]), ingress("in", "alb-sg", 443, "0.0.0.0/0"), ingress("in6", "alb-sg", 443, { v6: "::/0" })] },
            { title: "private ranges on any port", stack: [sg("app"), ingress("in", "app", [0, 65535], "10.0.0.0/8", "-1")] },
            { title: "a partner /28", stack: [sg("app"), ingress("in", "app", 22, "198.51.99.0/28")] },
            { title: "a prefix list of private ranges on 5432", stack: [{ type: "aws:ec2/managedPrefixList:ManagedPrefixList", name: "pl", props: { entries: [{ cidr: "10.0.0.0/8" }, { cidr: "172.16.0.0/12" }] } }, sg("db"),
                { type: INGRESS, name: "in", deps: { securityGroupId: ["db"], prefixListId: ["pl"] }, props: { securityGroupId: UNKNOWN, ipProtocol: "tcp", fromPort: 5432, toPort: 5432, prefixListId: UNKNOWN } }] }],
        violating: [{ title: "0.0.0.0/1 + 128.0.0.0/1 on 22", stack: [sg("app"), ingress("a", "app", 22, "0.0.0.0/1"), ingress("b", "app", 22, "128.0.0.0/1")], flagged: ["a", "b"] },
            { title: "protocol -1 from anywhere", stack: [sg("app", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })], flagged: ["app"] },
            { title: "IPv6 ::/0 on 5432", stack: [sg("db"), ingress("in", "db", 5432, { v6: "::/0" })], flagged: ["in"] },
            { title: "443 on a load balancer's group also attached to a service", stack: [sg("shared"), lb("alb", ["shared"]), { type: SERVICE, name: "svc", deps: { networkConfiguration: ["shared"] }, props: {} }, ingress("in", "shared", 443, "0.0.0.0/0")], flagged: ["in"] },
            { title: "a prefix list (with an entry resource) that admits the internet on 22", flagged: ["in"], stack: [{ type: "aws:ec2/managedPrefixList:ManagedPrefixList", name: "pl", props: { entries: [{ cidr: "10.0.0.0/8" }] } },
                { type: "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry", name: "e", deps: { prefixListId: ["pl"] }, props: { prefixListId: UNKNOWN, cidr: "0.0.0.0/0" } }, sg("app"),
                { type: SG_RULE, name: "in", deps: { securityGroupId: ["app"], prefixListIds: ["pl"] }, props: { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, prefixListIds: [UNKNOWN] } }] },
            { title: "a public /8 on 3389 via a legacy rule", stack: [sg("win"), { type: SG_RULE, name: "r", deps: { securityGroupId: ["win"] }, props: { type: "ingress", protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: ["8.0.0.0/8"] } }], flagged: ["r"] }],
        unknown: [unk("a computed CIDR elsewhere does not hide a literal open SSH rule", "not-judged", { title: "", flagged: ["ssh"], stack: [sg("a"), ingress("computed", "a", 443, UNKNOWN), sg("b"), ingress("ssh", "b", 22, "0.0.0.0/0")] }),
            unk("a prefix list outside the plan (AWS-managed) is not judged", "not-judged", { title: "", stack: [sg("alb"), { type: INGRESS, name: "cf", deps: { securityGroupId: ["alb"] }, props: { ipProtocol: "tcp", fromPort: 443, toPort: 443, prefixListId: "pl-3b927c52" } }] })],
    },
    "s3-bucket-encrypted": {
        compliant: [{ title: "SSE-KMS", stack: bucket("data") }, { title: "BucketV2 inline SSE-KMS", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "inline", props: { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }] }] } }] }, { title: "log destination with SSE-S3", stack: bucket("any-name", { sse: "AES256", tags: { purpose: "log-destination" } }) }],
        violating: [{ title: "SSE-S3 on a data bucket named like logs", stack: bucket("catalog-logs", { sse: "AES256" }), flagged: ["catalog-logs"] },
            { title: "no configuration", stack: [{ type: BUCKET, name: "bare", props: { tags: TAGS } }], flagged: ["bare"] },
            { title: "BucketV2 with inline SSE-S3 rules", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "inline", props: { serverSideEncryptionConfigurations: [{ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] }] } }], flagged: ["inline"] },
            { title: "BucketV2 with SSE-S3", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "v2", props: {} }, { type: "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", name: "c", deps: { bucket: ["v2"] }, props: { rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }] } }], flagged: ["v2"] }],
        unknown: [unk("one bucket's rules unknown; another still flagged", "not-judged", { title: "", flagged: ["bare"], stack: [{ type: BUCKET, name: "u", props: {} }, { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: "c", deps: { bucket: ["u"] }, props: { rules: UNKNOWN } }, { type: BUCKET, name: "bare", props: {} }] })],
    },
    "s3-bucket-denies-insecure-transport": {
        compliant: [{ title: "Deny on SecureTransport false", stack: bucket("data") }, { title: "boolean false, lower-case keys", stack: bucket("data", { policy: JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: ["s3:*"], Resource: "*", Condition: { bool: { "aws:securetransport": false } } }] }) }) }],
        violating: [{ title: "no policy", stack: [{ type: BUCKET, name: "bare", props: {} }], flagged: ["bare"] }, { title: "policy without the deny", stack: bucket("data", { policy: JSON.stringify({ Statement: [] }) }), flagged: ["data"] }],
        unknown: [unk("a policy built from ${bucket.arn} does not stop the rule for another bucket", "not-judged", { title: "", flagged: ["bare"], stack: [...bucket("new", { policy: UNKNOWN }), { type: BUCKET, name: "bare", props: {} }] })],
    },
    "s3-bucket-versioning": {
        compliant: [{ title: "versioned", stack: bucket("data") }, { title: "BucketV2 inline versionings", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "v2", props: { versionings: [{ enabled: true }] } }] }],
        violating: [{ title: "suspended", stack: bucket("data", { versioning: "Suspended" }), flagged: ["data"] }, { title: "none", stack: [{ type: BUCKET, name: "bare", props: {} }], flagged: ["bare"] }],
        unknown: [unk("status unknown on one bucket", "not-judged", { title: "", flagged: ["bare"], stack: [{ type: BUCKET, name: "u", props: {} }, { type: "aws:s3/bucketVersioning:BucketVersioning", name: "v", deps: { bucket: ["u"] }, props: { versioningConfiguration: UNKNOWN } }, { type: BUCKET, name: "bare", props: {} }] })],
    },
    "s3-public-access-blocked": {
        compliant: [{ title: "full block", stack: bucket("data") }, { title: "service principal allowed", stack: bucket("logs", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject", Resource: "*" }] }) }) }],
        violating: [{ title: "partial block", stack: bucket("data", { block: false }), flagged: ["data"] },
            { title: "public ACL companion", stack: bucket("data", { extra: [{ type: "aws:s3/bucketAcl:BucketAcl", name: "acl", deps: { bucket: ["data"] }, props: { acl: "public-read" } }] }), flagged: ["data"] },
            { title: "Principal * policy", stack: bucket("data", { policy: JSON.stringify({ Statement: [{ Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "*" }] }) }), flagged: ["data"] },
            { title: "website", stack: bucket("site", { extra: [{ type: "aws:s3/bucketWebsiteConfiguration:BucketWebsiteConfiguration", name: "w", deps: { bucket: ["site"] }, props: { indexDocument: { suffix: "index.html" } } }] }), flagged: ["site"] }],
        unknown: [unk("one block's flags unknown", "not-judged", { title: "", flagged: ["bare"], stack: [{ type: BUCKET, name: "u", props: {} }, { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: "p", deps: { bucket: ["u"] }, props: { blockPublicAcls: UNKNOWN } }, { type: BUCKET, name: "bare", props: {} }] })],
    },
    "s3-log-destination-exemptions": {
        compliant: [{ title: "data bucket: no exemption to report", stack: bucket("data") }],
        violating: [{ title: "log destination reported", stack: bucket("logs", { sse: "AES256", tags: { purpose: "log-destination" } }), flagged: ["logs"] },
            { title: "BucketV2 log destination reported", stack: [{ type: "aws:s3/bucketV2:BucketV2", name: "l", props: { tags: { purpose: "log-destination" } } }], flagged: ["l"] }],
        unknown: [unk("tags unknown", "not-judged", { title: "", stack: [{ type: BUCKET, name: "u", props: { tags: UNKNOWN } }] })],
    },
    "general-encryption-at-rest": {
        compliant: [res("EFS encrypted", "aws:efs/fileSystem:FileSystem", { encrypted: true }), res("DynamoDB (always encrypted)", "aws:dynamodb/table:Table", {}),
            res("OpenSearch with CMK (production)", "aws:opensearch/domain:Domain", { encryptAtRest: { enabled: true, kmsKeyId: KEY } }, { config: { requireCustomerManagedKey: true } }),
            res("Kinesis KMS (any case)", "aws:kinesis/stream:Stream", { encryptionType: "kms", kmsKeyId: KEY }), res("SQS default SSE-SQS", "aws:sqs/queue:Queue", {}),
            res("Redshift omitted (default encrypted)", "aws:redshift/cluster:Cluster", {})],
        violating: [res("EFS omitted (default off)", "aws:efs/fileSystem:FileSystem", {}), res("Neptune cluster omitted", "aws:neptune/cluster:Cluster", {}),
            res("DocumentDB false", "aws:docdb/cluster:Cluster", { storageEncrypted: false }), res("OpenSearch omitted", "aws:opensearch/domain:Domain", {}),
            res("Kinesis NONE", "aws:kinesis/stream:Stream", { encryptionType: "NONE" }), res("Firehose without SSE", "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream", { destination: "extended_s3" }),
            res("SQS with SSE-SQS off", "aws:sqs/queue:Queue", { sqsManagedSseEnabled: false }), res("EKS without secrets encryption", "aws:eks/cluster:Cluster", {}),
            res("DynamoDB with the AWS-owned key in production", "aws:dynamodb/table:Table", {}, { config: { requireCustomerManagedKey: true } }),
            res("FSx without a CMK in production", "aws:fsx/lustreFileSystem:LustreFileSystem", {}, { config: { requireCustomerManagedKey: true } })],
        unknown: [unk("flag unknown", "not-judged", res("", "aws:efs/fileSystem:FileSystem", { encrypted: UNKNOWN })),
            unk("key from the same run counts as a CMK", "compliant", res("", "aws:efs/fileSystem:FileSystem", { encrypted: true, kmsKeyId: UNKNOWN }, { config: { requireCustomerManagedKey: true } }))],
        ignored: [res("RDS is judged by rds-storage-encrypted", RDS, {}), res("S3 bucket is judged by s3-bucket-encrypted", BUCKET, {})],
    },
    "kms-key-rotation": {
        compliant: [res("rotating", "aws:kms/key:Key", { enableKeyRotation: true }), res("asymmetric signing key", "aws:kms/key:Key", { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" })],
        violating: [res("omitted (default off)", "aws:kms/key:Key", {}), res("false", "aws:kms/key:Key", { enableKeyRotation: false, keySpec: "symmetric_default" })],
        unknown: [unk("unknown", "not-judged", res("", "aws:kms/key:Key", { enableKeyRotation: UNKNOWN }))],
    },
    "cloudfront-distribution-secure": {
        compliant: [res("TLS 1.2, HTTPS, WAF, logs", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { acmCertificateArn: "arn:acm", minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" }, defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, webAclId: UNKNOWN, loggingConfig: { bucket: "b" } })],
        violating: [res("default certificate", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { cloudfrontDefaultCertificate: true }, defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, webAclId: "w", loggingConfig: { bucket: "b" } }),
            res("allow-all behavior", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { minimumProtocolVersion: "TLSv1.2_2021" }, defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, orderedCacheBehaviors: [{ viewerProtocolPolicy: "allow-all" }], webAclId: "w", loggingConfig: { bucket: "b" } }),
            res("no WAF, no logging", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { minimumProtocolVersion: "TLSv1.2_2021" }, defaultCacheBehavior: { viewerProtocolPolicy: "https-only" } })],
        unknown: [unk("certificate unknown", "not-judged", res("", "aws:cloudfront/distribution:Distribution", { viewerCertificate: UNKNOWN }))],
    },
    "elb-classic-listener-tls": {
        compliant: [res("HTTPS", "aws:elb/loadBalancer:LoadBalancer", { listeners: [{ lbPort: 443, lbProtocol: "https", instancePort: 80, instanceProtocol: "http" }] })],
        violating: [res("HTTP", "aws:elb/loadBalancer:LoadBalancer", { listeners: [{ lbPort: 80, lbProtocol: "http", instancePort: 80, instanceProtocol: "http" }] }),
            res("TCP", "aws:elb/loadBalancer:LoadBalancer", { listeners: [{ lbPort: 443, lbProtocol: "TCP", instancePort: 443, instanceProtocol: "TCP" }] })],
        unknown: [unk("unknown", "not-judged", res("", "aws:elb/loadBalancer:LoadBalancer", { listeners: UNKNOWN }))],
    },
    "ec2-instance-hardening": {
        compliant: [res("IMDSv2, encrypted, private", "aws:ec2/instance:Instance", { metadataOptions: { httpTokens: "required" }, rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ encrypted: true }] }),
            res("launch template with string flags", "aws:ec2/launchTemplate:LaunchTemplate", { metadataOptions: { httpTokens: "required" }, blockDeviceMappings: [{ ebs: { encrypted: "true" } }], networkInterfaces: [{ associatePublicIpAddress: "false" }] })],
        violating: [res("defaults (IMDSv1, unencrypted root)", "aws:ec2/instance:Instance", {}), res("public IP", "aws:ec2/instance:Instance", { metadataOptions: { httpTokens: "required" }, rootBlockDevice: { encrypted: true }, associatePublicIpAddress: true }),
            res("launch template public IP (string)", "aws:ec2/launchTemplate:LaunchTemplate", { metadataOptions: { httpTokens: "required" }, networkInterfaces: [{ associatePublicIpAddress: "true" }] }),
            res("spot request with IMDSv1", "aws:ec2/spotInstanceRequest:SpotInstanceRequest", { rootBlockDevice: { encrypted: true } })],
        unknown: [unk("metadata options unknown", "not-judged", res("", "aws:ec2/instance:Instance", { metadataOptions: UNKNOWN }))],
    },
    "lb-access-logs": {
        compliant: [res("logs on", LB, { accessLogs: { enabled: true, bucket: "b" } }), res("gateway LB", LB, { loadBalancerType: "gateway" })],
        violating: [res("omitted", LB, {}), res("disabled", "aws:alb/loadBalancer:LoadBalancer", { accessLogs: { enabled: false, bucket: "b" } })],
        unknown: [unk("unknown", "not-judged", res("", LB, { accessLogs: UNKNOWN }))],
    },
    "awsx-ecs-service-secure": {
        compliant: [res("private, secrets via Secrets Manager", "awsx:ecs:FargateService", { assignPublicIp: false, taskDefinitionArgs: { container: { name: "app", image: "i", environment: [{ name: "NODE_ENV", value: "production" }], secrets: [{ name: "DB_PASSWORD", valueFrom: "arn" }] } } })],
        violating: [res("public IP", "awsx:ecs:FargateService", { assignPublicIp: true }), res("plaintext DB_PASS in containers map", "awsx:ecs:EC2Service", { taskDefinitionArgs: { containers: { app: { name: "app", image: "i", environment: [{ name: "DB_PASS", value: "x" }] } } } }),
            res("credentials URL in command", "awsx:ecs:FargateService", { taskDefinitionArgs: { container: { name: "app", image: "i", command: ["run", "postgres://u:p@h/db"] } } })],
        unknown: [unk("container unknown", "not-judged", res("", "awsx:ecs:FargateService", { taskDefinitionArgs: { container: UNKNOWN } }))],
        ignored: [res("platform component", "platform:app:FargateService", { assignPublicIp: true })],
    },
    "awsx-alb-secure": {
        compliant: [res("HTTPS + redirect", "awsx:lb:ApplicationLoadBalancer", { listeners: [{ port: 443, protocol: "HTTPS", sslPolicy: TLS13, certificateArn: "arn" }, { port: 80, protocol: "HTTP", defaultActions: [REDIRECT] }] })],
        violating: [res("no listeners (default HTTP:80 forward)", "awsx:lb:ApplicationLoadBalancer", {}), res("HTTPS without policy", "awsx:lb:ApplicationLoadBalancer", { listener: { port: 443, protocol: "HTTPS", certificateArn: "arn" } }),
            res("http (lower case) forwarding", "awsx:lb:ApplicationLoadBalancer", { listeners: [{ port: 80, protocol: "http" }] })],
        unknown: [unk("listeners unknown", "not-judged", res("", "awsx:lb:ApplicationLoadBalancer", { listeners: UNKNOWN }))],
    },
    "awsx-vpc-nat-per-az": {
        compliant: [res("default", "awsx:ec2:Vpc", {}), res("OnePerAz", "awsx:ec2:Vpc", { natGateways: { strategy: "OnePerAz" } })],
        violating: [res("Single", "awsx:ec2:Vpc", { natGateways: { strategy: "Single" } }), res("Single with EIPs", "awsx:ec2:Vpc", { natGateways: { strategy: "Single", elasticIpAllocationIds: ["e"] } })],
        unknown: [unk("strategy unknown", "not-judged", res("", "awsx:ec2:Vpc", { natGateways: { strategy: UNKNOWN } }))],
    },
};

/**
 * Cases kept beside their rule: `policies/rules/<folder>/<file>.cases.ts` exporting `cases`, for the rule named
 * `<folder>-<file>` (a rule's name follows its path). Found by walking the folder, so a new rule's cases need no entry
 * here.
 */
function casesBesideRules(): Record<string, RuleCases> {
    const rules = path.join(__dirname, "../../policies/rules");
    const found: Record<string, RuleCases> = {};
    for (const folder of fs.readdirSync(rules, { withFileTypes: true }).filter((d) => d.isDirectory())) {
        for (const file of fs.readdirSync(path.join(rules, folder.name)).filter((f) => f.endsWith(".cases.ts"))) {
            found[`${folder.name}-${file.slice(0, -".cases.ts".length)}`] = require(path.join(rules, folder.name, file)).cases;
        }
    }
    return found;
}

const BESIDE = casesBesideRules();
const TWICE = Object.keys(BESIDE).filter((name) => name in INLINE);
if (TWICE.length > 0) throw new Error(`cases both beside the rule and in test/policies/cases.ts: ${TWICE.join(", ")}`);

/** Every rule's cases: those beside the rule, and the older rules' gathered above. */
export const CASES: Record<string, RuleCases> = { ...INLINE, ...BESIDE };
