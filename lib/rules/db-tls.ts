/**
 * Whether an RDS database forces TLS on every connection, from its parameter group's family and parameters. Pure, no
 * Pulumi import: the policy pack judges with it. RDS for PostgreSQL 15 and later set `rds.force_ssl` to 1 in their
 * default parameter groups (0 before 15); RDS for MySQL and MariaDB leave `require_secure_transport` off.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/ssl-certificate-rotation-postgresql.html
 */

import { rdsMajorVersion } from "./engine-version-form";

/** The first PostgreSQL major whose default `rds.force_ssl` is 1. */
export const POSTGRES_FORCE_SSL_DEFAULT_FROM = 15;

/** Whether a parameter group family's defaults force TLS (`postgres15`, `postgres16`, … do; `postgres14`, `mysql8.0` do not). */
export function familyForcesTlsByDefault(family: string): boolean {
    const postgres = /^postgres(\d+)$/.exec(family);
    return postgres !== null && Number(postgres[1]) >= POSTGRES_FORCE_SSL_DEFAULT_FROM;
}

/** The parameter group family of an RDS instance's default group (`default.postgres16` → `postgres16`), or undefined. */
export function defaultGroupFamily(parameterGroupName: string): string | undefined {
    return parameterGroupName.startsWith("default.") ? parameterGroupName.slice("default.".length) : undefined;
}

/**
 * The family of the default group RDS gives an instance that names none: `postgres<major>` for RDS for PostgreSQL
 * (its default engine version when none is given, PostgreSQL 15 or later since 2023), otherwise undefined (not needed:
 * no other engine's defaults force TLS).
 */
export function implicitGroupFamily(engine: string | undefined, engineVersion: string | undefined): string | undefined {
    if (engine !== "postgres") return undefined;
    if (engineVersion === undefined) return `postgres${POSTGRES_FORCE_SSL_DEFAULT_FROM}`;
    const major = rdsMajorVersion(engine, engineVersion);
    return major ? `postgres${major}` : undefined;
}

/** Whether one parameter forces TLS: `rds.force_ssl` 1 (PostgreSQL) or `require_secure_transport` ON/1 (MySQL, MariaDB). */
export function parameterForcesTls(name: string, value: unknown): boolean {
    if (name === "rds.force_ssl") return String(value) === "1";
    if (name === "require_secure_transport") return ["ON", "1"].includes(String(value).toUpperCase());
    return false;
}

/**
 * Whether a group's own parameters force TLS (true), turn it off (false), or leave it to the family's default
 * (undefined: the group sets neither `rds.force_ssl` nor `require_secure_transport`).
 */
export function tlsParameterSetting(parameters: ReadonlyArray<{ name: string; value: unknown }>): boolean | undefined {
    const set = parameters.filter((p) => p.name === "rds.force_ssl" || p.name === "require_secure_transport");
    return set.length === 0 ? undefined : set.some((p) => parameterForcesTls(p.name, p.value));
}
