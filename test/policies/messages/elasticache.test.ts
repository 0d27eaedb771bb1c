import * as assert from "assert";
import { rule as atRest } from "../../../policies/rules/elasticache/encrypted-at-rest";
import { rule as failover } from "../../../policies/rules/elasticache/failover";
import { rule as snapshots } from "../../../policies/rules/elasticache/snapshot-retention";
import { rule as transit } from "../../../policies/rules/elasticache/transit-encryption";
import type { ResourceRule } from "../../../policies/framework";
import { runResourceRule, UNKNOWN } from "../harness";

/** The elasticache rules' messages, which a reader of the report acts on (the decisions are in the rules' cases beside them). */
const RG = "aws:elasticache/replicationGroup:ReplicationGroup";
const messages = (rule: ResourceRule, type: string, props: Record<string, unknown>, config: Record<string, unknown> = {}) => runResourceRule(rule, { type, props, config }).violations.map((v) => v.message);

describe("elasticache rules: messages", () => {
    it("elasticache-encrypted-at-rest: encryption off, AWS-owned key, serverless without a key", () => {
        assert.deepStrictEqual(messages(atRest, RG, {}), ["at-rest encryption is off (atRestEncryptionEnabled is not true)"]);
        assert.deepStrictEqual(messages(atRest, RG, { atRestEncryptionEnabled: true }), ["at-rest encryption uses the AWS-owned key; set kmsKeyId to a customer-managed key"]);
        assert.deepStrictEqual(messages(atRest, "aws:elasticache/serverlessCache:ServerlessCache", { engine: "valkey" }), ["serverless cache uses the AWS-owned key; set kmsKeyId to a customer-managed key"]);
    });

    it("elasticache-transit-encryption: each problem of a group, and a single node's", () => {
        assert.deepStrictEqual(messages(transit, RG, {}), [
            "transit encryption is off: clients talk to Redis in plain text",
            "no AUTH: set authToken (from Secrets Manager) or userGroupIds so clients must authenticate",
        ]);
        assert.deepStrictEqual(messages(transit, RG, { transitEncryptionEnabled: true, transitEncryptionMode: "preferred", authToken: UNKNOWN }),
            ["transitEncryptionMode is preferred: plain-text clients are still accepted"]);
        assert.deepStrictEqual(messages(transit, "aws:elasticache/cluster:Cluster", { engine: "valkey" }), ["transit encryption is off: clients talk to the cache in plain text"]);
    });

    it("elasticache-failover and elasticache-snapshot-retention", () => {
        assert.deepStrictEqual(messages(failover, RG, { automaticFailoverEnabled: true }), ["automatic failover or Multi-AZ is off"]);
        assert.deepStrictEqual(messages(snapshots, RG, {}), ["snapshot retention 0 days is below the floor of 1"]);
        assert.deepStrictEqual(messages(snapshots, RG, { snapshotRetentionLimit: 5 }, { minimumDays: 7 }), ["snapshot retention 5 days is below the floor of 7"]);
    });
});
