/**
 * The plan's child process: runs one Pulumi program under the SDK's mock runtime (preview mode, no engine, no network) and
 * sends every registration back as it happens. It loads the program's OWN @pulumi/pulumi so that setMocks reaches the instance the
 * program uses, and it runs in its own process so a program that throws or exits cannot take the preview down.
 * Started by plan.ts with ts-register.cjs, which compiles TypeScript as the CLI's Node host does.
 *
 * Fails closed like the CLI's host: the program runs until its event loop is empty (`beforeExit`), so registrations in
 * a timer or after an awaited read are planned; an uncaught exception, an unhandled rejection, a `pulumi.log.error`,
 * a duplicate URN or promises left pending at exit are program errors, reported with the program's message and line.
 */
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath } from "url";
import type { PlanRequest, PlanResponse, RegisteredResource } from "./plan-protocol";
import type { SourceLocation } from "./model";

interface Frame { uri?: string; line?: number; column?: number }

const exitProcess = process.exit.bind(process);

function send(message: PlanResponse): Promise<void> {
    return new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));
}

function isUserFile(file: string, sdkDir: string): boolean {
    return !file.startsWith(sdkDir) && !file.includes(`${path.sep}node_modules${path.sep}@pulumi${path.sep}`) && !file.startsWith(__dirname) && !file.startsWith("node:");
}

/** The loader that compiled the program (ts-register.cjs); Node's own source maps are off in this process for speed. */
const loader: { originalPosition(file: string, line: number, column?: number): { line: number; column?: number } } = require("./ts-loader.cjs");

function relativeTo(directory: string, file: string): string {
    return path.relative(directory, file).split(path.sep).join("/");
}

/** First frame of user code in an error's stack (the loader's source maps make these TypeScript lines). */
function locateError(err: unknown, directory: string, sdkDir: string): SourceLocation | undefined {
    const stack = err instanceof Error ? err.stack ?? "" : "";
    for (const line of stack.split("\n").slice(1)) {
        if (/\(?node:/.test(line)) {
            continue;
        }
        const match = /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?\s*$/.exec(line);
        if (!match) {
            continue;
        }
        const file = match[1].startsWith("file://") ? fileURLToPath(match[1]) : match[1];
        if (isUserFile(file, sdkDir) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
            return { file: relativeTo(directory, file), ...loader.originalPosition(file, Number(match[2]), Number(match[3])) };
        }
    }
    return undefined;
}

/** `--mocks <module>`: its default export or its `mocks` export, as Pulumi's unit-test mocks are written. */
function loadUserMocks(file: string): Record<string, unknown> {
    const loaded = require(file);
    const mocks = [loaded?.mocks, loaded?.default?.mocks, loaded?.default, loaded].find((m) => m && (typeof m.call === "function" || typeof m.newResource === "function"));
    if (!mocks) {
        throw new Error(`--mocks ${file}: exports no mocks (a default or \`mocks\` export with call() and/or newResource())`);
    }
    return mocks;
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

/** A package the program imports is not installed: the one thing to do about it, on one line. */
function missingPackage(err: unknown, directory: string): string | undefined {
    const code = (err as { code?: string } | undefined)?.code;
    const missing = err instanceof Error && code === "MODULE_NOT_FOUND" ? /Cannot find module '([^']+)'/.exec(err.message)?.[1] : undefined;
    if (!missing || missing.startsWith(".") || path.isAbsolute(missing)) {
        return undefined;
    }
    const name = missing.startsWith("@") ? missing.split("/").slice(0, 2).join("/") : missing.split("/")[0];
    return `the program imports "${name}", which is not installed: run \`npm install\` in ${packageRoot(directory)}`;
}

