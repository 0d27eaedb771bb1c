import * as assert from "assert";
import * as esbuild from "esbuild";
import { ESLint } from "eslint";
import * as path from "path";

/**
 * The import boundaries of eslint.config.mjs (README "Boundaries") fire: each forbidden import below, linted as if it
 * were in the named file, is a `no-restricted-imports` error, and each allowed one is not. The file paths are real files
 * (the type-aware rules need a file the TypeScript project knows); only the text is replaced.
 */
const ROOT = path.resolve(__dirname, "..");
const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: path.join(ROOT, "eslint.config.mjs") });

async function restricted(filePath: string, specifier: string): Promise<string[]> {
    const code = `import * as imported from "${specifier}";\nexport const used = imported;\n`;
    const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
    return result.messages.filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

const FORBIDDEN: Array<[string, string]> = [
    ["components/network.ts", "../stacks/config"],
    ["components/network.ts", "../scripts/preview/mocks/mocks"],
    ["components/network.ts", "../policies/framework"],
    ["lib/tags.ts", "../components/network"],
    ["lib/tags.ts", "../stacks/environment"],
    ["lib/tags.ts", "../policies/framework"],
    ["lib/tags.ts", "../scripts/preview/model"],
    ["lib/rules/tls.ts", "../tags"],
    ["lib/rules/tls.ts", "@pulumi/pulumi"],
    ["stacks/environment.ts", "../scripts/preview/run"],
    ["stacks/environment.ts", "../policies/controls"],
    ["policies/framework.ts", "../lib/tags"],
    ["policies/framework.ts", "../components/network"],
    ["policies/rules/general/required-tags.ts", "../../../lib/naming"],
    ["policies/rules/general/required-tags.ts", "../../../stacks/config"],
    ["policies/rules/general/required-tags.ts", "../../../test/policies/cases"],
    ["policies/rules/general/required-tags.ts", "../../../scripts/preview/model"],
    ["scripts/preview/run.ts", "../../components/network"],
    ["scripts/preview/run.ts", "../../policies/framework"],
    ["test/support/mocks.ts", "../../scripts/preview/plan"],
    ["test/support/mocks.ts", "../../scripts/preview/engine"],
    ["test/components/network.test.ts", "../../stacks/environment"],
];

const ALLOWED: Array<[string, string]> = [
    ["components/network.ts", "../lib/rules/subnet-layout"],
    ["components/application.ts", "./application-config"],
    ["stacks/environment.ts", "../components/application-config"],
    ["lib/tags.ts", "./rules/tags"],
    ["lib/rules/tls.ts", "./retention"],
    ["policies/rules/general/required-tags.ts", "../../../lib/rules/tags"],
    ["policies/rules/general/required-tags.ts", "../../support/aws"],
    ["scripts/preview/run.ts", "../../lib/rules/waivers"],
    ["test/support/mocks.ts", "../../scripts/preview/mocks/mocks"],
    ["test/support/mocks.ts", "../../scripts/preview/registration"],
];

describe("import boundaries (eslint.config.mjs)", function () {
    this.timeout(120_000);

    for (const [file, specifier] of FORBIDDEN) {
        it(`${file} may not import ${specifier}`, async () => {
            assert.strictEqual((await restricted(file, specifier)).length, 1, `no boundary error for ${specifier} in ${file}`);
        });
    }

    for (const [file, specifier] of ALLOWED) {
        it(`${file} may import ${specifier}`, async () => {
            assert.deepStrictEqual(await restricted(file, specifier), []);
        });
    }

    it("the published pack bundles nothing of this repository outside policies/ but lib/rules/ (what the lint rule allows)", async () => {
        // As scripts/build/policy-pack.ts bundles it: every relative import is an input of the bundle, packages stay external.
        const result = await esbuild.build({
            entryPoints: [path.join(ROOT, "policies/index.ts")], bundle: true, write: false, metafile: true,
            platform: "node", format: "cjs", packages: "external", logLevel: "silent", absWorkingDir: ROOT,
        });
        const inputs = Object.keys(result.metafile.inputs);
        assert.ok(inputs.some((f) => f.startsWith("lib/rules/")), inputs.join(", "));
        assert.deepStrictEqual(inputs.filter((f) => !f.startsWith("policies/") && !f.startsWith("lib/rules/")), []);
    });
});
