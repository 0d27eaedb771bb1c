import * as aws from "../../support/aws";
import { ENCRYPTION_IN_TRANSIT } from "../../controls";
import { resourceRule } from "../../framework";

/** REST custom domains: an omitted securityPolicy is not drift-checked and has historically meant TLS_1_0, so it must be explicit. */
export const rule = resourceRule({
    name: "apigateway-domain-tls",
    displayName: "API Gateway custom domains use TLS 1.2+",
    description: "API Gateway custom domain names set a TLS 1.2+ security policy.",
    remediation: "Set securityPolicy: \"TLS_1_2\" (REST) or domainNameConfiguration.securityPolicy: \"TLS_1_2\" (HTTP APIs).",
    severity: "high",
    concern: "tls",
    controls: ENCRYPTION_IN_TRANSIT,
    resourceTypes: [aws.apigateway.DomainName, aws.apigatewayv2.DomainName],
    check: (domain, args) => {
        const policy = args.type === "aws:apigatewayv2/domainName:DomainName" ? domain.domainNameConfiguration?.securityPolicy : domain.securityPolicy;
        return /^(TLS_1_[23]|SecurityPolicy_TLS1[23])/i.test(String(policy ?? "")) ? undefined : `security policy ${policy ?? "(omitted)"} is not TLS 1.2+`;
    },
});
