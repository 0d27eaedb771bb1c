/**
 * RDS engine versions the platform can create, by major version. One home for config validation, the Database
 * component and the policy pack.
 *
 * Why majors only: the databases run with `autoMinorVersionUpgrade`, so RDS moves them to new minors in the maintenance
 * window. A pinned minor (`15.12`) then makes every later `pulumi up` try to "downgrade" to it, which RDS refuses, and
 * an old minor stops being creatable once AWS retires it. The AWS provider documents the major-only form for this case
 * (`engineVersion: "15"`, `"8.0"`): RDS creates the instance with the default (latest recommended) minor of that major,
 * and the provider keeps the upgraded minor in `engineVersionActual` without a diff.
 * https://www.pulumi.com/registry/packages/aws/api-docs/rds/instance/ (engineVersion, autoMinorVersionUpgrade)
 *
 * The table lists the majors RDS offers for new instances (`aws rds describe-db-engine-versions --engine <e>
 * --default-only`), with the end of RDS standard support from the RDS release calendars; a major past it is still
 * creatable but runs under paid RDS Extended Support, which the check reports.
 * PostgreSQL: https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html
 * MySQL: https://docs.aws.amazon.com/AmazonRDS/latest/MySQLReleaseNotes/mysql-release-calendar.html
 *
 * Aurora MySQL takes the same major-only form: `8.0` creates the default Aurora MySQL version 3 minor
 * (`8.0.mysql_aurora.3.x`), and the provider's engine-version comparison treats the running
 * `8.0.mysql_aurora.3.10.0` as matching `8.0` (no diff after Aurora's minor upgrades).
 * Aurora MySQL: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/AuroraMySQL.release-calendars.html
 */

import { STANDARD_SUPPORT_ENDS } from "./engine-support";

/** RDS for PostgreSQL, RDS for MySQL, or Aurora MySQL (an Aurora cluster with writer and reader instances). */
export type DatabaseEngine = "postgres" | "mysql" | "aurora-mysql";

export interface EngineMajor {
    /** Major version as RDS takes it in `EngineVersion` (`15`, `8.0`). */
    major: string;
    /** Parameter-group family. */
    family: string;
    /** Last day of RDS standard support (ISO date; the dated table lives in lib/rules/engine-support.ts). */
    standardSupportEnds: string;
}

export const ENGINE_MAJORS: Record<DatabaseEngine, readonly EngineMajor[]> = {
    postgres: [
        { major: "14", family: "postgres14", standardSupportEnds: STANDARD_SUPPORT_ENDS.postgres["14"] },
        { major: "15", family: "postgres15", standardSupportEnds: STANDARD_SUPPORT_ENDS.postgres["15"] },
        { major: "16", family: "postgres16", standardSupportEnds: STANDARD_SUPPORT_ENDS.postgres["16"] },
        { major: "17", family: "postgres17", standardSupportEnds: STANDARD_SUPPORT_ENDS.postgres["17"] },
    ],
    mysql: [
        { major: "8.0", family: "mysql8.0", standardSupportEnds: STANDARD_SUPPORT_ENDS.mysql["8.0"] },
        { major: "8.4", family: "mysql8.4", standardSupportEnds: STANDARD_SUPPORT_ENDS.mysql["8.4"] },
    ],
    // Aurora MySQL version 3 (MySQL 8.0 compatible).
    "aurora-mysql": [
        { major: "8.0", family: "aurora-mysql8.0", standardSupportEnds: STANDARD_SUPPORT_ENDS["aurora-mysql"]["8.0"] },
    ],
};

export const DEFAULT_PORTS: Record<DatabaseEngine, number> = { postgres: 5432, mysql: 3306, "aurora-mysql": 3306 };

/** Whether the engine is an Aurora engine: a cluster volume (no allocated storage) with writer and reader instances. */
export function isAurora(engine: string): boolean {
    return engine.startsWith("aurora");
}

/** The SQL dialect of an engine: what a client driver speaks (Aurora MySQL is MySQL on the wire). */
export function sqlDialect(engine: DatabaseEngine): "postgres" | "mysql" {
    return engine === "postgres" ? "postgres" : "mysql";
}

/** The majors of `engine` (own keys only: an engine named like an Object property has none), or an empty list. */
function majorsOf(engine: string): readonly EngineMajor[] {
    return Object.prototype.hasOwnProperty.call(ENGINE_MAJORS, engine) ? ENGINE_MAJORS[engine as DatabaseEngine] : [];
}

export function engineMajor(engine: DatabaseEngine, version: string): EngineMajor | undefined {
    return majorsOf(engine).find((m) => m.major === version);
}

/** Majors allowed for `engine`, for messages: `14, 15, 16, 17`. */
export function allowedMajors(engine: DatabaseEngine): string {
    return majorsOf(engine).map((m) => m.major).join(", ");
}

/**
 * Why `version` cannot be used for `engine` with automatic minor upgrades, or undefined when it can. A pinned minor
 * names its major in the message (`15.12` → give `15`).
 */
export function engineVersionProblem(engine: DatabaseEngine, version: string): string | undefined {
    if (engineMajor(engine, version)) {
        return undefined;
    }
    const pinnedMajor = majorsOf(engine).find((m) => version.startsWith(`${m.major}.`));
    if (pinnedMajor) {
        return `${version} pins a minor version while automatic minor upgrades are on (RDS upgrades the minor, and the next update would try to downgrade it); give the major only: "${pinnedMajor.major}"`;
    }
    return `${engine} ${version} is not a major version RDS can create; allowed: ${allowedMajors(engine)}`;
}

/** Parameter-group family of a valid major, e.g. `postgres15`, `mysql8.0`. */
export function engineFamily(engine: DatabaseEngine, version: string): string {
    const major = engineMajor(engine, version);
    if (!major) {
        throw new Error(engineVersionProblem(engine, version));
    }
    return major.family;
}

/** True once `today` (ISO date) is past the major's RDS standard support: the instance runs under Extended Support. */
export function inExtendedSupport(engine: DatabaseEngine, version: string, today: string): boolean {
    const major = engineMajor(engine, version);
    return !!major && today > major.standardSupportEnds;
}
