import { asArray, CheckResult, isSet, ResourceRule } from "../../framework";
import { NETWORK_EXPOSURE } from "../../controls";
import { portRange, publicCoverage } from "../../support/addresses";

/**
 * Exposure beyond security groups, each resource judged on its own with its effective values: network ACLs (inline
 * and rule by rule), the default security group, EKS API endpoints (public by default) and node-group SSH, SageMaker
 * notebooks and domains (internet by default), public access blocks with a flag off (each defaults to false),
 * public canned ACLs and grants on buckets and objects, EMR block public access, subnets that give instances public
 * IPs, internet-facing classic ELBs serving HTTP(S), Secrets Manager policies without blockPublicPolicy, API Gateway v2
 * routes and VPC Lattice services/networks without authorization. (`publiclyAccessible` is
 * rds-not-publicly-accessible's, for every type that has it.)
 */
const upper = (v: unknown) => String(v ?? "").toUpperCase();
const OPEN = (cidrs: unknown[]) => {
    const c = publicCoverage(cidrs.filter((x): x is string => typeof x === "string"));
    return c.ipv4 > 256n || c.ipv6 > 1n << 80n;
};
/** The return-traffic range a public subnet opens (1024-65535, 32768-65535): not an RDP opening of its own. */
const EPHEMERAL = (range: [number, number]) => range[0] >= 1024 && range[1] === 65535 && range[0] < 3389;

/** Why a network ACL entry admits the internet to administration ports or every port, or undefined. */
function aclEntryProblem(e: Record<string, any>, where: string): string | undefined {
    if (upper(e.action ?? e.ruleAction) !== "ALLOW" || !OPEN([e.cidrBlock, e.ipv6CidrBlock])) return undefined;
    const range = portRange(e.protocol, e.fromPort, e.toPort);
    const all = range[0] === 0 && range[1] === 65535;
    const admin = [22, 3389].filter((p) => range[0] <= p && p <= range[1] && !(p === 3389 && EPHEMERAL(range)));
    if (!all && admin.length === 0) return undefined;
    return `${where} allows ingress from ${e.cidrBlock ?? e.ipv6CidrBlock} to ${all ? "every port" : `port ${admin.join(" and ")}`}`;
}

const PUBLIC_ACLS = new Set(["public-read", "public-read-write", "authenticated-read"]);
const PUBLIC_GRANTEES = /acs\.amazonaws\.com\/groups\/global\/(AllUsers|AuthenticatedUsers)/;

function aclProblems(p: Record<string, any>): string[] {
    const out: string[] = [];
    if (PUBLIC_ACLS.has(String(p.acl ?? "").toLowerCase())) out.push(`canned ACL ${p.acl} makes it readable by ${/authenticated/.test(p.acl) ? "any AWS account" : "anyone on the internet"}`);
    const grants = [...asArray<any>(p.grants), ...asArray<any>(p.accessControlPolicy?.grants)];
    for (const g of grants) {
        const uri = g?.uri ?? g?.grantee?.uri;
        if (typeof uri === "string" && PUBLIC_GRANTEES.test(uri)) out.push(`grant of ${asArray(g.permissions ?? g.permission).join(", ")} to ${uri.split("/").pop()}`);
    }
    return out;
}

const BLOCK_FLAGS = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

/**
 * API Gateway v2 routes that can carry an authorizer: HTTP API routes (`METHOD /path`, `$default`) and a WebSocket API's
 * `$connect` (WebSocket APIs authorize on `$connect` only; `$disconnect` and message routes take none). CORS preflight
 * (`OPTIONS …`) cannot carry credentials. A `$default` route with a WebSocket-only input is a WebSocket message route.
 */
const WEBSOCKET_ONLY = ["routeResponseSelectionExpression", "modelSelectionExpression", "requestModels", "requestParameters", "apiKeyRequired"];
function routeTakesAuthorization(p: Record<string, any>): boolean {
    const key = String(p.routeKey ?? "");
    if (key === "$connect") return true;
    if (key === "$default") return !WEBSOCKET_ONLY.some((i) => isSet(p, i) && p[i] !== false);
    const http = /^([A-Za-z]+)\s+\//.exec(key);
    return http !== null && http[1].toUpperCase() !== "OPTIONS";
}

/** Classic ELB listeners that speak HTTP(S): a web front end, which (unlike an ALB) no WAF web ACL can be associated with. */
const webListeners = (p: Record<string, any>) => asArray<any>(p.listeners).filter((l) => ["HTTP", "HTTPS"].includes(upper(l?.lbProtocol)));

