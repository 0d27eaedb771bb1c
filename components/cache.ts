import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName, slug, truncateName } from "../lib/naming";
import { clientOnlySecurityGroup } from "../lib/security-groups";
import { CloudWatchRetentionDays } from "../lib/rules/retention";
import { Tags } from "../lib/tags";
import { cacheTopologyProblem } from "../lib/rules/cache-topology";
import { DEFAULT_REDIS_ENGINE_VERSION, DEFAULT_REDIS_SNAPSHOT_RETENTION_DAYS } from "../lib/defaults";

/** The component's form of lib/rules/cache-topology.ts (the rule stack config applies too), naming the node count. */
export function validateCacheTopology(numCacheClusters: number, automaticFailover: boolean, multiAz: boolean): string | undefined {
    const problem = cacheTopologyProblem(numCacheClusters, automaticFailover, multiAz);
    return problem && `${problem}, got ${numCacheClusters}`;
}

export interface CacheArgs {
    /** Node type, e.g. `cache.r7g.xlarge`. */
    nodeType: string;
    /** Nodes in the group: one primary plus replicas (MITA 2, LMS 3). */
    numCacheClusters: number;
    /** Promote a replica when the primary fails (default: on with 2+ nodes). */
    automaticFailover?: boolean;
    /** Spread nodes over AZs (default: on with 2+ nodes). */
    multiAz?: boolean;
    /** Redis version (7.x). */
    engineVersion?: string;
    /** VPC of the cache. */
    vpcId: pulumi.Input<string>;
    /** Isolated data subnets. */
    subnetIds: pulumi.Input<string>[];
    /** The only security group allowed to connect (the application's). */
    clientSecurityGroupId: pulumi.Input<string>;
    /** Customer-managed key for data at rest. */
    kmsKeyArn: pulumi.Input<string>;
    /** Days of daily snapshots kept. */
    snapshotRetentionDays?: number;
    /** Daily snapshot window (UTC). */
    snapshotWindow?: string;
    /** Weekly maintenance window (UTC). */
    maintenanceWindow?: string;
    /** Retention of the slow-log and engine-log group. */
    slowLogRetentionDays: CloudWatchRetentionDays;
    /** Key of the log group. */
    logsKmsKeyArn: pulumi.Input<string>;
    /** Extra Redis parameters. */
    parameters?: Record<string, string>;
    /** Pulumi `protect` + `retainOnDelete` (production). */
    protect: boolean;
    /** Tags for every resource. */
    tags: Tags;
}

const PORT = 6379;

/**
 * Redis users and user group of a cache: IAM authentication, so no credential exists anywhere (not in config, state,
 * Secrets Manager or the task definition). The application's user authenticates with a 15-minute token it signs with
 * its task role (SigV4, action `elasticache:Connect`); the user group's required `default` user is switched off.
 * ElastiCache: IAM authentication needs Redis OSS 7.0+ and in-transit encryption, and an IAM user's user ID and user
 * name must be the same; connections last at most 12 hours and re-authenticate with a fresh token.
 * https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html
 */
export const REDIS_IAM_AUTH_DOC = "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html";

/**
 * An ElastiCache Redis 7 replication group (cluster mode disabled): KMS encryption at rest, TLS required in transit,
 * IAM authentication through a user group (no AUTH token, so no password in state), `allkeys-lru` eviction,
 * snapshots, slow and engine logs to CloudWatch, isolated subnets and a security group open only to the application.
 *
 * Why IAM and not the AUTH token: a token is a password Pulumi must generate and send, so it sits in state (encrypted,
 * but readable by anyone who can read the stack), and rotating it means a second deployment. IAM tokens are minted by
 * the task role per connection and expire in 15 minutes. The cost: the client must sign a token (the AWS SDK's SigV4
 * presigner) and reconnect within 12 hours — both application changes README "Redis connections" describes.
 */
export class Cache extends pulumi.ComponentResource {
    public readonly replicationGroupId: pulumi.Output<string>;
    public readonly primaryEndpointAddress: pulumi.Output<string>;
    public readonly readerEndpointAddress: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly replicationGroupArn: pulumi.Output<string>;
    /** The application's Redis user: its user ID is its user name (IAM authentication requires both to match). */
    public readonly appUserId: pulumi.Output<string>;
    public readonly appUserArn: pulumi.Output<string>;
    /** The group runs with cluster mode disabled: clients must use a single-endpoint (non-cluster) client. */
    public readonly clusterMode = false;
    public readonly securityGroupId: pulumi.Output<string>;
    public readonly memberClusters: pulumi.Output<string[]>;

