import * as assert from "assert";
import { rule } from "../../../policies/rules/lambda/not-public";
import { runResourceRule } from "../harness";

/** lambda-not-public's message (the decisions are in the cases beside the rule). */
describe("lambda rules: messages", () => {
    it("lambda-not-public", () => {
        assert.deepStrictEqual(runResourceRule(rule, { type: "aws:lambda/functionUrl:FunctionUrl", props: { functionName: "f", authorizationType: "NONE" } }).violations.map((v) => v.message),
            ["function URL has authorizationType NONE: anyone can invoke it"]);
    });
});
