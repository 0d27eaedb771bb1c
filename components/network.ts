import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { IPv4CidrRange, IPv4Prefix } from "ip-num";
import { awsContext } from "../lib/aws-context";
import { childName } from "../lib/naming";
import { CloudWatchRetentionDays } from "../lib/retention";
import { namedTags, Tags } from "../lib/tags";

export type SubnetTier = "public" | "app" | "data";

/** Quarter of the VPC block each tier owns; the fourth quarter is kept free for later tiers. */
const TIER_QUARTER: Record<SubnetTier, number> = { public: 0, app: 1, data: 2 };
/** Each tier's quarter is cut into 8 equal subnets, one per AZ index: up to 8 AZs. */
const MAX_AZS = 8;

/**
 * The CIDR of the subnet for (tier, AZ index). It depends on nothing else — not on how many AZs there are — so
 * adding an AZ adds subnets and never re-cuts existing ones. For 10.0.0.0/16: public 10.0.0.0/21, 10.0.8.0/21, …;
 * app 10.0.64.0/21, 10.0.72.0/21, …; data 10.0.128.0/21, 10.0.136.0/21, …; 10.0.192.0/18 is unused.
 */
export function subnetCidr(vpcCidr: string, tier: SubnetTier, azIndex: number): string {
    if (azIndex < 0 || azIndex >= MAX_AZS) {
        throw new Error(`subnet layout supports AZ index 0–${MAX_AZS - 1}, got ${azIndex}`);
    }
    const vpc = IPv4CidrRange.fromCidr(vpcCidr);
    const vpcPrefix = Number(vpc.cidrPrefix.getValue());
    if (vpcPrefix > 22) {
        throw new Error(`VPC ${vpcCidr} is too small for three tiers of ${MAX_AZS} subnets: use /22 or larger`);
    }
    const quarter = vpc.splitInto(new IPv4Prefix(BigInt(vpcPrefix + 2)))[TIER_QUARTER[tier]];
    return quarter.splitInto(new IPv4Prefix(BigInt(vpcPrefix + 5)))[azIndex].toCidrString();
}

/** Explicit subnet CIDRs per tier, by AZ index (entry i is AZ i's subnet): for layouts an application guide fixes. */
export type SubnetCidrs = Record<SubnetTier, string[]>;

/**
 * Why explicit subnet CIDRs cannot be used in `vpcCidr` for `azCount` AZs, or undefined. Each list is keyed by AZ
 * index like the computed layout, so it is just as stable: adding an AZ uses the next entry and never re-cuts a subnet.
 */
export function subnetCidrsProblem(vpcCidr: string, azCount: number, cidrs: SubnetCidrs): string | undefined {
    const vpc = IPv4CidrRange.fromCidr(vpcCidr);
    const all: Array<{ cidr: string; range: IPv4CidrRange }> = [];
    for (const tier of ["public", "app", "data"] as const) {
        const list = cidrs[tier] ?? [];
        if (list.length < azCount) {
            return `${tier} lists ${list.length} CIDRs for ${azCount} availability zones; give one per AZ, in AZ order`;
        }
        for (const cidr of list) {
            let range: IPv4CidrRange;
            try {
                range = IPv4CidrRange.fromCidr(cidr);
            } catch {
                return `${tier} CIDR ${cidr} is not an IPv4 CIDR block`;
            }
            const prefix = Number(range.cidrPrefix.getValue());
            if (prefix < 16 || prefix > 28) {
                return `${tier} CIDR ${cidr}: AWS subnets are /16 to /28`;
            }
            if (!vpc.contains(range)) {
                return `${tier} CIDR ${cidr} is outside the VPC block ${vpcCidr}`;
            }
            const clash = all.find((other) => other.range.isOverlapping(range));
            if (clash) {
                return `${tier} CIDR ${cidr} overlaps ${clash.cidr}`;
            }
            all.push({ cidr, range });
        }
    }
    return undefined;
}

export interface NetworkArgs {
    /** VPC IPv4 block, e.g. `10.0.0.0/16` (/16–/22). */
    cidrBlock: string;
    /** Availability zones to span, by name. A subnet's logical name and CIDR are keyed by its AZ's position here. */
    availabilityZones: string[];
    /** `one-per-az` (production: an AZ failure takes out only its own egress) or `single` (cheaper, staging). */
    natGateways: "one-per-az" | "single";
    /** Retention of the VPC flow-log group (an allowed CloudWatch value). */
    flowLogRetentionDays: CloudWatchRetentionDays;
    /** Customer-managed key that encrypts the flow-log group (its policy must grant CloudWatch Logs). */
    logsKmsKeyArn: pulumi.Input<string>;
    /** Explicit subnet CIDRs by tier and AZ index, instead of the computed layout (checked by subnetCidrsProblem). */
    subnetCidrs?: SubnetCidrs;
    /** Interface endpoints in the app subnets, so tasks reach AWS APIs without the internet. */
    interfaceEndpoints?: string[];
    /** Tags for every resource. */
    tags: Tags;
}

