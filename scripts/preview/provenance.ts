import { execFileSync } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { Provenance } from "./model";

/**
 * Provenance of a verdict: which commit, which pack (by content), which policy config (by content), which tool, when.
 * Hashes are of bytes a reviewer can check by hand (`sha256sum policies/config/production.json`).
 */

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** The program's commit: git of its directory (what was judged), else GITHUB_SHA, else unknown. */
export function commitOf(directory: string, env: NodeJS.ProcessEnv = process.env): Pick<Provenance, "commit" | "commitSource" | "dirty"> {
    try {
        const git = (...args: string[]) => execFileSync("git", ["-C", directory, ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 }).trim();
        const commit = git("rev-parse", "HEAD");
        if (/^[0-9a-f]{40,64}$/.test(commit)) {
            return { commit, commitSource: "git", dirty: git("status", "--porcelain", "--untracked-files=no", "--", ".").length > 0 };
        }
    } catch {
        // Not a git checkout (an unpacked artifact): fall back to what CI says it checked out.
    }
    const sha = env.GITHUB_SHA;
    return sha && /^[0-9a-f]{7,64}$/.test(sha) ? { commit: sha, commitSource: "GITHUB_SHA" } : { commitSource: "unknown" };
}

const SOURCE = /\.(c|m)?[jt]s$/;
/** Relative module specifiers in a source file (`from "../lib/x"`, `require("./y")`, `import("./z")`). */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|^\s*import\s+)["'](\.{1,2}\/[^"']+)["']/gm;

function resolveImport(fromFile: string, specifier: string): string | undefined {
    const base = path.resolve(path.dirname(fromFile), specifier);
    for (const candidate of [base, `${base}.ts`, `${base}.js`, `${base}.json`, path.join(base, "index.ts"), path.join(base, "index.js")]) {
        if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
    }
    return undefined;
}

/**
 * The files that make up a pack: its directory (without node_modules and hidden files) and every file its sources
 * import by relative path, wherever it lives (this repository's pack imports lib/rules/). Sorted, absolute.
 */
export function packFiles(packDir: string): string[] {
    const root = path.resolve(packDir);
    const found = new Set<string>();
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.isFile()) found.add(full);
        }
    };
    walk(root);
    const queue = [...found].filter((f) => SOURCE.test(f));
    while (queue.length > 0) {
        const file = queue.pop()!;
        for (const match of fs.readFileSync(file, "utf8").matchAll(RELATIVE_IMPORT)) {
            const target = resolveImport(file, match[1]);
            if (target && !found.has(target) && !target.split(path.sep).includes("node_modules")) {
                found.add(target);
                if (SOURCE.test(target)) queue.push(target);
            }
        }
    }
    return [...found].sort();
}

/** sha256 over each file's path (relative to the pack's parent, `/`-separated) and bytes. */
export function packContentHash(packDir: string): { contentHash: string; files: number } {
    const files = packFiles(packDir);
    const anchor = path.dirname(path.resolve(packDir));
    const hash = createHash("sha256");
    for (const file of files) {
        hash.update(`${path.relative(anchor, file).split(path.sep).join("/")}\0${sha256(fs.readFileSync(file))}\n`);
    }
    return { contentHash: `sha256:${hash.digest("hex")}`, files: files.length };
}

export function fileHash(file: string): string {
    return `sha256:${sha256(fs.readFileSync(file))}`;
}

/** A short form for one-line reports: `sha256:0123456789ab`. */
export function shortHash(hash: string | undefined): string {
    return hash ? hash.slice(0, "sha256:".length + 12) : "none";
}

/** One line: the same in the terminal, Markdown and HTML header. */
export function provenanceLine(p: Provenance): string {
    const commit = p.commit ? `commit ${p.commit.slice(0, 12)}${p.dirty ? " (uncommitted changes)" : ""} (${p.commitSource})` : "commit unknown";
    const pack = p.pack ? `pack ${p.pack.name}@${p.pack.version} ${shortHash(p.pack.contentHash)}` : "no pack";
    const config = p.policyConfig ? `config ${path.basename(p.policyConfig.file)} ${shortHash(p.policyConfig.hash)}` : "no policy config";
    return `${commit} · ${pack} · ${config} · ${p.tool.name} ${p.tool.version} · ${p.generatedAt}`;
}
