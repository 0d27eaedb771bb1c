import * as assert from "assert";
import fc from "fast-check";
import { hasHostBits, networkOf, parseCidr } from "../../lib/rules/cidr";

/** An IPv4 address as four octets, computed here by positional weights (not by the module's shifts). */
const value = (a: number, b: number, c: number, d: number) => a * 2 ** 24 + b * 2 ** 16 + c * 2 ** 8 + d;

describe("lib/rules/cidr", () => {
    it("parses a.b.c.d/p into the unsigned 32-bit address and the prefix", () => {
        assert.deepStrictEqual(parseCidr("10.0.0.0/16"), { address: value(10, 0, 0, 0), prefix: 16 });
        assert.deepStrictEqual(parseCidr("1.2.3.4/32"), { address: value(1, 2, 3, 4), prefix: 32 });
        // The first octet ≥ 128 sets the sign bit of a 32-bit int: the address must still be positive.
        assert.deepStrictEqual(parseCidr("192.168.10.20/24"), { address: value(192, 168, 10, 20), prefix: 24 });
        assert.deepStrictEqual(parseCidr("255.255.255.255/32"), { address: 2 ** 32 - 1, prefix: 32 });
        assert.deepStrictEqual(parseCidr("0.0.0.0/0"), { address: 0, prefix: 0 });
        assert.deepStrictEqual(parseCidr("100.64.0.0/10"), { address: value(100, 64, 0, 0), prefix: 10 });
    });

    it("refuses what is not an IPv4 CIDR block: octets above 255, prefixes above 32, other shapes", () => {
        for (const text of [
            "256.0.0.0/8", "10.256.0.0/16", "10.0.256.0/24", "10.0.0.256/32", "999.0.0.0/8", // octet > 255
            "10.0.0.0/33", "10.0.0.0/99",                                                   // prefix > 32
            "10.0.0.0", "10.0.0/16", "10.0.0.0.0/16", "10.0.0.0/", "/16", "",               // missing parts
            "1000.0.0.0/8", "10.0.0.0/100", "10.0.0.0/-1", "-10.0.0.0/8",                   // too many digits, signs
            " 10.0.0.0/16", "10.0.0.0/16 ", "x10.0.0.0/16", "10.0.0.0/16x", "10.0.0.0/16/16", // anchored at both ends
            "a.b.c.d/16", "10.0.0.x/16", "10.0.0.0/1x", "10,0,0,0/16", "10.0.0.0\\16",
            "2001:db8::/32", "::/0",                                                        // IPv6
        ]) {
            assert.strictEqual(parseCidr(text), undefined, JSON.stringify(text));
            assert.strictEqual(networkOf(text), undefined, JSON.stringify(text));
            assert.strictEqual(hasHostBits(text), false, JSON.stringify(text));
        }
    });

    it("networkOf clears the host bits and keeps the prefix", () => {
        const cases: Array<[string, string]> = [
            ["10.0.7.1/16", "10.0.0.0/16"],            // the doc comment's example
            ["10.0.0.0/16", "10.0.0.0/16"],
            ["172.31.255.255/12", "172.16.0.0/12"],    // the mask cuts inside the second octet
            ["192.168.255.255/17", "192.168.128.0/17"],
            ["10.1.2.3/31", "10.1.2.2/31"],
            ["10.1.2.3/32", "10.1.2.3/32"],            // a host route: nothing to clear
            ["255.255.255.255/1", "128.0.0.0/1"],
            ["127.255.255.255/1", "0.0.0.0/1"],
            ["1.2.3.4/0", "0.0.0.0/0"],                // /0: everything is host bits (a shift by 32 would clear nothing)
            ["0.0.0.0/0", "0.0.0.0/0"],
            ["203.0.113.77/28", "203.0.113.64/28"],
        ];
        for (const [cidr, network] of cases) assert.strictEqual(networkOf(cidr), network, cidr);
    });

    it("hasHostBits is true exactly when the block is not its own network address", () => {
        assert.strictEqual(hasHostBits("10.0.0.1/16"), true);
        assert.strictEqual(hasHostBits("10.0.7.0/16"), true);
        assert.strictEqual(hasHostBits("1.2.3.4/0"), true);
        assert.strictEqual(hasHostBits("10.0.0.0/16"), false);
        assert.strictEqual(hasHostBits("10.0.0.0/8"), false);
        assert.strictEqual(hasHostBits("10.1.2.3/32"), false);
        assert.strictEqual(hasHostBits("0.0.0.0/0"), false);
    });

    it("the network of any block is a block without host bits that contains the original address (property)", () => {
        const octet = fc.integer({ min: 0, max: 255 });
        fc.assert(fc.property(octet, octet, octet, octet, fc.integer({ min: 0, max: 32 }), (a, b, c, d, prefix) => {
            const cidr = `${a}.${b}.${c}.${d}/${prefix}`;
            const network = networkOf(cidr)!;
            assert.ok(network.endsWith(`/${prefix}`), network);
            assert.strictEqual(networkOf(network), network);
            assert.strictEqual(hasHostBits(network), false);
            // Same network: the top `prefix` bits agree; the rest of the network address is zero.
            const size = 2 ** (32 - prefix);
            const address = value(a, b, c, d);
            assert.strictEqual(parseCidr(network)!.address, address - (address % size));
            assert.strictEqual(hasHostBits(cidr), address % size !== 0);
        }));
    });
});
