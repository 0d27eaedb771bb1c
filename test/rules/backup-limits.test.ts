import * as assert from "assert";
import {
    arnService, BACKUP_COPY_DOC, BACKUP_DOCS, BACKUP_VAULT_EVENTS, backupVaultEventProblem, COLD_STORAGE_MIN_DAYS, COLD_STORAGE_UNSUPPORTED_SERVICES,
    continuousRetentionDays, CROSS_REGION_COPY_UNSUPPORTED, DEPRECATED_BACKUP_VAULT_EVENTS, isForever, isMultiAzDbClusterEngine, lifecycleProblems,
    MAX_CONTINUOUS_RETENTION_DAYS, movesToColdStorage, MULTI_AZ_DB_CLUSTER_ENGINES, VAULT_LOCK_BOUNDS, VAULT_LOCK_MIN_CHANGEABLE_DAYS,
    VAULT_LOCK_MIN_RETENTION_DAYS, vaultLockBoundsProblem, vaultLockRetentionProblem,
} from "../../lib/rules/backup-limits";

/**
 * AWS Backup API reference, restated here as a second reading:
 * - Lifecycle: DeleteAfterDays "must be at least 90 days after" MoveToColdStorageAfterDays; -1 keeps forever.
 * - Point-in-time recovery: continuous backups are kept 1–35 days and never move to cold storage.
 * - PutBackupVaultLockConfiguration: ChangeableForDays 3 or greater (72-hour cooling-off); a job's retention must be
 *   ≥ MinRetentionDays and ≤ MaxRetentionDays or the vault fails it.
 * - PutBackupVaultNotifications: the valid values, of which these are listed as deprecated (they send nothing).
 */
const DOCUMENTED_VALID_EVENTS = [
    "BACKUP_JOB_STARTED", "BACKUP_JOB_COMPLETED", "BACKUP_JOB_SUCCESSFUL", "BACKUP_JOB_FAILED", "BACKUP_JOB_EXPIRED",
    "RESTORE_JOB_STARTED", "RESTORE_JOB_COMPLETED", "RESTORE_JOB_SUCCESSFUL", "RESTORE_JOB_FAILED",
    "COPY_JOB_STARTED", "COPY_JOB_SUCCESSFUL", "COPY_JOB_FAILED", "RECOVERY_POINT_MODIFIED", "BACKUP_PLAN_CREATED", "BACKUP_PLAN_MODIFIED",
    "S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED", "CONTINUOUS_BACKUP_INTERRUPTED",
    "RECOVERY_POINT_INDEX_COMPLETED", "RECOVERY_POINT_INDEX_DELETED", "RECOVERY_POINT_INDEXING_FAILED",
];
const DOCUMENTED_DEPRECATED_EVENTS = [
    "BACKUP_JOB_SUCCESSFUL", "BACKUP_JOB_FAILED", "BACKUP_JOB_EXPIRED", "RESTORE_JOB_SUCCESSFUL", "RESTORE_JOB_FAILED", "BACKUP_PLAN_CREATED", "BACKUP_PLAN_MODIFIED",
];

