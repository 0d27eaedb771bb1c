import * as aws from "../../support/aws";
import { judgeEach, refersTo, stackRule, typeOf } from "../../framework";
import { BACKUP } from "../../controls";

const VAULT = typeOf(aws.backup.Vault);
const LOCK = typeOf(aws.backup.VaultLockConfiguration);

export const rule = stackRule({
    name: "backup-vault-locked",
    controls: { ...BACKUP, soc2: ["A1.2", "CC6.1"] },
    displayName: "Backup vaults locked",
    description: "Every Backup vault has a vault lock, so recovery points cannot be deleted before their retention.",
    remediation: "Add an aws.backup.VaultLockConfiguration for the vault (compliance mode in production).",
    severity: "high",
    types: [VAULT],
    config: { requireComplianceMode: { type: "boolean", default: false } },
    check: (resources, _args, config) => judgeEach(resources.filter((r) => r.type === VAULT), (vault) => {
        const locks = resources.filter((l) => l.type === LOCK && refersTo(l, "backupVaultName", vault));
        const at = { urn: vault.urn, name: vault.name };
        if (locks.length === 0) return { ...at, message: `vault ${vault.name} has no vault lock` };
        if (config.requireComplianceMode && !locks.some((l) => l.props.changeableForDays !== undefined)) {
            return { ...at, message: `vault ${vault.name} is locked in governance mode; compliance mode (changeableForDays) is required` };
        }
        return undefined;
    }),
});
