import { UNKNOWN, res, type RuleCases } from "../../cases";

/** Cases of apigateway-domain-tls (test/policies/unit.test.ts runs them in-process). */
const REST = "aws:apigateway/domainName:DomainName";
const HTTP = "aws:apigatewayv2/domainName:DomainName";

export const cases: RuleCases = {
    compliant: [res("REST TLS 1.2", REST, { securityPolicy: "TLS_1_2" }), res("HTTP API TLS 1.2", HTTP, { domainNameConfiguration: { securityPolicy: "TLS_1_2" } }),
        // Enhanced policies (SecurityPolicy_…): TLS 1.3 only, and TLS 1.3 with 1.2.
        res("REST enhanced TLS 1.3-only policy", REST, { securityPolicy: "SecurityPolicy_TLS13_1_3_2025_09" }),
        res("REST enhanced TLS 1.3/1.2 policy", REST, { securityPolicy: "SecurityPolicy_TLS13_1_2_2021_06" })],
    violating: [res("omitted", REST, {}), res("TLS 1.0", REST, { securityPolicy: "TLS_1_0" }),
        res("HTTP API domain judged by its domainNameConfiguration, not a top-level field", HTTP, { securityPolicy: "TLS_1_2", domainNameConfiguration: { securityPolicy: "TLS_1_0" } })],
    unknown: [{ ...res("unknown", REST, { securityPolicy: UNKNOWN }), expect: "not-judged" }],
};
