import * as pulumi from "@pulumi/pulumi";
import { AppSecrets } from "../components/app-secrets";
import { Cache } from "../components/cache";
import { Database } from "../components/database";
import { Edge } from "../components/edge";
import { FargateService } from "../components/fargate-service";
import { ServiceLogs } from "../components/service-logs";
import { ServiceObservability } from "../components/service-observability";
import { Storage } from "../components/storage";
import { childName } from "../lib/naming";
import { standardTags } from "../lib/tags";
import { EnvironmentConfig, ServiceConfig } from "./config";
import type { SharedInfrastructure } from "./environment";

/** What one application's stack slice exposes to the environment (backup selection, outputs). */
export interface ServiceStack {
    name: string;
    url: pulumi.Output<string>;
    databaseArns: pulumi.Output<string>[];
    dataBucketArns: pulumi.Output<string>[];
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
        deletionProtection: production,
        accessLogs: { bucket: storage.albLogBucketName, prefix },
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
        readReplicas: db.readReplicas,
        replicaInstanceClass: db.replicaInstanceClass,
        // Replicas go to the AZs after the first, away from the primary's preferred AZ.
        replicaAvailabilityZones: env.availabilityZones.slice(1),
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
            DATABASE_PORT: pulumi.interpolate`${database.port}`,
            DATABASE_NAME: db.databaseName,
            DATABASE_SSL: "require",
            REDIS_HOST: cache.primaryEndpointAddress,
            REDIS_PORT: pulumi.interpolate`${cache.port}`,
            REDIS_TLS: "true",
            ...Object.fromEntries(svc.storage.buckets.map((b) => [`S3_BUCKET_${b.name.toUpperCase().replace(/-/g, "_")}`, storage.bucketNames[b.name]])),
        },
        secrets: {
            // RDS keeps the master credentials as JSON {username, password}; ECS reads single keys from it.
            DATABASE_USER: pulumi.interpolate`${database.masterUserSecretArn}:username::`,
            DATABASE_PASSWORD: pulumi.interpolate`${database.masterUserSecretArn}:password::`,
            REDIS_PASSWORD: pulumi.interpolate`${cache.authSecretArn}:authToken::`,
            ...appSecrets.secretArns,
        },
        secretKmsKeyArns: [dataKeyArn],
        logGroup: logs.applicationLogGroup,
        capacityProviderStrategy: production
            ? [{ capacityProvider: "FARGATE", base: svc.minCount, weight: 1 }]
            : [{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }],
        taskRoleStatements: applicationAccessStatements(svc.storage.buckets.map((b) => storage.bucketArns[b.name]), dataKeyArn),
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
            replicaIdentifiers: database.replicaIdentifiers,
            allocatedStorageGb: db.allocatedStorageGb,
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
        outputs: {
            url: pulumi.interpolate`https://${edge.dnsName}`,
            loadBalancerDnsName: edge.dnsName,
            webAclArn: edge.webAclArn,
            clusterName: service.clusterName,
            serviceName: service.serviceName,
            databaseEndpoint: database.endpoint,
            databaseSecretArn: database.masterUserSecretArn,
            cacheEndpoint: cache.primaryEndpointAddress,
            cacheAuthSecretArn: cache.authSecretArn,
            buckets: storage.bucketNames,
            dashboardName: observability.dashboardName,
        },
    };
}

/** Least privilege for the application itself: read and write objects in its own buckets, with its data key. */
function applicationAccessStatements(bucketArns: pulumi.Output<string>[], dataKeyArn: pulumi.Output<string>): pulumi.Output<object[]> {
    return pulumi.all([pulumi.all(bucketArns), dataKeyArn]).apply(([arns, keyArn]) => [
        { Effect: "Allow", Action: ["s3:ListBucket"], Resource: arns },
        { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject", "s3:DeleteObject"], Resource: arns.map((arn) => `${arn}/*`) },
        { Effect: "Allow", Action: ["kms:Decrypt", "kms:GenerateDataKey"], Resource: [keyArn] },
    ]);
}
