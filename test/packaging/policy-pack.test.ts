import * as assert from "assert";
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { builtinModules } from "module";
import { parse as parseYaml } from "yaml";
import { loadPolicyConfigFile, startPolicyPack, type PolicyPackProcess, type StartOptions } from "../../scripts/preview/analyzer/client";
import type { Finding, PreviewResult } from "../../scripts/preview/model";
import { runPlan, type Plan } from "../../scripts/preview/plan";
import { startEvaluation } from "../../scripts/preview/policy";
import { loadProject } from "../../scripts/preview/project";
import { splitNotJudged, toPlannedResource } from "../../scripts/preview/result";
import { buildPolicyPack, packageName, type PackBuild } from "../../scripts/build/policy-pack";
import { installedVersions, npmInstall, npmPack, tempDir } from "../support/npm";

/**
 * The publishable pack does what Pulumi does with it: `pulumi policy publish` uploads `npm pack` of the pack directory;
 * Pulumi unpacks the tarball's `package/` and runs `npm install --loglevel=error` there (pkg/backend/httpstate
 * installRequiredPolicy → the Node language host's InstallDependencies), then starts it with
 * `node <its @pulumi/pulumi>/cmd/run-policy-pack <engine> <dir>` in that directory (the host's RunPlugin). Its verdicts
 * on both stacks' plans must be the local pack's.
 */
const ROOT = path.resolve(__dirname, "../..");
const LOCAL_PACK = path.join(ROOT, "policies");
const ROOT_LOCK = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));

/** Findings as preview.json carries them, in a stable order. */
function comparable(findings: Finding[]): string[] {
    return findings.map((f) => JSON.stringify(f)).sort();
}

/** The pack's policy findings on a plan, started as given (the preview's way, or exactly as the CLI's host). */
async function judge(packDir: string, plan: Plan, stack: string, start: StartOptions): Promise<Finding[]> {
    const project = loadProject(ROOT, stack);
    const configFile = path.join(LOCAL_PACK, "config", `${stack}.json`);
    const evaluation = startEvaluation(startPolicyPack(packDir, start), project, { directory: packDir, configFile, config: loadPolicyConfigFile(configFile) });
    const run = await evaluation.finish(plan);
    return splitNotJudged(run.findings, "mandatory", plan.resources.map(toPlannedResource)).findings;
}

