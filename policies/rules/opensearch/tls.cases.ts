import { UNKNOWN, res, type RuleCases } from "../../cases";

/** Cases of opensearch-tls (test/policies/unit.test.ts runs them in-process). */
const DOMAIN = "aws:opensearch/domain:Domain";
const N2N = { nodeToNodeEncryption: { enabled: true } };

export const cases: RuleCases = {
    compliant: [res("node-to-node, HTTPS, TLS 1.2", DOMAIN, { ...N2N, domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: "Policy-Min-TLS-1-2-PFS-2023-10" } }),
        res("endpoint options omitted", DOMAIN, N2N)],
    violating: [res("omitted", DOMAIN, {}), res("HTTPS off", "aws:elasticsearch/domain:Domain", { ...N2N, domainEndpointOptions: { enforceHttps: false } }),
        res("TLS 1.0 policy", DOMAIN, { ...N2N, domainEndpointOptions: { tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" } })],
    unknown: [{ ...res("unknown", DOMAIN, { nodeToNodeEncryption: UNKNOWN }), expect: "not-judged" }],
};
