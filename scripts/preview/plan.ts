import { ChildProcessByStdio, spawn } from "child_process";
import type { Readable } from "stream";
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath } from "url";
import type * as pulumi from "@pulumi/pulumi";
import { startEngine } from "./engine";
import { PreviewInputError } from "./errors";
import { hostCommand, locateRunner, runtimeOptions } from "./host";
import type { SourceLocation } from "./model";
import type { ProgramProject } from "./project";
import type { MockReport } from "./mocks/mocks";
import type { RegisteredResource } from "./plan-protocol";
import { formatTypeErrors, typeCheck } from "./typecheck";
const { cacheDir } = require("./ts-loader.cjs") as { cacheDir(): string };

export interface Plan {
    resources: RegisteredResource[];
    logs: Array<{ severity: string; message: string; urn?: string }>;
    /** Which data sources and stack references the mocks answered, and how. */
    mockReport?: MockReport;
}

/** The program imports a package that is not installed. */
class MissingDependencyError extends PreviewInputError {}

/** The one line for a worker that died on V8's heap limit (instead of the native stack frames V8 prints). */
function outOfMemory(output: string): boolean {
    return /JavaScript heap out of memory|Reached heap limit|Allocation failed/.test(output);
}

/**
 * Runs the program in a child process under the SDK's mock runtime and returns every registration, while the CLI's type
 * check of the program runs alongside (cached by content). As with the CLI, a type error fails the run before anything
 * the program did counts. Config reaches the program the way the CLI passes it: PULUMI_CONFIG and
 * PULUMI_CONFIG_SECRET_KEYS.
 */
export interface PlanOptions {
    /** Default 180 s. */
    timeoutMs?: number;
    /** The worker's V8 heap limit (`--max-old-space-size`); default Node's own. */
    heapLimitMiB?: number;
    /** `--mocks`: the user's own answers to data sources and resources. */
    userMocksModule?: string;
    /**
     * Called with each registration as the program makes it (registration order, providers before the resources that
     * use them), before the plan is complete: a caller may start work on it. Throwing here is the caller's problem.
     */
    onResource?: (resource: RegisteredResource) => void;
}

export async function runPlan(project: ProgramProject, options: PlanOptions = {}): Promise<Plan> {
    if (process.env.PLATFORM_PREVIEW_TYPECHECK === "runner" || !runtimeOptions(project.directory).typescript) {
        // The runner's own ts-node type check (or no TypeScript at all): exactly the CLI's run.
        return runProgram(project, options, false);
    }
    // The program first: the cache lookup of the check stats every file it read (thousands, with @pulumi/aws's types).
    const running = runProgram(project, options, true).then((plan) => ({ plan }), (error: unknown) => ({ error }));
    // The check's cache lookup waits a turn: the policy pack, started before the plan, is spawned in it.
    const checking = new Promise<void>((resolve) => setImmediate(resolve)).then(() => typeCheck(project.directory, project.main));
    const [checked, outcome] = await Promise.all([checking, running]);
    // Uninstalled dependencies first: the type errors they cause say less than `npm install` does.
    if ("error" in outcome && outcome.error instanceof MissingDependencyError) {
        throw outcome.error;
    }
    if (checked.checked && checked.errors.length > 0) {
        throw new PreviewInputError(`Program error at ${formatTypeErrors(checked.errors)}`);
    }
    if (!checked.checked && checked.failed) {
        throw new PreviewInputError(`Cannot type-check the program as the CLI does: ${checked.failed}`);
    }
    if ("error" in outcome) {
        throw outcome.error;
    }
    return outcome.plan;
}

/** ANSI colour codes (the runner prints errors with util.inspect colours on). */
function stripAnsi(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/\u001b\[[0-9;]*m/g, "");
}

