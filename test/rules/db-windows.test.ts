import * as assert from "assert";
import { MIN_WINDOW_MINUTES, overlaps, parseDailyWindow, parseWeeklyWindow, WEEK_MINUTES, windowLength } from "../../lib/rules/db-windows";

/**
 * RDS CreateDBInstance: PreferredBackupWindow is "hh24:mi-hh24:mi" (UTC, daily, at least 30 minutes, must not conflict
 * with the maintenance window); PreferredMaintenanceWindow is "ddd:hh24:mi-ddd:hh24:mi" (UTC, weekly, days
 * Mon|Tue|Wed|Thu|Fri|Sat|Sun, at least 30 minutes). Windows are minutes of the week from Monday 00:00.
 */
const DAY = 24 * 60;
const DOCUMENTED_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

describe("lib/rules/db-windows", () => {
    it("states AWS's numbers: a week of minutes, windows at least 30 minutes", () => {
        assert.strictEqual(WEEK_MINUTES, 10080);
        assert.strictEqual(MIN_WINDOW_MINUTES, 30);
    });

    describe("parseDailyWindow (hh24:mi-hh24:mi)", () => {
        it("gives the window once a day, Monday to Sunday", () => {
            const windows = parseDailyWindow("03:00-04:00")!;
            assert.deepStrictEqual(windows, DOCUMENTED_DAYS.map((_, day) => ({ start: day * DAY + 180, end: day * DAY + 240 })));
            for (const w of windows) assert.strictEqual(windowLength(w), 60);
        });

        it("reads minutes and the last minute of the clock", () => {
            assert.deepStrictEqual(parseDailyWindow("16:00-16:30")![0], { start: 960, end: 990 });
            assert.deepStrictEqual(parseDailyWindow("23:29-23:59")![0], { start: 1409, end: 1439 });
            assert.deepStrictEqual(parseDailyWindow("00:00-00:30")![0], { start: 0, end: 30 });
        });

        it("lets a window cross midnight into the next day (and Sunday's into next Monday)", () => {
            const windows = parseDailyWindow("23:30-00:30")!;
            assert.deepStrictEqual(windows[0], { start: 1410, end: 1470 });
            assert.deepStrictEqual(windows[6], { start: 6 * DAY + 1410, end: 6 * DAY + 1470 });
            assert.ok(windows[6].end > WEEK_MINUTES, "Sunday's occurrence runs past the end of the week");
            assert.strictEqual(windowLength(windows[3]), 60);
        });

        it("gives a zero-length window for equal ends, so the 30-minute rule refuses it", () => {
            assert.strictEqual(windowLength(parseDailyWindow("03:00-03:00")![0]), 0);
            assert.strictEqual(windowLength(parseDailyWindow("03:00-03:29")![0]), 29);
        });

        it("refuses what is not hh24:mi-hh24:mi or not a clock time", () => {
            for (const text of ["3:00-04:00", "03:00-4:00", "003:00-04:00", "03:00-04:000", "03:0-04:00", "03:00-04:0", " 03:00-04:00", "03:00-04:00 ",
                "0300-0400", "03:00 04:00", "ab:cd-ef:gh", "", "sun:03:00-sun:04:00",
                "24:00-00:30", "23:30-24:00", "03:60-04:00", "03:00-04:60"]) {
                assert.strictEqual(parseDailyWindow(text), undefined, text);
            }
        });
    });

    describe("parseWeeklyWindow (ddd:hh24:mi-ddd:hh24:mi)", () => {
        it("reads every documented day, in any case", () => {
            DOCUMENTED_DAYS.forEach((day, index) => {
                for (const spelled of [day, day.toLowerCase(), day.toUpperCase()]) {
                    assert.deepStrictEqual(parseWeeklyWindow(`${spelled}:04:30-${spelled}:05:30`), { start: index * DAY + 270, end: index * DAY + 330 }, spelled);
                }
            });
        });

        it("spans days, and wraps from Sunday into Monday", () => {
            assert.deepStrictEqual(parseWeeklyWindow("mon:23:30-tue:00:15"), { start: 1410, end: 1455 });
            const wrap = parseWeeklyWindow("sun:23:30-mon:00:30")!;
            assert.deepStrictEqual(wrap, { start: 6 * DAY + 1410, end: 6 * DAY + 1470 });
            assert.strictEqual(windowLength(wrap), 60);
            assert.deepStrictEqual(parseWeeklyWindow("sun:23:59-sun:23:59"), { start: 6 * DAY + 1439, end: 6 * DAY + 1439 });
        });

        it("refuses unknown days, clock times out of range and other formats", () => {
            for (const text of ["xyz:04:30-sun:05:30", "sun:04:30-xyz:05:30", "sunday:04:30-sunday:05:30", "su:04:30-su:05:30",
                "sun:24:00-mon:00:30", "sun:04:30-sun:24:00", "sun:04:60-sun:05:30", "sun:04:30-sun:05:60",
                "sun:4:30-sun:05:30", "sun:04:30-sun:5:30", "sun:04:3-sun:05:30", "sun:04:30-sun:05:3",
                "xsun:04:30-sun:05:30", "sun:04:30-sun:05:30x", "sun:04:30-sun:005:30", "sun:004:30-sun:05:30", "sun:04:030-sun:05:30", "sun:04:30-sun:05:030",
                "04:30-05:30", "sun:04:30sun:05:30", "1un:04:30-sun:05:30", "sun:04:30-s1n:05:30", "sun-04:30-sun:05:30", ""]) {
                assert.strictEqual(parseWeeklyWindow(text), undefined, text);
            }
        });
    });

    describe("overlaps", () => {
        it("windows that share a minute overlap, in either order", () => {
            const a = { start: 100, end: 160 };
            assert.ok(overlaps(a, { start: 159, end: 200 }));
            assert.ok(overlaps({ start: 159, end: 200 }, a));
            assert.ok(overlaps(a, { start: 120, end: 130 }), "one inside the other");
            assert.ok(overlaps(a, a));
        });

        it("back-to-back windows do not ([start, end): the end minute is free)", () => {
            const a = { start: 100, end: 160 };
            assert.strictEqual(overlaps(a, { start: 160, end: 200 }), false);
            assert.strictEqual(overlaps({ start: 160, end: 200 }, a), false);
            assert.strictEqual(overlaps(a, { start: 40, end: 100 }), false);
            assert.strictEqual(overlaps(a, { start: 300, end: 400 }), false);
        });

        it("sees windows crossing Sunday midnight, whichever is given first", () => {
            const sundayNight = { start: WEEK_MINUTES - 10, end: WEEK_MINUTES + 30 };
            assert.ok(overlaps(sundayNight, { start: 0, end: 30 }));
            assert.ok(overlaps({ start: 0, end: 30 }, sundayNight));
            assert.strictEqual(overlaps(sundayNight, { start: 30, end: 60 }), false);
            assert.strictEqual(overlaps({ start: 30, end: 60 }, sundayNight), false);
            // Monday 00:00 and Sunday 23:50 are not the same minute once the week is taken into account.
            assert.strictEqual(overlaps({ start: 0, end: 30 }, { start: WEEK_MINUTES - 10, end: WEEK_MINUTES }), false);
        });

        it("a daily backup window conflicts with a maintenance window on any of its days, across midnight too", () => {
            const conflicts = (backup: string, maintenance: string) => parseDailyWindow(backup)!.some((b) => overlaps(b, parseWeeklyWindow(maintenance)!));
            assert.ok(conflicts("03:00-04:00", "wed:03:30-wed:04:30"));
            assert.ok(conflicts("23:30-00:30", "mon:00:00-mon:00:30"), "Sunday's backup runs into Monday's maintenance");
            assert.ok(conflicts("00:00-00:30", "sun:23:45-mon:00:15"));
            assert.strictEqual(conflicts("03:00-04:00", "sun:04:30-sun:05:30"), false);
            assert.strictEqual(conflicts("03:00-04:00", "sun:04:00-sun:04:30"), false);
            assert.strictEqual(conflicts("23:30-00:30", "mon:00:30-mon:01:00"), false);
        });
    });
});
