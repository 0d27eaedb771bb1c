import { PolicyResource } from "@pulumi/policy";
import { isUnknown, read } from "./common";

/**
 * Which vault each rule and copy action of a Backup plan writes to. A plan's `rules` is one property, so its property
 * dependencies name every vault of every rule together; a rule's vault is found by its known name (targetVaultName vs
 * the vault's name or its lock's backupVaultName) or ARN (destinationVaultArn ends with `:backup-vault:<name>`), and
 * when a value is unknown, by elimination among the vaults the plan depends on. undefined: not determinable.
 */
export interface PlanTarget {
    /** `rule <name>` or `rule <name>, copy action <n>` */
    label: string;
    lifecycle?: { deleteAfter?: number; coldStorageAfter?: number };
    continuous: boolean;
    vault: PolicyResource | undefined;
}

export const VAULT = "aws:backup/vault:Vault";
export const VAULT_LOCK = "aws:backup/vaultLockConfiguration:VaultLockConfiguration";

/** A vault's physical name as far as it is known: its `name` input or the name its lock configuration uses. */
function vaultNames(vault: PolicyResource, resources: PolicyResource[]): string[] {
    const names = [read(() => vault.props.name)];
    for (const lock of resources.filter((l) => l.type === VAULT_LOCK && (l.propertyDependencies.backupVaultName ?? []).some((d) => d.urn === vault.urn))) {
        names.push(read(() => lock.props.backupVaultName));
    }
    return names.filter((n): n is string => typeof n === "string" && n.length > 0);
}

export function planTargets(plan: PolicyResource, resources: PolicyResource[]): PlanTarget[] | undefined {
    const rules = read(() => plan.props.rules);
    if (isUnknown(rules) || !Array.isArray(rules)) return isUnknown(rules) ? undefined : [];
    const candidates = (plan.propertyDependencies.rules ?? []).filter((d) => d.type === VAULT);
    const allVaults = resources.filter((r) => r.type === VAULT);
    const byName = (name: unknown) => (typeof name === "string" ? allVaults.find((v) => vaultNames(v, resources).includes(name)) : undefined);
    const byArn = (arn: unknown) => (typeof arn === "string" ? byName(arn.split(":backup-vault:")[1]) : undefined);
    const targets: PlanTarget[] = [];
    const pending: Array<{ target: PlanTarget; kind: "target" | "copy" }> = [];
    for (const rule of rules as any[]) {
        const name = read(() => rule.ruleName) as string;
        const base = {
            lifecycle: read(() => rule.lifecycle) as PlanTarget["lifecycle"],
            continuous: read(() => rule.enableContinuousBackup) === true,
        };
        const targetName = read(() => rule.targetVaultName);
        const target: PlanTarget = { label: `rule ${name}`, ...base, vault: byName(targetName) };
        targets.push(target);
        // Only an unknown name is resolved by elimination: a known one that names no vault here is a vault outside the program.
        if (!target.vault && isUnknown(targetName)) pending.push({ target, kind: "target" });
        const copies = read(() => rule.copyActions);
        for (const [i, copy] of (Array.isArray(copies) ? copies : []).entries()) {
            const arn = read(() => copy.destinationVaultArn);
            const copyTarget: PlanTarget = {
                label: `rule ${name}, copy action ${i + 1}`,
                lifecycle: (read(() => copy.lifecycle) as PlanTarget["lifecycle"]) ?? base.lifecycle,
                continuous: false,
                vault: byArn(arn),
            };
            targets.push(copyTarget);
            if (!copyTarget.vault && isUnknown(arn)) pending.push({ target: copyTarget, kind: "copy" });
        }
    }
    // By elimination: rules write to the vaults no copy goes to and vice versa, when that leaves exactly one.
    const resolvedTargets = new Set(targets.filter((t) => !t.label.includes("copy") && t.vault).map((t) => t.vault!.urn));
    const resolvedCopies = new Set(targets.filter((t) => t.label.includes("copy") && t.vault).map((t) => t.vault!.urn));
    for (const { target, kind } of pending) {
        const exclude = kind === "target" ? resolvedCopies : resolvedTargets;
        const left = candidates.filter((v) => !exclude.has(v.urn));
        const unique = [...new Map(left.map((v) => [v.urn, v])).values()];
        if (unique.length === 1) target.vault = unique[0];
    }
    return targets;
}
