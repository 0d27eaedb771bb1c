import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of backup-plan-retention (test/policies/unit.test.ts runs them in-process). */
const PLAN = "aws:backup/plan:Plan";
const TAGS = { owner: "team", "cost-center": "cc", "data-classification": "restricted", environment: "production" };
const INTERNAL = { ...TAGS, "data-classification": "internal" };
const res = (title: string, props: Record<string, unknown>, config?: Record<string, unknown>) => ({ title, resource: { type: PLAN, props, ...(config ? { config } : {}) } });

export const cases: RuleCases = {
    compliant: [res("daily + 7-year", { tags: TAGS, rules: [{ ruleName: "d", lifecycle: { deleteAfter: 35 } }, { ruleName: "m", lifecycle: { deleteAfter: 2557 } }] }),
        res("internal data, daily only", { tags: INTERNAL, rules: [{ ruleName: "d", lifecycle: { deleteAfter: 35 } }] }),
        res("exactly at the floor of 7 days", { tags: INTERNAL, rules: [{ ruleName: "d", lifecycle: { deleteAfter: 7 } }] }),
        // Continuous backups keep at most 35 days (AWS Backup), so a higher floor is capped at 35 for them.
        res("continuous rule at 35 days under a floor of 60", { tags: INTERNAL, rules: [{ ruleName: "c", enableContinuousBackup: true, lifecycle: { deleteAfter: 35 } }] }, { minimumDays: 60 })],
    violating: [res("no lifecycle", { rules: [{ ruleName: "d" }] }), res("restricted without long-term", { tags: TAGS, rules: [{ ruleName: "d", lifecycle: { deleteAfter: 35 } }] }),
        res("long-term rule two days short of seven years (2555 < 2557)", { tags: TAGS, rules: [{ ruleName: "m", lifecycle: { deleteAfter: 2555 } }] }),
        res("one day below the floor of 7", { tags: INTERNAL, rules: [{ ruleName: "d", lifecycle: { deleteAfter: 6 } }] }),
        res("continuous rule below a floor of 14", { tags: INTERNAL, rules: [{ ruleName: "c", enableContinuousBackup: true, lifecycle: { deleteAfter: 10 } }] }, { minimumDays: 14 }),
        res("confidential plan, a rule without lifecycle is not long-term", { tags: { ...TAGS, "data-classification": "confidential" }, rules: [{ ruleName: "d", lifecycle: { deleteAfter: 35 } }, { ruleName: "forever" }] })],
    unknown: [{ ...res("rules unknown", { rules: UNKNOWN }), expect: "not-judged" }],
};
