import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import { answerDataSource, loadBalancerZoneId, partitionOf, zoneIdPrefix } from "./mock-data-sources";

/**
 * Mock runtime answers shared by the unit tests and the offline preview: every resource gets a
 * plausible, deterministic id, ARN and the endpoint-like outputs programs read back (so
 * `db.endpoint.apply(...)` runs), and AWS data sources are answered as a real account in the region would
 * (scripts/preview/mocks/mock-data-sources.ts). Every call and stack reference is recorded, so the preview can say which lookups got
 * no real answer.
 */
export const MOCK_ACCOUNT_ID = "123456789012";

export interface MockOptions {
    /** The stack's `aws:region`; default: AWS_REGION / AWS_DEFAULT_REGION as the provider reads them, else us-east-1. */
    region?: string;
    accountId?: string;
    /** A user's own answers (`--mocks <module>`), asked first, as in Pulumi's unit-test mocks. */
    userMocks?: Partial<pulumi.runtime.Mocks>;
}

/** What the mocks were asked and whether they knew the answer; the preview lists the gaps in its reports. */
export interface MockReport {
    /** One entry per token and kind of answer. "none": echoed inputs, a generic fill or a placeholder value. */
    lookups: Array<{ token: string; count: number; answer: "platform" | "user" | "none" }>;
    stackReferences: Array<{ urn?: string; name: string; outputs: Record<string, unknown>; outputsUnknown?: boolean }>;
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

const ID_FIELDS: Record<string, string> = {
    "aws:s3/bucket:Bucket": "bucket",
    "aws:s3/bucketV2:BucketV2": "bucket",
    "aws:cloudwatch/logGroup:LogGroup": "name",
    "aws:iam/role:Role": "name",
    "aws:kms/key:Key": "keyId",
    "aws:sns/topic:Topic": "arn",
    "aws:secretsmanager/secret:Secret": "arn",
    "aws:ecs/cluster:Cluster": "arn",
    "aws:lb/loadBalancer:LoadBalancer": "arn",
    "aws:lb/targetGroup:TargetGroup": "arn",
    "aws:lb/listener:Listener": "arn",
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
                    ? [{ secretArn: `arn:${partitionOf(region).partition}:secretsmanager:${region}:${accountId}:secret:rds!db-${h}`, secretStatus: "active", kmsKeyId: inputs.masterUserSecretKmsKeyId ?? "" }]
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
                primaryEndpointAddress: `master.${name}.${h}.${zoneIdPrefix(region)}.cache.${partitionOf(region).dnsSuffix}`,
                readerEndpointAddress: `replica.${name}.${h}.${zoneIdPrefix(region)}.cache.${partitionOf(region).dnsSuffix}`,
                port: inputs.port ?? 6379,
                memberClusters: Array.from({ length: Number(inputs.numCacheClusters ?? 1) }, (_, i) => `${name}-00${i + 1}`),
            };
        case "aws:lb/loadBalancer:LoadBalancer": {
            const network = inputs.loadBalancerType === "network";
            const prefix = inputs.internal ? "internal-" : "";
            const dnsName = network ? `${prefix}${name}-${h}.elb.${region}.${partitionOf(region).dnsSuffix}` : `${prefix}${name}-${h}.${region}.elb.${partitionOf(region).dnsSuffix}`;
            return { dnsName, zoneId: loadBalancerZoneId(region, inputs.loadBalancerType) ?? "", arnSuffix: `${network ? "net" : "app"}/${name}/${h}` };
        }
        case "aws:lb/targetGroup:TargetGroup":
            return { arnSuffix: `targetgroup/${name}/${h}` };
        case "aws:s3/bucket:Bucket":
        case "aws:s3/bucketV2:BucketV2": {
            const bucket = inputs.bucket ?? `${name}-${h}`;
            return { bucket, bucketDomainName: `${bucket}.s3.amazonaws.com`, bucketRegionalDomainName: `${bucket}.s3.${region}.amazonaws.com`, arn: `arn:${partitionOf(region).partition}:s3:::${bucket}`, region };
        }
        case "aws:kms/key:Key":
            return { keyId: `${shortHash(name, 8)}-${shortHash(name + "1", 4)}-${shortHash(name + "2", 4)}-${shortHash(name + "3", 4)}-${shortHash(name + "4", 12)}` };
        case "aws:ecs/cluster:Cluster":
            return { name: inputs.name ?? `${name}-${h}` };
        case "aws:ecs/service:Service":
            return { name: inputs.name ?? `${name}-${h}` };
        case "aws:ecs/taskDefinition:TaskDefinition":
            return { revision: 1, arnWithoutRevision: `arn:${partitionOf(region).partition}:ecs:${region}:${accountId}:task-definition/${inputs.family ?? name}` };
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
    const partition = partitionOf(region).partition;
    switch (service) {
        case "iam":
            return `arn:${partition}:iam::${accountId}:${resource}/${name}`;
        case "s3":
            return `arn:${partition}:s3:::${name}`;
        case "cloudwatch":
            return resource === "loggroup" ? `arn:${partition}:logs:${region}:${accountId}:log-group:${name}` : `arn:${partition}:cloudwatch:${region}:${accountId}:${resource}:${name}`;
        case "lb":
            return `arn:${partition}:elasticloadbalancing:${region}:${accountId}:${resource}/${name}/${shortHash(name, 16)}`;
        case "rds":
            return `arn:${partition}:rds:${region}:${accountId}:${resource === "instance" ? "db" : resource}:${name}`;
        default:
            return `arn:${partition}:${service}:${region}:${accountId}:${resource}/${name}`;
    }
}

