// Loads TypeScript the way the Pulumi CLI's Node host does (`@pulumi/pulumi/cmd/run`): the TypeScript compiler (the
// project's own `typescript` when it has one, else this tool's), the host's defaults (target ES2020, module
// nodenext/commonjs, source maps) under the project's tsconfig.json compilerOptions. Transpile-only, as the host does
// with PULUMI_NODEJS_TRANSPILE_ONLY=true; the type check runs separately (typecheck.cjs), cached by content.
// Unlike tsx, the compiler keeps functions as written, so Pulumi's closure serialization (aws.lambda.CallbackFunction,
// pulumi.runtime.serializeFunction) sees the same code as under the CLI.
//
// Output is cached on disk, keyed by the file's content, the compiler options and the TypeScript version, with an
// inline source map so error locations are TypeScript lines.
//
// Use: `node --require scripts/preview/ts-register.cjs …` with PLATFORM_PREVIEW_PROGRAM_DIR naming the project whose
// tsconfig.json applies (files of this tool outside it use the tool's own tsconfig.json).
/* global require, module, process, __dirname, Buffer */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const os = require("os");
const path = require("path");

const TOOL_ROOT = path.resolve(__dirname, "../..");

/** Where compiled files and type-check results live: outside every project, never inside what we preview. */
function cacheDir() {
    const base = process.env.PLATFORM_PREVIEW_CACHE || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache"), "platform-preview");
    return base;
}

function sha256(...parts) {
    const hash = crypto.createHash("sha256");
    for (const part of parts) hash.update(part).update("\0");
    return hash.digest("hex");
}

/** The project's own `typescript` if it has one, else this tool's (the CLI falls back to the SDK's vendored copy). */
function typescriptPath(projectDir) {
    try {
        return require.resolve("typescript", { paths: [projectDir] });
    } catch {
        return require.resolve("typescript", { paths: [TOOL_ROOT] });
    }
}

function typescriptFor(projectDir) {
    return require(typescriptPath(projectDir));
}

/**
 * The compiler options the CLI's host gives ts-node for a project: its defaults, then the project's tsconfig.json
 * compilerOptions over them (with `extends` followed). `tsconfig` is null when the project has none.
 */
function projectOptions(projectDir, ts) {
    const configFile = path.join(projectDir, process.env.PULUMI_NODEJS_TSCONFIG_PATH || "tsconfig.json");
    const nodeNext = Number(ts.version.split(".")[0]) > 4 || (ts.version.startsWith("4.") && Number(ts.version.split(".")[1]) >= 7);
    const defaults = {
        target: "ES2020",
        module: nodeNext ? "nodenext" : "commonjs",
        moduleResolution: nodeNext ? "nodenext" : "node",
        sourceMap: true,
    };
    let raw = {};
    let options = ts.convertCompilerOptionsFromJson(defaults, projectDir).options;
    const exists = fs.existsSync(configFile);
    if (exists) {
        const read = ts.readConfigFile(configFile, ts.sys.readFile);
        if (!read.error) {
            raw = (read.config && read.config.compilerOptions) || {};
            const parsed = ts.parseJsonConfigFileContent(read.config, ts.sys, projectDir, undefined, configFile);
            options = { ...options, ...parsed.options };
        }
    }
    return { options, raw, tsconfig: exists ? configFile : null };
}

/** Options for transpiling one file to CommonJS that `require` can run, with an inline source map. */
function emitOptions(options, ts) {
    const emit = { ...options, inlineSourceMap: true, inlineSources: false, sourceMap: false, declaration: false, declarationMap: false, emitDeclarationOnly: false, noEmit: false, composite: false, incremental: false };
    delete emit.outDir;
    delete emit.outFile;
    delete emit.tsBuildInfoFile;
    const cjsCompatible = [ts.ModuleKind.CommonJS, ts.ModuleKind.Node16, ts.ModuleKind.NodeNext, ts.ModuleKind.Node18].filter((k) => k !== undefined);
    // The program is loaded with `require`: ES module output (module: esnext) could not run there.
    if (!cjsCompatible.includes(emit.module)) {
        emit.module = ts.ModuleKind.CommonJS;
    }
    return emit;
}

/**
 * What decides the compiler's output besides the file itself, without loading the compiler: its version and the
 * project's tsconfig.json text (and the relative `extends` chain). Loading TypeScript costs a few hundred milliseconds,
 * paid only when something must be compiled.
 */
function configFingerprint(projectDir, tsPath) {
    const parts = [fs.readFileSync(path.join(path.dirname(path.dirname(tsPath)), "package.json"), "utf8").match(/"version"\s*:\s*"([^"]+)"/)[1]];
    let file = path.join(projectDir, process.env.PULUMI_NODEJS_TSCONFIG_PATH || "tsconfig.json");
    for (let depth = 0; depth < 10 && file && fs.existsSync(file); depth++) {
        const text = fs.readFileSync(file, "utf8");
        parts.push(file, text);
        const base = /"extends"\s*:\s*"(\.[^"]+)"/.exec(text);
        file = base ? path.resolve(path.dirname(file), base[1].endsWith(".json") ? base[1] : `${base[1]}.json`) : undefined;
    }
    return sha256(...parts);
}

