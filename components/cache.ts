import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import * as random from "@pulumi/random";
import { childName, slug, truncateName } from "../lib/naming";
import { clientOnlySecurityGroup } from "../lib/security-groups";
import { CloudWatchRetentionDays } from "../lib/rules/retention";
import { Tags } from "../lib/tags";
import { cacheTopologyProblem } from "../lib/rules/cache-topology";

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
    /** Customer-managed key for data at rest and the AUTH secret. */
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
 * An ElastiCache Redis 7 replication group: KMS encryption at rest, TLS required in transit, an AUTH token generated
 * here and handed to the application through Secrets Manager, `allkeys-lru` eviction, snapshots, slow and engine logs
 * to CloudWatch, isolated subnets and a security group open only to the application.
 */
export class Cache extends pulumi.ComponentResource {
    public readonly replicationGroupId: pulumi.Output<string>;
    public readonly primaryEndpointAddress: pulumi.Output<string>;
    public readonly readerEndpointAddress: pulumi.Output<string>;
    public readonly port: pulumi.Output<number>;
    public readonly authSecretArn: pulumi.Output<string>;
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

        // ElastiCache AUTH tokens allow printable ASCII except / " @ and space; alphanumerics avoid the question.
        const authToken = new random.RandomPassword(childName(name, "auth"), { length: 64, special: false }, parent);

        const logGroup = new aws.cloudwatch.LogGroup(childName(name, "logs"), {
            namePrefix: `/platform/elasticache/${name}-`,
            retentionInDays: args.slowLogRetentionDays,
            kmsKeyId: args.logsKmsKeyArn,
            tags: args.tags,
        }, parent);

        const groupId = truncateName(slug(name), 40, false);
        const group = new aws.elasticache.ReplicationGroup(name, {
            replicationGroupId: groupId,
            description: `Redis for ${name}`,
            engine: "redis",
            engineVersion: args.engineVersion ?? "7.1",
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
            authToken: authToken.result,
            authTokenUpdateStrategy: "ROTATE",
            snapshotRetentionLimit: args.snapshotRetentionDays ?? 7,
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
        }, { ...stateful, additionalSecretOutputs: ["authToken"] });

        const secret = new aws.secretsmanager.Secret(childName(name, "auth"), {
            description: `Redis AUTH token and endpoint of ${name}`,
            kmsKeyId: args.kmsKeyArn,
            recoveryWindowInDays: 30,
            tags: args.tags,
        }, stateful);
        new aws.secretsmanager.SecretVersion(childName(name, "auth"), {
            secretId: secret.id,
            secretString: pulumi.secret(pulumi.all([group.primaryEndpointAddress, authToken.result]).apply(([host, token]) =>
                JSON.stringify({ host, port: PORT, tls: true, authToken: token }))),
        }, parent);

        this.replicationGroupId = group.id;
        this.primaryEndpointAddress = group.primaryEndpointAddress;
        this.readerEndpointAddress = group.readerEndpointAddress;
        this.port = pulumi.output(PORT);
        this.authSecretArn = secret.arn;
        this.securityGroupId = sg.id;
        this.memberClusters = group.memberClusters;
        this.registerOutputs({
            replicationGroupId: this.replicationGroupId,
            primaryEndpointAddress: this.primaryEndpointAddress,
            authSecretArn: this.authSecretArn,
        });
    }
}