/** The SDK's wire value for "unknown during preview" (runtime/rpc.js `unknownValue`). */
const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

const isAnswer = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * The mocks plus a record of every call they answered. Regions: a call's own `region` argument, else the region of the
 * explicit provider it went through (providers are recorded as they are registered), else the stack's region; the same
 * for the ARNs and endpoints of resources (`region` input or provider).
 */
export function createPlatformMocks(options: MockOptions = {}): { mocks: pulumi.runtime.Mocks; report(): MockReport } {
    const stackRegion = options.region ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
    const accountId = options.accountId ?? MOCK_ACCOUNT_ID;
    const user = options.userMocks ?? {};
    const lookups = new Map<string, { token: string; count: number; answer: "platform" | "user" | "none" }>();
    const stackReferences: MockReport["stackReferences"] = [];
    const providerRegions = new Map<string, string>();
    const facts = new Map<string, Record<string, any>>();

    const record = (token: string, answer: "platform" | "user" | "none") => {
        const key = `${token}\u0000${answer}`;
        const entry = lookups.get(key) ?? { token, count: 0, answer };
        entry.count++;
        lookups.set(key, entry);
    };
    /** Provider references are `<urn>::<id>`; ids are unique here (hash of type and name). */
    const regionOf = (provider: string | undefined, inputs: any): string => {
        const own = typeof inputs?.region === "string" && inputs.region ? inputs.region : undefined;
        return own ?? (provider ? providerRegions.get(provider.split("::").pop() ?? "") : undefined) ?? stackRegion;
    };

    const platformResource = (args: pulumi.runtime.MockResourceArgs): pulumi.runtime.MockResourceResult => {
        if (args.custom === false) {
            return { id: undefined, state: args.inputs };
        }
        const region = regionOf(args.provider, args.inputs);
        // `args.id` is the import id: "" when not importing (the mock monitor passes the empty string, not undefined).
        let id = args.id || `${ID_PREFIXES[args.type] ?? `${args.name}-`}${shortHash(`${args.type}/${args.name}`)}`;
        if (args.type === "pulumi:providers:aws") {
            providerRegions.set(id, args.inputs?.region ?? stackRegion);
            return { id, state: args.inputs };
        }
        if (args.type === "pulumi:pulumi:StackReference") {
            // Another stack's outputs cannot be read offline: unknown, as a value not yet available in a preview
            // (never invented), so whatever depends on them is reported as not judged.
            stackReferences.push({ name: args.inputs?.name ?? args.name, outputs: {}, outputsUnknown: true });
            return { id, state: { name: args.inputs?.name ?? args.name, outputs: UNKNOWN, secretOutputNames: [] } };
        }
        const state: Record<string, any> = {
            arn: arnFor(args.type, args.name, region, accountId),
            ...args.inputs,
            ...extraOutputs(args.type, args.name, args.inputs, region, accountId),
        };
        // Resources whose provider id is one of their attributes (a bucket's id is its name, a topic's its ARN…).
        const idField = ID_FIELDS[args.type];
        if (!args.id && idField && typeof state[idField] === "string") {
            id = state[idField];
        }
        state.id = id;
        // Most AWS resources have an auto-generated physical `name` output; programs read it (dashboards, alarms).
        if (state.name === undefined) {
            state.name = args.inputs?.namePrefix ? `${args.inputs.namePrefix}${shortHash(args.name, 8)}` : `${args.name}-${shortHash(args.name, 7)}`;
        }
        if (args.inputs?.tags && !args.inputs.tagsAll) {
            state.tagsAll = args.inputs.tags;
        }
        return { id, state };
    };

    const platformCall = (args: pulumi.runtime.MockCallArgs): pulumi.runtime.MockCallResult => {
        const answer = args.token.startsWith("aws:") ? answerDataSource(args.token, args.inputs, { region: regionOf(args.provider, args.inputs), accountId, facts }) : undefined;
        record(args.token, answer?.real ? "platform" : "none");
        // Not an AWS data source we know: echo the inputs (the SDK's own mock default), reported as unanswered.
        return answer?.result ?? args.inputs;
    };

    const mocks: pulumi.runtime.Mocks = {
        newResource(args) {
            const fromUser = user.newResource?.(args);
            const finish = (result: pulumi.runtime.MockResourceResult | undefined) => {
                if (!isAnswer(result)) {
                    return platformResource(args);
                }
                if (args.type === "pulumi:pulumi:StackReference") {
                    stackReferences.push({ name: args.inputs?.name ?? args.name, outputs: result!.state?.outputs ?? {} });
                }
                if (args.type === "pulumi:providers:aws") {
                    providerRegions.set(result!.id ?? "", result!.state?.region ?? args.inputs?.region ?? stackRegion);
                }
                return result!;
            };
            return fromUser instanceof Promise ? fromUser.then(finish) : finish(fromUser);
        },
        call(args) {
            const fromUser = user.call?.(args);
            const finish = (result: pulumi.runtime.MockCallResult | undefined) => {
                if (!isAnswer(result)) {
                    return platformCall(args);
                }
                record(args.token, "user");
                return result!;
            };
            return fromUser instanceof Promise ? fromUser.then(finish) : finish(fromUser);
        },
    };
    return {
        mocks,
        report: () => ({ lookups: [...lookups.values()].map((l) => ({ ...l })), stackReferences: stackReferences.map((s) => ({ ...s })) }),
    };
}

/** The platform's mocks without the record (unit tests of components and stacks). */
export function platformMocks(options: MockOptions = {}): pulumi.runtime.Mocks {
    return createPlatformMocks(options).mocks;
}
