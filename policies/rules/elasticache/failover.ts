import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";
import { AVAILABILITY } from "../../controls";

export const rule = resourceRule({
    name: "elasticache-failover",
    controls: AVAILABILITY,
    displayName: "ElastiCache fails over across AZs",
    description: "Redis replication groups have automatic failover and Multi-AZ (which needs 2 or more nodes).",
    remediation: "Set numCacheClusters ≥ 2, automaticFailoverEnabled: true and multiAzEnabled: true.",
    severity: "high",
    resourceTypes: [aws.elasticache.ReplicationGroup],
    check: (cache) => (cache.automaticFailoverEnabled !== true || cache.multiAzEnabled !== true ? "automatic failover or Multi-AZ is off" : undefined),
});
