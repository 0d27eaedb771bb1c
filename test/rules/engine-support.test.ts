import * as assert from "assert";
import {
    ENGINE_SUPPORT_CHECKED_ON,
    engineMajorOf,
    EXTENDED_SUPPORT,
    EXTENDED_SUPPORT_DISABLED,
    lifecycleSupportProblem,
    pastStandardSupport,
    STANDARD_SUPPORT_ENDS,
    standardSupportEnd,
} from "../../lib/rules/engine-support";

describe("lib/rules/engine-support", () => {
    it("dates the end of standard support as the RDS and Aurora release calendars do", () => {
        // RDS for PostgreSQL and Aurora PostgreSQL release calendars: a major leaves standard support at the end of February.
        const postgres = { "11": "2024-02-29", "12": "2025-02-28", "13": "2026-02-28", "14": "2027-02-28", "15": "2028-02-29", "16": "2029-02-28" };
        assert.deepStrictEqual(STANDARD_SUPPORT_ENDS.postgres, { ...postgres, "17": "2030-02-28" });
        assert.deepStrictEqual(STANDARD_SUPPORT_ENDS["aurora-postgresql"], postgres);
        // RDS for MySQL release calendar.
        assert.deepStrictEqual(STANDARD_SUPPORT_ENDS.mysql, { "5.7": "2024-02-29", "8.0": "2026-07-31", "8.4": "2029-07-31" });
        // Aurora MySQL version 2 (5.7 compatible) and version 3 (8.0 compatible).
        assert.deepStrictEqual(STANDARD_SUPPORT_ENDS["aurora-mysql"], { "5.7": "2024-10-31", "8.0": "2028-04-30" });
        assert.match(ENGINE_SUPPORT_CHECKED_ON, /^\d{4}-\d{2}-\d{2}$/);
    });

    it("names the EngineLifecycleSupport values of the RDS API", () => {
        assert.strictEqual(EXTENDED_SUPPORT, "open-source-rds-extended-support");
        assert.strictEqual(EXTENDED_SUPPORT_DISABLED, "open-source-rds-extended-support-disabled");
    });

    describe("engineMajorOf", () => {
        it("PostgreSQL: the first number from 10 on, the first two before (9.6)", () => {
            for (const engine of ["postgres", "aurora-postgresql"]) {
                assert.strictEqual(engineMajorOf(engine, "15.12"), "15", engine);
                assert.strictEqual(engineMajorOf(engine, "15"), "15", engine);
                assert.strictEqual(engineMajorOf(engine, "10.21"), "10", engine);
                assert.strictEqual(engineMajorOf(engine, "9.6.24"), "9.6", engine);
            }
        });

        it("MySQL: the first two numbers, none from a bare number", () => {
            assert.strictEqual(engineMajorOf("mysql", "8.0.40"), "8.0");
            assert.strictEqual(engineMajorOf("mysql", "8.4"), "8.4");
            assert.strictEqual(engineMajorOf("mysql", "8"), undefined);
            assert.strictEqual(engineMajorOf("aurora-mysql", "8"), undefined);
        });

        it("Aurora MySQL: the MySQL version before `.mysql_aurora`", () => {
            assert.strictEqual(engineMajorOf("aurora-mysql", "8.0.mysql_aurora.3.05.2"), "8.0");
            assert.strictEqual(engineMajorOf("aurora-mysql", "5.7.mysql_aurora.2.12.1"), "5.7");
            assert.strictEqual(engineMajorOf("aurora-mysql", "8.0"), "8.0");
            assert.strictEqual(engineMajorOf("mysql", "8.0.mysql_aurora.3.05.2"), undefined, "RDS for MySQL has no Aurora suffix");
        });

        it("reads no other versions or engines", () => {
            for (const version of ["", "15.", ".15", "v15", "15.2-beta", "15 ", "latest"]) {
                assert.strictEqual(engineMajorOf("postgres", version), undefined, JSON.stringify(version));
            }
            assert.strictEqual(engineMajorOf("mariadb", "10.6.14"), undefined);
            assert.strictEqual(engineMajorOf("aurora-postgresql", "15.4.mysql_aurora"), undefined);
        });
    });

    describe("standardSupportEnd / pastStandardSupport", () => {
        it("looks up the major of any version", () => {
            assert.strictEqual(standardSupportEnd("postgres", "13.16"), "2026-02-28");
            assert.strictEqual(standardSupportEnd("aurora-mysql", "8.0.mysql_aurora.3.08.0"), "2028-04-30");
            assert.strictEqual(standardSupportEnd("postgres", "10.21"), undefined, "a major the table does not list");
            assert.strictEqual(standardSupportEnd("mysql", "8"), undefined);
            assert.strictEqual(standardSupportEnd("mariadb", "10.6"), undefined);
        });

        it("is past only from the day after the last day of standard support", () => {
            assert.strictEqual(pastStandardSupport("mysql", "8.0.40", "2026-07-30"), false);
            assert.strictEqual(pastStandardSupport("mysql", "8.0.40", "2026-07-31"), false);
            assert.strictEqual(pastStandardSupport("mysql", "8.0.40", "2026-08-01"), true);
            assert.strictEqual(pastStandardSupport("mariadb", "10.6", "2099-01-01"), false, "unknown majors are not judged");
            assert.strictEqual(pastStandardSupport("postgres", "10.21", "2099-01-01"), false);
        });
    });

    describe("lifecycleSupportProblem", () => {
        it("is silent while the major is in standard support, on its last day included", () => {
            for (const lifecycle of [undefined, "", EXTENDED_SUPPORT, EXTENDED_SUPPORT_DISABLED]) {
                assert.strictEqual(lifecycleSupportProblem("postgres", "13.16", lifecycle, "2026-02-28"), undefined, String(lifecycle));
            }
            assert.strictEqual(lifecycleSupportProblem("mariadb", "10.6", undefined, "2099-01-01"), undefined, "unknown majors are not judged");
        });

        it("past standard support, asks for an explicit choice when none is given, naming every newer major still supported", () => {
            const expected = 'postgres 13 left RDS standard support on 2026-02-28: without engineLifecycleSupport the database runs on paid RDS Extended Support by default; upgrade to postgres 14 or 15 or 16 or 17, or set engineLifecycleSupport: "open-source-rds-extended-support" to accept it knowingly';
            assert.strictEqual(lifecycleSupportProblem("postgres", "13.16", undefined, "2026-03-01"), expected);
            assert.strictEqual(lifecycleSupportProblem("postgres", "13.16", "", "2026-03-01"), expected, "an empty value is no choice");
        });

        it("offers only majors still supported after today (not one leaving support today)", () => {
            assert.match(lifecycleSupportProblem("postgres", "13", undefined, "2027-02-27")!, /; upgrade to postgres 14 or 15 or 16 or 17, or set/);
            assert.match(lifecycleSupportProblem("postgres", "13", undefined, "2027-02-28")!, /; upgrade to postgres 15 or 16 or 17, or set/);
            assert.match(lifecycleSupportProblem("aurora-mysql", "5.7.mysql_aurora.2.12.1", undefined, "2025-01-01")!, /^aurora-mysql 5\.7 left RDS standard support on 2024-10-31: .*; upgrade to aurora-mysql 8\.0, or set/);
        });

        it("with no newer major in support, asks for a supported major", () => {
            assert.strictEqual(
                lifecycleSupportProblem("mysql", "5.7.44", undefined, "2030-01-01"),
                'mysql 5.7 left RDS standard support on 2024-02-29: without engineLifecycleSupport the database runs on paid RDS Extended Support by default; upgrade to a supported major, or set engineLifecycleSupport: "open-source-rds-extended-support" to accept it knowingly',
            );
        });

        it("refuses the disabled value past standard support (RDS refuses it) and accepts extended support said explicitly", () => {
            assert.strictEqual(
                lifecycleSupportProblem("mysql", "8.0.40", EXTENDED_SUPPORT_DISABLED, "2026-12-04"),
                'mysql 8.0 left RDS standard support on 2026-07-31, and engineLifecycleSupport "open-source-rds-extended-support-disabled" refuses Extended Support: RDS does not create (or keep) it so; upgrade to mysql 8.4',
            );
            assert.strictEqual(lifecycleSupportProblem("mysql", "8.0.40", EXTENDED_SUPPORT, "2026-12-04"), undefined);
            assert.strictEqual(lifecycleSupportProblem("mysql", "8.0.40", "something-else", "2026-12-04"), undefined, "other values are the API's to refuse");
        });
    });
});