const CHECKS: Record<string, (p: Record<string, any>) => CheckResult> = {
    "aws:ec2/networkAcl:NetworkAcl": (p) => asArray<any>(p.ingress).map((e, i) => aclEntryProblem(e, `ingress[${i}] (rule ${e?.ruleNo ?? "?"})`)).filter((x): x is string => !!x),
    "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": (p) => asArray<any>(p.ingress).map((e, i) => aclEntryProblem(e, `ingress[${i}] (rule ${e?.ruleNo ?? "?"})`)).filter((x): x is string => !!x),
    "aws:ec2/networkAclRule:NetworkAclRule": (p) => (p.egress === true ? undefined : aclEntryProblem(p, `rule ${p.ruleNumber ?? ""}`.trim())),
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": (p) => (asArray(p.ingress).length + asArray(p.egress).length > 0
        ? `the default security group has ${asArray(p.ingress).length} ingress and ${asArray(p.egress).length} egress rule(s): anything launched without a group gets them (CIS: the default group allows nothing)`
        : undefined),
    "aws:eks/cluster:Cluster": (p) => {
        const vpc = p.vpcConfig ?? {};
        if (vpc.endpointPublicAccess === false) return undefined;
        const cidrs = asArray<string>(vpc.publicAccessCidrs);
        return cidrs.length === 0 || OPEN(cidrs)
            ? `the Kubernetes API endpoint is public to ${cidrs.length === 0 ? "0.0.0.0/0 (endpointPublicAccess defaults to true)" : cidrs.join(", ")}: set vpcConfig.endpointPublicAccess false (endpointPrivateAccess true) or restrict publicAccessCidrs`
            : undefined;
    },
    "aws:eks/nodeGroup:NodeGroup": (p) => (p.remoteAccess && isSet(p.remoteAccess, "ec2SshKey") && !isSet(p.remoteAccess, "sourceSecurityGroupIds")
        ? "remoteAccess gives an SSH key without sourceSecurityGroupIds: EKS opens port 22 to 0.0.0.0/0 on the nodes"
        : undefined),
    "aws:sagemaker/notebookInstance:NotebookInstance": (p) => (upper(p.directInternetAccess || "Enabled") === "DISABLED" ? undefined : `the notebook has direct internet access (directInternetAccess ${p.directInternetAccess ?? "Enabled (default)"}); set Disabled and give it a subnet`),
    "aws:sagemaker/domain:Domain": (p) => (upper(p.appNetworkAccessType || "PublicInternetOnly") === "VPCONLY" ? undefined : `apps reach the internet directly (appNetworkAccessType ${p.appNetworkAccessType ?? "PublicInternetOnly (default)"}); set VpcOnly`),
    "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock": (p) => {
        const off = BLOCK_FLAGS.filter((f) => p[f] !== true);
        return off.length > 0 ? `public access block leaves ${off.join(", ")} off (each defaults to false)` : undefined;
    },
    "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock": (p) => {
        const off = BLOCK_FLAGS.filter((f) => p[f] !== true);
        return off.length > 0 ? `account public access block leaves ${off.join(", ")} off (each defaults to false)` : undefined;
    },
    "aws:s3/accessPoint:AccessPoint": (p) => {
        const off = BLOCK_FLAGS.filter((f) => p.publicAccessBlockConfiguration?.[f] === false);
        return off.length > 0 ? `access point turns ${off.join(", ")} off (the default is on)` : undefined;
    },
    "aws:s3/bucketAclV2:BucketAclV2": aclProblems,
    "aws:s3/bucketAcl:BucketAcl": aclProblems,
    "aws:s3/bucket:Bucket": aclProblems,
    "aws:s3/bucketV2:BucketV2": aclProblems,
    "aws:s3/bucketObject:BucketObject": aclProblems,
    "aws:s3/bucketObjectv2:BucketObjectv2": aclProblems,
    "aws:s3/objectCopy:ObjectCopy": aclProblems,
    "aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration": (p) => (p.blockPublicSecurityGroupRules === false ? "EMR block public access is off (blockPublicSecurityGroupRules false)" : undefined),
    // AWS FSBP EC2.15: a subnet that gives every instance a public IPv4 address. Public subnets do not need it: load
    // balancers and NAT gateways get their own addresses (components/network.ts sets false on every tier).
    "aws:ec2/subnet:Subnet": (p) => (p.mapPublicIpOnLaunch === true ? "every instance launched into the subnet gets a public IP address (mapPublicIpOnLaunch true; AWS FSBP EC2.15): set false, load balancers and NAT gateways get their own addresses" : undefined),
    // A default subnet is created with MapPublicIpOnLaunch true; adopting it without the input keeps that.
    "aws:ec2/defaultSubnet:DefaultSubnet": (p) => (p.mapPublicIpOnLaunch === false ? undefined : `every instance launched into the default subnet gets a public IP address (mapPublicIpOnLaunch ${p.mapPublicIpOnLaunch ?? "omitted: AWS creates default subnets with true"}; AWS FSBP EC2.15): set false`),
    // Like an internet-facing ALB without a WAF (alb-waf-protected): a classic ELB cannot take a WAF web ACL at all.
    // TCP/SSL-only classic ELBs pass, as internet-facing NLBs do.
    "aws:elb/loadBalancer:LoadBalancer": (p) => {
        if (p.internal === true) return undefined;
        const web = webListeners(p);
        return web.length > 0
            ? `internet-facing classic load balancer (internal ${p.internal ?? "omitted: defaults to false"}) serves HTTP(S) on port ${web.map((l) => l.lbPort).join(", ")} and cannot be put behind a WAF web ACL: set internal true or use an ALB with a WAF (alb-waf-protected)`
            : undefined;
    },
    // PutResourcePolicy: "By default, public policies aren't blocked" (the provider sends nothing when omitted).
    "aws:secretsmanager/secretPolicy:SecretPolicy": (p) => (p.blockPublicPolicy === true ? undefined : `Secrets Manager does not refuse a policy granting broad access (blockPublicPolicy ${p.blockPublicPolicy ?? "omitted: not blocked by default"}): set true`),
    // AWS Config api-gwv2-authorization-type-configured / FSBP APIGateway.8: a route that takes an authorizer and has none.
    "aws:apigatewayv2/route:Route": (p) => (!routeTakesAuthorization(p) || !["", "NONE"].includes(upper(p.authorizationType))
        ? undefined
        : `route ${p.routeKey} is open to anyone who can reach the API (authorizationType ${p.authorizationType ?? "omitted: defaults to NONE"}): use AWS_IAM, JWT or CUSTOM`),
    // VPC Lattice: authType NONE (the default) lets every client of the associated VPCs, and of accounts the service
    // network is shared with, call without IAM authentication or an auth policy.
    "aws:vpclattice/service:Service": (p) => (upper(p.authType) === "AWS_IAM" ? undefined : `the service takes unauthenticated requests (authType ${p.authType ?? "omitted: defaults to NONE"}): set AWS_IAM with an auth policy`),
    "aws:vpclattice/serviceNetwork:ServiceNetwork": (p) => (upper(p.authType) === "AWS_IAM" ? undefined : `the service network takes unauthenticated requests (authType ${p.authType ?? "omitted: defaults to NONE"}): set AWS_IAM with an auth policy`),
};

