import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createPlatformKey } from "../lib/kms";
import { childName } from "../lib/naming";
import { Tags } from "../lib/tags";

/** Days AWS Backup keeps continuous (point-in-time) backups at most. */
export const MAX_CONTINUOUS_RETENTION_DAYS = 35;

export interface BackupArgs {
    /** Customer-managed key of the vault. */
    kmsKeyArn: pulumi.Input<string>;
    /**
     * Vault lock. `compliance` cannot be removed once `changeableForDays` has passed, not even by the root user: what is
     * backed up stays for its retention (production). `governance` can be lifted with special permissions.
     */
    vaultLock: { mode: "compliance" | "governance"; minRetentionDays: number; maxRetentionDays: number; changeableForDays?: number };
    /** Retention of the daily snapshots. */
    dailyRetentionDays: number;
    /** Continuous backups for point-in-time restore of RDS (RPO well under the seeds' 1 hour). */
    continuousBackup?: boolean;
    /** Monthly rule for long-lived records (7 years = 2557 days for financial records). */
    longTermRule?: { retentionDays: number; coldStorageAfterDays?: number; schedule?: string };
    /** Copy every recovery point to a vault in this region (disaster recovery). */
    copyToRegion?: string;
    /** Databases and data buckets to back up. */
    resourceArns: pulumi.Input<string>[];
    /** Alert topic for failed jobs (its policy must let backup.amazonaws.com publish). */
    notificationTopicArn: pulumi.Input<string>;
    /** Restore testing: restore the databases on a schedule and keep the result for validation, so backups are proven. */
    restoreTesting?: { schedule: string; databaseArns: pulumi.Input<string>[]; validationWindowHours?: number };
    /** Pulumi `protect` + `retainOnDelete` on vaults and the plan (production). */
    protect: boolean;
    /** Tags for every resource. */
    tags: Tags;
}

/**
 * AWS Backup for one environment: a KMS-encrypted, locked vault; a plan with daily, continuous and monthly
 * (7-year) rules, optionally copied to a DR region; a selection of the databases and data buckets; notifications of
 * failed jobs; and a restore-testing plan that restores the databases on a schedule.
 */
export class Backup extends pulumi.ComponentResource {
    public readonly vaultName: pulumi.Output<string>;
    public readonly vaultArn: pulumi.Output<string>;
    public readonly planId: pulumi.Output<string>;
    public readonly planArn: pulumi.Output<string>;
    public readonly restoreTestingPlanName?: pulumi.Output<string>;
    public readonly drVaultArn?: pulumi.Output<string>;

