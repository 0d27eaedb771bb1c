import * as assert from "assert";
import {
    effectiveHorizon, isPattern, type Level, MAX_WAIVER_HORIZON_DAYS, POLICY_WEAKENED, type ReceivedPolicyConfig, stackOfUrn, STRENGTH, tierOf,
    waiverLimitProblem, weakenings,
} from "../../lib/rules/policy-limits";
import type { Waiver } from "../../lib/rules/waivers";

/** Late in the UTC day, so a count from the instant instead of from the UTC date would be off by one. */
const TODAY = new Date("2026-01-01T23:30:00Z");

function waiver(resource: string, expires = "2026-01-31", ticket?: string): Waiver {
    return { resource, reason: "migration", approver: "compliance@example.com", expires, ...(ticket ? { ticket } : {}) };
}

function received(level: Level, properties: Record<string, unknown> = {}): ReceivedPolicyConfig {
    return { level, properties };
}

describe("lib/rules/policy-limits", () => {
    it("caps waivers at one year and names its finding policy-weakened", () => {
        assert.strictEqual(MAX_WAIVER_HORIZON_DAYS, 365);
        assert.strictEqual(POLICY_WEAKENED, "policy-weakened");
    });

    it("tier: production, prod and either with a -, _ or . suffix (any case); no stack counts as production", () => {
        for (const stack of ["production", "prod", "PROD", "Production", "prod-eu", "prod_eu", "prod.eu", "production-us-east-1", "prod-"]) {
            assert.strictEqual(tierOf(stack), "production", stack);
        }
        assert.strictEqual(tierOf(undefined), "production", "unknown stack: the stricter tier");
        for (const stack of ["staging", "dev", "preprod", "nonprod", "prodx", "productionx", "produc", "prod eu", "", "my-prod"]) {
            assert.strictEqual(tierOf(stack), "other", stack);
        }
    });

    it("stackOfUrn: the stack between urn:pulumi: and the first ::", () => {
        assert.strictEqual(stackOfUrn("urn:pulumi:prod-eu::platform::aws:s3/bucketV2:BucketV2::logs"), "prod-eu");
        assert.strictEqual(stackOfUrn("urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev"), "dev");
        for (const urn of [undefined, "", "logs", "urn:pulumi:::p::t::n", "x urn:pulumi:dev::p::t::n", "urn:pulumi:dev", "urn:pulumi:a:b::p::t::n"]) {
            assert.strictEqual(stackOfUrn(urn), undefined, String(urn));
        }
    });

    it("strength: disabled < advisory < mandatory, and remediate enforces as mandatory", () => {
        assert.ok(STRENGTH.disabled < STRENGTH.advisory);
        assert.ok(STRENGTH.advisory < STRENGTH.mandatory);
        assert.strictEqual(STRENGTH.remediate, STRENGTH.mandatory);
    });

    it("effectiveHorizon: a positive whole number of days may shorten the maximum, nothing extends it", () => {
        assert.deepStrictEqual([1, 30, 364, 365].map(effectiveHorizon), [1, 30, 364, 365]);
        for (const configured of [366, 1000, 0, -30, 30.5, Number.NaN, Number.POSITIVE_INFINITY, "30", null, undefined, {}]) {
            assert.strictEqual(effectiveHorizon(configured), 365, String(configured));
        }
    });

    it("isPattern: * or ? anywhere makes a pattern", () => {
        assert.deepStrictEqual(["db-*", "db-?", "*", "a*b", "?x", "db"].map(isPattern), [true, true, true, true, true, false]);
        assert.strictEqual(isPattern("urn:pulumi:prod::p::aws:rds/instance:Instance::db"), false);
    });

    describe("waiverLimitProblem", () => {
        it("refuses a resource of wildcards alone in every tier", () => {
            for (const resource of ["*", "?", "**", "*?*"]) {
                for (const tier of ["production", "other"] as const) {
                    assert.strictEqual(waiverLimitProblem(waiver(resource), tier, 365, TODAY),
                        `resource "${resource}" matches every resource: a waiver must name the resources it covers`, `${tier} ${resource}`);
                }
            }
        });

        it("refuses a pattern in production only", () => {
            for (const resource of ["db-*", "*-db", "db-?"]) {
                assert.strictEqual(waiverLimitProblem(waiver(resource), "production", 365, TODAY),
                    `resource "${resource}" is a pattern: in a production stack a waiver names each resource it covers (no * or ?)`, resource);
                assert.strictEqual(waiverLimitProblem(waiver(resource), "other", 365, TODAY), undefined, resource);
            }
            assert.strictEqual(waiverLimitProblem(waiver("db"), "production", 365, TODAY), undefined);
        });

        it("counts days from today's UTC date: exactly at the horizon passes, one day beyond is refused", () => {
            assert.strictEqual(waiverLimitProblem(waiver("db", "2026-01-31"), "production", 30, TODAY), undefined);
            assert.strictEqual(waiverLimitProblem(waiver("db", "2026-02-01"), "production", 30, TODAY),
                "expires 2026-02-01, 31 days ahead: beyond the 30-day horizon (the pack's maximum is 365)");
            assert.strictEqual(waiverLimitProblem(waiver("db", "2027-01-01"), "other", 365, TODAY), undefined);
            assert.strictEqual(waiverLimitProblem(waiver("db", "2027-01-02"), "other", 365, TODAY),
                "expires 2027-01-02, 366 days ahead: beyond the 365-day horizon (the pack's maximum is 365)");
            // Already expired: reported as expired elsewhere, not a limit problem.
            assert.strictEqual(waiverLimitProblem(waiver("db", "2025-06-01"), "production", 30, TODAY), undefined);
        });

        it("leaves an impossible date to the framework's config check", () => {
            assert.strictEqual(waiverLimitProblem(waiver("db", "2099-02-30"), "production", 30, TODAY), undefined);
            assert.strictEqual(waiverLimitProblem(waiver("db", "someday"), "production", 30, TODAY), undefined);
        });
    });

    describe("weakenings", () => {
        const DEFAULTS: Record<string, Level> = { "s3-encryption": "mandatory", "rds-backup": "remediate", "tags-owner": "advisory", legacy: "disabled" };

        it("finds nothing when the config keeps or raises every level, or leaves a policy out", () => {
            assert.deepStrictEqual(weakenings(DEFAULTS, {}, "production", TODAY), []);
            assert.deepStrictEqual(weakenings(DEFAULTS, {
                "s3-encryption": received("remediate"),
                "rds-backup": received("mandatory"),
                "tags-owner": received("mandatory"),
                legacy: received("disabled"),
            }, "production", TODAY), []);
            assert.deepStrictEqual(weakenings(DEFAULTS, { "s3-encryption": undefined }, "production", TODAY), []);
        });

        it("production: disabling any policy enabled by default, or lowering a mandatory one", () => {
            assert.deepStrictEqual(weakenings(DEFAULTS, {
                "s3-encryption": received("advisory"),
                "rds-backup": received("disabled"),
                "tags-owner": received("disabled"),
            }, "production", TODAY), [
                { policy: "s3-encryption", kind: "lowered", message: "s3-encryption is lowered to advisory by the policy config; in a production stack a rule mandatory by default stays mandatory" },
                { policy: "rds-backup", kind: "disabled", message: "rds-backup is disabled by the policy config; in a production stack no policy may be disabled (its default level is remediate)" },
                { policy: "tags-owner", kind: "disabled", message: "tags-owner is disabled by the policy config; in a production stack no policy may be disabled (its default level is advisory)" },
            ]);
            assert.deepStrictEqual(weakenings({ "rds-backup": "remediate" }, { "rds-backup": received("advisory") }, "production", TODAY).map((w) => w.kind), ["lowered"]);
        });

        it("other tiers may disable or lower levels", () => {
            assert.deepStrictEqual(weakenings(DEFAULTS, { "s3-encryption": received("disabled"), "rds-backup": received("advisory") }, "other", TODAY), []);
        });

        it("any tier: a waiverHorizonDays above the pack's maximum", () => {
            for (const tier of ["production", "other"] as const) {
                assert.deepStrictEqual(weakenings({ a: "advisory" }, { a: received("advisory", { waiverHorizonDays: 366 }) }, tier, TODAY), [
                    { policy: "a", kind: "horizon", message: "a: waiverHorizonDays 366 exceeds the pack's maximum of 365 days (a config may shorten the horizon, not extend it)" },
                ]);
            }
            for (const waiverHorizonDays of [365, 30, "400"]) {
                assert.deepStrictEqual(weakenings({ a: "advisory" }, { a: received("advisory", { waiverHorizonDays }) }, "production", TODAY), [], String(waiverHorizonDays));
            }
        });

        it("each waiver the tier cannot honour, with its approver and ticket, judged against the rule's own horizon", () => {
            const found = weakenings({ a: "mandatory" }, {
                a: received("mandatory", {
                    waiverHorizonDays: 30,
                    waivers: [
                        waiver("db", "2026-01-31"),
                        waiver("db-*", "2026-01-10", "SEC-42"),
                        waiver("db", "2026-02-01"),
                        null,
                        // Malformed (the config schema reports it): not judged, even when it would be beyond the horizon.
                        { resource: 42, approver: "x", expires: "2027-06-01" },
                    ],
                }),
            }, "production", TODAY);
            assert.deepStrictEqual(found, [
                { policy: "a", kind: "waiver", message: "a: the waiver approved by compliance@example.com (SEC-42) is not honoured: resource \"db-*\" is a pattern: in a production stack a waiver names each resource it covers (no * or ?)" },
                { policy: "a", kind: "waiver", message: "a: the waiver approved by compliance@example.com is not honoured: expires 2026-02-01, 31 days ahead: beyond the 30-day horizon (the pack's maximum is 365)" },
            ]);
            // The same waivers in another tier: the pattern is allowed, the horizon still applies.
            assert.deepStrictEqual(weakenings({ a: "mandatory" }, { a: received("mandatory", { waiverHorizonDays: 30, waivers: [waiver("db-*", "2026-01-10", "SEC-42"), waiver("db", "2026-02-01")] }) }, "other", TODAY)
                .map((w) => w.message), ["a: the waiver approved by compliance@example.com is not honoured: expires 2026-02-01, 31 days ahead: beyond the 30-day horizon (the pack's maximum is 365)"]);
        });

        it("ignores a waivers value that is not a list", () => {
            assert.deepStrictEqual(weakenings({ a: "mandatory" }, { a: received("mandatory", { waivers: { resource: "*" } }) }, "production", TODAY), []);
            assert.deepStrictEqual(weakenings({ a: "mandatory" }, { a: received("mandatory", { waivers: "*" }) }, "production", TODAY), []);
        });

        it("reports in policy order: the level, the horizon, then the waivers", () => {
            const found = weakenings({ a: "mandatory", b: "advisory" }, {
                b: received("disabled", { waiverHorizonDays: 400, waivers: [waiver("*", "2026-01-05")] }),
                a: received("advisory"),
            }, "production", TODAY);
            assert.deepStrictEqual(found.map((w) => `${w.policy}:${w.kind}`), ["a:lowered", "b:disabled", "b:horizon", "b:waiver"]);
            // An over-long horizon is capped at the maximum for the waivers, not taken as given.
            assert.deepStrictEqual(weakenings({ a: "advisory" }, { a: received("advisory", { waiverHorizonDays: 400, waivers: [waiver("db", "2027-01-20")] }) }, "other", TODAY)
                .map((w) => w.message), [
                "a: waiverHorizonDays 400 exceeds the pack's maximum of 365 days (a config may shorten the horizon, not extend it)",
                "a: the waiver approved by compliance@example.com is not honoured: expires 2027-01-20, 384 days ahead: beyond the 365-day horizon (the pack's maximum is 365)",
            ]);
        });
    });
});
