import { CheckResult, ResourceRule } from "../../framework";
import { BACKUP } from "../../controls";

/**
 * Automated backup retention floors for every engine that keeps its own backups (RDS instances and Aurora/Multi-AZ
 * clusters are rds-backup-retention's): DocumentDB, Neptune, Redshift and FSx, each judged with its effective value
 * (omitted = the service's default: 1 day for DocumentDB, Neptune and Redshift, 0 for FSx for Lustre, 7 for FSx for
 * Windows, 30 for FSx for ONTAP and OpenZFS).
 */
const SPECS: Record<string, { input: string; byDefault: number }> = {
    "aws:docdb/cluster:Cluster": { input: "backupRetentionPeriod", byDefault: 1 },
    "aws:neptune/cluster:Cluster": { input: "backupRetentionPeriod", byDefault: 1 },
    "aws:redshift/cluster:Cluster": { input: "automatedSnapshotRetentionPeriod", byDefault: 1 },
    "aws:fsx/lustreFileSystem:LustreFileSystem": { input: "automaticBackupRetentionDays", byDefault: 0 },
    "aws:fsx/windowsFileSystem:WindowsFileSystem": { input: "automaticBackupRetentionDays", byDefault: 7 },
    "aws:fsx/ontapFileSystem:OntapFileSystem": { input: "automaticBackupRetentionDays", byDefault: 30 },
    "aws:fsx/openZfsFileSystem:OpenZfsFileSystem": { input: "automaticBackupRetentionDays", byDefault: 30 },
};

export const rule: ResourceRule = {
    name: "general-backup-retention",
    displayName: "Automated backups kept at least the floor (DocumentDB, Neptune, Redshift, FSx)",
    description: "DocumentDB and Neptune clusters, Redshift clusters and FSx file systems keep automated backups at least the floor (minimumDays), judged with the effective value (omitted = the service's default: 1 day for DocumentDB, Neptune and Redshift, none for FSx for Lustre).",
    remediation: "Set the retention input (backupRetentionPeriod, automatedSnapshotRetentionPeriod, automaticBackupRetentionDays) to at least the floor; back up with AWS Backup for longer retention.",
    severity: "high",
    controls: BACKUP,
    concern: "retention",
    types: Object.keys(SPECS),
    config: { minimumDays: { type: "integer", minimum: 0, default: 7 } },
    check: (props, args, config): CheckResult => {
        const spec = SPECS[args.type];
        const value = props[spec.input];
        const days = typeof value === "number" ? value : spec.byDefault;
        return days >= config.minimumDays ? undefined : `${spec.input} ${value === undefined ? `omitted (${spec.byDefault} day(s) by default)` : days} is below the floor of ${config.minimumDays} days`;
    },
};
