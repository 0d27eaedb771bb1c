import type { RuleCases } from "../../cases";
import { GOOD_DB, RDS, RDS_CLUSTER, res, UNKNOWN, unk } from "./cases-common";

/** Cases of rds-backup-retention (test/policies/unit.test.ts runs them in-process). */
export const cases: RuleCases = {
    compliant: [res("30 days", RDS, GOOD_DB, { minimumDays: 30 }), res("replica", RDS, { replicateSourceDb: "src" }),
        res("exactly the default floor of 7 days", RDS_CLUSTER, { backupRetentionPeriod: 7 })],
    violating: [res("omitted = 1 day", RDS, { ...GOOD_DB, backupRetentionPeriod: undefined }), res("below floor", RDS_CLUSTER, { backupRetentionPeriod: 7 }, { minimumDays: 30 }),
        res("one day below the default floor of 7", RDS, { ...GOOD_DB, backupRetentionPeriod: 6 })],
    unknown: [unk("retention unknown", "not-judged", res("", RDS, { backupRetentionPeriod: UNKNOWN }))],
};
