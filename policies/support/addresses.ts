import { IPv4CidrRange, IPv6CidrRange } from "ip-num";

/**
 * Address coverage for ingress rules: which public addresses a set of CIDRs admits, judged on the union of ranges
 * (so `0.0.0.0/1` + `128.0.0.0/1` is the whole internet), never on string equality with `0.0.0.0/0`.
 */

type Interval = [bigint, bigint];

/** Ranges that are not reachable from the internet (RFC 1918, CGNAT, loopback, link-local, multicast, reserved…). */
const NON_PUBLIC_V4 = ["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24",
    "192.0.2.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/3"];
/** IPv6 global unicast space; everything else (ULA fc00::/7, link-local, multicast…) is not public. */
const PUBLIC_V6 = ["2000::/3"];
const NON_PUBLIC_IN_V6_GLOBAL = ["2001:db8::/32"];

export interface Coverage {
    /** Public IPv4 addresses admitted. */
    ipv4: bigint;
    /** Public IPv6 addresses admitted. */
    ipv6: bigint;
    /** CIDRs that are not valid ranges (judged as admitting nothing; AWS rejects them). */
    invalid: string[];
}

function interval(cidr: string): { v: 4 | 6; range: Interval } | undefined {
    const text = cidr.trim();
    const [address, prefixText] = text.split("/");
    const prefix = Number(prefixText ?? (text.includes(":") ? 128 : 32));
    if (!Number.isInteger(prefix) || prefix < 0) {
        return undefined;
    }
    try {
        if (address.includes(":")) {
            if (prefix > 128) return undefined;
            const value = IPv6CidrRange.fromCidr(`${address}/128`).getFirst().getValue();
            const size = 1n << BigInt(128 - prefix);
            const start = (value / size) * size;
            return { v: 6, range: [start, start + size - 1n] };
        }
        if (prefix > 32) return undefined;
        const value = IPv4CidrRange.fromCidr(`${address}/32`).getFirst().getValue();
        const size = 1n << BigInt(32 - prefix);
        const start = (value / size) * size;
        return { v: 4, range: [start, start + size - 1n] };
    } catch {
        return undefined;
    }
}

function merge(intervals: Interval[]): Interval[] {
    const sorted = [...intervals].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const out: Interval[] = [];
    for (const [s, e] of sorted) {
        const last = out[out.length - 1];
        if (last && s <= last[1] + 1n) {
            if (e > last[1]) last[1] = e;
        } else {
            out.push([s, e]);
        }
    }
    return out;
}

function size(intervals: Interval[]): bigint {
    return intervals.reduce((n, [s, e]) => n + (e - s + 1n), 0n);
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
    const out: Interval[] = [];
    for (const [s1, e1] of a) {
        for (const [s2, e2] of b) {
            const s = s1 > s2 ? s1 : s2;
            const e = e1 < e2 ? e1 : e2;
            if (s <= e) out.push([s, e]);
        }
    }
    return merge(out);
}

function subtract(a: Interval[], b: Interval[]): Interval[] {
    let result = merge(a);
    for (const [s2, e2] of merge(b)) {
        result = result.flatMap(([s1, e1]): Interval[] => {
            if (e2 < s1 || s2 > e1) return [[s1, e1]];
            const parts: Interval[] = [];
            if (s1 < s2) parts.push([s1, s2 - 1n]);
            if (e2 < e1) parts.push([e2 + 1n, e1]);
            return parts;
        });
    }
    return result;
}

const ALL_V4: Interval[] = [[0n, (1n << 32n) - 1n]];
const PUBLIC_V4_INTERVALS = subtract(ALL_V4, NON_PUBLIC_V4.map((c) => interval(c)!.range));
const PUBLIC_V6_INTERVALS = subtract(PUBLIC_V6.map((c) => interval(c)!.range), NON_PUBLIC_IN_V6_GLOBAL.map((c) => interval(c)!.range));

/** Public addresses admitted by the union of `cidrs`. */
export function publicCoverage(cidrs: string[]): Coverage {
    const v4: Interval[] = [];
    const v6: Interval[] = [];
    const invalid: string[] = [];
    for (const cidr of cidrs) {
        const parsed = interval(cidr);
        if (!parsed) invalid.push(cidr);
        else (parsed.v === 4 ? v4 : v6).push(parsed.range);
    }
    return { ipv4: size(intersect(merge(v4), PUBLIC_V4_INTERVALS)), ipv6: size(intersect(merge(v6), PUBLIC_V6_INTERVALS)), invalid };
}

/** A rule's port range: protocol `-1`/`all` admits every port; protocols without ports (ICMP, GRE…) count as every port. */
export function portRange(protocol: unknown, fromPort: unknown, toPort: unknown): [number, number] {
    const p = String(protocol ?? "tcp").toLowerCase();
    if (p === "-1" || p === "all") {
        return [0, 65535];
    }
    if (p !== "tcp" && p !== "udp" && p !== "6" && p !== "17") {
        return [0, 65535];
    }
    const from = typeof fromPort === "number" && fromPort >= 0 ? fromPort : 0;
    const to = typeof toPort === "number" && toPort >= 0 ? toPort : 65535;
    return [Math.min(from, to), Math.max(from, to)];
}
