import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";
import { ENCRYPTION_AT_REST } from "../../controls";

export const rule = resourceRule({
    name: "backup-vault-encrypted",
    controls: ENCRYPTION_AT_REST,
    displayName: "Backup vaults encrypted with a customer key",
    description: "AWS Backup vaults encrypt recovery points with a customer-managed KMS key.",
    remediation: "Set kmsKeyArn on the vault (a vault's key cannot change: create a new vault).",
    concern: "encryption-at-rest",
    severity: "high",
    resourceTypes: [aws.backup.Vault],
    check: (vault) => (!isSet(vault, "kmsKeyArn") ? "vault has no kmsKeyArn" : undefined),
});
