import { UNKNOWN, type RuleCases, type StackResource } from "../../cases";

/** Cases of backup-vault-locked (test/policies/unit.test.ts runs them in-process). */
const vault = (name = "v"): StackResource => ({ type: "aws:backup/vault:Vault", name, props: {} });
const lock = (props: Record<string, unknown>, vaultName = "v", name = "l"): StackResource =>
    ({ type: "aws:backup/vaultLockConfiguration:VaultLockConfiguration", name, deps: { backupVaultName: [vaultName] }, props });

export const cases: RuleCases = {
    compliant: [{ title: "locked", stack: [vault(), lock({ changeableForDays: 3 })], config: { requireComplianceMode: true } },
        { title: "governance mode where compliance is not required (the default)", stack: [vault(), lock({ minRetentionDays: 7 })] }],
    violating: [{ title: "no lock", stack: [vault()], flagged: ["v"] },
        { title: "governance mode where compliance is required", stack: [vault(), lock({})], config: { requireComplianceMode: true }, flagged: ["v"] },
        { title: "a lock on another vault only", stack: [vault(), vault("other"), lock({ changeableForDays: 3 }, "other")], flagged: ["v"] },
        // A resource depending on the vault's name that is not a lock (notifications) does not lock it.
        { title: "vault notifications are not a lock", stack: [vault(), { type: "aws:backup/vaultNotifications:VaultNotifications", name: "n", deps: { backupVaultName: ["v"] }, props: { snsTopicArn: "arn:aws:sns:eu-west-1:111122223333:t", backupVaultEvents: ["BACKUP_JOB_COMPLETED"] } }], flagged: ["v"] }],
    unknown: [{ title: "lock mode unknown on one vault, the other still flagged", expect: "not-judged", config: { requireComplianceMode: true }, flagged: ["bare"],
        stack: [vault(), lock({ changeableForDays: UNKNOWN }), vault("bare")] }],
};
