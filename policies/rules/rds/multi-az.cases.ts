import type { RuleCases } from "../../cases";
import { GOOD_DB, RDS, res, UNKNOWN, unk } from "./cases-common";

/** Cases of rds-multi-az (test/policies/unit.test.ts runs them in-process). */
export const cases: RuleCases = {
    compliant: [res("multi-AZ", RDS, GOOD_DB), res("replica", RDS, { multiAz: false, replicateSourceDb: "src" })],
    violating: [res("omitted", RDS, { ...GOOD_DB, multiAz: undefined }), res("false", RDS, { ...GOOD_DB, multiAz: false })],
    unknown: [unk("unknown", "not-judged", res("", RDS, { multiAz: UNKNOWN }))],
};
