import { ResourceRule } from "../../framework";
import { MIN_WINDOW_MINUTES, overlaps, parseDailyWindow, parseWeeklyWindow, windowLength } from "../../../lib/rules/db-windows";
import { CHANGE_SAFETY } from "../../controls";

const DOC = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html";

/**
 * RDS refuses a backup window and a maintenance window that overlap, either one shorter than 30 minutes, or one not in
 * its format — on the first create or on the change that introduces it.
 */
export const rule: ResourceRule = {
    name: "deploy-rds-windows",
    controls: CHANGE_SAFETY,
    displayName: "Deploy validity: RDS backup and maintenance windows are valid and apart",
    description: `RDS instances and clusters give backupWindow as hh24:mi-hh24:mi and maintenanceWindow as ddd:hh24:mi-ddd:hh24:mi (UTC), each at least ${MIN_WINDOW_MINUTES} minutes, and the backup window "must not conflict with the preferred maintenance window" (AWS CreateDBInstance PreferredBackupWindow/PreferredMaintenanceWindow, ${DOC}).`,
    remediation: "Move one of the windows so they do not overlap on any day (e.g. backups 03:00-04:00, maintenance sun:04:30-sun:05:30), each at least 30 minutes long.",
    severity: "high",
    types: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster"],
    check: (props, args) => {
        const backupProperty = args.type === "aws:rds/cluster:Cluster" ? "preferredBackupWindow" : "backupWindow";
        const maintenanceProperty = args.type === "aws:rds/cluster:Cluster" ? "preferredMaintenanceWindow" : "maintenanceWindow";
        const backupText = props[backupProperty];
        const maintenanceText = props[maintenanceProperty];
        const problems: string[] = [];
        const backup = typeof backupText === "string" ? parseDailyWindow(backupText) : undefined;
        const maintenance = typeof maintenanceText === "string" ? parseWeeklyWindow(maintenanceText) : undefined;
        if (typeof backupText === "string" && !backup) problems.push(`${backupProperty} ${backupText} is not hh24:mi-hh24:mi`);
        if (typeof maintenanceText === "string" && !maintenance) problems.push(`${maintenanceProperty} ${maintenanceText} is not ddd:hh24:mi-ddd:hh24:mi`);
        if (backup && windowLength(backup[0]) < MIN_WINDOW_MINUTES) problems.push(`${backupProperty} ${backupText} is shorter than ${MIN_WINDOW_MINUTES} minutes`);
        if (maintenance && windowLength(maintenance) < MIN_WINDOW_MINUTES) problems.push(`${maintenanceProperty} ${maintenanceText} is shorter than ${MIN_WINDOW_MINUTES} minutes`);
        if (backup && maintenance && backup.some((b) => overlaps(b, maintenance))) {
            problems.push(`${backupProperty} ${backupText} overlaps ${maintenanceProperty} ${maintenanceText}; RDS refuses windows that conflict`);
        }
        return problems;
    },
};
