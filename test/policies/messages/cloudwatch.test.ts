import * as assert from "assert";
import { rule as encrypted } from "../../../policies/rules/cloudwatch/log-group-encrypted";
import { rule as retention } from "../../../policies/rules/cloudwatch/log-group-retention";
import type { ResourceRule } from "../../../policies/framework";
import { runResourceRule } from "../harness";

/** The cloudwatch rules' messages, which a reader of the report acts on (the decisions are in the rules' cases beside them). */
const LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
const messages = (rule: ResourceRule, props: Record<string, unknown>, config: Record<string, unknown> = {}) => runResourceRule(rule, { type: LOG_GROUP, props, config }).violations.map((v) => v.message);

describe("cloudwatch rules: messages", () => {
    it("cloudwatch-log-group-encrypted", () => {
        assert.deepStrictEqual(messages(encrypted, {}), ["log group has no kmsKeyId"]);
    });

    it("cloudwatch-log-group-retention tells logs kept forever from a short retention", () => {
        assert.deepStrictEqual(messages(retention, {}), ["log group has no retentionInDays: logs are kept forever, by accident"]);
        assert.deepStrictEqual(messages(retention, { retentionInDays: 7 }), ["retention 7 days is below the floor of 14"]);
        assert.deepStrictEqual(messages(retention, { retentionInDays: 30 }, { minimumDays: 90 }), ["retention 30 days is below the floor of 90"]);
    });
});
