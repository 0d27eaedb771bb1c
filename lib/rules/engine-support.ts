/**
 * End of RDS standard support per engine major: the one dated table for config validation (components/application-config.ts via
 * lib/rules/engine-versions.ts), components and the pack's deploy-engine-standard-support rule. Pure, no Pulumi import.
 *
 * After the date a major still runs, and new databases of it can still be created, but under paid RDS Extended Support
 * — which RDS enrols them in by default (`EngineLifecycleSupport` = `open-source-rds-extended-support`) — unless the
 * program says `open-source-rds-extended-support-disabled`, which RDS refuses for a major already past its standard
 * support. A program must therefore say which it means.
 * RDS for PostgreSQL: https://docs.aws.amazon.com/AmazonRDS/latest/PostgreSQLReleaseNotes/postgresql-release-calendar.html
 * RDS for MySQL: https://docs.aws.amazon.com/AmazonRDS/latest/MySQLReleaseNotes/mysql-release-calendar.html
 * Aurora PostgreSQL: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraPostgreSQLReleaseNotes/aurorapostgresql-release-calendar.html
 * Aurora MySQL: https://docs.aws.amazon.com/AmazonRDS/latest/AuroraMySQLReleaseNotes/AuroraMySQL.release-calendars.html
 * EngineLifecycleSupport: https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 *
 * Checked on 2026-12-04 (Aurora MySQL version 3: 2026-12-05, its release calendar's "Aurora end of standard support
 * date" 2028-04-30). Majors not listed (e.g. MariaDB) are not judged: add their dates here.
 */

export const ENGINE_SUPPORT_CHECKED_ON = "2026-12-04";

/** Engine → major (as rdsMajor() gives it) → last day of RDS standard support (ISO date). */
export const STANDARD_SUPPORT_ENDS: Record<string, Record<string, string>> = {
    postgres: { "11": "2024-02-29", "12": "2025-02-28", "13": "2026-02-28", "14": "2027-02-28", "15": "2028-02-29", "16": "2029-02-28", "17": "2030-02-28" },
    mysql: { "5.7": "2024-02-29", "8.0": "2026-07-31", "8.4": "2029-07-31" },
    "aurora-postgresql": { "11": "2024-02-29", "12": "2025-02-28", "13": "2026-02-28", "14": "2027-02-28", "15": "2028-02-29", "16": "2029-02-28" },
    // Aurora MySQL version 2 (MySQL 5.7 compatible) and version 3 (MySQL 8.0 compatible).
    "aurora-mysql": { "5.7": "2024-10-31", "8.0": "2028-04-30" },
};

/** EngineLifecycleSupport values. */
export const EXTENDED_SUPPORT = "open-source-rds-extended-support";
export const EXTENDED_SUPPORT_DISABLED = "open-source-rds-extended-support-disabled";

/**
 * The major of an engine version as the table keys it: `15.12` → `15`, `8.0.40` → `8.0`, Aurora MySQL
 * `8.0.mysql_aurora.3.05.2` → `8.0`; undefined for versions this table does not read.
 */
export function engineMajorOf(engine: string, version: string): string | undefined {
    const numeric = engine === "aurora-mysql" ? version.split(".mysql_aurora")[0] : version;
    if (!/^\d+(\.\d+)*$/.test(numeric)) return undefined;
    const parts = numeric.split(".");
    if (engine === "postgres" || engine === "aurora-postgresql") return Number(parts[0]) < 10 ? parts.slice(0, 2).join(".") : parts[0];
    if (engine === "mysql" || engine === "aurora-mysql") return parts.length >= 2 ? parts.slice(0, 2).join(".") : undefined;
    return undefined;
}

/** The last day of standard support of the engine's major, or undefined when the table does not know it. */
export function standardSupportEnd(engine: string, version: string): string | undefined {
    const major = engineMajorOf(engine, version);
    return major === undefined ? undefined : STANDARD_SUPPORT_ENDS[engine]?.[major];
}

/** True once `today` (ISO date) is past the major's standard support. */
export function pastStandardSupport(engine: string, version: string, today: string): boolean {
    const end = standardSupportEnd(engine, version);
    return end !== undefined && today > end;
}

/**
 * Why a database of `engine` `version` created or kept on `today` with `lifecycle` (its engineLifecycleSupport, or
 * undefined) is not what the program can mean, or undefined: past standard support it must say extended support
 * explicitly (the default enrols it silently, at a cost), and it cannot refuse it (RDS refuses that).
 */
export function lifecycleSupportProblem(engine: string, version: string, lifecycle: string | undefined, today: string): string | undefined {
    const end = standardSupportEnd(engine, version);
    if (end === undefined || today <= end) return undefined;
    const major = engineMajorOf(engine, version)!;
    const newer = Object.entries(STANDARD_SUPPORT_ENDS[engine] ?? {}).filter(([, date]) => date > today).map(([m]) => m);
    const upgrade = newer.length > 0 ? `upgrade to ${engine} ${newer.join(" or ")}` : "upgrade to a supported major";
    if (lifecycle === undefined || lifecycle === "") {
        return `${engine} ${major} left RDS standard support on ${end}: without engineLifecycleSupport the database runs on paid RDS Extended Support by default; ${upgrade}, or set engineLifecycleSupport: "${EXTENDED_SUPPORT}" to accept it knowingly`;
    }
    if (lifecycle === EXTENDED_SUPPORT_DISABLED) {
        return `${engine} ${major} left RDS standard support on ${end}, and engineLifecycleSupport "${EXTENDED_SUPPORT_DISABLED}" refuses Extended Support: RDS does not create (or keep) it so; ${upgrade}`;
    }
    return undefined;
}
