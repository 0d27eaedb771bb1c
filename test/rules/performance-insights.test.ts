import * as assert from "assert";
import fc from "fast-check";
import { isPerformanceInsightsRetention, PERFORMANCE_INSIGHTS_RETENTION_DAYS, performanceInsightsRetentionAtLeast } from "../../lib/rules/performance-insights";

/**
 * RDS API reference (CreateDBInstance, PerformanceInsightsRetentionPeriod): valid values are 7, month × 31 for a month
 * from 1 to 23 (examples 93, 341, 589), or 731; "If you specify a retention period such as 94 … RDS issues an error."
 */
const MONTHS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23];

describe("lib/rules/performance-insights", () => {
    it("lists 7, every month × 31 from 1 to 23 months, and 731, ascending", () => {
        assert.deepStrictEqual([...PERFORMANCE_INSIGHTS_RETENTION_DAYS], [7, ...MONTHS.map((m) => m * 31), 731]);
        assert.strictEqual(PERFORMANCE_INSIGHTS_RETENTION_DAYS.length, 25);
    });

    it("accepts the documented examples and the ends of each range", () => {
        for (const days of [7, 31, 93, 341, 589, 713, 731]) assert.strictEqual(isPerformanceInsightsRetention(days), true, String(days));
    });

    it("refuses the documented counter-example 94, 24 months (744), and values beside the valid ones", () => {
        for (const days of [94, 744, 0, -7, 1, 6, 8, 30, 32, 62.5, 712, 714, 730, 732, 1096, Number.NaN]) {
            assert.strictEqual(isPerformanceInsightsRetention(days), false, String(days));
        }
    });

    it("performanceInsightsRetentionAtLeast rounds up to the next valid retention", () => {
        const cases: Array<[number, number | undefined]> = [
            [-1, 7], [0, 7], [1, 7], [7, 7], [8, 31], [30, 31], [31, 31], [32, 62], [93, 93], [94, 124], [100, 124],
            [365, 372], [713, 713], [714, 731], [730, 731], [731, 731], [732, undefined], [1000, undefined],
        ];
        for (const [days, expected] of cases) assert.strictEqual(performanceInsightsRetentionAtLeast(days), expected, String(days));
    });

    it("the rounded retention is valid, keeps at least the days asked for, and no smaller valid one does (property)", () => {
        fc.assert(fc.property(fc.integer({ min: 0, max: 731 }), (days) => {
            const found = performanceInsightsRetentionAtLeast(days)!;
            assert.ok(isPerformanceInsightsRetention(found) && found >= days, `${days} → ${found}`);
            for (let d = days; d < found; d++) assert.ok(!isPerformanceInsightsRetention(d), `${d} is valid but below ${found}`);
        }));
    });
});
