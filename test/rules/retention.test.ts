import * as assert from "assert";
import fc from "fast-check";
import {
    CLOUDWATCH_RETENTION_DAYS, cloudWatchRetentionAtLeast, isCloudWatchRetention, nearestCloudWatchRetention, SEVEN_YEARS_DAYS,
} from "../../lib/rules/retention";

describe("lib/rules/retention", () => {
    it("lists the values PutRetentionPolicy accepts", () => {
        assert.deepStrictEqual([...CLOUDWATCH_RETENTION_DAYS], [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]);
    });

    it("seven years is one value, 2557 (7 × 365 + 2 leap days), and an allowed retention", () => {
        assert.strictEqual(SEVEN_YEARS_DAYS, 7 * 365 + 2);
        assert.ok(isCloudWatchRetention(SEVEN_YEARS_DAYS));
        assert.strictEqual(cloudWatchRetentionAtLeast(SEVEN_YEARS_DAYS), SEVEN_YEARS_DAYS);
        assert.strictEqual(nearestCloudWatchRetention(2555), SEVEN_YEARS_DAYS);
    });

    it("cloudWatchRetentionAtLeast gives the smallest allowed value not below the request (property)", () => {
        fc.assert(fc.property(fc.integer({ min: 1, max: 3653 }), (days) => {
            const found = cloudWatchRetentionAtLeast(days);
            assert.ok(isCloudWatchRetention(found) && found >= days);
            assert.ok(!CLOUDWATCH_RETENTION_DAYS.some((v) => v >= days && v < found));
        }));
        assert.throws(() => cloudWatchRetentionAtLeast(3654), /maximum is 3653/);
    });

    it("nearestCloudWatchRetention is an allowed value no farther than any other (property)", () => {
        fc.assert(fc.property(fc.integer({ min: -10, max: 5000 }), (days) => {
            const nearest = nearestCloudWatchRetention(days);
            assert.ok(isCloudWatchRetention(nearest));
            assert.ok(CLOUDWATCH_RETENTION_DAYS.every((v) => Math.abs(v - days) >= Math.abs(nearest - days)));
        }));
    });
});
