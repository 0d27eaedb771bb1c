import * as pulumi from "@pulumi/pulumi";
import { AlertRouting } from "./alert-routing";
import { AppSecrets, appSecretsProblem } from "./app-secrets";
import type { RestoreTestDatabase } from "./backup";
import { Cache, validateCacheTopology } from "./cache";
import { Database, DEFAULT_PORTS } from "./database";
import { DatabaseUsers, databaseUsersProblems } from "./database-users";
import { Edge } from "./edge";
import { EncryptionKeys } from "./encryption-keys";
import { FargateService, FargateServiceArgs } from "./fargate-service";
import { Network } from "./network";
import { ServiceLogs } from "./service-logs";
import { DEFAULT_THRESHOLDS, ObservabilityThresholds, observabilityArgsProblem, ServiceObservability, ServiceObservabilityArgs } from "./service-observability";
import { StaticSite } from "./static-site";
import { Storage } from "./storage";
import { bucketEnvironmentName, isPlatformEnvironmentName } from "../lib/rules/application-environment";
import { engineVersionProblem } from "../lib/rules/engine-versions";
import { isValidFargateSize, validFargateMemory } from "../lib/rules/fargate";
import { databaseShapeProblems } from "../lib/rules/rds-replicas";
import { isCloudWatchRetention, nearestCloudWatchRetention } from "../lib/rules/retention";
import { isSecretLikeName } from "../lib/rules/secrets";
import type { RdsWindows } from "../lib/rules/backup-windows";
import { childName, slug } from "../lib/naming";
import { standardTags } from "../lib/tags";
import type { EnvironmentConfig, ServiceConfig } from "./application-config";

/** Environment-wide pieces every application uses: its data and logs keys, the network and the alert topic. */
export interface SharedInfrastructure {
    keys: EncryptionKeys;
    network: Network;
    alerts: AlertRouting;
}

export interface ApplicationArgs {
    /** The application's typed config: one `services.<name>` block of the stack file, validated by components/application-config.ts. */
    config: ServiceConfig;
    /** The environment it runs in (name, tier, region, owner, backup and WAF log settings). */
    environment: EnvironmentConfig;
    /** What the environment shares: keys (`<name>-data` and `logs` purposes must exist), network, alert routing. */
    shared: SharedInfrastructure;
}

/**
 * ECS capacity per tier: production runs on on-demand Fargate only (its minimum on the base), other tiers keep one
 * on-demand task and put the rest on Fargate Spot (interruptible, about 70 % cheaper).
 */
export function capacityProviderStrategy(tier: EnvironmentConfig["tier"], minCount: number): NonNullable<FargateServiceArgs["capacityProviderStrategy"]> {
    return tier === "production"
        ? [{ capacityProvider: "FARGATE", base: minCount, weight: 1 }]
        : [{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }];
}

/**
 * Why this application cannot be built, or an empty list. Runs before the component registers anything, with the
 * same rules its children apply (lib/rules and the children's exported checks), so a rejected application leaves
 * nothing half-created behind.
 */
