import * as assert from "assert";
import type { StackResource } from "../../../policies/cases";
import { rule as backupRetention } from "../../../policies/rules/rds/backup-retention";
import { rule as finalSnapshot } from "../../../policies/rules/rds/final-snapshot";
import { rule as notPublic } from "../../../policies/rules/rds/not-publicly-accessible";
import { rule as forcesTls } from "../../../policies/rules/rds/parameter-group-forces-tls";
import { rule as piEncrypted } from "../../../policies/rules/rds/performance-insights-encrypted";
import { rule as storageEncrypted } from "../../../policies/rules/rds/storage-encrypted";
import type { ResourceRule, StackRule } from "../../../policies/framework";
import { runResourceRule, runStackRule } from "../harness";

/** The rds rules' messages, which a reader of the report acts on (the decisions are in the rules' cases beside them). */
const RDS = "aws:rds/instance:Instance";
const CLUSTER = "aws:rds/cluster:Cluster";
const messages = (rule: ResourceRule, type: string, props: Record<string, unknown>, config: Record<string, unknown> = {}) => runResourceRule(rule, { type, props, config }).violations.map((v) => v.message);
const stackMessages = (rule: StackRule, stack: StackResource[]) => runStackRule(rule, stack).violations.map((v) => `${v.name}: ${v.message}`);

describe("rds rules: messages", () => {
    it("rds-storage-encrypted says whether storage is unencrypted or only on the AWS-managed key", () => {
        assert.deepStrictEqual(messages(storageEncrypted, RDS, { engine: "postgres" }), ["storage is not encrypted (storageEncrypted is not true; the provider's default is false)"]);
        assert.deepStrictEqual(messages(storageEncrypted, CLUSTER, { engine: "aurora-postgresql", storageEncrypted: true }), ["storage is encrypted with the AWS-managed key; set kmsKeyId to a customer-managed key"]);
    });

    it("rds-backup-retention names the retention and the floor", () => {
        assert.deepStrictEqual(messages(backupRetention, RDS, { engine: "postgres" }), ["backup retention 1 days is below the floor of 7"]);
        assert.deepStrictEqual(messages(backupRetention, CLUSTER, { backupRetentionPeriod: 14 }, { minimumDays: 30 }), ["backup retention 14 days is below the floor of 30"]);
    });

    it("rds-final-snapshot tells a skipped snapshot from a missing identifier", () => {
        assert.deepStrictEqual(messages(finalSnapshot, RDS, { finalSnapshotIdentifier: "final" }), ["skipFinalSnapshot is not false: deleting the database would lose its data"]);
        assert.deepStrictEqual(messages(finalSnapshot, CLUSTER, { skipFinalSnapshot: false }), ["no finalSnapshotIdentifier is set"]);
    });

    it("rds-not-publicly-accessible and rds-performance-insights-encrypted", () => {
        assert.deepStrictEqual(messages(notPublic, RDS, { publiclyAccessible: true }), ["database is publicly accessible"]);
        assert.deepStrictEqual(messages(piEncrypted, RDS, { performanceInsightsEnabled: true }), ["Performance Insights is on without performanceInsightsKmsKeyId"]);
    });

    it("rds-parameter-group-forces-tls names the instance, and its group when the group is in the stack", () => {
        assert.deepStrictEqual(stackMessages(forcesTls, [{ type: RDS, name: "db", props: { parameterGroupName: "default.mysql8.0" } }]),
            ["db: instance db uses a parameter group outside this stack or a default one that does not force TLS"]);
        assert.deepStrictEqual(stackMessages(forcesTls, [
            { type: "aws:rds/parameterGroup:ParameterGroup", name: "pg", props: { family: "mysql8.0", parameters: [{ name: "require_secure_transport", value: "0" }] } },
            { type: RDS, name: "db", deps: { parameterGroupName: ["pg"] }, props: {} }]), ["db: parameter group pg of instance db does not force TLS"]);
        // An option group sharing the literal name is not the parameter group.
        assert.deepStrictEqual(stackMessages(forcesTls, [
            { type: "aws:rds/optionGroup:OptionGroup", name: "og", props: { name: "app", engineName: "mysql", majorEngineVersion: "8.0" } },
            { type: RDS, name: "db", props: { engine: "mysql", parameterGroupName: "app", optionGroupName: "app" } }]),
        ["db: instance db uses a parameter group outside this stack or a default one that does not force TLS"]);
    });
});
