import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of dynamodb-point-in-time-recovery (test/policies/unit.test.ts runs them in-process). */
const res = (title: string, props: Record<string, unknown>) => ({ title, resource: { type: "aws:dynamodb/table:Table", props } });

export const cases: RuleCases = {
    compliant: [res("on", { pointInTimeRecovery: { enabled: true } })],
    violating: [res("omitted", {}), res("off", { pointInTimeRecovery: { enabled: false } })],
    unknown: [{ ...res("unknown", { pointInTimeRecovery: UNKNOWN }), expect: "not-judged" }],
};
