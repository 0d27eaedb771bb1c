import * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import { isValidFargateSize, validFargateMemory, FARGATE_CPU_VALUES } from "../lib/rules/fargate";
import { engineVersionProblem } from "../lib/rules/engine-versions";
import { readReplicaProblem } from "../lib/rules/rds-replicas";
import { subnetCidrsProblem } from "../lib/rules/subnet-layout";
import { CLOUDWATCH_RETENTION_DAYS, isCloudWatchRetention, nearestCloudWatchRetention, SEVEN_YEARS_DAYS } from "../lib/rules/retention";

/**
 * Typed, validated stack configuration. Everything the stacks build comes from here; nothing else reads
 * `pulumi.Config`. `loadConfig()` runs before any resource is registered and turns every problem into one
 * `ConfigError` that names the key, the bad value and what is allowed.
 */

/** A user error in stack configuration: printed by the Pulumi CLI as a message, without a stack trace. */
export class ConfigError extends pulumi.RunError {
    constructor(readonly problems: string[]) {
        super(
            problems.length === 1
                ? `Invalid stack configuration: ${problems[0]}`
                : `Invalid stack configuration (${problems.length} problems):\n  - ${problems.join("\n  - ")}`,
        );
        this.name = "ConfigError";
    }
}

/** Config keys whose values must never be plain text (or echoed in an error). */
const SECRET_LOOKING_KEY = /password|secret|token|private[_-]?key|api[_-]?key/i;

const retentionDays = z.number().int().refine(isCloudWatchRetention, {
    error: (issue) => {
        const days = Number(issue.input);
        return `is not a CloudWatch Logs retention; nearest allowed is ${nearestCloudWatchRetention(days)} (allowed: ${CLOUDWATCH_RETENTION_DAYS.join(", ")})`;
    },
});

const dataClassification = z.enum(["public", "internal", "confidential", "restricted"]);

const privateCidr = z
    .cidrv4({ error: "must be an IPv4 CIDR block such as 10.0.0.0/16" })
    .refine((cidr) => {
        const prefix = Number(cidr.split("/")[1]);
        return prefix >= 16 && prefix <= 22;
    }, { error: "must have a prefix between /16 and /22 (room for three subnet tiers per AZ)" })
    .refine((cidr) => /^(10\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.)/.test(cidr), {
        error: "must be in a private (RFC 1918) range: 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16",
    });

const availabilityZone = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d[a-z]$/, { error: "must be an AZ name such as us-east-1a" });

const environmentSchema = z.object({
    /** Environment name used in resource names and the `environment` tag; defaults to the stack name. */
    name: z.string().regex(/^[a-z][a-z0-9-]{1,20}$/, { error: "must be 2–21 lower-case letters, digits or dashes" }).optional(),
    /** `production` turns on every protection (Multi-AZ, NAT per AZ, deletion protection, compliance vault lock). */
    tier: z.enum(["production", "staging"]),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: "must be an AWS region such as us-east-1" }),
    vpcCidr: privateCidr,
    availabilityZones: z.array(availabilityZone).min(2, { error: "must list at least 2 availability zones" }).max(6),
    natGateways: z.enum(["one-per-az", "single"]).default("one-per-az"),
    /** Explicit subnet CIDRs per tier, one per AZ in AZ order (e.g. an application guide's); default: computed layout. */
    subnetCidrs: z.object({ public: z.array(z.string()), app: z.array(z.string()), data: z.array(z.string()) }).optional(),
    owner: z.string().min(1),
    costCenter: z.string().min(1),
    alerts: z.object({
        emails: z.array(z.email({ error: "must be an e-mail address" })).min(1, { error: "must list at least one address" }),
        httpsEndpoints: z.array(z.url({ protocol: /^https$/, error: "must be an https:// URL" })).default([]),
    }),
    flowLogRetentionDays: retentionDays.default(365),
    wafLogRetentionDays: retentionDays.default(365),
    backup: z.object({
        dailyRetentionDays: z.number().int().min(1).max(36500),
        continuousBackup: z.boolean().default(true),
        longTermRetentionDays: z.number().int().min(365).default(2557),
        vaultLockMode: z.enum(["compliance", "governance"]),
        disasterRecoveryRegion: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, { error: "must be an AWS region such as us-west-2" }).optional(),
        restoreTestSchedule: z.string().regex(/^cron\(.+\)$/, { error: "must be an AWS cron expression such as cron(0 5 ? * SUN *)" }).default("cron(0 5 ? * SUN *)"),
    }),
});

