import * as assert from "assert";
import {
    allocatedStorageProblem, AURORA_MAX_READERS, auroraShapeProblem, databaseShapeProblems, type DatabaseShape, MULTI_AZ_CLUSTER_FAMILIES,
    multiAzClusterGp3Iops, RDS_STORAGE_AUTOSCALING_FREE_PERCENT, READABLE_COPIES_OPTIONS, readReplicaProblem, storageCeilingProblem,
} from "../../lib/rules/rds-replicas";

/**
 * Multi-AZ DB cluster instance families, restated from the RDS user guide ("Instance class availability for Multi-AZ DB
 * clusters": the local-NVMe "d" classes), so the table is checked against a second reading of the docs.
 */
const DOCUMENTED_CLUSTER_FAMILIES = ["c6gd", "m5d", "m6gd", "m6id", "m6idn", "r5d", "r6gd", "r6id", "r6idn", "x2iedn"];

const AURORA_RANGE = "reader instances cannot be created: an Aurora cluster has 0 to 15";
const RDS_REPLICAS = "read replicas cannot be created: RDS refuses read replicas of a source with a managed master password; allowed: 0, or 2 (a Multi-AZ DB cluster with two readable standbys), or use engine aurora-mysql (0 to 15 readers)";
const SINGLE_AZ = "needs a Multi-AZ primary (multiAz: true): replicas on a single-AZ primary are forbidden here; allowed: 0 when multiAz is false";

/** A valid single-instance RDS database; each test changes what it judges. */
function shape(overrides: Partial<DatabaseShape> = {}): DatabaseShape {
    return { engine: "postgres", instanceClass: "db.r6g.large", readReplicas: 0, multiAz: true, allocatedStorageGb: 100, maxAllocatedStorageGb: 500, ...overrides };
}

