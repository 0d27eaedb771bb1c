import * as assert from "assert";
import { rule } from "../../../policies/rules/opensearch/tls";
import { runResourceRule } from "../harness";

/** opensearch-tls's messages (the decisions are in the cases beside the rule). */
const messages = (props: Record<string, unknown>) => runResourceRule(rule, { type: "aws:opensearch/domain:Domain", props }).violations.map((v) => v.message);

describe("opensearch rules: messages", () => {
    it("opensearch-tls names each problem, with the TLS policy", () => {
        assert.deepStrictEqual(messages({ domainEndpointOptions: { enforceHttps: false, tlsSecurityPolicy: "Policy-Min-TLS-1-0-2019-07" } }), [
            "node-to-node encryption is off",
            "HTTPS is not enforced (enforceHttps false)",
            "TLS policy Policy-Min-TLS-1-0-2019-07 allows TLS 1.0",
        ]);
    });
});
