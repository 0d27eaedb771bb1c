/**
 * How many connections a database admits, and where its "too many connections" alarm sits. Pure: used by the
 * observability component (and by config or the pack where they need it).
 */

/**
 * The alarm fires at this share of `max_connections`: the LMS guide alarms at 450 with max_connections 500, i.e.
 * when a tenth of the headroom is left. The same ratio gives MITA (max_connections 200) an alarm at 180.
 */
export const CONNECTIONS_ALARM_RATIO = 0.9;

export function connectionsAlarmThreshold(maxConnections: number): number {
    if (!Number.isFinite(maxConnections) || maxConnections < 1) {
        throw new Error(`max_connections must be a positive number, received ${maxConnections}`);
    }
    return Math.max(1, Math.floor(maxConnections * CONNECTIONS_ALARM_RATIO));
}

/**
 * The `max_connections` a parameter set gives, when it is a plain integer. RDS formulas
 * (`{DBInstanceClassMemory/…}`) and absent values give `undefined`: the engine's default then applies.
 */
export function configuredMaxConnections(parameters: Record<string, string> | undefined): number | undefined {
    const value = parameters?.max_connections;
    return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/** Nominal memory (GiB) per vCPU of the DB instance families, by the family's leading letters. */
const MEMORY_GIB_PER_VCPU: Array<[RegExp, number]> = [
    [/^x2/, 16],
    [/^(r|x|z)/, 8],
    [/^m/, 4],
];
/** Burstable classes do not follow a per-vCPU ratio. */
const BURSTABLE_MEMORY_GIB: Record<string, number> = { micro: 1, small: 2, medium: 4, large: 8, xlarge: 16, "2xlarge": 32 };

/** Nominal memory of a DB instance class (`db.r6g.2xlarge` → 64), or undefined for a class this table does not know. */
export function instanceClassMemoryGib(instanceClass: string): number | undefined {
    const match = /^db\.([a-z0-9-]+)\.([a-z0-9]+)$/.exec(instanceClass);
    if (!match) return undefined;
    const [, family, size] = match;
    if (family.startsWith("t")) return BURSTABLE_MEMORY_GIB[size];
    const vcpus = size === "large" ? 2 : size === "xlarge" ? 4 : /^(\d+)xlarge$/.test(size) ? 4 * Number(size.replace("xlarge", "")) : undefined;
    const perVcpu = MEMORY_GIB_PER_VCPU.find(([pattern]) => pattern.test(family))?.[1];
    return vcpus !== undefined && perVcpu !== undefined ? vcpus * perVcpu : undefined;
}

/**
 * RDS's default `max_connections` for a class (RDS user guide, "Maximum number of database connections"):
 * PostgreSQL LEAST({DBInstanceClassMemory/9531392}, 5000), MySQL {DBInstanceClassMemory/12582880}. The class's
 * nominal memory stands in for DBInstanceClassMemory, which is a little lower (the OS reserve); the alarm ratio
 * keeps the threshold below the real limit for the classes this table knows. Aurora's defaults follow other formulas
 * (logarithmic in memory): not known here, so an Aurora database's alarm needs max_connections or a threshold.
 */
export function rdsDefaultMaxConnections(engine: string, instanceClass: string): number | undefined {
    if (engine !== "postgres" && engine !== "mysql") return undefined;
    const gib = instanceClassMemoryGib(instanceClass);
    if (gib === undefined) return undefined;
    const bytes = gib * 1024 ** 3;
    return engine === "postgres" ? Math.min(Math.floor(bytes / 9531392), 5000) : Math.floor(bytes / 12582880);
}
