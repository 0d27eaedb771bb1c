import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { isValidFargateSize, validFargateMemory, FARGATE_CPU_VALUES } from "../lib/rules/fargate";
import { engineVersionProblem } from "../lib/rules/engine-versions";
import { databaseShapeProblems } from "../lib/rules/rds-replicas";
import { subnetCidrsProblem } from "../lib/rules/subnet-layout";
import { CLOUDWATCH_RETENTION_DAYS, isCloudWatchRetention, nearestCloudWatchRetention, SEVEN_YEARS_DAYS } from "../lib/rules/retention";
import { hasHostBits, networkOf } from "../lib/rules/cidr";
import { CLOUDFRONT_ALIAS_PATTERN } from "../lib/rules/static-site";
import { isPerformanceInsightsRetention } from "../lib/rules/performance-insights";
import { availabilityZonesOf, isKnownRegion, KNOWN_REGIONS } from "../lib/rules/regions";
import { GENERATED_LENGTH, isSecretLikeName, isSecretLikePath, looksLikeSecretValue, urlCarriesToken } from "../lib/rules/secrets";
import { APPLICATION_COMPONENT_SUFFIXES, isPlatformEnvironmentName } from "../lib/rules/application-environment";
import { ACCEPTED_TLS_POLICIES, DEFAULT_TLS_POLICY } from "../lib/rules/tls";
import { CACHE_NODES, cacheTopologyProblem, MIN_NODES_FOR_FAILOVER } from "../lib/rules/cache-topology";
import { DATA_CLASSIFICATIONS } from "../lib/tags";
import { identifierProblem, MAX_BINLOG_RETENTION_HOURS } from "../components/database-users/sql";
import { pathRateLimitRuleName, WAF_MAX_RATE_LIMIT, WAF_MIN_RATE_LIMIT, WAF_RATE_WINDOWS_SECONDS } from "../lib/rules/waf";
import { continuousRetentionDays, VAULT_LOCK_BOUNDS, vaultLockRetentionProblem } from "../lib/rules/backup-limits";
import { DEFAULT_5XX_PERCENT, DEFAULT_APPLICATION_LOG_RETENTION_DAYS, DEFAULT_ERROR_LOG_RETENTION_DAYS, DEFAULT_FRAME_OPTIONS, DEFAULT_HEALTH_CHECK_PATH, DEFAULT_HSTS, DEFAULT_P95_LATENCY_SECONDS, DEFAULT_PERFORMANCE_INSIGHTS_RETENTION_DAYS, DEFAULT_REDIS_ENGINE_VERSION, DEFAULT_REDIS_SNAPSHOT_RETENTION_DAYS, DEFAULT_TRANSITION_TO_IA_DAYS, DEFAULT_WAF_RATE_LIMIT_PER_IP, DEFAULT_WRITABLE_PATHS } from "../lib/defaults";

/**
 * Typed, validated stack configuration: the `Application` component's input (`ServiceConfig`, `EnvironmentConfig`),
 * so it lives with the components (components never import stacks/) and ships as `aws-platform/config`; the stacks
 * import it from here. Everything the stacks build comes from here; nothing else reads
 * `pulumi.Config`. `loadConfig()` runs before any resource is registered and turns every problem into one
 * `ConfigError` that names the stack file, the key path, what was received (never a secret) and what is allowed.
 */

/** A user error in stack configuration: printed by the Pulumi CLI as a message, without a stack trace. */
export class ConfigError extends pulumi.RunError {
    constructor(readonly problems: string[], readonly stackFile = "the stack configuration") {
        super(
            problems.length === 1
                ? `Invalid stack configuration in ${stackFile}: ${problems[0]}`
                : `Invalid stack configuration in ${stackFile} (${problems.length} problems):\n  - ${problems.join("\n  - ")}`,
        );
        this.name = "ConfigError";
        // The problem is in YAML, not in code: no frames, so neither the CLI nor the preview points at a source line.
        this.stack = `${this.name}: ${this.message}`;
    }
}

type Path = Array<string | number>;

// ---------------------------------------------------------------------------------------------------------------
// Schema building blocks. Every message is the "expected …" half; the formatter adds the key path and what was received.

const expecting = (text: string) => ({ error: () => `expected ${text}` });

function integer(min: number, max?: number, unit = ""): z.ZodNumber {
    const expected = max === undefined ? `an integer ≥ ${min}${unit}` : `an integer ${min}–${max}${unit}`;
    let schema = z.number(expecting(expected)).int({ error: () => `not an integer; expected ${expected}` }).min(min, expecting(expected));
    if (max !== undefined) {
        schema = schema.max(max, expecting(expected));
    }
    return schema;
}

function decimal(min: number, max: number, expected: string): z.ZodNumber {
    return z.number(expecting(expected)).min(min, expecting(expected)).max(max, expecting(expected));
}

function text(pattern: RegExp, expected: string): z.ZodString {
    return z.string(expecting(expected)).regex(pattern, expecting(expected));
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
    return z.enum(values, expecting(`one of ${values.map((v) => JSON.stringify(v)).join(", ")}`));
}

const bool = () => z.boolean(expecting("true or false"));
const list = <T extends z.ZodType>(item: T, what: string) => z.array(item, expecting(`a list of ${what}`));
const object = <T extends z.core.$ZodLooseShape>(shape: T) => z.strictObject(shape, expecting("a map of keys (see the configuration reference in README.md)"));

const retentionDays = z.number(expecting("a CloudWatch Logs retention in days")).int({ error: () => "not an integer; expected a CloudWatch Logs retention in days" })
    .refine(isCloudWatchRetention, {
        error: (issue) => `is not a CloudWatch Logs retention; nearest allowed is ${nearestCloudWatchRetention(Number(issue.input))} (allowed: ${CLOUDWATCH_RETENTION_DAYS.join(", ")})`,
    });