describe("lib/rules/rds-replicas", () => {
    it("states the documented limits: 0 or 2 readable copies for RDS, up to 15 Aurora readers, autoscaling at 10 % free", () => {
        assert.deepStrictEqual([...READABLE_COPIES_OPTIONS], [0, 2]);
        assert.strictEqual(AURORA_MAX_READERS, 15);
        assert.strictEqual(RDS_STORAGE_AUTOSCALING_FREE_PERCENT, 10);
        assert.deepStrictEqual([...MULTI_AZ_CLUSTER_FAMILIES].sort(), [...DOCUMENTED_CLUSTER_FAMILIES].sort());
    });

    describe("readReplicaProblem", () => {
        it("Aurora: 0 to 15 readers, integers only; the message names the count and the range", () => {
            for (const n of [0, 1, 2, 3, 14, 15]) assert.strictEqual(readReplicaProblem("aurora-mysql", n, "db.r6g.large"), undefined, String(n));
            assert.strictEqual(readReplicaProblem("aurora-mysql", 16, "db.r6g.large"), `16 ${AURORA_RANGE}`);
            assert.strictEqual(readReplicaProblem("aurora-mysql", -1, "db.r6g.large"), `-1 ${AURORA_RANGE}`);
            assert.strictEqual(readReplicaProblem("aurora-mysql", 1.5, "db.r6g.large"), `1.5 ${AURORA_RANGE}`);
            assert.strictEqual(readReplicaProblem("aurora-postgresql", Number.NaN, "db.r6g.large"), `NaN ${AURORA_RANGE}`);
        });

        it("Aurora readers are cluster instances: any instance class, no Multi-AZ DB cluster family needed", () => {
            assert.strictEqual(readReplicaProblem("aurora-mysql", 2, "db.t4g.medium"), undefined);
        });

        it("RDS: only 0 or 2 (a managed master password refuses read replicas), naming Aurora as the way to other counts", () => {
            for (const n of [1, 3, 15, -1]) {
                assert.strictEqual(readReplicaProblem("mysql", n, "db.r6gd.large"), `${n} ${RDS_REPLICAS}`, String(n));
            }
            assert.strictEqual(readReplicaProblem("postgres", 1, "db.r6gd.large"), `1 ${RDS_REPLICAS}`);
            assert.strictEqual(readReplicaProblem("postgres", 0, "db.t4g.micro"), undefined, "no copies: any class");
        });

        it("RDS with 2 copies is a Multi-AZ DB cluster: every documented family is accepted, whatever the size", () => {
            for (const family of DOCUMENTED_CLUSTER_FAMILIES) {
                assert.strictEqual(readReplicaProblem("postgres", 2, `db.${family}.xlarge`), undefined, family);
                assert.strictEqual(readReplicaProblem("mysql", 2, `db.${family}.2xlarge`), undefined, family);
            }
        });

        it("RDS with 2 copies on a class without local NVMe names the families and the class", () => {
            const families = "c6gd, m5d, m6gd, m6id, m6idn, r5d, r6gd, r6id, r6idn, x2iedn";
            for (const cls of ["db.r5.xlarge", "db.t4g.micro", "db.m6g.large", "r6gd"]) {
                assert.strictEqual(readReplicaProblem("postgres", 2, cls),
                    `2 readable standbys need a Multi-AZ DB cluster, which offers instance families ${families}; ${cls} is not one (e.g. db.r6gd.xlarge for db.r5.xlarge)`, cls);
            }
        });
    });

    it("Multi-AZ DB cluster gp3 IOPS: the included baseline, 3,000 below 400 GiB and 12,000 from 400 GiB", () => {
        assert.deepStrictEqual([20, 399, 399.5, 400, 401, 65536].map(multiAzClusterGp3Iops), [3000, 3000, 3000, 12000, 12000, 12000]);
    });

    describe("allocatedStorageProblem", () => {
        it("RDS needs an allocated size; Aurora refuses one (its cluster volume has none)", () => {
            assert.strictEqual(allocatedStorageProblem("postgres", 20), undefined);
            assert.strictEqual(allocatedStorageProblem("mysql", undefined), "is required for an RDS database (initial gp3 storage, GiB)");
            assert.strictEqual(allocatedStorageProblem("aurora-mysql", undefined), undefined);
            assert.strictEqual(allocatedStorageProblem("aurora-mysql", 100), "is not allowed with an Aurora engine: the cluster volume grows with the data (no allocated size)");
        });
    });

    describe("storageCeilingProblem", () => {
        it("Aurora: no ceiling to set", () => {
            assert.strictEqual(storageCeilingProblem("aurora-mysql", 1, undefined, undefined), undefined);
            assert.strictEqual(storageCeilingProblem("aurora-mysql", 0, undefined, 500),
                "is not allowed with an Aurora engine: the cluster volume grows with the data, there is no ceiling to set");
        });

        it("Multi-AZ DB cluster (2 copies): does not autoscale storage, so a ceiling is refused", () => {
            assert.strictEqual(storageCeilingProblem("postgres", 2, 100, undefined), undefined);
            assert.strictEqual(storageCeilingProblem("postgres", 2, 100, 500),
                "is not allowed with readReplicas 2: a Multi-AZ DB cluster does not autoscale storage (size allocatedStorageGb for growth instead)");
        });

        it("DB instance: the ceiling is required and strictly above the allocated size", () => {
            assert.strictEqual(storageCeilingProblem("mysql", 0, 100, undefined), "a DB instance needs its storage-autoscaling ceiling, above allocatedStorageGb");
            assert.strictEqual(storageCeilingProblem("mysql", 0, 100, 100), "must be greater than allocatedStorageGb (100) so storage can autoscale");
            assert.strictEqual(storageCeilingProblem("mysql", 0, 100, 99), "must be greater than allocatedStorageGb (100) so storage can autoscale");
            assert.strictEqual(storageCeilingProblem("mysql", 0, 100, 101), undefined);
            // A missing allocated size is reported by allocatedStorageProblem, not twice.
            assert.strictEqual(storageCeilingProblem("postgres", 0, undefined, 10), undefined);
        });
    });

    describe("auroraShapeProblem", () => {
        it("RDS: readerInstanceClass is Aurora-only; multiAz without replicas is a Multi-AZ DB instance", () => {
            assert.strictEqual(auroraShapeProblem("postgres", true, 0, undefined), undefined);
            assert.deepStrictEqual(auroraShapeProblem("postgres", true, 2, "db.r6g.large"),
                { key: "readerInstanceClass", problem: "is for Aurora reader instances; an RDS database's readable copies have the writer's class" });
        });

        it("Aurora: Multi-AZ comes from a reader in another AZ, so multiAz needs one", () => {
            assert.deepStrictEqual(auroraShapeProblem("aurora-mysql", true, 0, undefined),
                { key: "multiAz", problem: "an Aurora cluster is Multi-AZ through a reader instance in another AZ: give readReplicas 1 or more, or multiAz: false" });
            assert.strictEqual(auroraShapeProblem("aurora-mysql", true, 1, "db.r6g.large"), undefined);
            assert.strictEqual(auroraShapeProblem("aurora-mysql", false, 0, undefined), undefined);
        });
    });

    describe("databaseShapeProblems", () => {
        it("passes the shapes the platform offers", () => {
            assert.deepStrictEqual(databaseShapeProblems(shape()), []);
            assert.deepStrictEqual(databaseShapeProblems(shape({ multiAz: false })), [], "single-AZ, no copies");
            assert.deepStrictEqual(databaseShapeProblems(shape({ readReplicas: 2, instanceClass: "db.r6gd.xlarge", maxAllocatedStorageGb: undefined })), []);
            assert.deepStrictEqual(databaseShapeProblems({ engine: "aurora-mysql", instanceClass: "db.r6g.large", readReplicas: 3, multiAz: true, readerInstanceClass: "db.r6g.xlarge" }), []);
        });

        it("keys each problem to the setting to change, in a stable order", () => {
            assert.deepStrictEqual(databaseShapeProblems(shape({ allocatedStorageGb: undefined, maxAllocatedStorageGb: undefined, readerInstanceClass: "db.r6g.large" })), [
                { key: "allocatedStorageGb", problem: "is required for an RDS database (initial gp3 storage, GiB)" },
                { key: "maxAllocatedStorageGb", problem: "a DB instance needs its storage-autoscaling ceiling, above allocatedStorageGb" },
                { key: "readerInstanceClass", problem: "is for Aurora reader instances; an RDS database's readable copies have the writer's class" },
            ]);
            assert.deepStrictEqual(databaseShapeProblems({ engine: "aurora-mysql", instanceClass: "db.r6g.large", readReplicas: 0, multiAz: true, allocatedStorageGb: 10, maxAllocatedStorageGb: 20 }), [
                { key: "allocatedStorageGb", problem: "is not allowed with an Aurora engine: the cluster volume grows with the data (no allocated size)" },
                { key: "maxAllocatedStorageGb", problem: "is not allowed with an Aurora engine: the cluster volume grows with the data, there is no ceiling to set" },
                { key: "multiAz", problem: "an Aurora cluster is Multi-AZ through a reader instance in another AZ: give readReplicas 1 or more, or multiAz: false" },
            ]);
        });

        it("judges the ceiling only for a valid replica count (its rule follows the shape)", () => {
            // 1 replica is refused; whether a ceiling is allowed is not judged for a shape that cannot exist.
            assert.deepStrictEqual(databaseShapeProblems(shape({ readReplicas: 1, maxAllocatedStorageGb: undefined })), [
                { key: "readReplicas", problem: `1 ${RDS_REPLICAS}` },
            ]);
            assert.deepStrictEqual(databaseShapeProblems(shape({ readReplicas: 2, instanceClass: "db.r6gd.large", maxAllocatedStorageGb: 500 })), [
                { key: "maxAllocatedStorageGb", problem: "is not allowed with readReplicas 2: a Multi-AZ DB cluster does not autoscale storage (size allocatedStorageGb for growth instead)" },
            ]);
        });

        it("refuses readable copies on a single-AZ primary, for RDS and Aurora alike", () => {
            assert.deepStrictEqual(databaseShapeProblems(shape({ readReplicas: 2, instanceClass: "db.r6gd.large", maxAllocatedStorageGb: undefined, multiAz: false })), [
                { key: "readReplicas", problem: SINGLE_AZ },
            ]);
            assert.deepStrictEqual(databaseShapeProblems({ engine: "aurora-mysql", instanceClass: "db.r6g.large", readReplicas: 1, multiAz: false }), [
                { key: "readReplicas", problem: SINGLE_AZ },
            ]);
            assert.deepStrictEqual(databaseShapeProblems(shape({ readReplicas: 2, instanceClass: "db.r5.large", maxAllocatedStorageGb: undefined })), [
                { key: "readReplicas", problem: readReplicaProblem("postgres", 2, "db.r5.large") },
            ]);
        });
    });
});