export function applicationProblems(name: string, args: Pick<ApplicationArgs, "config" | "environment">): string[] {
    const svc = args.config;
    const problems: string[] = [];
    if (!/^[a-z][a-z0-9-]{1,24}$/.test(name)) {
        problems.push(`name ${JSON.stringify(name)} must be 2–25 lower-case letters, digits or dashes, starting with a letter`);
    }
    for (const [kind, days] of Object.entries({ application: svc.logs.applicationRetentionDays, error: svc.logs.errorRetentionDays, audit: svc.logs.auditRetentionDays })) {
        if (!isCloudWatchRetention(days)) {
            problems.push(`logs.${kind}RetentionDays ${days} is not a CloudWatch Logs value; nearest allowed is ${nearestCloudWatchRetention(days)}`);
        }
    }
    if (!svc.tls.certificateArn === !svc.tls.domainName) {
        problems.push("tls: set exactly one of certificateArn or domainName");
    }
    const db = svc.database;
    const versionProblem = engineVersionProblem(db.engine, db.engineVersion);
    if (versionProblem) problems.push(`database: ${versionProblem}`);
    for (const { key, problem } of databaseShapeProblems(db)) problems.push(`database.${key}: ${problem}`);
    const usersProblems = databaseUsersProblems(databaseUsersRequestOf(svc));
    for (const problem of usersProblems) problems.push(`database users: ${problem}`);
    const cacheProblem = validateCacheTopology(svc.cache.numNodes, svc.cache.automaticFailover, svc.cache.automaticFailover);
    if (cacheProblem) problems.push(`cache: ${cacheProblem}`);
    const secretsProblem = appSecretsProblem({ names: svc.appSecrets, generate: svc.generatedSecrets });
    if (secretsProblem) problems.push(`appSecrets: ${secretsProblem}`);
    if (!isValidFargateSize(svc.cpu, svc.memory)) {
        problems.push(`cpu ${svc.cpu} with memory ${svc.memory} is not a Fargate size; memory allowed with cpu ${svc.cpu}: ${validFargateMemory(svc.cpu).join(", ") || "none"}`);
    }
    if (!(svc.minCount <= svc.desiredCount && svc.desiredCount <= svc.maxCount)) {
        problems.push(`need minCount (${svc.minCount}) <= desiredCount (${svc.desiredCount}) <= maxCount (${svc.maxCount})`);
    }
    const leaked = Object.keys(svc.environment).filter((k) => isSecretLikeName(k));
    if (leaked.length > 0) {
        problems.push(`environment variable(s) ${leaked.join(", ")} look like secrets; give them as secure values or in appSecrets`);
    }
    const shadowed = [...Object.keys(svc.environment), ...Object.keys(svc.secretEnvironment ?? {}), ...svc.appSecrets]
        .filter((k) => isPlatformEnvironmentName(k));
    if (shadowed.length > 0) {
        problems.push(`${shadowed.join(", ")} are set by the platform (database, cache, log group and bucket wiring); choose other names`);
    }
    const observability = { minTasks: svc.minCount, database: observedDatabase(svc, "", []) } as ServiceObservabilityArgs;
    const alarmProblem = observabilityArgsProblem(observability, { ...DEFAULT_THRESHOLDS, ...thresholdsOf(svc) });
    if (alarmProblem) problems.push(`alarms: ${alarmProblem}`);
    return problems;
}

/** What the DatabaseUsers component is asked for, from the application's config (validated with the same rules). */
function databaseUsersRequestOf(svc: ServiceConfig) {
    const db = svc.database;
    return {
        engine: db.engine,
        port: DEFAULT_PORTS[db.engine],
        databaseName: db.databaseName,
        username: db.appUsername,
        binlogRetentionHours: db.binlogRetentionHours,
        // The function's logs record changes to database accounts: kept as long as the application's error logs.
        logRetentionDays: svc.logs.errorRetentionDays,
    } as const;
}

/** The alarm thresholds the application's config sets (the rest are the observability defaults). */
function thresholdsOf(svc: ServiceConfig): Partial<ObservabilityThresholds> {
    return {
        p95LatencySeconds: svc.alarms.p95LatencySeconds,
        error5xxPercent: svc.alarms.error5xxPercent,
        ...(svc.alarms.databaseConnections ? { databaseConnections: svc.alarms.databaseConnections } : {}),
    };
}

function observedDatabase(
    svc: ServiceConfig,
    instanceIdentifier: pulumi.Input<string>,
    replicaIdentifiers: pulumi.Input<string>[],
    memberInstanceIdentifiers?: pulumi.Input<pulumi.Input<string>[]>,
    auroraClusterIdentifier?: pulumi.Input<string>,
): NonNullable<ServiceObservabilityArgs["database"]> {
    const db = svc.database;
    return {
        engine: db.engine,
        instanceIdentifier,
        memberInstanceIdentifiers,
        auroraClusterIdentifier,
        readerCount: db.readReplicas,
        replicaIdentifiers,
        allocatedStorageGb: db.allocatedStorageGb,
        maxAllocatedStorageGb: db.maxAllocatedStorageGb,
        // max_connections sets the connections alarm (90 %), so MITA does not inherit LMS's 450.
        parameters: (db as { parameters?: Record<string, string> }).parameters,
        instanceClass: db.instanceClass,
    };
}

/**
 * One application: logs, storage, edge (ALB + WAF + security groups), database, cache, secrets, the Fargate service
 * and its alarms and dashboard, built from its `services.<name>` config block. Order follows the data flow: the edge
 * owns the app security group that the database and cache admit, and the service receives the database and cache
 * endpoints, its secrets by ARN and least-privilege IAM to its own buckets, database user and log groups.
 *
 * Identity: these components were children of the stack before this component existed. Each carries an alias to
 * that parent, so `pulumi up` moves them (and, through inherited aliases, all their children) instead of replacing.
 */
