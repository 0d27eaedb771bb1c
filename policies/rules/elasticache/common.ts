/** Redis-compatible engines (Valkey included); Memcached has no at-rest encryption on node-based clusters. */
export const isRedisLike = (engine: unknown) => engine === undefined || ["redis", "valkey"].includes(String(engine).toLowerCase());
