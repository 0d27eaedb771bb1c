import * as assert from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { PreviewResult } from "../../scripts/preview/model";
import { npm, tempDir } from "../support/npm";

/**
 * One example program per component (examples/<component file>/), importing the library by its package name as
 * another program would (`aws-platform` resolves to the built dist/lib through the package's own `exports`), each
 * planned by the offline preview's bin against this repository's pack with no mandatory finding.
 */
const ROOT = path.resolve(__dirname, "../..");
const EXAMPLES = path.join(ROOT, "examples");

/** The component files the library's entry point exports, with the type token each component registers. */
function libraryComponents(): Array<{ file: string; token: string }> {
    const barrel = fs.readFileSync(path.join(ROOT, "components/index.ts"), "utf8");
    return [...barrel.matchAll(/^export \* from "\.\/([a-z-]+)";$/gm)].map((m) => {
        const source = fs.readFileSync(path.join(ROOT, "components", `${m[1]}.ts`), "utf8");
        const token = /extends pulumi\.ComponentResource \{[\s\S]*?super\("(platform:[^"]+)"/.exec(source)?.[1];
        assert.ok(token, `components/${m[1]}.ts declares no component`);
        return { file: m[1], token };
    });
}

describe("examples/: one program per component, planned through the offline preview", function () {
    this.timeout(600_000);
    const components = libraryComponents();

    before(function () {
        this.timeout(900_000);
        npm(["run", "--silent", "build:lib"], ROOT);
    });

    it("the library's entry point exports every component file, and each has an example", () => {
        // Component files: those that declare a ComponentResource (application-config.ts is the Application's config
        // schema, published as `aws-platform/config`, not a component).
        const files = fs.readdirSync(path.join(ROOT, "components")).filter((f) => f.endsWith(".ts") && f !== "index.ts")
            .filter((f) => /extends pulumi\.ComponentResource\b/.test(fs.readFileSync(path.join(ROOT, "components", f), "utf8")))
            .map((f) => f.replace(/\.ts$/, ""));
        assert.deepStrictEqual(components.map((c) => c.file).sort(), files.sort(), "components/index.ts must export every component file");
        const missing = components.filter((c) => !fs.existsSync(path.join(EXAMPLES, c.file, "index.ts"))).map((c) => `examples/${c.file}/index.ts`);
        assert.deepStrictEqual(missing, []);
    });

    it("every example type-checks as the CLI checks a program (ts-node's options: ES2020, nodenext), strictly", function () {
        this.timeout(600_000);
        // One check for all examples (the CLI checks each program on its own, with the same compiler and options); the
        // plans below then run with PULUMI_NODEJS_TRANSPILE_ONLY=true instead of checking each program again.
        execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(EXAMPLES, "tsconfig.json")], { cwd: ROOT, stdio: "pipe" });
    });

    for (const { file, token } of components) {
        it(`examples/${file} plans a ${token} and passes the pack's gate`, function () {
            const out = tempDir(`example-${file}-`);
            const dir = path.join(EXAMPLES, file);
            // As typed in the example's directory (the bin resolves paths against npm's INIT_CWD when set).
            const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/preview/bin.cjs"), "--stack", "dev", "--out", out], {
                cwd: dir,
                encoding: "utf8",
                env: { ...process.env, INIT_CWD: dir, NO_COLOR: "1", PULUMI_NODEJS_TRANSPILE_ONLY: "true" },
            });
            const result: PreviewResult | undefined = fs.existsSync(path.join(out, "preview.json")) ? JSON.parse(fs.readFileSync(path.join(out, "preview.json"), "utf8")) : undefined;
            assert.ok(result, `no report (exit ${run.status}): ${run.stderr}`);
            assert.ok(result.resources.some((r) => r.type === token), `${token} was not planned`);
            const blocking = result.findings.filter((f) => f.enforcementLevel === "mandatory" && !f.waiver).map((f) => `${f.policyName} ${f.resourceName}: ${f.message}`);
            assert.deepStrictEqual(blocking, []);
            assert.strictEqual(run.status, 0, run.stdout + run.stderr);
        });
    }
});
