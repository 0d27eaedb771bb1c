import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "backup-vault-encrypted",
    displayName: "Backup vaults encrypted with a customer key",
    description: "AWS Backup vaults encrypt recovery points with a customer-managed KMS key.",
    remediation: "Set kmsKeyArn on the vault (a vault's key cannot change: create a new vault).",
    concern: "encryption-at-rest",
    severity: "high",
    resourceTypes: [aws.backup.Vault],
    check: (vault) => (!isSet(vault, "kmsKeyArn") ? "vault has no kmsKeyArn" : undefined),
});
