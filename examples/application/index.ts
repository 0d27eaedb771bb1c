import { AlertRouting, Application, EncryptionKeys, Network } from "aws-platform";
import { parseConfig } from "aws-platform/config";

// The platform's config schema validates the block and fills its defaults (in a stack: `Pulumi.<stack>.yaml`). A
// production tier: what the pack's defaults require (protection, Multi-AZ, deletion protection, retention floors).
const { environment, services } = parseConfig({
    environment: {
        tier: "production",
        region: "us-east-1",
        vpcCidr: "10.30.0.0/16",
        availabilityZones: ["us-east-1a", "us-east-1b"],
        natGateways: "one-per-az",
        owner: "platform-team",
        costCenter: "CC-1001",
        alerts: { emails: ["oncall@example.com"], httpsEndpoints: [] },
        flowLogRetentionDays: 90,
        wafLogRetentionDays: 90,
        backup: { dailyRetentionDays: 35, continuousBackup: true, longTermRetentionDays: 2557, vaultLockMode: "compliance", restoreTestSchedule: "cron(0 5 ? * SUN *)" },
    },
    services: {
        shop: {
            image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:1.0.0",
            containerPort: 8080,
            healthCheckPath: "/health",
            cpu: 512,
            memory: 1024,
            desiredCount: 2,
            minCount: 2,
            maxCount: 3,
            targetCpuPercent: 70,
            dataClassification: "confidential",
            environment: { NODE_ENV: "production" },
            // The application's own signing key, generated once at creation (no hand step).
            generatedSecrets: { JWT_SECRET: 64 },
            tls: { certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000" },
            writablePaths: ["/tmp"],
            database: {
                engine: "postgres", engineVersion: "15", instanceClass: "db.t4g.medium", allocatedStorageGb: 20, maxAllocatedStorageGb: 100,
                multiAz: true, readReplicas: 0, backupRetentionDays: 30, databaseName: "shop", masterUsername: "shop_admin", appUsername: "shop_app",
            },
            cache: { nodeType: "cache.t4g.small", numNodes: 2, automaticFailover: true, engineVersion: "7.1", snapshotRetentionDays: 1 },
            storage: { buckets: [{ name: "uploads", purpose: "Customer uploads" }] },
        },
    },
}, "dev", "example-application");

const tags = { owner: environment.owner, "cost-center": environment.costCenter, "data-classification": "internal", environment: environment.name };
// The environment's shared pieces: the application needs the `logs` and `<name>-data` keys, the network and the alerts.
const keys = new EncryptionKeys("example-keys", {
    namePrefix: environment.name,
    purposes: [
        { name: "logs", description: "CloudWatch Logs", services: ["logs"] },
        { name: "alerts", description: "Alert topic", services: ["sns", "cloudwatch", "events"] },
        { name: "shop-data", description: "Data of shop" },
    ],
    protect: true,
    tags,
});
const network = new Network("example-network", {
    cidrBlock: environment.vpcCidr,
    availabilityZones: environment.availabilityZones,
    natGateways: environment.natGateways,
    flowLogRetentionDays: environment.flowLogRetentionDays,
    logsKmsKeyArn: keys.keyArn("logs"),
    tags,
});
const alerts = new AlertRouting("example-alerts", { emailAddresses: environment.alerts.emails, kmsKeyArn: keys.keyArn("alerts"), tags });
const shop = new Application("shop", { config: services.shop, environment, shared: { keys, network, alerts } });

export const outputs = shop.outputs;
