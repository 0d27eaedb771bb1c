/**
 * AWS Backup's own limits, as its API reference states them. Pure, no Pulumi import: the Backup component and the
 * policy pack's deploy-validity rules read the same numbers.
 */

/** Recovery points stay in cold storage at least this long: deleteAfter ≥ coldStorageAfter + 90 (Lifecycle). */
export const COLD_STORAGE_MIN_DAYS = 90;
/** Continuous backups (point-in-time restore) are kept 1–35 days. */
export const MAX_CONTINUOUS_RETENTION_DAYS = 35;
/** Vault Lock: ChangeableForDays must be 3 or more (72-hour cooling-off); MinRetentionDays at least 1. */
export const VAULT_LOCK_MIN_CHANGEABLE_DAYS = 3;
export const VAULT_LOCK_MIN_RETENTION_DAYS = 1;

/**
 * The vault lock's bounds, per environment tier: fixed values with this one home, never computed from the retention
 * settings. A lock's inputs force replacement (DeleteBackupVaultLockConfiguration + Put…) and a compliance-mode lock
 * is immutable once its changeableForDays have passed, so bounds that followed `dailyRetentionDays` or
 * `longTermRetentionDays` would make every `pulumi up` after a retention edit fail three days after the first one.
 * Retention settings are instead validated against these bounds (stack config, the Backup component and the pack's
 * deploy-backup-vault-lock-bounds rule), so an edit outside them is refused in preview and one inside them never touches
 * the lock. The values equal what the stacks computed before (production 35/2922, staging 7/730), so an existing
 * stack sees no diff on its locks. Changing them on a deployed compliance-mode stack after its grace period is not
 * possible (AWS refuses); it needs a new vault.
 */
export const VAULT_LOCK_BOUNDS = {
    production: { minRetentionDays: 35, maxRetentionDays: 2922 },
    staging: { minRetentionDays: 7, maxRetentionDays: 730 },
} as const satisfies Record<string, VaultLockBounds>;

export interface VaultLockBounds {
    minRetentionDays: number;
    maxRetentionDays: number;
}

/** Retention of the continuous (point-in-time) rule for a daily retention: the daily one, capped at 35 days. */
export function continuousRetentionDays(dailyRetentionDays: number): number {
    return Math.min(dailyRetentionDays, MAX_CONTINUOUS_RETENTION_DAYS);
}

/**
 * Why a rule keeping recovery points `days` days cannot write to a vault locked with `bounds` (the vault fails the
 * job), or undefined. `label` names the rule in the message.
 */
export function vaultLockRetentionProblem(label: string, days: number, bounds: VaultLockBounds): string | undefined {
    if (days < bounds.minRetentionDays) {
        return `${label} keeps recovery points ${days} days, below the vault lock's minRetentionDays ${bounds.minRetentionDays}; allowed: ${bounds.minRetentionDays}–${bounds.maxRetentionDays}`;
    }
    if (days > bounds.maxRetentionDays) {
        return `${label} keeps recovery points ${days} days, above the vault lock's maxRetentionDays ${bounds.maxRetentionDays}; allowed: ${bounds.minRetentionDays}–${bounds.maxRetentionDays}`;
    }
    return undefined;
}

/** Why lock bounds themselves are invalid (PutBackupVaultLockConfiguration), or undefined. */
export function vaultLockBoundsProblem(bounds: VaultLockBounds): string | undefined {
    if (!Number.isInteger(bounds.minRetentionDays) || bounds.minRetentionDays < VAULT_LOCK_MIN_RETENTION_DAYS) {
        return `minRetentionDays ${bounds.minRetentionDays} must be an integer ≥ ${VAULT_LOCK_MIN_RETENTION_DAYS}`;
    }
    if (!Number.isInteger(bounds.maxRetentionDays) || bounds.maxRetentionDays < bounds.minRetentionDays) {
        return `maxRetentionDays ${bounds.maxRetentionDays} must be an integer ≥ minRetentionDays ${bounds.minRetentionDays}`;
    }
    return undefined;
}