const DEFAULT_INTERFACE_ENDPOINTS = ["ecr.api", "ecr.dkr", "logs", "secretsmanager"];

/**
 * A VPC with three subnet tiers per AZ: public (load balancers, NAT gateways), private app (tasks; egress through
 * NAT) and isolated data (databases, caches; no route out of the VPC). Flow logs go to a KMS-encrypted log group, the
 * default security group is emptied, and S3 plus the listed interface endpoints keep AWS API traffic inside the VPC.
 */
export class Network extends pulumi.ComponentResource {
    public readonly vpcId: pulumi.Output<string>;
    public readonly vpcCidrBlock: pulumi.Output<string>;
    public readonly publicSubnetIds: pulumi.Output<string>[];
    public readonly appSubnetIds: pulumi.Output<string>[];
    public readonly dataSubnetIds: pulumi.Output<string>[];
    public readonly natGatewayIds: pulumi.Output<string>[];
    public readonly flowLogGroupName: pulumi.Output<string>;
    public readonly endpointSecurityGroupId: pulumi.Output<string>;

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        const azs = args.availabilityZones;
        if (azs.length < 1 || azs.length > MAX_AZS) {
            throw new Error(`Network ${name}: between 1 and ${MAX_AZS} availability zones are supported, got ${azs.length}`);
        }
        if (args.subnetCidrs) {
            const problem = subnetCidrsProblem(args.cidrBlock, azs.length, args.subnetCidrs);
            if (problem) {
                throw new Error(`Network ${name}: subnetCidrs: ${problem}`);
            }
        }
        // Everything above only validates: a rejected input registers nothing.
        super("platform:network:Network", name, {}, opts);
        const parent = { parent: this };
        const tag = (suffix: string) => namedTags(args.tags, childName(name, suffix));

        const vpc = new aws.ec2.Vpc(name, {
            cidrBlock: args.cidrBlock,
            enableDnsHostnames: true,
            enableDnsSupport: true,
            tags: tag("vpc"),
        }, parent);

        // Adopt the default security group and leave it without rules, so nothing attached to it by accident talks.
        new aws.ec2.DefaultSecurityGroup(childName(name, "default-sg"), {
            vpcId: vpc.id,
            ingress: [],
            egress: [],
            tags: tag("default-deny"),
        }, parent);

        const igw = new aws.ec2.InternetGateway(childName(name, "igw"), { vpcId: vpc.id, tags: tag("igw") }, parent);

        const subnet = (tier: SubnetTier, az: string, index: number) =>
            new aws.ec2.Subnet(childName(name, tier, az), {
                vpcId: vpc.id,
                availabilityZone: az,
                cidrBlock: args.subnetCidrs ? args.subnetCidrs[tier][index] : subnetCidr(args.cidrBlock, tier, index),
                mapPublicIpOnLaunch: false,
                tags: { ...tag(`${tier}-${az}`), tier },
            }, parent);
        const publicSubnets = azs.map((az, i) => subnet("public", az, i));
        const appSubnets = azs.map((az, i) => subnet("app", az, i));
        const dataSubnets = azs.map((az, i) => subnet("data", az, i));

        const publicRoutes = new aws.ec2.RouteTable(childName(name, "public-rt"), {
            vpcId: vpc.id,
            routes: [{ cidrBlock: "0.0.0.0/0", gatewayId: igw.id }],
            tags: tag("public"),
        }, parent);
        publicSubnets.forEach((s, i) =>
            new aws.ec2.RouteTableAssociation(childName(name, "public", azs[i]), { subnetId: s.id, routeTableId: publicRoutes.id }, parent));

        const natAzs = args.natGateways === "one-per-az" ? azs : azs.slice(0, 1);
        const nats = natAzs.map((az, i) => {
            const eip = new aws.ec2.Eip(childName(name, "nat-eip", az), { domain: "vpc", tags: tag(`nat-${az}`) }, parent);
            return new aws.ec2.NatGateway(childName(name, "nat", az), {
                allocationId: eip.id,
                subnetId: publicSubnets[i].id,
                connectivityType: "public",
                tags: tag(`nat-${az}`),
            }, { parent: this, dependsOn: [igw] });
        });

