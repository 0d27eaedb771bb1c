import * as assert from "assert";
import { continuousRetentionDays, VAULT_LOCK_BOUNDS, vaultLockBoundsProblem, vaultLockRetentionProblem } from "../../lib/rules/backup-limits";
import { ENGINE_MAJORS } from "../../lib/rules/engine-versions";
import { engineMajorOf, lifecycleSupportProblem, STANDARD_SUPPORT_ENDS, standardSupportEnd } from "../../lib/rules/engine-support";
import { parameterValueProblem } from "../../lib/rules/parameter-values";
import { multiAzClusterGp3Iops } from "../../lib/rules/rds-replicas";
import { pathRateLimitProblem, pathRateLimitRuleName } from "../../lib/rules/waf";
import { SEVEN_YEARS_DAYS } from "../../lib/rules/retention";

/** The pure tables behind issue 21's deploy-validity rules and config checks (lib/rules/). */
describe("deploy-validity tables", () => {
    it("vault-lock bounds: fixed per tier, valid, and holding every rule the tiers' floors allow", () => {
        for (const bounds of Object.values(VAULT_LOCK_BOUNDS)) assert.strictEqual(vaultLockBoundsProblem(bounds), undefined);
        const production = VAULT_LOCK_BOUNDS.production;
        // The 7-year monthly rule and 35-day continuous backups both fit in production's lock.
        assert.strictEqual(vaultLockRetentionProblem("monthly", SEVEN_YEARS_DAYS, production), undefined);
        assert.strictEqual(vaultLockRetentionProblem("continuous", continuousRetentionDays(40), production), undefined);
        assert.match(vaultLockRetentionProblem("daily", 30, production)!, /below the vault lock's minRetentionDays 35/);
        assert.match(vaultLockBoundsProblem({ minRetentionDays: 0, maxRetentionDays: 10 })!, /≥ 1/);
    });

    it("engine support: one dated table, read by engine-versions.ts too", () => {
        for (const major of ENGINE_MAJORS.mysql) assert.strictEqual(major.standardSupportEnds, STANDARD_SUPPORT_ENDS.mysql[major.major]);
        for (const major of ENGINE_MAJORS.postgres) assert.strictEqual(major.standardSupportEnds, STANDARD_SUPPORT_ENDS.postgres[major.major]);
        assert.deepStrictEqual([engineMajorOf("mysql", "8.0.40"), engineMajorOf("postgres", "15.12"), engineMajorOf("aurora-mysql", "5.7.mysql_aurora.2.12.1"), engineMajorOf("postgres", "9.6.24")], ["8.0", "15", "5.7", "9.6"]);
        assert.strictEqual(standardSupportEnd("mysql", "8.0"), "2026-07-31");
        assert.strictEqual(lifecycleSupportProblem("mysql", "8.0", undefined, "2026-07-31"), undefined, "the last day is still standard support");
        assert.match(lifecycleSupportProblem("mysql", "8.0", undefined, "2026-08-01")!, /upgrade to mysql 8\.4/);
        assert.strictEqual(lifecycleSupportProblem("mysql", "8.0", "open-source-rds-extended-support", "2026-12-04"), undefined);
        assert.match(lifecycleSupportProblem("mysql", "8.0", "open-source-rds-extended-support-disabled", "2026-12-04")!, /refuses Extended Support/);
        assert.strictEqual(lifecycleSupportProblem("mariadb", "10.6", undefined, "2030-01-01"), undefined, "not in the table: not judged");
    });

    it("parameter values: by family, exact values, formulas for max_connections", () => {
        assert.match(parameterValueProblem("mysql8.0", "require_secure_transport", "ON")!, /allowed: 0, 1/);
        assert.strictEqual(parameterValueProblem("mysql8.0", "require_secure_transport", "1"), undefined);
        assert.strictEqual(parameterValueProblem("postgres15", "require_secure_transport", "ON"), undefined, "not a PostgreSQL parameter: not judged");
        assert.match(parameterValueProblem("mysql8.4", "tls_version", "TLSv1.1")!, /TLSv1\.2, TLSv1\.3/);
        assert.strictEqual(parameterValueProblem("mysql8.0", "tls_version", "TLSv1.2,TLSv1.3"), undefined);
        assert.strictEqual(parameterValueProblem("postgres15", "max_connections", "{DBInstanceClassMemory/9531392}"), undefined);
        assert.match(parameterValueProblem("postgres15", "max_connections", "lots")!, /integer 6–262143/);
    });

    it("Multi-AZ DB cluster iops: the gp3 baseline, 3000 below 400 GiB and 12000 from 400 GiB", () => {
        assert.deepStrictEqual([20, 399, 400, 500, 65536].map(multiAzClusterGp3Iops), [3000, 3000, 12000, 12000, 12000]);
    });

    it("WAF path limits: floor 10, windows 60/120/300/600, names from the path", () => {
        assert.strictEqual(pathRateLimitProblem({ path: "/auth/login", limit: 10, windowSeconds: 120 }), undefined);
        assert.match(pathRateLimitProblem({ path: "/auth/login", limit: 5, windowSeconds: 60 })!, /10 per 120 s/);
        assert.match(pathRateLimitProblem({ path: "auth", limit: 10, windowSeconds: 60 })!, /must start with \//);
        assert.strictEqual(pathRateLimitRuleName("/auth/login"), "rate-limit-path-auth-login");
        assert.strictEqual(pathRateLimitRuleName("/"), "rate-limit-path-root");
    });
});