    constructor(name: string, args: BackupArgs, opts?: pulumi.ComponentResourceOptions) {
        if (args.dailyRetentionDays < args.vaultLock.minRetentionDays) {
            throw new Error(`Backup ${name}: daily retention ${args.dailyRetentionDays} is below the vault lock minimum ${args.vaultLock.minRetentionDays}`);
        }
        super("platform:data:Backup", name, {}, opts);
        const parent = { parent: this };
        const stateful = { parent: this, protect: args.protect, retainOnDelete: args.protect };

        const vault = new aws.backup.Vault(name, { kmsKeyArn: args.kmsKeyArn, forceDestroy: false, tags: args.tags }, stateful);
        new aws.backup.VaultLockConfiguration(name, {
            backupVaultName: vault.name,
            minRetentionDays: args.vaultLock.minRetentionDays,
            maxRetentionDays: args.vaultLock.maxRetentionDays,
            // Set only for compliance mode: it is the grace period after which the lock is immutable.
            changeableForDays: args.vaultLock.mode === "compliance" ? args.vaultLock.changeableForDays ?? 3 : undefined,
        }, stateful);

        let drVaultArn: pulumi.Output<string> | undefined;
        if (args.copyToRegion) {
            const drProvider = new aws.Provider(childName(name, "dr", args.copyToRegion), { region: args.copyToRegion as aws.Region }, parent);
            const drOpts = { parent: this, provider: drProvider, protect: args.protect, retainOnDelete: args.protect };
            const drKey = createPlatformKey(childName(name, "dr"), {
                description: `Backup copies of ${name} in ${args.copyToRegion}`,
                services: ["backup"],
                tags: args.tags,
            }, drOpts);
            const drVault = new aws.backup.Vault(childName(name, "dr"), { kmsKeyArn: drKey.key.arn, tags: args.tags }, drOpts);
            new aws.backup.VaultLockConfiguration(childName(name, "dr"), {
                backupVaultName: drVault.name,
                minRetentionDays: args.vaultLock.minRetentionDays,
                maxRetentionDays: args.vaultLock.maxRetentionDays,
                changeableForDays: args.vaultLock.mode === "compliance" ? args.vaultLock.changeableForDays ?? 3 : undefined,
            }, drOpts);
            drVaultArn = drVault.arn;
        }
        const copyTo = (deleteAfter: number) => drVaultArn ? [{ destinationVaultArn: drVaultArn, lifecycle: { deleteAfter } }] : undefined;

        const rules: aws.types.input.backup.PlanRule[] = [{
            ruleName: "daily",
            targetVaultName: vault.name,
            schedule: "cron(0 3 * * ? *)",
            startWindow: 60,
            completionWindow: 360,
            lifecycle: { deleteAfter: args.dailyRetentionDays },
            copyActions: copyTo(args.dailyRetentionDays),
            recoveryPointTags: args.tags,
        }];
        if (args.continuousBackup ?? true) {
            rules.push({
                ruleName: "continuous",
                targetVaultName: vault.name,
                schedule: "cron(0 * * * ? *)",
                enableContinuousBackup: true,
                lifecycle: { deleteAfter: Math.min(args.dailyRetentionDays, MAX_CONTINUOUS_RETENTION_DAYS) },
                recoveryPointTags: args.tags,
            });
        }
        if (args.longTermRule) {
            const cold = args.longTermRule.coldStorageAfterDays ?? 90;
            rules.push({
                ruleName: "monthly-long-term",
                targetVaultName: vault.name,
                schedule: args.longTermRule.schedule ?? "cron(0 4 1 * ? *)",
                startWindow: 60,
                completionWindow: 720,
                // Cold storage needs 90 days before deletion; long-term retention is far beyond that.
                lifecycle: { coldStorageAfter: cold, deleteAfter: args.longTermRule.retentionDays },
                copyActions: copyTo(args.longTermRule.retentionDays),
                recoveryPointTags: { ...args.tags, retention: "long-term" },
            });
        }
        const plan = new aws.backup.Plan(name, { rules, tags: args.tags }, stateful);

        const role = new aws.iam.Role(childName(name, "role"), {
            assumeRolePolicy: JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" }],
            }),
            tags: args.tags,
        }, parent);
        for (const policy of [
            "service-role/AWSBackupServiceRolePolicyForBackup",
            "service-role/AWSBackupServiceRolePolicyForRestores",
            "AWSBackupServiceRolePolicyForS3Backup",
            "AWSBackupServiceRolePolicyForS3Restore",
        ]) {
            new aws.iam.RolePolicyAttachment(childName(name, policy.split("/").pop()!.replace("AWSBackupServiceRolePolicyFor", "").toLowerCase()), {
                role: role.name,
                policyArn: `arn:aws:iam::aws:policy/${policy}`,
            }, parent);
        }
        new aws.backup.Selection(name, { planId: plan.id, iamRoleArn: role.arn, resources: args.resourceArns }, parent);

        new aws.backup.VaultNotifications(name, {
            backupVaultName: vault.name,
            snsTopicArn: args.notificationTopicArn,
            backupVaultEvents: ["BACKUP_JOB_FAILED", "RESTORE_JOB_FAILED", "COPY_JOB_FAILED", "S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED"],
        }, parent);

        let restoreTestingPlanName: pulumi.Output<string> | undefined;
        if (args.restoreTesting) {
            const testingPlan = new aws.backup.RestoreTestingPlan(name, {
                // Restore-testing plan names allow letters, digits and underscores only.
                name: `${name.replace(/[^A-Za-z0-9]/g, "_")}_restore_test`,
                scheduleExpression: args.restoreTesting.schedule,
                startWindowHours: 24,
                recoveryPointSelection: {
                    algorithm: "LATEST_WITHIN_WINDOW",
                    includeVaults: [vault.arn],
                    recoveryPointTypes: ["CONTINUOUS", "SNAPSHOT"],
                    selectionWindowDays: 7,
                },
                tags: args.tags,
            }, parent);
            new aws.backup.RestoreTestingSelection(name, {
                name: `${name.replace(/[^A-Za-z0-9]/g, "_")}_databases`,
                restoreTestingPlanName: testingPlan.name,
                protectedResourceType: "RDS",
                protectedResourceArns: args.restoreTesting.databaseArns,
                iamRoleArn: role.arn,
                validationWindowHours: args.restoreTesting.validationWindowHours ?? 4,
                // Restored copies stay private and small; the restore itself is the test.
                restoreMetadataOverrides: { publiclyaccessible: "false", multiaz: "false" },
            }, parent);
            restoreTestingPlanName = testingPlan.name;
        }

        this.vaultName = vault.name;
        this.vaultArn = vault.arn;
        this.planId = plan.id;
        this.planArn = plan.arn;
        this.restoreTestingPlanName = restoreTestingPlanName;
        this.drVaultArn = drVaultArn;
        this.registerOutputs({ vaultName: this.vaultName, vaultArn: this.vaultArn, planArn: this.planArn, restoreTestingPlanName, drVaultArn });
    }
}
