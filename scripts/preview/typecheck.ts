import { spawn } from "child_process";
import * as path from "path";

/** One type error as the CLI's ts-node reports it (file relative to the project). */
export interface TypeError {
    file?: string;
    line?: number;
    column?: number;
    code: number;
    message: string;
}

export type TypeCheckResult =
    | { checked: true; errors: TypeError[] }
    | { checked: false; reason?: string; failed?: string };

const CHECKER = path.join(__dirname, "typecheck.cjs");
const checker: { cachedCheck(dir: string, entry: string, env: NodeJS.ProcessEnv): TypeCheckResult | undefined } = require(CHECKER);

/**
 * The CLI's type check of a TypeScript project from its entry point (see typecheck.cjs): from the on-disk cache when no
 * file it read has changed, else in a child process of its own, so it runs in parallel with planning.
 */
export function typeCheck(directory: string, entry: string, env: NodeJS.ProcessEnv = process.env): Promise<TypeCheckResult> {
    const cached = checker.cachedCheck(directory, entry, env);
    if (cached) {
        return Promise.resolve(cached);
    }
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [CHECKER, directory, entry], { cwd: directory, env, stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk) => (stdout += chunk));
        child.stderr.on("data", (chunk) => (stderr += chunk));
        child.on("error", (err) => resolve({ checked: false, failed: err.message }));
        child.on("exit", (code, signal) => {
            try {
                resolve(JSON.parse(stdout));
            } catch {
                resolve({ checked: false, failed: `type checker exited (${signal ?? `code ${code}`})${stderr.trim() ? `: ${stderr.trim().split("\n").slice(-3).join(" ")}` : ""}` });
            }
        });
    });
}

/** `index.ts:3: error TS2322: Type 'string' is not assignable to type 'number'.` — the first error on the first line. */
export function formatTypeErrors(errors: TypeError[], limit = 20): string {
    const line = (e: TypeError) => `${e.file ? `${e.file}:${e.line}: ` : ""}error TS${e.code}: ${e.message.split("\n").join(" ")}`;
    const [first, ...rest] = errors;
    const more = rest.slice(0, limit).map((e) => `\n  ${line(e)}`).join("");
    const beyond = rest.length > limit ? `\n  … and ${rest.length - limit} more` : "";
    return `${line(first)}${more}${beyond}`;
}
