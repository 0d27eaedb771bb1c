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
/* global require, module, process, __dirname */
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

const projects = new Map();
function projectFor(file) {
    const programDir = process.env.PLATFORM_PREVIEW_PROGRAM_DIR ? path.resolve(process.env.PLATFORM_PREVIEW_PROGRAM_DIR) : undefined;
    const inside = (dir) => file === dir || file.startsWith(dir + path.sep);
    const dir = programDir && inside(programDir) ? programDir : inside(TOOL_ROOT) ? TOOL_ROOT : programDir || TOOL_ROOT;
    let project = projects.get(dir);
    if (!project) {
        const ts = typescriptFor(dir);
        const { options } = projectOptions(dir, ts);
        const compilerOptions = emitOptions(options, ts);
        project = { ts, compilerOptions, key: sha256(ts.version, JSON.stringify(compilerOptions)) };
        projects.set(dir, project);
    }
    return project;
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
    const output = project.ts.transpileModule(source, { fileName: file, compilerOptions: project.compilerOptions, reportDiagnostics: false }).outputText;
    try {
        fs.mkdirSync(path.dirname(cached), { recursive: true });
        // Write then rename: a concurrent reader never sees half a file.
        const temp = `${cached}.${process.pid}.tmp`;
        fs.writeFileSync(temp, output);
        fs.renameSync(temp, cached);
    } catch {
        // A read-only cache only costs speed.
    }
    return output;
}

let registered = false;
function register() {
    if (registered) return;
    registered = true;
    process.setSourceMapsEnabled(true);
    const Module = require("module");
    const compile = function (module, filename) {
        const source = fs.readFileSync(filename, "utf8");
        module._compile(transpile(filename, source), filename);
    };
    for (const ext of [".ts", ".tsx", ".cts", ".mts"]) {
        Module._extensions[ext] = compile;
    }
}

module.exports = { register, transpile, projectOptions, typescriptFor, typescriptPath, cacheDir, sha256, TOOL_ROOT };
