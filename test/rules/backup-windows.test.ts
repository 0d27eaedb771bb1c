import * as assert from "assert";
import { cronStartMinute, parseWindow, scheduleConflicts } from "../../lib/rules/backup-windows";

/**
 * AWS Backup starts no RDS snapshot job while the instance's automated-backup window is open, nor in the hour before
 * its weekly maintenance window (AWS Backup developer guide, "Amazon RDS backups"). Schedules are AWS cron
 * expressions, `cron(Minutes Hours Day-of-month Month Day-of-week Year)` in UTC; windows are RDS's `hh24:mi-hh24:mi`
 * and `ddd:hh24:mi-ddd:hh24:mi`.
 */
const backupMessage = (w: string) => `starts inside the RDS backup window ${w}`;
const maintenanceMessage = (w: string) => `starts in the hour before or during the RDS maintenance window ${w}`;

describe("lib/rules/backup-windows", () => {
    describe("parseWindow", () => {
        it("reads a daily window and a weekly one as minutes of the day (the weekday is dropped)", () => {
            assert.deepStrictEqual(parseWindow("03:00-04:00"), [180, 240]);
            assert.deepStrictEqual(parseWindow("sun:04:30-sun:05:30"), [270, 330]);
            assert.deepStrictEqual(parseWindow("Mon:23:45-Tue:00:15"), [1425, 15]);
            assert.deepStrictEqual(parseWindow("00:00-23:59"), [0, 1439]);
        });

        it("throws on what is not a window, naming it", () => {
            assert.throws(() => parseWindow("03:00"), { message: "not a window: 03:00" });
            assert.throws(() => parseWindow("03:00-04:00-05:00"), { message: "not a window: 03:00-04:00-05:00" });
            assert.throws(() => parseWindow("3:00-04:00"), { message: "not a hh24:mi time: 3:00" });
            assert.throws(() => parseWindow("03:00-4:00"), { message: "not a hh24:mi time: 4:00" });
            for (const text of ["003:00-04:00", "03:000-04:00", "03:00-04:00x", "sunday:04:30-sun:05:30", "su:04:30-sun:05:30", "04:sun:30-sun:05:30", "03:00-04:ab"]) {
                assert.throws(() => parseWindow(text), /not a hh24:mi time/, text);
            }
        });
    });

    describe("cronStartMinute", () => {
        it("gives the minute of the day of a fixed minute and hour", () => {
            assert.strictEqual(cronStartMinute("cron(0 6 * * ? *)"), 360);
            assert.strictEqual(cronStartMinute("cron(30 3 * * ? *)"), 210);
            assert.strictEqual(cronStartMinute("cron(5 23 1 * ? *)"), 1385);
            assert.strictEqual(cronStartMinute("cron(59 0 ? * SUN *)"), 59);
            assert.strictEqual(cronStartMinute("  cron(15 12 * * ? *)  "), 735, "surrounding blanks are ignored");
        });

        it("gives undefined for ranges, lists, steps and wildcards, and for rate() or other text", () => {
            for (const expression of ["cron(0 */2 * * ? *)", "cron(0 6,18 * * ? *)", "cron(0 6-8 * * ? *)", "cron(0,30 6 * * ? *)", "cron(0-5 6 * * ? *)",
                "cron(* 6 * * ? *)", "cron(0 * * * ? *)", "cron(100 6 * * ? *)", "cron(0 123 * * ? *)", "rate(1 day)", "xcron(0 6 * * ? *)", "cron (0 6 * * ? *)", ""]) {
                assert.strictEqual(cronStartMinute(expression), undefined, expression);
            }
        });
    });

    describe("scheduleConflicts", () => {
        const windows = { backupWindow: "03:00-04:00", maintenanceWindow: "sun:04:30-sun:05:30" };

        it("passes a rule whose start window touches neither window", () => {
            assert.strictEqual(scheduleConflicts("cron(0 6 * * ? *)", 60, windows), undefined);
            assert.strictEqual(scheduleConflicts("cron(0 12 1 * ? *)", 120, windows), undefined);
        });

        it("refuses a start window that reaches into the backup window, by a minute, and passes one that ends as it opens", () => {
            assert.strictEqual(scheduleConflicts("cron(0 2 * * ? *)", 60, windows), undefined);
            assert.strictEqual(scheduleConflicts("cron(1 2 * * ? *)", 60, windows), backupMessage("03:00-04:00"));
            assert.strictEqual(scheduleConflicts("cron(30 2 * * ? *)", 30, windows), undefined);
            assert.strictEqual(scheduleConflicts("cron(30 2 * * ? *)", 31, windows), backupMessage("03:00-04:00"));
            assert.strictEqual(scheduleConflicts("cron(59 3 * * ? *)", 60, windows), backupMessage("03:00-04:00"), "the backup window's last minute");
        });

        it("refuses the hour before the maintenance window and the window itself, not the minute it ends", () => {
            const apart = { backupWindow: "10:00-10:30", maintenanceWindow: "sun:05:00-sun:05:30" };
            assert.strictEqual(scheduleConflicts("cron(0 3 * * ? *)", 60, apart), undefined, "ends as the hour before opens");
            assert.strictEqual(scheduleConflicts("cron(1 3 * * ? *)", 60, apart), maintenanceMessage("sun:05:00-sun:05:30"));
            assert.strictEqual(scheduleConflicts("cron(0 3 * * ? *)", 61, apart), maintenanceMessage("sun:05:00-sun:05:30"));
            assert.strictEqual(scheduleConflicts("cron(15 5 * * ? *)", 60, apart), maintenanceMessage("sun:05:00-sun:05:30"));
            assert.strictEqual(scheduleConflicts("cron(29 5 * * ? *)", 60, apart), maintenanceMessage("sun:05:00-sun:05:30"));
            assert.strictEqual(scheduleConflicts("cron(30 5 * * ? *)", 60, apart), undefined, "the maintenance window has ended");
            // Right after the backup window, in the hour before maintenance: the maintenance reason is given.
            assert.strictEqual(scheduleConflicts("cron(0 4 * * ? *)", 60, windows), maintenanceMessage("sun:04:30-sun:05:30"));
        });

        it("a start window of a day or more may start at any time, so it meets the backup window (not reduced modulo a day)", () => {
            for (const minutes of [24 * 60, 25 * 60, 49 * 60, 100 * 365 * 24 * 60]) {
                assert.strictEqual(scheduleConflicts("cron(0 6 * * ? *)", minutes, windows), backupMessage("03:00-04:00"), String(minutes));
            }
            assert.strictEqual(scheduleConflicts("cron(0 6 * * ? *)", 20 * 60, windows), undefined, "06:00 to 02:00 misses both");
        });

        it("names the backup window first when the start window meets both", () => {
            const close = { backupWindow: "03:00-03:30", maintenanceWindow: "sun:04:00-sun:04:30" };
            assert.strictEqual(scheduleConflicts("cron(15 3 * * ? *)", 60, close), backupMessage("03:00-03:30"));
        });

        it("sees conflicts across midnight, in both directions", () => {
            // A rule late in the day whose start window runs into an early backup window.
            assert.strictEqual(scheduleConflicts("cron(30 23 * * ? *)", 60, { backupWindow: "00:00-00:30", maintenanceWindow: "sun:10:00-sun:10:30" }), backupMessage("00:00-00:30"));
            assert.strictEqual(scheduleConflicts("cron(0 23 * * ? *)", 60, { backupWindow: "00:00-00:30", maintenanceWindow: "sun:10:00-sun:10:30" }), undefined);
            // A backup window crossing midnight covers the early minutes of the next day, up to its end.
            const late = { backupWindow: "23:30-00:30", maintenanceWindow: "sun:10:00-sun:10:30" };
            assert.strictEqual(scheduleConflicts("cron(29 0 * * ? *)", 60, late), backupMessage("23:30-00:30"));
            assert.strictEqual(scheduleConflicts("cron(30 0 * * ? *)", 60, late), undefined);
            assert.strictEqual(scheduleConflicts("cron(30 22 * * ? *)", 60, late), undefined);
            assert.strictEqual(scheduleConflicts("cron(31 22 * * ? *)", 60, late), backupMessage("23:30-00:30"));
            // The hour before a maintenance window at 00:30 starts the previous evening at 23:30.
            const earlyMaintenance = { backupWindow: "10:00-10:30", maintenanceWindow: "sun:00:30-sun:01:00" };
            assert.strictEqual(scheduleConflicts("cron(45 23 * * ? *)", 60, earlyMaintenance), maintenanceMessage("sun:00:30-sun:01:00"));
            assert.strictEqual(scheduleConflicts("cron(30 22 * * ? *)", 60, earlyMaintenance), undefined);
            assert.strictEqual(scheduleConflicts("cron(31 22 * * ? *)", 60, earlyMaintenance), maintenanceMessage("sun:00:30-sun:01:00"));
            assert.strictEqual(scheduleConflicts("cron(0 1 * * ? *)", 60, earlyMaintenance), undefined);
        });

        it("a start window of a whole day always meets the backup window", () => {
            assert.strictEqual(scheduleConflicts("cron(0 6 * * ? *)", 24 * 60, windows), backupMessage("03:00-04:00"));
        });

        it("says a schedule without a fixed minute and hour cannot be checked, rather than passing it", () => {
            for (const schedule of ["cron(0 */2 * * ? *)", "rate(12 hours)"]) {
                assert.strictEqual(scheduleConflicts(schedule, 60, windows), "cannot be checked against the RDS windows (use a fixed minute and hour)");
            }
        });
    });
});
