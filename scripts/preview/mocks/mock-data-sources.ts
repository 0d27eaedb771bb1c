/**
 * Answers to AWS data sources (`aws:<module>/get<X>:get<X>`) for the mock runtime.
 *
 * Two kinds of answer:
 * - hand-written ones for the lookups real programs make (VPC and subnets, AZs, region, account, AMIs, parameters,
 *   policy documents, certificates, zones, repositories, keys, secrets, security groups, roles): values a real account
 *   in the region would return, derived from the call's arguments (an id, a name, a filter) and deterministic;
 * - for every other AWS data source, a generic fill: each required field of the provider's `Get<X>Result` type (read
 *   from scripts/preview/mocks/mock-shapes.json, generated from @pulumi/aws by `npm run mocks:shapes`) with a value of its type, the
 *   call's arguments echoed into same-named fields. Well-shaped, so the program runs on, but NOT a real answer: it is
 *   reported as unanswered.
 */
import { createHash } from "crypto";
import { policyDocument } from "./mock-policy-document";

export interface CallContext {
    region: string;
    accountId: string;
    /** What earlier answers said about an id (a subnet's AZ and VPC, a VPC's CIDR), so later lookups agree with them. */
    facts?: Map<string, Record<string, any>>;
}

export interface Answer {
    result: Record<string, unknown>;
    /** false: generic fill or placeholder value, not what AWS would return. */
    real: boolean;
}

type Shape = string | Shape[] | { "*": Shape };
interface Shapes { functions: Record<string, Record<string, Shape>>; types: Record<string, Record<string, Shape>> }

let shapes: Shapes | undefined;
function loadShapes(): Shapes {
    shapes ??= require("./mock-shapes.json") as Shapes;
    return shapes;
}

