import { execFileSync } from "child_process";
import * as esbuild from "esbuild";
import * as fs from "fs";
import { builtinModules } from "module";
import * as path from "path";
import { parse as parseYaml } from "yaml";

/**
 * `npm run policies:build [-- --out <dir>]`: the publishable policy pack (default `dist/policy-pack/`), a directory
 * that holds everything `pulumi policy publish` uploads (`npm pack` of the directory) and Pulumi installs (the
 * tarball's `package/`, then `npm install` there):
 *
 * - `index.js` (+ `index.js.map`): `policies/index.ts` and every file of this repository it imports (`policies/`,
 *   `lib/`), bundled by esbuild; packages stay external (they are installed, not copied).
 * - `assets/`: files the sources read at run time through `path.join(__dirname, "<literal>")` (the generated data of
 *   `policies/data/`), at the same relative place, the references rewritten to match.
 * - `package.json`: the pack's name, version and description from `policies/package.json`; as dependencies, exactly the
 *   packages the bundle imports (its externals) plus `@pulumi/pulumi` (the language host starts the pack with
 *   `@pulumi/pulumi/cmd/run-policy-pack` resolved from the pack directory), each pinned to the version installed here,
 *   the one the tests run.
 * - `npm-shrinkwrap.json`: the whole dependency tree at the versions of this repository's `package-lock.json` (npm
 *   never packs a `package-lock.json`; it packs a shrinkwrap, and `npm install` in the installed pack follows it).
 * - `PulumiPolicy.yaml`, whose `version` must equal `policies/package.json`'s (the CLI reports the YAML's, the policy SDK
 *   reads package.json's).
 */
const ROOT = path.resolve(__dirname, "../..");
const PACK_SOURCE = path.join(ROOT, "policies");
/** Written into the output directory: what this build wrote, so the next build removes exactly that and nothing else. */
const MANIFEST = ".policy-pack-build.json";

export interface PackBuild {
    outDir: string;
    name: string;
    version: string;
    /** Package name → exact version, as written to package.json. */
    dependencies: Record<string, string>;
    /** Files written, relative to outDir. */
    files: string[];
}

function fail(message: string): never {
    throw new Error(`policies:build: ${message}`);
}

/** `@scope/name/sub/path` → `@scope/name`; `name/sub` → `name`. */
export function packageName(request: string): string {
    const parts = request.split("/");
    return request.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function isBuiltin(request: string): boolean {
    return request.startsWith("node:") || builtinModules.includes(request) || builtinModules.includes(packageName(request));
}

/** The installed package.json of `name` as Node resolves it from `from` (walking up node_modules, ignoring `exports`). */
function installedManifest(name: string, from: string): { version: string; directory: string } {
    for (let dir = from; ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "node_modules", name, "package.json");
        if (fs.existsSync(manifest)) {
            // Some packages publish their version with a leading v (@pulumi/policy: "v1.21.0"); npm normalizes it away.
            return { version: String(JSON.parse(fs.readFileSync(manifest, "utf8")).version).replace(/^v/, ""), directory: path.dirname(manifest) };
        }
        if (path.dirname(dir) === dir) fail(`${name} is imported by the pack but not installed (run npm ci)`);
    }
}

