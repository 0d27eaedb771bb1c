/**
 * The SQL that creates an application's IAM-authenticated database user, as pure functions: the Lambda handler
 * (handler.ts) runs what these return, the component (components/database-users.ts) validates its arguments with the
 * same rules before registering anything, and the tests check the statements without a database.
 *
 * Sources (RDS User Guide): "Creating a database account using IAM authentication" — MySQL
 * `CREATE USER … IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'`, PostgreSQL `GRANT rds_iam TO <user>`;
 * "Setting and showing binary log configuration" — `CALL mysql.rds_set_configuration('binlog retention hours', n)`,
 * stored permanently, surviving reboots and failovers.
 */

export type UserEngine = "postgres" | "mysql";

/** The privileges an application user may be given: data access only, never DDL or administration. */
export const DML_PRIVILEGES = ["SELECT", "INSERT", "UPDATE", "DELETE"] as const;
export type DmlPrivilege = (typeof DML_PRIVILEGES)[number];

/** RDS for MySQL keeps binary logs at most 7 days (`binlog retention hours` 1–168). */
export const MAX_BINLOG_RETENTION_HOURS = 168;

/** What one invocation of the handler is asked to do. It holds names only: the master secret is read by the handler. */
export interface UserRequest {
    engine: UserEngine;
    /** Port of the database (the host is in the function's environment). */
    port: number;
    /** Database the privileges apply to (and, for PostgreSQL, the one the handler connects to). */
    database: string;
    /** The application's user; its IAM `rds-db:connect` resource names it with the same case. */
    user: string;
    privileges: DmlPrivilege[];
    /** MySQL only: `binlog retention hours` to set. */
    binlogRetentionHours?: number;
}

/**
 * Names that are not the application's to take: the engines' and RDS's own roles and users. Creating or granting to
 * one of them would change an administrator account (the master user is refused separately, by the handler, which
 * alone knows its name).
 */
const RESERVED_NAMES = new Set([
    "postgres", "public", "rdsadmin", "rds_superuser", "rds_iam", "rds_replication", "rds_password", "rdsrepladmin", "rdstopmgr",
    "pg_monitor", "pg_read_all_data", "pg_write_all_data", "pg_signal_backend", "root", "mysql", "sys", "information_schema",
    "performance_schema", "mysql.sys", "mysql.session", "mysql.infoschema", "rds_superuser_role", "template0", "template1",
]);

/** Both engines' limits: MySQL user names are at most 32 characters, PostgreSQL identifiers 63. */
const LIMITS = { user: 32, database: 63 };

/**
 * Why `name` cannot be used as an identifier here, or undefined. Only letters, digits and `_`, starting with a letter:
 * then quoting cannot be escaped, so no value reaches the SQL text except as a plain name.
 */
export function identifierProblem(kind: "user" | "database", name: unknown): string | undefined {
    if (typeof name !== "string" || !/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
        return `${kind} name must start with a letter and hold only letters, digits and _, received ${JSON.stringify(name)}`;
    }
    if (name.length > LIMITS[kind]) {
        return `${kind} name ${name} is longer than ${LIMITS[kind]} characters`;
    }
    if (RESERVED_NAMES.has(name.toLowerCase()) || /^(pg_|rds)/i.test(name)) {
        return `${kind} name ${name} is reserved by the engine or RDS`;
    }
    return undefined;
}

