import type { RuleCases } from "../../cases";
import { GOOD_RG, res, RG, UNKNOWN, unk } from "./cases-common";

/** Cases of elasticache-snapshot-retention (test/policies/unit.test.ts runs them in-process). */
export const cases: RuleCases = {
    compliant: [res("7 days", RG, GOOD_RG, { minimumDays: 7 }), res("1 day default floor", RG, { snapshotRetentionLimit: 1 })],
    violating: [res("omitted = 0", RG, {}), res("below floor", RG, { snapshotRetentionLimit: 3 }, { minimumDays: 7 })],
    unknown: [unk("unknown", "not-judged", res("", RG, { snapshotRetentionLimit: UNKNOWN }))],
};