const DIRNAME_REFERENCE = /\bpath\.(join|resolve)\(\s*__dirname\s*,\s*(["'])([^"'`]+)\2\s*\)/g;

/**
 * Moves files read through `path.join(__dirname, "<literal>")` next to the bundle: in the bundle `__dirname` is the
 * output directory, so each reference is rewritten to `assets/<path from the repository root>` and the file copied
 * there. Any other use of `__dirname` in the pack's sources cannot be relocated and fails the build.
 */
function relocateAssets(assets: Map<string, string>): esbuild.Plugin {
    return {
        name: "relocate-dirname-assets",
        setup(build) {
            build.onLoad({ filter: /\.[cm]?tsx?$/ }, (args) => {
                if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
                const source = fs.readFileSync(args.path, "utf8");
                if (!source.includes("__dirname")) return undefined;
                const rewritten = source.replace(DIRNAME_REFERENCE, (_match, fn: string, quote: string, relative: string) => {
                    const target = path.resolve(path.dirname(args.path), relative);
                    if (!fs.existsSync(target)) fail(`${path.relative(ROOT, args.path)} reads ${relative}, which does not exist`);
                    const asset = path.posix.join("assets", path.relative(ROOT, target).split(path.sep).join("/"));
                    assets.set(asset, target);
                    return `path.${fn}(__dirname, ${quote}${asset}${quote})`;
                });
                const left = rewritten.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
                if (/\b__dirname\b/.test(left.replace(/path\.(join|resolve)\(\s*__dirname\s*,\s*(["'])assets\/[^"']+\2\s*\)/g, ""))) {
                    fail(`${path.relative(ROOT, args.path)} uses __dirname in a form the pack build cannot relocate; use path.join(__dirname, "<relative path>")`);
                }
                return { contents: rewritten, loader: "ts" };
            });
        },
    };
}

/** Removes what the previous build wrote (listed in its manifest); refuses a non-empty directory it did not write. */
function clearPreviousBuild(outDir: string): void {
    if (!fs.existsSync(outDir)) return;
    const manifestFile = path.join(outDir, MANIFEST);
    const entries = fs.readdirSync(outDir);
    if (!fs.existsSync(manifestFile)) {
        if (entries.length > 0) fail(`${outDir} is not empty and was not written by policies:build; choose another --out`);
        return;
    }
    const previous: string[] = JSON.parse(fs.readFileSync(manifestFile, "utf8")).files;
    for (const file of previous) fs.rmSync(path.join(outDir, file), { force: true });
    fs.rmSync(manifestFile);
    // Only now-empty directories the build created (assets/...) go; node_modules from `npm ci` for publishing stays.
    const assets = path.join(outDir, "assets");
    if (fs.existsSync(assets) && fs.readdirSync(assets, { recursive: true }).every((f) => fs.statSync(path.join(assets, String(f))).isDirectory())) {
        fs.rmSync(assets, { recursive: true });
    }
}

export async function buildPolicyPack(outDir = path.join(ROOT, "dist", "policy-pack")): Promise<PackBuild> {
    outDir = path.resolve(outDir);
    const sourceManifest = JSON.parse(fs.readFileSync(path.join(PACK_SOURCE, "package.json"), "utf8"));
    const project = parseYaml(fs.readFileSync(path.join(PACK_SOURCE, "PulumiPolicy.yaml"), "utf8"));
    if (project.version !== undefined && String(project.version) !== sourceManifest.version) {
        fail(`policies/PulumiPolicy.yaml version ${project.version} differs from policies/package.json version ${sourceManifest.version}; bump both`);
    }
    clearPreviousBuild(outDir);
    fs.mkdirSync(outDir, { recursive: true });
    const files = ["index.js", "index.js.map", "PulumiPolicy.yaml", "package.json", "package-lock.json", "npm-shrinkwrap.json"];
    // Recorded before anything is written, so a build that fails half-way is still cleared by the next one.
    const record = () => fs.writeFileSync(path.join(outDir, MANIFEST), `${JSON.stringify({ files }, null, 2)}\n`);
    record();

    const assets = new Map<string, string>();
    const result = await esbuild.build({
        entryPoints: [path.join(PACK_SOURCE, "index.ts")],
        outfile: path.join(outDir, "index.js"),
        bundle: true,
        platform: "node",
        format: "cjs",
        target: "node22",
        packages: "external",
        sourcemap: "linked",
        sourcesContent: true,
        sourceRoot: "",
        keepNames: true,
        metafile: true,
        logLevel: "silent",
        plugins: [relocateAssets(assets)],
    });
    if (result.warnings.length > 0) {
        fail(`esbuild warnings:\n${(await esbuild.formatMessages(result.warnings, { kind: "warning" })).join("\n")}`);
    }

    // The runtime dependencies are what the bundle itself imports (its output's imports: an input's import that only
    // names types is recorded there too, but dropped from the output), plus the runner the language host starts.
    const externals = new Set<string>(["@pulumi/pulumi"]);
    for (const output of Object.values(result.metafile.outputs)) {
        for (const imported of output.imports) {
            if (imported.external && !isBuiltin(imported.path)) externals.add(packageName(imported.path));
        }
    }
    const dependencies = Object.fromEntries([...externals].sort().map((name) => [name, installedManifest(name, PACK_SOURCE).version]));

    for (const [asset, source] of [...assets].sort()) {
        fs.mkdirSync(path.dirname(path.join(outDir, asset)), { recursive: true });
        fs.copyFileSync(source, path.join(outDir, asset));
        files.push(asset);
    }
    record();
    fs.copyFileSync(path.join(PACK_SOURCE, "PulumiPolicy.yaml"), path.join(outDir, "PulumiPolicy.yaml"));
    const rootManifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    const manifest = {
        name: sourceManifest.name,
        version: sourceManifest.version,
        description: sourceManifest.description,
        // Not an npm package: `pulumi policy publish` uploads it to Pulumi Cloud. Private keeps it off the registry.
        private: true,
        license: rootManifest.license,
        main: "index.js",
        engines: rootManifest.engines,
        // npm packs a shrinkwrap only when `files` names it.
        files: ["index.js", "index.js.map", "PulumiPolicy.yaml", "npm-shrinkwrap.json", ...(assets.size > 0 ? ["assets/"] : [])],
        dependencies,
    };
    fs.writeFileSync(path.join(outDir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);

    // The lockfile: this repository's, pruned by npm to the pack's dependencies, so every transitive package keeps the
    // version the tests ran with (npm keeps locked versions that still satisfy). No install, no scripts.
    const lock = path.join(outDir, "package-lock.json");
    fs.copyFileSync(path.join(ROOT, "package-lock.json"), lock);
    fs.rmSync(path.join(outDir, "npm-shrinkwrap.json"), { force: true });
    try {
        execFileSync("npm", ["install", "--package-lock-only", "--ignore-scripts", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"], { cwd: outDir, stdio: ["ignore", "pipe", "pipe"] });
    } catch (err) {
        fs.rmSync(lock, { force: true });
        fail(`npm could not resolve the pack's lockfile: ${(err as { stderr?: Buffer }).stderr?.toString() ?? err}`);
    }
    fs.renameSync(lock, path.join(outDir, "npm-shrinkwrap.json"));
    return { outDir, name: manifest.name, version: manifest.version, dependencies, files };
}

if (require.main === module) {
    const args = process.argv.slice(2);
    const at = args.indexOf("--out");
    const out = at >= 0 ? args[at + 1] : undefined;
    if (at >= 0 && !out) {
        console.error("policies:build: --out needs a directory");
        process.exit(2);
    }
    buildPolicyPack(out ? path.resolve(process.env.INIT_CWD ?? process.cwd(), out) : undefined).then(
        (build) => {
            console.log(`${build.name}@${build.version} → ${path.relative(process.cwd(), build.outDir) || "."}`);
            for (const [name, version] of Object.entries(build.dependencies)) console.log(`  ${name} ${version}`);
        },
        (err: Error) => {
            console.error(err.message);
            process.exit(1);
        },
    );
}
