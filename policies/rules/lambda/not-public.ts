import * as aws from "../../support/aws";
import { NETWORK_EXPOSURE } from "../../controls";
import { resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "lambda-not-public",
    displayName: "Lambda function URLs not invocable by anyone",
    description: "Lambda function URLs use AWS_IAM authorization (NONE exposes the function to anyone on the internet). Permissions granted to \"*\" or to service principals are general-resource-sharing's.",
    remediation: "Set authorizationType: \"AWS_IAM\" (or front the function with API Gateway and an authorizer).",
    severity: "high",
    concern: "public-exposure",
    controls: NETWORK_EXPOSURE,
    resourceTypes: [aws.lambda.FunctionUrl],
    check: (resource) => {
        return String(resource.authorizationType ?? "").toUpperCase() === "NONE" ? "function URL has authorizationType NONE: anyone can invoke it" : undefined;
    },
});