/** Every problem of a request (an invocation's input, or the component's arguments), or an empty list. */
export function requestProblems(request: unknown): string[] {
    if (typeof request !== "object" || request === null) {
        return ["the request must be an object"];
    }
    const r = request as Record<string, unknown>;
    const problems: string[] = [];
    if (r.engine !== "postgres" && r.engine !== "mysql") {
        problems.push(`engine must be postgres or mysql, received ${JSON.stringify(r.engine)}`);
    }
    if (!Number.isInteger(r.port) || (r.port as number) < 1 || (r.port as number) > 65535) {
        problems.push(`port must be 1–65535, received ${JSON.stringify(r.port)}`);
    }
    for (const kind of ["user", "database"] as const) {
        const problem = identifierProblem(kind, r[kind]);
        if (problem) problems.push(problem);
    }
    const privileges = r.privileges;
    if (!Array.isArray(privileges) || privileges.length === 0) {
        problems.push("privileges must be a non-empty list");
    } else {
        const unknown = privileges.filter((p) => !(DML_PRIVILEGES as readonly unknown[]).includes(p));
        if (unknown.length > 0) {
            problems.push(`privileges may only be ${DML_PRIVILEGES.join(", ")}, received ${unknown.map((p) => JSON.stringify(p)).join(", ")}`);
        }
        if (new Set(privileges).size !== privileges.length) {
            problems.push("privileges lists one privilege twice");
        }
    }
    const hours = r.binlogRetentionHours;
    if (hours !== undefined) {
        if (r.engine !== "mysql") {
            problems.push("binlogRetentionHours is a MySQL setting");
        } else if (!Number.isInteger(hours) || (hours as number) < 1 || (hours as number) > MAX_BINLOG_RETENTION_HOURS) {
            problems.push(`binlogRetentionHours must be 1–${MAX_BINLOG_RETENTION_HOURS} (RDS for MySQL keeps binary logs 7 days at most), received ${JSON.stringify(hours)}`);
        }
    }
    return problems;
}

/** The request, checked; throws with every problem otherwise. */
export function parseRequest(request: unknown): UserRequest {
    const problems = requestProblems(request);
    if (problems.length > 0) {
        throw new Error(`invalid request: ${problems.join("; ")}`);
    }
    const r = request as UserRequest;
    // Only the known fields, in a fixed order: nothing else of the input reaches the statements.
    return {
        engine: r.engine,
        port: r.port,
        database: r.database,
        user: r.user,
        privileges: DML_PRIVILEGES.filter((p) => r.privileges.includes(p)),
        ...(r.binlogRetentionHours !== undefined ? { binlogRetentionHours: r.binlogRetentionHours } : {}),
    };
}

/**
 * The statements that bring the user to the requested state, each safe to run again (a second run changes nothing).
 * Identifiers are validated by parseRequest, and quoted as well.
 */
export function userStatements(request: UserRequest): string[] {
    const r = parseRequest(request);
    const privileges = r.privileges.join(", ");
    if (r.engine === "postgres") {
        const user = `"${r.user}"`;
        return [
            // CREATE USER has no IF NOT EXISTS in PostgreSQL; a DO block checks the catalogue first. The quoted name
            // keeps its case, which the IAM policy's dbuser ARN must match.
            `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '${r.user}') THEN CREATE ROLE ${user} WITH LOGIN; END IF; END $$`,
            `ALTER ROLE ${user} WITH LOGIN`,
            `GRANT rds_iam TO ${user}`,
            `GRANT CONNECT ON DATABASE "${r.database}" TO ${user}`,
            `GRANT USAGE ON SCHEMA public TO ${user}`,
            `GRANT ${privileges} ON ALL TABLES IN SCHEMA public TO ${user}`,
            // Tables that migrations (run as the master user) create later.
            `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT ${privileges} ON TABLES TO ${user}`,
        ];
    }
    const user = `'${r.user}'@'%'`;
    return [
        `CREATE USER IF NOT EXISTS ${user} IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS' REQUIRE SSL`,
        // A user that existed already (created by hand, perhaps with a password) is brought to IAM authentication and TLS.
        `ALTER USER ${user} IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS' REQUIRE SSL`,
        `GRANT ${privileges} ON \`${r.database}\`.* TO ${user}`,
        ...(r.binlogRetentionHours !== undefined ? [`CALL mysql.rds_set_configuration('binlog retention hours', ${r.binlogRetentionHours})`] : []),
    ];
}
