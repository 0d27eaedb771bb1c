import * as assert from "assert";
import type { StackResource } from "../../../policies/cases";
import { rule as planRetention } from "../../../policies/rules/backup/plan-retention";
import { rule as vaultEncrypted } from "../../../policies/rules/backup/vault-encrypted";
import { rule as vaultLocked } from "../../../policies/rules/backup/vault-locked";
import { runResourceRule, runStackRule } from "../harness";

/** The backup rules' messages, which a reader of the report acts on (the decisions are in the rules' cases beside them). */
const PLAN = "aws:backup/plan:Plan";
const plan = (props: Record<string, unknown>, config: Record<string, unknown> = {}) => runResourceRule(planRetention, { type: PLAN, props, config }).violations.map((v) => v.message);

describe("backup rules: messages", () => {
    it("backup-plan-retention names each rule's problem and the plan's missing long-term rule", () => {
        assert.deepStrictEqual(plan({ tags: { "data-classification": "restricted" }, rules: [{ ruleName: "forever" }, { ruleName: "short", lifecycle: { deleteAfter: 3 } }] }), [
            "rule forever never deletes recovery points: set an explicit lifecycle.deleteAfter",
            "rule short keeps recovery points 3 days, below the floor of 7",
            "plan for restricted data has no long-term rule keeping recovery points 2557 days or more",
        ]);
        // The floor a continuous rule is held to is at most 35 days (AWS Backup keeps continuous backups 1–35 days).
        assert.deepStrictEqual(plan({ rules: [{ ruleName: "pitr", enableContinuousBackup: true, lifecycle: { deleteAfter: 30 } }] }, { minimumDays: 60 }),
            ["rule pitr keeps recovery points 30 days, below the floor of 35"]);
    });

    it("backup-vault-encrypted", () => {
        assert.deepStrictEqual(runResourceRule(vaultEncrypted, { type: "aws:backup/vault:Vault", props: {} }).violations.map((v) => v.message), ["vault has no kmsKeyArn"]);
    });

    it("backup-vault-locked: no lock, or governance mode where compliance is required", () => {
        const vault: StackResource = { type: "aws:backup/vault:Vault", name: "v", props: {} };
        const lock: StackResource = { type: "aws:backup/vaultLockConfiguration:VaultLockConfiguration", name: "l", deps: { backupVaultName: ["v"] }, props: { minRetentionDays: 7 } };
        assert.deepStrictEqual(runStackRule(vaultLocked, [vault]).violations.map((v) => v.message), ["vault v has no vault lock"]);
        assert.deepStrictEqual(runStackRule(vaultLocked, [vault, lock], { requireComplianceMode: true }).violations.map((v) => v.message),
            ["vault v is locked in governance mode; compliance mode (changeableForDays) is required"]);
    });
});
