// The type check the Pulumi CLI's Node host runs on a TypeScript project (ts-node without transpileOnly): every
// TypeScript file the program loads, starting from its entry point, with the project's compiler options. It is skipped
// as the CLI skips it: PULUMI_NODEJS_TRANSPILE_ONLY=true, or `noCheck` in tsconfig.json (when that variable is unset).
//
// The result is cached by content: the entry's cache record lists every file the check read (project files by content
// hash, files under node_modules by size and mtime, tsconfig.json and the compiler's package.json included), so an
// unchanged project is not checked again. `cachedCheck` looks at that record without loading the compiler.
//
// As a process: `node typecheck.cjs <project dir> <entry file>` prints the result as JSON on stdout.
/* global require, module, process */
"use strict";
const fs = require("fs");
const path = require("path");
const { cacheDir, projectOptions, sha256, typescriptFor, typescriptPath, writeCacheFile } = require("./ts-loader.cjs");

/** ts-node's default ignored diagnostics (files outside `files`/`include`, and "no inputs found"). */
const IGNORED = new Set([6059, 18002, 18003]);
/** "Cannot find module …" in its forms (classic, bundler/nodenext hint, missing declarations). */
const UNRESOLVED = new Set([2307, 2792, 7016]);

/** Bumped when what a record covers changes (v2: node_modules and package.json lookups), so old records are not trusted. */
const CHECK_RECORD_VERSION = "v3";

function recordFile(projectDir, entry, env) {
    return path.join(cacheDir(), "check", `${sha256(CHECK_RECORD_VERSION, path.resolve(projectDir), path.resolve(entry), env.PULUMI_NODEJS_TRANSPILE_ONLY || "", env.PULUMI_NODEJS_TSCONFIG_PATH || "")}.json`);
}

function stamp(file) {
    try {
        const stat = fs.statSync(file);
        // A directory (a type root, node_modules): what is in it.
        if (stat.isDirectory()) return `dir:${sha256(fs.readdirSync(file).sort().join("\n"))}`;
        if (file.includes(`${path.sep}node_modules${path.sep}`)) return `${stat.size}:${stat.mtimeMs}`;
        return sha256(fs.readFileSync(file));
    } catch {
        return "missing";
    }
}

/** The cached result when every file the last check read is unchanged; undefined otherwise. */
function cachedCheck(projectDir, entry, env = process.env) {
    let record;
    try {
        record = JSON.parse(fs.readFileSync(recordFile(projectDir, entry, env), "utf8"));
    } catch {
        return undefined;
    }
    for (const [file, recorded] of Object.entries(record.files)) {
        if (stamp(file) !== recorded) return undefined;
    }
    return record.result;
}

/**
 * Type-checks the project from its entry point. Returns `{ checked: false, reason }` when the CLI would not check, else
 * `{ checked: true, errors: [{ file, line, column, code, message }] }` with files relative to the project.
 */
