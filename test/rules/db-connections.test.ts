import * as assert from "assert";
import fc from "fast-check";
import {
    configuredMaxConnections, connectionsAlarmThreshold, instanceClassMemoryGib, rdsDefaultMaxConnections,
} from "../../lib/rules/db-connections";

describe("lib/rules/db-connections", () => {
    it("alarms at 90 % of max_connections: the LMS guide's 450 of 500, MITA's 180 of 200", () => {
        assert.deepStrictEqual([connectionsAlarmThreshold(500), connectionsAlarmThreshold(200)], [450, 180]);
        assert.throws(() => connectionsAlarmThreshold(0), /positive number, received 0/);
    });

    it("the threshold is always below max_connections and at least 1 (property)", () => {
        fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), (max) => {
            const threshold = connectionsAlarmThreshold(max);
            assert.ok(threshold >= 1 && (threshold < max || max === 1));
        }));
    });

    it("reads max_connections only when it is a plain integer", () => {
        assert.strictEqual(configuredMaxConnections({ max_connections: "200" }), 200);
        assert.strictEqual(configuredMaxConnections({ max_connections: "{DBInstanceClassMemory/9531392}" }), undefined);
        assert.strictEqual(configuredMaxConnections({}), undefined);
        assert.strictEqual(configuredMaxConnections(undefined), undefined);
    });

    it("knows the memory of the classes the stacks use, and no guess for others", () => {
        assert.deepStrictEqual(
            ["db.r6g.2xlarge", "db.r5.xlarge", "db.r6gd.xlarge", "db.m6g.large", "db.t4g.medium", "db.x2g.xlarge", "db.r6g.16xlarge"].map(instanceClassMemoryGib),
            [64, 32, 32, 8, 4, 64, 512],
        );
        assert.strictEqual(instanceClassMemoryGib("db.q9.large"), undefined);
        assert.strictEqual(instanceClassMemoryGib("cache.r6g.large"), undefined);
    });

    it("follows RDS's default formulas: PostgreSQL capped at 5000, MySQL by memory", () => {
        assert.strictEqual(rdsDefaultMaxConnections("postgres", "db.r6g.2xlarge"), 5000);
        assert.strictEqual(rdsDefaultMaxConnections("postgres", "db.t4g.medium"), Math.floor(4 * 1024 ** 3 / 9531392));
        assert.strictEqual(rdsDefaultMaxConnections("mysql", "db.r5.xlarge"), Math.floor(32 * 1024 ** 3 / 12582880));
        assert.strictEqual(rdsDefaultMaxConnections("mysql", "db.unknown.large"), undefined);
    });
});