/** A program's file (not a package's, not Node's): where an error is reported. */
function userFrame(stack: string, directory: string): SourceLocation | undefined {
    for (const line of stack.split("\n")) {
        const match = /^\s*at (?:.*\()?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?\s*$/.exec(line);
        if (!match) continue;
        const file = match[1].startsWith("file://") ? fileURLToPath(match[1]) : match[1];
        if (file.includes(`${path.sep}node_modules${path.sep}`)) continue;
        return { file: path.relative(directory, file).split(path.sep).join("/"), line: Number(match[2]), column: Number(match[3]) };
    }
    return undefined;
}

/**
 * The cause of a failed run from what the runner logged through the Engine service (`log.error`): the program's own
 * message and its first frame in the program's files; a TypeScript error as `file:line: error TSxxxx: …`.
 */
export function programFailure(message: string, directory: string): { message: string; location?: SourceLocation } {
    const text = stripAnsi(message);
    const unhandled = /^Running program '[^']*' failed with an unhandled exception:\n([\s\S]*)$/.exec(text);
    const body = unhandled ? unhandled[1] : text;
    const ts = /(?:^|\n)([^\s()][^()\n]*)\((\d+),(\d+)\): error (TS\d+): ([^\n]*)/.exec(body);
    if (ts) {
        const file = path.isAbsolute(ts[1]) ? path.relative(directory, ts[1]) : ts[1];
        return { message: `error ${ts[4]}: ${ts[5]}`, location: { file: file.split(path.sep).join("/"), line: Number(ts[2]), column: Number(ts[3]) } };
    }
    const lines = body.split("\n");
    const firstFrame = lines.findIndex((l) => /^\s+at /.test(l));
    const head = (firstFrame < 0 ? lines : lines.slice(0, firstFrame)).join("\n").trim();
    // `Error: msg` / `TypeError: msg` as util.inspect prints an error; a `{ … }` of extra properties may follow.
    const cleaned = head.replace(/^(?:[A-Z][A-Za-z]*Error|Error)(?: \[[A-Z_]+\])?: /, "").replace(/\s*\{[\s\S]*$/, "").trim() || head;
    return { message: cleaned, location: unhandled || firstFrame >= 0 ? userFrame(body, directory) : undefined };
}

/** A module the program imports is not installed: the `npm install` hint (the runner's own message says the same). */
function missingPackage(message: string, directory: string): string | undefined {
    const missing = /Cannot find (?:module|package) '([^']+)'/.exec(message)?.[1];
    if (!missing || missing.startsWith(".") || path.isAbsolute(missing)) {
        return undefined;
    }
    const name = missing.startsWith("@") ? missing.split("/").slice(0, 2).join("/") : missing.split("/")[0];
    return `the program imports "${name}", which is not installed: run \`npm install\` in ${packageRoot(directory)}`;
}

/** The directory where `npm install` would install the program's dependencies: its package root, else its own. */
function packageRoot(directory: string): string {
    for (let dir = directory; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json"))) {
            return dir;
        }
        if (path.dirname(dir) === dir) {
            return directory;
        }
    }
}

/**
 * Declaration order as a report reads it, deterministic run to run (registrations arrive as their inputs resolve):
 * parents before children, providers and dependencies before their users, then by URN.
 */
export function planOrder(resources: RegisteredResource[]): RegisteredResource[] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const before = (r: RegisteredResource) => [r.parent, r.provider ? r.provider.split("::").slice(0, -1).join("::") : "", ...r.dependencies].filter((u) => u && u !== r.urn && byUrn.has(u));
    const done = new Set<string>();
    const ordered: RegisteredResource[] = [];
    const visit = (r: RegisteredResource, path: Set<string>) => {
        if (done.has(r.urn) || path.has(r.urn)) return;
        path.add(r.urn);
        for (const urn of before(r).sort()) visit(byUrn.get(urn)!, path);
        path.delete(r.urn);
        done.add(r.urn);
        ordered.push(r);
    };
    for (const r of [...resources].sort((a, b) => (a.urn < b.urn ? -1 : a.urn > b.urn ? 1 : 0))) visit(r, new Set());
    return ordered;
}