const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const region = (example: string) => text(REGION_PATTERN, `an AWS region such as ${example}`)
    .refine(isKnownRegion, { error: () => `is not a Region in lib/rules/regions.ts; allowed: ${KNOWN_REGIONS.join(", ")}` });

const privateCidr = z.string(expecting("an IPv4 CIDR block such as 10.0.0.0/16"))
    .refine((cidr) => networkOf(cidr) !== undefined, { error: () => "expected an IPv4 CIDR block such as 10.0.0.0/16", abort: true })
    .refine((cidr) => !hasHostBits(cidr), { error: (issue) => `has host bits set; the network address is ${networkOf(String(issue.input))}`, abort: true })
    .refine((cidr) => {
        const prefix = Number(cidr.split("/")[1]);
        return prefix >= 16 && prefix <= 22;
    }, { error: () => "must have a prefix between /16 and /22 (room for three subnet tiers per AZ)" })
    .refine((cidr) => /^(10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.)/.test(cidr), {
        error: () => "must be in a private (RFC 1918) range: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16",
    });

const availabilityZone = text(/^[a-z]{2}(-[a-z]+)+-\d+[a-z]$/, "an AZ name such as us-east-1a");
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const environmentSchema = object({
    /** Environment name used in resource names and the `environment` tag; defaults to the stack name. */
    name: text(/^[a-z][a-z0-9-]{1,20}$/, "2–21 lower-case letters, digits or dashes").optional(),
    /** `production` turns on every protection (Multi-AZ, NAT per AZ, deletion protection, compliance vault lock). */
    tier: oneOf(["production", "staging"]),
    region: region("us-east-1"),
    vpcCidr: privateCidr,
    availabilityZones: list(availabilityZone, "AZ names").min(2, expecting("at least 2 availability zones")).max(6, expecting("at most 6 availability zones")),
    natGateways: oneOf(["one-per-az", "single"]).default("one-per-az"),
    /** Explicit subnet CIDRs per tier, one per AZ in AZ order (e.g. an application guide's); default: computed layout. */
    subnetCidrs: object({
        public: list(z.string(expecting("an IPv4 CIDR block such as 10.0.1.0/24")), "CIDR blocks, one per AZ"),
        app: list(z.string(expecting("an IPv4 CIDR block such as 10.0.10.0/24")), "CIDR blocks, one per AZ"),
        data: list(z.string(expecting("an IPv4 CIDR block such as 10.0.20.0/24")), "CIDR blocks, one per AZ"),
    }).optional(),
    owner: z.string(expecting("the owning team")).min(1, expecting("the owning team")),
    costCenter: z.string(expecting("a cost center such as CC-1001")).min(1, expecting("a cost center such as CC-1001")),
    alerts: object({
        emails: list(z.email(expecting("an e-mail address")), "e-mail addresses").min(1, expecting("at least one e-mail address")),
        /** Webhook URLs; usually carry a token, so give them as `secure:` values. Checked after decryption. */
        httpsEndpoints: list(z.string(expecting("an https:// URL")), "https:// URLs").default([]),
    }),
    flowLogRetentionDays: retentionDays.default(365),
    wafLogRetentionDays: retentionDays.default(365),
    backup: object({
        dailyRetentionDays: integer(1, 36500, " days"),
        continuousBackup: bool().default(true),
        longTermRetentionDays: integer(365, undefined, " days").default(2557),
        vaultLockMode: oneOf(["compliance", "governance"]),
        disasterRecoveryRegion: region("us-west-2").optional(),
        restoreTestSchedule: text(/^cron\(.+\)$/, "an AWS cron expression such as cron(0 5 ? * SUN *)").default("cron(0 5 ? * SUN *)"),
    }),
});

const databaseSchema = object({
    /** RDS for PostgreSQL or MySQL, or Aurora MySQL (docs/database-readable-copies.md says which shape has what). */
    engine: oneOf(["postgres", "mysql", "aurora-mysql"]),
    engineVersion: z.string(expecting("an engine major version such as \"15\" or \"8.0\" (quote it in YAML)")),
    /** Instance class of the primary (Aurora: of the writer, and of the readers unless readerInstanceClass says). */
    instanceClass: text(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "an RDS instance class such as db.r6g.xlarge"),
    /** Aurora only: class of the reader instances (default: the writer's). */
    readerInstanceClass: text(/^db\.[a-z0-9]+\.[a-z0-9]+$/, "an RDS instance class such as db.r6g.large").optional(),
    /** Initial gp3 storage of an RDS database; not allowed for Aurora, whose cluster volume has no size to set. */
    allocatedStorageGb: integer(20, 65536, " GiB").optional(),
    /** Storage-autoscaling ceiling of a DB instance; not allowed for a Multi-AZ DB cluster or Aurora (lib/rules/rds-replicas.ts). */
    maxAllocatedStorageGb: integer(21, 65536, " GiB").optional(),
    multiAz: bool(),
    /**
     * Readable copies. RDS: 0, or 2 (a Multi-AZ DB cluster: writer + two readable standbys). Aurora: 0 to 15 reader
     * instances (lib/rules/rds-replicas.ts).
     */
    readReplicas: integer(0, 15).default(0),
    backupRetentionDays: integer(1, 35, " days"),
    databaseName: text(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, "a name that starts with a letter and holds only letters, digits and _"),
    masterUsername: text(/^[a-zA-Z][a-zA-Z0-9_]{0,15}$/, "a user name that starts with a letter, up to 16 letters, digits or _"),
    performanceInsightsRetentionDays: integer(7, 731, " days").default(DEFAULT_PERFORMANCE_INSIGHTS_RETENTION_DAYS),
    /** Database user of the application (IAM-authenticated; the guides' `mita_app`, `lms_app`). */
    appUsername: text(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/, "a user name that starts with a letter, up to 32 letters, digits or _"),
    /** MySQL only: hours RDS keeps binary logs (`mysql.rds_set_configuration('binlog retention hours', n)`, set during `up`). */
    binlogRetentionHours: integer(1, MAX_BINLOG_RETENTION_HOURS, " hours").optional(),
    /** Engine parameters the application's guide sets (e.g. max_connections); the platform's TLS and logging baseline wins. */
    parameters: z.record(text(/^[a-z_.]+$/, "a parameter name such as max_connections"), z.string(expecting("a parameter value as a string (quote numbers in YAML)")), expecting("a map of engine parameters")).default({}),
});

