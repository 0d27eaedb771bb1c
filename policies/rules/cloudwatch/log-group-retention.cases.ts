import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of cloudwatch-log-group-retention (test/policies/unit.test.ts runs them in-process). */
const res = (title: string, props: Record<string, unknown>) => ({ title, resource: { type: "aws:cloudwatch/logGroup:LogGroup", props } });

export const cases: RuleCases = {
    compliant: [res("7 years", { retentionInDays: 2557 }), res("at floor", { retentionInDays: 14 })],
    violating: [res("omitted = forever", {}), res("below floor", { retentionInDays: 7 }), res("0 = never expire", { retentionInDays: 0 })],
    unknown: [{ ...res("unknown", { retentionInDays: UNKNOWN }), expect: "not-judged" }],
};
