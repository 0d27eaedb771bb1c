import { isAurora } from "./engine-versions";

/**
 * Readable copies an RDS (non-Aurora) database may have. RDS refuses read replicas of a source whose master password it manages in
 * Secrets Manager ("Creating read replicas for source instance with engine mysql where ManageMasterUserPassword is
 * enabled is not supported"; RDS user guide, Secrets Manager integration, limitations: every engine but SQL Server).
 * A password the platform sets instead would sit in Pulumi state (even `passwordWo` is stored there as a secret input,
 * pulumi-terraform-bridge#3201). So two readable copies are a Multi-AZ DB *cluster*: one writer and two readable
 * standbys in three AZs, created by RDS with a managed password. Other counts cannot be offered without a password.
 * An Aurora cluster has none of these limits: its readers are cluster instances on the shared cluster volume, not
 * replicas, so the managed password applies to all of them (docs/database-readable-copies.md).
 */
export const READABLE_COPIES_OPTIONS = [0, 2] as const;

/**
 * Instance families RDS offers for Multi-AZ DB clusters (local NVMe-backed classes; RDS user guide, "Instance class
 * availability for Multi-AZ DB clusters").
 */
export const MULTI_AZ_CLUSTER_FAMILIES = ["c6gd", "m5d", "m6gd", "m6id", "m6idn", "r5d", "r6gd", "r6id", "r6idn", "x2iedn"];

/** Reader instances of one Aurora cluster (Aurora user guide, "Amazon Aurora DB clusters": up to 15 Aurora Replicas). */
export const AURORA_MAX_READERS = 15;

/** Why `readReplicas` with `instanceClass` cannot be deployed without a password in state, or undefined. */
export function readReplicaProblem(engine: string, readReplicas: number, instanceClass: string): string | undefined {
    if (isAurora(engine)) {
        return Number.isInteger(readReplicas) && readReplicas >= 0 && readReplicas <= AURORA_MAX_READERS ? undefined
            : `${readReplicas} reader instances cannot be created: an Aurora cluster has 0 to ${AURORA_MAX_READERS}`;
    }
    if (!(READABLE_COPIES_OPTIONS as readonly number[]).includes(readReplicas)) {
        return `${readReplicas} read replicas cannot be created: RDS refuses read replicas of a source with a managed master password; allowed: 0, or 2 (a Multi-AZ DB cluster with two readable standbys), or use engine aurora-mysql (0 to ${AURORA_MAX_READERS} readers)`;
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
 * Why the allocated storage does not fit the engine, or undefined: an RDS database needs it; an Aurora cluster volume
 * has no allocated size (it grows and shrinks with the data, up to Aurora's limit), so a size given for it would be
 * silently ignored.
 */
export function allocatedStorageProblem(engine: string, allocatedStorageGb: number | undefined): string | undefined {
    if (isAurora(engine)) {
        return allocatedStorageGb === undefined ? undefined : "is not allowed with an Aurora engine: the cluster volume grows with the data (no allocated size)";
    }
    return allocatedStorageGb === undefined ? "is required for an RDS database (initial gp3 storage, GiB)" : undefined;
}

/**
 * Why the storage ceiling does not fit the database's shape, or undefined. A DB instance autoscales up to
 * `maxAllocatedStorageGb` (required, above `allocatedStorageGb`); a Multi-AZ DB cluster (two readable copies) cannot
 * autoscale storage at all, and an Aurora cluster volume grows by itself, so a ceiling given for either would be
 * silently ignored.
 */
export function storageCeilingProblem(engine: string, readReplicas: number, allocatedStorageGb: number | undefined, maxAllocatedStorageGb: number | undefined): string | undefined {
    if (isAurora(engine)) {
        return maxAllocatedStorageGb === undefined ? undefined
            : "is not allowed with an Aurora engine: the cluster volume grows with the data, there is no ceiling to set";
    }
    if (readReplicas === 2) {
        return maxAllocatedStorageGb === undefined ? undefined
            : "is not allowed with readReplicas 2: a Multi-AZ DB cluster does not autoscale storage (size allocatedStorageGb for growth instead)";
    }
    if (maxAllocatedStorageGb === undefined) return "a DB instance needs its storage-autoscaling ceiling, above allocatedStorageGb";
    return allocatedStorageGb !== undefined && maxAllocatedStorageGb <= allocatedStorageGb ? `must be greater than allocatedStorageGb (${allocatedStorageGb}) so storage can autoscale` : undefined;
}

/**
 * Why the Multi-AZ and reader settings do not fit the engine, with the setting to change, or undefined. An Aurora
 * cluster is Multi-AZ through its readers (a reader in another AZ is the failover target; the cluster volume is in
 * three AZs either way), so `multiAz` needs at least one reader; `readerInstanceClass` exists for Aurora only (an RDS
 * Multi-AZ DB cluster's standbys have the writer's class).
 */
export function auroraShapeProblem(engine: string, multiAz: boolean, readReplicas: number, readerInstanceClass: string | undefined): { key: "multiAz" | "readerInstanceClass"; problem: string } | undefined {
    if (!isAurora(engine)) {
        return readerInstanceClass === undefined ? undefined
            : { key: "readerInstanceClass", problem: "is for Aurora reader instances; an RDS database's readable copies have the writer's class" };
    }
    if (multiAz && readReplicas === 0) {
        return { key: "multiAz", problem: "an Aurora cluster is Multi-AZ through a reader instance in another AZ: give readReplicas 1 or more, or multiAz: false" };
    }
    return undefined;
}

/** The settings that decide a database's shape, as the stack config and the Database component take them. */
export interface DatabaseShape {
    engine: string;
    instanceClass: string;
    readReplicas: number;
    multiAz: boolean;
    allocatedStorageGb?: number;
    maxAllocatedStorageGb?: number;
    readerInstanceClass?: string;
}

/**
 * Every reason the shape cannot be deployed, each with the setting to change: the one home of these checks for the
 * stack config (which maps the key to its stack-file path), the Application's own checks and the Database component.
 */
export function databaseShapeProblems(db: DatabaseShape): Array<{ key: keyof DatabaseShape; problem: string }> {
    const problems: Array<{ key: keyof DatabaseShape; problem: string }> = [];
    const replicas = readReplicaProblem(db.engine, db.readReplicas, db.instanceClass);
    if (replicas) problems.push({ key: "readReplicas", problem: replicas });
    const size = allocatedStorageProblem(db.engine, db.allocatedStorageGb);
    if (size) problems.push({ key: "allocatedStorageGb", problem: size });
    // Judged for a valid replica count only: the ceiling's rule follows the database's shape.
    const ceiling = replicas ? undefined : storageCeilingProblem(db.engine, db.readReplicas, db.allocatedStorageGb, db.maxAllocatedStorageGb);
    if (ceiling) problems.push({ key: "maxAllocatedStorageGb", problem: ceiling });
    const aurora = auroraShapeProblem(db.engine, db.multiAz, db.readReplicas, db.readerInstanceClass);
    if (aurora) problems.push(aurora);
    if (db.readReplicas > 0 && !db.multiAz) {
        problems.push({ key: "readReplicas", problem: "needs a Multi-AZ primary (multiAz: true): replicas on a single-AZ primary are forbidden here; allowed: 0 when multiAz is false" });
    }
    return problems;
}