export const BACKUP_DOCS = {
    lifecycle: "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_Lifecycle.html",
    continuous: "https://docs.aws.amazon.com/aws-backup/latest/devguide/point-in-time-recovery.html",
    featureAvailability: "https://docs.aws.amazon.com/aws-backup/latest/devguide/backup-feature-availability.html#features-by-resource",
    vaultLock: "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultLockConfiguration.html",
    notifications: "https://docs.aws.amazon.com/aws-backup/latest/devguide/API_PutBackupVaultNotifications.html",
} as const;

/** Whether a lifecycle's deleteAfter keeps recovery points forever: unset, 0 (the provider omits it) or -1. */
export function isForever(deleteAfter: number | undefined | null): deleteAfter is undefined | null {
    return deleteAfter === undefined || deleteAfter === null || deleteAfter <= 0;
}

/** Whether a lifecycle moves recovery points to cold storage (the provider omits 0). */
export function movesToColdStorage(coldStorageAfter: unknown): boolean {
    return typeof coldStorageAfter === "number" && coldStorageAfter > 0;
}

export interface Lifecycle {
    coldStorageAfter?: number;
    deleteAfter?: number;
}

/**
 * What AWS Backup refuses (or, for continuous backups, cannot keep) in one rule's or copy action's lifecycle.
 * `continuous`: the rule has enableContinuousBackup (its lifecycle applies to the continuous recovery point).
 */
export function lifecycleProblems(lifecycle: Lifecycle | undefined, continuous: boolean): string[] {
    const problems: string[] = [];
    const cold = lifecycle?.coldStorageAfter;
    const del = lifecycle?.deleteAfter;
    // No deleteAfter keeps recovery points forever (-1 in the API; the provider sends nothing for 0 or unset).
    const forever = isForever(del);
    if (movesToColdStorage(cold) && typeof cold === "number") {
        if (!forever && del < cold + COLD_STORAGE_MIN_DAYS) {
            problems.push(`deleteAfter ${del} is less than coldStorageAfter ${cold} + ${COLD_STORAGE_MIN_DAYS}: cold-stored recovery points must stay ${COLD_STORAGE_MIN_DAYS} days in cold storage (deleteAfter ≥ ${cold + COLD_STORAGE_MIN_DAYS})`);
        }
        if (continuous) {
            problems.push("coldStorageAfter is set on a continuous-backup rule: continuous recovery points cannot move to cold storage");
        }
    }
    if (continuous) {
        if (forever) {
            problems.push(`continuous backup has no deleteAfter: continuous backups are kept at most ${MAX_CONTINUOUS_RETENTION_DAYS} days`);
        } else if (del > MAX_CONTINUOUS_RETENTION_DAYS) {
            problems.push(`continuous backup deleteAfter ${del} is outside 1–${MAX_CONTINUOUS_RETENTION_DAYS} days`);
        }
    }
    return problems;
}

/**
 * Services whose recovery points cannot move to cold storage (AWS Backup ignores coldStorageAfter for them), by the ARN
 * service segment: RDS (instances, Aurora, and DocumentDB/Neptune, which share `arn:…:rds:`) and S3. Not exhaustive:
 * a service missing here is not judged.
 */
export const COLD_STORAGE_UNSUPPORTED_SERVICES: Record<string, string> = { rds: "RDS/Aurora", s3: "S3" };

/** The `arn:<partition>:<service>:…` service of an ARN, or undefined. */
export function arnService(arn: string): string | undefined {
    const parts = arn.split(":");
    return parts[0] === "arn" && parts.length >= 6 ? parts[2] : undefined;
}

