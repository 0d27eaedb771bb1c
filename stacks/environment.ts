import * as pulumi from "@pulumi/pulumi";
import { ALERT_PUBLISHERS, AlertRouting } from "../components/alert-routing";
import { Backup } from "../components/backup";
import { EncryptionKeys } from "../components/encryption-keys";
import { Network } from "../components/network";
import { DATA_CLASSIFICATIONS, DataClassification, standardTags } from "../lib/tags";
import { Application, SharedInfrastructure } from "../components/application";
import { VAULT_LOCK_BOUNDS } from "../lib/rules/backup-limits";
import { PlatformConfig } from "../components/application-config";

/**
 * Builds one environment (a stack): keys, network and alert routing shared by the applications, one Application per
 * configured service, and the backup plan that covers every application's databases and data buckets.
 *
 * Each application is declared one turn of the event loop after the previous one. Until a resource's registration
 * completes, the SDK keeps every one of its outputs as pending promises (about 100 KiB per resource): declared in one
 * synchronous pass, 50 applications held some 600 MiB at once in the program's process. A turn lets the SDK send the
 * registrations declared so far (and, in a preview, complete them) before the next application is declared. Nothing
 * waits for a resource, so `pulumi up` still creates the applications side by side.
 */
export async function deployEnvironment(config: PlatformConfig): Promise<Record<string, pulumi.Input<unknown>>> {
    const env = config.environment;
    const production = env.tier === "production";
    const tags = standardTags({
        environment: env.name,
        owner: env.owner,
        costCenter: env.costCenter,
        // Shared infrastructure carries the most sensitive class of the data that passes through it.
        dataClassification: highestClassification(Object.values(config.services).map((s) => s.dataClassification)),
    });

    const keys = new EncryptionKeys(`${env.name}-keys`, {
        namePrefix: env.name,
        protect: production,
        tags,
        purposes: [
            { name: "logs", description: `CloudWatch Logs of ${env.name} (flow, WAF, application, audit)`, services: ["logs"] },
            // Alarms, EventBridge rules and AWS Backup publish to the encrypted topic: SNS encrypts with their access to the key.
            { name: "alerts", description: `Alert topic of ${env.name}`, services: ["sns"], topicPublishers: ALERT_PUBLISHERS },
            { name: "backup", description: `AWS Backup vault of ${env.name}`, services: ["backup"] },
            ...Object.keys(config.services).map((name) => ({
                name: `${name}-data`,
                description: `Data of ${name} in ${env.name}: database, cache, buckets, secrets`,
            })),
            // The frontend's bucket: CloudFront (origin access control) may decrypt, nothing else of the application's.
            ...Object.entries(config.services).filter(([, svc]) => svc.frontend).map(([name]) => ({
                name: `${name}-web`,
                description: `Frontend of ${name} in ${env.name}: static site content read by CloudFront`,
                services: ["cloudfront" as const],
            })),
        ],
    });

    const network = new Network(`${env.name}-network`, {
        cidrBlock: env.vpcCidr,
        availabilityZones: env.availabilityZones,
        natGateways: env.natGateways,
        subnetCidrs: env.subnetCidrs,
        flowLogRetentionDays: env.flowLogRetentionDays,
        logsKmsKeyArn: keys.keyArn("logs"),
        tags,
    });

    const alerts = new AlertRouting(`${env.name}-alerts`, {
        emailAddresses: env.alerts.emails,
        httpsEndpoints: env.alerts.httpsEndpoints,
        kmsKeyArn: keys.keyArn("alerts"),
        tags,
    });

    const shared: SharedInfrastructure = { keys, network, alerts };
    // One component per `services.<name>` config block: a new application is a config block, not code.
    const services: Application[] = [];
    for (const [name, svc] of Object.entries(config.services)) {
        services.push(new Application(name, { config: svc, environment: env, shared }));
        await nextTurn();
    }

    const backup = new Backup(`${env.name}-backup`, {
        kmsKeyArn: keys.keyArn("backup"),
        // Fixed per tier (lib/rules/backup-limits.ts), never computed from the retentions: the lock is immutable.
        vaultLock: { mode: env.backup.vaultLockMode, ...VAULT_LOCK_BOUNDS[env.tier] },
        dailyRetentionDays: env.backup.dailyRetentionDays,
        continuousBackup: env.backup.continuousBackup,
        longTermRule: { retentionDays: env.backup.longTermRetentionDays },
        copyToRegion: env.backup.disasterRecoveryRegion,
        resourceArns: services.flatMap((s) => [...s.databaseArns, ...s.dataBucketArns]),
        regionLocalResourceArns: services.flatMap((s) => s.regionLocalDatabaseArns),
        notificationTopicArn: alerts.topicArn,
        databaseWindows: services.flatMap((s) => s.databaseWindows),
        restoreTesting: { schedule: env.backup.restoreTestSchedule, databases: services.flatMap((s) => s.restoreTestDatabases) },
        protect: production,
        tags,
    });

    return {
        environment: env.name,
        vpcId: network.vpcId,
        alertTopicArn: alerts.topicArn,
        backupVaultName: backup.vaultName,
        services: Object.fromEntries(services.map((s) => [s.name, s.outputs])),
    };
}

/** Resolves after the promise jobs queued so far (the SDK's registration steps) and one turn of the event loop. */
function nextTurn(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
}

function highestClassification(classes: DataClassification[]): DataClassification {
    return classes.reduce((a, b) => (DATA_CLASSIFICATIONS.indexOf(b) > DATA_CLASSIFICATIONS.indexOf(a) ? b : a), "internal");
}
