/**
 * RDS/ElastiCache-style time windows, as minutes of the week (UTC). Pure, no Pulumi import: the Database component,
 * stack config and the pack's deploy-validity rules share the parsing and the constraints CreateDBInstance states for
 * PreferredBackupWindow ("hh24:mi-hh24:mi", at least 30 minutes, must not conflict with the maintenance window) and
 * PreferredMaintenanceWindow ("ddd:hh24:mi-ddd:hh24:mi", at least 30 minutes).
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBInstance.html
 */
export const WEEK_MINUTES = 7 * 24 * 60;
export const MIN_WINDOW_MINUTES = 30;
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** A window as [start, end) in minutes from Monday 00:00; end may pass the week's end (it wraps). */
export interface Window {
    start: number;
    end: number;
}

function clock(hh: string, mi: string): number | undefined {
    const h = Number(hh);
    const m = Number(mi);
    return h <= 23 && m <= 59 ? h * 60 + m : undefined;
}

/** `03:00-04:00` → the seven daily occurrences; undefined when malformed. */
export function parseDailyWindow(text: string): Window[] | undefined {
    const match = /^(\d{2}):(\d{2})-(\d{2}):(\d{2})$/.exec(text);
    if (!match) return undefined;
    const start = clock(match[1], match[2]);
    const end = clock(match[3], match[4]);
    if (start === undefined || end === undefined) return undefined;
    const length = (end - start + 24 * 60) % (24 * 60);
    return DAYS.map((_, day) => ({ start: day * 1440 + start, end: day * 1440 + start + length }));
}

/** `sun:04:30-sun:05:30` → one weekly window; undefined when malformed. */
export function parseWeeklyWindow(text: string): Window | undefined {
    const match = /^([a-z]{3}):(\d{2}):(\d{2})-([a-z]{3}):(\d{2}):(\d{2})$/i.exec(text);
    if (!match) return undefined;
    const d1 = DAYS.indexOf(match[1].toLowerCase());
    const d2 = DAYS.indexOf(match[4].toLowerCase());
    const t1 = clock(match[2], match[3]);
    const t2 = clock(match[5], match[6]);
    if (d1 < 0 || d2 < 0 || t1 === undefined || t2 === undefined) return undefined;
    const start = d1 * 1440 + t1;
    const length = (d2 * 1440 + t2 - start + WEEK_MINUTES) % WEEK_MINUTES;
    return { start, end: start + length };
}

export function windowLength(w: Window): number {
    return w.end - w.start;
}

/** Whether two windows of the week share a minute (wrapping around Sunday midnight). */
export function overlaps(a: Window, b: Window): boolean {
    return [-WEEK_MINUTES, 0, WEEK_MINUTES].some((shift) => a.start < b.end + shift && b.start + shift < a.end);
}
