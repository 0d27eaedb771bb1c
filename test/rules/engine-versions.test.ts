import * as assert from "assert";
import {
    allowedMajors,
    DatabaseEngine,
    DEFAULT_PORTS,
    ENGINE_MAJORS,
    engineFamily,
    engineMajor,
    engineVersionProblem,
    inExtendedSupport,
    isAurora,
    sqlDialect,
} from "../../lib/rules/engine-versions";

describe("lib/rules/engine-versions", () => {
    it("offers the majors RDS creates, with their parameter-group families and end of standard support", () => {
        // Families as `aws rds describe-db-engine-versions` names them (DBParameterGroupFamily); dates from the release calendars.
        assert.deepStrictEqual(ENGINE_MAJORS.postgres, [
            { major: "14", family: "postgres14", standardSupportEnds: "2027-02-28" },
            { major: "15", family: "postgres15", standardSupportEnds: "2028-02-29" },
            { major: "16", family: "postgres16", standardSupportEnds: "2029-02-28" },
            { major: "17", family: "postgres17", standardSupportEnds: "2030-02-28" },
        ]);
        assert.deepStrictEqual(ENGINE_MAJORS.mysql, [
            { major: "8.0", family: "mysql8.0", standardSupportEnds: "2026-07-31" },
            { major: "8.4", family: "mysql8.4", standardSupportEnds: "2029-07-31" },
        ]);
        assert.deepStrictEqual(ENGINE_MAJORS["aurora-mysql"], [{ major: "8.0", family: "aurora-mysql8.0", standardSupportEnds: "2028-04-30" }]);
    });

    it("uses the engines' default ports, and knows Aurora and the wire dialect", () => {
        assert.deepStrictEqual(DEFAULT_PORTS, { postgres: 5432, mysql: 3306, "aurora-mysql": 3306 });
        assert.deepStrictEqual(["postgres", "mysql", "aurora-mysql", "aurora-postgresql"].map(isAurora), [false, false, true, true]);
        assert.strictEqual(isAurora("mysql-aurora"), false);
        assert.deepStrictEqual((["postgres", "mysql", "aurora-mysql"] as DatabaseEngine[]).map(sqlDialect), ["postgres", "mysql", "mysql"]);
    });

    it("finds a major only by its exact name", () => {
        assert.strictEqual(engineMajor("postgres", "16")?.family, "postgres16");
        assert.strictEqual(engineMajor("mysql", "8.4")?.family, "mysql8.4");
        for (const version of ["16.4", "1", "8", "8.0"]) assert.strictEqual(engineMajor("postgres", version), undefined, version);
        assert.strictEqual(engineMajor("mariadb" as DatabaseEngine, "10.6"), undefined);
    });

    it("lists the allowed majors for messages", () => {
        assert.strictEqual(allowedMajors("postgres"), "14, 15, 16, 17");
        assert.strictEqual(allowedMajors("mysql"), "8.0, 8.4");
        assert.strictEqual(allowedMajors("aurora-mysql"), "8.0");
        assert.strictEqual(allowedMajors("mariadb" as DatabaseEngine), "");
    });

    describe("engineVersionProblem", () => {
        it("accepts every listed major", () => {
            for (const [engine, majors] of Object.entries(ENGINE_MAJORS)) {
                for (const { major } of majors) assert.strictEqual(engineVersionProblem(engine as DatabaseEngine, major), undefined, `${engine} ${major}`);
            }
        });

        it("names the major to give instead of a pinned minor", () => {
            const pinned = (version: string, major: string) =>
                `${version} pins a minor version while automatic minor upgrades are on (RDS upgrades the minor, and the next update would try to downgrade it); give the major only: "${major}"`;
            assert.strictEqual(engineVersionProblem("postgres", "15.12"), pinned("15.12", "15"));
            assert.strictEqual(engineVersionProblem("mysql", "8.0.40"), pinned("8.0.40", "8.0"));
            assert.strictEqual(engineVersionProblem("mysql", "8.4.3"), pinned("8.4.3", "8.4"));
            assert.strictEqual(engineVersionProblem("aurora-mysql", "8.0.mysql_aurora.3.05.2"), pinned("8.0.mysql_aurora.3.05.2", "8.0"));
        });

        it("refuses other versions, listing the allowed majors", () => {
            assert.strictEqual(engineVersionProblem("postgres", "13"), "postgres 13 is not a major version RDS can create; allowed: 14, 15, 16, 17");
            assert.strictEqual(engineVersionProblem("postgres", "150"), "postgres 150 is not a major version RDS can create; allowed: 14, 15, 16, 17", "not a minor of 15");
            assert.strictEqual(engineVersionProblem("mysql", "5.7.44"), "mysql 5.7.44 is not a major version RDS can create; allowed: 8.0, 8.4");
            assert.strictEqual(engineVersionProblem("aurora-mysql", "5.7"), "aurora-mysql 5.7 is not a major version RDS can create; allowed: 8.0");
            assert.strictEqual(engineVersionProblem("mariadb" as DatabaseEngine, "10.6"), "mariadb 10.6 is not a major version RDS can create; allowed: ");
        });
    });

    it("gives the family of a valid major and throws the problem for any other version", () => {
        assert.strictEqual(engineFamily("postgres", "17"), "postgres17");
        assert.strictEqual(engineFamily("aurora-mysql", "8.0"), "aurora-mysql8.0");
        assert.throws(() => engineFamily("postgres", "15.12"), (e: Error) => e.message === engineVersionProblem("postgres", "15.12"));
        assert.throws(() => engineFamily("mysql", "5.7"), { message: "mysql 5.7 is not a major version RDS can create; allowed: 8.0, 8.4" });
    });

    it("is in Extended Support only from the day after standard support ends, and only for a listed major", () => {
        assert.strictEqual(inExtendedSupport("mysql", "8.0", "2026-07-31"), false);
        assert.strictEqual(inExtendedSupport("mysql", "8.0", "2026-08-01"), true);
        assert.strictEqual(inExtendedSupport("mysql", "8.4", "2026-08-01"), false);
        assert.strictEqual(inExtendedSupport("mysql", "8.0.40", "2099-01-01"), false, "not a listed major");
    });
    it("an engine named like an Object property has no majors (a message, not a crash)", () => {
        for (const engine of ["constructor", "toString", "__proto__"]) {
            assert.strictEqual(engineMajor(engine as DatabaseEngine, "16"), undefined, engine);
            assert.strictEqual(engineVersionProblem(engine as DatabaseEngine, "16.1"), `${engine} 16.1 is not a major version RDS can create; allowed: `);
        }
    });
});