/** Events PutBackupVaultNotifications accepts and that still notify. */
export const BACKUP_VAULT_EVENTS = [
    "BACKUP_JOB_STARTED", "BACKUP_JOB_COMPLETED",
    "COPY_JOB_STARTED", "COPY_JOB_SUCCESSFUL", "COPY_JOB_FAILED",
    "RESTORE_JOB_STARTED", "RESTORE_JOB_COMPLETED", "RECOVERY_POINT_MODIFIED",
    "S3_BACKUP_OBJECT_FAILED", "S3_RESTORE_OBJECT_FAILED",
    "CONTINUOUS_BACKUP_INTERRUPTED", "RECOVERY_POINT_INDEX_COMPLETED", "RECOVERY_POINT_INDEX_DELETED", "RECOVERY_POINT_INDEXING_FAILED",
] as const;

/**
 * Events the API still accepts but lists as deprecated: "Deprecated events do not return statuses or notifications".
 * Value: what to use instead (failed/successful/expired jobs arrive as *_COMPLETED with a state, or via EventBridge).
 */
export const DEPRECATED_BACKUP_VAULT_EVENTS: Record<string, string> = {
    BACKUP_JOB_SUCCESSFUL: "BACKUP_JOB_COMPLETED",
    BACKUP_JOB_FAILED: "BACKUP_JOB_COMPLETED (its State attribute says FAILED) or an EventBridge rule on \"Backup Job State Change\" with state FAILED",
    BACKUP_JOB_EXPIRED: "BACKUP_JOB_COMPLETED",
    RESTORE_JOB_SUCCESSFUL: "RESTORE_JOB_COMPLETED",
    RESTORE_JOB_FAILED: "RESTORE_JOB_COMPLETED (its State attribute says FAILED) or an EventBridge rule on \"Restore Job State Change\" with state FAILED",
    BACKUP_PLAN_CREATED: "an EventBridge rule on AWS Backup plan events",
    BACKUP_PLAN_MODIFIED: "an EventBridge rule on AWS Backup plan events",
};

/** Why an event name would not notify: deprecated (with its replacement) or not a Backup event at all. */
export function backupVaultEventProblem(event: string): string | undefined {
    if ((BACKUP_VAULT_EVENTS as readonly string[]).includes(event)) return undefined;
    // Own keys only: "toString" or "constructor" would otherwise read Object.prototype and pass as deprecated.
    const replacement = Object.prototype.hasOwnProperty.call(DEPRECATED_BACKUP_VAULT_EVENTS, event) ? DEPRECATED_BACKUP_VAULT_EVENTS[event] : undefined;
    if (replacement) return `${event} is deprecated and sends nothing; use ${replacement}`;
    return `${event} is not an AWS Backup vault event (PutBackupVaultNotifications rejects it)`;
}

/**
 * Engines of an `aws.rds.Cluster` that make it a Multi-AZ DB cluster (a writer and two readable standbys on local
 * storage), as opposed to Aurora (`aurora-mysql`, `aurora-postgresql`).
 */
export const MULTI_AZ_DB_CLUSTER_ENGINES = ["mysql", "postgres"] as const;

export function isMultiAzDbClusterEngine(engine: unknown): boolean {
    return typeof engine === "string" && (MULTI_AZ_DB_CLUSTER_ENGINES as readonly string[]).includes(engine);
}

/**
 * What AWS Backup cannot copy to another Region (feature availability by resource, and the copy guide: "copying a
 * Multi-AZ DB cluster snapshot is not supported"; FSx for NetApp ONTAP volumes have no copy at all). A plan whose copy
 * action goes to another Region fails the copy job of every such recovery point, every day.
 * https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html
 */
export const CROSS_REGION_COPY_UNSUPPORTED: Array<{ what: string; matches: (type: string, props: { engine?: unknown }) => boolean }> = [
    { what: "an RDS Multi-AZ DB cluster (its snapshots cannot be copied)", matches: (type, props) => type === "aws:rds/cluster:Cluster" && isMultiAzDbClusterEngine(props.engine) },
    { what: "an FSx for NetApp ONTAP volume (no copy support)", matches: (type) => type === "aws:fsx/ontapVolume:OntapVolume" },
];
export const BACKUP_COPY_DOC = "https://docs.aws.amazon.com/aws-backup/latest/devguide/recov-point-create-a-copy.html";