const databaseSchema = z.object({
    engine: z.enum(["postgres", "mysql"]),
    engineVersion: z.string(),
    instanceClass: z.string().regex(/^db\.[a-z0-9]+\.[a-z0-9]+$/, { error: "must be an RDS instance class such as db.r6g.xlarge" }),
    allocatedStorageGb: z.number().int().min(20).max(65536),
    maxAllocatedStorageGb: z.number().int().max(65536),
    multiAz: z.boolean(),
    readReplicas: z.number().int().min(0).max(5).default(0),
    backupRetentionDays: z.number().int().min(1).max(35),
    databaseName: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, { error: "must start with a letter and hold only letters, digits and _" }),
    masterUsername: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,15}$/, { error: "must start with a letter, up to 16 letters, digits or _" }),
    performanceInsightsRetentionDays: z.number().int().default(7),
    /** Database user of the application (IAM-authenticated; the guides' `mita_app`, `lms_app`). */
    appUsername: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,31}$/, { error: "must start with a letter, up to 32 letters, digits or _" }),
    /** Engine parameters the application's guide sets (e.g. max_connections); the platform's TLS and logging baseline wins. */
    parameters: z.record(z.string().regex(/^[a-z_.]+$/), z.string()).default({}),
});

const cacheSchema = z.object({
    nodeType: z.string().regex(/^cache\.[a-z0-9]+\.[a-z0-9]+$/, { error: "must be an ElastiCache node type such as cache.r7g.large" }),
    numNodes: z.number().int().min(1).max(6),
    automaticFailover: z.boolean(),
    engineVersion: z.string().regex(/^7\.\d+$/, { error: "must be a Redis 7 version such as 7.1" }).default("7.1"),
    /** Must stay true: turning transit encryption off (or on) replaces the replication group and loses its data. */
    transitEncryption: z.literal(true, { error: "must stay true: toggling transit encryption replaces the replication group (data loss) and would allow plaintext" }).default(true),
    snapshotRetentionDays: z.number().int().min(1).max(35).default(7),
});

const serviceSchema = z.object({
    /** Container image with an immutable tag or digest. */
    image: z.string({ error: "is required: the container image to run (e.g. 123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1.4.2)" }).min(1, { error: "is required: the container image to run" }),
    containerPort: z.number().int().min(1).max(65535),
    healthCheckPath: z.string().startsWith("/").default("/health"),
    cpu: z.number().int(),
    memory: z.number().int(),
    desiredCount: z.number().int().min(1),
    minCount: z.number().int().min(1),
    maxCount: z.number().int().min(1).max(100),
    targetCpuPercent: z.number().min(10).max(95),
    dataClassification,
    /** Non-secret environment variables for the container. */
    environment: z.record(z.string(), z.string()).default({}),
    /** Names of application secrets (JWT key, encryption key…): created empty in Secrets Manager, filled out of band. */
    appSecrets: z.array(z.string().regex(/^[A-Z][A-Z0-9_]*$/, { error: "must be an environment-variable name such as JWT_SECRET_KEY" })).default([]),
    tls: z.object({
        certificateArn: z.string().regex(/^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[0-9a-f-]+$/, { error: "must be an ACM certificate ARN" }).optional(),
        domainName: z.string().regex(/^([a-z0-9-]+\.)+[a-z]{2,}$/, { error: "must be a DNS name such as api.example.com" }).optional(),
        hostedZoneId: z.string().optional(),
        sslPolicy: z.string().regex(/^ELBSecurityPolicy-TLS13-/, { error: "must be a TLS 1.3 ELB security policy (ELBSecurityPolicy-TLS13-*)" }).default("ELBSecurityPolicy-TLS13-1-2-Res-2021-06"),
        /** Strict-Transport-Security value the ALB adds to every response. */
        hsts: z.string().regex(/^max-age=\d+(; ?includeSubDomains)?(; ?preload)?$/, { error: "must be a Strict-Transport-Security value such as max-age=63072000; includeSubDomains" }).default("max-age=63072000; includeSubDomains"),
        /** X-Frame-Options the ALB adds to every response. */
        frameOptions: z.enum(["DENY", "SAMEORIGIN"]).default("DENY"),
    }),
    waf: z.object({
        rateLimitPerIp: z.number().int().min(10).max(2_000_000_000).default(2000),
        geoBlockCountries: z.array(z.string().regex(/^[A-Z]{2}$/, { error: "must be an ISO 3166-1 alpha-2 country code such as CN" })).default([]),
    }).prefault({}),
    logs: z.object({
        applicationRetentionDays: retentionDays.default(14),
        errorRetentionDays: retentionDays.default(30),
        auditRetentionDays: retentionDays.default(2557),
    }).prefault({}),
    alarms: z.object({
        p95LatencySeconds: z.number().positive().default(2),
        error5xxPercent: z.number().positive().max(100).default(5),
        databaseConnections: z.number().int().positive().optional(),
    }).prefault({}),
    /** Paths the application writes to under its read-only root filesystem (task-local scratch volumes). */
    writablePaths: z.array(z.string().regex(/^\/[A-Za-z0-9._/-]+$/, { error: "must be an absolute path such as /var/log/app" })).default(["/tmp"]),
    database: databaseSchema,
    cache: cacheSchema,
    storage: z.object({
        buckets: z.array(z.object({
            name: z.string().regex(/^[a-z][a-z0-9-]{1,30}$/, { error: "must be 2–31 lower-case letters, digits or dashes" }),
            purpose: z.string().min(1),
            transitionToIaDays: z.number().int().min(30).default(30),
        })).min(1),
    }),
});