async function plan(request: PlanRequest): Promise<void> {
    let sdkEntry: string;
    try {
        sdkEntry = require.resolve("@pulumi/pulumi", { paths: [request.directory] });
    } catch {
        await finish({ kind: "error", message: `@pulumi/pulumi is not installed for ${request.directory}: run \`npm install\` in ${packageRoot(request.directory)}`, missingDependency: true });
        return;
    }
    const sdkDir = path.dirname(sdkEntry);
    const fromSdk = (module: string) => require(path.join(sdkDir, module));
    const pulumi = require(sdkEntry);
    const runtimeResource = fromSdk("runtime/resource");
    const settings = fromSdk("runtime/settings");
    const log = fromSdk("log");
    const { createPlatformMocks } = require(request.mocksModule);

    // The first program error wins: later ones (a rejected output's dependants, the leak report) are its consequences.
    let failure: { message: string; location?: SourceLocation } | undefined;
    let missingDependency = false;
    const fail = (err: unknown, location?: SourceLocation) => {
        if (failure) {
            return;
        }
        const missing = missingPackage(err, request.directory);
        missingDependency = missing !== undefined;
        failure = { message: missing ?? messageOf(err), location: missing ? undefined : location ?? locateError(err, request.directory, sdkDir) };
    };
    process.on("uncaughtException", (err) => fail(err));
    process.on("unhandledRejection", (err) => fail(err));

    // Declaring line and order: the Resource constructor calls registerResource synchronously with its captured stack
    // (the monitor sees registrations in completion order, which varies from run to run).
    const declarations = new Map<string, Array<{ order: number; location?: SourceLocation }>>();
    let declared = 0;
    const declaredAt = (stackTrace: Array<Frame | undefined> | undefined): SourceLocation | undefined => {
        for (const frame of stackTrace ?? []) {
            if (!frame?.uri || !frame.line) {
                continue;
            }
            const file = frame.uri.startsWith("file://") ? fileURLToPath(frame.uri) : frame.uri;
            if (isUserFile(file, sdkDir)) {
                return { file: relativeTo(request.directory, file), ...loader.originalPosition(file, frame.line, frame.column) };
            }
        }
        return undefined;
    };
    for (const fn of ["registerResource", "readResource"] as const) {
        const original = runtimeResource[fn];
        runtimeResource[fn] = (...args: any[]) => {
            // registerResource(res, parent, t, name, custom, remote, newDependency, props, opts, sourcePosition, stackTrace, …)
            // readResource(res, parent, t, name, props, opts, sourcePosition, stackTrace, …)
            const [type, name, stackTrace] = fn === "registerResource" ? [args[2], args[3], args[10]] : [args[2], args[3], args[7]];
            const key = `${type}::${name}`;
            declarations.set(key, [...(declarations.get(key) ?? []), { order: declared++, location: declaredAt(stackTrace) }]);
            return original(...args);
        };
    }

    // pulumi.log.error fails a real preview (the engine reports the error and the update fails): here too.
    const logs: Array<{ severity: string; message: string; urn?: string }> = [];
    log.warn = (message: string, resource?: { urn?: unknown }) => {
        logs.push({ severity: "warning", message });
        void resource;
        return Promise.resolve();
    };
    log.error = (message: string) => {
        logs.push({ severity: "error", message });
        fail(new Error(message), locateError(new Error(message), request.directory, sdkDir));
        return Promise.resolve();
    };

    // The stack's aws:region as the CLI passes it to the provider; the user's --mocks answer first.
    const region = JSON.parse(process.env.PULUMI_CONFIG ?? "{}")["aws:region"];
    const platform = createPlatformMocks({ region, userMocks: request.userMocksModule ? loadUserMocks(request.userMocksModule) : undefined });
    pulumi.runtime.setMocks(platform.mocks, request.project, request.stack, true);
    const monitor = settings.getMonitor();
    // The engine leaves the root stack's type out of its children's URNs; the mock monitor does not.
    monitor.newUrn = (parent: string, type: string, name: string) => {
        const parentType = parent ? parent.split("::")[2].split("$").pop() : undefined;
        const qualified = parentType && parentType !== "pulumi:pulumi:Stack" ? `${parentType}$${type}` : type;
        return `urn:pulumi:${request.stack}::${request.project}::${qualified}::${name}`;
    };
    let registered = 0;
    const urns = new Set<string>();
    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: unknown, response: any) => void) => {
        registerResource(req, (err: unknown, response: any) => {
            if (!err) {
                const declaration = declarations.get(`${req.getType()}::${req.getName()}`)?.shift();
                if (urns.has(response.getUrn())) {
                    // The engine refuses a second resource with the same URN; the deployment would fail.
                    fail(new Error(`Duplicate resource URN '${response.getUrn()}'; try giving it a unique name`), declaration?.location);
                }
                urns.add(response.getUrn());
                const propertyDependencies: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((deps: any, property: string) => {
                    propertyDependencies[property] = deps.getUrnsList();
                });
                const timeouts = req.getCustomtimeouts();
                registered++;
                // Sent now, not kept: the preview analyzes each registration while the program goes on, as the engine does.
                const resource: RegisteredResource = {
                    urn: response.getUrn(),
                    type: req.getType(),
                    name: req.getName(),
                    custom: req.getCustom(),
                    remote: req.getRemote(),
                    parent: req.getParent(),
                    provider: req.getProvider(),
                    version: req.getVersion(),
                    dependencies: req.getDependenciesList(),
                    propertyDependencies,
                    protect: req.getProtect() === true,
                    retainOnDelete: req.getRetainondelete() === true,
                    ignoreChanges: req.getIgnorechangesList(),
                    deleteBeforeReplace: req.getDeletebeforereplace() === true,
                    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
                    aliases: req.getAliasurnsList(),
                    customTimeouts: timeouts ? { create: timeouts.getCreate() || undefined, update: timeouts.getUpdate() || undefined, delete: timeouts.getDelete() || undefined } : undefined,
                    wireInputs: req.getObject()?.toJavaScript() ?? {},
                    source: declaration?.location,
                };
                process.send!({ kind: "resource", resource, order: declaration?.order ?? Number.MAX_SAFE_INTEGER } satisfies PlanResponse);
            }
            callback(err, response);
        });
    };

    // Secure config is never decrypted: getSecret*/requireSecret* of such a key yield an unknown secret, as a value not
    // yet available would in a real preview; plain get() sees the placeholder string.
    const secretKeys = new Set(request.secretKeys);
    const unknownSecret = () => new pulumi.Output([], Promise.resolve(undefined), Promise.resolve(false), Promise.resolve(true), Promise.resolve([]));
    const configPrototype = pulumi.Config.prototype;
    for (const method of Object.getOwnPropertyNames(configPrototype).filter((m) => /^(get|require)Secret/.test(m))) {
        const original = configPrototype[method];
        configPrototype[method] = function (this: any, key: string, ...rest: unknown[]) {
            return secretKeys.has(this.fullKey(key)) ? unknownSecret() : original.call(this, key, ...rest);
        };
    }

    const debuggable = fromSdk("runtime/debuggable");
    if (!debuggable.debugPromiseLeaks) {
        // The SDK tracks every promise it creates for its leak report (`leakCandidates`, read at exit) and stamps each
        // with an id, a context and a stack trace that only PULUMI_DEBUG_PROMISE_LEAKS ever prints. Without that
        // variable: the same tracking, the same settled value or rejection (with `err.promise`), without the stamps
        // and in one `then` instead of two — a program's resources hold hundreds of these each, pending until their
        // registration completes. The first call is the SDK's own, which sets up its exit-time leak check.
        const state = fromSdk("runtime/state");
        const debuggablePromise = debuggable.debuggablePromise;
        let first = true;
        debuggable.debuggablePromise = (promise: Promise<unknown>, context: unknown) => {
            if (first) {
                first = false;
                return debuggablePromise(promise, context);
            }
            const store = state.getStore();
            store.leakCandidates.add(promise);
            return promise.then(
                (value) => {
                    store.leakCandidates.delete(promise);
                    return value;
                },
                (err) => {
                    store.leakCandidates.delete(promise);
                    err.promise = promise;
                    throw err;
                },
            );
        };
    }
    // A program that calls process.exit ends its deployment early; say where, instead of the SDK's leak report.
    process.exit = ((code?: number) => {
        fail(new Error(`the program called process.exit(${code ?? ""}) before its plan completed`), locateError(new Error(), request.directory, sdkDir));
        void finish({ kind: "error", ...failure!, missingDependency: false });
        return undefined as never;
    }) as typeof process.exit;
    try {
        // As the CLI's nodejs host does (cmd/run): the program runs inside the root pulumi:pulumi:Stack component; a
        // CommonJS program's exports are its stack outputs, unless `module.exports` is itself a function (`export =`),
        // which is called; either is awaited. A CommonJS `export default` is not called: it is an output named "default".
        await pulumi.runtime.runInPulumiStack(async () => {
            const exported = require(request.main);
            if (exported?.__esModule && exported.default instanceof Function) {
                logs.push({
                    severity: "warning",
                    message: "The program's `export default` function is never called: the Pulumi CLI calls `module.exports` of a CommonJS program only when it is itself a function (`export = async () => { … }`), so nothing declared inside it is planned or deployed",
                });
            }
            const invoked = exported instanceof Function ? exported() : exported;
            return await invoked;
        });
    } catch (err) {
        fail(err);
    }
    // The host keeps running until the event loop is empty: a registration in a timer or after an awaited read still
    // belongs to the deployment. Wait until the loop empties with no RPC, registration or declaration left to settle.
    await untilIdle(async () => {
        await settings.waitForRPCs();
        return registered + declared;
    });
    if (!failure) {
        // What the SDK's exit handler would print (and fail on): promises that never settled, e.g. an input awaiting
        // an output that cannot resolve. Taking them here also keeps that handler from printing them again.
        const [leaked, message] = debuggable.leakedPromises();
        if (leaked.size > 0) {
            fail(new Error(message.trim()), undefined);
        }
    }
    await finish(failure ? { kind: "error", ...failure, missingDependency } : { kind: "result", resources: registered, logs, mockReport: platform.report() });
}