    constructor(name: string, args: CacheArgs, opts?: pulumi.ComponentResourceOptions) {
        const failover = args.automaticFailover ?? args.numCacheClusters >= 2;
        const multiAz = args.multiAz ?? args.numCacheClusters >= 2;
        const topologyError = validateCacheTopology(args.numCacheClusters, failover, multiAz);
        if (topologyError) {
            throw new Error(`Cache ${name}: ${topologyError}`);
        }
        super("platform:data:Cache", name, {}, opts);
        const parent = { parent: this };
        const stateful = { parent: this, protect: args.protect, retainOnDelete: args.protect };

        const subnetGroup = new aws.elasticache.SubnetGroup(name, {
            subnetIds: args.subnetIds,
            description: `Isolated data subnets of ${name}`,
            tags: args.tags,
        }, parent);
        const sg = clientOnlySecurityGroup(name, {
            vpcId: args.vpcId, port: PORT, clientSecurityGroupId: args.clientSecurityGroupId,
            service: `the Redis cache ${name}`, egressRuleName: "app-to-cache", tags: args.tags,
        }, this);

        const parameterGroup = new aws.elasticache.ParameterGroup(childName(name, "redis7"), {
            family: "redis7",
            description: `${name}: evict least-recently-used keys when full`,
            parameters: Object.entries({ ...args.parameters, "maxmemory-policy": "allkeys-lru" }).map(([paramName, value]) => ({ name: paramName, value })),
            tags: args.tags,
        }, parent);

        // User IDs are unique per account and region: derived from the (unique) group id. No passwords anywhere.
        const groupId = truncateName(slug(name), 40, false);
        // The base is shortened, never the suffix: cutting `-app`/`-default` off a 39-40 character id gave both users the same id.
        const withSuffix = (suffix: string) => `${truncateName(groupId, 40 - suffix.length - 1, false)}-${suffix}`;
        const appUserId = withSuffix("app");
        const defaultUser = new aws.elasticache.User(childName(name, "default-user"), {
            // Every user group must hold a user named `default`; this one can do nothing (`off`, no commands).
            userId: withSuffix("default"),
            userName: "default",
            engine: "redis",
            accessString: "off -@all",
            authenticationMode: { type: "no-password-required" },
            tags: args.tags,
        }, parent);
        const appUser = new aws.elasticache.User(childName(name, "app-user"), {
            userId: appUserId,
            userName: appUserId,
            engine: "redis",
            accessString: "on ~* +@all",
            authenticationMode: { type: "iam" },
            tags: args.tags,
        }, parent);
        const userGroup = new aws.elasticache.UserGroup(childName(name, "users"), {
            userGroupId: withSuffix("users"),
            engine: "redis",
            userIds: [defaultUser.userId, appUser.userId],
            tags: args.tags,
        }, parent);

        const logGroup = new aws.cloudwatch.LogGroup(childName(name, "logs"), {
            namePrefix: `/platform/elasticache/${name}-`,
            retentionInDays: args.slowLogRetentionDays,
            kmsKeyId: args.logsKmsKeyArn,
            tags: args.tags,
        }, parent);

        const group = new aws.elasticache.ReplicationGroup(name, {
            replicationGroupId: groupId,
            description: `Redis for ${name}`,
            engine: "redis",
            engineVersion: args.engineVersion ?? DEFAULT_REDIS_ENGINE_VERSION,
            nodeType: args.nodeType,
            numCacheClusters: args.numCacheClusters,
            port: PORT,
            parameterGroupName: parameterGroup.name,
            subnetGroupName: subnetGroup.name,
            securityGroupIds: [sg.id],
            automaticFailoverEnabled: failover,
            multiAzEnabled: multiAz,
            atRestEncryptionEnabled: true,
            kmsKeyId: args.kmsKeyArn,
            transitEncryptionEnabled: true,
            transitEncryptionMode: "required",
            // IAM authentication: no authToken (which would sit in state); clients authenticate as a user of the group.
            userGroupIds: [userGroup.userGroupId],
            snapshotRetentionLimit: args.snapshotRetentionDays ?? DEFAULT_REDIS_SNAPSHOT_RETENTION_DAYS,
            snapshotWindow: args.snapshotWindow ?? "02:00-03:00",
            maintenanceWindow: args.maintenanceWindow ?? "sun:05:30-sun:06:30",
            finalSnapshotIdentifier: `${groupId}-final`,
            autoMinorVersionUpgrade: true,
            applyImmediately: false,
            logDeliveryConfigurations: ["slow-log", "engine-log"].map((logType) => ({
                destination: logGroup.name,
                destinationType: "cloudwatch-logs",
                logFormat: "json",
                logType,
            })),
            tags: args.tags,
        }, stateful);

        this.replicationGroupId = group.id;
        this.primaryEndpointAddress = group.primaryEndpointAddress;
        this.readerEndpointAddress = group.readerEndpointAddress;
        this.port = pulumi.output(PORT);
        this.replicationGroupArn = group.arn;
        this.appUserId = appUser.userId;
        this.appUserArn = appUser.arn;
        this.securityGroupId = sg.id;
        this.memberClusters = group.memberClusters;
        this.registerOutputs({
            replicationGroupId: this.replicationGroupId,
            primaryEndpointAddress: this.primaryEndpointAddress,
            appUserId: this.appUserId,
        });
    }
}