const rootSchema = z.object({
    environment: environmentSchema,
    services: z.record(z.string().regex(/^[a-z][a-z0-9-]{1,24}$/, { error: "service names must be 2–25 lower-case letters, digits or dashes" }), serviceSchema)
        .refine((services) => Object.keys(services).length > 0, { error: "must define at least one service" }),
});

export type EnvironmentConfig = z.infer<typeof environmentSchema> & { name: string };
export type ServiceConfig = z.infer<typeof serviceSchema>;
export type DatabaseConfig = z.infer<typeof databaseSchema>;
export type CacheConfig = z.infer<typeof cacheSchema>;
export interface PlatformConfig {
    environment: EnvironmentConfig;
    services: Record<string, ServiceConfig>;
}

/** Production floors from the seeds: 30-day backups and 7-year financial records. */
export const PRODUCTION_FLOORS = { backupRetentionDays: 30, longTermRetentionDays: SEVEN_YEARS_DAYS, auditLogRetentionDays: SEVEN_YEARS_DAYS };

type Problem = { path: (string | number)[]; message: string };

/** Rules that span several keys, or depend on the environment tier. Runs only on shape-valid config. */
function crossFieldProblems(config: PlatformConfig): Problem[] {
    const problems: Problem[] = [];
    const env = config.environment;
    const production = env.tier === "production";
    const add = (path: (string | number)[], message: string) => problems.push({ path, message });

    if (!env.availabilityZones.every((az) => az.startsWith(env.region))) {
        add(["environment", "availabilityZones"], `must all be in region ${env.region}`);
    }
    if (env.subnetCidrs) {
        const problem = subnetCidrsProblem(env.vpcCidr, env.availabilityZones.length, env.subnetCidrs);
        if (problem) {
            add(["environment", "subnetCidrs"], problem);
        }
    }
    if (new Set(env.availabilityZones).size !== env.availabilityZones.length) {
        add(["environment", "availabilityZones"], "must not repeat an availability zone");
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
    if (env.backup.disasterRecoveryRegion === env.region) {
        add(["environment", "backup", "disasterRecoveryRegion"], `must differ from the environment region ${env.region}`);
    }

    for (const [name, svc] of Object.entries(config.services)) {
        const at = (...rest: (string | number)[]) => ["services", name, ...rest];
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
            add(at("tls"), "must set exactly one of certificateArn (an existing ACM certificate) or domainName (a new DNS-validated one)");
        }
        if (production && svc.logs.auditRetentionDays < PRODUCTION_FLOORS.auditLogRetentionDays) {
            add(at("logs", "auditRetentionDays"), `is below the 7-year audit-log floor; allowed: 2557 or more`);
        }
        for (const key of Object.keys(svc.environment)) {
            if (SECRET_LOOKING_KEY.test(key)) {
                add(at("environment", key), "looks like a secret; list it in appSecrets so it is injected from Secrets Manager, never as plain text");
            }
        }

        const db = svc.database;
        const versionProblem = engineVersionProblem(db.engine, db.engineVersion);
        if (versionProblem) {
            add(at("database", "engineVersion"), versionProblem);
        }
        const replicaProblem = readReplicaProblem(db.readReplicas, db.instanceClass);
        if (replicaProblem) {
            add(at("database", "readReplicas"), replicaProblem);
        }
        if (db.maxAllocatedStorageGb <= db.allocatedStorageGb) {
            add(at("database", "maxAllocatedStorageGb"), `must be greater than allocatedStorageGb (${db.allocatedStorageGb}) so storage can autoscale`);
        }
        if (production && !db.multiAz) {
            add(at("database", "multiAz"), "must be true in production; allowed: true");
        }
        if (production && db.backupRetentionDays < PRODUCTION_FLOORS.backupRetentionDays) {
            add(at("database", "backupRetentionDays"), `is below the production floor; allowed: ${PRODUCTION_FLOORS.backupRetentionDays} to 35 days`);
        }
        if (db.readReplicas > 0 && !db.multiAz) {
            add(at("database", "readReplicas"), "needs a Multi-AZ primary (multiAz: true): replicas on a single-AZ primary are forbidden here; allowed: 0 when multiAz is false");
        }
        if (db.readReplicas > 0 && env.availabilityZones.length < 2) {
            add(at("database", "readReplicas"), "needs at least 2 availability zones to place replicas away from the primary");
        }
        const pi = db.performanceInsightsRetentionDays;
        if (!(pi === 7 || pi === 731 || (pi % 31 === 0 && pi >= 31 && pi <= 713))) {
            add(at("database", "performanceInsightsRetentionDays"), "allowed: 7, 31 × n months (31–713), or 731");
        }

        const cache = svc.cache;
        if (cache.automaticFailover && cache.numNodes < 2) {
            add(at("cache", "numNodes"), "cannot fail over with automaticFailover on; allowed: 2 or more nodes (or automaticFailover: false)");
        }
        if (production && !cache.automaticFailover) {
            add(at("cache", "automaticFailover"), "must be true in production; allowed: true");
        }
    }
    return problems;
}

