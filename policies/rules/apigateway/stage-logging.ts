import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "apigateway-stage-logging",
    displayName: "API Gateway stages log access",
    description: "API Gateway REST and HTTP/WebSocket stages write access logs.",
    remediation: "Set accessLogSettings { destinationArn, format } on the stage.",
    severity: "medium",
    controls: { "pci-dss-4.0": ["10.2.1"], soc2: ["CC7.2"] },
    resourceTypes: [aws.apigateway.Stage, aws.apigatewayv2.Stage],
    check: (stage) => (isSet(stage, "accessLogSettings") ? undefined : "access logging is off (no accessLogSettings)"),
});
