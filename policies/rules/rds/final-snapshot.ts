import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";
import { isReplica } from "./common";
import { BACKUP } from "../../controls";

export const rule = resourceRule({
    name: "rds-final-snapshot",
    controls: BACKUP,
    displayName: "Final snapshot on delete",
    description: "Deleting a database leaves a final snapshot (read replicas have none to take).",
    remediation: "Set skipFinalSnapshot: false and a finalSnapshotIdentifier.",
    severity: "high",
    resourceTypes: [aws.rds.Instance, aws.rds.Cluster],
    check: (db) => {
        if (isReplica(db)) return;
        if (db.skipFinalSnapshot !== false) return "skipFinalSnapshot is not false: deleting the database would lose its data";
        if (!isSet(db, "finalSnapshotIdentifier")) return "no finalSnapshotIdentifier is set";
        return undefined;
    },
});
