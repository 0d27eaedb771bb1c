import type { RuleCases } from "../../cases";
import { CLUSTER, GOOD_RG, KEY, res, RG, SERVERLESS, UNKNOWN, unk } from "./cases-common";

/** Cases of elasticache-encrypted-at-rest (test/policies/unit.test.ts runs them in-process). */
export const cases: RuleCases = {
    compliant: [res("CMK", RG, GOOD_RG), res("serverless with CMK", SERVERLESS, { engine: "valkey", kmsKeyId: KEY })],
    violating: [res("omitted", RG, { ...GOOD_RG, atRestEncryptionEnabled: undefined }), res("AWS-owned key", RG, { ...GOOD_RG, kmsKeyId: undefined }),
        res("serverless without CMK", SERVERLESS, { engine: "redis" })],
    unknown: [unk("flag unknown", "not-judged", res("", RG, { ...GOOD_RG, atRestEncryptionEnabled: UNKNOWN }))],
    ignored: [res("memcached node cluster", CLUSTER, { engine: "memcached" })],
};
