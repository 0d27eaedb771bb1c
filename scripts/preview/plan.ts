import { fork, type ChildProcess } from "child_process";
import * as path from "path";
import { PreviewInputError } from "./errors";
import type { ProgramProject } from "./project";
import type { MockReport } from "./mocks/mocks";
import type { PlanRequest, PlanResponse, RegisteredResource } from "./plan-protocol";
import { formatTypeErrors, typeCheck } from "./typecheck";

export interface Plan {
    resources: RegisteredResource[];
    logs: Array<{ severity: string; message: string; urn?: string }>;
    /** Which data sources and stack references the mocks answered, and how. */
    mockReport?: MockReport;
}

const MOCKS_MODULE = path.resolve(__dirname, "mocks/mocks.ts");
const WORKER = path.join(__dirname, "plan-worker.ts");
/** Compiles the program's TypeScript as the CLI's Node host does (the TypeScript compiler, the program's tsconfig). */
const TS_REGISTER = path.join(__dirname, "ts-register.cjs");

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
    // The program first: the cache lookup of the check stats every file it read (thousands, with @pulumi/aws's types).
    const running = runProgram(project, options).then((plan) => ({ plan }), (error: unknown) => ({ error }));
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

function forkWorker(heapLimitMiB?: number): ChildProcess {
    return fork(WORKER, [], {
        execArgv: [...(heapLimitMiB ? [`--max-old-space-size=${heapLimitMiB}`] : []), "--require", TS_REGISTER],
        // The program's own environment (config, directory) comes with the request: see PlanRequest.env.
        // The SDK captures a full stack trace per resource; the worker maps only the positions it reports.
        env: { ...process.env, PLATFORM_PREVIEW_NATIVE_SOURCE_MAPS: "0" },
        stdio: ["ignore", "pipe", "pipe", "ipc"],
        serialization: "advanced",
    });
}

let prestarted: ChildProcess | undefined;

/**
 * Starts a plan worker before the program is known (the CLI's entry calls this first): its Node starts while the CLI
 * loads and reads its input, and waits for the request. The next {@link runPlan} without a heap limit takes it.
 */
export function prestartPlanWorker(): void {
    prestarted ??= forkWorker();
}

/** Ends a prestarted worker that no plan took (bad arguments, --help, an input error first). */
export function releasePlanWorker(): void {
    prestarted?.kill();
    prestarted = undefined;
}

function takeWorker(heapLimitMiB?: number): ChildProcess {
    const waiting = prestarted;
    prestarted = undefined;
    if (waiting && !heapLimitMiB && waiting.exitCode === null && waiting.signalCode === null) {
        return waiting;
    }
    waiting?.kill();
    return forkWorker(heapLimitMiB);
}

function runProgram(project: ProgramProject, options: PlanOptions): Promise<Plan> {
    const timeoutMs = options.timeoutMs ?? 180_000;
    const child = takeWorker(options.heapLimitMiB);
    let output = "";
    const collect = (chunk: Buffer) => {
        output = (output + chunk.toString()).slice(-4000);
    };
    child.stdout!.on("data", collect);
    child.stderr!.on("data", collect);

    return new Promise<Plan>((resolve, reject) => {
        const registered: Array<{ resource: RegisteredResource; order: number }> = [];
        const timer = setTimeout(() => {
            child.kill("SIGKILL");
            reject(new PreviewInputError(`Program did not finish within ${timeoutMs / 1000} s (the plan waits, as the CLI does, until the program's event loop is empty: a timer or open handle that never ends keeps it running)`));
        }, timeoutMs);
        let settled = false;
        /** The worker's last message settles the plan (every registration came before it, in order). */
        const settle = (final: Exclude<PlanResponse, { kind: "resource" }>) => {
            settled = true;
            clearTimeout(timer);
            // The worker exits right after sending it; one that does not is stopped (its pipes would keep us alive).
            setTimeout(() => child.kill("SIGKILL"), 5000).unref();
            if (final.kind === "result" && final.resources === registered.length) {
                // In declaration order (the monitor sees registrations in completion order, which varies run to run).
                const resources = registered.sort((a, b) => a.order - b.order).map((r) => r.resource);
                resolve({ resources, logs: final.logs, mockReport: final.mockReport });
            } else if (final.kind === "result") {
                reject(new PreviewInputError(`The plan lost registrations: the program made ${final.resources}, ${registered.length} arrived`));
            } else {
                const where = final.location ? ` at ${final.location.file}:${final.location.line}` : "";
                reject(final.missingDependency ? new MissingDependencyError(`Cannot run the program: ${final.message}`) : new PreviewInputError(`Program error${where}: ${final.message}`));
            }
        };
        child.on("message", (message: PlanResponse) => {
            if (message.kind === "resource") {
                registered.push({ resource: message.resource, order: message.order });
                options.onResource?.(message.resource);
            } else {
                settle(message);
            }
        });
        child.on("error", (err) => {
            clearTimeout(timer);
            reject(new PreviewInputError(`Cannot start the program: ${err.message}`));
        });
        child.on("exit", (code, signal) => {
            if (settled) {
                return;
            }
            clearTimeout(timer);
            if (outOfMemory(output)) {
                reject(new PreviewInputError(`Program ran out of memory while planning (Node's heap limit); raise it with NODE_OPTIONS=--max-old-space-size=<MiB>`));
            } else {
                const tail = output.trim().split("\n").slice(-5).join("\n");
                reject(new PreviewInputError(`Program exited (${signal ?? `code ${code}`}) before its plan completed${tail ? `:\n${tail}` : ""}`));
            }
        });
        const request: PlanRequest = {
            // As the CLI runs a program: in its directory, with its config and stack in the environment.
            env: {
                PLATFORM_PREVIEW_PROGRAM_DIR: project.directory,
                PULUMI_CONFIG: JSON.stringify(project.config),
                PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(project.secretKeys),
                PULUMI_NODEJS_PROJECT: project.project,
                PULUMI_NODEJS_STACK: project.stack,
                PULUMI_DRY_RUN: "true",
            },
            directory: project.directory,
            main: project.main,
            project: project.project,
            stack: project.stack,
            // The keys whose getSecret* the worker answers with an unknown secret: only those not decrypted.
            secretKeys: project.undecryptedKeys,
            mocksModule: MOCKS_MODULE,
            userMocksModule: options.userMocksModule,
        };
        child.send(request);
    });
}
