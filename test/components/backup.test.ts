import * as assert from "assert";
import { Backup, BackupArgs } from "../../components/backup";
import { scheduleConflicts } from "../../lib/rules/backup-windows";
import { installMocks, ofType, RecordedResource, settle, valueOf } from "../support/mocks";

const tags = { owner: "data", "cost-center": "cc-1", "data-classification": "confidential", environment: "test" };
const KEY = "arn:aws:kms:us-east-1:123456789012:key/backup-key";
const TOPIC = "arn:aws:sns:us-east-1:123456789012:alerts";
const DB = "arn:aws:rds:us-east-1:123456789012:db:app";
const BUCKET = "arn:aws:s3:::app-receipts";
const CLUSTER = "arn:aws:rds:us-east-1:123456789012:cluster:lms";

const args: BackupArgs = {
    kmsKeyArn: KEY,
    vaultLock: { mode: "compliance", minRetentionDays: 30, maxRetentionDays: 2557 },
    dailyRetentionDays: 35,
    longTermRule: { retentionDays: 2557 },
    copyToRegion: "us-west-2",
    resourceArns: [DB, BUCKET],
    notificationTopicArn: TOPIC,
    restoreTesting: {
        schedule: "cron(0 5 ? * SUN *)",
        databases: [{ name: "app", arn: DB, subnetGroupName: "app-db-subnets", securityGroupIds: ["sg-db"] }],
        validationWindowHours: 6,
    },
    databaseWindows: [{ backupWindow: "03:00-04:00", maintenanceWindow: "sun:04:30-sun:05:30" }],
    protect: true,
    tags,
};

