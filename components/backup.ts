import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createPlatformKey } from "../lib/kms";
import { childName } from "../lib/naming";
import { continuousRetentionDays, VAULT_LOCK_MIN_CHANGEABLE_DAYS, vaultLockBoundsProblem, vaultLockRetentionProblem } from "../lib/rules/backup-limits";
import { scheduleConflicts, RdsWindows } from "../lib/rules/backup-windows";
import { Tags } from "../lib/tags";

export interface BackupArgs {
    /** Customer-managed key of the vault. */
    kmsKeyArn: pulumi.Input<string>;
    /**
     * Vault lock. `compliance` cannot be removed once `changeableForDays` has passed, not even by the root user: what is
     * backed up stays for its retention (production). `governance` can be lifted with special permissions.
     * The bounds must be fixed values (the stacks use lib/rules/backup-limits.ts VAULT_LOCK_BOUNDS), never derived from
     * the retentions below: the lock's inputs force replacement and a compliance lock is immutable after its
     * changeable days, so bounds that moved with a retention edit would make `up` fail. Every rule must fit inside them.
     */
    vaultLock: { mode: "compliance" | "governance"; minRetentionDays: number; maxRetentionDays: number; changeableForDays?: number };
    /** Retention of the daily snapshots. */
    dailyRetentionDays: number;
    /** Continuous backups for point-in-time restore of RDS (RPO well under the seeds' 1 hour). */
    continuousBackup?: boolean;
    /**
     * Monthly rule for long-lived records (7 years = 2557 days for financial records). No cold storage: AWS Backup
     * tiers only resources with full AWS Backup management to cold storage, and RDS snapshots and S3 recovery points
     * (the only resources this plan protects) are not among them, so a `coldStorageAfter` would have no effect.
     */
    longTermRule?: { retentionDays: number; schedule?: string };
    /** Daily rule's schedule (default 06:00 UTC, after the databases' backup and maintenance windows). */
    dailySchedule?: string;
    /**
     * The protected databases' RDS windows. AWS Backup starts no DB job in an instance's backup window or in the hour
     * before its maintenance window; a rule scheduled there is skipped or delayed, so every schedule is checked.
     */
    databaseWindows?: RdsWindows[];
    /** Copy every recovery point to a vault in this region (disaster recovery). */
    copyToRegion?: string;
    /** Databases and data buckets to back up. */
    resourceArns: pulumi.Input<string>[];
    /**
     * Resources AWS Backup cannot copy to another Region (RDS Multi-AZ DB clusters: `CROSS_REGION_COPY_UNSUPPORTED`
     * in lib/rules/backup-limits.ts). With `copyToRegion` they are backed up by a second plan with the same rules and
     * no copy action, so their copy jobs do not fail every day; without it they join the main selection.
     */
    regionLocalResourceArns?: pulumi.Input<string>[];
    /** Alert topic for failed jobs (its policy must let backup.amazonaws.com publish). */
    notificationTopicArn: pulumi.Input<string>;
    /**
     * Restore testing: restore the databases on a schedule and keep the result for validation, so backups are proven.
     * Each database is restored into the platform's network (its own subnet group and security group), never into the
     * default VPC, which may not exist and is outside the platform's controls.
     */
    restoreTesting?: { schedule: string; databases: RestoreTestDatabase[]; validationWindowHours?: number };
    /** Pulumi `protect` + `retainOnDelete` on vaults and the plan (production). */
    protect: boolean;
    /** Tags for every resource. */
    tags: Tags;
}

export interface RestoreTestDatabase {
    /** Short logical name (letters, digits, `_`), e.g. `mita_api`. */
    name: string;
    /** AWS Backup's protected-resource type: `RDS` (a DB instance) or `Aurora` (an Aurora cluster). */
    resourceType?: "RDS" | "Aurora";
    /** ARN of the RDS instance or Aurora cluster. */
    arn: pulumi.Input<string>;
    /** DB subnet group the test restore is placed in. */
    subnetGroupName: pulumi.Input<string>;
    /** Security groups of the restored instance (the database's own: it admits only the application). */
    securityGroupIds: pulumi.Input<string>[];
}

/** Backup, copy and restore job states that need a human (EventBridge `aws.backup` job state change events). */
export const FAILED_JOB_STATES = ["FAILED", "ABORTED", "EXPIRED"];
export const BACKUP_JOB_EVENT_TYPES = ["Backup Job State Change", "Copy Job State Change", "Restore Job State Change"];
/**
 * Vault events still delivered by PutBackupVaultNotifications that no job-state event covers (per-object S3 failures).
 * `BACKUP_JOB_FAILED`/`RESTORE_JOB_FAILED` are deprecated there and send nothing.
 */