export class Application extends pulumi.ComponentResource {
    /** The application's name in config (`mita-api`). */
    public readonly name: string;
    /** Databases to back up and copy to the DR Region (DB instances; see `regionLocalDatabaseArns`). */
    public readonly databaseArns: pulumi.Output<string>[];
    /** The database's ARN when AWS Backup cannot copy it to another Region (a Multi-AZ DB cluster), else empty. */
    public readonly regionLocalDatabaseArns: pulumi.Output<string>[];
    /** Data buckets to back up (not the log buckets). */
    public readonly dataBucketArns: pulumi.Output<string>[];
    /** RDS windows of the databases, so backup schedules stay clear of them. */
    public readonly databaseWindows: RdsWindows[];
    /** Databases AWS Backup restore testing can restore (single DB instances), with their network. */
    public readonly restoreTestDatabases: RestoreTestDatabase[];
    /** Stack outputs of the application (endpoints, names, secret ARNs; never a secret value). */
    public readonly outputs: Record<string, pulumi.Input<unknown>>;

    constructor(name: string, args: ApplicationArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything: a rejected application leaves nothing behind.
        const problems = applicationProblems(name, args);
        const missingKeys = [`${name}-data`, "logs", ...(args.config.frontend ? [`${name}-web`] : [])].filter((purpose) => !args.shared.keys.keyArns[purpose]);
        if (missingKeys.length > 0) {
            problems.push(`the environment's keys have no purpose ${missingKeys.join(", ")} (have: ${Object.keys(args.shared.keys.keyArns).join(", ")})`);
        }
        if (problems.length > 0) {
            throw new Error(`Application ${name}: ${problems.join("; ")}`);
        }
        super("platform:app:Application", name, {}, opts);
        const { config: svc, environment: env, shared } = args;
        const production = env.tier === "production";
        const prefix = childName(env.name, name);
        const tags = standardTags({
            environment: env.name,
            owner: env.owner,
            costCenter: env.costCenter,
            dataClassification: svc.dataClassification,
            application: name,
        });
        const dataKeyArn = shared.keys.keyArn(`${name}-data`);
        const logsKeyArn = shared.keys.keyArn("logs");
        // Before this component, every child below was a child of the stack: keep their URNs (and their children's).
        const child: pulumi.ComponentResourceOptions = { parent: this, aliases: [{ parent: pulumi.rootStackResource }] };

        const logs = new ServiceLogs(childName(prefix, "logs"), {
            serviceName: prefix,
            kmsKeyArn: logsKeyArn,
            applicationRetentionDays: svc.logs.applicationRetentionDays,
            errorRetentionDays: svc.logs.errorRetentionDays,
            auditRetentionDays: svc.logs.auditRetentionDays,
            protect: production,
            tags,
        }, child);

        const storage = new Storage(childName(prefix, "storage"), {
            buckets: svc.storage.buckets.map((b) => ({ name: b.name, purpose: b.purpose, transitionToIaDays: b.transitionToIaDays })),
            kmsKeyArn: dataKeyArn,
            albAccessLogs: { enabled: true, expirationDays: production ? 365 : 90 },
            protect: production,
            tags,
        }, child);

        const edge = new Edge(childName(prefix, "edge"), {
            vpcId: shared.network.vpcId,
            publicSubnetIds: shared.network.publicSubnetIds,
            appPort: svc.containerPort,
            healthCheckPath: svc.healthCheckPath,
            certificateArn: svc.tls.certificateArn,
            domainName: svc.tls.domainName,
            hostedZoneId: svc.tls.hostedZoneId,
            sslPolicy: svc.tls.sslPolicy,
            responseHeaders: { strictTransportSecurity: svc.tls.hsts, frameOptions: svc.tls.frameOptions, contentSecurityPolicy: svc.tls.contentSecurityPolicy },
            deletionProtection: production,
            accessLogs: { bucket: storage.albLogBucketName, prefix, dependsOn: storage.albLogBucketPolicy ? [storage.albLogBucketPolicy] : [] },
            // AWS appends a unique suffix (ALB names: 32 characters at most).
            namePrefix: `${slug(name).slice(0, 5).replace(/-+$/, "")}-`,
            waf: { rateLimitPerIp: svc.waf.rateLimitPerIp, geoBlockCountries: svc.waf.geoBlockCountries, pathRateLimits: svc.waf.pathRateLimits },
            wafLogRetentionDays: env.wafLogRetentionDays,
            logsKmsKeyArn: logsKeyArn,
            tags,
        }, child);

        const db = svc.database;
        const database = new Database(childName(prefix, "db"), {
            engine: db.engine,
            engineVersion: db.engineVersion,
            instanceClass: db.instanceClass,
            readerInstanceClass: db.readerInstanceClass,
            allocatedStorageGb: db.allocatedStorageGb,
            maxAllocatedStorageGb: db.maxAllocatedStorageGb,
            multiAz: db.multiAz,
            // Aurora writes binary logs only when asked; a binlog retention asks for them (LMS guide).
            binaryLogs: db.binlogRetentionHours !== undefined,
            vpcId: shared.network.vpcId,
            subnetIds: shared.network.dataSubnetIds,
            clientSecurityGroupId: edge.appSecurityGroupId,
            kmsKeyArn: dataKeyArn,
            databaseName: db.databaseName,
            masterUsername: db.masterUsername,
            backupRetentionDays: db.backupRetentionDays,
            // The environment's continuous-backup rule owns the RDS backup retention and window once it runs.
            backupManagedByAwsBackup: env.backup.continuousBackup,
            readReplicas: db.readReplicas,
            appUsername: db.appUsername,
            parameters: db.parameters,
            performanceInsightsRetentionDays: db.performanceInsightsRetentionDays,
            deletionProtection: production,
            protect: production,
            tags,
        }, child);

        // The application's IAM-authenticated database user, created during `up` (no SQL by hand after the first one).
        const users = new DatabaseUsers(childName(prefix, "db-users"), {
            ...databaseUsersRequestOf(svc),
            host: database.address,
            masterUserSecretArn: database.masterUserSecretArn,
            kmsKeyArn: dataKeyArn,
            databaseResourceId: database.resourceId,
            databaseSecurityGroupId: database.securityGroupId,
            vpcId: shared.network.vpcId,
            subnetIds: shared.network.appSubnetIds,
            // HTTPS only to the VPC's Secrets Manager endpoint when there is one (Network's default); else through NAT.
            endpointSecurityGroupId: shared.network.interfaceEndpointServices?.includes("secretsmanager") ? shared.network.endpointSecurityGroupId : undefined,
            logsKmsKeyArn: logsKeyArn,
            tags,
        }, { parent: this });

        const cache = new Cache(childName(prefix, "cache"), {
            nodeType: svc.cache.nodeType,
            numCacheClusters: svc.cache.numNodes,
            automaticFailover: svc.cache.automaticFailover,
            multiAz: svc.cache.automaticFailover,
            engineVersion: svc.cache.engineVersion,
            vpcId: shared.network.vpcId,
            subnetIds: shared.network.dataSubnetIds,
            clientSecurityGroupId: edge.appSecurityGroupId,
            kmsKeyArn: dataKeyArn,
            snapshotRetentionDays: svc.cache.snapshotRetentionDays,
            slowLogRetentionDays: svc.logs.errorRetentionDays,
            logsKmsKeyArn: logsKeyArn,
            protect: production,
            tags,
        }, child);

        const appSecrets = new AppSecrets(childName(prefix, "secrets"), {
            application: name,
            environment: env.name,
            names: svc.appSecrets,
            // The application's own keys and salts: random values made once at creation (no hand step).
            generate: svc.generatedSecrets,
            // `secure:` environment values from stack config: stored in Secrets Manager, injected by ARN below.
            values: svc.secretEnvironment,
            kmsKeyArn: dataKeyArn,
            protect: production,
            tags,
        }, child);

        // ECS reads secrets when a task starts: while an out-of-band secret has no value every task would fail, the
        // deployment's circuit breaker would trip and the alarms would page. Until config says the values are put
        // (`appSecretsReady: true`), the service is held at 0 tasks (autoscaling floor 0); releasing it raises the
        // floor, and Application Auto Scaling brings the running count into the new range (RegisterScalableTarget).
        const held = svc.appSecrets.length > 0 && svc.appSecretsReady === false;

        const service = new FargateService(childName(prefix, "service"), {
            vpcId: shared.network.vpcId,
            subnetIds: shared.network.appSubnetIds,
            securityGroupIds: [edge.appSecurityGroupId],
            image: svc.image,
            containerPort: svc.containerPort,
            cpu: svc.cpu,
            memory: svc.memory,
            desiredCount: held ? 0 : svc.desiredCount,
            minCount: held ? 0 : svc.minCount,
            maxCount: svc.maxCount,
            targetCpuPercent: svc.targetCpuPercent,
            targetGroupArn: edge.targetGroupArn,
            environment: {
                ...svc.environment,
                DATABASE_HOST: database.address,
                DATABASE_READ_HOST: database.readerAddress,
                DATABASE_PORT: pulumi.interpolate`${database.port}`,
                DATABASE_NAME: db.databaseName,
                DATABASE_SSL: "require",
                // The application's own least-privilege user, authenticated with IAM tokens (15-minute tokens signed by
                // the task role; nothing to rotate, nothing read at task start). Never the RDS master user.
                DATABASE_USER: database.appUsername,
                DATABASE_AUTH: "iam",
                // CloudWatch Logs groups the application writes to itself (PutLogEvents with the task role).
                AUDIT_LOG_GROUP: logs.auditLogGroup.name,
                ERROR_LOG_GROUP: logs.errorLogGroup.name,
                REDIS_HOST: cache.primaryEndpointAddress,
                REDIS_PORT: pulumi.interpolate`${cache.port}`,
                REDIS_TLS: "true",
                // IAM authentication (no password anywhere): the application connects as REDIS_USER with a 15-minute
                // token it signs with the task role for REDIS_CACHE_NAME (SigV4 presign of `elasticache:Connect`).
                REDIS_AUTH: "iam",
                REDIS_USER: cache.appUserId,
                REDIS_CACHE_NAME: cache.replicationGroupId,
                // The group has cluster mode disabled: a cluster-mode client (the MITA guide's Redis.Cluster) must be
                // a single-endpoint client instead (MITA-41).
                REDIS_CLUSTER_MODE: String(cache.clusterMode),
                ...Object.fromEntries(svc.storage.buckets.map((b) => [bucketEnvironmentName(b.name), storage.bucketNames[b.name]])),
            },
            secrets: { ...appSecrets.secretArns },
            secretKmsKeyArns: [dataKeyArn],
            logGroup: logs.applicationLogGroup,
            capacityProviderStrategy: capacityProviderStrategy(env.tier, svc.minCount),
            taskRoleStatements: applicationAccessStatements({
                bucketArns: svc.storage.buckets.map((b) => storage.bucketArns[b.name]),
                dataKeyArn,
                databaseUserArn: database.appUserConnectArn,
                cacheConnectArns: [cache.replicationGroupArn, cache.appUserArn],
                logGroupArns: [logs.auditLogGroup.arn, logs.errorLogGroup.arn],
            }),
            writablePaths: svc.writablePaths,
            // The target group must be attached to the load balancer (through the listener) before ECS registers tasks,
            // and the database user must exist before the first task connects (else the first deployment fails its
            // circuit breaker and the service's alarms fire at go-live).
            dependsOn: [edge.httpsListener, users.invocation],
            tags,
        }, child);

        const observability = new ServiceObservability(childName(prefix, "observability"), {
            serviceName: prefix,
            alarmTopicArn: shared.alerts.topicArn,
            loadBalancerArnSuffix: edge.loadBalancerArnSuffix,
            targetGroupArnSuffix: edge.targetGroupArnSuffix,
            ecsClusterName: service.clusterName,
            ecsServiceName: service.serviceName,
            minTasks: svc.minCount,
            heldAtZeroTasks: held,
            database: observedDatabase(svc, database.instanceIdentifier, database.replicaIdentifiers, database.deployment === "aurora" ? undefined : database.memberInstanceIdentifiers,
                database.deployment === "aurora" ? database.clusterIdentifier : undefined),
            cache: { replicationGroupId: cache.replicationGroupId, memberClusterIds: cache.memberClusters },
            waf: { webAclName: edge.webAclName, region: env.region },
            thresholds: thresholdsOf(svc),
            tags,
        }, child);

        // The single-page frontend behind CloudFront (LMS's React build), when the application has one.
        const web = svc.frontend ? new StaticSite(childName(prefix, "web"), {
            domainNames: svc.frontend.domainNames,
            certificateArn: svc.frontend.certificateArn,
            kmsKeyArn: shared.keys.keyArn(`${name}-web`),
            contentSecurityPolicy: svc.frontend.contentSecurityPolicy,
            frameOptions: svc.tls.frameOptions,
            rateLimitPerIp: svc.waf.rateLimitPerIp,
            accessLogExpirationDays: production ? 365 : 90,
            protect: production,
            tags,
        }, { parent: this }) : undefined;

        this.name = name;
        // AWS Backup cannot copy a Multi-AZ DB cluster's recovery points to another Region (lib/rules/backup-limits.ts);
        // it copies DB instances' and Aurora clusters'.
        const regionLocal = database.deployment === "multi-az-cluster";
        this.databaseArns = regionLocal ? [] : [database.instanceArn];
        this.regionLocalDatabaseArns = regionLocal ? [database.instanceArn] : [];
        this.dataBucketArns = svc.storage.buckets.map((b) => storage.bucketArns[b.name]);
        this.databaseWindows = [{ backupWindow: database.backupWindow, maintenanceWindow: database.maintenanceWindow }];
        // Restore testing covers DB instances ("RDS") and Aurora clusters ("Aurora"); its support for Multi-AZ DB cluster
        // recovery points is unverified, so such a cluster is restored by hand in the monthly DR test instead.
        this.restoreTestDatabases = regionLocal
            ? []
            : [{
                name: slug(name).replace(/-/g, "_"),
                resourceType: database.deployment === "aurora" ? "Aurora" : "RDS",
                arn: database.instanceArn,
                subnetGroupName: database.subnetGroupName,
                securityGroupIds: [database.securityGroupId],
            }];
        this.outputs = {
            url: pulumi.interpolate`https://${edge.dnsName}`,
            loadBalancerDnsName: edge.dnsName,
            webAclArn: edge.webAclArn,
            clusterName: service.clusterName,
            serviceName: service.serviceName,
            databaseEndpoint: database.endpoint,
            databaseReaderAddress: database.readerAddress,
            databaseAppUser: database.appUsername,
            // The function that creates databaseAppUser during `up` (invoke it again by hand only to repair the user).
            databaseUsersFunction: users.functionName,
            // Out-of-band secrets the service waits for: put each value, then set appSecretsReady: true and run `up`.
            pendingSecrets: held ? svc.appSecrets.map((n) => `${env.name}/${name}/${n}`) : [],
            // Master credentials, for administrators only (migrations by hand; the application user is created by `up`).
            databaseSecretArn: database.masterUserSecretArn,
            cacheEndpoint: cache.primaryEndpointAddress,
            cacheUser: cache.appUserId,
            buckets: storage.bucketNames,
            dashboardName: observability.dashboardName,
            ...(web ? { frontendDistributionDomainName: web.distributionDomainName, frontendBucket: web.bucketName } : {}),
        };
        this.registerOutputs({
            databaseArns: this.databaseArns,
            regionLocalDatabaseArns: this.regionLocalDatabaseArns,
            dataBucketArns: this.dataBucketArns,
            databaseWindows: this.databaseWindows,
            restoreTestDatabases: this.restoreTestDatabases,
            outputs: this.outputs,
        });
    }
}

