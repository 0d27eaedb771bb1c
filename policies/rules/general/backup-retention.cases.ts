import type { RuleCases } from "../../cases";

/** Cases of general-backup-retention (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const res = (title: string, type: string, props: Record<string, unknown>, config: Record<string, unknown> = { minimumDays: 30 }) => ({ title, resource: { type, props, config } });

export const cases: RuleCases = {
    compliant: [res("DocumentDB 35 days", "aws:docdb/cluster:Cluster", { backupRetentionPeriod: 35 }), res("Redshift 30 days", "aws:redshift/cluster:Cluster", { automatedSnapshotRetentionPeriod: 30 }),
        res("FSx ONTAP omitted (30 by default)", "aws:fsx/ontapFileSystem:OntapFileSystem", {})],
    violating: [res("Neptune omitted (1 day)", "aws:neptune/cluster:Cluster", {}), res("Redshift 7 days", "aws:redshift/cluster:Cluster", { automatedSnapshotRetentionPeriod: 7 }),
        res("FSx Lustre omitted (no backups)", "aws:fsx/lustreFileSystem:LustreFileSystem", { deploymentType: "PERSISTENT_2" }), res("DocumentDB 1 day", "aws:docdb/cluster:Cluster", { backupRetentionPeriod: 1 })],
    unknown: [{ ...res("retention unknown", "aws:docdb/cluster:Cluster", { backupRetentionPeriod: UNKNOWN }), expect: "not-judged" }],
    ignored: [res("RDS instances are rds-backup-retention's", "aws:rds/instance:Instance", {})],
};
