import * as assert from "assert";
import * as path from "path";
import { buildPolicies } from "../../policies/framework";
import { packRules } from "../../policies/rules";
import { runPreview } from "../../scripts/preview/run";

/** Both stacks of this repository pass the policy pack with their own config, run as `pulumi preview --policy-pack` would. */
const ROOT = path.resolve(__dirname, "../..");

for (const stack of ["production", "staging"]) {
    describe(`${stack} stack against the policy pack`, function () {
        this.timeout(180_000);

        it("has no unwaived mandatory finding", async () => {
            const result = await runPreview({
                programDir: ROOT,
                stack,
                policyPack: path.join(ROOT, "policies"),
                policyPackConfig: path.join(ROOT, "policies", "config", `${stack}.json`),
                failOn: "mandatory",
            });
            assert.ok(result.resources.length > 250, `planned only ${result.resources.length} resources`);
            const blocking = result.findings.filter((f) => f.enforcementLevel === "mandatory" && !f.waiver);
            assert.deepStrictEqual(blocking.map((f) => `${f.policyName} ${f.resourceName}: ${f.message}`), []);
            assert.strictEqual(result.gate.passed, true);
            // Every policy the pack defines (its rules and their waiver companions) took part.
            assert.deepStrictEqual(result.policyPack?.policies.map((p) => p.name).sort(), buildPolicies(packRules).map((p) => p.name).sort());
        });
    });
}
