import { PolicyResource } from "@pulumi/policy";
import { Finding, get, refersTo, ResourceRule, StackRule } from "../framework";

/** Rules that need the resource graph: a bucket and its policy, a listener and its WAF, an instance and its parameter group. */

const BUCKET_TYPES = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const isBucket = (r: PolicyResource) => BUCKET_TYPES.includes(r.type);
const isLogBucket = (r: PolicyResource) => /log/i.test(`${r.name} ${r.props.tags?.purpose ?? ""}`);

/** The companion resources of a bucket of `type` (e.g. its versioning config), found by property dependency or name. */
function bucketCompanions(resources: PolicyResource[], bucket: PolicyResource, type: string): PolicyResource[] {
    const legacyV2 = type.replace(/^(aws:s3\/\w+):(\w+)$/, "$1V2:$2V2");
    return resources.filter((r) => (r.type === type || r.type === legacyV2) && refersTo(r, "bucket", bucket));
}

function statementsOf(policy: unknown): any[] {
    const doc = typeof policy === "string" ? JSON.parse(policy) : policy;
    const statements = (doc as any)?.Statement ?? [];
    return Array.isArray(statements) ? statements : [statements];
}

const asArray = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

function deniesInsecureTransport(policy: unknown): boolean {
    return statementsOf(policy).some((s) =>
        s.Effect === "Deny" &&
        String(get(s, "Condition.Bool.aws:SecureTransport") ?? get(s, "Condition.Bool")?.["aws:SecureTransport"]).toLowerCase() === "false" &&
        asArray(s.Action).some((a: string) => a === "s3:*" || a === "*"));
}