export function hash(text: string, length = 17): string {
    return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** A deterministic UUID-shaped id. */
function uuid(seed: string): string {
    const h = hash(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export function partitionOf(region: string): { partition: string; dnsSuffix: string; reverseDnsPrefix: string } {
    if (region.startsWith("cn-")) {
        return { partition: "aws-cn", dnsSuffix: "amazonaws.com.cn", reverseDnsPrefix: "cn.com.amazonaws" };
    }
    if (region.startsWith("us-gov-")) {
        return { partition: "aws-us-gov", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
    }
    return { partition: "aws", dnsSuffix: "amazonaws.com", reverseDnsPrefix: "com.amazonaws" };
}

/** AZ id prefix as AWS writes it: us-east-1 → use1, eu-west-1 → euw1, ap-southeast-2 → apse2, us-gov-west-1 → usgw1. */
export function zoneIdPrefix(region: string): string {
    const parts = region.split("-");
    const number = parts.pop() ?? "1";
    const [area, ...rest] = parts;
    const letters = rest.map((word) => {
        const compound = /^(north|south)(east|west)$/.exec(word);
        return compound ? compound[1][0] + compound[2][0] : word[0];
    });
    return `${area}${letters.join("")}${number}`;
}

/** Zone letters of regions whose zones are not simply a–c (what a new account sees). */
const ZONE_LETTERS: Record<string, string> = {
    "us-east-1": "abcdef",
    "us-west-1": "ac",
    "us-west-2": "abcd",
    "ap-northeast-1": "acd",
    "ap-northeast-2": "abcd",
    "ca-central-1": "abd",
};

export function availabilityZones(region: string): Array<{ name: string; zoneId: string }> {
    return [...(ZONE_LETTERS[region] ?? "abc")].map((letter, i) => ({ name: `${region}${letter}`, zoneId: `${zoneIdPrefix(region)}-az${i + 1}` }));
}

/** Elastic Load Balancing account per region (the provider's table; newer regions use a service principal instead). */
const ELB_ACCOUNTS: Record<string, string> = {
    "af-south-1": "098369216593", "ap-east-1": "754344448648", "ap-northeast-1": "582318560864", "ap-northeast-2": "600734575887",
    "ap-northeast-3": "383597477331", "ap-south-1": "718504428378", "ap-southeast-1": "114774131450", "ap-southeast-2": "783225319266",
    "ap-southeast-3": "589379963580", "ca-central-1": "985666609251", "cn-north-1": "638102146993", "cn-northwest-1": "037604701340",
    "eu-central-1": "054676820928", "eu-north-1": "897822967062", "eu-south-1": "635631232127", "eu-west-1": "156460612806",
    "eu-west-2": "652711504416", "eu-west-3": "009996457667", "me-south-1": "076674570225", "sa-east-1": "507241528517",
    "us-east-1": "127311923021", "us-east-2": "033677994240", "us-gov-east-1": "190560391635", "us-gov-west-1": "048591011584",
    "us-west-1": "027434742980", "us-west-2": "797873946194",
};

/** Route 53 zone of load balancers' DNS names (AWS general reference, "Elastic Load Balancing endpoints"). */
const ALB_ZONES: Record<string, string> = {
    "af-south-1": "Z268VQBMOI5EKX", "ap-east-1": "Z3DQVH9N71FHZ0", "ap-northeast-1": "Z14GRHDCWA56QT", "ap-northeast-2": "ZWKZPGTI48KDX",
    "ap-northeast-3": "Z5LXEXXYW11ES", "ap-south-1": "ZP97RAFLXTNZK", "ap-southeast-1": "Z1LMS91P8CMLE5", "ap-southeast-2": "Z1GM3OXH4ZPM65",
    "ca-central-1": "ZQSVJUPU6J1EY", "cn-north-1": "Z1GDH35T77C1KE", "cn-northwest-1": "ZM7IZAIOVVDZF", "eu-central-1": "Z215JYRZR1TBD5",
    "eu-north-1": "Z23TAZ6LKFMNIO", "eu-south-1": "Z3ULH7SSC9OV64", "eu-west-1": "Z32O12XQLNTSW2", "eu-west-2": "ZHURV8PSTC4K8",
    "eu-west-3": "Z3Q77PNBQS71R4", "me-south-1": "ZS929ML54UICD", "sa-east-1": "Z2P70J7HTTTPLU", "us-east-1": "Z35SXDOTRQ7X7K",
    "us-east-2": "Z3AADJGX6KTTL2", "us-gov-east-1": "Z166TLBEWOO7G0", "us-gov-west-1": "Z33AYJ8TM3BH4J", "us-west-1": "Z368ELLRRE2KJ0",
    "us-west-2": "Z1H1FL5HABSF5",
};
const NLB_ZONES: Record<string, string> = {
    "ap-northeast-1": "Z31USIVHYNEOWT", "ap-south-1": "ZVDDRBQ08TROA", "ap-southeast-2": "ZCT6FZBF4DROD", "eu-central-1": "Z3F0SRJ5LGBH90",
    "eu-west-1": "Z2IFOLAFXWLO4F", "eu-west-2": "ZD4D7Y8KGAS4G", "us-east-1": "Z26RNL4JYFTOTI", "us-east-2": "ZLMOA37VPKANP",
    "us-west-1": "Z24FKFUX50B4VW", "us-west-2": "Z18D5FSROUN65G",
};

/** The hosted zone of a load balancer's DNS name, when the region is in the tables. */
export function loadBalancerZoneId(region: string, type: string | undefined): string | undefined {
    return type === "network" ? NLB_ZONES[region] : ALB_ZONES[region];
}

/** Route 53 zone of S3 website endpoints (the provider's HostedZoneIDForRegion table; AWS general reference). */
const S3_ZONES: Record<string, string> = {
    "us-east-1": "Z3AQBSTGFYJSTF", "us-east-2": "Z2O1EMRO9K5GLX", "us-west-1": "Z2F56UZL2M1ACD", "us-west-2": "Z3BJ6K6RIION7M",
    "eu-west-1": "Z1BKCTXD74EZPE", "eu-west-2": "Z3GKZC51ZF0DB4", "eu-central-1": "Z21DNDUVLTQW6Q", "ap-south-1": "Z11RGJOFQNVJUP",
    "ap-southeast-1": "Z3O0J2DXBE1FTB", "ap-southeast-2": "Z1WCIGYICN2BYD", "ap-northeast-1": "Z2M4EHUR26P7ZW", "ap-northeast-2": "Z3W03O7B5YMIYP",
    "ca-central-1": "Z1QDHH18159H29", "sa-east-1": "Z7KQH4QJS55SO", "us-gov-west-1": "Z31GFT0UA1I2HV",
};

/** AWS-managed CloudFront policies: fixed ids, the same in every account. */
const CLOUDFRONT_MANAGED: Record<string, Record<string, string>> = {
    cache: { "Managed-CachingOptimized": "658327ea-f89d-4fab-a63d-7e88639e58f6", "Managed-CachingDisabled": "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" },
    originRequest: { "Managed-AllViewer": "216adef6-5c7f-47e4-b989-5492eafa07d3", "Managed-CORS-S3Origin": "88a5eaf4-2fd4-4709-b370-b4c650ea3fcf", "Managed-AllViewerExceptHostHeader": "b689b0a8-53d0-40ab-baf2-68738e2966ac" },
    responseHeaders: { "Managed-SecurityHeadersPolicy": "67f7725c-6f97-4210-82d7-5512b31e9d03" },
};

function cloudfrontPolicy(kind: string, inputs: any, ctx: CallContext): Record<string, unknown> | { placeholder: Record<string, unknown> } {
    const table = CLOUDFRONT_MANAGED[kind];
    const name = inputs?.name ?? Object.keys(table).find((n) => table[n] === inputs?.id);
    const id = inputs?.id ?? (name ? table[name] : undefined) ?? uuid(`${kind}/${name}`);
    const resource = kind === "cache" ? "cache-policy" : kind === "originRequest" ? "origin-request-policy" : "response-headers-policy";
    const result = { id, name, arn: `arn:${partitionOf(ctx.region).partition}:cloudfront::${ctx.accountId}:${resource}/${id}`, etag: hash(id, 14).toUpperCase(), comment: name ?? "" };
    // Managed policies are known by id; their settings and any policy of the account's own are not.
    return { placeholder: result };
}

const FIXED_DATE = "2024-01-15T09:30:00Z";

/** `filters: [{ name, values }]` → the first value of a named filter. */
function filterValue(inputs: any, name: string): string | undefined {
    const filters = Array.isArray(inputs?.filters) ? inputs.filters : Array.isArray(inputs?.filter) ? inputs.filter : [];
    const filter = filters.find((f: any) => f?.name === name);
    return Array.isArray(filter?.values) ? filter.values[0] : undefined;
}

function arn(ctx: CallContext, service: string, resource: string, options: { region?: string; account?: string } = {}): string {
    return `arn:${partitionOf(ctx.region).partition}:${service}:${options.region ?? ctx.region}:${options.account ?? ctx.accountId}:${resource}`;
}

function vpcId(ctx: CallContext, seed: string): string {
    return `vpc-${hash(`${ctx.region}/vpc/${seed}`)}`;
}

function defaultVpcSeed(inputs: any): string {
    return JSON.stringify({ id: inputs?.id, default: inputs?.default, tags: inputs?.tags, filters: inputs?.filters, cidr: inputs?.cidrBlock });
}

function subnetCidr(vpcCidr: string, index: number): string {
    const [a, b] = vpcCidr.split(".");
    return `${a}.${b}.${index * 16}.0/20`;
}

type Handler = (inputs: any, ctx: CallContext) => Record<string, unknown> | { placeholder: Record<string, unknown> };

/**
 * The value of an SSM parameter AWS publishes (`/aws/service/...`), in the shape AWS publishes it, when the path says
 * what it is; undefined otherwise (the answer is then a placeholder, listed as unanswered). Documented shapes: the ECS
 * and EKS optimized-AMI `recommended` parameters hold a JSON document whose fields are also parameters of their own
 * (`recommended/image_id` an AMI id, `recommended/image_name` its name, ...); the Amazon Linux, Windows, Ubuntu, Debian
 * and Bottlerocket "latest" parameters hold an AMI id; `global-infrastructure/regions/<region>` holds the region code.
 */
export function publicParameter(name: string, ctx: CallContext): string | undefined {
    if (!name.startsWith("/aws/service/")) {
        return undefined;
    }
    const ami = (seed: string) => `ami-${hash(`${ctx.region}/${seed}`)}`;
    const arch = /arm64|aarch64|graviton/i.test(name) ? "arm64" : "x86_64";
    const ecs = /^(\/aws\/service\/ecs\/optimized-ami\/.+\/recommended)(?:\/([a-z_]+))?$/.exec(name);
    if (ecs) {
        const al2023 = /amazon-linux-2023/.test(ecs[1]);
        const version = al2023 ? "2023.0.20241217" : "2.0.20241217";
        const document: Record<string, string | number> = {
            ecs_agent_version: "1.89.2",
            ecs_runtime_version: "Docker version 25.0.6",
            image_id: ami(ecs[1]),
            image_name: al2023 ? `al2023-ami-ecs-hvm-${version}-kernel-6.1-${arch}` : `amzn2-ami-ecs-hvm-${version}-${arch}-ebs`,
            image_version: version,
            os: al2023 ? "Amazon Linux 2023" : "Amazon Linux 2",
            schema_version: 1,
            source_image_name: al2023 ? `al2023-ami-minimal-2023.6.20241212.0-kernel-6.1-${arch}` : `amzn2-ami-minimal-hvm-2.0.20241217.0-${arch}-ebs`,
        };
        return ecs[2] === undefined ? JSON.stringify(document) : document[ecs[2]] !== undefined ? String(document[ecs[2]]) : undefined;
    }
    const eks = /^(\/aws\/service\/eks\/optimized-ami\/([\d.]+)\/[^/]+(?:\/[^/]+)?\/recommended)(?:\/([a-z_]+))?$/.exec(name);
    if (eks) {
        const document: Record<string, string> = {
            schema_version: "2",
            image_id: ami(eks[1]),
            image_name: `amazon-eks-node-${eks[2]}-v20241213`,
            release_version: `${eks[2]}.7-20241213`,
        };
        return eks[3] === undefined ? JSON.stringify(document) : document[eks[3]];
    }
    if (/^\/aws\/service\/bottlerocket\/.+\/(latest|[\d.]+)\/image_id$/.test(name)) return ami(name);
    if (/^\/aws\/service\/bottlerocket\/.+\/(latest|[\d.]+)\/image_version$/.test(name)) return "1.29.0-c3c9d0b5";
    if (/^\/aws\/service\/(ami-amazon-linux-latest|ami-windows-latest)\/[^/]+$/.test(name)) return ami(name);
    if (/^\/aws\/service\/canonical\/ubuntu\/.+\/ami-id$/.test(name)) return ami(name);
    if (/^\/aws\/service\/debian\/(release|daily)\/[^/]+\/latest\/(amd64|arm64)$/.test(name)) return ami(name);
    const region = /^\/aws\/service\/global-infrastructure\/regions\/([a-z0-9-]+)$/.exec(name);
    return region?.[1];
}

const HANDLERS: Record<string, Handler> = {
    "aws:index/getCallerIdentity:getCallerIdentity": (_inputs, ctx) => ({
        accountId: ctx.accountId, arn: `arn:${partitionOf(ctx.region).partition}:iam::${ctx.accountId}:user/preview`, id: ctx.accountId, userId: "AIDAPREVIEWUSER0000001",
    }),
    "aws:index/getRegion:getRegion": (_inputs, ctx) => ({
        region: ctx.region, name: ctx.region, id: ctx.region, endpoint: `ec2.${ctx.region}.${partitionOf(ctx.region).dnsSuffix}`, description: ctx.region,
    }),
    "aws:index/getPartition:getPartition": (_inputs, ctx) => ({ ...partitionOf(ctx.region), id: partitionOf(ctx.region).partition }),
    "aws:index/getAvailabilityZones:getAvailabilityZones": (inputs, ctx) => {
        const exclude = new Set<string>([...(inputs?.excludeNames ?? []), ...(inputs?.excludeZoneIds ?? [])]);
        const zones = availabilityZones(ctx.region).filter((z) => !exclude.has(z.name) && !exclude.has(z.zoneId));
        return { names: zones.map((z) => z.name), zoneIds: zones.map((z) => z.zoneId), id: ctx.region, region: ctx.region, groupNames: [ctx.region], state: inputs?.state };
    },
    "aws:index/getAvailabilityZone:getAvailabilityZone": (inputs, ctx) => {
        const zones = availabilityZones(ctx.region);
        const zone = zones.find((z) => z.name === inputs?.name || z.zoneId === inputs?.zoneId) ?? zones[0];
        return { name: zone.name, zoneId: zone.zoneId, id: zone.name, region: ctx.region, nameSuffix: zone.name.slice(ctx.region.length), groupName: ctx.region, groupLongName: ctx.region, networkBorderGroup: ctx.region, optInStatus: "opt-in-not-required", state: "available", zoneType: "availability-zone", parentZoneId: "", parentZoneName: "" };
    },
    "aws:ec2/getVpc:getVpc": (inputs, ctx) => {
        const id = inputs?.id ?? filterValue(inputs, "vpc-id") ?? vpcId(ctx, inputs?.default === true ? "default" : defaultVpcSeed(inputs));
        const known = ctx.facts?.get(id);
        const isDefault = inputs?.default ?? known?.default ?? false;
        const cidrBlock = inputs?.cidrBlock ?? filterValue(inputs, "cidr") ?? known?.cidrBlock ?? (isDefault ? "172.31.0.0/16" : "10.0.0.0/16");
        ctx.facts?.set(id, { default: isDefault, cidrBlock });
        return {
            id, arn: arn(ctx, "ec2", `vpc/${id}`), cidrBlock, default: isDefault, state: "available", ownerId: ctx.accountId, region: ctx.region,
            cidrBlockAssociations: [{ associationId: `vpc-cidr-assoc-${hash(id)}`, cidrBlock, state: "associated" }],
            dhcpOptionsId: `dopt-${hash(id)}`, mainRouteTableId: `rtb-${hash(`${id}/main`)}`, instanceTenancy: "default",
            enableDnsHostnames: true, enableDnsSupport: true, enableNetworkAddressUsageMetrics: false,
            ipv6AssociationId: "", ipv6CidrBlock: "", ipv6CidrBlockAssociations: [], tags: inputs?.tags ?? {}, filters: inputs?.filters,
        };
    },
    "aws:ec2/getVpcs:getVpcs": (inputs, ctx) => ({ ids: [vpcId(ctx, defaultVpcSeed(inputs))], id: ctx.region, region: ctx.region, filters: inputs?.filters, tags: inputs?.tags }),
    "aws:ec2/getSubnets:getSubnets": (inputs, ctx) => {
        const vpc = filterValue(inputs, "vpc-id") ?? "";
        const zone = filterValue(inputs, "availability-zone");
        const zones = availabilityZones(ctx.region).filter((z) => !zone || z.name === zone).slice(0, 3);
        const seed = JSON.stringify({ f: inputs?.filters, t: inputs?.tags });
        const ids = zones.map((z) => `subnet-${hash(`${ctx.region}/${vpc}/${z.name}/${seed}`)}`);
        ids.forEach((id, i) => ctx.facts?.set(id, { availabilityZone: zones[i].name, vpcId: vpc || undefined, index: i }));
        return { ids, id: ctx.region, region: ctx.region, filters: inputs?.filters, tags: inputs?.tags };
    },
    "aws:ec2/getSubnet:getSubnet": (inputs, ctx) => {
        const zones = availabilityZones(ctx.region);
        const id = inputs?.id ?? filterValue(inputs, "subnet-id") ?? `subnet-${hash(`${ctx.region}/${JSON.stringify(inputs ?? {})}`)}`;
        const known = ctx.facts?.get(id);
        const index = parseInt(hash(id, 4), 16) % zones.length;
        const zone = zones.find((z) => z.name === (inputs?.availabilityZone ?? filterValue(inputs, "availability-zone") ?? known?.availabilityZone) || z.zoneId === inputs?.availabilityZoneId) ?? zones[index];
        const vpc = inputs?.vpcId ?? filterValue(inputs, "vpc-id") ?? known?.vpcId ?? vpcId(ctx, defaultVpcSeed({}));
        const vpcCidr = String(ctx.facts?.get(vpc)?.cidrBlock ?? (inputs?.defaultForAz ? "172.31.0.0/16" : "10.0.0.0/16"));
        const cidrBlock = inputs?.cidrBlock ?? subnetCidr(vpcCidr, known?.index ?? zones.indexOf(zone));
        return {
            id, arn: arn(ctx, "ec2", `subnet/${id}`), availabilityZone: zone.name, availabilityZoneId: zone.zoneId, cidrBlock, vpcId: vpc,
            availableIpAddressCount: 4091, defaultForAz: inputs?.defaultForAz ?? false, mapPublicIpOnLaunch: inputs?.defaultForAz ?? false, state: "available",
            ownerId: ctx.accountId, region: ctx.region, assignIpv6AddressOnCreation: false, customerOwnedIpv4Pool: "", enableDns64: false, enableLniAtDeviceIndex: 0,
            enableResourceNameDnsARecordOnLaunch: false, enableResourceNameDnsAaaaRecordOnLaunch: false, ipv6CidrBlock: "", ipv6CidrBlockAssociationId: "", ipv6Native: false,
            mapCustomerOwnedIpOnLaunch: false, outpostArn: "", privateDnsHostnameTypeOnLaunch: "ip-name", tags: inputs?.tags ?? {}, filters: inputs?.filters,
        };
    },
    "aws:ec2/getSecurityGroup:getSecurityGroup": (inputs, ctx) => {
        const id = inputs?.id ?? filterValue(inputs, "group-id") ?? `sg-${hash(`${ctx.region}/${JSON.stringify(inputs ?? {})}`)}`;
        const name = inputs?.name ?? filterValue(inputs, "group-name") ?? "default";
        return {
            id, arn: arn(ctx, "ec2", `security-group/${id}`), name, description: name === "default" ? "default VPC security group" : `Security group ${name}`,
            vpcId: inputs?.vpcId ?? filterValue(inputs, "vpc-id") ?? vpcId(ctx, defaultVpcSeed({})), region: ctx.region, tags: inputs?.tags ?? {}, filters: inputs?.filters,
        };
    },
    "aws:ec2/getAmi:getAmi": (inputs, ctx) => {
        const pattern = filterValue(inputs, "name") ?? inputs?.nameRegex ?? "al2023-ami-2023.6.20241212.0-kernel-6.1-x86_64";
        const name = String(pattern).replace(/[\^$\\]/g, "").replace(/\.\*|\*/g, "2024.12.12").replace(/\?/g, "0");
        const imageId = `ami-${hash(`${ctx.region}/${JSON.stringify(inputs ?? {})}`)}`;
        const architecture = filterValue(inputs, "architecture") ?? (/arm64|aarch64|graviton/i.test(name) ? "arm64" : "x86_64");
        const owner = (inputs?.owners ?? []).find((o: string) => /^\d{12}$/.test(o)) ?? "137112412989";
        const alias = (inputs?.owners ?? []).find((o: string) => !/^\d{12}$/.test(o) && o !== "self") ?? "amazon";
        const snapshot = `snap-${hash(imageId)}`;
        return {
            id: imageId, imageId, arn: `arn:${partitionOf(ctx.region).partition}:ec2:${ctx.region}::image/${imageId}`, name, description: name, architecture,
            ownerId: owner, imageOwnerAlias: alias, imageLocation: `${alias}/${name}`, imageType: "machine", creationDate: FIXED_DATE, deprecationTime: "2026-12-12T00:00:00Z",
            lastLaunchedTime: "", state: "available", stateReason: { code: "UNSET", message: "UNSET" }, public: true, enaSupport: true, hypervisor: "xen",
            virtualizationType: filterValue(inputs, "virtualization-type") ?? "hvm", rootDeviceType: filterValue(inputs, "root-device-type") ?? "ebs", rootDeviceName: "/dev/xvda",
            rootSnapshotId: snapshot, bootMode: "uefi-preferred", imdsSupport: "v2.0", tpmSupport: "", sriovNetSupport: "simple", kernelId: "", ramdiskId: "", platform: "",
            platformDetails: "Linux/UNIX", usageOperation: "RunInstances", productCodes: [], tags: {}, region: ctx.region, owners: inputs?.owners, mostRecent: inputs?.mostRecent,
            filters: inputs?.filters, nameRegex: inputs?.nameRegex,
            blockDeviceMappings: [{ deviceName: "/dev/xvda", noDevice: "", virtualName: "", ebs: { delete_on_termination: "true", encrypted: "false", iops: "3000", snapshot_id: snapshot, throughput: "125", volume_size: "8", volume_type: "gp3" } }],
        };
    },
    "aws:ssm/getParameter:getParameter": (inputs, ctx) => {
        const name = String(inputs?.name ?? "");
        const path = name.startsWith("arn:") ? name.split(":parameter")[1] ?? name : name;
        const published = publicParameter(path, ctx);
        const result = {
            name: path, id: path, arn: arn(ctx, "ssm", `parameter${path.startsWith("/") ? "" : "/"}${path}`), type: published ? "String" : "SecureString",
            value: published ?? `mock-value-of-${path}`, insecureValue: published ?? `mock-value-of-${path}`, version: 1, region: ctx.region, withDecryption: inputs?.withDecryption,
        };
        // A parameter of the user's own account holds a value the preview cannot know: well-shaped, but not an answer.
        return published ? result : { placeholder: result };
    },
    "aws:iam/getPolicyDocument:getPolicyDocument": (inputs) => ({ ...inputs, ...policyDocument(inputs ?? {}) }),
    "aws:acm/getCertificate:getCertificate": (inputs, ctx) => {
        const domain = inputs?.domain ?? "example.com";
        return {
            arn: arn(ctx, "acm", `certificate/${uuid(`${ctx.region}/${domain}`)}`), id: arn(ctx, "acm", `certificate/${uuid(`${ctx.region}/${domain}`)}`), domain, status: "ISSUED",
            certificate: "", certificateChain: "", region: ctx.region, tags: inputs?.tags ?? {}, keyTypes: inputs?.keyTypes, types: inputs?.types, statuses: inputs?.statuses, mostRecent: inputs?.mostRecent,
        };
    },
    "aws:route53/getZone:getZone": (inputs, ctx) => {
        const name = String(inputs?.name ?? "example.com").replace(/\.$/, "");
        const zoneId = inputs?.zoneId ?? `Z${hash(`zone/${name}/${inputs?.privateZone ?? false}`, 20).toUpperCase().replace(/[^0-9A-Z]/g, "").slice(0, 19)}`;
        const servers = [`ns-${parseInt(hash(name, 3), 16) % 2048}.awsdns-${hash(name, 2)}.com`, `ns-${parseInt(hash(name + "1", 3), 16) % 2048}.awsdns-${hash(name + "1", 2)}.net`, `ns-${parseInt(hash(name + "2", 3), 16) % 2048}.awsdns-${hash(name + "2", 2)}.org`, `ns-${parseInt(hash(name + "3", 3), 16) % 2048}.awsdns-${hash(name + "3", 2)}.co.uk`];
        return {
            id: zoneId, zoneId, name, arn: `arn:${partitionOf(ctx.region).partition}:route53:::hostedzone/${zoneId}`, callerReference: uuid(name), comment: "", nameServers: servers,
            primaryNameServer: servers[0], privateZone: inputs?.privateZone ?? false, resourceRecordSetCount: 2, linkedServiceDescription: "", linkedServicePrincipal: "",
            tags: inputs?.tags ?? {}, vpcId: inputs?.vpcId,
        };
    },
    "aws:ecr/getRepository:getRepository": (inputs, ctx) => {
        const name = String(inputs?.name ?? "app");
        const registry = inputs?.registryId ?? ctx.accountId;
        return {
            id: name, name, registryId: registry, arn: arn(ctx, "ecr", `repository/${name}`, { account: registry }),
            repositoryUrl: `${registry}.dkr.ecr.${ctx.region}.${partitionOf(ctx.region).dnsSuffix}/${name}`, imageTagMutability: "IMMUTABLE", imageTagMutabilityExclusionFilters: [],
            imageScanningConfigurations: [{ scanOnPush: true }], encryptionConfigurations: [{ encryptionType: "AES256", kmsKey: "" }], mostRecentImageTags: ["latest"],
            region: ctx.region, tags: inputs?.tags ?? {},
        };
    },
    "aws:kms/getAlias:getAlias": (inputs, ctx) => {
        const name = String(inputs?.name ?? "alias/app");
        const keyId = uuid(`${ctx.region}/${name}`);
        return { id: arn(ctx, "kms", name), arn: arn(ctx, "kms", name), name, targetKeyId: keyId, targetKeyArn: arn(ctx, "kms", `key/${keyId}`), region: ctx.region };
    },
    "aws:kms/getKey:getKey": (inputs, ctx) => {
        const given = String(inputs?.keyId ?? "");
        const awsManaged = /alias\/aws\//.test(given);
        const keyId = /^[0-9a-f-]{36}$/.test(given) ? given : /key\/([0-9a-f-]{36})$/.exec(given)?.[1] ?? uuid(`${ctx.region}/${given.replace(/^arn:[^:]+:kms:[^:]*:[^:]*:/, "")}`);
        return {
            id: keyId, keyId, arn: arn(ctx, "kms", `key/${keyId}`), awsAccountId: ctx.accountId, keyManager: awsManaged ? "AWS" : "CUSTOMER", keyState: "Enabled", enabled: true,
            keySpec: "SYMMETRIC_DEFAULT", customerMasterKeySpec: "SYMMETRIC_DEFAULT", keyUsage: "ENCRYPT_DECRYPT", origin: "AWS_KMS", multiRegion: false, multiRegionConfigurations: [],
            description: awsManaged ? "Default key that protects my data when no other key is defined" : "", creationDate: FIXED_DATE, deletionDate: "", validTo: "", expirationModel: "",
            cloudHsmClusterId: "", customKeyStoreId: "", pendingDeletionWindowInDays: 0, xksKeyConfigurations: [], region: ctx.region, grantTokens: inputs?.grantTokens,
        };
    },
    "aws:secretsmanager/getSecret:getSecret": (inputs, ctx) => {
        const given = String(inputs?.arn ?? inputs?.name ?? "app/secret");
        const name = given.startsWith("arn:") ? given.split(":secret:")[1]?.replace(/-[A-Za-z0-9]{6}$/, "") ?? given : given;
        const secretArn = given.startsWith("arn:") ? given : arn(ctx, "secretsmanager", `secret:${name}-${hash(name, 6)}`);
        return {
            id: secretArn, arn: secretArn, name, description: "", kmsKeyId: "", policy: "", type: "", createdDate: FIXED_DATE, lastChangedDate: FIXED_DATE,
            region: ctx.region, tags: inputs?.tags ?? {},
        };
    },
    "aws:elb/getServiceAccount:getServiceAccount": (inputs, ctx) => {
        const region = inputs?.region ?? ctx.region;
        const account = ELB_ACCOUNTS[region];
        const result = { id: account ?? "", arn: account ? `arn:${partitionOf(region).partition}:iam::${account}:root` : "", region };
        // Regions opened since 2022 have no ELB account (bucket policies name the log-delivery service principal instead).
        return account ? result : { placeholder: result };
    },
    "aws:iam/getRole:getRole": (inputs, ctx) => {
        const name = String(inputs?.name ?? "role");
        const result = {
            id: name, name, arn: `arn:${partitionOf(ctx.region).partition}:iam::${ctx.accountId}:role/${name}`, path: "/", uniqueId: `AROA${hash(name, 17).toUpperCase()}`,
            description: "", createDate: FIXED_DATE, maxSessionDuration: 3600, permissionsBoundary: "", roleLastUseds: [{ lastUsedDate: "", region: "" }], tags: inputs?.tags ?? {},
            assumeRolePolicy: policyDocument({ statements: [{ actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["ecs-tasks.amazonaws.com"] }] }] }).minifiedJson,
        };
        // The ARN follows from the name; the trust policy, path and boundary are the account's own, not known offline.
        return { placeholder: result };
    },
    "aws:lb/getHostedZoneId:getHostedZoneId": (inputs, ctx) => {
        const id = loadBalancerZoneId(ctx.region, inputs?.loadBalancerType);
        return id ? { id, region: ctx.region, loadBalancerType: inputs?.loadBalancerType } : { placeholder: { id: "", region: ctx.region } };
    },
    "aws:elb/getHostedZoneId:getHostedZoneId": (_inputs, ctx) => {
        const id = ALB_ZONES[ctx.region];
        return id ? { id, region: ctx.region } : { placeholder: { id: "", region: ctx.region } };
    },
    "aws:index/getArn:getArn": (inputs) => {
        const [, partition = "", service = "", region = "", account = "", ...resource] = String(inputs?.arn ?? "").split(":");
        return { arn: inputs?.arn, id: inputs?.arn, partition, service, region, account, resource: resource.join(":") };
    },
    "aws:index/getService:getService": (inputs, ctx) => {
        const { dnsSuffix, reverseDnsPrefix, partition } = partitionOf(ctx.region);
        const serviceId = inputs?.serviceId ?? String(inputs?.dnsName ?? inputs?.reverseDnsName ?? "s3").split(".").find((p: string) => !["com", "amazonaws", "cn", ctx.region].includes(p)) ?? "s3";
        return {
            serviceId, region: ctx.region, partition, supported: true, id: `${reverseDnsPrefix}.${ctx.region}.${serviceId}`,
            dnsName: `${serviceId}.${ctx.region}.${dnsSuffix}`, reverseDnsName: `${reverseDnsPrefix}.${ctx.region}.${serviceId}`, reverseDnsPrefix,
        };
    },
    "aws:s3/getBucket:getBucket": (inputs, ctx) => {
        const bucket = String(inputs?.bucket ?? "bucket");
        const { partition, dnsSuffix } = partitionOf(ctx.region);
        const hostedZoneId = S3_ZONES[ctx.region];
        const result = {
            id: bucket, bucket, arn: `arn:${partition}:s3:::${bucket}`, bucketDomainName: `${bucket}.s3.${dnsSuffix}`, bucketRegionalDomainName: `${bucket}.s3.${ctx.region}.${dnsSuffix}`,
            bucketRegion: ctx.region, region: ctx.region, hostedZoneId: hostedZoneId ?? "", websiteDomain: "", websiteEndpoint: "",
        };
        // The provider fills hostedZoneId from the S3 website endpoints table; a region outside it has no known answer.
        return hostedZoneId ? result : { placeholder: result };
    },
    "aws:sns/getTopic:getTopic": (inputs, ctx) => {
        const name = String(inputs?.name ?? "topic");
        return { id: arn(ctx, "sns", name), arn: arn(ctx, "sns", name), name, region: ctx.region, tags: inputs?.tags ?? {} };
    },
    "aws:sqs/getQueue:getQueue": (inputs, ctx) => {
        const name = String(inputs?.name ?? "queue");
        const url = `https://sqs.${ctx.region}.${partitionOf(ctx.region).dnsSuffix}/${ctx.accountId}/${name}`;
        return { id: url, url, arn: arn(ctx, "sqs", name), name, region: ctx.region, tags: inputs?.tags ?? {} };
    },
    "aws:ecs/getCluster:getCluster": (inputs, ctx) => {
        const clusterName = String(inputs?.clusterName ?? "default");
        const clusterArn = arn(ctx, "ecs", `cluster/${clusterName}`);
        return { id: clusterArn, arn: clusterArn, clusterName, status: "ACTIVE", pendingTasksCount: 0, runningTasksCount: 0, registeredContainerInstancesCount: 0, serviceConnectDefaults: [], settings: [{ name: "containerInsights", value: "enabled" }], region: ctx.region, tags: inputs?.tags ?? {} };
    },
    "aws:ecr/getAuthorizationToken:getAuthorizationToken": (inputs, ctx) => {
        // A 12-hour credential: its value never changes what a program plans.
        const registry = inputs?.registryId ?? ctx.accountId;
        const password = `preview-${hash(`${registry}/${ctx.region}`, 24)}`;
        return {
            id: ctx.region, region: ctx.region, registryId: inputs?.registryId, userName: "AWS", password, authorizationToken: Buffer.from(`AWS:${password}`).toString("base64"),
            proxyEndpoint: `https://${registry}.dkr.ecr.${ctx.region}.${partitionOf(ctx.region).dnsSuffix}`, expiresAt: "2024-01-15T21:30:00Z",
        };
    },
    "aws:iam/getSessionContext:getSessionContext": (inputs, ctx) => {
        const given = String(inputs?.arn ?? `arn:${partitionOf(ctx.region).partition}:iam::${ctx.accountId}:user/preview`);
        const assumed = /^arn:([^:]+):sts::(\d{12}):assumed-role\/(.+)\/([^/]+)$/.exec(given);
        const issuerArn = assumed ? `arn:${assumed[1]}:iam::${assumed[2]}:role/${assumed[3]}` : given;
        return {
            arn: given, id: given, issuerArn, issuerName: assumed ? assumed[3].split("/").pop() : "", sessionName: assumed ? assumed[4] : "",
            issuerId: assumed ? `AROA${hash(issuerArn, 17).toUpperCase()}` : "",
        };
    },
    "aws:cloudfront/getCachePolicy:getCachePolicy": (inputs, ctx) => cloudfrontPolicy("cache", inputs, ctx),
    "aws:cloudfront/getOriginRequestPolicy:getOriginRequestPolicy": (inputs, ctx) => cloudfrontPolicy("originRequest", inputs, ctx),
    "aws:cloudfront/getResponseHeadersPolicy:getResponseHeadersPolicy": (inputs, ctx) => cloudfrontPolicy("responseHeaders", inputs, ctx),
    "aws:iam/getPolicy:getPolicy": (inputs, ctx) => {
        const given = inputs?.arn ?? `arn:${partitionOf(ctx.region).partition}:iam::${ctx.accountId}:policy/${inputs?.pathPrefix ?? ""}${inputs?.name ?? "policy"}`;
        const name = given.split("/").pop();
        const result = {
            id: given, arn: given, name, path: "/", description: "", policyId: `ANPA${hash(given, 17).toUpperCase()}`, attachmentCount: 1, tags: {},
            policy: policyDocument({ statements: [{ actions: ["*"], resources: ["*"], effect: "Deny" }] }).minifiedJson,
        };
        // The ARN and name are known from the arguments; the document is not.
        return { placeholder: result };
    },
};

function fill(shape: Shape, field: string, token: string, ctx: CallContext, seen: Set<string>): unknown {
    if (Array.isArray(shape)) {
        return typeof shape[0] === "string" && shape[0].startsWith("#") && seen.has(shape[0]) ? [] : [fill(shape[0], field, token, ctx, seen)];
    }
    if (typeof shape === "object") {
        return {};
    }
    switch (shape) {
        case "s":
            if (/arn$/i.test(field)) {
                const [, module = "index", fn = "resource"] = /^aws:([^/]+)\/get(\w+):/.exec(token) ?? [];
                return arn(ctx, module, `${fn.charAt(0).toLowerCase()}${fn.slice(1)}/${hash(`${token}/${field}`, 8)}`);
            }
            if (field === "region") {
                return ctx.region;
            }
            if (/(accountId|ownerId)$/.test(field)) {
                return ctx.accountId;
            }
            return field === "id" ? hash(token, 12) : "";
        case "n":
            return 0;
        case "b":
            return false;
        case "a":
            return undefined;
        default: {
            const name = shape.slice(1);
            const fields = loadShapes().types[name] ?? {};
            const inner = new Set(seen).add(shape);
            return Object.fromEntries(Object.entries(fields).map(([k, s]) => [k, fill(s, k, token, ctx, inner)]));
        }
    }
}

/** Every required field of the token's result type, typed, with the call's own arguments echoed where names match. */
export function genericAnswer(token: string, inputs: any, ctx: CallContext): Record<string, unknown> | undefined {
    const fields = loadShapes().functions[token];
    if (!fields) {
        return undefined;
    }
    const result: Record<string, unknown> = {};
    for (const [field, shape] of Object.entries(fields)) {
        result[field] = fill(shape, field, token, ctx, new Set());
    }
    return { ...result, ...(inputs ?? {}) };
}

/** The platform's answer to an AWS data source, or undefined when it has none (not an AWS data source). */
export function answerDataSource(token: string, inputs: any, ctx: CallContext): Answer | undefined {
    const handler = HANDLERS[token];
    if (handler) {
        const answer = handler(inputs, ctx);
        const placeholder = "placeholder" in answer && typeof answer.placeholder === "object" && Object.keys(answer).length === 1;
        const result = (placeholder ? answer.placeholder : answer) as Record<string, unknown>;
        // Fields the hand-written answer leaves out still get a typed value, so the shape is always complete.
        return { result: { ...genericAnswer(token, {}, ctx), ...stripUndefined(result) }, real: !placeholder };
    }
    const generic = genericAnswer(token, inputs, ctx);
    return generic ? { result: generic, real: false } : undefined;
}

function stripUndefined(o: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
