import type { RuleCases } from "../../cases";
import { CLUSTER_INSTANCE, GOOD_DB, RDS, res, UNKNOWN, unk } from "./cases-common";

/** Cases of rds-not-publicly-accessible (test/policies/unit.test.ts runs them in-process). */
export const cases: RuleCases = {
    compliant: [res("private", RDS, GOOD_DB), res("omitted (default false)", CLUSTER_INSTANCE, {})],
    violating: [res("public instance", RDS, { ...GOOD_DB, publiclyAccessible: true }), res("public Aurora instance", CLUSTER_INSTANCE, { publiclyAccessible: true }),
        res("public Neptune instance", "aws:neptune/clusterInstance:ClusterInstance", { publiclyAccessible: true })],
    unknown: [unk("unknown", "not-judged", res("", RDS, { publiclyAccessible: UNKNOWN }))],
};
