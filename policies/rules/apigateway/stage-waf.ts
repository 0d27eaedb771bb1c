import * as aws from "../../support/aws";
import { judgeEach, refersTo, stackRule, typeOf } from "../../framework";

const STAGE = typeOf(aws.apigateway.Stage);
const ASSOCIATION = typeOf(aws.wafv2.WebAclAssociation);

/** REST API stages (the only API Gateway kind WAFv2 attaches to) are associated with a web ACL. */
export const rule = stackRule({
    name: "apigateway-stage-waf",
    displayName: "API Gateway REST stages behind WAF",
    description: "Every API Gateway REST stage is associated with a WAFv2 web ACL (aws.wafv2.WebAclAssociation whose resourceArn is the stage).",
    remediation: "Add an aws.wafv2.WebAclAssociation with resourceArn set to the stage's ARN and a blocking web ACL.",
    severity: "high",
    concern: "public-exposure",
    controls: { "pci-dss-4.0": ["6.4.2"], soc2: ["CC6.6", "CC7.1"] },
    types: [STAGE],
    check: (resources) => judgeEach(resources.filter((r) => r.type === STAGE), (stage) =>
        resources.some((a) => a.type === ASSOCIATION && refersTo(a, "resourceArn", stage))
            ? undefined
            : { urn: stage.urn, name: stage.name, message: `stage ${stage.name} has no WAF web ACL association` }),
});
