import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { ACCEPTED_TLS_POLICIES, APPROVED_TLS_POLICIES, atLeastAsStrict, DEFAULT_TLS_POLICY, ELB_TLS_POLICIES, tlsPolicyNotAllowed, tlsPolicyProblem } from "../../lib/rules/tls";
import { rule as awsxAlb } from "../../policies/rules/awsx/alb-secure";
import { rule as listenerTls } from "../../policies/rules/lb/listener-tls-policy";

describe("lib/rules/tls", () => {
    it("approves the default and the TLS 1.3 policies that refuse anything older than TLS 1.2", () => {
        assert.ok(APPROVED_TLS_POLICIES.includes(DEFAULT_TLS_POLICY));
        for (const policy of APPROVED_TLS_POLICIES) assert.strictEqual(tlsPolicyProblem(policy), undefined, policy);
    });

    it("accepts, in stack config and the Edge component as in the pack's production allow-list, the FIPS and post-quantum TLS 1.3 policies at least as strict", () => {
        const production = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../policies/config/production.json"), "utf8"));
        // The stacks' policy configs do not copy the allow-list: the pack's default (the approved set) applies.
        assert.strictEqual(production["lb-listener-tls-policy"]?.allowedSslPolicies, undefined);
        const allowed: string[] = (listenerTls.config!.allowedSslPolicies as { default: string[] }).default;
        for (const policy of ["ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09"]) {
            assert.strictEqual(tlsPolicyNotAllowed(policy, allowed), undefined, `production allow-list: ${policy}`);
            assert.strictEqual(tlsPolicyProblem(policy), undefined, `stack config / Edge: ${policy}`);
            assert.ok(ACCEPTED_TLS_POLICIES.includes(policy), policy);
        }
        for (const policy of ["ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04"]) {
            assert.ok(tlsPolicyNotAllowed(policy, allowed), `production allow-list: ${policy}`);
            assert.ok(tlsPolicyProblem(policy), `stack config / Edge: ${policy}`);
        }
        assert.deepStrictEqual(ACCEPTED_TLS_POLICIES.slice(0, APPROVED_TLS_POLICIES.length), [...APPROVED_TLS_POLICIES]);
    });

    it("refuses TLS 1.3 policies that still accept TLS 1.0/1.1, and pre-TLS 1.3 policies, naming the allowed ones", () => {
        assert.match(tlsPolicyProblem("ELBSecurityPolicy-TLS13-1-0-2021-06")!, /still accepts older protocols.*allowed: ELBSecurityPolicy-TLS13-1-3-2021-06/);
        assert.match(tlsPolicyProblem("ELBSecurityPolicy-TLS13-1-1-2021-06")!, /still accepts older protocols/);
        assert.match(tlsPolicyProblem("ELBSecurityPolicy-2016-08")!, /is not a TLS 1\.3 policy/);
    });

    it("is the policy pack's default list too, and no stack's policy config copies or widens it (what the stack accepts, the pack passes)", () => {
        for (const rule of [listenerTls, awsxAlb]) {
            assert.deepStrictEqual((rule.config!.allowedSslPolicies as { default: string[] }).default, [...APPROVED_TLS_POLICIES], rule.name);
        }
        for (const stack of ["production", "staging"]) {
            const config = JSON.parse(fs.readFileSync(path.resolve(__dirname, `../../policies/config/${stack}.json`), "utf8"));
            for (const rule of [listenerTls, awsxAlb]) assert.strictEqual(config[rule.name]?.allowedSslPolicies, undefined, `${stack}: ${rule.name}`);
        }
    });
});

