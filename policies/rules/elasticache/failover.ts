import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "elasticache-failover",
    displayName: "ElastiCache fails over across AZs",
    description: "Redis replication groups have automatic failover and Multi-AZ (which needs 2 or more nodes).",
    remediation: "Set numCacheClusters ≥ 2, automaticFailoverEnabled: true and multiAzEnabled: true.",
    severity: "high",
    resourceTypes: [aws.elasticache.ReplicationGroup],
    check: (cache) => (cache.automaticFailoverEnabled !== true || cache.multiAzEnabled !== true ? "automatic failover or Multi-AZ is off" : undefined),
});
