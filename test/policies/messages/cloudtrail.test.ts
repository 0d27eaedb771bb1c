import * as assert from "assert";
import { rule } from "../../../policies/rules/cloudtrail/log-file-validation";
import { runResourceRule } from "../harness";

/** cloudtrail-log-file-validation's message, which a reader of the report acts on (the decisions are in the cases beside the rule). */
const messages = (props: Record<string, unknown>) => runResourceRule(rule, { type: "aws:cloudtrail/trail:Trail", props }).violations.map((v) => v.message);

describe("cloudtrail rules: messages", () => {
    it("cloudtrail-log-file-validation says whether validation was off or omitted", () => {
        assert.deepStrictEqual(messages({ s3BucketName: "b" }), ["log file validation is off (enableLogFileValidation omitted: false by default)"]);
        assert.deepStrictEqual(messages({ s3BucketName: "b", enableLogFileValidation: false }), ["log file validation is off (enableLogFileValidation false)"]);
    });
});
