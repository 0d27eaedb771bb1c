import * as assert from "assert";
import { elastiCacheVersionProblem, pinsRdsMinor, rdsMajorVersion } from "../../lib/rules/engine-version-form";

describe("lib/rules/engine-version-form", () => {
    describe("rdsMajorVersion", () => {
        it("PostgreSQL 10+ (RDS and Aurora): the major is the first number", () => {
            for (const engine of ["postgres", "aurora-postgresql"]) {
                assert.strictEqual(rdsMajorVersion(engine, "15.12"), "15", engine);
                assert.strictEqual(rdsMajorVersion(engine, "16.4"), "16", engine);
                assert.strictEqual(rdsMajorVersion(engine, "16"), "16", engine);
                // 10 is the first one-number major (9.6 was the last two-number one).
                assert.strictEqual(rdsMajorVersion(engine, "10.21"), "10", engine);
                assert.strictEqual(rdsMajorVersion(engine, "17.2.1"), "17", engine);
            }
        });

        it("PostgreSQL 9.x: the major is the first two numbers", () => {
            assert.strictEqual(rdsMajorVersion("postgres", "9.6.24"), "9.6");
            assert.strictEqual(rdsMajorVersion("aurora-postgresql", "9.6.22"), "9.6");
            assert.strictEqual(rdsMajorVersion("postgres", "9.6"), "9.6");
        });

        it("MySQL and MariaDB: the major is the first two numbers", () => {
            assert.strictEqual(rdsMajorVersion("mysql", "8.0.40"), "8.0");
            assert.strictEqual(rdsMajorVersion("mysql", "8.4.3"), "8.4");
            assert.strictEqual(rdsMajorVersion("mysql", "5.7.44"), "5.7");
            assert.strictEqual(rdsMajorVersion("mysql", "8.0"), "8.0");
            assert.strictEqual(rdsMajorVersion("mariadb", "10.11.6"), "10.11");
            assert.strictEqual(rdsMajorVersion("mariadb", "11.4.4"), "11.4");
        });

        it("is undefined for engines not judged here (Oracle, SQL Server, Db2, Aurora MySQL, custom) and unknown engines", () => {
            for (const [engine, version] of [["oracle-ee", "19.0.0.0.ru-2024-10.rur-2024-10.r1"], ["oracle-se2", "19"], ["sqlserver-ee", "16.00.4165.4.v1"],
                ["db2-se", "11.5.9.0.sb00000000.r1"], ["aurora-mysql", "8.0"], ["custom-oracle-ee", "19.c.ee.002"], ["", "15.12"], ["Postgres", "15.12"], ["MYSQL", "8.0.40"]]) {
                assert.strictEqual(rdsMajorVersion(engine, version), undefined, `${engine} ${version}`);
                assert.strictEqual(pinsRdsMinor(engine, version), false, `${engine} ${version}`);
            }
        });

        it("is undefined for a version that is not dot-separated numbers", () => {
            for (const version of ["", "15.", ".15", "15..1", "v15", "15a", "15.x", "latest", " 15", "15 ", "8.0.mysql_aurora.3.05.2", "15-12", "15.12\n"]) {
                assert.strictEqual(rdsMajorVersion("postgres", version), undefined, JSON.stringify(version));
                assert.strictEqual(rdsMajorVersion("mysql", version), undefined, JSON.stringify(version));
                assert.strictEqual(pinsRdsMinor("postgres", version), false, JSON.stringify(version));
            }
        });
    });

    describe("pinsRdsMinor", () => {
        it("is true when the version names more than the major", () => {
            for (const [engine, version] of [["postgres", "15.12"], ["aurora-postgresql", "16.4"], ["postgres", "9.6.24"], ["mysql", "8.0.40"], ["mariadb", "10.11.6"]]) {
                assert.strictEqual(pinsRdsMinor(engine, version), true, `${engine} ${version}`);
            }
        });

        it("is false for the major alone, the form the provider documents for automatic minor upgrades", () => {
            for (const [engine, version] of [["postgres", "15"], ["aurora-postgresql", "16"], ["postgres", "9.6"], ["mysql", "8.0"], ["mariadb", "10.11"]]) {
                assert.strictEqual(pinsRdsMinor(engine, version), false, `${engine} ${version}`);
            }
        });
    });

    describe("elastiCacheVersionProblem", () => {
        it("accepts the documented forms: major.minor for 6+, 6.x for 6, the full version below 6", () => {
            for (const [engine, version] of [["redis", "7.1"], ["redis", "7.0"], ["redis", "6.2"], ["redis", "6.0"], ["redis", "6.x"], ["valkey", "7.2"], ["valkey", "8.0"], ["valkey", "8.1"],
                ["redis", "5.0.6"], ["redis", "4.0.10"], ["redis", "3.2.6"]]) {
                assert.strictEqual(elastiCacheVersionProblem(engine, version), undefined, `${engine} ${version}`);
            }
        });

        it("refuses a patch version for 6+, suggesting the major.minor it contains", () => {
            assert.strictEqual(elastiCacheVersionProblem("redis", "7.1.0"),
                "redis 7.1.0 pins a patch version; ElastiCache 7+ takes major.minor (e.g. 7.1) and applies patches itself");
            assert.strictEqual(elastiCacheVersionProblem("redis", "6.2.6"),
                "redis 6.2.6 pins a patch version; ElastiCache 6+ takes major.minor (e.g. 6.2) and applies patches itself");
            assert.strictEqual(elastiCacheVersionProblem("valkey", "8.0.1"),
                "valkey 8.0.1 pins a patch version; ElastiCache 8+ takes major.minor (e.g. 8.0) and applies patches itself");
            assert.strictEqual(elastiCacheVersionProblem("redis", "10.12.13"),
                "redis 10.12.13 pins a patch version; ElastiCache 10+ takes major.minor (e.g. 10.12) and applies patches itself");
        });

        it("refuses major.x for 7 and later (6.x is the only wildcard)", () => {
            assert.strictEqual(elastiCacheVersionProblem("redis", "7.x"), "redis 7.x: 7.x is accepted for version 6 only; give major.minor (e.g. 7.1)");
            assert.strictEqual(elastiCacheVersionProblem("valkey", "8.x"), "valkey 8.x: 8.x is accepted for version 6 only; give major.minor (e.g. 8.1)");
        });

        it("judges Redis OSS and Valkey only, and leaves versions it cannot read to the provider", () => {
            for (const [engine, version] of [["memcached", "1.6.22"], ["memcached", "7.1.0"], ["", "7.1.0"], ["Redis", "7.1.0"], ["valkeyx", "7.x"],
                ["redis", "7"], ["redis", "v7.1.0"], ["redis", "7.1.0-beta"], ["redis", "7.1.0.1"], ["redis", "7.y"], ["redis", "x.1"], ["redis", "7.1."], ["redis", ""], ["redis", " 7.1.0"]]) {
                assert.strictEqual(elastiCacheVersionProblem(engine, version), undefined, `${engine} ${JSON.stringify(version)}`);
            }
        });
    });
});
