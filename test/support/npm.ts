import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

/**
 * npm as a user (or the Pulumi CLI) runs it, for the packaging tests: `npm pack` a directory, unpack or install the
 * tarball elsewhere. Installs read npm's cache first (`--prefer-offline`): the same packages, without asking the
 * registry again for metadata it already has.
 */
export function npm(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): string {
    try {
        return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
    } catch (err) {
        const e = err as { stdout?: string; stderr?: string; message: string };
        throw new Error(`npm ${args.join(" ")} in ${cwd} failed: ${e.stderr || e.stdout || e.message}`, { cause: err });
    }
}

/** `npm pack` of `dir` into `destination`: the tarball's path and the files npm put in it (paths inside `package/`). */
export function npmPack(dir: string, destination: string): { tarball: string; files: string[] } {
    const [packed] = JSON.parse(npm(["pack", "--json", "--loglevel=error", "--pack-destination", destination], dir));
    return { tarball: path.join(destination, packed.filename), files: packed.files.map((f: { path: string }) => f.path).sort() };
}

/** Installs in `dir` as the Pulumi CLI's Node language host does (`npm install --loglevel=error`), from npm's cache where it can. */
export function npmInstall(dir: string, extra: string[] = []): void {
    npm(["install", "--loglevel=error", "--prefer-offline", "--no-audit", "--no-fund", ...extra], dir);
}

/** A new empty directory outside the repository (under the OS temp directory). */
export function tempDir(prefix: string): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The version of every package installed under `dir`'s node_modules, keyed as in a lockfile (`node_modules/a/node_modules/b`). */
export function installedVersions(dir: string): Map<string, string> {
    const versions = new Map<string, string>();
    const visit = (modules: string, prefix: string) => {
        if (!fs.existsSync(modules)) return;
        for (const entry of fs.readdirSync(modules)) {
            if (entry.startsWith(".")) continue;
            const names = entry.startsWith("@") ? fs.readdirSync(path.join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
            for (const name of names) {
                const manifest = path.join(modules, name, "package.json");
                if (!fs.existsSync(manifest)) continue;
                const key = `${prefix}node_modules/${name}`;
                versions.set(key, String(JSON.parse(fs.readFileSync(manifest, "utf8")).version).replace(/^v/, ""));
                visit(path.join(modules, name, "node_modules"), `${key}/`);
            }
        }
    };
    visit(path.join(dir, "node_modules"), "");
    return versions;
}
