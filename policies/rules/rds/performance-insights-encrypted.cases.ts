import type { RuleCases } from "../../cases";
import { CLUSTER_INSTANCE, GOOD_DB, RDS, res, UNKNOWN, unk } from "./cases-common";

/** Cases of rds-performance-insights-encrypted (test/policies/unit.test.ts runs them in-process). */
export const cases: RuleCases = {
    compliant: [res("PI with CMK", RDS, GOOD_DB), res("PI off", RDS, {})],
    violating: [res("PI without key", RDS, { performanceInsightsEnabled: true }), res("Aurora instance PI without key", CLUSTER_INSTANCE, { performanceInsightsEnabled: true })],
    unknown: [unk("PI flag unknown", "not-judged", res("", RDS, { performanceInsightsEnabled: UNKNOWN }))],
};