/** `--mocks <module>`: its default export or its `mocks` export, as Pulumi's unit-test mocks are written. */
function loadUserMocks(file: string): Partial<pulumi.runtime.Mocks> {
    const loaded = require(file);
    const mocks = [loaded?.mocks, loaded?.default?.mocks, loaded?.default, loaded].find((m) => m && (typeof m.call === "function" || typeof m.newResource === "function"));
    if (!mocks) {
        throw new PreviewInputError(`--mocks ${file}: exports no mocks (a default or \`mocks\` export with call() and/or newResource())`);
    }
    return mocks;
}

/**
 * Why the runner could not start, in the user's terms. Linux caps each environment string at 128 KiB
 * (MAX_ARG_STRLEN) and the CLI's Go language host passes the whole stack config in one, `PULUMI_CONFIG`
 * (`pulumi-language-nodejs/main.go`, `execRuntime`): a larger config fails its exec as it fails here.
 */
export function startFailure(error: NodeJS.ErrnoException, env: Record<string, string | undefined>): string {
    if (error.code !== "E2BIG") {
        return `Cannot start the program: ${error.message}`;
    }
    const configKiB = Math.ceil(Buffer.byteLength(env.PULUMI_CONFIG ?? "") / 1024);
    if (configKiB > 128) {
        return `Cannot start the program: its stack config is ${configKiB} KiB as PULUMI_CONFIG, over the operating system's 128 KiB limit for one environment variable; the CLI's Node language host passes the config the same way, so \`pulumi preview\` fails too (argument list too long): make the stack's config smaller`;
    }
    return "Cannot start the program: its arguments and environment exceed the operating system's limit (E2BIG, argument list too long), as they would under the CLI";
}

/** Every this many milliseconds a long plan says how far it got (a silent minute looks like a hang). */
const PROGRESS_EVERY_MS = 10_000;

