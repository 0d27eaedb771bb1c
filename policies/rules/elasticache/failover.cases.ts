import type { RuleCases } from "../../cases";
import { GOOD_RG, res, RG, UNKNOWN, unk } from "./cases-common";

/** Cases of elasticache-failover (test/policies/unit.test.ts runs them in-process). */
export const cases: RuleCases = {
    compliant: [res("failover + multi-AZ", RG, GOOD_RG)],
    violating: [res("omitted", RG, {}), res("no multi-AZ", RG, { automaticFailoverEnabled: true })],
    unknown: [unk("unknown", "not-judged", res("", RG, { automaticFailoverEnabled: UNKNOWN, multiAzEnabled: true }))],
};
