/**
 * The plan's child process: runs one Pulumi program under the SDK's mock runtime (preview mode, no engine, no network) and
 * sends back every registration. It loads the program's OWN @pulumi/pulumi so that setMocks reaches the instance the
 * program uses, and it runs in its own process so a program that throws or exits cannot take the preview down.
 * Started by plan.ts with tsx's CommonJS hook (`--require tsx/cjs`), which also compiles the program's TypeScript.
 */
import * as path from "path";
import { fileURLToPath } from "url";
import type { PlanRequest, PlanResponse, RegisteredResource } from "./plan-protocol";
import type { SourceLocation } from "./model";

interface Frame { uri?: string; line?: number; column?: number }

function send(message: PlanResponse): Promise<void> {
    return new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));
}

function isUserFile(file: string, sdkDir: string): boolean {
    return !file.startsWith(sdkDir) && !file.includes(`${path.sep}node_modules${path.sep}@pulumi${path.sep}`) && !file.startsWith(__dirname) && !file.startsWith("node:");
}

function relativeTo(directory: string, file: string): string {
    return path.relative(directory, file).split(path.sep).join("/");
}

/** First frame of user code in an error's stack (tsx source maps make these TypeScript lines). */
function locateError(err: unknown, directory: string, sdkDir: string): SourceLocation | undefined {
    const stack = err instanceof Error ? err.stack ?? "" : "";
    for (const line of stack.split("\n").slice(1)) {
        const match = /\(?((?:file:\/\/)?\/[^():]+):(\d+):(\d+)\)?\s*$/.exec(line);
        if (!match) {
            continue;
        }
        const file = match[1].startsWith("file://") ? fileURLToPath(match[1]) : match[1];
        if (isUserFile(file, sdkDir) && !file.includes(`${path.sep}node_modules${path.sep}`)) {
            return { file: relativeTo(directory, file), line: Number(match[2]), column: Number(match[3]) };
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

async function plan(request: PlanRequest): Promise<void> {
    const sdkEntry = require.resolve("@pulumi/pulumi", { paths: [request.directory] });
    const sdkDir = path.dirname(sdkEntry);
    const fromSdk = (module: string) => require(path.join(sdkDir, module));
    const pulumi = require(sdkEntry);
    const runtimeResource = fromSdk("runtime/resource");
    const settings = fromSdk("runtime/settings");
    const log = fromSdk("log");
    const { createPlatformMocks } = require(request.mocksModule);

    let failure: { message: string; location?: SourceLocation } | undefined;
    const fail = (err: unknown) => {
        failure ??= { message: err instanceof Error ? err.message : String(err), location: locateError(err, request.directory, sdkDir) };
    };
    process.on("uncaughtException", fail);
    process.on("unhandledRejection", fail);

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
                return { file: relativeTo(request.directory, file), line: frame.line, column: frame.column };
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

    const logs: Array<{ severity: string; message: string; urn?: string }> = [];
    for (const severity of ["warn", "error"] as const) {
        log[severity] = (message: string) => {
            logs.push({ severity: severity === "warn" ? "warning" : "error", message });
        };
    }

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
    const resources: Array<RegisteredResource & { order: number }> = [];
    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: (err: unknown, response: any) => void) => {
        registerResource(req, (err: unknown, response: any) => {
            if (!err) {
                const declaration = declarations.get(`${req.getType()}::${req.getName()}`)?.shift();
                const propertyDependencies: Record<string, string[]> = {};
                req.getPropertydependenciesMap().forEach((deps: any, property: string) => {
                    propertyDependencies[property] = deps.getUrnsList();
                });
                const timeouts = req.getCustomtimeouts();
                resources.push({
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
                    order: declaration?.order ?? Number.MAX_SAFE_INTEGER,
                });
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

    try {
        // As the CLI's nodejs host does: the program runs inside the root pulumi:pulumi:Stack component.
        await pulumi.runtime.runInPulumiStack(async () => {
            const exported = require(request.main);
            const entry = exported?.__esModule && typeof exported.default === "function" ? exported.default : typeof exported === "function" ? exported : undefined;
            return entry ? await entry() : exported;
        });
        await settings.waitForRPCs();
    } catch (err) {
        fail(err);
    }
    const inDeclarationOrder = resources.sort((a, b) => a.order - b.order).map(({ order: _order, ...resource }) => resource);
    await send(failure ? { kind: "error", ...failure } : { kind: "result", resources: inDeclarationOrder, logs, mockReport: platform.report() });
    process.exit(0);
}

process.once("message", (request: PlanRequest) => {
    plan(request).catch(async (err) => {
        await send({ kind: "error", message: err instanceof Error ? err.message : String(err) });
        process.exit(0);
    });
});
