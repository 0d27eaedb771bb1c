import { ResourceRule } from "../../framework";
import { BACKUP_DOCS, lifecycleProblems } from "../../../lib/rules/backup-limits";
import { BACKUP } from "../../controls";

/**
 * AWS Backup's lifecycle limits on every plan rule and copy action: a recovery point moved to cold storage stays
 * there 90 days (deleteAfter ≥ coldStorageAfter + 90), and continuous backups are kept 1–35 days.
 */
export const rule: ResourceRule = {
    name: "deploy-backup-lifecycle",
    controls: { ...BACKUP, soc2: ["CC8.1", "A1.2", "CC9.1"] },
    displayName: "Deploy validity: Backup lifecycles within AWS Backup's limits",
    description: `Every Backup plan rule and copy action keeps cold-stored recovery points at least 90 days in cold storage — AWS Backup Lifecycle: DeleteAfterDays "must be at least 90 days after the number of days specified in MoveToColdStorageAfterDays" (${BACKUP_DOCS.lifecycle}) — and keeps continuous backups 1–35 days (${BACKUP_DOCS.continuous}).`,
    remediation: "Raise lifecycle.deleteAfter to at least coldStorageAfter + 90 (or drop coldStorageAfter); give continuous-backup rules a deleteAfter of 35 days or less, without coldStorageAfter, and keep longer retention in a snapshot rule.",
    severity: "high",
    types: ["aws:backup/plan:Plan"],
    check: (props) => {
        const problems: string[] = [];
        for (const rule of (props.rules ?? []) as any[]) {
            const continuous = rule.enableContinuousBackup === true;
            const name = rule.ruleName ?? "(unnamed)";
            problems.push(...lifecycleProblems(rule.lifecycle, continuous).map((p) => `rule ${name}: ${p}`));
            for (const [i, copy] of ((rule.copyActions ?? []) as any[]).entries()) {
                // A copy without its own lifecycle inherits the rule's, judged above.
                if (copy.lifecycle) problems.push(...lifecycleProblems(copy.lifecycle, false).map((p) => `rule ${name}, copy action ${i + 1}: ${p}`));
            }
        }
        return problems;
    },
};
