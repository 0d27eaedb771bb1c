import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "../lib/aws-context";
import { childName } from "../lib/naming";
import { CloudWatchRetentionDays } from "../lib/rules/retention";
import { MAX_AZS, subnetCidr, SubnetCidrs, subnetCidrsProblem, SubnetTier, vpcCidrProblem } from "../lib/rules/subnet-layout";
import { namedTags, Tags } from "../lib/tags";

export { MAX_AZS, subnetCidr, subnetCidrsProblem, SUBNET_TIERS } from "../lib/rules/subnet-layout";
export type { SubnetCidrs, SubnetTier } from "../lib/rules/subnet-layout";


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
    /** The AWS services with an interface endpoint in the app subnets (`secretsmanager`, `logs`…). */
    public readonly interfaceEndpointServices: string[];

    constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything: a rejected configuration leaves nothing behind.
        const azs = args.availabilityZones;
        if (azs.length < 1 || azs.length > MAX_AZS || new Set(azs).size !== azs.length) {
            throw new Error(`Network ${name}: between 1 and ${MAX_AZS} distinct availability zones are supported, got ${azs.join(", ") || "none"}`);
        }
        const cidrProblem = vpcCidrProblem(args.cidrBlock);
        if (cidrProblem) {
            throw new Error(`Network ${name}: ${cidrProblem}`);
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
        this.interfaceEndpointServices = [...(args.interfaceEndpoints ?? DEFAULT_INTERFACE_ENDPOINTS)];
        for (const service of this.interfaceEndpointServices) {
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