const projects = new Map();
function projectFor(file) {
    const programDir = process.env.PLATFORM_PREVIEW_PROGRAM_DIR ? path.resolve(process.env.PLATFORM_PREVIEW_PROGRAM_DIR) : undefined;
    const inside = (dir) => file === dir || file.startsWith(dir + path.sep);
    const dir = programDir && inside(programDir) ? programDir : inside(TOOL_ROOT) ? TOOL_ROOT : programDir || TOOL_ROOT;
    let project = projects.get(dir);
    if (!project) {
        const tsPath = typescriptPath(dir);
        let compiler;
        project = {
            key: configFingerprint(dir, tsPath),
            /** The compiler and its options, loaded on the first cache miss. */
            compiler() {
                if (!compiler) {
                    const ts = require(tsPath);
                    compiler = { ts, compilerOptions: emitOptions(projectOptions(dir, ts).options, ts) };
                }
                return compiler;
            },
        };
        projects.set(dir, project);
    }
    return project;
}

/** Compiled output of the files this process loaded, for {@link originalPosition}. */
const compiled = new Map();
const sourceMaps = new Map();

/**
 * The TypeScript position of a 1-based line/column in a file this loader compiled (the input is returned for others).
 * For processes that keep Node's own source-map support off (it maps every frame of every stack trace, which the SDK
 * captures for each resource it registers) and map only the positions they report.
 */
function originalPosition(file, line, column) {
    const output = compiled.get(file);
    if (!output) return { line, column };
    let map = sourceMaps.get(file);
    if (map === undefined) {
        const match = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(output);
        map = match ? new (require("module").SourceMap)(JSON.parse(Buffer.from(match[1], "base64").toString("utf8"))) : null;
        sourceMaps.set(file, map);
    }
    const entry = map ? map.findEntry(line - 1, Math.max(0, (column || 1) - 1)) : undefined;
    return entry && typeof entry.originalLine === "number" ? { line: entry.originalLine + 1, column: entry.originalColumn + 1 } : { line, column };
}

/**
 * Writes a file of the preview's cache: to a temporary file, then renamed, so a concurrent reader never sees half a
 * file. A cache that cannot be written (read-only) only costs speed: nothing is thrown.
 */
function writeCacheFile(file, content) {
    try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temp, content);
        fs.renameSync(temp, file);
    } catch {
        // Read-only or full: the next run computes it again.
    }
}

/** Transpiles one file (from the cache when its content, options and compiler are unchanged). */
function transpile(file, source) {
    const project = projectFor(file);
    const key = sha256(project.key, file, source);
    const cached = path.join(cacheDir(), "js", key.slice(0, 2), `${key}.js`);
    try {
        return fs.readFileSync(cached, "utf8");
    } catch {
        // Not compiled yet.
    }
    const { ts, compilerOptions } = project.compiler();
    const output = ts.transpileModule(source, { fileName: file, compilerOptions, reportDiagnostics: false }).outputText;
    writeCacheFile(cached, output);
    return output;
}

