import { ResourceRule } from "../framework";

/** Rules that judge one resource from its own inputs and options. */

const RDS_INSTANCE = "aws:rds/instance:Instance";
const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const REPLICATION_GROUP = "aws:elasticache/replicationGroup:ReplicationGroup";
const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];

const isReplica = (props: Record<string, any>) => typeof props.replicateSourceDb === "string" && props.replicateSourceDb.length > 0;

export const resourceRules: ResourceRule[] = [
    // Encryption at rest
    {
        name: "rds-storage-encrypted",
        displayName: "RDS storage encrypted with a customer key",
        description: "RDS instances and clusters encrypt storage, snapshots and backups with a customer-managed KMS key.",
        remediation: "Set storageEncrypted: true and kmsKeyId to a customer-managed key (encryption cannot be added to an existing instance: restore from an encrypted snapshot).",
        severity: "critical",
        types: [RDS_INSTANCE, RDS_CLUSTER],
        check: (props) => {
            if (props.storageEncrypted !== true) return "storage is not encrypted (storageEncrypted is not true)";
            if (!props.kmsKeyId && !isReplica(props)) return "storage is encrypted with the AWS-managed key; set kmsKeyId to a customer-managed key";
            return undefined;
        },
    },
    {
        name: "elasticache-encrypted-at-rest",
        displayName: "ElastiCache encrypted at rest",
        description: "Redis replication groups encrypt data at rest (and backups) with a customer-managed KMS key.",
        remediation: "Set atRestEncryptionEnabled: true and kmsKeyId (this replaces the group: migrate through a snapshot).",
        severity: "high",
        types: [REPLICATION_GROUP],
        check: (props) => {
            if (props.atRestEncryptionEnabled !== true) return "at-rest encryption is off";
            if (!props.kmsKeyId) return "at-rest encryption uses the AWS-owned key; set kmsKeyId to a customer-managed key";
            return undefined;
        },
    },
    {
        name: "ebs-volume-encrypted",
        displayName: "EBS volumes encrypted",
        description: "EBS volumes are encrypted.",
        remediation: "Set encrypted: true (and kmsKeyId) on the volume, or turn on EBS encryption by default for the account.",
        severity: "high",
        types: ["aws:ebs/volume:Volume"],
        check: (props) => (props.encrypted !== true ? "volume is not encrypted" : undefined),
    },
    {
        name: "log-group-encrypted",
        displayName: "CloudWatch log groups encrypted with a customer key",
        description: "Log groups (application, audit, flow, WAF logs) are encrypted with a customer-managed KMS key.",
        remediation: "Set kmsKeyId to a key whose policy grants logs.<region>.amazonaws.com use of the key.",
        severity: "medium",
        types: ["aws:cloudwatch/logGroup:LogGroup"],
        check: (props) => (!props.kmsKeyId ? "log group has no kmsKeyId" : undefined),
    },
    {
        name: "sns-topic-encrypted",
        displayName: "SNS topics encrypted",
        description: "SNS topics encrypt messages at rest with KMS.",
        remediation: "Set kmsMasterKeyId to a customer-managed key that lets the publishing services use it.",
        severity: "medium",
        types: ["aws:sns/topic:Topic"],
        check: (props) => (!props.kmsMasterKeyId ? "topic has no kmsMasterKeyId" : undefined),
    },
    {
        name: "secret-encrypted-with-cmk",
        displayName: "Secrets encrypted with a customer key",
        description: "Secrets Manager secrets use a customer-managed KMS key, so access to the key is auditable and revocable.",
        remediation: "Set kmsKeyId on the secret to a customer-managed key.",
        severity: "medium",
        types: ["aws:secretsmanager/secret:Secret"],
        check: (props) => (!props.kmsKeyId ? "secret uses the AWS-managed key (no kmsKeyId)" : undefined),
    },
    {
        name: "backup-vault-encrypted",
        displayName: "Backup vaults encrypted with a customer key",
        description: "AWS Backup vaults encrypt recovery points with a customer-managed KMS key.",
        remediation: "Set kmsKeyArn on the vault (a vault's key cannot change: create a new vault).",
        severity: "high",
        types: ["aws:backup/vault:Vault"],
        check: (props) => (!props.kmsKeyArn ? "vault has no kmsKeyArn" : undefined),
    },
    {
        name: "performance-insights-encrypted",
        displayName: "Performance Insights encrypted with a customer key",
        description: "Performance Insights data (which contains SQL text) is encrypted with a customer-managed key.",
        remediation: "Set performanceInsightsKmsKeyId whenever performanceInsightsEnabled is true.",
        severity: "medium",
        types: [RDS_INSTANCE, RDS_CLUSTER, "aws:rds/clusterInstance:ClusterInstance"],
        check: (props) => (props.performanceInsightsEnabled === true && !props.performanceInsightsKmsKeyId ? "Performance Insights is on without performanceInsightsKmsKeyId" : undefined),
    },

    // Encryption in transit
    {
        name: "lb-listener-tls-policy",
        displayName: "Load balancer listeners use an approved TLS policy",
        description: "HTTPS and TLS listeners use an approved security policy: no TLS 1.0/1.1; production allows TLS 1.3 policies only.",
        remediation: "Set sslPolicy to an allowed policy, e.g. ELBSecurityPolicy-TLS13-1-2-Res-2021-06 or ELBSecurityPolicy-TLS13-1-3-2021-06.",
        severity: "high",
        types: LISTENER_TYPES,
        config: {
            allowedSslPolicies: { type: "array", items: { type: "string" }, default: ["ELBSecurityPolicy-TLS13-1-3-2021-06", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06", "ELBSecurityPolicy-TLS13-1-2-2021-06"] },
        },
        check: (props, _args, config) => {
            if (props.protocol !== "HTTPS" && props.protocol !== "TLS") return;
            const allowed: string[] = config.allowedSslPolicies;
            if (!props.sslPolicy) return `${props.protocol} listener has no sslPolicy (the default allows TLS 1.0/1.1 ciphers)`;
            if (!allowed.includes(props.sslPolicy)) return `sslPolicy ${props.sslPolicy} is not approved; allowed: ${allowed.join(", ")}`;
            return undefined;
        },
    },
    {
        name: "http-listener-redirects-to-https",
        displayName: "Plain HTTP listeners only redirect to HTTPS",
        description: "A listener on HTTP serves nothing: its only action is a redirect to HTTPS.",
        remediation: "Make the HTTP listener's default action a redirect with protocol HTTPS, port 443, status HTTP_301; serve traffic on the HTTPS listener.",
        severity: "high",
        types: LISTENER_TYPES,
        check: (props) => {
            if (props.protocol !== "HTTP") return;
            const actions: any[] = props.defaultActions ?? [];
            const redirectsToHttps = actions.length > 0 && actions.every((a) => a.type === "redirect" && a.redirect?.protocol === "HTTPS");
            return redirectsToHttps ? undefined : `HTTP listener on port ${props.port} serves traffic (actions: ${actions.map((a) => a.type).join(", ") || "none"}) instead of redirecting to HTTPS`;
        },
    },
    {
        name: "elasticache-transit-encryption",
        displayName: "ElastiCache requires TLS",
        description: "Redis replication groups encrypt traffic in transit and require it.",
        remediation: "Set transitEncryptionEnabled: true (and transitEncryptionMode: required). Plan it: it replaces the group.",
        severity: "high",
        types: [REPLICATION_GROUP],
        check: (props) => {
            if (props.transitEncryptionEnabled !== true) return "transit encryption is off: clients talk to Redis in plain text";
            if (props.transitEncryptionMode === "preferred") return "transitEncryptionMode is preferred: plain-text clients are still accepted";
            return undefined;
        },
    },

    // Retention
    {
        name: "rds-backup-retention",
        displayName: "RDS backup retention at or above the floor",
        description: "Automated RDS backups are kept at least the configured number of days (production: 30, per both seeds).",
        remediation: "Set backupRetentionPeriod to at least the floor (max 35; longer retention comes from AWS Backup).",
        severity: "high",
        types: [RDS_INSTANCE, RDS_CLUSTER],
        config: { minimumDays: { type: "integer", minimum: 1, maximum: 35, default: 7 } },
        check: (props, _args, config) => {
            if (isReplica(props)) return;
            const days = props.backupRetentionPeriod ?? 1;
            return days < config.minimumDays ? `backup retention ${days} days is below the floor of ${config.minimumDays}` : undefined;
        },
    },
    {
        name: "backup-plan-retention",
        displayName: "Backup plan retention and long-term rule",
        description: "Every Backup plan rule keeps recovery points at least the floor; plans for classified data also keep a long-term (7-year) rule.",
        remediation: "Raise lifecycle.deleteAfter on each rule; add a monthly rule with deleteAfter ≥ the long-term floor (2555 days for financial records).",
        severity: "high",
        types: ["aws:backup/plan:Plan"],
        config: {
            minimumDays: { type: "integer", minimum: 1, default: 7 },
            longTermDays: { type: "integer", minimum: 365, default: 2555 },
            longTermClassifications: { type: "array", items: { type: "string" }, default: ["restricted", "confidential"] },
        },
        check: (props, _args, config) => {
            const rules: any[] = props.rules ?? [];
            const problems: string[] = [];
            for (const rule of rules) {
                const deleteAfter = rule.lifecycle?.deleteAfter;
                const floor = rule.enableContinuousBackup ? Math.min(config.minimumDays, 35) : config.minimumDays;
                if (deleteAfter === undefined) {
                    problems.push(`rule ${rule.ruleName} never deletes recovery points: set an explicit lifecycle.deleteAfter`);
                } else if (deleteAfter < floor) {
                    problems.push(`rule ${rule.ruleName} keeps recovery points ${deleteAfter} days, below the floor of ${floor}`);
                }
            }
            const classification = props.tags?.["data-classification"];
            if (config.longTermClassifications.includes(classification) && !rules.some((r) => (r.lifecycle?.deleteAfter ?? 0) >= config.longTermDays)) {
                problems.push(`plan for ${classification} data has no long-term rule keeping recovery points ${config.longTermDays} days or more`);
            }
            return problems;
        },
    },
    {
        name: "log-group-retention",
        displayName: "Log groups keep logs for a set time",
        description: "Every log group has a retention (never infinite by accident) of at least the floor.",
        remediation: "Set retentionInDays to an allowed CloudWatch value at or above the floor (audit logs: 2557 for 7 years).",
        severity: "medium",
        types: ["aws:cloudwatch/logGroup:LogGroup"],
        config: { minimumDays: { type: "integer", minimum: 1, default: 14 } },
        check: (props, _args, config) => {
            const days = props.retentionInDays;
            if (!days) return "log group has no retentionInDays: logs are kept forever, by accident";
            return days < config.minimumDays ? `retention ${days} days is below the floor of ${config.minimumDays}` : undefined;
        },
    },
    {
        name: "elasticache-snapshot-retention",
        displayName: "ElastiCache keeps snapshots",
        description: "Redis replication groups keep daily snapshots for at least the floor.",
        remediation: "Set snapshotRetentionLimit to at least the floor.",
        severity: "medium",
        types: [REPLICATION_GROUP],
        config: { minimumDays: { type: "integer", minimum: 1, default: 1 } },
        check: (props, _args, config) => {
            const days = props.snapshotRetentionLimit ?? 0;
            return days < config.minimumDays ? `snapshot retention ${days} days is below the floor of ${config.minimumDays}` : undefined;
        },
    },

    // Exposure
    {
        name: "rds-not-publicly-accessible",
        displayName: "Databases not publicly accessible",
        description: "No RDS instance gets a public address.",
        remediation: "Set publiclyAccessible: false and reach the database from inside the VPC.",
        severity: "critical",
        types: [RDS_INSTANCE, "aws:rds/clusterInstance:ClusterInstance"],
        check: (props) => (props.publiclyAccessible === true ? "database is publicly accessible" : undefined),
    },
    {
        name: "ecs-no-public-ip",
        displayName: "ECS tasks get no public IP",
        description: "ECS services run tasks in private subnets without public IP addresses.",
        remediation: "Set networkConfiguration.assignPublicIp: false and give the subnets a NAT gateway or VPC endpoints.",
        severity: "high",
        types: ["aws:ecs/service:Service"],
        check: (props) => (props.networkConfiguration?.assignPublicIp === true ? "tasks get public IP addresses" : undefined),
    },

    // Resilience and data protection
    {
        name: "rds-multi-az",
        displayName: "Multi-AZ databases",
        description: "RDS instances have a synchronous standby in another AZ (read replicas excepted).",
        remediation: "Set multiAz: true.",
        severity: "high",
        types: [RDS_INSTANCE],
        check: (props) => (!isReplica(props) && props.multiAz !== true ? "instance is single-AZ" : undefined),
    },
    {
        name: "elasticache-failover",
        displayName: "ElastiCache fails over across AZs",
        description: "Redis replication groups have automatic failover and Multi-AZ (which needs 2 or more nodes).",
        remediation: "Set numCacheClusters ≥ 2, automaticFailoverEnabled: true and multiAzEnabled: true.",
        severity: "high",
        types: [REPLICATION_GROUP],
        check: (props) => (props.automaticFailoverEnabled !== true || props.multiAzEnabled !== true ? "automatic failover or Multi-AZ is off" : undefined),
    },
    {
        name: "ecs-circuit-breaker",
        displayName: "ECS deployment circuit breaker with rollback",
        description: "ECS services stop a failing deployment and roll back to the last working one.",
        remediation: "Set deploymentCircuitBreaker: { enable: true, rollback: true }.",
        severity: "medium",
        types: ["aws:ecs/service:Service"],
        check: (props) => {
            const breaker = props.deploymentCircuitBreaker;
            if (props.deploymentController?.type && props.deploymentController.type !== "ECS") return;
            return breaker?.enable === true && breaker?.rollback === true ? undefined : "deployment circuit breaker with rollback is not enabled";
        },
    },
    {
        name: "deletion-protection",
        displayName: "Deletion protection on databases and load balancers",
        description: "RDS instances and clusters and load balancers cannot be deleted without first turning protection off.",
        remediation: "Set deletionProtection: true (RDS) or enableDeletionProtection: true (load balancers).",
        severity: "high",
        types: [RDS_INSTANCE, RDS_CLUSTER, "aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"],
        check: (props, args) => {
            const isLoadBalancer = args.type.endsWith("loadBalancer:LoadBalancer");
            const on = isLoadBalancer ? props.enableDeletionProtection === true : props.deletionProtection === true;
            return on ? undefined : "deletion protection is off";
        },
    },
    {
        name: "final-snapshot",
        displayName: "Final snapshot on delete",
        description: "Deleting a database leaves a final snapshot (read replicas have none to take).",
        remediation: "Set skipFinalSnapshot: false and a finalSnapshotIdentifier.",
        severity: "high",
        types: [RDS_INSTANCE, RDS_CLUSTER],
        check: (props) => {
            if (isReplica(props)) return;
            if (props.skipFinalSnapshot !== false) return "skipFinalSnapshot is not false: deleting the database would lose its data";
            if (!props.finalSnapshotIdentifier) return "no finalSnapshotIdentifier is set";
            return undefined;
        },
    },
    {
        name: "stateful-resources-protected",
        displayName: "Stateful resources protected from destroy",
        description: "Databases, caches, data buckets, backup vaults and KMS keys carry Pulumi's `protect` option, so a mistaken destroy or rename cannot delete them.",
        remediation: "Pass { protect: true } (and retainOnDelete: true) in the resource options.",
        severity: "high",
        types: [RDS_INSTANCE, RDS_CLUSTER, REPLICATION_GROUP, "aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2", "aws:backup/vault:Vault", "aws:kms/key:Key"],
        check: (props, args) => {
            const isLogBucket = args.type.startsWith("aws:s3/") && /log/i.test(`${args.name} ${props.tags?.purpose ?? ""}`);
            return args.opts.protect || isLogBucket ? undefined : "resource is not protected (protect: false)";
        },
    },

    // Hygiene
    {
        name: "no-plaintext-secrets",
        displayName: "No plaintext secrets",
        description: "Secrets reach containers from Secrets Manager, and databases use RDS-managed master passwords, so no secret sits in code, config or task definitions.",
        remediation: "Move the value to Secrets Manager and reference it in the container's `secrets`; use manageMasterUserPassword: true for RDS.",
        severity: "critical",
        types: ["aws:ecs/taskDefinition:TaskDefinition", RDS_INSTANCE, RDS_CLUSTER],
        check: (props, args) => {
            if (args.type === "aws:ecs/taskDefinition:TaskDefinition") {
                const containers: any[] = typeof props.containerDefinitions === "string" ? JSON.parse(props.containerDefinitions) : props.containerDefinitions ?? [];
                return containers.flatMap((c) => (c.environment ?? [])
                    .filter((e: any) => /password|secret|token|api[_-]?key|private[_-]?key|credential/i.test(e.name))
                    .map((e: any) => `container ${c.name} has ${e.name} as a plain environment variable; use secrets (Secrets Manager)`));
            }
            const password = props.password ?? props.masterPassword;
            return password ? "master password is set as an input (it lands in state and config); use manageMasterUserPassword: true" : undefined;
        },
    },
];