describe("Backup component", () => {
    let recorded: RecordedResource[];
    let backup: Backup;
    const mine = (prefix = "bk") => recorded.filter((r) => r.name.startsWith(prefix));
    const rules = (prefix = "bk") => ofType(mine(prefix), "aws:backup/plan:Plan")[0].inputs.rules as any[];
    const rule = (ruleName: string, prefix = "bk") => {
        const found = rules(prefix).find((r) => r.ruleName === ruleName);
        assert.ok(found, `no ${ruleName} rule`);
        return found;
    };

    before(async () => {
        recorded = installMocks({ stack: "backup-test" });
        backup = new Backup("bk", args);
        new Backup("withlocal", { ...args, restoreTesting: undefined, regionLocalResourceArns: [CLUSTER] });
        new Backup("nocopy", { ...args, restoreTesting: undefined, copyToRegion: undefined, regionLocalResourceArns: [CLUSTER] });
        new Backup("plain", { ...args, vaultLock: { mode: "governance", minRetentionDays: 7, maxRetentionDays: 365 }, dailyRetentionDays: 7, copyToRegion: undefined, longTermRule: undefined, restoreTesting: undefined, continuousBackup: false, protect: false });
        await settle();
    });

    it("encrypts the vault with the CMK and locks it in compliance mode with a 3-day grace period", () => {
        const vault = ofType(mine(), "aws:backup/vault:Vault").find((r) => r.name === "bk")!;
        assert.strictEqual(vault.inputs.kmsKeyArn, KEY);
        assert.strictEqual(vault.inputs.forceDestroy, false);
        const lock = ofType(mine(), "aws:backup/vaultLockConfiguration:VaultLockConfiguration").find((r) => r.name === "bk")!;
        assert.strictEqual(lock.inputs.minRetentionDays, 30);
        assert.strictEqual(lock.inputs.maxRetentionDays, 2557);
        assert.strictEqual(lock.inputs.changeableForDays, 3);
    });

    it("leaves governance-mode locks without a grace period (removable with permission)", () => {
        const lock = ofType(mine("plain"), "aws:backup/vaultLockConfiguration:VaultLockConfiguration")[0];
        assert.strictEqual(lock.inputs.changeableForDays, undefined);
    });

    it("keeps daily backups for at least 30 days", () => {
        const daily = rule("daily");
        assert.strictEqual(daily.lifecycle.deleteAfter, 35);
        assert.ok(daily.lifecycle.deleteAfter >= 30);
        assert.match(daily.schedule, /^cron\(/);
    });

    it("runs continuous backups (point-in-time restore) within the 35-day limit", () => {
        const continuous = rule("continuous");
        assert.strictEqual(continuous.enableContinuousBackup, true);
        assert.strictEqual(continuous.lifecycle.deleteAfter, 35);
        assert.strictEqual(rules("plain").find((r) => r.ruleName === "continuous"), undefined, "continuous backup not switchable off");
    });

    it("keeps monthly backups for 7 years, without a cold-storage transition that RDS and S3 recovery points ignore", () => {
        const monthly = rule("monthly-long-term");
        assert.strictEqual(monthly.lifecycle.deleteAfter, 2557);
        for (const r of rules()) {
            assert.strictEqual(r.lifecycle.coldStorageAfter, undefined, r.ruleName);
            for (const copy of r.copyActions ?? []) {
                assert.strictEqual(copy.lifecycle.coldStorageAfter, undefined, `${r.ruleName} copy`);
            }
        }
        assert.match(monthly.schedule, /^cron\(\S+ \S+ 1 \* \? \*\)$/, "not monthly");
        assert.strictEqual(rules("plain").length, 1, "no long-term rule unless asked");
    });

    it("copies daily and monthly recovery points to a locked, KMS-encrypted vault in the DR region", async () => {
        const provider = ofType(mine(), "pulumi:providers:aws")[0];
        assert.strictEqual(provider.inputs.region, "us-west-2");
        const drVault = ofType(mine(), "aws:backup/vault:Vault").find((r) => r.name !== "bk")!;
        assert.ok(drVault.inputs.kmsKeyArn, "DR vault not encrypted with a key");
        assert.strictEqual(ofType(mine(), "aws:kms/key:Key").length, 1, "one DR key");
        assert.strictEqual(ofType(mine(), "aws:backup/vaultLockConfiguration:VaultLockConfiguration").length, 2, "DR vault not locked");
        const drVaultArn = await valueOf(backup.drVaultArn!);
        for (const name of ["daily", "monthly-long-term"]) {
            const copy = rule(name).copyActions;
            assert.strictEqual(copy.length, 1, `${name} not copied`);
            assert.strictEqual(copy[0].destinationVaultArn, drVaultArn);
            assert.strictEqual(copy[0].lifecycle.deleteAfter, rule(name).lifecycle.deleteAfter);
        }
        assert.strictEqual(rules("plain")[0].copyActions, undefined);
    });

    it("creates the DR key's alias in the DR region, with the key's provider (CreateAlias needs both in one region)", () => {
        const drKey = ofType(mine(), "aws:kms/key:Key").find((r) => r.name === "bk-dr")!;
        const drAlias = ofType(mine(), "aws:kms/alias:Alias").find((r) => r.name === "bk-dr")!;
        assert.ok(drKey.options.provider.includes("bk-dr-us-west-2"), `DR key provider: ${drKey.options.provider}`);
        assert.strictEqual(drAlias.options.provider, drKey.options.provider, "alias and key in different regions");
    });

    it("selects the databases and data buckets with a role holding the backup and restore policies", () => {
        const selection = ofType(mine(), "aws:backup/selection:Selection")[0];
        assert.deepStrictEqual(selection.inputs.resources, [DB, BUCKET]);
        assert.ok(selection.inputs.iamRoleArn);
        const role = ofType(mine(), "aws:iam/role:Role")[0];
        assert.strictEqual(JSON.parse(role.inputs.assumeRolePolicy).Statement[0].Principal.Service, "backup.amazonaws.com");
        const policies = ofType(mine(), "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((r) => r.name !== "bk-restore-testing").map((r) => r.inputs.policyArn).sort();
        assert.deepStrictEqual(policies, [
            "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Backup",
            "arn:aws:iam::aws:policy/AWSBackupServiceRolePolicyForS3Restore",
            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup",
            "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
        ]);
    });

    it("sends failed, aborted and expired backup, copy and restore jobs to the alert topic through EventBridge", () => {
        const rule = ofType(mine(), "aws:cloudwatch/eventRule:EventRule")[0];
        assert.ok(rule, "no EventBridge rule for Backup job state changes");
        const pattern = JSON.parse(rule.inputs.eventPattern);
        assert.deepStrictEqual(pattern.source, ["aws.backup"]);
        assert.deepStrictEqual([...pattern["detail-type"]].sort(), ["Backup Job State Change", "Copy Job State Change", "Restore Job State Change"]);
        assert.deepStrictEqual([...pattern.detail.state].sort(), ["ABORTED", "EXPIRED", "FAILED"]);
        const target = ofType(mine(), "aws:cloudwatch/eventTarget:EventTarget")[0];
        assert.strictEqual(target.inputs.arn, TOPIC);
    });

    it("subscribes the vault only to notification events that are not deprecated", () => {
        const notifications = ofType(mine(), "aws:backup/vaultNotifications:VaultNotifications")[0];
        assert.strictEqual(notifications.inputs.snsTopicArn, TOPIC);
        // PutBackupVaultNotifications lists these as deprecated: they send nothing.
        for (const deprecated of ["BACKUP_JOB_FAILED", "RESTORE_JOB_FAILED", "BACKUP_JOB_EXPIRED", "RESTORE_JOB_SUCCESSFUL", "BACKUP_JOB_SUCCESSFUL"]) {
            assert.ok(!notifications.inputs.backupVaultEvents.includes(deprecated), deprecated);
        }
    });

    it("schedules the daily and monthly rules outside the RDS backup window and the hour before maintenance", () => {
        assert.strictEqual(scheduleConflicts(rule("daily").schedule, rule("daily").startWindow, args.databaseWindows![0]), undefined);
        assert.strictEqual(scheduleConflicts(rule("monthly-long-term").schedule, rule("monthly-long-term").startWindow, args.databaseWindows![0]), undefined);
        assert.match(scheduleConflicts("cron(0 3 * * ? *)", 60, args.databaseWindows![0])!, /inside the RDS backup window/);
        assert.match(scheduleConflicts("cron(0 4 1 * ? *)", 60, args.databaseWindows![0])!, /hour before or during the RDS maintenance window/);
        assert.throws(() => new Backup("collide", { ...args, dailySchedule: "cron(30 3 * * ? *)" }), /daily rule \(cron\(30 3 \* \* \? \*\)\) starts inside the RDS backup window 03:00-04:00/);
        assert.throws(() => new Backup("collide2", { ...args, longTermRule: { retentionDays: 2557, schedule: "cron(0 4 1 * ? *)" } }), /monthly-long-term rule .* maintenance window/);
    });

    it("finds window conflicts across midnight and leaves non-fixed schedules unchecked, never silently passed", () => {
        const late = { backupWindow: "23:30-00:30", maintenanceWindow: "mon:01:00-mon:01:30" };
        assert.match(scheduleConflicts("cron(0 0 * * ? *)", 60, late)!, /inside the RDS backup window/);
        assert.match(scheduleConflicts("cron(45 22 * * ? *)", 60, late)!, /inside the RDS backup window/, "a start window reaching into the backup window");
        assert.match(scheduleConflicts("cron(15 0 * * ? *)", 30, { backupWindow: "10:00-10:30", maintenanceWindow: "sun:01:00-sun:01:30" })!, /hour before or during/);
        assert.strictEqual(scheduleConflicts("cron(0 12 * * ? *)", 60, late), undefined);
        assert.match(scheduleConflicts("cron(0 */2 * * ? *)", 60, late)!, /cannot be checked/);
    });

    it("restore-tests the databases on a schedule from the latest recovery point, kept private and small", async () => {
        const plan = ofType(mine(), "aws:backup/restoreTestingPlan:RestoreTestingPlan")[0];
        assert.strictEqual(plan.inputs.scheduleExpression, "cron(0 5 ? * SUN *)");
        assert.strictEqual(plan.inputs.recoveryPointSelection.algorithm, "LATEST_WITHIN_WINDOW");
        assert.deepStrictEqual([...plan.inputs.recoveryPointSelection.recoveryPointTypes].sort(), ["CONTINUOUS", "SNAPSHOT"]);
        assert.match(plan.inputs.name, /^[A-Za-z0-9_]+$/);
        const selection = ofType(mine(), "aws:backup/restoreTestingSelection:RestoreTestingSelection")[0];
        assert.strictEqual(selection.inputs.protectedResourceType, "RDS");
        assert.deepStrictEqual(selection.inputs.protectedResourceArns, [DB]);
        assert.strictEqual(selection.inputs.validationWindowHours, 6);
        assert.strictEqual(selection.inputs.restoreMetadataOverrides.publiclyaccessible, "false");
        assert.strictEqual(selection.inputs.restoreMetadataOverrides.multiaz, "false");
        assert.ok(selection.inputs.iamRoleArn);
        assert.strictEqual(await valueOf(backup.restoreTestingPlanName!), plan.inputs.name);
        assert.strictEqual(ofType(mine("plain"), "aws:backup/restoreTestingPlan:RestoreTestingPlan").length, 0);
    });

    it("restores test copies into the platform's network under a role of their own, never the default VPC", () => {
        const selection = ofType(mine(), "aws:backup/restoreTestingSelection:RestoreTestingSelection")[0];
        assert.strictEqual(selection.inputs.restoreMetadataOverrides.dbsubnetgroupname, "app-db-subnets");
        assert.deepStrictEqual(JSON.parse(selection.inputs.restoreMetadataOverrides.vpcsecuritygroupids), ["sg-db"]);
        const testingRole = ofType(mine(), "aws:iam/role:Role").find((r) => r.name === "bk-restore-testing");
        assert.ok(testingRole, "restore testing has no role of its own");
        const testingPolicies = ofType(mine(), "aws:iam/rolePolicyAttachment:RolePolicyAttachment").filter((r) => r.name === "bk-restore-testing");
        assert.deepStrictEqual(testingPolicies.map((r) => r.inputs.policyArn), ["arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores"]);
    });

    it("backs up what AWS Backup cannot copy to another Region with a second plan of the same rules and no copy action", () => {
        const plans = ofType(mine("withlocal"), "aws:backup/plan:Plan");
        assert.strictEqual(plans.length, 2);
        const [copying, local] = [plans.find((p) => p.name === "withlocal")!, plans.find((p) => p.name === "withlocal-region-local")!];
        assert.ok(copying.inputs.rules.some((r: any) => r.copyActions?.length), "the main plan copies");
        assert.deepStrictEqual(local.inputs.rules.map((r: any) => r.ruleName), copying.inputs.rules.map((r: any) => r.ruleName));
        assert.ok(local.inputs.rules.every((r: any) => r.copyActions === undefined), "the Region-local plan copies nothing");
        assert.deepStrictEqual(local.inputs.rules.map((r: any) => r.lifecycle), copying.inputs.rules.map((r: any) => r.lifecycle));
        assert.strictEqual(local.options.protect, true);
        const selections = ofType(mine("withlocal"), "aws:backup/selection:Selection");
        assert.deepStrictEqual(selections.map((s) => [s.name, s.inputs.resources]).sort(), [["withlocal", [DB, BUCKET]], ["withlocal-region-local", [CLUSTER]]]);
        // Without a copy there is one plan, and they join its selection.
        assert.strictEqual(ofType(mine("nocopy"), "aws:backup/plan:Plan").length, 1);
        assert.deepStrictEqual(ofType(mine("nocopy"), "aws:backup/selection:Selection")[0].inputs.resources, [DB, BUCKET, CLUSTER]);
    });

    it("protects the vaults, locks and plan in production only", () => {
        for (const type of ["aws:backup/vault:Vault", "aws:backup/vaultLockConfiguration:VaultLockConfiguration", "aws:backup/plan:Plan"]) {
            for (const r of ofType(mine(), type)) {
                assert.strictEqual(r.options.protect, true, r.key);
                assert.strictEqual(r.options.retainOnDelete, true, r.key);
            }
            assert.strictEqual(ofType(mine("plain"), type)[0].options.protect, false, type);
        }
    });

    it("tags the taggable resources and parents every child", () => {
        for (const type of ["aws:backup/vault:Vault", "aws:backup/plan:Plan", "aws:iam/role:Role", "aws:backup/restoreTestingPlan:RestoreTestingPlan"]) {
            for (const r of ofType(mine(), type)) {
                assert.strictEqual(r.inputs.tags?.owner, "data", r.key);
            }
        }
        for (const r of mine().filter((r) => r.type !== "platform:data:Backup")) {
            assert.ok(r.options.parent.includes("platform:data:Backup"), `${r.key} not parented`);
        }
    });

    it("rejects a daily retention below the vault lock's minimum", () => {
        assert.throws(() => new Backup("short", { ...args, dailyRetentionDays: 14 }), /the daily rule keeps recovery points 14 days, below the vault lock's minRetentionDays 30/);
    });

    it("rejects any rule outside the lock's bounds (the vault would fail its jobs), and invalid bounds", () => {
        assert.throws(() => new Backup("long", { ...args, longTermRule: { retentionDays: 3000 } }), /the monthly long-term rule keeps recovery points 3000 days, above the vault lock's maxRetentionDays 2557/);
        // Continuous backups keep at most 35 days: a lock minimum above that fails every continuous job.
        assert.throws(() => new Backup("pitr", { ...args, vaultLock: { mode: "compliance", minRetentionDays: 40, maxRetentionDays: 2557 }, dailyRetentionDays: 40 }), /the continuous rule keeps recovery points 35 days, below the vault lock's minRetentionDays 40/);
        assert.doesNotThrow(() => new Backup("pitr-off", { ...args, vaultLock: { mode: "compliance", minRetentionDays: 40, maxRetentionDays: 2557 }, dailyRetentionDays: 40, continuousBackup: false, protect: false }));
        assert.throws(() => new Backup("inverted", { ...args, vaultLock: { mode: "compliance", minRetentionDays: 40, maxRetentionDays: 30 } }), /maxRetentionDays 30 must be an integer ≥ minRetentionDays 40/);
        assert.throws(() => new Backup("grace", { ...args, vaultLock: { mode: "compliance", minRetentionDays: 30, maxRetentionDays: 2557, changeableForDays: 1 } }), /changeableForDays 1 is below 3/);
    });
});
