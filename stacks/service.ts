import * as pulumi from "@pulumi/pulumi";
import { AppSecrets } from "../components/app-secrets";
import { Cache } from "../components/cache";
import { Database } from "../components/database";
import { Edge } from "../components/edge";
import { FargateService } from "../components/fargate-service";
import { ServiceLogs } from "../components/service-logs";
import { ServiceObservability } from "../components/service-observability";
import { Storage } from "../components/storage";
import type { RestoreTestDatabase } from "../components/backup";
import type { RdsWindows } from "../lib/rules/backup-windows";
import { childName, slug } from "../lib/naming";
import { standardTags } from "../lib/tags";
import { EnvironmentConfig, ServiceConfig } from "./config";
import type { SharedInfrastructure } from "./environment";

/** What one application's stack slice exposes to the environment (backup selection, outputs). */
export interface ServiceStack {
    name: string;
    url: pulumi.Output<string>;
    databaseArns: pulumi.Output<string>[];
    dataBucketArns: pulumi.Output<string>[];
    /** RDS windows of the databases, so backup schedules stay clear of them. */
    databaseWindows: RdsWindows[];
    /** Databases AWS Backup restore testing can restore (single DB instances), with their network. */
    restoreTestDatabases: RestoreTestDatabase[];
    outputs: Record<string, pulumi.Input<unknown>>;
}

/**
 * Composes one application: logs, storage, edge (ALB + WAF + security groups), database, cache, secrets, the Fargate
 * service and its alarms and dashboard. Order follows the data flow: the edge owns the app security group that the
 * database and cache admit, and the service receives the database and cache secrets by ARN.
 */
