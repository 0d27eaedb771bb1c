import { IPv4CidrRange, IPv4Prefix } from "ip-num";

/**
 * The platform's subnet layout, pure (no Pulumi import): the Network component, stack config and tests read it.
 * Each tier owns a quarter of the VPC block (the fourth quarter is kept free for later tiers), cut into 8 equal
 * subnets, one per AZ index.
 */
export type SubnetTier = "public" | "app" | "data";

export const SUBNET_TIERS: readonly SubnetTier[] = ["public", "app", "data"];

/** Quarter of the VPC block each tier owns. */
const TIER_QUARTER: Record<SubnetTier, number> = { public: 0, app: 1, data: 2 };

/** Each tier's quarter is cut into 8 equal subnets, one per AZ index: up to 8 AZs. */
export const MAX_AZS = 8;

/** VPC prefixes the layout supports: /16 (the largest VPC AWS allows) to /22 (three tiers of 8 × /27). */
export const MIN_VPC_PREFIX = 16;
export const MAX_VPC_PREFIX = 22;

/** Why `vpcCidr` cannot hold the layout, or undefined. */
export function vpcCidrProblem(vpcCidr: string): string | undefined {
    let vpc: IPv4CidrRange;
    try {
        vpc = IPv4CidrRange.fromCidr(vpcCidr);
    } catch {
        return `${vpcCidr} is not an IPv4 CIDR block`;
    }
    const prefix = Number(vpc.cidrPrefix.getValue());
    if (prefix < MIN_VPC_PREFIX || prefix > MAX_VPC_PREFIX) {
        return `VPC ${vpcCidr} must have a prefix between /${MIN_VPC_PREFIX} and /${MAX_VPC_PREFIX} (three tiers of ${MAX_AZS} subnets)`;
    }
    return undefined;
}

/**
 * The CIDR of the subnet for (tier, AZ index). It depends on nothing else — not on how many AZs there are — so
 * adding an AZ adds subnets and never re-cuts existing ones. For 10.0.0.0/16: public 10.0.0.0/21, 10.0.8.0/21, …;
 * app 10.0.64.0/21, 10.0.72.0/21, …; data 10.0.128.0/21, 10.0.136.0/21, …; 10.0.192.0/18 is unused.
 */
export function subnetCidr(vpcCidr: string, tier: SubnetTier, azIndex: number): string {
    if (!Number.isInteger(azIndex) || azIndex < 0 || azIndex >= MAX_AZS) {
        throw new Error(`subnet layout supports AZ index 0–${MAX_AZS - 1}, got ${azIndex}`);
    }
    const problem = vpcCidrProblem(vpcCidr);
    if (problem) {
        throw new Error(problem);
    }
    const vpc = IPv4CidrRange.fromCidr(vpcCidr);
    const vpcPrefix = Number(vpc.cidrPrefix.getValue());
    const quarter = vpc.splitInto(new IPv4Prefix(BigInt(vpcPrefix + 2)))[TIER_QUARTER[tier]];
    return quarter.splitInto(new IPv4Prefix(BigInt(vpcPrefix + 5)))[azIndex].toCidrString();
}
