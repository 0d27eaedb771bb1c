/**
 * When AWS Backup may start a job on an RDS instance. AWS Backup does not start a DB snapshot job while the instance's
 * automated-backup window is open, nor in the hour before its weekly maintenance window (AWS Backup developer guide,
 * "Amazon RDS backups": https://docs.aws.amazon.com/aws-backup/latest/devguide/rds-backup.html). A rule scheduled
 * there is skipped or delayed. Pure: used by the Backup component and, through it, by the stacks.
 */

export interface RdsWindows {
    /** `hh24:mi-hh24:mi` (UTC), the instance's automated-backup window. */
    backupWindow: string;
    /** `ddd:hh24:mi-ddd:hh24:mi` (UTC), the weekly maintenance window. */
    maintenanceWindow: string;
}

const DAY = 24 * 60;

function minutes(hhmm: string): number {
    const match = /^(\d{2}):(\d{2})$/.exec(hhmm);
    if (!match) {
        throw new Error(`not a hh24:mi time: ${hhmm}`);
    }
    return Number(match[1]) * 60 + Number(match[2]);
}

/** `03:00-04:00` → [180, 240]; `sun:04:30-sun:05:30` → [270, 330] (the weekday is ignored: monthly rules hit any day). */
export function parseWindow(window: string): [number, number] {
    const parts = window.split("-").map((p) => p.replace(/^[a-z]{3}:/i, ""));
    if (parts.length !== 2) {
        throw new Error(`not a window: ${window}`);
    }
    return [minutes(parts[0]), minutes(parts[1])];
}

/** Start minute of day of a fixed-time `cron(m h ...)` expression, or undefined for ranges, lists and wildcards. */
export function cronStartMinute(expression: string): number | undefined {
    const match = /^cron\((\d{1,2}) (\d{1,2}) /.exec(expression.trim());
    return match ? Number(match[2]) * 60 + Number(match[1]) : undefined;
}

function overlaps(a: [number, number], b: [number, number]): boolean {
    // Compare on a circular day: shift b by a day either way so windows crossing midnight are caught.
    const len = (w: [number, number]) => ((w[1] - w[0]) % DAY + DAY) % DAY || DAY;
    for (const shift of [-DAY, 0, DAY]) {
        // Stryker disable next-line ArithmeticOperator: the shifts are symmetric (-DAY, 0, DAY), so b[0] - shift tries the same starts
        const bStart = b[0] + shift;
        if (a[0] < bStart + len(b) && bStart < a[0] + len(a)) {
            return true;
        }
    }
    return false;
}

/**
 * Why a backup rule starting at `schedule` and allowed to start within `startWindowMinutes` cannot start its RDS jobs,
 * or undefined when it can.
 */
export function scheduleConflicts(schedule: string, startWindowMinutes: number, windows: RdsWindows): string | undefined {
    const start = cronStartMinute(schedule);
    if (start === undefined) {
        return `cannot be checked against the RDS windows (use a fixed minute and hour)`;
    }
    // A start window of a day or more (AWS Backup allows up to 100 years) may start at any minute of the day: capped
    // at one day, not reduced modulo a day (25 hours is not 1 hour).
    const rule: [number, number] = [start, start + Math.min(startWindowMinutes, DAY)];
    if (overlaps(rule, parseWindow(windows.backupWindow))) {
        return `starts inside the RDS backup window ${windows.backupWindow}`;
    }
    const [maintenanceStart, maintenanceEnd] = parseWindow(windows.maintenanceWindow);
    if (overlaps(rule, [maintenanceStart - 60, maintenanceEnd])) {
        return `starts in the hour before or during the RDS maintenance window ${windows.maintenanceWindow}`;
    }
    return undefined;
}