export const VAULT_NOTIFICATION_EVENTS = ["S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED"];

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
        const lockProblems = [
            vaultLockBoundsProblem(args.vaultLock),
            args.vaultLock.changeableForDays !== undefined && args.vaultLock.changeableForDays < VAULT_LOCK_MIN_CHANGEABLE_DAYS
                ? `changeableForDays ${args.vaultLock.changeableForDays} is below ${VAULT_LOCK_MIN_CHANGEABLE_DAYS}` : undefined,
            // A locked vault fails every job (and copy job: the DR vault has the same lock) outside its bounds.
            vaultLockRetentionProblem("the daily rule", args.dailyRetentionDays, args.vaultLock),
            (args.continuousBackup ?? true) ? vaultLockRetentionProblem("the continuous rule", continuousRetentionDays(args.dailyRetentionDays), args.vaultLock) : undefined,
            args.longTermRule ? vaultLockRetentionProblem("the monthly long-term rule", args.longTermRule.retentionDays, args.vaultLock) : undefined,
        ].filter((p): p is string => !!p);
        if (lockProblems.length > 0) {
            throw new Error(`Backup ${name}: ${lockProblems.join("; ")}`);
        }
        const dailySchedule = args.dailySchedule ?? "cron(0 6 * * ? *)";
        const monthlySchedule = args.longTermRule?.schedule ?? "cron(0 7 1 * ? *)";
        for (const [rule, schedule] of [["daily", dailySchedule], ...(args.longTermRule ? [["monthly-long-term", monthlySchedule]] : [])]) {
            for (const windows of args.databaseWindows ?? []) {
                const conflict = scheduleConflicts(schedule, 60, windows);
                if (conflict) {
                    throw new Error(`Backup ${name}: the ${rule} rule (${schedule}) ${conflict}; AWS Backup starts no RDS job there`);
                }
            }
        }
        // Everything above only validates: a rejected input registers nothing.
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
            schedule: dailySchedule,
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
                lifecycle: { deleteAfter: continuousRetentionDays(args.dailyRetentionDays) },
                recoveryPointTags: args.tags,
            });
        }
        if (args.longTermRule) {
            rules.push({
                ruleName: "monthly-long-term",
                targetVaultName: vault.name,
                schedule: monthlySchedule,
                startWindow: 60,
                completionWindow: 720,
                lifecycle: { deleteAfter: args.longTermRule.retentionDays },
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
        const regionLocal = args.regionLocalResourceArns ?? [];
        const copied = drVaultArn ? args.resourceArns : [...args.resourceArns, ...regionLocal];
        new aws.backup.Selection(name, { planId: plan.id, iamRoleArn: role.arn, resources: copied }, parent);
        if (drVaultArn && regionLocal.length > 0) {
            const localName = childName(name, "region-local");
            const localPlan = new aws.backup.Plan(localName, { rules: rules.map(({ copyActions: _copied, ...rule }) => rule), tags: args.tags }, stateful);
            new aws.backup.Selection(localName, { planId: localPlan.id, iamRoleArn: role.arn, resources: regionLocal }, parent);
        }

        // Only events PutBackupVaultNotifications still delivers; job failures come from EventBridge below.
        new aws.backup.VaultNotifications(name, {
            backupVaultName: vault.name,
            snsTopicArn: args.notificationTopicArn,
            backupVaultEvents: VAULT_NOTIFICATION_EVENTS,
        }, parent);
        // Failed, aborted or expired backup, copy and restore jobs (any vault of this account and region) reach the
        // alert topic. The topic's policy admits events.amazonaws.com, and its key lets EventBridge encrypt.
        const failedJobs = new aws.cloudwatch.EventRule(childName(name, "failed-jobs"), {
            description: `AWS Backup jobs of ${name} that failed, were aborted or expired`,
            eventPattern: JSON.stringify({
                source: ["aws.backup"],
                "detail-type": BACKUP_JOB_EVENT_TYPES,
                detail: { state: FAILED_JOB_STATES },
            }),
            tags: args.tags,
        }, parent);
        new aws.cloudwatch.EventTarget(childName(name, "failed-jobs"), {
            rule: failedJobs.name,
            arn: args.notificationTopicArn,
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
            // Its own role: restore testing restores and then deletes what it restored, nothing else.
            const testingRole = new aws.iam.Role(childName(name, "restore-testing"), {
                assumeRolePolicy: JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [{ Effect: "Allow", Principal: { Service: "backup.amazonaws.com" }, Action: "sts:AssumeRole" }],
                }),
                description: `Restore tests of ${name}: restore recovery points and delete the test restores`,
                tags: args.tags,
            }, parent);
            new aws.iam.RolePolicyAttachment(childName(name, "restore-testing"), {
                role: testingRole.name,
                policyArn: "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForRestores",
            }, parent);
            for (const db of args.restoreTesting.databases) {
                new aws.backup.RestoreTestingSelection(childName(name, db.name), {
                    name: `${db.name.replace(/[^A-Za-z0-9]/g, "_")}_database`,
                    restoreTestingPlanName: testingPlan.name,
                    protectedResourceType: db.resourceType ?? "RDS",
                    protectedResourceArns: [db.arn],
                    iamRoleArn: testingRole.arn,
                    validationWindowHours: args.restoreTesting.validationWindowHours ?? 4,
                    // Restored copies stay private and small, inside the platform's VPC and behind the database's own
                    // security group; without these AWS Backup would pick the default VPC.
                    // An Aurora restore is a cluster without instances: no public access or Multi-AZ to set.
                    restoreMetadataOverrides: {
                        ...(db.resourceType === "Aurora" ? {} : { publiclyaccessible: "false", multiaz: "false" }),
                        dbsubnetgroupname: db.subnetGroupName,
                        vpcsecuritygroupids: pulumi.all(db.securityGroupIds).apply((sgs) => JSON.stringify(sgs)),
                    },
                }, parent);
            }
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
