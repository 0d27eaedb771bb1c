import * as assert from "assert";
import { rule } from "../../../policies/rules/dynamodb/point-in-time-recovery";
import { runResourceRule } from "../harness";

/** dynamodb-point-in-time-recovery's message (the decisions are in the cases beside the rule). */
describe("dynamodb rules: messages", () => {
    it("dynamodb-point-in-time-recovery", () => {
        assert.deepStrictEqual(runResourceRule(rule, { type: "aws:dynamodb/table:Table", props: {} }).violations.map((v) => v.message), ["point-in-time recovery is off"]);
    });
});
