import { RuleFinding, StackRule } from "../../framework";
import { BACKUP_DOCS, isForever, VAULT_LOCK_MIN_CHANGEABLE_DAYS, VAULT_LOCK_MIN_RETENTION_DAYS } from "../../../lib/rules/backup-limits";
import { at, isUnknown, notJudged, read } from "./common";
import { planTargets, VAULT, VAULT_LOCK } from "./backup-plan-vaults";
import { BACKUP } from "../../controls";

const NAME = "deploy-backup-vault-lock-bounds";

/**
 * A locked vault fails every backup or copy job whose retention lies outside the lock's bounds: "If the job's retention
 * period is shorter than that minimum retention period, then the vault fails that backup or copy job" (and likewise
 * above the maximum; a job kept forever exceeds any maximum). The lock itself needs changeableForDays ≥ 3 and
 * minRetentionDays ≤ maxRetentionDays.
 */
export const rule: StackRule = {
    name: NAME,
    controls: { ...BACKUP, soc2: ["CC8.1", "A1.2", "CC9.1"] },
    displayName: "Deploy validity: Backup rules fit their vault's lock",
    description: `Every Backup plan rule and copy action that writes to a locked vault keeps recovery points between the lock's minRetentionDays and maxRetentionDays, and every lock is valid (changeableForDays ≥ ${VAULT_LOCK_MIN_CHANGEABLE_DAYS}, ${VAULT_LOCK_MIN_RETENTION_DAYS} ≤ min ≤ max) — AWS PutBackupVaultLockConfiguration: a job outside the bounds fails (${BACKUP_DOCS.vaultLock}).`,
    remediation: "Make each rule's (and copy action's) lifecycle.deleteAfter fall within the target vault lock's minRetentionDays–maxRetentionDays, or write that rule to another vault; continuous backups (≤ 35 days) cannot go to a vault whose minimum is above 35.",
    severity: "critical",
    check: (resources) => {
        const findings: RuleFinding[] = [];
        const locks = resources.filter((r) => r.type === VAULT_LOCK);
        const lockOf = new Map<string, { min?: number; max?: number; lock: (typeof locks)[number] }>();
        for (const lock of locks) {
            const min = read(() => lock.props.minRetentionDays);
            const max = read(() => lock.props.maxRetentionDays);
            const changeable = read(() => lock.props.changeableForDays);
            if (isUnknown(min) || isUnknown(max) || isUnknown(changeable)) {
                findings.push(...notJudged(NAME, lock, ["minRetentionDays", "maxRetentionDays", "changeableForDays"].filter((p) => isUnknown(read(() => lock.props[p])))));
                continue;
            }
            if (typeof changeable === "number" && changeable < VAULT_LOCK_MIN_CHANGEABLE_DAYS) {
                findings.push(at(lock, `${lock.name}: changeableForDays ${changeable} is below ${VAULT_LOCK_MIN_CHANGEABLE_DAYS} (AWS enforces a 72-hour cooling-off period)`));
            }
            if (typeof min === "number" && min < VAULT_LOCK_MIN_RETENTION_DAYS) {
                findings.push(at(lock, `${lock.name}: minRetentionDays ${min} is below ${VAULT_LOCK_MIN_RETENTION_DAYS}`));
            }
            if (typeof min === "number" && typeof max === "number" && min > max) {
                findings.push(at(lock, `${lock.name}: minRetentionDays ${min} is above maxRetentionDays ${max}`));
            }
            const byDependency = (lock.propertyDependencies.backupVaultName ?? []).filter((d) => d.type === VAULT);
            const literal = read(() => lock.props.backupVaultName);
            const vaults = byDependency.length > 0 ? byDependency : resources.filter((v) => v.type === VAULT && typeof literal === "string" && read(() => v.props.name) === literal);
            for (const vault of vaults) {
                lockOf.set(vault.urn, { min: typeof min === "number" ? min : undefined, max: typeof max === "number" ? max : undefined, lock });
            }
        }
        if (lockOf.size === 0) return findings;
        for (const plan of resources.filter((r) => r.type === "aws:backup/plan:Plan")) {
            const targets = planTargets(plan, resources);
            if (!targets) {
                findings.push(...notJudged(NAME, plan, ["rules"]));
                continue;
            }
            for (const target of targets) {
                if (!target.vault) {
                    if ((plan.propertyDependencies.rules ?? []).some((d) => lockOf.has(d.urn))) findings.push(...notJudged(NAME, plan, [target.label.includes("copy") ? "rules.copyActions.destinationVaultArn" : "rules.targetVaultName"]));
                    continue;
                }
                const bounds = lockOf.get(target.vault.urn);
                if (!bounds) continue;
                const deleteAfter = read(() => target.lifecycle?.deleteAfter);
                if (isUnknown(deleteAfter)) {
                    findings.push(...notJudged(NAME, plan, [target.label.includes("copy") ? "rules.copyActions.lifecycle.deleteAfter" : "rules.lifecycle.deleteAfter"]));
                    continue;
                }
                const forever = isForever(deleteAfter as number | undefined);
                const where = `${plan.name} ${target.label} writes to ${target.vault.name}, locked by ${bounds.lock.name}`;
                if (forever && bounds.max !== undefined) {
                    findings.push(at(plan, `${where}: it keeps recovery points forever (no deleteAfter) but the lock's maxRetentionDays is ${bounds.max}; the vault fails the job`));
                } else if (!forever && bounds.min !== undefined && (deleteAfter as number) < bounds.min) {
                    findings.push(at(plan, `${where}: deleteAfter ${deleteAfter} is below the lock's minRetentionDays ${bounds.min}; the vault fails the job`));
                } else if (!forever && bounds.max !== undefined && (deleteAfter as number) > bounds.max) {
                    findings.push(at(plan, `${where}: deleteAfter ${deleteAfter} is above the lock's maxRetentionDays ${bounds.max}; the vault fails the job`));
                }
            }
        }
        return findings;
    },
};