        const appRouteTables = azs.map((az, i) => {
            const nat = nats[Math.min(i, nats.length - 1)];
            const table = new aws.ec2.RouteTable(childName(name, "app-rt", az), {
                vpcId: vpc.id,
                routes: [{ cidrBlock: "0.0.0.0/0", natGatewayId: nat.id }],
                tags: tag(`app-${az}`),
            }, parent);
            new aws.ec2.RouteTableAssociation(childName(name, "app", az), { subnetId: appSubnets[i].id, routeTableId: table.id }, parent);
            return table;
        });

        // The data tier has only the VPC-local route: databases and caches cannot reach or be reached from the internet.
        const dataRoutes = new aws.ec2.RouteTable(childName(name, "data-rt"), { vpcId: vpc.id, tags: tag("data") }, parent);
        dataSubnets.forEach((s, i) =>
            new aws.ec2.RouteTableAssociation(childName(name, "data", azs[i]), { subnetId: s.id, routeTableId: dataRoutes.id }, parent));

        const ctx = awsContext(this);
        new aws.ec2.VpcEndpoint(childName(name, "s3"), {
            vpcId: vpc.id,
            serviceName: pulumi.interpolate`com.amazonaws.${ctx.region}.s3`,
            vpcEndpointType: "Gateway",
            routeTableIds: [...appRouteTables.map((t) => t.id), dataRoutes.id],
            tags: tag("s3"),
        }, parent);

        const endpointSg = new aws.ec2.SecurityGroup(childName(name, "endpoints-sg"), {
            vpcId: vpc.id,
            description: "Interface endpoints: HTTPS from inside the VPC only",
            tags: tag("endpoints"),
        }, parent);
        new aws.vpc.SecurityGroupIngressRule(childName(name, "endpoints-https"), {
            securityGroupId: endpointSg.id,
            description: "HTTPS from the VPC",
            ipProtocol: "tcp",
            fromPort: 443,
            toPort: 443,
            cidrIpv4: args.cidrBlock,
            tags: tag("endpoints-https"),
        }, parent);
        for (const service of args.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS) {
            new aws.ec2.VpcEndpoint(childName(name, service.replace(/\./g, "-")), {
                vpcId: vpc.id,
                serviceName: pulumi.interpolate`com.amazonaws.${ctx.region}.${service}`,
                vpcEndpointType: "Interface",
                privateDnsEnabled: true,
                subnetIds: appSubnets.map((s) => s.id),
                securityGroupIds: [endpointSg.id],
                tags: tag(service),
            }, parent);
        }

        const flowLogGroup = new aws.cloudwatch.LogGroup(childName(name, "flow-logs"), {
            namePrefix: `/platform/vpc/${name}-`,
            retentionInDays: args.flowLogRetentionDays,
            kmsKeyId: args.logsKmsKeyArn,
            tags: args.tags,
        }, parent);
        const flowLogRole = new aws.iam.Role(childName(name, "flow-logs"), {
            assumeRolePolicy: pulumi.all([ctx.accountId]).apply(([accountId]) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [{
                    Effect: "Allow",
                    Principal: { Service: "vpc-flow-logs.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                }],
            })),
            tags: args.tags,
        }, parent);
        new aws.iam.RolePolicy(childName(name, "flow-logs"), {
            role: flowLogRole.id,
            policy: flowLogGroup.arn.apply((arn) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [{
                    Effect: "Allow",
                    Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                    Resource: [arn, `${arn}:*`],
                }],
            })),
        }, parent);
        new aws.ec2.FlowLog(childName(name, "flow-log"), {
            vpcId: vpc.id,
            trafficType: "ALL",
            logDestinationType: "cloud-watch-logs",
            logDestination: flowLogGroup.arn,
            iamRoleArn: flowLogRole.arn,
            maxAggregationInterval: 60,
            tags: tag("flow-log"),
        }, parent);

        this.vpcId = vpc.id;
        this.vpcCidrBlock = vpc.cidrBlock;
        this.publicSubnetIds = publicSubnets.map((s) => s.id);
        this.appSubnetIds = appSubnets.map((s) => s.id);
        this.dataSubnetIds = dataSubnets.map((s) => s.id);
        this.natGatewayIds = nats.map((n) => n.id);
        this.flowLogGroupName = flowLogGroup.name;
        this.endpointSecurityGroupId = endpointSg.id;
        this.registerOutputs({
            vpcId: this.vpcId,
            publicSubnetIds: this.publicSubnetIds,
            appSubnetIds: this.appSubnetIds,
            dataSubnetIds: this.dataSubnetIds,
            natGatewayIds: this.natGatewayIds,
            flowLogGroupName: this.flowLogGroupName,
        });
    }
}