export const rule: ResourceRule = {
    name: "general-public-exposure",
    displayName: "Nothing exposed to the internet beyond security groups",
    description: "Network ACLs (inline and rule by rule) admit no internet traffic to SSH/RDP or every port, the default security group has no rules, EKS API endpoints are private or CIDR-restricted (public by default) and node groups do not open SSH to the world, SageMaker notebooks and domains have no direct internet access (on by default), public access blocks keep all four flags on (each defaults to false), no bucket or object has a public canned ACL or grant, EMR block public access stays on, no subnet gives instances public IP addresses (default subnets do by default), no internet-facing classic ELB serves HTTP(S) (internal defaults to false; no WAF can attach), Secrets Manager resource policies block public policies (off by default), and API Gateway v2 routes that take an authorizer and VPC Lattice services and service networks require authorization (NONE by default).",
    remediation: "Deny the internet in network ACLs except what a public subnet needs; leave the default security group empty; set endpointPublicAccess false (or restrict publicAccessCidrs); Disabled/VpcOnly for SageMaker; all four public access block flags true; private ACLs and bucket policies instead of public grants; mapPublicIpOnLaunch false; internal classic ELBs or an ALB with a WAF; blockPublicPolicy true; authorizationType AWS_IAM/JWT/CUSTOM on routes; authType AWS_IAM on Lattice.",
    severity: "critical",
    controls: { ...NETWORK_EXPOSURE, "cis-aws-3.0": ["2.1.4", "5.1", "5.4"] },
    concern: "public-exposure",
    types: Object.keys(CHECKS),
    check: (props, args): CheckResult => CHECKS[args.type](props),
};
