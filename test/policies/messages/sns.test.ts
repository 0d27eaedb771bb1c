import * as assert from "assert";
import { rule } from "../../../policies/rules/sns/topic-encrypted";
import { runResourceRule } from "../harness";

/** sns-topic-encrypted's message (the decisions are in the cases beside the rule). */
describe("sns rules: messages", () => {
    it("sns-topic-encrypted", () => {
        assert.deepStrictEqual(runResourceRule(rule, { type: "aws:sns/topic:Topic", props: {} }).violations.map((v) => v.message), ["topic has no kmsMasterKeyId"]);
    });
});
