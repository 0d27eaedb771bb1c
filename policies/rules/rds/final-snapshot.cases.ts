import type { RuleCases } from "../../cases";
import { GOOD_DB, RDS, RDS_CLUSTER, res, UNKNOWN, unk } from "./cases-common";

/** Cases of rds-final-snapshot (test/policies/unit.test.ts runs them in-process). */
export const cases: RuleCases = {
    compliant: [res("final snapshot", RDS, GOOD_DB), res("replica", RDS, { replicateSourceDb: "src" })],
    violating: [res("skipFinalSnapshot omitted (default true)", RDS, { finalSnapshotIdentifier: "x" }), res("no identifier", RDS_CLUSTER, { skipFinalSnapshot: false })],
    unknown: [unk("identifier unknown counts as set", "compliant", res("", RDS, { skipFinalSnapshot: false, finalSnapshotIdentifier: UNKNOWN })),
        unk("skipFinalSnapshot unknown", "not-judged", res("", RDS, { skipFinalSnapshot: UNKNOWN }))],
};