describe("the publishable policy pack, published and installed as Pulumi does", function () {
    this.timeout(600_000);
    let build: PackBuild;
    let packed: { tarball: string; files: string[] };
    let installed: string;

    before(function () {
        this.timeout(900_000);
        return (async () => {
            build = await buildPolicyPack(path.join(tempDir("policy-pack-build-"), "policy-pack"));
            packed = npmPack(build.outDir, tempDir("policy-pack-tgz-"));
            // As installRequiredPolicy: the tarball unpacked, its package/ directory installed with npm.
            const unpacked = tempDir("policy-pack-installed-");
            execFileSync("tar", ["-xzf", packed.tarball, "-C", unpacked]);
            installed = path.join(unpacked, "package");
            npmInstall(installed);
        })();
    });

    it("the tarball holds the bundle, its assets, the pinned manifest and the shrinkwrap, and no source or test file", () => {
        assert.deepStrictEqual(packed.files.filter((f) => !f.startsWith("assets/")), ["PulumiPolicy.yaml", "index.js", "index.js.map", "npm-shrinkwrap.json", "package.json"]);
        const assets = packed.files.filter((f) => f.startsWith("assets/"));
        assert.ok(assets.includes("assets/policies/data/taggable-types.json") && assets.includes("assets/policies/data/at-rest-inputs.json"), assets.join(", "));
        assert.ok(!fs.readFileSync(path.join(installed, "index.js"), "utf8").includes('require("../'), "the bundle requires a file outside the pack");
    });

    it("package.json depends on exactly the packages the bundle requires (and the runner's SDK), pinned to the versions tested here", () => {
        const manifest = JSON.parse(fs.readFileSync(path.join(installed, "package.json"), "utf8"));
        const bundle = fs.readFileSync(path.join(installed, "index.js"), "utf8");
        const required = new Set(["@pulumi/pulumi"]);
        for (const m of bundle.matchAll(/\brequire\("([^".][^"]*)"\)/g)) {
            if (!m[1].startsWith("node:") && !builtinModules.includes(packageName(m[1]))) required.add(packageName(m[1]));
        }
        assert.deepStrictEqual(Object.keys(manifest.dependencies).sort(), [...required].sort());
        assert.ok(!("@pulumi/awsx" in manifest.dependencies), "awsx is used for types only");
        for (const [name, version] of Object.entries<string>(manifest.dependencies)) {
            assert.match(version, /^\d+\.\d+\.\d+(-[\w.]+)?$/, `${name} is not pinned: ${version}`);
            assert.strictEqual(version, ROOT_LOCK.packages[`node_modules/${name}`].version.replace(/^v/, ""), `${name}: the version this repository tests`);
        }
        assert.strictEqual(manifest.version, JSON.parse(fs.readFileSync(path.join(LOCAL_PACK, "package.json"), "utf8")).version);
        assert.strictEqual(String(parseYaml(fs.readFileSync(path.join(installed, "PulumiPolicy.yaml"), "utf8")).version), manifest.version);
    });

    it("npm install in the unpacked pack installs every package at the version of this repository's lockfile", () => {
        const shrinkwrap = JSON.parse(fs.readFileSync(path.join(installed, "npm-shrinkwrap.json"), "utf8"));
        const actual = installedVersions(installed);
        const locked = Object.entries<{ version: string }>(shrinkwrap.packages).filter(([key]) => key !== "");
        assert.ok(locked.length > 100, `only ${locked.length} packages locked`);
        const differ = locked
            .filter(([key, entry]) => actual.get(key) !== entry.version || ROOT_LOCK.packages[key]?.version !== entry.version)
            .map(([key, entry]) => `${key}: locked ${entry.version}, installed ${actual.get(key)}, repository ${ROOT_LOCK.packages[key]?.version}`);
        assert.deepStrictEqual(differ, []);
    });

    describe("started with the SDK's own run-policy-pack, as the CLI's Node language host starts it", () => {
        let cliPack: PolicyPackProcess;
        let localPack: PolicyPackProcess;
        before(async () => {
            [cliPack, localPack] = await Promise.all([startPolicyPack(installed, { asCli: true }), startPolicyPack(LOCAL_PACK)]);
        });
        after(async () => {
            await Promise.all([cliPack?.close(), localPack?.close()]);
        });

        it("describes itself as the local pack does: name, version, every policy with its level, metadata and config schema", () => {
            assert.strictEqual(cliPack.info.name, build.name);
            assert.strictEqual(cliPack.info.version, build.version);
            assert.deepStrictEqual(cliPack.info, localPack.info);
        });
    });

    for (const stack of ["production", "staging"]) {
        describe(`judging the ${stack} plan`, () => {
            let plan: Plan;
            let local: Finding[];
            before(async function () {
                this.timeout(600_000);
                plan = await runPlan(loadProject(ROOT, stack));
                local = await judge(LOCAL_PACK, plan, stack, {});
            });

            it("the installed pack started exactly as the CLI starts it gives the local pack's verdicts", async () => {
                assert.ok(local.length > 0, "the local pack reported nothing: nothing to compare");
                assert.deepStrictEqual(comparable(await judge(installed, plan, stack, { asCli: true })), comparable(local));
            });

            it("the offline preview with --policy-pack <installed pack> writes the local pack's findings to preview.json", () => {
                const out = tempDir(`policy-pack-preview-${stack}-`);
                const args = ["--stack", stack, "--policy-pack", installed, "--policy-pack-config", path.join(LOCAL_PACK, "config", `${stack}.json`), "--out", out];
                const run = spawnSync(process.execPath, [path.join(ROOT, "scripts/preview/bin.cjs"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
                assert.ok(run.status === 0 || run.status === 1, `exit ${run.status}: ${run.stderr}`);
                const result: PreviewResult = JSON.parse(fs.readFileSync(path.join(out, "preview.json"), "utf8"));
                assert.strictEqual(result.policyPack?.directory, installed);
                assert.deepStrictEqual(comparable(result.findings.filter((f) => f.policyName !== "preview-uninspected-component")), comparable(local));
            });
        });
    }
});
