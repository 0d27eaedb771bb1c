import type { RuleCases } from "../../cases";
import { GOOD_DB, KEY, RDS, RDS_CLUSTER, res, UNKNOWN, unk } from "./cases-common";

/** Cases of rds-storage-encrypted (test/policies/unit.test.ts runs them in-process). */
export const cases: RuleCases = {
    compliant: [res("CMK-encrypted instance", RDS, GOOD_DB), res("Aurora cluster with a CMK", RDS_CLUSTER, { engine: "aurora-postgresql", storageEncrypted: true, kmsKeyId: KEY }),
        res("replica inherits its source's key", RDS, { storageEncrypted: true, replicateSourceDb: UNKNOWN }),
        // Aurora Serverless v1 clusters are always encrypted: storageEncrypted defaults to true for engineMode serverless.
        res("Aurora Serverless v1 with a CMK, storageEncrypted omitted", RDS_CLUSTER, { engine: "aurora-postgresql", engineMode: "serverless", kmsKeyId: KEY })],
    violating: [res("storageEncrypted omitted (provider default false)", RDS, { ...GOOD_DB, storageEncrypted: undefined }), res("storageEncrypted false", RDS, { ...GOOD_DB, storageEncrypted: false }),
        res("AWS-managed key", RDS_CLUSTER, { storageEncrypted: true }), res("Aurora provisioned, omitted", RDS_CLUSTER, { engine: "aurora-mysql" }),
        res("Aurora provisioned (engineMode given), omitted", RDS_CLUSTER, { engine: "aurora-mysql", engineMode: "provisioned", kmsKeyId: KEY }),
        res("Aurora Serverless v1 with the AWS-managed key", RDS_CLUSTER, { engine: "aurora-postgresql", engineMode: "serverless" })],
    unknown: [unk("storageEncrypted unknown", "not-judged", res("", RDS, { ...GOOD_DB, storageEncrypted: UNKNOWN })), unk("kmsKeyId from a key created in the same run", "compliant", res("", RDS, { ...GOOD_DB, kmsKeyId: UNKNOWN }))],
    ignored: [res("DocumentDB cluster is another rule's", "aws:docdb/cluster:Cluster", {}), res("component named like an RDS instance", "platform:data:Database", {})],
};