const cacheSchema = object({
    nodeType: text(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, "an ElastiCache node type such as cache.r7g.large"),
    numNodes: integer(CACHE_NODES.min, CACHE_NODES.max),
    automaticFailover: bool(),
    engineVersion: text(/^7\.\d+$/, "a Redis 7 version such as \"7.1\"").default(DEFAULT_REDIS_ENGINE_VERSION),
    /** Must stay true: turning transit encryption off (or on) replaces the replication group and loses its data. */
    transitEncryption: z.literal(true, { error: () => "must stay true: toggling transit encryption replaces the replication group (data loss) and would allow plaintext" }).default(true),
    snapshotRetentionDays: integer(1, 35, " days").default(DEFAULT_REDIS_SNAPSHOT_RETENTION_DAYS),
});

const bucketSchema = object({
    name: text(/^[a-z][a-z0-9-]{1,30}$/, "2–31 lower-case letters, digits or dashes"),
    purpose: z.string(expecting("a short description")).min(1, expecting("a short description")),
    transitionToIaDays: integer(30, undefined, " days").default(DEFAULT_TRANSITION_TO_IA_DAYS),
});

const serviceSchema = object({
    /** Container image with an immutable tag or digest. */
    image: z.string(expecting("the container image to run, e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2")).min(1, expecting("the container image to run")),
    containerPort: integer(1, 65535),
    healthCheckPath: text(/^\//, "a path starting with /").default(DEFAULT_HEALTH_CHECK_PATH),
    cpu: z.number(expecting("a Fargate CPU size")).int({ error: () => "not an integer; expected a Fargate CPU size" }),
    memory: z.number(expecting("a Fargate memory size in MiB")).int({ error: () => "not an integer; expected a Fargate memory size in MiB" }),
    desiredCount: integer(1),
    minCount: integer(1),
    maxCount: integer(1, 100),
    targetCpuPercent: decimal(10, 95, "a number 10–95"),
    dataClassification: oneOf(DATA_CLASSIFICATIONS),
    /**
     * Environment variables. Plain values must not be secrets; secret ones are given as `secure:` values and reach the
     * container from Secrets Manager, never as plain variables.
     */
    environment: z.record(text(ENV_NAME, "an environment-variable name such as LOG_LEVEL"), z.string(expecting("a string (quote numbers and booleans in YAML)")), expecting("a map of NAME: value"))
        .default({}),
    /**
     * Names of application secrets whose values only their owner can give (third-party API keys): created empty in
     * Secrets Manager and put out of band. ECS cannot start a task while one has no value, so `appSecretsReady` must
     * say whether they are set: until it is true the service is held at 0 tasks (see README "Application secrets").
     */
    appSecrets: list(text(/^[A-Z_][A-Z0-9_]*$/, "an environment-variable name such as JWT_SECRET_KEY"), "environment-variable names").default([]),
    /**
     * Whether every `appSecrets` value has been put: false holds the service at 0 tasks. Production must declare it
     * when `appSecrets` is not empty; elsewhere it defaults to true (the values are assumed put, as before).
     */
    appSecretsReady: bool().optional(),
    /**
     * Secrets the platform generates once at creation (the application's own keys and salts), as NAME: length in
     * characters (letters and digits): no hand step. Only for secrets without a value yet (see AppSecretsArgs.generate).
     */
    generatedSecrets: z.record(text(/^[A-Z_][A-Z0-9_]*$/, "an environment-variable name such as JWT_SECRET_KEY"), integer(GENERATED_LENGTH.min, GENERATED_LENGTH.max, " characters"), expecting("a map of NAME: length in characters"))
        .default({}),
    tls: object({
        certificateArn: text(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, "an ACM certificate ARN").optional(),
        domainName: text(/^([a-z0-9-]+\.)+[a-z]{2,}$/, "a DNS name such as api.example.com").optional(),
        hostedZoneId: text(/^Z[A-Z0-9]{1,31}$/, "a Route 53 hosted zone id such as Z0123456789ABCDEFGHIJ").optional(),
        // Approved policies and their documented FIPS/post-quantum variants (at least as strict).
        sslPolicy: oneOf(ACCEPTED_TLS_POLICIES).default(DEFAULT_TLS_POLICY),
        /** Strict-Transport-Security value the ALB adds to every response. */
        hsts: text(/^max-age=\d+(; ?includeSubDomains)?(; ?preload)?$/, "a Strict-Transport-Security value such as max-age=63072000; includeSubDomains").default(DEFAULT_HSTS),
        /** X-Frame-Options the ALB adds to every response. */
        frameOptions: oneOf(["DENY", "SAMEORIGIN"]).default(DEFAULT_FRAME_OPTIONS),
        /** Content-Security-Policy the ALB adds to every response (the application's guide's policy); none by default. */
        contentSecurityPolicy: text(/^[^\r\n]+$/, "a Content-Security-Policy value on one line, such as default-src 'self'").optional(),
    }),
    waf: object({
        rateLimitPerIp: integer(10, 2_000_000_000).default(DEFAULT_WAF_RATE_LIMIT_PER_IP),
        geoBlockCountries: list(text(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 country code such as CN"), "country codes").default([]),
        /** Per-IP limits on one path each (lib/rules/waf.ts): e.g. the login endpoint, 10 per 120 s. */
        pathRateLimits: list(object({
            path: text(/^\/[^\s]*$/, "a path prefix starting with /, such as /auth/login"),
            limit: integer(WAF_MIN_RATE_LIMIT, WAF_MAX_RATE_LIMIT, " requests"),
            windowSeconds: z.number(expecting(`one of ${WAF_RATE_WINDOWS_SECONDS.join(", ")} seconds`))
                .refine((n) => (WAF_RATE_WINDOWS_SECONDS as readonly number[]).includes(n), { error: () => `expected one of ${WAF_RATE_WINDOWS_SECONDS.join(", ")} seconds (WAF evaluation windows)` }),
        }), "{path, limit, windowSeconds} limits").default([]),
    }).prefault({}),
    logs: object({
        applicationRetentionDays: retentionDays.default(DEFAULT_APPLICATION_LOG_RETENTION_DAYS),
        errorRetentionDays: retentionDays.default(DEFAULT_ERROR_LOG_RETENTION_DAYS),
        auditRetentionDays: retentionDays.default(SEVEN_YEARS_DAYS),
    }).prefault({}),
    alarms: object({
        p95LatencySeconds: z.number(expecting("a number of seconds > 0")).positive(expecting("a number of seconds > 0")).default(DEFAULT_P95_LATENCY_SECONDS),
        error5xxPercent: decimal(0.01, 100, "a percentage above 0, up to 100").default(DEFAULT_5XX_PERCENT),
        databaseConnections: integer(1).optional(),
    }).prefault({}),
    /** Paths the application writes to under its read-only root filesystem (task-local scratch volumes). */
    writablePaths: list(text(/^\/[A-Za-z0-9._/-]+$/, "an absolute path such as /var/log/app"), "absolute paths").default([...DEFAULT_WRITABLE_PATHS]),
    /**
     * The application's single-page frontend, served by CloudFront from a private bucket (components/static-site.ts):
     * its host names and an ACM certificate in us-east-1.
     */
    frontend: object({
        domainNames: list(text(CLOUDFRONT_ALIAS_PATTERN, "a DNS name such as lms.example.com or *.example.com"), "DNS names").min(1, expecting("at least one DNS name")),
        certificateArn: text(/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\/[0-9a-f-]+$/, "an ACM certificate ARN in us-east-1 (CloudFront uses certificates from there only)"),
        contentSecurityPolicy: text(/^[^\r\n]+$/, "a Content-Security-Policy value on one line").optional(),
    }).optional(),
    database: databaseSchema,
    cache: cacheSchema,
    storage: object({
        buckets: list(bucketSchema, "buckets ({name, purpose})").min(1, expecting("at least one bucket")),
    }),
});

const rootSchema = z.object({
    environment: environmentSchema,
    services: z.record(text(/^[a-z][a-z0-9-]{1,24}$/, "a service name of 2–25 lower-case letters, digits or dashes"), serviceSchema, expecting("a map of service name: service"))
        .refine((services) => Object.keys(services).length > 0, { error: () => "expected at least one service" }),
});

type ParsedService = z.infer<typeof serviceSchema>;
type ParsedEnvironment = z.infer<typeof environmentSchema>;

export type EnvironmentConfig = Omit<ParsedEnvironment, "alerts"> & {
    name: string;
    /** Webhooks given as `secure:` values are `pulumi.secret` outputs, so they stay secret in state and plans. */
    alerts: { emails: string[]; httpsEndpoints: Array<pulumi.Input<string>> };
};
export type ServiceConfig = ParsedService & {
    /** Variables given as `secure:` values: `pulumi.secret` outputs, stored in Secrets Manager, injected by ARN. */
    secretEnvironment: Record<string, pulumi.Output<string>>;
};
export type DatabaseConfig = z.infer<typeof databaseSchema>;
export type CacheConfig = z.infer<typeof cacheSchema>;
export interface PlatformConfig {
    environment: EnvironmentConfig;
    services: Record<string, ServiceConfig>;
}

/** Production floors from the seeds: 30-day backups and 7-year financial records. */
export const PRODUCTION_FLOORS = { backupRetentionDays: 30, longTermRetentionDays: SEVEN_YEARS_DAYS, auditLogRetentionDays: SEVEN_YEARS_DAYS };

/** Bucket names the Storage component uses for its own buckets. */
const RESERVED_BUCKET_NAMES = ["access-logs", "alb-logs"];

/**
 * What the offline preview passes instead of a `secure:` value (it never decrypts). The real CLI passes the decrypted
 * value. Only accepted where a secure value is expected, and then not checked further.
 */
const UNDECRYPTED_SECRET = "[secret]";

type Problem = { path: Path; message: string; show?: boolean };

/** Which config values were given as `secure:` (paths from `environment`/`services`, e.g. services.api.environment.X). */
export interface SecureValues {
    paths: Path[];
}

const pathKey = (path: ReadonlyArray<string | number | symbol>) => JSON.stringify(path.map(String));

function isSecureEnvironmentPath(path: Path): boolean {
    return path.length === 4 && path[0] === "services" && path[2] === "environment";
}

function isSecureEndpointPath(path: Path): boolean {
    return path.length === 4 && path[0] === "environment" && path[1] === "alerts" && path[2] === "httpsEndpoints";
}

/** The one call site of the engine-version rule (swappable for lib/rules/engine-versions.ts). */

/** Rules that span several keys, or depend on the environment tier. Runs only on shape-valid config. */
function crossFieldProblems(config: { environment: ParsedEnvironment; services: Record<string, ParsedService> }, secure: Set<string>, stackName: string): Problem[] {
    const problems: Problem[] = [];
    const env = config.environment;
    const production = env.tier === "production";
    const add = (path: Path, message: string, show = true) => problems.push({ path, message, show });

    const zones = availabilityZonesOf(env.region);
    env.availabilityZones.forEach((az, i) => {
        if (!zones.includes(az)) {
            add(["environment", "availabilityZones", i], `is not an availability zone of ${env.region}; allowed: ${zones.join(", ")}`);
        }
    });
    if (env.subnetCidrs) {
        const problem = subnetCidrsProblem(env.vpcCidr, env.availabilityZones.length, env.subnetCidrs);
        if (problem) {
            add(["environment", "subnetCidrs"], problem);
        }
    }
    if (new Set(env.availabilityZones).size !== env.availabilityZones.length) {
        add(["environment", "availabilityZones"], "must not repeat an availability zone", false);
    }
    if (production && env.natGateways !== "one-per-az") {
        add(["environment", "natGateways"], "must be one-per-az in production (a single NAT gateway is an AZ-wide outage); allowed: one-per-az");
    }
    if (production && env.backup.dailyRetentionDays < PRODUCTION_FLOORS.backupRetentionDays) {
        add(["environment", "backup", "dailyRetentionDays"], `is below the production floor; allowed: ${PRODUCTION_FLOORS.backupRetentionDays} days or more`);
    }
    if (production && env.backup.longTermRetentionDays < PRODUCTION_FLOORS.longTermRetentionDays) {
        add(["environment", "backup", "longTermRetentionDays"], `is below the 7-year financial-records floor; allowed: ${PRODUCTION_FLOORS.longTermRetentionDays} days or more`);
    }
    if (production && env.backup.vaultLockMode !== "compliance") {
        add(["environment", "backup", "vaultLockMode"], "must be compliance in production (governance locks can be lifted); allowed: compliance");
    }
    // The vault lock's bounds are fixed per tier (the lock is immutable): every rule's retention must fit inside them.
    const lock = VAULT_LOCK_BOUNDS[env.tier];
    for (const [key, label, days] of [
        ["dailyRetentionDays", "the daily rule", env.backup.dailyRetentionDays],
        ["longTermRetentionDays", "the monthly long-term rule", env.backup.longTermRetentionDays],
        ...(env.backup.continuousBackup ? [["dailyRetentionDays", "the continuous rule (daily retention, at most 35 days)", continuousRetentionDays(env.backup.dailyRetentionDays)]] : []),
    ] as Array<[string, string, number]>) {
        const problem = vaultLockRetentionProblem(label, days, lock);
        // One problem per key: a value already below a production floor is not also reported against the lock.
        if (problem && !problems.some((p) => pathKey(p.path) === pathKey(["environment", "backup", key]))) {
            add(["environment", "backup", key], `${problem} (the ${env.tier} vault lock, lib/rules/backup-limits.ts VAULT_LOCK_BOUNDS, is immutable once deployed)`);
        }
    }
    if (env.backup.disasterRecoveryRegion === env.region) {
        add(["environment", "backup", "disasterRecoveryRegion"], `must differ from the environment region ${env.region}`);
    }
    env.alerts.httpsEndpoints.forEach((url, i) => {
        const at: Path = ["environment", "alerts", "httpsEndpoints", i];
        const isSecure = secure.has(pathKey(at));
        if (isSecure && url === UNDECRYPTED_SECRET) {
            return;
        }
        if (!/^https:\/\/[^\s/]+/.test(url)) {
            add(at, "expected an https:// URL");
        } else if (!isSecure && (looksLikeSecretValue(url) || urlCarriesToken(url))) {
            add(at, "looks like a webhook carrying a token, in plain text; give it as a secure value: pulumi config set --secret --path 'environment.alerts.httpsEndpoints[" + i + "]' <url>", false);
        }
    });

    const serviceNames = Object.keys(config.services);
    for (const a of serviceNames) {
        for (const b of serviceNames) {
            const suffix = APPLICATION_COMPONENT_SUFFIXES.find((s) => b.startsWith(`${a}-${s}`));
            if (a !== b && suffix) {
                add(["services", b], `would give resources the same names as service ${a}'s ${suffix} component (${env.name ?? stackName}-${b}-…); rename one of them`, false);
            }
        }
    }

    for (const [name, svc] of Object.entries(config.services)) {
        const at = (...rest: Path) => ["services", name, ...rest];
        if (!(FARGATE_CPU_VALUES as readonly number[]).includes(svc.cpu)) {
            add(at("cpu"), `is not a Fargate CPU size; allowed: ${FARGATE_CPU_VALUES.join(", ")}`);
        } else if (!isValidFargateSize(svc.cpu, svc.memory)) {
            add(at("memory"), `is not a memory size Fargate accepts with cpu ${svc.cpu}; allowed: ${validFargateMemory(svc.cpu).join(", ")} MiB`);
        }
        if (svc.minCount > svc.maxCount) {
            add(at("minCount"), `is greater than maxCount (${svc.maxCount}); allowed: 1 to ${svc.maxCount}`);
        } else if (svc.desiredCount < svc.minCount || svc.desiredCount > svc.maxCount) {
            add(at("desiredCount"), `must be between minCount (${svc.minCount}) and maxCount (${svc.maxCount})`);
        }
        if (production && svc.minCount < 2) {
            add(at("minCount"), "must be at least 2 in production (one task per AZ survives an AZ failure); allowed: 2 or more");
        }
        if (!svc.tls.certificateArn === !svc.tls.domainName) {
            add(at("tls"), "must set exactly one of certificateArn (an existing ACM certificate) or domainName (a new DNS-validated one)", false);
        }
        if (svc.tls.hostedZoneId && !svc.tls.domainName) {
            add(at("tls", "hostedZoneId"), "is only used with domainName (the zone where the certificate is validated)");
        }
        if (production && svc.logs.auditRetentionDays < PRODUCTION_FLOORS.auditLogRetentionDays) {
            add(at("logs", "auditRetentionDays"), `is below the 7-year audit-log floor; allowed: ${CLOUDWATCH_RETENTION_DAYS.find((d) => d >= PRODUCTION_FLOORS.auditLogRetentionDays)} or more`);
        }

        // Environment: secure values go to Secrets Manager; plain values must not be secrets; no name set twice.
        for (const [key, value] of Object.entries(svc.environment)) {
            const path = at("environment", key);
            if (secure.has(pathKey(path))) {
                continue;
            }
            if (isSecretLikeName(key) || looksLikeSecretValue(value)) {
                add(path, `looks like a secret in plain text; give it as a secure value (pulumi config set --secret --path 'services.${name}.environment.${key}' <value>) or list ${key} in appSecrets`, false);
            }
        }
        const generatedNames = Object.keys(svc.generatedSecrets);
        const setNames = [...Object.keys(svc.environment), ...svc.appSecrets, ...generatedNames];
        for (const key of setNames) {
            if (isPlatformEnvironmentName(key)) {
                const where = Object.prototype.hasOwnProperty.call(svc.environment, key) ? at("environment", key) : svc.appSecrets.includes(key) ? at("appSecrets") : at("generatedSecrets");
                add(where, `${key} is set by the platform (database, cache and bucket wiring); choose another name`, false);
            }
        }
        svc.appSecrets.forEach((key, i) => {
            if (svc.appSecrets.indexOf(key) !== i) {
                add(at("appSecrets", i), `lists ${key} twice (two secrets with one name)`, false);
            } else if (Object.prototype.hasOwnProperty.call(svc.environment, key)) {
                add(at("appSecrets", i), `${key} is also set in environment; give it in one place only`, false);
            }
        });
        for (const key of generatedNames) {
            if (Object.prototype.hasOwnProperty.call(svc.environment, key)) {
                add(at("generatedSecrets", key), `${key} is also set in environment; give it in one place only`, false);
            } else if (svc.appSecrets.includes(key)) {
                add(at("generatedSecrets", key), `${key} is also in appSecrets; a secret is either generated or put out of band`, false);
            }
        }
        // A secret without a value fails every task start (ECS reads secrets when a task starts): say whether they are set.
        if (production && svc.appSecrets.length > 0 && svc.appSecretsReady === undefined) {
            add(at("appSecretsReady"), `must be declared because appSecrets (${svc.appSecrets.join(", ")}) are put out of band: false holds the service at 0 tasks until you put every value (aws secretsmanager put-secret-value) and set it to true; or give each as a secure environment value (pulumi config set --secret --path 'services.${name}.environment.<NAME>' <value>), or list the application's own keys in generatedSecrets`, false);
        }
        if (svc.appSecrets.length === 0 && svc.appSecretsReady !== undefined) {
            add(at("appSecretsReady"), "is only used with appSecrets (secrets put out of band); remove it", false);
        }

        const db = svc.database;
        const versionProblem = engineVersionProblem(db.engine, db.engineVersion);
        if (versionProblem) {
            add(at("database", "engineVersion"), versionProblem);
        }
        for (const { key, problem } of databaseShapeProblems(db)) {
            add(at("database", key), problem);
        }
        if (production && !db.multiAz) {
            add(at("database", "multiAz"), "must be true in production; allowed: true");
        }
        if (production && db.backupRetentionDays < PRODUCTION_FLOORS.backupRetentionDays) {
            add(at("database", "backupRetentionDays"), `is below the production floor; allowed: ${PRODUCTION_FLOORS.backupRetentionDays} to 35 days`);
        }
        const userProblem = identifierProblem("user", db.appUsername);
        if (userProblem) {
            add(at("database", "appUsername"), userProblem);
        } else if (db.appUsername.toLowerCase() === db.masterUsername.toLowerCase()) {
            add(at("database", "appUsername"), "must not be the master user (the application connects as its own least-privilege user)");
        }
        if (db.binlogRetentionHours !== undefined && db.engine === "postgres") {
            add(at("database", "binlogRetentionHours"), "is a MySQL setting; remove it for postgres");
        }
        if (!isPerformanceInsightsRetention(db.performanceInsightsRetentionDays)) {
            add(at("database", "performanceInsightsRetentionDays"), "allowed: 7, 31 × n months (31–713), or 731");
        }

        const cache = svc.cache;
        // The stacks give the cache Multi-AZ exactly when it fails over (stacks/service.ts).
        const topology = cacheTopologyProblem(cache.numNodes, cache.automaticFailover, cache.automaticFailover);
        if (topology) {
            add(at("cache", "numNodes"), `${topology}; allowed: ${MIN_NODES_FOR_FAILOVER} or more nodes (or automaticFailover: false)`);
        }
        if (production && !cache.automaticFailover) {
            add(at("cache", "automaticFailover"), "must be true in production; allowed: true");
        }

        const limitNames = svc.waf.pathRateLimits.map((l) => pathRateLimitRuleName(l.path));
        limitNames.forEach((n, i) => {
            if (limitNames.indexOf(n) !== i) add(at("waf", "pathRateLimits", i, "path"), `limits the same path as waf.pathRateLimits[${limitNames.indexOf(n)}]; give each path once`);
        });

        // Each bucket becomes resources named after it: a repeated or reserved name is a duplicate URN at `pulumi up`.
        svc.storage.buckets.forEach((bucket, i) => {
            const first = svc.storage.buckets.findIndex((b) => b.name === bucket.name);
            if (first !== i) {
                add(at("storage", "buckets", i, "name"), `repeats bucket ${bucket.name} (also storage.buckets[${first}]); bucket names must be unique within a service`);
            } else if (RESERVED_BUCKET_NAMES.includes(bucket.name)) {
                add(at("storage", "buckets", i, "name"), `is the name of the platform's own ${bucket.name} bucket; choose another name`);
            }
        });
    }
    return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Messages: key path in the stack file, what was received (redacted when secret-looking), what is expected.

function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
    return path.reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as any)[key as any] : undefined), root);
}

