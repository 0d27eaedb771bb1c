import * as assert from "assert";
import { APPROVED_TLS_POLICIES, DEFAULT_TLS_POLICY, tlsPolicyProblem } from "../../lib/rules/tls";
import { rule as awsxAlb } from "../../policies/rules/awsx/application-load-balancer";
import { rule as listenerTls } from "../../policies/rules/lb/listener-tls-policy";

describe("lib/rules/tls", () => {
    it("approves the default and the TLS 1.3 policies that refuse anything older than TLS 1.2", () => {
        assert.ok(APPROVED_TLS_POLICIES.includes(DEFAULT_TLS_POLICY));
        for (const policy of APPROVED_TLS_POLICIES) assert.strictEqual(tlsPolicyProblem(policy), undefined, policy);
    });

    it("refuses TLS 1.3 policies that still accept TLS 1.0/1.1, and pre-TLS 1.3 policies, naming the allowed ones", () => {
        assert.match(tlsPolicyProblem("ELBSecurityPolicy-TLS13-1-0-2021-06")!, /still accepts older protocols.*allowed: ELBSecurityPolicy-TLS13-1-3-2021-06/);
        assert.match(tlsPolicyProblem("ELBSecurityPolicy-TLS13-1-1-2021-06")!, /still accepts older protocols/);
        assert.match(tlsPolicyProblem("ELBSecurityPolicy-2016-08")!, /is not a TLS 1\.3 policy/);
    });

    it("is the policy pack's default list too (what the stack accepts, the pack passes)", () => {
        for (const rule of [listenerTls, awsxAlb]) {
            assert.deepStrictEqual((rule.config!.allowedSslPolicies as { default: string[] }).default, [...APPROVED_TLS_POLICIES], rule.name);
        }
    });
});
