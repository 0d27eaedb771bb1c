/**
 * Readable copies a database may have. RDS refuses read replicas of a source whose master password it manages in
 * Secrets Manager ("Creating read replicas for source instance with engine mysql where ManageMasterUserPassword is
 * enabled is not supported"; RDS user guide, Secrets Manager integration, limitations: every engine but SQL Server).
 * A password the platform sets instead would sit in Pulumi state (even `passwordWo` is stored there as a secret input,
 * pulumi-terraform-bridge#3201). So two readable copies are a Multi-AZ DB *cluster*: one writer and two readable
 * standbys in three AZs, created by RDS with a managed password. Other counts cannot be offered without a password.
 */
export const READABLE_COPIES_OPTIONS = [0, 2] as const;

/**
 * Instance families RDS offers for Multi-AZ DB clusters (local NVMe-backed classes; RDS user guide, "Instance class
 * availability for Multi-AZ DB clusters").
 */
export const MULTI_AZ_CLUSTER_FAMILIES = ["c6gd", "m5d", "m6gd", "m6id", "m6idn", "r5d", "r6gd", "r6id", "r6idn", "x2iedn"];

/** Why `readReplicas` with `instanceClass` cannot be deployed without a password in state, or undefined. */
export function readReplicaProblem(readReplicas: number, instanceClass: string): string | undefined {
    if (!(READABLE_COPIES_OPTIONS as readonly number[]).includes(readReplicas)) {
        return `${readReplicas} read replicas cannot be created: RDS refuses read replicas of a source with a managed master password; allowed: 0, or 2 (a Multi-AZ DB cluster with two readable standbys)`;
    }
    const family = instanceClass.split(".")[1];
    if (readReplicas === 2 && !MULTI_AZ_CLUSTER_FAMILIES.includes(family)) {
        return `2 readable standbys need a Multi-AZ DB cluster, which offers instance families ${MULTI_AZ_CLUSTER_FAMILIES.join(", ")}; ${instanceClass} is not one (e.g. db.r6gd.xlarge for db.r5.xlarge)`;
    }
    return undefined;
}

/**
 * Provisioned IOPS of a Multi-AZ DB cluster on gp3, which CreateDBCluster requires ("required to create a Multi-AZ DB
 * cluster"): the gp3 baseline RDS documents for MySQL and PostgreSQL, 3,000 below 400 GiB and 12,000 from 400 GiB (RDS
 * user guide, "General Purpose SSD storage"), so the cluster gets what its size includes and pays for nothing extra.
 */
export function multiAzClusterGp3Iops(allocatedStorageGb: number): number {
    return allocatedStorageGb < 400 ? 3000 : 12000;
}

/**
 * RDS storage autoscaling grows a DB instance when its free space stays below 10% of its allocated storage for five
 * minutes (RDS user guide, "Managing capacity automatically with Amazon RDS storage autoscaling"). A free-storage
 * alarm at that level would page at every normal growth step, so an autoscaled instance alarms below half of it.
 */
export const RDS_STORAGE_AUTOSCALING_FREE_PERCENT = 10;

/**
 * Why the storage ceiling does not fit the database's shape, or undefined. A DB instance autoscales up to
 * `maxAllocatedStorageGb` (required, above `allocatedStorageGb`); a Multi-AZ DB cluster (two readable copies) cannot
 * autoscale storage at all, so a ceiling given for it would be silently ignored.
 */
export function storageCeilingProblem(readReplicas: number, allocatedStorageGb: number, maxAllocatedStorageGb: number | undefined): string | undefined {
    if (readReplicas === 2) {
        return maxAllocatedStorageGb === undefined ? undefined
            : "is not allowed with readReplicas 2: a Multi-AZ DB cluster does not autoscale storage (size allocatedStorageGb for growth instead)";
    }
    if (maxAllocatedStorageGb === undefined) return "a DB instance needs its storage-autoscaling ceiling, above allocatedStorageGb";
    return maxAllocatedStorageGb <= allocatedStorageGb ? `must be greater than allocatedStorageGb (${allocatedStorageGb}) so storage can autoscale` : undefined;
}
