import * as assert from "assert";
import {
    decodeWaivedFinding,
    DEFAULT_WAIVER_HORIZON_DAYS,
    encodeWaivedFinding,
    isWaiverActive,
    matchesPattern,
    parseCalendarDate,
    Waiver,
    WAIVED_MARKER,
    waiverProblem,
} from "../../lib/rules/waivers";

/** A waiver as compliance writes it in the policy config. */
function waiver(expires: string, extra: Partial<Waiver> = {}): Waiver {
    return { resource: "orders-db", reason: "migration to Multi-AZ in Q1", approver: "jane.doe", expires, ...extra };
}

const URN = "urn:pulumi:production::platform::aws:rds/instance:Instance::orders-db";

describe("lib/rules/waivers", () => {
    describe("parseCalendarDate", () => {
        it("reads YYYY-MM-DD as UTC midnight of that day", () => {
            assert.strictEqual(parseCalendarDate("2026-12-31")?.getTime(), Date.UTC(2026, 11, 31));
            assert.strictEqual(parseCalendarDate("2027-01-01")?.toISOString(), "2027-01-01T00:00:00.000Z");
        });

        it("knows the Gregorian leap years (divisible by 4, not by 100 unless by 400)", () => {
            for (const leap of ["2028-02-29", "2000-02-29", "2024-02-29"]) assert.ok(parseCalendarDate(leap), leap);
            for (const common of ["2027-02-29", "2100-02-29", "2026-02-29"]) assert.strictEqual(parseCalendarDate(common), undefined, common);
        });

        it("refuses impossible days and months instead of rolling them over", () => {
            for (const bad of ["2026-02-30", "2026-04-31", "2026-01-32", "2026-01-00", "2026-00-10", "2026-13-01", "2026-12-99", "9999-99-99"]) {
                assert.strictEqual(parseCalendarDate(bad), undefined, bad);
            }
        });

        it("refuses two-digit-era years that Date.UTC would move to the 1900s", () => {
            // Date.UTC(50, 0, 1) is 1950-01-01: the year check must notice, or "0050-01-01" would be read as 1950.
            assert.strictEqual(parseCalendarDate("0050-01-01"), undefined);
        });

        it("refuses anything but exactly YYYY-MM-DD", () => {
            for (const bad of ["2026-1-5", "2026-01-5", "26-01-05", "2026/01/05", " 2026-01-05", "2026-01-05 ", "x2026-01-05", "2026-01-05x", "2026-01-05T00:00:00Z", "20260105", ""]) {
                assert.strictEqual(parseCalendarDate(bad), undefined, JSON.stringify(bad));
            }
        });
    });

    describe("waiverProblem", () => {
        const today = new Date("2026-06-01T15:30:00Z");

        it("names an impossible expiry date in its exact form", () => {
            assert.strictEqual(waiverProblem(waiver("2026-02-30"), today), 'expires "2026-02-30" is not a calendar date (YYYY-MM-DD)');
            assert.strictEqual(waiverProblem(waiver("next year"), today), 'expires "next year" is not a calendar date (YYYY-MM-DD)');
        });

        it("accepts a waiver expiring exactly at the horizon and refuses one a day beyond, counting whole UTC days", () => {
            assert.strictEqual(DEFAULT_WAIVER_HORIZON_DAYS, 365);
            // 2026-06-01 + 365 days = 2027-06-01 (no 29 February in between).
            assert.strictEqual(waiverProblem(waiver("2027-06-01"), today), undefined);
            assert.strictEqual(
                waiverProblem(waiver("2027-06-02"), today),
                "expires 2027-06-02, 366 days ahead: waivers may run at most 365 days (waiverHorizonDays in the rule's policy config)",
            );
        });

        it("counts from today's date, whatever the time of day", () => {
            // Late in the day: if the time counted, 2027-06-01 would be 364.4 days ahead and 2027-06-02 would round to 365.
            assert.strictEqual(waiverProblem(waiver("2027-06-02"), new Date("2026-06-01T23:59:59.999Z")), "expires 2027-06-02, 366 days ahead: waivers may run at most 365 days (waiverHorizonDays in the rule's policy config)");
            assert.strictEqual(waiverProblem(waiver("2027-06-01"), new Date("2026-06-01T00:00:00.000Z")), undefined);
        });

        it("applies the rule's own horizon", () => {
            assert.strictEqual(waiverProblem(waiver("2026-07-01"), today, 30), undefined);
            assert.strictEqual(waiverProblem(waiver("2026-07-02"), today, 30), "expires 2026-07-02, 31 days ahead: waivers may run at most 30 days (waiverHorizonDays in the rule's policy config)");
        });

        it("treats an expired waiver as well-formed (it is reported as expired, not rejected)", () => {
            assert.strictEqual(waiverProblem(waiver("2020-01-01"), today), undefined);
            assert.strictEqual(waiverProblem(waiver("2026-06-01"), today, 0), undefined, "expiring today is 0 days ahead");
        });
    });

    describe("isWaiverActive", () => {
        it("applies through the last millisecond of its expiry day (UTC) and not one millisecond more", () => {
            const w = waiver("2026-12-31");
            assert.ok(isWaiverActive(w, new Date("2026-01-01T00:00:00.000Z")));
            assert.ok(isWaiverActive(w, new Date("2026-12-31T00:00:00.000Z")));
            assert.ok(isWaiverActive(w, new Date("2026-12-31T23:59:59.999Z")));
            assert.strictEqual(isWaiverActive(w, new Date("2027-01-01T00:00:00.000Z")), false);
            assert.strictEqual(isWaiverActive(w, new Date("2027-06-01T00:00:00.000Z")), false);
        });

        it("never applies with an impossible expiry date", () => {
            assert.strictEqual(isWaiverActive(waiver("2026-02-30"), new Date("2026-01-01T00:00:00Z")), false);
            assert.strictEqual(isWaiverActive(waiver("forever"), new Date("2026-01-01T00:00:00Z")), false);
        });
    });

    describe("matchesPattern", () => {
        it("matches a plain name only exactly: no prefix, suffix or case-insensitive match", () => {
            assert.ok(matchesPattern("orders-db", "orders-db"));
            for (const other of ["orders-db-replica", "legacy-orders-db", "Orders-db", "orders-d", URN]) {
                assert.strictEqual(matchesPattern("orders-db", other), false, other);
            }
        });

        it("`*` matches any run of characters, empty or across `/` and `::` in a URN", () => {
            assert.ok(matchesPattern("*::orders-db", URN));
            assert.ok(matchesPattern("urn:pulumi:production::*", URN));
            assert.ok(matchesPattern("orders-*", "orders-"));
            assert.ok(matchesPattern("orders-*", "orders-db/replica"));
            assert.ok(matchesPattern("*", ""));
            assert.strictEqual(matchesPattern("*::orders-db", `${URN}-replica`), false);
            assert.strictEqual(matchesPattern("urn:pulumi:staging::*", URN), false);
        });

        it("`?` matches exactly one character", () => {
            assert.ok(matchesPattern("db-?", "db-1"));
            assert.strictEqual(matchesPattern("db-?", "db-"), false);
            assert.strictEqual(matchesPattern("db-?", "db-12"), false);
            assert.ok(matchesPattern("db-??", "db-12"));
        });

        it("takes every other character literally, regular-expression syntax included", () => {
            // `.` is a literal dot, not any character.
            assert.ok(matchesPattern("api.example.com", "api.example.com"));
            assert.strictEqual(matchesPattern("api.example.com", "apixexample.com"), false);
            for (const [pattern, literal, notMatched] of [
                ["a+b", "a+b", "aab"],
                ["a(b)", "a(b)", "ab"],
                ["a|b", "a|b", "a"],
                ["a[bc]", "a[bc]", "ab"],
                ["a{2}", "a{2}", "aa"],
                ["^ab$", "^ab$", "ab"],
                ["a\\d", "a\\d", "a1"],
            ]) {
                assert.ok(matchesPattern(pattern, literal), pattern);
                assert.strictEqual(matchesPattern(pattern, notMatched), false, `${pattern} vs ${notMatched}`);
            }
        });
    });

    describe("encodeWaivedFinding / decodeWaivedFinding", () => {
        const finding = {
            rule: "rds-multi-az",
            waiver: waiver("2026-12-31", { ticket: "COMP-42", approver: 'Jane "JD" Doe', reason: "line one\nline two: {not json}" }),
            message: "instance is single-AZ (WAIVED by nobody)",
        };

        it("writes the marker, then one JSON object with rule, waiver and message", () => {
            assert.strictEqual(WAIVED_MARKER, "WAIVED ");
            const encoded = encodeWaivedFinding(finding);
            assert.ok(encoded.startsWith("WAIVED {"), encoded);
            assert.deepStrictEqual(JSON.parse(encoded.slice("WAIVED ".length)), finding);
        });

        it("round-trips any approver, reason or message text, with and without a ticket", () => {
            assert.deepStrictEqual(decodeWaivedFinding(encodeWaivedFinding(finding)), finding);
            const noTicket = { rule: "r", waiver: waiver("2026-12-31"), message: "m" };
            const decoded = decodeWaivedFinding(encodeWaivedFinding(noTicket));
            assert.deepStrictEqual(decoded, noTicket);
            assert.strictEqual("ticket" in decoded!.waiver, false, "no ticket key invented");
        });

        it("keeps only the known fields", () => {
            const message = `WAIVED ${JSON.stringify({ rule: "r", message: "m", extra: 1, waiver: { ...waiver("2026-12-31"), ticket: "T-1", note: "x" } })}`;
            assert.deepStrictEqual(decodeWaivedFinding(message), { rule: "r", message: "m", waiver: { ...waiver("2026-12-31"), ticket: "T-1" } });
        });

        it("decodes nothing but its own form", () => {
            const valid = JSON.stringify({ rule: "r", message: "m", waiver: waiver("2026-12-31") });
            for (const message of [
                `instance is single-AZ`,
                valid,
                ` WAIVED ${valid}`,
                `waived ${valid}`,
                `WAIVED${valid.slice(1)}`,
                "WAIVED {not json",
                "WAIVED null",
                "WAIVED 42",
                `WAIVED ${JSON.stringify({ rule: "r", message: "m" })}`,
                `WAIVED ${JSON.stringify({ rule: 1, message: "m", waiver: waiver("2026-12-31") })}`,
                `WAIVED ${JSON.stringify({ rule: "r", message: null, waiver: waiver("2026-12-31") })}`,
                `WAIVED ${JSON.stringify({ rule: "r", message: "m", waiver: { ...waiver("2026-12-31"), ticket: 7 } })}`,
                `WAIVED ${JSON.stringify({ rule: "r", message: "m", waiver: { ...waiver("2026-12-31"), ticket: null } })}`,
            ]) {
                assert.strictEqual(decodeWaivedFinding(message), undefined, message);
            }
            // Each of the waiver's required strings is checked.
            for (const field of ["resource", "reason", "approver", "expires"] as const) {
                const w: Record<string, unknown> = { ...waiver("2026-12-31") };
                w[field] = 1;
                assert.strictEqual(decodeWaivedFinding(`WAIVED ${JSON.stringify({ rule: "r", message: "m", waiver: w })}`), undefined, field);
                delete w[field];
                assert.strictEqual(decodeWaivedFinding(`WAIVED ${JSON.stringify({ rule: "r", message: "m", waiver: w })}`), undefined, field);
            }
        });
    });
});
