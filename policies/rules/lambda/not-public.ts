import * as aws from "../../support/aws";
import { NETWORK_EXPOSURE } from "../../controls";
import { isSet, resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "lambda-not-public",
    displayName: "Lambda functions not invocable by anyone",
    description: "Lambda function URLs use AWS_IAM authorization (NONE exposes the function to anyone on the internet), and no permission grants invoke to principal \"*\" without a source ARN, source account or organization condition.",
    remediation: "Set authorizationType: \"AWS_IAM\" (or front the function with API Gateway and an authorizer); scope permissions with principal, sourceArn/sourceAccount or principalOrgId.",
    severity: "high",
    concern: "public-exposure",
    controls: NETWORK_EXPOSURE,
    resourceTypes: [aws.lambda.FunctionUrl, aws.lambda.Permission],
    check: (resource, args) => {
        if (args.type === "aws:lambda/permission:Permission") {
            const open = resource.principal === "*" && !isSet(resource, "sourceArn") && !isSet(resource, "sourceAccount") && !isSet(resource, "principalOrgId");
            return open ? "permission lets any principal (*) invoke the function, with no source or organization condition" : undefined;
        }
        return String(resource.authorizationType ?? "").toUpperCase() === "NONE" ? "function URL has authorizationType NONE: anyone can invoke it" : undefined;
    },
});
