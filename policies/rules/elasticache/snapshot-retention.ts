import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";
import { BACKUP } from "../../controls";

export const rule = resourceRule({
    name: "elasticache-snapshot-retention",
    controls: BACKUP,
    displayName: "ElastiCache keeps snapshots",
    description: "Redis replication groups keep daily snapshots for at least the floor.",
    remediation: "Set snapshotRetentionLimit to at least the floor.",
    severity: "medium",
    resourceTypes: [aws.elasticache.ReplicationGroup],
    concern: "retention",
    config: { minimumDays: { type: "integer", minimum: 1, default: 1 } },
    check: (cache, _args, config) => {
        const days = cache.snapshotRetentionLimit ?? 0;
        return days < config.minimumDays ? `snapshot retention ${days} days is below the floor of ${config.minimumDays}` : undefined;
    },
});
