/**
 * The form an engine version takes when the service upgrades minors by itself. Pure, no Pulumi import.
 *
 * RDS: with autoMinorVersionUpgrade (the default) RDS moves the instance to newer minors in the maintenance window; a
 * program that pins the minor (`15.12`, `8.0.40`) then asks for a downgrade on every later `up`, which RDS refuses,
 * and an old minor stops being creatable once AWS retires it. The AWS provider accepts the major alone (`15`, `8.0`)
 * and reports the running version in `engineVersionActual`.
 * https://www.pulumi.com/registry/packages/aws/api-docs/rds/instance/#engineversion_nodejs
 *
 * ElastiCache (Redis OSS 6+ and Valkey): the version is `major.minor` (`7.1`; `6.x` or `6.2` for 6) — ElastiCache
 * applies patches itself, and the provider refuses a patch-level version.
 * https://www.pulumi.com/registry/packages/aws/api-docs/elasticache/replicationgroup/#engineversion_nodejs
 */

/** RDS engines whose major is the first number (PostgreSQL 10+) or the first two (MySQL, MariaDB). */
const RDS_MAJOR_PARTS: Record<string, number> = {
    postgres: 1,
    "aurora-postgresql": 1,
    mysql: 2,
    mariadb: 2,
};

/**
 * The major version an RDS engine version belongs to (`15.12` → `15`, `8.0.40` → `8.0`), or undefined when the
 * engine's versions are not judged here (Oracle, SQL Server, Aurora MySQL, custom engines) or the text is not numeric.
 */
export function rdsMajorVersion(engine: string, version: string): string | undefined {
    const parts = RDS_MAJOR_PARTS[engine];
    if (!parts || !/^\d+(\.\d+)*$/.test(version)) return undefined;
    const numbers = version.split(".");
    // PostgreSQL 9.x had two-part majors.
    const count = engine.includes("postgres") && Number(numbers[0]) < 10 ? 2 : parts;
    return numbers.slice(0, count).join(".");
}

/** Whether an RDS engine version names more than its major (so auto minor upgrades make it drift). */
export function pinsRdsMinor(engine: string, version: string): boolean {
    const major = rdsMajorVersion(engine, version);
    return major !== undefined && major !== version;
}

/** What the provider/ElastiCache refuse in a Redis OSS or Valkey engine version, or undefined when it is acceptable. */
export function elastiCacheVersionProblem(engine: string, version: string): string | undefined {
    if (engine !== "redis" && engine !== "valkey") return undefined;
    const match = /^(\d+)\.(\d+|x)(?:\.(\d+))?$/.exec(version);
    if (!match) return undefined;
    const major = Number(match[1]);
    if (major < 6) return undefined;
    if (match[3] !== undefined) {
        return `${engine} ${version} pins a patch version; ElastiCache ${major}+ takes major.minor (e.g. ${match[1]}.${match[2]}) and applies patches itself`;
    }
    if (match[2] === "x" && major >= 7) {
        return `${engine} ${version}: ${major}.x is accepted for version 6 only; give major.minor (e.g. ${major}.1)`;
    }
    return undefined;
}
