/**
 * Allowed values of engine parameters the platform and the guides set, from the engines' parameter groups (`aws rds
 * describe-engine-default-parameters` AllowedValues) and their documentation. One home for config validation, the
 * Database component and the pack's deploy-parameter-values rule. Pure, no Pulumi import. A parameter not in the table
 * is not judged.
 * RDS MySQL TLS (require_secure_transport is 0|1 on RDS for MySQL 8.0/8.4, not ON/OFF):
 *   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html
 * RDS PostgreSQL rds.force_ssl and ssl_min_protocol_version:
 *   https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html
 * MySQL tls_version: https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.tls-versions.html
 * ElastiCache maxmemory-policy: https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/ParameterGroups.Engine.html
 */

export interface ParameterRule {
    /** Parameter-group families the rule applies to (`mysql8.0`, `aurora-mysql8.0`, `postgres15`, `redis7`…). */
    families: RegExp;
    /** Allowed values, or a check returning the expectation when the value is not allowed. */
    allowed: readonly string[] | ((value: string) => string | undefined);
    doc: string;
}

const MYSQL = /^(mysql8\.[04]|aurora-mysql8\.0)$/;
const POSTGRES = /^(aurora-)?postgres(ql)?\d+$/;
const bool01 = ["0", "1"] as const;
const list = (allowed: readonly string[]) => (value: string) =>
    value.split(",").every((v) => allowed.includes(v.trim())) && value.length > 0 ? undefined : `a comma-separated list of ${allowed.join(", ")}`;
const integerIn = (min: number, max: number) => (value: string) =>
    /^\{.+\}$/.test(value) || (/^\d+$/.test(value) && Number(value) >= min && Number(value) <= max) ? undefined : `an integer ${min}–${max} or an RDS formula such as {DBInstanceClassMemory/12582880}`;

/** Parameter name → its rules (by family). */
export const PARAMETER_RULES: Record<string, ParameterRule[]> = {
    require_secure_transport: [{ families: MYSQL, allowed: bool01, doc: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html" }],
    "rds.force_ssl": [{ families: POSTGRES, allowed: bool01, doc: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html" }],
    tls_version: [
        { families: /^mysql8\.4$/, allowed: list(["TLSv1.2", "TLSv1.3"]), doc: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.tls-versions.html" },
        { families: /^(mysql8\.0|aurora-mysql8\.0)$/, allowed: list(["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"]), doc: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.tls-versions.html" },
    ],
    ssl_min_protocol_version: [{ families: POSTGRES, allowed: ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"], doc: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html" }],
    log_statement: [{ families: POSTGRES, allowed: ["none", "ddl", "mod", "all"], doc: "https://www.postgresql.org/docs/current/runtime-config-logging.html#GUC-LOG-STATEMENT" }],
    innodb_flush_log_at_trx_commit: [{ families: MYSQL, allowed: ["0", "1", "2"], doc: "https://dev.mysql.com/doc/refman/8.0/en/innodb-parameters.html#sysvar_innodb_flush_log_at_trx_commit" }],
    general_log: [{ families: MYSQL, allowed: bool01, doc: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MySQL.LogFileSize.html" }],
    slow_query_log: [{ families: MYSQL, allowed: bool01, doc: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MySQL.LogFileSize.html" }],
    log_output: [{ families: MYSQL, allowed: ["TABLE", "FILE", "NONE"], doc: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_LogAccess.MySQL.LogFileSize.html" }],
    max_connections: [
        { families: MYSQL, allowed: integerIn(1, 100000), doc: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.MaxConnections" },
        { families: POSTGRES, allowed: integerIn(6, 262143), doc: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.MaxConnections" },
    ],
    "maxmemory-policy": [{
        families: /^(redis|valkey)\d/,
        allowed: ["volatile-lru", "allkeys-lru", "volatile-lfu", "allkeys-lfu", "volatile-random", "allkeys-random", "volatile-ttl", "noeviction"],
        doc: "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/ParameterGroups.Engine.html",
    }],
};

/**
 * Aurora MySQL parameters the platform and the guides set that live in the DB *cluster* parameter group; every other
 * one is instance-level and goes in the instances' DB parameter group (Aurora MySQL reference, "Cluster-level
 * parameters"; require_secure_transport and tls_version: "TLS connections to Aurora MySQL DB clusters").
 * https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/AuroraMySQL.Reference.ParameterGroups.html
 */
export const AURORA_CLUSTER_PARAMETERS: readonly string[] = ["require_secure_transport", "tls_version", "binlog_format"];

/** Why `value` is not allowed for parameter `name` in `family`, or undefined (allowed, or not in the table). */
export function parameterValueProblem(family: string, name: string, value: string): string | undefined {
    // Own keys only: a parameter named like an Object property (constructor, toString) is simply not in the table.
    const rule = Object.prototype.hasOwnProperty.call(PARAMETER_RULES, name) ? PARAMETER_RULES[name].find((r) => r.families.test(family)) : undefined;
    if (!rule) return undefined;
    if (typeof rule.allowed === "function") {
        const expected = rule.allowed(value);
        return expected && `${name} = ${JSON.stringify(value)} is not allowed in ${family}; expected ${expected} (${rule.doc})`;
    }
    return rule.allowed.includes(value) ? undefined : `${name} = ${JSON.stringify(value)} is not allowed in ${family}; allowed: ${rule.allowed.join(", ")} (${rule.doc})`;
}
