import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of lambda-not-public (test/policies/unit.test.ts runs them in-process). */
const res = (title: string, props: Record<string, unknown>) => ({ title, resource: { type: "aws:lambda/functionUrl:FunctionUrl", props } });

export const cases: RuleCases = {
    compliant: [res("IAM-auth URL", { authorizationType: "AWS_IAM" })],
    violating: [res("NONE (any case)", { authorizationType: "none" }), res("NONE", { authorizationType: "NONE", functionName: "f" })],
    unknown: [{ ...res("unknown", { authorizationType: UNKNOWN }), expect: "not-judged" }],
};