let registered = false;
function register() {
    if (registered) return;
    registered = true;
    const Module = require("module");
    const packProcess = process.env.PLATFORM_PREVIEW_REPLACE_TS_NODE === "1";
    // Stack traces in TypeScript lines, unless the process maps the positions it reports itself (originalPosition). A
    // pack's runner installs source-map-support, whose stack formatting replaces Node's: there the compiled output is
    // handed to it below, as ts-node does (Node's own maps would cost every module a scan and map nothing).
    if (process.env.PLATFORM_PREVIEW_NATIVE_SOURCE_MAPS !== "0" && !packProcess) {
        process.setSourceMapsEnabled(true);
    }
    if (packProcess) {
        // The SDK's pack runner turns on --allow-natives-syntax once it runs (runtime/closure/v8Hooks). V8 rejects code
        // cached under other flags, so without this every module of a pack compiled from scratch on every start.
        require("v8").setFlagsFromString("--allow-natives-syntax");
    }
    // V8's code cache for every module this process loads (Node's NODE_COMPILE_CACHE): the same code, compiled once.
    // @pulumi/aws alone is tens of megabytes of JavaScript that each process would otherwise compile again.
    if (typeof Module.enableCompileCache === "function" && !process.env.NODE_COMPILE_CACHE) {
        try {
            Module.enableCompileCache(path.join(cacheDir(), "v8"));
            if (packProcess && typeof Module.flushCompileCache === "function") {
                // The engine ends a pack with SIGTERM, which would exit before Node writes the cache: write it first.
                process.once("SIGTERM", () => {
                    Module.flushCompileCache();
                    process.exit(143);
                });
            }
        } catch {
            // No cache: slower, not different.
        }
    }
    const compile = function (module, filename) {
        const source = fs.readFileSync(filename, "utf8");
        const output = transpile(filename, source);
        compiled.set(filename, output);
        module._compile(output, filename);
    };
    // Not .mts: ES modules are loaded by the CLI through its ESM hooks, not by require.
    for (const ext of [".ts", ".tsx", ".cts"]) {
        Module._extensions[ext] = compile;
    }
    const load = Module._load;
    const sdkFile = (parent, pattern) => parent && pattern.test(parent.filename || "");
    const typescriptRequest = (request) => request === "typescript" || /[\\/]typescript@[^\\/]+[\\/]typescript\.js$/.test(request);
    /** The module `request` names, loaded when first used (resolved now, so a missing one still throws here). */
    const lazy = (self, request, parent, rest, known = {}) => {
        Module._resolveFilename(request, parent);
        let real;
        const target = () => (real ??= load.call(self, request, parent, ...rest));
        return new Proxy({}, {
            get: (_, key) => (Object.hasOwn(known, key) ? known[key] : Reflect.get(target(), key)),
            has: (_, key) => Object.hasOwn(known, key) || Reflect.has(target(), key),
            ownKeys: () => Reflect.ownKeys(target()),
            getOwnPropertyDescriptor: (_, key) => {
                const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
                return descriptor && { ...descriptor, configurable: true };
            },
            set: (_, key, value) => Reflect.set(target(), key, value),
        });
    };
    const sdkShim = /[\\/]@pulumi[\\/]pulumi[\\/]typescript-shim\.js$/;
    const sdkCodePaths = /[\\/]@pulumi[\\/]pulumi[\\/]runtime[\\/]closure[\\/]codePaths\.js$/;
    const sdkRunner = /[\\/]@pulumi[\\/]pulumi[\\/](tsutils\.js|cmd[\\/]run-policy-pack[\\/])/;
    const sdkTsutils = /[\\/]@pulumi[\\/]pulumi[\\/]tsutils\.js$/;
    // A policy pack started as the CLI starts it (`node <sdk>/cmd/run-policy-pack`): the runner registers ts-node
    // (type check included) itself. This hook already compiles with the same compiler and options, and the type
    // check runs separately, cached (typecheck.cjs): the runner's ts-node registration becomes a no-op.
    const tsNodeStub = { VERSION: "platform-preview", register: () => ({}) };
    Module._load = function (request, parent, ...rest) {
        // The SDK's closure serializer loads the TypeScript compiler with @pulumi/pulumi (~70 ms of every process that
        // loads the SDK) and uses it only to serialize a function: load it then.
        if (sdkFile(parent, sdkShim) && typescriptRequest(request)) {
            return lazy(this, request, parent, rest);
        }
        // Likewise npm's Arborist (with pacote, sigstore and an HTTP cache: ~160 ms), which the SDK uses only to find
        // the node_modules a serialized function needs (`new arborist.Arborist(...)` in computeCodePaths). The SDK
        // imports it through `__importStar`, which would copy every export (and load it) unless the module says it is
        // an ES module: it then keeps this object, whose `Arborist` loads the real one when used.
        if (sdkFile(parent, sdkCodePaths) && request === "@npmcli/arborist") {
            return lazy(this, request, parent, rest, { __esModule: true });
        }
        if (packProcess) {
            if (request === "ts-node" || /[\\/]ts-node@[^\\/]+[\\/]?$/.test(request)) {
                return tsNodeStub;
            }
            if (request === "source-map-support/register" && sdkFile(parent, sdkRunner)) {
                const loaded = load.call(this, request, parent, ...rest);
                // ts-node's part: source-map-support reads the compiled output (with its inline map), not the .ts file.
                load.call(this, "source-map-support", parent, ...rest).install({
                    retrieveFile: (file) => compiled.get(file.startsWith("file://") ? require("url").fileURLToPath(file) : file) ?? null,
                });
                return loaded;
            }
            // The runner reads the compiler's version and the tsconfig.json compilerOptions only to configure ts-node,
            // replaced above (this loader reads tsconfig.json itself): neither needs the compiler loaded.
            if (sdkFile(parent, sdkRunner) && typescriptRequest(request)) {
                const resolved = Module._resolveFilename(request, parent);
                const pkg = path.join(path.dirname(path.dirname(resolved)), "package.json");
                const version = fs.existsSync(pkg) ? JSON.parse(fs.readFileSync(pkg, "utf8")).version : undefined;
                return lazy(this, request, parent, rest, version ? { version } : {});
            }
            if (sdkFile(parent, sdkTsutils) && request === "./typescript-shim") {
                return lazy(this, request, parent, rest, { parseConfigFileTextToJson: () => ({ config: {} }) });
            }
        }
        return load.call(this, request, parent, ...rest);
    };
}

module.exports = { register, transpile, originalPosition, projectOptions, typescriptFor, typescriptPath, cacheDir, sha256, writeCacheFile, TOOL_ROOT };
