import * as assert from "assert";
import { pathRateLimitProblem, pathRateLimitRuleName, WAF_MAX_METRIC_NAME, WAF_MAX_RATE_LIMIT, WAF_MIN_RATE_LIMIT, WAF_RATE_WINDOWS_SECONDS, wafMetricName } from "../../lib/rules/waf";

const ok = { path: "/auth/login", limit: 100, windowSeconds: 300 };

describe("lib/rules/waf", () => {
    it("holds the limits of the WAFv2 RateBasedStatement API: Limit 10 to 2,000,000,000, EvaluationWindowSec 60/120/300/600", () => {
        assert.strictEqual(WAF_MIN_RATE_LIMIT, 10);
        assert.strictEqual(WAF_MAX_RATE_LIMIT, 2_000_000_000);
        assert.deepStrictEqual([...WAF_RATE_WINDOWS_SECONDS], [60, 120, 300, 600]);
    });

    describe("pathRateLimitProblem", () => {
        it("accepts a path prefix with the limit at either bound and every evaluation window", () => {
            assert.strictEqual(pathRateLimitProblem(ok), undefined);
            for (const limit of [10, 2_000_000_000]) assert.strictEqual(pathRateLimitProblem({ ...ok, limit }), undefined, String(limit));
            for (const windowSeconds of [60, 120, 300, 600]) assert.strictEqual(pathRateLimitProblem({ ...ok, windowSeconds }), undefined, String(windowSeconds));
            for (const path of ["/", "/api/v1/orders?x=1", "/auth/login/"]) assert.strictEqual(pathRateLimitProblem({ ...ok, path }), undefined, path);
        });

        it("refuses a path that does not start with / or holds white space", () => {
            for (const path of ["auth/login", "", " /auth", "/auth login", "/auth\tlogin", "/auth\n"]) {
                assert.strictEqual(pathRateLimitProblem({ ...ok, path }), `path ${JSON.stringify(path)} must start with / and hold no spaces`, JSON.stringify(path));
            }
        });

        it("refuses a limit outside 10–2,000,000,000 or not whole, suggesting a longer window for low rates", () => {
            for (const limit of [9, 2_000_000_001, 10.5, Number.NaN, -10]) {
                assert.strictEqual(
                    pathRateLimitProblem({ ...ok, limit }),
                    `limit ${limit} is outside 10–2000000000 (WAF's rate-based rule limits); for fewer requests, count over a longer window (5 per minute = 10 per 120 s)`,
                    String(limit),
                );
            }
        });

        it("refuses any other window, listing the allowed ones", () => {
            for (const windowSeconds of [0, 30, 59, 61, 180, 900, 3600]) {
                assert.strictEqual(pathRateLimitProblem({ ...ok, windowSeconds }), `windowSeconds ${windowSeconds} is not a WAF evaluation window; allowed: 60, 120, 300, 600`);
            }
        });

        it("reports the path first, then the limit, then the window", () => {
            assert.match(pathRateLimitProblem({ path: "x", limit: 1, windowSeconds: 1 })!, /^path /);
            assert.match(pathRateLimitProblem({ path: "/x", limit: 1, windowSeconds: 1 })!, /^limit /);
        });
    });

    describe("pathRateLimitRuleName", () => {
        it("names the rule from the path in letters, digits and -", () => {
            assert.strictEqual(pathRateLimitRuleName("/auth/login"), "rate-limit-path-auth-login");
            assert.strictEqual(pathRateLimitRuleName("/api/v1/"), "rate-limit-path-api-v1");
            assert.strictEqual(pathRateLimitRuleName("//api__v1..orders//"), "rate-limit-path-api-v1-orders");
            assert.strictEqual(pathRateLimitRuleName("/Auth/Login"), "rate-limit-path-Auth-Login");
        });

        it("names the root path `root`", () => {
            assert.strictEqual(pathRateLimitRuleName("/"), "rate-limit-path-root");
            assert.strictEqual(pathRateLimitRuleName("/~/"), "rate-limit-path-root");
        });

        it("keeps within WAF's 128-character rule names", () => {
            const name = pathRateLimitRuleName(`/${"a".repeat(200)}`);
            assert.strictEqual(name, `rate-limit-path-${"a".repeat(112)}`);
            assert.strictEqual(name.length, 128);
            assert.strictEqual(pathRateLimitRuleName(`/${"a".repeat(112)}`).length, 128);
            assert.match(pathRateLimitRuleName(`/${"a/".repeat(100)}`), /^[A-Za-z0-9-]{1,128}$/);
        });
    });
    it("metric names: <owner>-<part> within WAF's 128 characters of [A-Za-z0-9_-]; a long owner is cut, never the part", () => {
        assert.strictEqual(WAF_MAX_METRIC_NAME, 128);
        assert.strictEqual(wafMetricName("lms-web-waf", "rate-limit"), "lms-web-waf-rate-limit");
        assert.strictEqual(wafMetricName("shop.example.com", "web acl"), "shop-example-com-web-acl");
        const owner = `shop.${"x".repeat(200)}`;
        const names = ["web-acl", "rate-limit", "AWSManagedRulesCommonRuleSet"].map((part) => wafMetricName(owner, part));
        for (const name of names) {
            assert.strictEqual(name.length, 128, name);
            assert.match(name, /^shop-x+-[A-Za-z-]+$/);
        }
        assert.strictEqual(new Set(names).size, names.length);
        assert.ok(names[2].endsWith("-AWSManagedRulesCommonRuleSet"));
        // A part longer than the limit still leaves one character of the owner and the separator.
        const huge = wafMetricName("o", "p".repeat(300));
        assert.strictEqual(huge.length, 128);
        assert.ok(huge.startsWith("o-p"));
    });
});