export const stackRules: StackRule[] = [
    {
        name: "s3-bucket-encrypted",
        displayName: "S3 buckets encrypted with KMS",
        description: "Data buckets default to SSE-KMS with a customer key; log buckets may use SSE-S3 (S3 server access logging and ELB log delivery cannot write to SSE-KMS buckets).",
        remediation: "Add an aws.s3.BucketServerSideEncryptionConfiguration with sseAlgorithm aws:kms, a kmsMasterKeyId and bucketKeyEnabled.",
        severity: "high",
        check: (resources) => resources.filter(isBucket).flatMap((bucket): Finding[] => {
            const configs = bucketCompanions(resources, bucket, "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
            const inline = bucket.props.serverSideEncryptionConfiguration;
            const rules = [...configs.flatMap((c) => c.props.rules ?? []), ...(inline ? [inline.rule] : [])];
            const algorithms = rules.map((r: any) => r?.applyServerSideEncryptionByDefault?.sseAlgorithm);
            const at = { urn: bucket.urn, name: bucket.name };
            if (algorithms.some((a) => a === "aws:kms" || a === "aws:kms:dsse")) return [];
            if (algorithms.includes("AES256") && isLogBucket(bucket)) return [];
            return [{ ...at, message: algorithms.length ? `bucket ${bucket.name} uses ${algorithms.join(", ")}, not SSE-KMS` : `bucket ${bucket.name} has no server-side encryption configuration` }];
        }),
    },
    {
        name: "s3-bucket-denies-insecure-transport",
        displayName: "S3 bucket policies deny plain HTTP",
        description: "Every bucket has a policy that denies requests without TLS (aws:SecureTransport = false).",
        remediation: "Attach an aws.s3.BucketPolicy with a Deny statement on s3:* for aws:SecureTransport false.",
        severity: "high",
        check: (resources) => resources.filter(isBucket).flatMap((bucket): Finding[] => {
            const policies = bucketCompanions(resources, bucket, "aws:s3/bucketPolicy:BucketPolicy").map((p) => p.props.policy);
            if (bucket.props.policy) policies.push(bucket.props.policy);
            return policies.some(deniesInsecureTransport) ? [] : [{ urn: bucket.urn, name: bucket.name, message: `bucket ${bucket.name} does not deny non-TLS requests` }];
        }),
    },
    {
        name: "s3-bucket-versioning",
        displayName: "S3 data buckets versioned",
        description: "Buckets keep object versions, so an overwrite or delete can be undone.",
        remediation: "Add an aws.s3.BucketVersioning with status Enabled.",
        severity: "medium",
        check: (resources) => resources.filter(isBucket).flatMap((bucket): Finding[] => {
            const configs = bucketCompanions(resources, bucket, "aws:s3/bucketVersioning:BucketVersioning");
            const enabled = configs.some((c) => c.props.versioningConfiguration?.status === "Enabled") || bucket.props.versioning?.enabled === true;
            return enabled ? [] : [{ urn: bucket.urn, name: bucket.name, message: `bucket ${bucket.name} is not versioned` }];
        }),
    },
    {
        name: "s3-public-access-blocked",
        displayName: "S3 public access blocked",
        description: "Every bucket has a public access block with all four settings on, and no public ACL.",
        remediation: "Add an aws.s3.BucketPublicAccessBlock with blockPublicAcls, blockPublicPolicy, ignorePublicAcls and restrictPublicBuckets true; drop public ACLs.",
        severity: "critical",
        check: (resources) => resources.filter(isBucket).flatMap((bucket): Finding[] => {
            const at = { urn: bucket.urn, name: bucket.name };
            const findings: Finding[] = [];
            const blocks = bucketCompanions(resources, bucket, "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock");
            const full = blocks.some((b) => ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"].every((k) => b.props[k] === true));
            if (!full) findings.push({ ...at, message: `bucket ${bucket.name} has no public access block with all four settings on` });
            const aclResources = [...bucketCompanions(resources, bucket, "aws:s3/bucketAcl:BucketAcl"), ...bucketCompanions(resources, bucket, "aws:s3/bucketAclV2:BucketAclV2")];
            const acls = [bucket.props.acl, ...aclResources.map((a) => a.props.acl)];
            const publicAcl = acls.find((acl) => typeof acl === "string" && acl.startsWith("public-"));
            if (publicAcl) findings.push({ ...at, message: `bucket ${bucket.name} has the ${publicAcl} ACL` });
            return findings;
        }),
    },
    {
        name: "rds-parameter-group-forces-tls",
        displayName: "Databases force TLS through their parameter group",
        description: "Every RDS instance uses a parameter group that forces TLS (rds.force_ssl=1 for PostgreSQL, require_secure_transport=ON for MySQL); a default parameter group does not.",
        remediation: "Create an aws.rds.ParameterGroup with the TLS parameter and set it as the instance's parameterGroupName.",
        severity: "high",
        check: (resources) => resources.filter((r) => r.type === "aws:rds/instance:Instance").flatMap((db): Finding[] => {
            const at = { urn: db.urn, name: db.name };
            const groups = resources.filter((g) => g.type === "aws:rds/parameterGroup:ParameterGroup" && refersTo(db, "parameterGroupName", g));
            if (groups.length === 0) return [{ ...at, message: `instance ${db.name} uses a parameter group outside this stack or the default one, which does not force TLS` }];
            const forces = groups.some((g) => (g.props.parameters ?? []).some((p: any) =>
                (p.name === "rds.force_ssl" && String(p.value) === "1") || (p.name === "require_secure_transport" && ["ON", "1"].includes(String(p.value).toUpperCase()))));
            return forces ? [] : [{ ...at, message: `parameter group ${groups[0].name} of instance ${db.name} does not force TLS` }];
        }),
    },
    {
        name: "backup-vault-locked",
        displayName: "Backup vaults locked",
        description: "Every Backup vault has a vault lock, so recovery points cannot be deleted before their retention.",
        remediation: "Add an aws.backup.VaultLockConfiguration for the vault (compliance mode in production).",
        severity: "high",
        config: { requireComplianceMode: { type: "boolean", default: false } },
        check: (resources, _args, config) => resources.filter((r) => r.type === "aws:backup/vault:Vault").flatMap((vault): Finding[] => {
            const locks = resources.filter((l) => l.type === "aws:backup/vaultLockConfiguration:VaultLockConfiguration" && refersTo(l, "backupVaultName", vault));
            const at = { urn: vault.urn, name: vault.name };
            if (locks.length === 0) return [{ ...at, message: `vault ${vault.name} has no vault lock` }];
            if (config.requireComplianceMode && !locks.some((l) => l.props.changeableForDays !== undefined)) {
                return [{ ...at, message: `vault ${vault.name} is locked in governance mode; compliance mode (changeableForDays) is required` }];
            }
            return [];
        }),
    },
    {
        name: "no-open-ingress",
        displayName: "No ingress from anywhere except web ports on load balancers",
        description: "No security group admits 0.0.0.0/0 or ::/0, except ports 80 and 443 on a group attached to a load balancer.",
        remediation: "Admit other security groups (referencedSecurityGroupId) or specific CIDRs; keep internet ingress on the load balancer's 80/443 only.",
        severity: "critical",
        config: { allowedPublicPorts: { type: "array", items: { type: "integer" }, default: [80, 443] } },
        check: (resources, _args, config) => {
            const loadBalancers = resources.filter((r) => r.type === "aws:lb/loadBalancer:LoadBalancer" || r.type === "aws:alb/loadBalancer:LoadBalancer");
            const onLoadBalancer = (sg: PolicyResource | undefined) => !!sg && loadBalancers.some((lb) => refersTo(lb, "securityGroups", sg));
            const allowed: number[] = config.allowedPublicPorts;
            const findings: Finding[] = [];
            const judge = (owner: PolicyResource, sg: PolicyResource | undefined, rule: { fromPort?: number; toPort?: number; cidrs: string[] }) => {
                const open = rule.cidrs.filter((c) => c === "0.0.0.0/0" || c === "::/0");
                if (open.length === 0) return;
                const from = rule.fromPort ?? 0;
                const to = rule.toPort ?? 65535;
                const webOnly = from === to && allowed.includes(from);
                if (webOnly && onLoadBalancer(sg)) return;
                findings.push({ urn: owner.urn, name: owner.name, message: `${owner.name} admits ${open.join(", ")} on port${from === to ? ` ${from}` : `s ${from}-${to}`}${webOnly ? " on a group not attached to a load balancer" : ""}` });
            };
            for (const r of resources) {
                if (r.type === "aws:ec2/securityGroup:SecurityGroup") {
                    for (const rule of asArray(r.props.ingress)) {
                        judge(r, r, { fromPort: rule.fromPort, toPort: rule.toPort, cidrs: [...asArray(rule.cidrBlocks), ...asArray(rule.ipv6CidrBlocks)] });
                    }
                } else if (r.type === "aws:ec2/securityGroupRule:SecurityGroupRule" && r.props.type === "ingress") {
                    const sg = resources.find((g) => g.type === "aws:ec2/securityGroup:SecurityGroup" && refersTo(r, "securityGroupId", g));
                    judge(r, sg, { fromPort: r.props.fromPort, toPort: r.props.toPort, cidrs: [...asArray(r.props.cidrBlocks), ...asArray(r.props.ipv6CidrBlocks)] });
                } else if (r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule") {
                    const sg = resources.find((g) => g.type === "aws:ec2/securityGroup:SecurityGroup" && refersTo(r, "securityGroupId", g));
                    judge(r, sg, { fromPort: r.props.fromPort, toPort: r.props.toPort, cidrs: [r.props.cidrIpv4, r.props.cidrIpv6].filter(Boolean) });
                }
            }
            return findings;
        },
    },
    {
        name: "alb-waf-protected",
        displayName: "Internet-facing ALBs behind WAF",
        description: "Every internet-facing application load balancer is associated with a WAFv2 web ACL that has the AWS managed Common and SQLi rule groups and a rate-based rule.",
        remediation: "Associate an aws.wafv2.WebAcl (AWSManagedRulesCommonRuleSet, AWSManagedRulesSQLiRuleSet, a rateBasedStatement) with the ALB through aws.wafv2.WebAclAssociation.",
        severity: "high",
        config: { requiredManagedRuleGroups: { type: "array", items: { type: "string" }, default: ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesSQLiRuleSet"] } },
        check: (resources, _args, config) => resources
            .filter((r) => (r.type === "aws:lb/loadBalancer:LoadBalancer" || r.type === "aws:alb/loadBalancer:LoadBalancer") && r.props.internal !== true && (r.props.loadBalancerType ?? "application") === "application")
            .flatMap((lb): Finding[] => {
                const at = { urn: lb.urn, name: lb.name };
                const acls = resources
                    .filter((a) => a.type === "aws:wafv2/webAclAssociation:WebAclAssociation" && refersTo(a, "resourceArn", lb))
                    .flatMap((a) => resources.filter((acl) => acl.type === "aws:wafv2/webAcl:WebAcl" && refersTo(a, "webAclArn", acl)));
                if (acls.length === 0) return [{ ...at, message: `internet-facing load balancer ${lb.name} has no WAF web ACL` }];
                const rules: any[] = acls.flatMap((acl) => acl.props.rules ?? []);
                const groups = rules.map((r) => r.statement?.managedRuleGroupStatement?.name).filter(Boolean);
                const missing = (config.requiredManagedRuleGroups as string[]).filter((g) => !groups.includes(g));
                const problems: Finding[] = missing.map((g) => ({ ...at, message: `web ACL of ${lb.name} lacks the managed rule group ${g}` }));
                if (!rules.some((r) => r.statement?.rateBasedStatement)) problems.push({ ...at, message: `web ACL of ${lb.name} has no rate-based rule` });
                return problems;
            }),
    },
];

/** AWS resource types that take tags but may be declared without any (so `tags` is absent from their inputs). */
const TAGGABLE_TYPES = new Set([
    "aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:elasticache/replicationGroup:ReplicationGroup", "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2", "aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/securityGroup:SecurityGroup", "aws:ec2/instance:Instance",
    "aws:ebs/volume:Volume", "aws:lb/loadBalancer:LoadBalancer", "aws:lb/targetGroup:TargetGroup", "aws:ecs/cluster:Cluster",
    "aws:ecs/service:Service", "aws:ecs/taskDefinition:TaskDefinition", "aws:cloudwatch/logGroup:LogGroup", "aws:sns/topic:Topic",
    "aws:secretsmanager/secret:Secret", "aws:kms/key:Key", "aws:backup/vault:Vault", "aws:backup/plan:Plan", "aws:wafv2/webAcl:WebAcl",
    "aws:iam/role:Role", "aws:dynamodb/table:Table", "aws:lambda/function:Function", "aws:sqs/queue:Queue",
]);

export const taggingRule: ResourceRule = {
    name: "required-tags",
    displayName: "Required tags",
    description: "Every taggable AWS resource carries the owner, cost-center, data-classification and environment tags, so cost, ownership and data handling are traceable.",
    remediation: "Add the missing tags (the platform's components apply lib/tags.ts standardTags to everything).",
    severity: "low",
    types: [],
    config: { requiredTags: { type: "array", items: { type: "string" }, default: ["owner", "cost-center", "data-classification", "environment"] } },
    check: (props, args, config) => {
        const tags = props.tags;
        if (tags === undefined && !TAGGABLE_TYPES.has(args.type)) return;
        const missing = (config.requiredTags as string[]).filter((key) => !tags?.[key]);
        return missing.length > 0 ? `missing required tag(s): ${missing.join(", ")}` : undefined;
    },
};
