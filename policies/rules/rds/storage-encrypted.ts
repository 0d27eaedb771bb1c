import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";
import { isReplica } from "./common";
import { ENCRYPTION_AT_REST } from "../../controls";

/** An omitted storageEncrypted is as unencrypted as false (the provider's default); a replica inherits its source's key. */
export const rule = resourceRule({
    name: "rds-storage-encrypted",
    controls: { ...ENCRYPTION_AT_REST, "cis-aws-3.0": ["2.3.1"] },
    displayName: "RDS storage encrypted with a customer key",
    description: "RDS instances and clusters (Aurora, Multi-AZ clusters) encrypt storage, snapshots and backups with a customer-managed KMS key.",
    remediation: "Set storageEncrypted: true and kmsKeyId to a customer-managed key (encryption cannot be added to an existing instance: restore from an encrypted snapshot).",
    concern: "encryption-at-rest",
    severity: "critical",
    resourceTypes: [aws.rds.Instance, aws.rds.Cluster],
    check: (db) => {
        // Default: false, except Aurora Serverless v1 clusters (engineMode serverless), which are always encrypted.
        const encrypted = db.storageEncrypted ?? (db.engineMode === "serverless");
        if (encrypted !== true) return "storage is not encrypted (storageEncrypted is not true; the provider's default is false)";
        if (!isSet(db, "kmsKeyId") && !isReplica(db)) return "storage is encrypted with the AWS-managed key; set kmsKeyId to a customer-managed key";
        return undefined;
    },
});