/**
 * Least privilege for the application itself: read and write objects in its own buckets with its data key, connect to
 * its database and its cache as its own users with IAM authentication, and write to its audit and error log groups.
 */
export function applicationAccessStatements(access: {
    bucketArns: pulumi.Output<string>[];
    dataKeyArn: pulumi.Output<string>;
    databaseUserArn: pulumi.Output<string>;
    /** The replication group and the application's Redis user: `elasticache:Connect` names both. */
    cacheConnectArns: pulumi.Output<string>[];
    logGroupArns: pulumi.Output<string>[];
}): pulumi.Output<object[]> {
    return pulumi.all([pulumi.all(access.bucketArns), access.dataKeyArn, access.databaseUserArn, pulumi.all(access.logGroupArns), pulumi.all(access.cacheConnectArns)])
        .apply(([arns, keyArn, dbUserArn, logArns, cacheArns]) => [
            { Effect: "Allow", Action: ["s3:ListBucket"], Resource: arns },
            { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource: arns.map((arn) => `${arn}/*`) },
            { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [keyArn] },
            { Effect: "Allow", Action: ["rds-db:connect"], Resource: [dbUserArn] },
            { Effect: "Allow", Action: ["elasticache:Connect"], Resource: cacheArns },
            {
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: logArns.flatMap((arn) => [arn, `${arn}:log-stream:*`]),
            },
        ]);
}
