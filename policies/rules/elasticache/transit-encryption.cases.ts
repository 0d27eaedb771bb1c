import type { RuleCases } from "../../cases";
import { CLUSTER, GOOD_RG, res, RG, UNKNOWN, unk } from "./cases-common";

/** Cases of elasticache-transit-encryption (test/policies/unit.test.ts runs them in-process). */
export const cases: RuleCases = {
    compliant: [res("TLS required with AUTH", RG, GOOD_RG), res("RBAC user group", RG, { ...GOOD_RG, authToken: undefined, userGroupIds: ["g"] }),
        res("single-node Redis with TLS", CLUSTER, { engine: "redis", transitEncryptionEnabled: true }), res("memcached cluster", CLUSTER, { engine: "memcached" }),
        // A node that joins a replication group is judged through the group (its own inputs are the group's).
        res("cluster node joining a replication group", CLUSTER, { replicationGroupId: "rg-1" }),
        res("TLS on, mode omitted (the provider leaves it required)", RG, { ...GOOD_RG, transitEncryptionMode: undefined })],
    violating: [res("TLS omitted", RG, { ...GOOD_RG, transitEncryptionEnabled: undefined }), res("preferred (any case)", RG, { ...GOOD_RG, transitEncryptionMode: "PREFERRED" }),
        res("no AUTH", RG, { ...GOOD_RG, authToken: undefined }), res("single-node Redis without TLS", CLUSTER, { engine: "redis" }),
        res("single-node cluster, engine omitted (Redis)", CLUSTER, { nodeType: "cache.t4g.micro" }),
        res("single-node Valkey (any case) without TLS", CLUSTER, { engine: "Valkey", nodeType: "cache.t4g.micro" })],
    unknown: [unk("auth token generated in the same run counts as set", "compliant", res("", RG, GOOD_RG)), unk("TLS flag unknown", "not-judged", res("", RG, { ...GOOD_RG, transitEncryptionEnabled: UNKNOWN }))],
};
