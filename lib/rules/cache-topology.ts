/**
 * ElastiCache replication-group topology. Pure, no Pulumi import: stack config and the Cache component ask the same
 * question. ElastiCache refuses automatic failover or Multi-AZ with fewer than two nodes (CreateReplicationGroup:
 * "AutomaticFailoverEnabled … requires at least one replica"), so say so before AWS does.
 */
export const MIN_NODES_FOR_FAILOVER = 2;

/** A replication group's NumCacheClusters: a primary and up to five replicas (CreateReplicationGroup: 1–6). */
export const CACHE_NODES = { min: 1, max: 6 } as const;

/** Why this topology is refused, or undefined. */
export function cacheTopologyProblem(numNodes: number, automaticFailover: boolean, multiAz: boolean): string | undefined {
    if (!Number.isInteger(numNodes) || numNodes < CACHE_NODES.min || numNodes > CACHE_NODES.max) {
        return `a replication group has ${CACHE_NODES.min} to ${CACHE_NODES.max} nodes (a primary and up to ${CACHE_NODES.max - 1} replicas)`;
    }
    return (automaticFailover || multiAz) && numNodes < MIN_NODES_FOR_FAILOVER
        ? `automatic failover and Multi-AZ need at least ${MIN_NODES_FOR_FAILOVER} nodes`
        : undefined;
}
