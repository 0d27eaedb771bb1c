/** IPv4 CIDR arithmetic shared by stack config and components. Pure, no Pulumi import. */

/** Parses `a.b.c.d/p`; undefined when it is not an IPv4 CIDR block. */
export function parseCidr(cidr: string): { address: number; prefix: number } | undefined {
    const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
    if (!match) {
        return undefined;
    }
    const octets = match.slice(1, 5).map(Number);
    const prefix = Number(match[5]);
    if (octets.some((o) => o > 255) || prefix > 32) {
        return undefined;
    }
    return { address: ((octets[0] << 24) >>> 0) + (octets[1] << 16) + (octets[2] << 8) + octets[3], prefix };
}

function formatAddress(address: number): string {
    return [24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join(".");
}

/** The network address of a block (`10.0.7.1/16` → `10.0.0.0/16`); undefined when it is not an IPv4 CIDR block. */
export function networkOf(cidr: string): string | undefined {
    const parsed = parseCidr(cidr);
    if (!parsed) {
        return undefined;
    }
    const mask = parsed.prefix === 0 ? 0 : (0xffffffff << (32 - parsed.prefix)) >>> 0;
    return `${formatAddress((parsed.address & mask) >>> 0)}/${parsed.prefix}`;
}

/** Whether the block has host bits set: AWS refuses such a VPC CIDR (or silently means the network address). */
export function hasHostBits(cidr: string): boolean {
    const network = networkOf(cidr);
    return network !== undefined && network !== cidr;
}