export function deployService(name: string, svc: ServiceConfig, env: EnvironmentConfig, shared: SharedInfrastructure): ServiceStack {
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

    const logs = new ServiceLogs(childName(prefix, "logs"), {
        serviceName: prefix,
        kmsKeyArn: logsKeyArn,
        applicationRetentionDays: svc.logs.applicationRetentionDays,
        errorRetentionDays: svc.logs.errorRetentionDays,
        auditRetentionDays: svc.logs.auditRetentionDays,
        protect: production,
        tags,
    });

    const storage = new Storage(childName(prefix, "storage"), {
        buckets: svc.storage.buckets.map((b) => ({ name: b.name, purpose: b.purpose, transitionToIaDays: b.transitionToIaDays })),
        kmsKeyArn: dataKeyArn,
        albAccessLogs: { enabled: true, expirationDays: production ? 365 : 90 },
        protect: production,
        tags,
    });

    const edge = new Edge(childName(prefix, "edge"), {
        vpcId: shared.network.vpcId,
        vpcCidrBlock: shared.network.vpcCidrBlock,
        publicSubnetIds: shared.network.publicSubnetIds,
        appPort: svc.containerPort,
        healthCheckPath: svc.healthCheckPath,
        certificateArn: svc.tls.certificateArn,
        domainName: svc.tls.domainName,
        hostedZoneId: svc.tls.hostedZoneId,
        sslPolicy: svc.tls.sslPolicy,
        responseHeaders: { strictTransportSecurity: svc.tls.hsts, frameOptions: svc.tls.frameOptions },
        deletionProtection: production,
        accessLogs: { bucket: storage.albLogBucketName, prefix, dependsOn: storage.albLogBucketPolicy ? [storage.albLogBucketPolicy] : [] },
        // AWS appends a unique suffix (ALB names: 32 characters at most).
        namePrefix: `${slug(name).slice(0, 5).replace(/-+$/, "")}-`,
        waf: { rateLimitPerIp: svc.waf.rateLimitPerIp, geoBlockCountries: svc.waf.geoBlockCountries },
        wafLogRetentionDays: env.wafLogRetentionDays,
        logsKmsKeyArn: logsKeyArn,
        tags,
    });

    const db = svc.database;
    const database = new Database(childName(prefix, "db"), {
        engine: db.engine,
        engineVersion: db.engineVersion,
        instanceClass: db.instanceClass,
        allocatedStorageGb: db.allocatedStorageGb,
        maxAllocatedStorageGb: db.maxAllocatedStorageGb,
        multiAz: db.multiAz,
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
    });

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
    });

    const appSecrets = new AppSecrets(childName(prefix, "secrets"), {
        application: name,
        environment: env.name,
        names: svc.appSecrets,
        // `secure:` environment values from stack config: stored in Secrets Manager, injected by ARN below.
        values: svc.secretEnvironment,
        kmsKeyArn: dataKeyArn,
        protect: production,
        tags,
    });

    const service = new FargateService(childName(prefix, "service"), {
        vpcId: shared.network.vpcId,
        subnetIds: shared.network.appSubnetIds,
        securityGroupIds: [edge.appSecurityGroupId],
        image: svc.image,
        containerPort: svc.containerPort,
        cpu: svc.cpu,
        memory: svc.memory,
        desiredCount: svc.desiredCount,
        minCount: svc.minCount,
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
            ...Object.fromEntries(svc.storage.buckets.map((b) => [`S3_BUCKET_${b.name.toUpperCase().replace(/-/g, "_")}`, storage.bucketNames[b.name]])),
        },
        secrets: {
            REDIS_PASSWORD: pulumi.interpolate`${cache.authSecretArn}:authToken::`,
            ...appSecrets.secretArns,
        },
        secretKmsKeyArns: [dataKeyArn],
        logGroup: logs.applicationLogGroup,
        capacityProviderStrategy: production
            ? [{ capacityProvider: "FARGATE", base: svc.minCount, weight: 1 }]
            : [{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }],
        taskRoleStatements: applicationAccessStatements({
            bucketArns: svc.storage.buckets.map((b) => storage.bucketArns[b.name]),
            dataKeyArn,
            databaseUserArn: database.appUserConnectArn,
            logGroupArns: [logs.auditLogGroup.arn, logs.errorLogGroup.arn],
        }),
        writablePaths: svc.writablePaths,
        // The target group must be attached to the load balancer (through the listener) before ECS registers tasks.
        dependsOn: [edge.httpsListener],
        tags,
    });

    const observability = new ServiceObservability(childName(prefix, "observability"), {
        serviceName: prefix,
        alarmTopicArn: shared.alerts.topicArn,
        loadBalancerArnSuffix: edge.loadBalancerArnSuffix,
        targetGroupArnSuffix: edge.targetGroupArnSuffix,
        ecsClusterName: service.clusterName,
        ecsServiceName: service.serviceName,
        minTasks: svc.minCount,
        database: {
            engine: db.engine,
            instanceIdentifier: database.instanceIdentifier,
            memberInstanceIdentifiers: database.memberInstanceIdentifiers,
            replicaIdentifiers: database.replicaIdentifiers,
            allocatedStorageGb: db.allocatedStorageGb,
            // max_connections sets the connections alarm (90 %), so MITA does not inherit LMS's 450.
            parameters: (db as { parameters?: Record<string, string> }).parameters,
            instanceClass: db.instanceClass,
        },
        cache: { replicationGroupId: cache.replicationGroupId, memberClusterIds: cache.memberClusters },
        waf: { webAclName: edge.webAclName, region: env.region },
        thresholds: {
            p95LatencySeconds: svc.alarms.p95LatencySeconds,
            error5xxPercent: svc.alarms.error5xxPercent,
            ...(svc.alarms.databaseConnections ? { databaseConnections: svc.alarms.databaseConnections } : {}),
        },
        tags,
    });

    return {
        name,
        url: pulumi.interpolate`https://${edge.dnsName}`,
        databaseArns: [database.instanceArn],
        dataBucketArns: svc.storage.buckets.map((b) => storage.bucketArns[b.name]),
        databaseWindows: [{ backupWindow: database.backupWindow, maintenanceWindow: database.maintenanceWindow }],
        // Restore testing is set up for DB instances; its support for Multi-AZ DB cluster recovery points is unverified,
        // so a cluster is restored by hand in the monthly DR test instead (docs/seed-conformance.md, LMS-63).
        restoreTestDatabases: database.deployment === "instance"
            ? [{ name: slug(name).replace(/-/g, "_"), arn: database.instanceArn, subnetGroupName: database.subnetGroupName, securityGroupIds: [database.securityGroupId] }]
            : [],
        outputs: {
            url: pulumi.interpolate`https://${edge.dnsName}`,
            loadBalancerDnsName: edge.dnsName,
            webAclArn: edge.webAclArn,
            clusterName: service.clusterName,
            serviceName: service.serviceName,
            databaseEndpoint: database.endpoint,
            databaseReaderAddress: database.readerAddress,
            databaseAppUser: database.appUsername,
            // Master credentials, for administrators only (creating the application user, migrations by hand).
            databaseSecretArn: database.masterUserSecretArn,
            cacheEndpoint: cache.primaryEndpointAddress,
            cacheAuthSecretArn: cache.authSecretArn,
            buckets: storage.bucketNames,
            dashboardName: observability.dashboardName,
        },
    };
}

/**
 * Least privilege for the application itself: read and write objects in its own buckets with its data key, connect to
 * its database as its own user with IAM authentication, and write to its audit and error log groups.
 */
function applicationAccessStatements(access: {
    bucketArns: pulumi.Output<string>[];
    dataKeyArn: pulumi.Output<string>;
    databaseUserArn: pulumi.Output<string>;
    logGroupArns: pulumi.Output<string>[];
}): pulumi.Output<object[]> {
    return pulumi.all([pulumi.all(access.bucketArns), access.dataKeyArn, access.databaseUserArn, pulumi.all(access.logGroupArns)])
        .apply(([arns, keyArn, dbUserArn, logArns]) => [
            { Effect: "Allow", Action: ["s3:ListBucket"], Resource: arns },
            { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource: arns.map((arn) => `${arn}/*`) },
            { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [keyArn] },
            { Effect: "Allow", Action: ["rds-db:connect"], Resource: [dbUserArn] },
            {
                Effect: "Allow",
                Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
                Resource: logArns.flatMap((arn) => [arn, `${arn}:log-stream:*`]),
            },
        ]);
}