describe("lib/rules/backup-limits", () => {
    it("states AWS Backup's numbers", () => {
        assert.strictEqual(COLD_STORAGE_MIN_DAYS, 90);
        assert.strictEqual(MAX_CONTINUOUS_RETENTION_DAYS, 35);
        assert.strictEqual(VAULT_LOCK_MIN_CHANGEABLE_DAYS, 3);
        assert.strictEqual(VAULT_LOCK_MIN_RETENTION_DAYS, 1);
    });

    it("pins the tiers' vault-lock bounds: a compliance-mode lock cannot change once its grace period has passed", () => {
        assert.deepStrictEqual(VAULT_LOCK_BOUNDS, {
            production: { minRetentionDays: 35, maxRetentionDays: 2922 },
            staging: { minRetentionDays: 7, maxRetentionDays: 730 },
        });
    });

    it("points at the AWS Backup developer guide pages the messages cite", () => {
        const guide = "https://docs.aws.amazon.com/aws-backup/latest/devguide/";
        assert.deepStrictEqual(BACKUP_DOCS, {
            lifecycle: `${guide}API_Lifecycle.html`,
            continuous: `${guide}point-in-time-recovery.html`,
            featureAvailability: `${guide}backup-feature-availability.html#features-by-resource`,
            vaultLock: `${guide}API_PutBackupVaultLockConfiguration.html`,
            notifications: `${guide}API_PutBackupVaultNotifications.html`,
        });
        assert.strictEqual(BACKUP_COPY_DOC, `${guide}recov-point-create-a-copy.html`);
    });

    it("keeps continuous backups as long as the daily ones, at most 35 days", () => {
        assert.deepStrictEqual([1, 7, 34, 35, 36, 2922].map(continuousRetentionDays), [1, 7, 34, 35, 35, 35]);
    });

    describe("vaultLockRetentionProblem", () => {
        const bounds = { minRetentionDays: 7, maxRetentionDays: 730 };

        it("accepts retention from the minimum to the maximum, both included", () => {
            for (const days of [7, 8, 365, 729, 730]) assert.strictEqual(vaultLockRetentionProblem("the daily rule", days, bounds), undefined, String(days));
        });

        it("names the rule, its retention and the allowed range below the minimum and above the maximum", () => {
            assert.strictEqual(vaultLockRetentionProblem("the daily rule", 6, bounds),
                "the daily rule keeps recovery points 6 days, below the vault lock's minRetentionDays 7; allowed: 7–730");
            assert.strictEqual(vaultLockRetentionProblem("the monthly long-term rule", 731, bounds),
                "the monthly long-term rule keeps recovery points 731 days, above the vault lock's maxRetentionDays 730; allowed: 7–730");
        });
    });

    describe("vaultLockBoundsProblem", () => {
        it("accepts integer bounds with a minimum of at least 1 day and a maximum not below it", () => {
            assert.strictEqual(vaultLockBoundsProblem({ minRetentionDays: 1, maxRetentionDays: 1 }), undefined);
            assert.strictEqual(vaultLockBoundsProblem({ minRetentionDays: 35, maxRetentionDays: 2922 }), undefined);
        });

        it("refuses a minimum below 1 day or not whole", () => {
            assert.strictEqual(vaultLockBoundsProblem({ minRetentionDays: 0, maxRetentionDays: 10 }), "minRetentionDays 0 must be an integer ≥ 1");
            assert.strictEqual(vaultLockBoundsProblem({ minRetentionDays: 1.5, maxRetentionDays: 10 }), "minRetentionDays 1.5 must be an integer ≥ 1");
        });

        it("refuses a maximum below the minimum or not whole", () => {
            assert.strictEqual(vaultLockBoundsProblem({ minRetentionDays: 7, maxRetentionDays: 6 }), "maxRetentionDays 6 must be an integer ≥ minRetentionDays 7");
            assert.strictEqual(vaultLockBoundsProblem({ minRetentionDays: 7, maxRetentionDays: 7.5 }), "maxRetentionDays 7.5 must be an integer ≥ minRetentionDays 7");
        });
    });

    it("deleteAfter unset, null, 0 (the provider omits it) or -1 keeps recovery points forever", () => {
        for (const value of [undefined, null, 0, -1]) assert.strictEqual(isForever(value), true, String(value));
        for (const value of [1, 35]) assert.strictEqual(isForever(value), false, String(value));
    });

    it("a lifecycle moves to cold storage only for a positive number of days", () => {
        assert.strictEqual(movesToColdStorage(1), true);
        assert.strictEqual(movesToColdStorage(30), true);
        for (const value of [0, -1, undefined, null, "30"]) assert.strictEqual(movesToColdStorage(value), false, String(value));
    });

    describe("lifecycleProblems", () => {
        const coldMessage = (del: number, cold: number) =>
            `deleteAfter ${del} is less than coldStorageAfter ${cold} + 90: cold-stored recovery points must stay 90 days in cold storage (deleteAfter ≥ ${cold + 90})`;
        const coldOnContinuous = "coldStorageAfter is set on a continuous-backup rule: continuous recovery points cannot move to cold storage";
        const continuousForever = "continuous backup has no deleteAfter: continuous backups are kept at most 35 days";

        it("accepts deleteAfter exactly 90 days after coldStorageAfter, and refuses one day less", () => {
            assert.deepStrictEqual(lifecycleProblems({ coldStorageAfter: 30, deleteAfter: 120 }, false), []);
            assert.deepStrictEqual(lifecycleProblems({ coldStorageAfter: 30, deleteAfter: 119 }, false), [coldMessage(119, 30)]);
            assert.deepStrictEqual(lifecycleProblems({ coldStorageAfter: 1, deleteAfter: 90 }, false), [coldMessage(90, 1)]);
        });

        it("accepts cold storage kept forever, and no cold storage at all (unset or 0, which the provider omits)", () => {
            assert.deepStrictEqual(lifecycleProblems({ coldStorageAfter: 30 }, false), []);
            assert.deepStrictEqual(lifecycleProblems({ coldStorageAfter: 30, deleteAfter: -1 }, false), []);
            assert.deepStrictEqual(lifecycleProblems({ coldStorageAfter: 0, deleteAfter: 10 }, false), []);
            assert.deepStrictEqual(lifecycleProblems({ deleteAfter: 10 }, false), []);
            assert.deepStrictEqual(lifecycleProblems({}, false), []);
            assert.deepStrictEqual(lifecycleProblems(undefined, false), []);
        });

        it("keeps continuous backups 1–35 days: 35 passes, 36 and forever do not", () => {
            assert.deepStrictEqual(lifecycleProblems({ deleteAfter: 1 }, true), []);
            assert.deepStrictEqual(lifecycleProblems({ deleteAfter: 35 }, true), []);
            assert.deepStrictEqual(lifecycleProblems({ deleteAfter: 36 }, true), ["continuous backup deleteAfter 36 is outside 1–35 days"]);
            assert.deepStrictEqual(lifecycleProblems({ deleteAfter: 0 }, true), [continuousForever]);
            assert.deepStrictEqual(lifecycleProblems(undefined, true), [continuousForever]);
        });

        it("refuses cold storage on a continuous rule, with every other problem of the lifecycle", () => {
            assert.deepStrictEqual(lifecycleProblems({ coldStorageAfter: 30, deleteAfter: 35 }, true), [coldMessage(35, 30), coldOnContinuous]);
            assert.deepStrictEqual(lifecycleProblems({ coldStorageAfter: 30, deleteAfter: 120 }, true), [coldOnContinuous, "continuous backup deleteAfter 120 is outside 1–35 days"]);
            assert.deepStrictEqual(lifecycleProblems({ coldStorageAfter: 30 }, true), [coldOnContinuous, continuousForever]);
        });
    });

    it("reads the service of an ARN, S3's account-less ARNs included", () => {
        assert.strictEqual(arnService("arn:aws:rds:us-east-1:123456789012:db:app"), "rds");
        assert.strictEqual(arnService("arn:aws:s3:::app-receipts"), "s3");
        assert.strictEqual(arnService("arn:aws-us-gov:dynamodb:us-gov-west-1:123456789012:table/orders"), "dynamodb");
        for (const text of ["arn:aws:s3::app-receipts", "urn:aws:rds:us-east-1:123456789012:db:app", "app-receipts", ""]) assert.strictEqual(arnService(text), undefined, text);
    });

    it("knows RDS (Aurora, DocumentDB, Neptune share its ARNs) and S3 cannot move to cold storage", () => {
        assert.strictEqual(COLD_STORAGE_UNSUPPORTED_SERVICES[arnService("arn:aws:rds:us-east-1:123456789012:cluster:docs")!], "RDS/Aurora");
        assert.strictEqual(COLD_STORAGE_UNSUPPORTED_SERVICES[arnService("arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1")!], undefined);
        // Last: deepStrictEqual narrows the record's type to the literal for the rest of the block.
        assert.deepStrictEqual(COLD_STORAGE_UNSUPPORTED_SERVICES, { rds: "RDS/Aurora", s3: "S3" });
    });

    describe("backupVaultEventProblem", () => {
        it("accepts exactly the documented events that are not deprecated", () => {
            const supported = DOCUMENTED_VALID_EVENTS.filter((e) => !DOCUMENTED_DEPRECATED_EVENTS.includes(e));
            assert.deepStrictEqual([...BACKUP_VAULT_EVENTS].sort(), [...supported].sort());
            for (const event of supported) assert.strictEqual(backupVaultEventProblem(event), undefined, event);
        });

        it("says a deprecated event sends nothing and names a supported replacement", () => {
            assert.deepStrictEqual(Object.keys(DEPRECATED_BACKUP_VAULT_EVENTS).sort(), [...DOCUMENTED_DEPRECATED_EVENTS].sort());
            for (const event of DOCUMENTED_DEPRECATED_EVENTS) {
                const problem = backupVaultEventProblem(event)!;
                assert.ok(problem.startsWith(`${event} is deprecated and sends nothing; use `), problem);
                const replacement = problem.slice(problem.indexOf("; use ") + 6);
                assert.ok(/^(BACKUP|RESTORE)_JOB_COMPLETED\b/.test(replacement) || replacement.startsWith("an EventBridge rule"), replacement);
            }
            assert.strictEqual(backupVaultEventProblem("BACKUP_JOB_SUCCESSFUL"), "BACKUP_JOB_SUCCESSFUL is deprecated and sends nothing; use BACKUP_JOB_COMPLETED");
            assert.strictEqual(backupVaultEventProblem("BACKUP_JOB_FAILED"),
                "BACKUP_JOB_FAILED is deprecated and sends nothing; use BACKUP_JOB_COMPLETED (its State attribute says FAILED) or an EventBridge rule on \"Backup Job State Change\" with state FAILED");
            assert.strictEqual(backupVaultEventProblem("RESTORE_JOB_FAILED"),
                "RESTORE_JOB_FAILED is deprecated and sends nothing; use RESTORE_JOB_COMPLETED (its State attribute says FAILED) or an EventBridge rule on \"Restore Job State Change\" with state FAILED");
            assert.strictEqual(backupVaultEventProblem("BACKUP_PLAN_CREATED"), "BACKUP_PLAN_CREATED is deprecated and sends nothing; use an EventBridge rule on AWS Backup plan events");
        });

        it("says an unknown name is not a vault event at all", () => {
            for (const event of ["BACKUP_JOB_STARTING", "backup_job_started", "toString", "constructor", ""]) {
                assert.strictEqual(backupVaultEventProblem(event), `${event} is not an AWS Backup vault event (PutBackupVaultNotifications rejects it)`);
            }
        });
    });

    it("tells Multi-AZ DB cluster engines (mysql, postgres) from Aurora's", () => {
        assert.deepStrictEqual([...MULTI_AZ_DB_CLUSTER_ENGINES], ["mysql", "postgres"]);
        for (const engine of ["mysql", "postgres"]) assert.strictEqual(isMultiAzDbClusterEngine(engine), true, engine);
        for (const engine of ["aurora-mysql", "aurora-postgresql", "MySQL", "", undefined, 5]) assert.strictEqual(isMultiAzDbClusterEngine(engine), false, String(engine));
    });

    it("finds what AWS Backup cannot copy to another Region: Multi-AZ DB clusters and FSx for ONTAP volumes", () => {
        const unsupported = (type: string, engine?: unknown) => CROSS_REGION_COPY_UNSUPPORTED.filter((u) => u.matches(type, { engine })).map((u) => u.what);
        assert.deepStrictEqual(unsupported("aws:rds/cluster:Cluster", "mysql"), ["an RDS Multi-AZ DB cluster (its snapshots cannot be copied)"]);
        assert.deepStrictEqual(unsupported("aws:rds/cluster:Cluster", "postgres"), ["an RDS Multi-AZ DB cluster (its snapshots cannot be copied)"]);
        assert.deepStrictEqual(unsupported("aws:fsx/ontapVolume:OntapVolume"), ["an FSx for NetApp ONTAP volume (no copy support)"]);
        for (const [type, engine] of [["aws:rds/cluster:Cluster", "aurora-postgresql"], ["aws:rds/cluster:Cluster", undefined], ["aws:rds/instance:Instance", "mysql"], ["aws:fsx/openZfsVolume:OpenZfsVolume", undefined]]) {
            assert.deepStrictEqual(unsupported(type as string, engine), [], `${type} ${engine}`);
        }
    });
});