describe("ELB TLS policies by what they accept", () => {
    it("reads AWS's documented policies: FIPS and post-quantum variants match their plain twins", () => {
        assert.deepStrictEqual(ELB_TLS_POLICIES["ELBSecurityPolicy-TLS13-1-2-Res-2021-06"], { minimum: "1.2", tls13: true, ciphers: "restricted" });
        assert.deepStrictEqual(ELB_TLS_POLICIES["ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04"], ELB_TLS_POLICIES["ELBSecurityPolicy-TLS13-1-2-2021-06"]);
        assert.deepStrictEqual(ELB_TLS_POLICIES["ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09"], { minimum: "1.3", tls13: true, ciphers: "restricted" });
        assert.strictEqual(ELB_TLS_POLICIES["ELBSecurityPolicy-2016-08"].minimum, "1.0");
    });

    it("passes a policy at least as strict as an approved one and names what a weaker one accepts", () => {
        for (const fips of ["ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04", "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04"]) {
            assert.strictEqual(tlsPolicyNotAllowed(fips, APPROVED_TLS_POLICIES), undefined, fips);
        }
        assert.ok(atLeastAsStrict("ELBSecurityPolicy-TLS13-1-3-2021-06", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"));
        assert.ok(!atLeastAsStrict("ELBSecurityPolicy-TLS13-1-2-2021-06", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"));
        assert.match(tlsPolicyNotAllowed("ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-2023-04", APPROVED_TLS_POLICIES)!, /accepts TLS 1\.2\+ and 1\.3 with extended ciphers/);
        assert.match(tlsPolicyNotAllowed("ELBSecurityPolicy-FS-1-2-Res-2020-10", APPROVED_TLS_POLICIES)!, /no TLS 1\.3/);
        assert.match(tlsPolicyNotAllowed("made-up", APPROVED_TLS_POLICIES)!, /not a documented ELB security policy/);
        assert.ok(tlsPolicyNotAllowed("made-up", ["a-policy", "b-policy"])!.endsWith("(a-policy, b-policy) accepts"));
    });

    it("classifies each documented policy as AWS's tables do (lowest version, TLS 1.3, cipher breadth)", () => {
        const stems: Record<string, [string, string]> = {
            "1-3": ["1.3", "restricted"], "1-2-Res": ["1.2", "restricted"], "1-2": ["1.2", "standard"], "1-2-Ext0": ["1.2", "extended"],
            "1-2-Ext1": ["1.2", "extended"], "1-2-Ext2": ["1.2", "extended"], "1-1": ["1.1", "extended"], "1-0": ["1.0", "extended"],
        };
        for (const [stem, [minimum, ciphers]] of Object.entries(stems)) {
            for (const suffix of ["FIPS-2023-04", "PQ-2025-09", "FIPS-PQ-2025-09", ...(stem === "1-2-Ext0" ? [] : ["2021-06"])]) {
                assert.deepStrictEqual(ELB_TLS_POLICIES[`ELBSecurityPolicy-TLS13-${stem}-${suffix}`], { minimum, tls13: true, ciphers }, `${stem}-${suffix}`);
            }
        }
        assert.strictEqual(ELB_TLS_POLICIES["ELBSecurityPolicy-TLS13-1-2-Ext0-2021-06"], undefined, "Ext0 exists only from the FIPS/PQ generations");
        const legacy: Record<string, [string, string]> = {
            "2016-08": ["1.0", "extended"], "2015-05": ["1.0", "extended"], "TLS-1-0-2015-04": ["1.0", "extended"], "TLS-1-1-2017-01": ["1.1", "extended"],
            "TLS-1-2-2017-01": ["1.2", "extended"], "TLS-1-2-Ext-2018-06": ["1.2", "extended"], "FS-2018-06": ["1.0", "extended"], "FS-1-1-2019-08": ["1.1", "extended"],
            "FS-1-2-2019-08": ["1.2", "extended"], "FS-1-2-Res-2019-08": ["1.2", "standard"], "FS-1-2-Res-2020-10": ["1.2", "restricted"],
        };
        for (const [name, [minimum, ciphers]] of Object.entries(legacy)) {
            assert.deepStrictEqual(ELB_TLS_POLICIES[`ELBSecurityPolicy-${name}`], { minimum, tls13: false, ciphers }, name);
        }
        assert.strictEqual(Object.keys(ELB_TLS_POLICIES).length, 8 * 4 - 1 + Object.keys(legacy).length);
    });

    it("at least as strict: each of version, TLS 1.3 and ciphers decides on its own", () => {
        // Only the lowest version differs (both offer TLS 1.3 with extended ciphers).
        assert.ok(!atLeastAsStrict("ELBSecurityPolicy-TLS13-1-0-2021-06", "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06"));
        assert.ok(atLeastAsStrict("ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06", "ELBSecurityPolicy-TLS13-1-0-2021-06"));
        // Only TLS 1.3 differs (TLS 1.2+, restricted ciphers).
        assert.ok(!atLeastAsStrict("ELBSecurityPolicy-FS-1-2-Res-2020-10", "ELBSecurityPolicy-TLS13-1-2-Res-2021-06"));
        assert.ok(atLeastAsStrict("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", "ELBSecurityPolicy-FS-1-2-Res-2020-10"));
        // Only the ciphers differ.
        assert.ok(!atLeastAsStrict("ELBSecurityPolicy-FS-1-2-Res-2019-08", "ELBSecurityPolicy-FS-1-2-Res-2020-10"));
        // A policy the table does not know is only as strict as itself.
        assert.ok(atLeastAsStrict("made-up", "made-up"));
        assert.ok(!atLeastAsStrict("made-up", "ELBSecurityPolicy-2016-08"));
        assert.ok(!atLeastAsStrict("ELBSecurityPolicy-TLS13-1-3-2021-06", "made-up"));
    });
});
