/**
 * ElastiCache replication-group topology. Pure, no Pulumi import: stack config and the Cache component ask the same
 * question. ElastiCache refuses automatic failover or Multi-AZ with fewer than two nodes (CreateReplicationGroup:
 * "AutomaticFailoverEnabled … requires at least one replica"), so say so before AWS does.
 */
export const MIN_NODES_FOR_FAILOVER = 2;

/** Why this topology is refused, or undefined. */
export function cacheTopologyProblem(numNodes: number, automaticFailover: boolean, multiAz: boolean): string | undefined {
    return (automaticFailover || multiAz) && numNodes < MIN_NODES_FOR_FAILOVER
        ? `automatic failover and Multi-AZ need at least ${MIN_NODES_FOR_FAILOVER} nodes`
        : undefined;
}