function messageOf(err: unknown): string {
    if (err instanceof Error) {
        return err.message;
    }
    return typeof err === "string" ? err : JSON.stringify(err) ?? String(err);
}

/**
 * Resolves once Node's event loop is empty (`beforeExit`) and `settle` reports no new activity since the previous
 * empty loop. Each check runs in a fresh macrotask so the loop stays alive while it runs.
 */
function untilIdle(settle: () => Promise<number>): Promise<void> {
    return new Promise((resolve) => {
        let last = -1;
        let checking = false;
        const onBeforeExit = () => {
            if (checking) {
                return;
            }
            checking = true;
            setImmediate(async () => {
                const activity = await settle().catch(() => last + 1);
                checking = false;
                if (activity === last) {
                    process.off("beforeExit", onBeforeExit);
                    resolve();
                } else {
                    last = activity;
                    // Keep one turn alive; the next empty loop checks again.
                    setImmediate(() => undefined);
                }
            });
        };
        process.on("beforeExit", onBeforeExit);
    });
}

/** Sends the answer over the (re-referenced) IPC channel, then exits before anything else the program left runs. */
async function finish(message: PlanResponse): Promise<void> {
    (process.channel as { ref?: () => void } | undefined)?.ref?.();
    await send(message);
    exitProcess(0);
}

process.once("message", (request: PlanRequest) => {
    // The IPC channel must not keep the program alive: the end of the plan is the program's event loop emptying.
    (process.channel as { unref?: () => void } | undefined)?.unref?.();
    Object.assign(process.env, request.env);
    try {
        process.chdir(request.directory);
    } catch (err) {
        void finish({ kind: "error", message: `Cannot run the program in ${request.directory}: ${messageOf(err)}` });
        return;
    }
    plan(request).catch((err) => finish({ kind: "error", message: messageOf(err) }));
});
