import { UNKNOWN, res, type RuleCases } from "../../cases";

/** Cases of apigateway-stage-logging (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [res("REST stage with logs", "aws:apigateway/stage:Stage", { accessLogSettings: { destinationArn: "arn", format: "{}" } })],
    violating: [res("REST stage without logs", "aws:apigateway/stage:Stage", {}), res("HTTP API stage without logs", "aws:apigatewayv2/stage:Stage", {})],
    unknown: [{ ...res("log destination from the same run counts as set", "aws:apigateway/stage:Stage", { accessLogSettings: UNKNOWN }), expect: "compliant" }],
};