function check(projectDir, entry) {
    projectDir = path.resolve(projectDir);
    entry = path.resolve(entry);
    const ts = typescriptFor(projectDir);
    const { options, raw, tsconfig } = projectOptions(projectDir, ts);
    const env = process.env.PULUMI_NODEJS_TRANSPILE_ONLY;
    const inputs = [path.join(path.dirname(path.dirname(typescriptPath(projectDir))), "package.json")];
    // The tsconfig.json the options come from, present or not (a new one changes them), and every file it extends,
    // relative or from a package, as the compiler resolved them.
    const configFiles = [path.join(projectDir, process.env.PULUMI_NODEJS_TSCONFIG_PATH || "tsconfig.json")];
    if (tsconfig) {
        const source = ts.readJsonConfigFile(tsconfig, ts.sys.readFile);
        ts.parseJsonSourceFileConfigFileContent(source, ts.sys, projectDir, undefined, tsconfig);
        configFiles.push(...(source.extendedSourceFiles || []));
    }
    // Every location module resolution looked at and did not find (a new `x.ts` takes over `x/index.ts`, a new package
    // or `exports` entry), and the package.json files that shaped a resolution: any of them appearing or changing can
    // change what the program is, so each is part of the record.
    // Resolutions made from installed packages are left out: those files change only with an install, which the
    // node_modules stamps below catch (and recording them would make every cached lookup stat tens of thousands of paths).
    const lookedUp = new Set();
    const noteResolution = (resolution, containingFile) => {
        if (containingFile.includes(`${path.sep}node_modules${path.sep}`)) return;
        for (const file of resolution.failedLookupLocations || []) lookedUp.add(file);
        for (const file of resolution.affectingLocations || []) lookedUp.add(file);
    };
    let result;
    let files = [];
    if (env ? env === "true" : raw.noCheck === true) {
        result = { checked: false, reason: env ? "PULUMI_NODEJS_TRANSPILE_ONLY=true" : "noCheck in tsconfig.json" };
    } else if (!/\.[cm]?tsx?$/.test(entry)) {
        result = { checked: false, reason: "JavaScript program" };
    } else {
        const checkOptions = { ...options, noEmit: true, declaration: false, composite: false, incremental: false, emitDeclarationOnly: false };
        const host = ts.createCompilerHost(checkOptions);
        const moduleCache = ts.createModuleResolutionCache(projectDir, (f) => host.getCanonicalFileName(f), checkOptions);
        host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, options, containingSourceFile) => literals.map((literal) => {
            const mode = ts.getModeForUsageLocation(containingSourceFile, literal, options);
            const resolution = ts.resolveModuleName(literal.text, containingFile, options, host, moduleCache, redirectedReference, mode);
            noteResolution(resolution, containingFile);
            return resolution;
        });
        host.resolveTypeReferenceDirectiveReferences = (references, containingFile, redirectedReference, options, containingSourceFile) => references.map((reference) => {
            const name = typeof reference === "string" ? reference : reference.fileName.toLowerCase();
            const mode = typeof reference === "string" || !containingSourceFile ? undefined : ts.getModeForFileReference(reference, containingSourceFile.impliedNodeFormat);
            const resolution = ts.resolveTypeReferenceDirective(name, containingFile, options, host, redirectedReference, undefined, mode);
            noteResolution(resolution, containingFile);
            return resolution;
        });
        const program = ts.createProgram({ rootNames: [entry], options: checkOptions, host });
        const errors = [];
        const report = (diagnostic) => {
            if (diagnostic.category !== ts.DiagnosticCategory.Error || IGNORED.has(diagnostic.code)) return;
            const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n");
            if (diagnostic.file && diagnostic.start !== undefined) {
                const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
                errors.push({ file: path.relative(projectDir, diagnostic.file.fileName).split(path.sep).join("/"), line: line + 1, column: character + 1, code: diagnostic.code, message });
            } else {
                errors.push({ code: diagnostic.code, message });
            }
        };
        program.getOptionsDiagnostics().forEach(report);
        // As ts-node: the files the program loads (not declaration files, not node_modules).
        for (const sourceFile of program.getSourceFiles()) {
            files.push(sourceFile.fileName);
            if (sourceFile.isDeclarationFile || sourceFile.fileName.includes("/node_modules/")) continue;
            program.getSyntacticDiagnostics(sourceFile).forEach(report);
            program.getSemanticDiagnostics(sourceFile).forEach(report);
        }
        result = { checked: true, errors };
    }
    // What the check did NOT find matters too: `npm install` (a new or replaced node_modules, followed through a
    // symlink) or an edited package.json along the way up must check again.
    // The automatic type roots (`node_modules/@types` up the tree, or `typeRoots`): a new @types package is included.
    const lookups = [...lookedUp];
    for (let dir = projectDir; ; dir = path.dirname(dir)) {
        lookups.push(path.join(dir, "node_modules"), path.join(dir, "node_modules", "@types"), path.join(dir, "package.json"));
        if (path.dirname(dir) === dir) break;
    }
    for (const root of (result.checked && (projectOptions(projectDir, ts).options.typeRoots)) || []) lookups.push(root);
    const stamps = {};
    for (const file of [...inputs, ...configFiles, entry, ...files.map((f) => path.resolve(f)), ...lookups]) {
        stamps[file] = stamp(file);
    }
    // A module the compiler could not resolve is an install away from resolving: never cache that verdict.
    if (result.checked && result.errors.some((e) => UNRESOLVED.has(e.code))) {
        return result;
    }
    writeCacheFile(recordFile(projectDir, entry, process.env), JSON.stringify({ files: stamps, result }));
    return result;
}

module.exports = { check, cachedCheck };

if (require.main === module) {
    const [projectDir, entry] = process.argv.slice(2);
    try {
        process.stdout.write(JSON.stringify(check(projectDir, entry)));
    } catch (err) {
        process.stdout.write(JSON.stringify({ checked: false, failed: String((err && err.stack) || err) }));
        process.exitCode = 1;
    }
}