function runProgram(project: ProgramProject, options: PlanOptions, transpileOnly: boolean): Promise<Plan> {
    const timeoutMs = options.timeoutMs ?? 180_000;
    const runPath = locateRunner(project.directory);
    if (!runPath) {
        return Promise.reject(new MissingDependencyError(`Cannot run the program: @pulumi/pulumi is not installed for ${project.directory}: run \`npm install\` in ${packageRoot(project.directory)}`));
    }
    const { createPlatformMocks }: typeof import("./mocks/mocks") = require("./mocks/mocks");
    // The stack's aws:region as the CLI passes it to the provider; the user's --mocks answer first.
    const platform = createPlatformMocks({ region: project.config["aws:region"], userMocks: options.userMocksModule ? loadUserMocks(options.userMocksModule) : undefined });
    const registered: RegisteredResource[] = [];
    let engineError: { message: string; location?: SourceLocation } | undefined;
    /** The engine bails on an error it detects (a duplicate URN, a failing transform): it stops the program. */
    let bail = () => undefined as void;
    const started = Date.now();
    return startEngine({
        project: project.project,
        stack: project.stack,
        directory: project.directory,
        dryRun: true,
        mocks: platform.mocks,
        onResource: (resource) => {
            registered.push(resource);
            options.onResource?.(resource);
        },
        onError: (message, location) => {
            engineError ??= { message, location };
            bail();
        },
    }).then((engine) => new Promise<Plan>((resolve, reject) => {
        const command = hostCommand(project, { monitor: engine.monitorAddress, engine: engine.engineAddress }, {
            runPath,
            dryRun: true,
            execArgv: options.heapLimitMiB ? [`--max-old-space-size=${options.heapLimitMiB}`] : [],
        });
        const env = {
            ...process.env,
            ...command.env,
            ...(transpileOnly && command.typescript && !process.env.PULUMI_NODEJS_TRANSPILE_ONLY ? { PULUMI_NODEJS_TRANSPILE_ONLY: "true" } : {}),
            // V8's code cache for the modules the runner loads (the SDK, ts-node, @pulumi/aws): bytecode only, the same
            // code runs (~0.35 s of a small program's 3 s). A user's own NODE_COMPILE_CACHE is left as it is.
            ...(process.env.NODE_COMPILE_CACHE ? {} : { NODE_COMPILE_CACHE: path.join(cacheDir(), "v8-runner") }),
        };
        let child: ChildProcessByStdio<null, Readable, Readable>;
        try {
            child = spawn(process.execPath, command.args, { cwd: command.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
        } catch (error) {
            // Node throws here (not as an `error` event) for E2BIG and the like: close the engine, or its server keeps
            // the preview alive with nothing left to run.
            void engine.close();
            reject(new PreviewInputError(startFailure(error as NodeJS.ErrnoException, command.env)));
            return;
        }
        bail = () => {
            child.kill("SIGKILL");
        };
        let output = "";
        const collect = (chunk: Buffer) => {
            output = (output + chunk.toString()).slice(-8000);
        };
        child.stdout.on("data", collect);
        child.stderr.on("data", collect);
        const progress = setInterval(() => {
            process.stderr.write(`  planning: ${registered.length} resources registered after ${Math.round((Date.now() - started) / 1000)} s\n`);
        }, PROGRESS_EVERY_MS);
        progress.unref();
        let timedOut = false;
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill("SIGKILL");
        }, timeoutMs);
        let signalled = false;
        void engine.shutdownSignalled.then(() => (signalled = true));
        const finish = (error?: Error) => {
            clearTimeout(timer);
            clearInterval(progress);
            void engine.close();
            if (error) {
                reject(error);
                return;
            }
            resolve({ resources: planOrder(registered), logs: engine.logs.filter((l) => l.severity !== "debug"), mockReport: platform.report() });
        };
        child.on("error", (err) => finish(new PreviewInputError(startFailure(err, command.env))));
        child.on("exit", (code, signal) => {
            if (timedOut) {
                finish(new PreviewInputError(`Program did not finish within ${timeoutMs / 1000} s (the plan waits, as the CLI does, until the program's event loop is empty: a timer or open handle that never ends keeps it running)`));
                return;
            }
            // The first error the program (or the engine) reported is the cause; the SDK's leak report only follows.
            const logged = engine.logs.find((l) => l.severity === "error");
            const failure = engineError ?? (logged ? programFailure(logged.message, project.directory) : undefined);
            if (failure) {
                const missing = missingPackage(failure.message, project.directory);
                if (missing) {
                    finish(new MissingDependencyError(`Cannot run the program: ${missing}`));
                    return;
                }
                const where = failure.location ? ` at ${failure.location.file}:${failure.location.line}` : "";
                finish(new PreviewInputError(`Program error${where}: ${failure.message}`));
                return;
            }
            const tail = stripAnsi(output).trim().split("\n").slice(-12).join("\n");
            if (outOfMemory(output)) {
                finish(new PreviewInputError(`Program ran out of memory while planning (Node's heap limit); raise it with NODE_OPTIONS=--max-old-space-size=<MiB>`));
            } else if (code !== 0) {
                finish(new PreviewInputError(`Program exited (${signal ?? `code ${code}`}) before its plan completed${tail ? `:\n${tail}` : ""}`));
            } else if (!signalled) {
                // The runner signals the end of a run (SignalAndWaitForShutdown) once the event loop is empty; exiting
                // without it (process.exit) ends the deployment early, and resources not yet registered would be lost.
                finish(new PreviewInputError(`Program exited (code 0) before its plan completed: it ended (process.exit?) before its event loop emptied, after ${registered.length} registrations${tail ? `:\n${tail}` : ""}`));
            } else {
                finish();
            }
        });
    }));
}
