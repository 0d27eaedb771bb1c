import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { resolveConfig, type AnalyzerInfo, type PolicyInfo } from "../../scripts/preview/analyzer/client";
import { buildPolicies, type Rule } from "../../policies/framework";
import { packRules } from "../../policies/rules";
import { RENAMED_POLICIES as RENAMED } from "../../policies/renamed";
import { REGISTRY, registrySource, ruleFiles, RULES_DIR } from "../../scripts/policies/registry";

/**
 * The pack's structure: the registry is generated from the folder tree, every rule's name is its path, and every rule
 * declares its controls in its own metadata (policies/controls.ts holds only the shared definitions).
 */
const ROOT = path.resolve(__dirname, "../..");

describe("policy pack structure", () => {
    it("policies/rules/index.ts is what npm run policies:registry writes", () => {
        assert.strictEqual(fs.readFileSync(REGISTRY, "utf8"), registrySource(), "the registry is stale: run npm run policies:registry");
    });

    it("every rule's name is <folder>-<file> of its path", () => {
        const files = ruleFiles();
        assert.ok(files.length >= 70, `only ${files.length} rule files found`);
        const wrong = files.flatMap((f) => {
            const rule: Rule = require(path.join(RULES_DIR, f.folder, f.file)).rule;
            return rule.name === f.name ? [] : [`policies/rules/${f.folder}/${f.file}.ts declares ${rule.name}, its path says ${f.name}`];
        });
        assert.deepStrictEqual(wrong, []);
        assert.deepStrictEqual(packRules.map((r) => r.name).sort(), files.map((f) => f.name).sort());
    });

    it("every rule declares its controls in its own metadata, and controls.ts maps no rule by name", () => {
        for (const rule of packRules) {
            const ids = Object.values(rule.controls ?? {}).flat();
            assert.ok(ids.length > 0, `${rule.name} declares no controls`);
        }
        const controls = fs.readFileSync(path.join(ROOT, "policies/controls.ts"), "utf8");
        const named = packRules.map((r) => r.name).filter((name) => controls.includes(`"${name}"`));
        assert.deepStrictEqual(named, [], "policies/controls.ts names rules: their controls belong in the rule's metadata");
    });

    it("the stacks' policy configs name only policies of the pack (no old name left)", () => {
        const names = buildPolicies(packRules).map((p) => p.name);
        for (const file of ["production.json", "staging.json"]) {
            const config = JSON.parse(fs.readFileSync(path.join(ROOT, "policies/config", file), "utf8"));
            assert.deepStrictEqual(Object.keys(config).filter((k) => k !== "all" && !names.includes(k)), [], file);
        }
    });

    it("a policy config that still uses an old name is one clear error naming the new one", () => {
        const policies: PolicyInfo[] = buildPolicies(packRules).map((p: any) => ({
            name: p.name, displayName: p.displayName, description: p.description, enforcementLevel: p.enforcementLevel, tags: p.tags ?? [], configSchema: p.configSchema,
        }));
        const info: AnalyzerInfo = { name: "aws-platform-compliance", displayName: "", version: "2.0.0", supportsConfig: true, policies, initialConfig: {} };
        assert.strictEqual(Object.keys(RENAMED).length, 15);
        for (const [old, renamed] of Object.entries(RENAMED)) {
            assert.ok(policies.some((p) => p.name === renamed), `${renamed} is not a policy of the pack`);
            assert.ok(!policies.some((p) => p.name === old), `${old} is a policy of the pack again`);
            assert.throws(() => resolveConfig(info, { [old]: "advisory" }),
                (err: Error) => err.message.includes(`names a policy the pack aws-platform-compliance does not have: ${old} (did you mean "${renamed}"?)`), old);
        }
    });
});