/** Whether showing `value` found at `path` could echo a secret: a secret-looking name on the path, or in/as the value. */
function mayHoldSecret(value: unknown, path: ReadonlyArray<PropertyKey>, secure: Set<string>): boolean {
    if (isSecretLikePath(path.filter((p) => p !== "appSecrets")) || secure.has(pathKey(path))) {
        return true;
    }
    const seen = (v: unknown): boolean => {
        if (typeof v === "string") {
            const assignment = /^\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*[=:]/.exec(v);
            return looksLikeSecretValue(v) || (!!assignment && isSecretLikeName(assignment[1]));
        }
        if (Array.isArray(v)) {
            return v.some(seen);
        }
        if (v !== null && typeof v === "object") {
            return Object.entries(v).some(([k, inner]) => isSecretLikeName(k) || seen(inner));
        }
        return false;
    };
    return seen(value);
}

function describeReceived(value: unknown, withType: boolean): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
    if (typeof value === "object") return "a map";
    const shown = JSON.stringify(value);
    const clipped = shown.length > 80 ? `${shown.slice(0, 77)}...` : shown;
    return withType ? `${typeof value} ${clipped}` : clipped;
}

function configKey(project: string, path: ReadonlyArray<PropertyKey>): string {
    const [top, ...rest] = path.map((p) => (typeof p === "number" ? `[${p}]` : String(p)));
    return `${project}:${top}${rest.map((r) => (r.startsWith("[") ? r : `.${r}`)).join("")}`;
}

