import * as assert from "assert";
import { Backup, BackupArgs } from "../../components/backup";
import { Cache, CacheArgs } from "../../components/cache";
import { ServiceLogs, ServiceLogsArgs } from "../../components/service-logs";
import { installMocks, settle, TEST_TAGS } from "../support/mocks";

/**
 * "Config errors register nothing", asserted: each component validates before `super()` and before any child, so a
 * rejected configuration leaves no resource behind (not even the component). Components with test files of their own
 * (Network, Edge, FargateService, EncryptionKeys, AppSecrets, ServiceObservability) assert it there.
 */
describe("configuration errors register nothing", () => {
    const tags = TEST_TAGS;
    const cache: CacheArgs = {
        nodeType: "cache.t4g.small", numCacheClusters: 1, automaticFailover: true, vpcId: "v", subnetIds: ["s"], clientSecurityGroupId: "sg",
        kmsKeyArn: "k", slowLogRetentionDays: 30, logsKmsKeyArn: "k", protect: false, tags,
    };
    const backup: BackupArgs = {
        kmsKeyArn: "k", vaultLock: { mode: "compliance", minRetentionDays: 30, maxRetentionDays: 2557 }, dailyRetentionDays: 7,
        resourceArns: [], notificationTopicArn: "arn:aws:sns:us-east-1:123456789012:alerts", protect: false, tags,
    };
    const logs: ServiceLogsArgs = { serviceName: "s", kmsKeyArn: "k", protect: false, tags };

    const cases: Array<[string, () => unknown, RegExp]> = [
        ["Cache: failover with one node", () => new Cache("bad", cache), /^Error: Cache bad: automatic failover and Multi-AZ need at least 2 nodes, got 1/],
        ["Backup: daily retention under the vault lock minimum", () => new Backup("bad", backup), /^Error: Backup bad: the daily rule keeps recovery points 7 days, below the vault lock's minRetentionDays 30/],
        // The audit group comes last: before, the application and error groups were registered when it failed.
        ["ServiceLogs: an audit retention CloudWatch refuses", () => new ServiceLogs("bad", { ...logs, auditRetentionDays: 2555 }), /^Error: ServiceLogs bad: audit retention 2555 is not a CloudWatch Logs value; nearest allowed is 2557/],
        ["ServiceLogs: an error retention CloudWatch refuses", () => new ServiceLogs("bad", { ...logs, errorRetentionDays: 31 }), /^Error: ServiceLogs bad: error retention 31 .* nearest allowed is 30/],
    ];
    for (const [label, create, message] of cases) {
        it(label, async () => {
            const recorded = installMocks({ stack: "registers-nothing" });
            assert.throws(create, message);
            await settle();
            assert.deepStrictEqual(recorded.map((r) => `${r.type}::${r.name}`), []);
        });
    }
});
