import * as assert from "assert";
import { CACHE_NODES, cacheTopologyProblem, MIN_NODES_FOR_FAILOVER } from "../../lib/rules/cache-topology";

/** ElastiCache CreateReplicationGroup: NumCacheClusters 1–6; automatic failover and Multi-AZ need a replica. */
describe("lib/rules/cache-topology", () => {
    const range = "a replication group has 1 to 6 nodes (a primary and up to 5 replicas)";
    const failover = "automatic failover and Multi-AZ need at least 2 nodes";

    it("a primary and up to five replicas: 1 to 6 whole nodes", () => {
        assert.deepStrictEqual(CACHE_NODES, { min: 1, max: 6 });
        for (const n of [0, 7, -1, 2.5, Number.NaN]) assert.strictEqual(cacheTopologyProblem(n, false, false), range, String(n));
        for (const n of [1, 2, 6]) assert.strictEqual(cacheTopologyProblem(n, false, false), undefined, String(n));
    });

    it("failover or Multi-AZ needs two nodes or more", () => {
        assert.strictEqual(MIN_NODES_FOR_FAILOVER, 2);
        assert.strictEqual(cacheTopologyProblem(1, true, false), failover);
        assert.strictEqual(cacheTopologyProblem(1, false, true), failover);
        assert.strictEqual(cacheTopologyProblem(2, true, true), undefined);
        assert.strictEqual(cacheTopologyProblem(6, true, true), undefined);
    });
});