function formatProblem(project: string, raw: unknown, path: ReadonlyArray<PropertyKey>, message: string, secure: Set<string>, options: { withType?: boolean; show?: boolean } = {}): string {
    const key = configKey(project, path);
    if (options.show === false) {
        return `${key}: ${message}`;
    }
    const value = valueAt(raw, path);
    if (value === undefined) {
        return `${key}: is required; ${message}`;
    }
    // A value under a secret-looking name, given as secure, or shaped like key material is never echoed.
    const received = mayHoldSecret(value, path, secure) ? "a value that is not shown (it may be a secret)" : describeReceived(value, options.withType ?? false);
    return `${key}: received ${received}${message.startsWith("not an integer") ? ", " : "; "}${message}`;
}

function editDistance(a: string, b: string): number {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const current = [i];
        for (let j = 1; j <= y.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[y.length];
}

/** The known key nearest to `key`, if it is close enough to be a typo. */
export function nearestKey(key: string, known: readonly string[]): string | undefined {
    let best: { key: string; distance: number } | undefined;
    for (const candidate of known) {
        const distance = editDistance(key, candidate);
        if (!best || distance < best.distance) {
            best = { key: candidate, distance };
        }
    }
    return best && best.distance <= Math.max(2, Math.floor(best.key.length / 3)) ? best.key : undefined;
}

/** The object shape at a path of the schema (through defaults, optionals, lists and maps). */
function shapeAt(schema: z.core.$ZodType, path: ReadonlyArray<PropertyKey>): Record<string, z.core.$ZodType> | undefined {
    let node: any = schema;
    const unwrap = () => {
        while (["optional", "default", "prefault", "nullable", "readonly", "pipe"].includes(node?._zod?.def?.type)) {
            node = node._zod.def.type === "pipe" ? node._zod.def.in : node._zod.def.innerType;
        }
    };
    for (const key of path) {
        unwrap();
        const def = node?._zod?.def;
        if (def?.type === "object") node = def.shape[key as string];
        else if (def?.type === "array") node = def.element;
        else if (def?.type === "record") node = def.valueType;
        else return undefined;
    }
    unwrap();
    return node?._zod?.def?.type === "object" ? node._zod.def.shape : undefined;
}

function issueProblems(project: string, raw: unknown, issues: z.core.$ZodIssue[], secure: Set<string>): string[] {
    const out: string[] = [];
    // A missing required key and an unknown key next to it that is nearly its name: one problem, naming both.
    const unknownAt = new Map<string, { path: PropertyKey[]; keys: string[] }>();
    for (const issue of issues) {
        if (issue.code === "unrecognized_keys") {
            unknownAt.set(pathKey(issue.path), { path: issue.path, keys: [...issue.keys] });
        }
    }
    for (const issue of issues) {
        if (issue.code === "unrecognized_keys") {
            continue;
        }
        const value = valueAt(raw, issue.path);
        if (issue.code === "invalid_type" && value === undefined && issue.path.length > 0) {
            const parentPath = issue.path.slice(0, -1);
            const missing = String(issue.path[issue.path.length - 1]);
            const unknown = unknownAt.get(pathKey(parentPath));
            const typo = unknown?.keys.find((k) => nearestKey(k, [missing]) === missing);
            if (unknown && typo) {
                unknown.keys = unknown.keys.filter((k) => k !== typo);
                out.push(`${configKey(project, parentPath)}: ${missing} is required; found \`${typo}\` — did you mean ${missing}?`);
                continue;
            }
        }
        if (issue.code === "invalid_key") {
            // A map key that is not a valid name (service name, environment-variable name).
            const name = String(issue.path[issue.path.length - 1]);
            const shown = mayHoldSecret(name, [], secure) || name.includes("=") ? "a name that is not shown (it may hold a secret)" : `\`${name}\``;
            const detail = issue.issues.map((inner) => inner.message).find((m) => m.startsWith("expected")) ?? issue.message;
            out.push(`${configKey(project, issue.path.slice(0, -1))}: ${shown} is not a valid key; ${detail}`);
            continue;
        }
        out.push(formatProblem(project, raw, issue.path, issue.message, secure, { withType: issue.code === "invalid_type" }));
    }
    for (const { path, keys } of unknownAt.values()) {
        const known = Object.keys(shapeAt(rootSchema, path) ?? {});
        for (const key of keys) {
            const suggestion = nearestKey(key, known);
            out.push(`${configKey(project, path)}: unknown key \`${key}\`${suggestion ? ` — did you mean ${suggestion}?` : `; allowed keys: ${known.join(", ")}`}`);
        }
    }
    return out;
}

/** Every `secure:` path that is not one of the places a secret belongs: such a value would be downgraded to plain text. */
function misplacedSecureValues(project: string, secure: SecureValues): string[] {
    return secure.paths
        .filter((p) => !isSecureEnvironmentPath(p) && !isSecureEndpointPath(p))
        .map((p) => `${configKey(project, p)}: is a secure value, but this key is not secret and would be used in plain text; secure values are accepted in services.<name>.environment and environment.alerts.httpsEndpoints`);
}

/**
 * Validates raw config objects (as read from `Pulumi.<stack>.yaml`) and returns the typed config, or throws a
 * ConfigError listing every problem. `secure` lists the values that were given as `secure:` in the stack file.
 * Pure apart from wrapping secure values in `pulumi.secret`: tests call it directly.
 */
export function parseConfig(raw: { environment: unknown; services: unknown }, stackName: string, project = "platform", secure: SecureValues = { paths: [] }): PlatformConfig {
    const stackFile = `Pulumi.${stackName}.yaml`;
    const secureSet = new Set(secure.paths.map(pathKey));
    const misplaced = misplacedSecureValues(project, secure);
    const result = rootSchema.safeParse(raw);
    if (!result.success || misplaced.length > 0) {
        throw new ConfigError([...misplaced, ...(result.success ? [] : issueProblems(project, raw, result.error.issues, secureSet))], stackFile);
    }
    const problems = crossFieldProblems(result.data, secureSet, stackName);
    if (problems.length > 0) {
        throw new ConfigError(problems.map((p) => formatProblem(project, raw, p.path, p.message, secureSet, { show: p.show })), stackFile);
    }
    const env = result.data.environment;
    return {
        environment: {
            ...env,
            name: env.name ?? stackName,
            alerts: {
                emails: env.alerts.emails,
                httpsEndpoints: env.alerts.httpsEndpoints.map((url, i) => (secureSet.has(pathKey(["environment", "alerts", "httpsEndpoints", i])) ? pulumi.secret(url) : url)),
            },
        },
        services: Object.fromEntries(Object.entries(result.data.services).map(([name, svc]) => {
            const isSecure = (key: string) => secureSet.has(pathKey(["services", name, "environment", key]));
            const entries = Object.entries(svc.environment);
            return [name, {
                ...svc,
                environment: Object.fromEntries(entries.filter(([key]) => !isSecure(key))),
                secretEnvironment: Object.fromEntries(entries.filter(([key]) => isSecure(key)).map(([key, value]) => [key, pulumi.secret(value)])),
            }];
        })),
    };
}

/** Paths of `{secure: …}` values inside a stack file's value (never the ciphertext itself). */
export function securePathsIn(value: unknown, prefix: Path = []): Path[] {
    if (value !== null && typeof value === "object") {
        if (!Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value) {
            return [prefix];
        }
        return Object.entries(value).flatMap(([k, v]) => securePathsIn(v, [...prefix, Array.isArray(value) ? Number(k) : k]));
    }
    return [];
}

/**
 * Which values of a secret config key were `secure:`. The engine marks a whole top-level key secret when any value
 * inside it is; the stack file says which ones. When the file cannot tell (config from a Pulumi ESC environment),
 * every value that may hold a secret (environment values, webhooks) is treated as secure: never downgraded.
 */
function secureValuesOf(project: string, stack: string, raw: Record<"environment" | "services", unknown>): SecureValues {
    const secretKeys: string[] = (() => {
        try {
            return JSON.parse(process.env.PULUMI_CONFIG_SECRET_KEYS ?? "[]");
        } catch {
            return [];
        }
    })();
    const isSecret = (key: string) => secretKeys.includes(key) || !!(pulumi.runtime as any).isConfigSecret?.(key);
    let stackYaml: any;
    try {
        stackYaml = parseYaml(fs.readFileSync(path.join(process.cwd(), `Pulumi.${stack}.yaml`), "utf8"))?.config ?? {};
    } catch {
        stackYaml = undefined;
    }
    const paths: Path[] = [];
    for (const top of ["environment", "services"] as const) {
        const declared = stackYaml?.[`${project}:${top}`] ?? stackYaml?.[top];
        const found = declared === undefined ? [] : securePathsIn(declared, [top]);
        if (found.length > 0) {
            paths.push(...found);
        } else if (!isSecret(`${project}:${top}`)) {
            continue;
        } else if (top === "services" && raw.services && typeof raw.services === "object") {
            for (const [name, svc] of Object.entries<any>(raw.services)) {
                Object.keys(svc?.environment ?? {}).forEach((key) => paths.push(["services", name, "environment", key]));
            }
        } else if (top === "environment") {
            ((raw.environment as any)?.alerts?.httpsEndpoints ?? []).forEach((_: unknown, i: number) => paths.push(["environment", "alerts", "httpsEndpoints", i]));
        }
    }
    return { paths };
}

/** Reads and validates the stack's configuration. Call before registering any resource. */
export function loadConfig(): PlatformConfig {
    const config = new pulumi.Config();
    const project = pulumi.getProject();
    const stack = pulumi.getStack();
    const read = (key: string): unknown => {
        try {
            return config.getObject(key);
        } catch {
            throw new ConfigError([`${project}:${key}: expected a YAML map`], `Pulumi.${stack}.yaml`);
        }
    };
    const raw = { environment: read("environment"), services: read("services") };
    const awsRegion = new pulumi.Config("aws").get("region");
    const parsed = parseConfig(raw, stack, project, secureValuesOf(project, stack, raw));
    if (awsRegion && awsRegion !== parsed.environment.region) {
        throw new ConfigError([`aws:region: received ${JSON.stringify(awsRegion)}; must equal ${project}:environment.region (${parsed.environment.region})`], `Pulumi.${stack}.yaml`);
    }
    return parsed;
}