function valueAt(root: unknown, path: (string | number | symbol)[]): unknown {
    return path.reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as any)[key as any] : undefined), root);
}

function describeValue(value: unknown): string {
    if (value === undefined) return "(missing)";
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function configKey(project: string, path: (string | number | symbol)[]): string {
    const [top, ...rest] = path.map(String);
    return `${project}:${top}${rest.length ? "." + rest.join(".") : ""}`;
}

function formatProblem(project: string, raw: unknown, path: (string | number | symbol)[], message: string): string {
    // A value under a secret-looking key may be a real secret pasted into config: never echo it.
    const shown = SECRET_LOOKING_KEY.test(String(path[path.length - 1] ?? "")) ? "[redacted]" : describeValue(valueAt(raw, path));
    return `${configKey(project, path)} = ${shown}: ${message}`;
}

function friendlyZodMessage(issue: z.core.$ZodIssue): string {
    if (issue.code === "invalid_type" && (issue as any).input === undefined) {
        return issue.message.startsWith("Invalid input") ? `is required (expected ${(issue as any).expected})` : issue.message;
    }
    if (issue.code === "invalid_value" && /^Invalid (option|input)/.test(issue.message)) {
        return `allowed: ${(issue as any).values.map((v: unknown) => JSON.stringify(v)).join(", ")}`;
    }
    if (issue.code === "unrecognized_keys") {
        return `unknown key(s) ${(issue as any).keys.join(", ")}`;
    }
    return issue.message;
}

/**
 * Validates raw config objects (as read from `Pulumi.<stack>.yaml`) and returns the typed config, or throws a
 * ConfigError listing every problem. Pure: tests call it directly.
 */
export function parseConfig(raw: { environment: unknown; services: unknown }, stackName: string, project = "platform"): PlatformConfig {
    const result = rootSchema.safeParse(raw);
    if (!result.success) {
        throw new ConfigError(result.error.issues.map((issue) => formatProblem(project, raw, issue.path as (string | number)[], friendlyZodMessage(issue))));
    }
    const config: PlatformConfig = {
        environment: { ...result.data.environment, name: result.data.environment.name ?? stackName },
        services: result.data.services,
    };
    const problems = crossFieldProblems(config);
    if (problems.length > 0) {
        throw new ConfigError(problems.map((p) => formatProblem(project, raw, p.path, p.message)));
    }
    return config;
}

/** Reads and validates the stack's configuration. Call before registering any resource. */
export function loadConfig(): PlatformConfig {
    const config = new pulumi.Config();
    const raw = { environment: config.getObject("environment"), services: config.getObject("services") };
    const awsRegion = new pulumi.Config("aws").get("region");
    const parsed = parseConfig(raw, pulumi.getStack(), pulumi.getProject());
    if (awsRegion && awsRegion !== parsed.environment.region) {
        throw new ConfigError([`aws:region = ${JSON.stringify(awsRegion)}: must equal ${pulumi.getProject()}:environment.region (${parsed.environment.region})`]);
    }
    return parsed;
}
