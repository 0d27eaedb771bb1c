import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";

/**
 * Mock runtime answers shared by the unit tests and the offline preview: every resource gets a
 * plausible, deterministic id, ARN and the endpoint-like outputs programs read back (so
 * `db.endpoint.apply(...)` runs), and the data-source calls the components make are answered as
 * a real account in `region` would.
 */
export const MOCK_ACCOUNT_ID = "123456789012";

export interface MockOptions {
    region?: string;
    accountId?: string;
}

function shortHash(text: string, length = 17): string {
    return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** `aws:rds/instance:Instance` → `rds`; `aws:index/provider:Provider` → `index`. */
function serviceOf(type: string): string {
    const [, module = "index"] = type.split(":");
    return module.split("/")[0];
}

const ID_PREFIXES: Record<string, string> = {
    "aws:ec2/vpc:Vpc": "vpc-",
    "aws:ec2/subnet:Subnet": "subnet-",
    "aws:ec2/securityGroup:SecurityGroup": "sg-",
    "aws:ec2/internetGateway:InternetGateway": "igw-",
    "aws:ec2/natGateway:NatGateway": "nat-",
    "aws:ec2/eip:Eip": "eipalloc-",
    "aws:ec2/routeTable:RouteTable": "rtb-",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce-",
    "aws:ec2/flowLog:FlowLog": "fl-",
    "aws:ec2/networkAcl:NetworkAcl": "acl-",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr-",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr-",
};

/** Outputs a type-specific resource would have after creation, beyond its inputs. */
function extraOutputs(type: string, name: string, inputs: any, region: string, accountId: string): Record<string, any> {
    const h = shortHash(`${type}/${name}`, 8);
    switch (type) {
        case "aws:rds/instance:Instance": {
            const identifier = inputs.identifier ?? `${name}-${h}`;
            const address = `${identifier}.c${h}.${region}.rds.amazonaws.com`;
            const port = inputs.port ?? (String(inputs.engine ?? "").startsWith("mysql") ? 3306 : 5432);
            return {
                identifier,
                address,
                endpoint: `${address}:${port}`,
                port,
                resourceId: `db-${shortHash(name, 26).toUpperCase()}`,
                masterUserSecrets: inputs.manageMasterUserPassword
                    ? [{ secretArn: `arn:aws:secretsmanager:${region}:${accountId}:secret:rds!db-${h}`, secretStatus: "active", kmsKeyId: inputs.masterUserSecretKmsKeyId ?? "" }]
                    : [],
            };
        }
        case "aws:rds/cluster:Cluster": {
            const clusterIdentifier = inputs.clusterIdentifier ?? `${name}-${h}`;
            // A Multi-AZ DB cluster has three member instances (writer + two readable standbys); Aurora has the ones created.
            const members = inputs.dbClusterInstanceClass ? [1, 2, 3].map((i) => `${clusterIdentifier}-instance-${i}`) : [];
            return {
                clusterIdentifier,
                endpoint: `${clusterIdentifier}.cluster-c${h}.${region}.rds.amazonaws.com`,
                readerEndpoint: `${clusterIdentifier}.cluster-ro-c${h}.${region}.rds.amazonaws.com`,
                port: inputs.port ?? 5432,
                arn: `arn:aws:rds:${region}:${accountId}:cluster:${clusterIdentifier}`,
                clusterResourceId: `cluster-${shortHash(name, 26).toUpperCase()}`,
                clusterMembers: members,
                masterUserSecrets: inputs.manageMasterUserPassword
                    ? [{ secretArn: `arn:aws:secretsmanager:${region}:${accountId}:secret:rds!cluster-${h}`, secretStatus: "active", kmsKeyId: inputs.masterUserSecretKmsKeyId ?? "" }]
                    : [],
            };
        }
        case "aws:elasticache/replicationGroup:ReplicationGroup":
            return {
                primaryEndpointAddress: `master.${name}.${h}.use1.cache.amazonaws.com`,
                readerEndpointAddress: `replica.${name}.${h}.use1.cache.amazonaws.com`,
                port: inputs.port ?? 6379,
                memberClusters: Array.from({ length: Number(inputs.numCacheClusters ?? 1) }, (_, i) => `${name}-00${i + 1}`),
            };
        case "aws:lb/loadBalancer:LoadBalancer":
            return { dnsName: `${name}-${h}.${region}.elb.amazonaws.com`, zoneId: "Z35SXDOTRQ7X7K", arnSuffix: `app/${name}/${h}` };
        case "aws:lb/targetGroup:TargetGroup":
            return { arnSuffix: `targetgroup/${name}/${h}` };
        case "aws:s3/bucket:Bucket":
        case "aws:s3/bucketV2:BucketV2": {
            const bucket = inputs.bucket ?? `${name}-${h}`;
            return { bucket, bucketDomainName: `${bucket}.s3.amazonaws.com`, bucketRegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`, arn: `arn:aws:s3:::${bucket}` };
        }
        case "aws:kms/key:Key":
            return { keyId: `${shortHash(name, 8)}-${shortHash(name + "1", 4)}-${shortHash(name + "2", 4)}-${shortHash(name + "3", 4)}-${shortHash(name + "4", 12)}` };
        case "aws:ecs/cluster:Cluster":
            return { name: inputs.name ?? `${name}-${h}` };
        case "aws:ecs/service:Service":
            return { name: inputs.name ?? `${name}-${h}` };
        case "aws:ecs/taskDefinition:TaskDefinition":
            return { revision: 1, arnWithoutRevision: `arn:aws:ecs:${region}:${accountId}:task-definition/${inputs.family ?? name}` };
        case "aws:cloudwatch/logGroup:LogGroup":
            return { name: inputs.name ?? `${inputs.namePrefix ?? name + "-"}${h}` };
        case "aws:sns/topic:Topic":
            return { name: inputs.name ?? `${name}-${h}` };
        case "aws:secretsmanager/secret:Secret":
            return { name: inputs.name ?? `${name}-${h}` };
        case "aws:wafv2/webAcl:WebAcl":
            return { capacity: 700 };
        case "aws:backup/vault:Vault":
            return { name: inputs.name ?? `${name}-${h}`, recoveryPoints: 0 };
        case "aws:iam/role:Role":
            return { name: inputs.name ?? `${name}-${h}`, uniqueId: `AROA${shortHash(name, 16).toUpperCase()}` };
        case "random:index/randomPassword:RandomPassword":
            // A known (deterministic) value, so tests can follow a generated secret to where it is stored.
            return { result: shortHash(`${name}/password`, 64).repeat(4).slice(0, Number(inputs.length ?? 32)) };
        default:
            return {};
    }
}

function arnFor(type: string, name: string, region: string, accountId: string): string {
    const service = serviceOf(type);
    const resource = type.split(":")[2]?.toLowerCase() ?? "resource";
    switch (service) {
        case "iam":
            return `arn:aws:iam::${accountId}:${resource}/${name}`;
        case "s3":
            return `arn:aws:s3:::${name}`;
        case "cloudwatch":
            return resource === "loggroup" ? `arn:aws:logs:${region}:${accountId}:log-group:${name}` : `arn:aws:cloudwatch:${region}:${accountId}:${resource}:${name}`;
        case "lb":
            return `arn:aws:elasticloadbalancing:${region}:${accountId}:${resource}/${name}/${shortHash(name, 16)}`;
        case "rds":
            return `arn:aws:rds:${region}:${accountId}:${resource === "instance" ? "db" : resource}:${name}`;
        default:
            return `arn:aws:${service}:${region}:${accountId}:${resource}/${name}`;
    }
}

export function platformMocks(options: MockOptions = {}): pulumi.runtime.Mocks {
    const region = options.region ?? "us-east-1";
    const accountId = options.accountId ?? MOCK_ACCOUNT_ID;
    return {
        newResource(args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult {
            if (args.custom === false) {
                return { id: undefined, state: args.inputs };
            }
            const id = args.id ?? `${ID_PREFIXES[args.type] ?? `${args.name}-`}${shortHash(`${args.type}/${args.name}`)}`;
            const state: Record<string, any> = {
                arn: arnFor(args.type, args.name, region, accountId),
                ...args.inputs,
                ...extraOutputs(args.type, args.name, args.inputs, region, accountId),
                id,
            };
            // Most AWS resources have an auto-generated physical `name` output; programs read it (dashboards, alarms).
            if (state.name === undefined) {
                state.name = args.inputs?.namePrefix ? `${args.inputs.namePrefix}${shortHash(args.name, 8)}` : `${args.name}-${shortHash(args.name, 7)}`;
            }
            if (args.inputs?.tags && !args.inputs.tagsAll) {
                state.tagsAll = args.inputs.tags;
            }
            return { id, state };
        },
        call(args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult {
            switch (args.token) {
                case "aws:index/getCallerIdentity:getCallerIdentity":
                    return { accountId, arn: `arn:aws:iam::${accountId}:user/preview`, id: accountId, userId: "AIDAPREVIEW" };
                case "aws:index/getRegion:getRegion":
                    return { region, name: region, id: region, endpoint: `ec2.${region}.amazonaws.com`, description: region };
                case "aws:index/getPartition:getPartition":
                    return { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws", reverseDnsPrefix: "com.amazonaws" };
                case "aws:index/getAvailabilityZones:getAvailabilityZones": {
                    const names = ["a", "b", "c", "d"].map((s) => `${region}${s}`);
                    return { names, zoneIds: names.map((_, i) => `use1-az${i + 1}`), id: region, groupNames: [region] };
                }
                case "aws:elb/getServiceAccount:getServiceAccount":
                    return { id: "127311923021", arn: "arn:aws:iam::127311923021:root" };
                default:
                    return args.inputs;
            }
        },
    };
}
