import * as aws from "../../support/aws";
import { ENCRYPTION_IN_TRANSIT } from "../../controls";
import { resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "opensearch-tls",
    displayName: "OpenSearch encrypts in transit",
    description: "OpenSearch/Elasticsearch domains encrypt node-to-node traffic (default off), enforce HTTPS and use a TLS 1.2+ policy.",
    remediation: "Set nodeToNodeEncryption: { enabled: true }, domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: \"Policy-Min-TLS-1-2-PFS-2023-10\" }.",
    severity: "high",
    concern: "tls",
    controls: ENCRYPTION_IN_TRANSIT,
    resourceTypes: [aws.opensearch.Domain, aws.elasticsearch.Domain],
    check: (domain) => {
        const problems: string[] = [];
        if (domain.nodeToNodeEncryption?.enabled !== true) problems.push("node-to-node encryption is off");
        const endpoint = domain.domainEndpointOptions;
        if (endpoint?.enforceHttps === false) problems.push("HTTPS is not enforced (enforceHttps false)");
        if (String(endpoint?.tlsSecurityPolicy ?? "").includes("TLS-1-0")) problems.push(`TLS policy ${endpoint?.tlsSecurityPolicy} allows TLS 1.0`);
        return problems;
    },
});
