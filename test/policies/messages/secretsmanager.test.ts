import * as assert from "assert";
import { rule } from "../../../policies/rules/secretsmanager/secret-encrypted-with-cmk";
import { runResourceRule } from "../harness";

/** secretsmanager-secret-encrypted-with-cmk's message (the decisions are in the cases beside the rule). */
describe("secretsmanager rules: messages", () => {
    it("secretsmanager-secret-encrypted-with-cmk", () => {
        assert.deepStrictEqual(runResourceRule(rule, { type: "aws:secretsmanager/secret:Secret", props: {} }).violations.map((v) => v.message), ["secret uses the AWS-managed key (no kmsKeyId)"]);
    });
});
