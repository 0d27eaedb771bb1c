import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";
import { isReplica } from "./common";
import { BACKUP } from "../../controls";

export const rule = resourceRule({
    name: "rds-backup-retention",
    controls: BACKUP,
    displayName: "RDS backup retention at or above the floor",
    description: "Automated RDS backups are kept at least the configured number of days (production: 30, per both seeds).",
    remediation: "Set backupRetentionPeriod to at least the floor (max 35; longer retention comes from AWS Backup).",
    severity: "high",
    resourceTypes: [aws.rds.Instance, aws.rds.Cluster],
    concern: "retention",
    config: { minimumDays: { type: "integer", minimum: 1, maximum: 35, default: 7 } },
    check: (db, _args, config) => {
        if (isReplica(db)) return;
        // The provider's (and API's) default is 1 day for both instances and clusters.
        const days = db.backupRetentionPeriod ?? 1;
        return days < config.minimumDays ? `backup retention ${days} days is below the floor of ${config.minimumDays}` : undefined;
    },
});
