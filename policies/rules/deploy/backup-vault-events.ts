import { ResourceRule } from "../../framework";
import { BACKUP_DOCS, backupVaultEventProblem } from "../../../lib/rules/backup-limits";
import { BACKUP } from "../../controls";

/**
 * Backup vault notifications subscribe to events that still notify: the PutBackupVaultNotifications reference keeps
 * BACKUP_JOB_FAILED, RESTORE_JOB_FAILED and others in its valid values "for reference" but "Deprecated events do not
 * return statuses or notifications" — an alert wired to them never fires.
 */
export const rule: ResourceRule = {
    name: "deploy-backup-vault-events",
    controls: { ...BACKUP, soc2: ["CC8.1", "A1.2", "CC7.3"] },
    displayName: "Deploy validity: Backup vault notifications use live event names",
    description: `Backup vault notifications subscribe only to supported events; deprecated ones (BACKUP_JOB_FAILED, RESTORE_JOB_FAILED, BACKUP_JOB_SUCCESSFUL, BACKUP_JOB_EXPIRED, RESTORE_JOB_SUCCESSFUL, BACKUP_PLAN_CREATED, BACKUP_PLAN_MODIFIED) send nothing (AWS PutBackupVaultNotifications, ${BACKUP_DOCS.notifications}).`,
    remediation: "Subscribe to BACKUP_JOB_COMPLETED / RESTORE_JOB_COMPLETED (their State attribute says FAILED; filter the subscription on it) and COPY_JOB_FAILED, or route failed jobs with an EventBridge rule on \"Backup Job State Change\" / \"Restore Job State Change\" (state FAILED, ABORTED, EXPIRED) to the alert topic.",
    severity: "high",
    types: ["aws:backup/vaultNotifications:VaultNotifications"],
    check: (props) => ((props.backupVaultEvents ?? []) as string[])
        .map((event) => backupVaultEventProblem(event))
        .filter((p): p is string => p !== undefined),
};
