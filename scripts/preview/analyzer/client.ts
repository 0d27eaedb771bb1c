import type Ajv from "ajv";
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { isSecretLikePath } from "../../../lib/rules/secrets";
import { formatTypeErrors, typeCheck } from "../typecheck";
import { resourceWriter, SECRET_SIG, SPECIAL_SIG_KEY, UNKNOWN_VALUE, type WireMarkers } from "./wire";

/**
 * The engine's side of the analyzer protocol: starts any CrossGuard policy pack the way the Pulumi CLI does
 * (`node <pack's @pulumi/pulumi>/cmd/run-policy-pack <engine> <pack dir>`, reading the port it prints) and speaks
 * `pulumirpc.Analyzer` to it with the SDK's own generated gRPC classes. Policy semantics stay in the pack; this module
 * only does what the engine does around them: validate and default the policy config against each policy's schema,
 * send resources with their options, provider and dependencies, and collect diagnostics.
 */

import type { EnforcementLevel } from "@pulumi/policy";

export type { EnforcementLevel };

/** Put this anywhere in `properties` for a value the engine does not know yet (a computed output during preview). */
export const UNKNOWN: unique symbol = Symbol("unknown");

/** A value the engine knows to be secret. The pack receives it with the secret signature, as from the CLI. */
export class SecretValue<T = unknown> {
    constructor(readonly value: T) {}
}
export function secret<T>(value: T): SecretValue<T> {
    return new SecretValue(value);
}

export interface AnalyzerResourceOptionsInput {
    protect?: boolean;
    /** Accepted for callers that record it; the analyzer protocol has no field for it, so packs never see it. */
    retainOnDelete?: boolean;
    ignoreChanges?: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs?: string[];
    aliases?: string[];
    /** Seconds, or Go-style durations as the SDK registers them (`"5m"`, `"1h30m"`). */
    customTimeouts?: { create?: number | string; update?: number | string; delete?: number | string };
    parent?: string;
}

export interface AnalyzerResource {
    urn: string;
    type: string;
    name: string;
    /** Plain JS inputs; `UNKNOWN` and `secret(...)` may appear anywhere. */
    properties: Record<string, unknown>;
    options?: AnalyzerResourceOptionsInput;
    provider?: { urn: string; type: string; name: string; properties: Record<string, unknown> };
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export interface PolicyInfo {
    name: string;
    displayName: string;
    description: string;
    enforcementLevel: EnforcementLevel;
    severity?: string;
    framework?: { name: string; version?: string; reference?: string; specification?: string };
    tags: string[];
    remediationSteps?: string;
    url?: string;
    configSchema?: { properties?: Record<string, unknown>; required?: string[] };
}

export interface AnalyzerInfo {
    name: string;
    displayName: string;
    version: string;
    description?: string;
    supportsConfig: boolean;
    policies: PolicyInfo[];
    initialConfig: Record<string, unknown>;
}

export interface Diagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: EnforcementLevel;
    urn?: string;
    severity?: string;
    /** The policy's tags from GetAnalyzerInfo (the diagnostic message itself carries none). */
    tags?: string[];
}

export interface Remediation {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    urn?: string;
    properties?: Record<string, unknown>;
    diagnostic?: string;
}

/**
 * A message from the pack: `engine` for `pulumi.log.*` calls received by the client's Engine server, `stdout`/`stderr`
 * for what the process printed besides its port (stderr counts as an error).
 */
export interface PackLog {
    stream: "engine" | "stdout" | "stderr";
    severity: "debug" | "info" | "warning" | "error";
    message: string;
    urn?: string;
}

/** Policy config as `--policy-pack-config` files hold it: `{ "all": level, "<policy>": level | { enforcementLevel?, ...properties } }`. */
export type PolicyPackConfigFile = Record<string, EnforcementLevel | ({ enforcementLevel?: EnforcementLevel } & Record<string, unknown>)>;

export interface PolicyPackProcess {
    readonly info: AnalyzerInfo;
    readonly directory: string;
    /** Reconciles the config as the engine does (see {@link resolveConfig}), sends it, and returns what was sent. */
    configure(config: PolicyPackConfigFile): Promise<ResolvedPolicyConfig>;
    /** Sends a config already reconciled by {@link resolveConfig} (a caller that resolved it to report errors first). */
    configureResolved(resolved: ResolvedPolicyConfig): Promise<void>;
    /**
     * Analyze one resource. Call it for as many resources as there are: at most {@link PIPELINE_DEPTH} Analyze and
     * Remediate calls are in flight at once (as the engine's parallel steps), the others wait their turn, in order.
     * A resource object is written to the wire once, on its first call (Remediate and AnalyzeStack reuse the bytes):
     * pass a new object for changed properties.
     */
    analyze(resource: AnalyzerResource): Promise<Diagnostic[]>;
    analyzeStack(resources: AnalyzerResource[]): Promise<Diagnostic[]>;
    remediate(resource: AnalyzerResource): Promise<Remediation[]>;
    /** Every "not applicable" the pack answered so far: per analyzed resource (`urn`), or for the stack (no `urn`). */
    notApplicable(): Array<{ urn?: string; policyName: string; reason: string }>;
    logs(): PackLog[];
    close(): Promise<void>;
}

export interface StartOptions {
    /** How long the pack may take to print its port (it compiles TypeScript first). */
    startTimeoutMs?: number;
    /** Node binary; default: the one running this process. */
    nodePath?: string;
    env?: Record<string, string>;
    /**
     * Start the pack exactly as the CLI's Node language host does (`node <sdk>/cmd/run-policy-pack <engine> <dir>`, in
     * the pack directory), without the preview's loader in front: the runner's own ts-node registration and type check.
     * Slower; for checking a pack as Pulumi runs it (a published, installed pack).
     */
    asCli?: boolean;
}

export class PolicyPackError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "PolicyPackError";
    }
}

const LEVELS: EnforcementLevel[] = ["advisory", "mandatory", "disabled", "remediate"];
const SEVERITIES = ["", "low", "medium", "high", "critical"];

/** Reads a `--policy-pack-config` JSON file, with a clear error for a missing or malformed one. */
export function loadPolicyConfigFile(file: string): PolicyPackConfigFile {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch {
        throw new PolicyPackError(`policy config file ${file} cannot be read`);
    }
    // As the engine: an empty file is no config.
    if (text.trim() === "") return {};
    try {
        const parsed = JSON.parse(text);
        if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not an object");
        return parsed;
    } catch (err) {
        throw new PolicyPackError(`policy config file ${file} is not a JSON object: ${(err as Error).message}`);
    }
}

function loadSdk(packDir: string) {
    const resolveFrom = (request: string) => require.resolve(request, { paths: [packDir] });
    return {
        runPolicyPack: path.dirname(resolveFrom("@pulumi/pulumi/cmd/run-policy-pack/index.js")),
        grpc: require(resolveFrom("@grpc/grpc-js")) as typeof import("@grpc/grpc-js"),
        services: require(resolveFrom("@pulumi/pulumi/proto/analyzer_grpc_pb.js")),
        messages: require(resolveFrom("@pulumi/pulumi/proto/analyzer_pb.js")),
        struct: require(resolveFrom("google-protobuf/google/protobuf/struct_pb.js")),
        empty: require(resolveFrom("google-protobuf/google/protobuf/empty_pb.js")),
        engineServices: require(resolveFrom("@pulumi/pulumi/proto/engine_grpc_pb.js")),
        engineMessages: require(resolveFrom("@pulumi/pulumi/proto/engine_pb.js")),
        jspb: require(resolveFrom("google-protobuf")),
    };
}

const WIRE_MARKERS: WireMarkers = { unknown: UNKNOWN, isSecret: (value): value is SecretValue => value instanceof SecretValue };

/** The engine's wire form back to plain JS with UNKNOWN and secret(...) wrappers (remediated properties). */
function fromWire(value: unknown): unknown {
    if (value === UNKNOWN_VALUE) return UNKNOWN;
    if (Array.isArray(value)) return value.map((v) => fromWire(v));
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record[SPECIAL_SIG_KEY] === SECRET_SIG) return secret(fromWire(record.value));
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fromWire(v)]));
    }
    return value;
}

const PER_RESOURCE_METHODS = new Set(["analyze", "remediate"]);
/** Per-resource calls in flight per pack: enough to keep the pack busy between round trips, few enough to bound memory. */
export const PIPELINE_DEPTH = 32;

/** Runs at most `limit` of the functions given to it at once; the others start in the order they came, as slots free. */
function limiter(limit: number) {
    let active = 0;
    const waiting: Array<() => void> = [];
    return async <T>(fn: () => Promise<T>): Promise<T> => {
        if (active < limit) {
            active++;
        } else {
            // The slot is handed over by the call that ends (see finally), so `active` never overshoots.
            await new Promise<void>((resolve) => waiting.push(resolve));
        }
        try {
            return await fn();
        } finally {
            const next = waiting.shift();
            if (next) next();
            else active--;
        }
    };
}

/** The preview's TypeScript loader and type check (scripts/preview): the CLI's compiler, cached. */
const TS_REGISTER = path.resolve(__dirname, "../ts-register.cjs");
/** The preview's cache (ts-loader.cjs): where compiled config validators and decoded pack info are kept. */
const loader: {
    cacheDir(): string;
    sha256(...parts: Array<string | Uint8Array>): string;
    writeCacheFile(file: string, content: string): void;
} = require("../ts-loader.cjs");

/** The module `require(<pack dir>)` loads, as the runner does: package.json `main`, else index.ts / index.js. */
function packEntry(directory: string): string {
    try {
        const main = JSON.parse(fs.readFileSync(path.join(directory, "package.json"), "utf8")).main;
        if (typeof main === "string" && fs.existsSync(path.resolve(directory, main))) {
            return path.resolve(directory, main);
        }
    } catch {
        // No package.json: the runner falls back to index.*.
    }
    return ["index.ts", "index.js"].map((f) => path.join(directory, f)).find((f) => fs.existsSync(f)) ?? path.join(directory, "index.ts");
}

/** The runner type-checks packs unconditionally (PULUMI_NODEJS_TRANSPILE_ONLY is for programs only). */
function packCheckEnv(extra: Record<string, string> | undefined): NodeJS.ProcessEnv {
    const env = { ...process.env, ...extra };
    delete env.PULUMI_NODEJS_TRANSPILE_ONLY;
    return env;
}

export async function startPolicyPack(packDir: string, options: StartOptions = {}): Promise<PolicyPackProcess> {
    // Loading the SDK's gRPC and protobuf modules below takes a few hundred milliseconds of synchronous work: yield
    // first, so a caller that starts other work right after this call (the preview forks its plan) is not held up.
    await new Promise((resolve) => setImmediate(resolve));
    const directory = path.resolve(packDir);
    if (!fs.existsSync(path.join(directory, "PulumiPolicy.yaml"))) {
        throw new PolicyPackError(`${directory} is not a policy pack: no PulumiPolicy.yaml`);
    }
    let sdk: ReturnType<typeof loadSdk>;
    try {
        sdk = loadSdk(directory);
    } catch (err) {
        throw new PolicyPackError(`policy pack ${directory}: cannot resolve @pulumi/pulumi from it (run npm install there): ${(err as Error).message}`);
    }
    const logs: PackLog[] = [];
    // The runner type-checks the pack with ts-node on every start (seconds). Instead: the same compiler and options
    // through the preview's loader (transpiled output cached on disk), and the same type check run alongside the start,
    // cached by content, with the same outcome for a pack with type errors: it does not start.
    const entry = packEntry(directory);
    const engine = await startEngineServer(sdk, logs);
    // The runner takes the engine address as its first argument but drops it; the SDK's log module finds the engine
    // through PULUMI_NODEJS_ENGINE, so `pulumi.log.*` in the pack reaches our Engine server instead of being lost.
    const loaderArgs = options.asCli ? [] : ["--require", TS_REGISTER];
    const loaderEnv = options.asCli ? {} : { PLATFORM_PREVIEW_PROGRAM_DIR: directory, PLATFORM_PREVIEW_REPLACE_TS_NODE: "1" };
    const child = spawn(options.nodePath ?? process.execPath, [...loaderArgs, sdk.runPolicyPack, engine.address, directory], {
        cwd: directory,
        env: { ...process.env, PULUMI_NODEJS_ENGINE: engine.address, ...loaderEnv, ...options.env },
        stdio: ["ignore", "pipe", "pipe"],
    });
    // After the spawn: looking up the cached check stats every file it read, time the pack can spend loading.
    const checking = !options.asCli && /\.[cm]?tsx?$/.test(entry) ? typeCheck(directory, entry, packCheckEnv(options.env)) : Promise.resolve(undefined);
    let port: number;
    try {
        const [checked, bound] = await Promise.all([checking, readPort(child, logs, options.startTimeoutMs ?? 60_000, directory).then((p) => ({ port: p }), (error: unknown) => ({ error }))]);
        if (checked?.checked && checked.errors.length > 0) {
            child.kill("SIGKILL");
            throw new PolicyPackError(`policy pack ${directory} has type errors (the CLI type-checks packs): ${formatTypeErrors(checked.errors)}`);
        }
        if (checked && !checked.checked && checked.failed) {
            child.kill("SIGKILL");
            throw new PolicyPackError(`policy pack ${directory} could not be type-checked: ${checked.failed}`);
        }
        if ("error" in bound) {
            throw bound.error;
        }
        port = bound.port;
    } catch (err) {
        engine.server.forceShutdown();
        throw err;
    }
    let closed = false;
    const client = new sdk.services.AnalyzerClient(`127.0.0.1:${port}`, sdk.grpc.credentials.createInsecure());
    /** A request already in wire form goes out as is, with the method's own response decoding. */
    /** The method's response as received, undecoded (`getAnalyzerInfo`, decoded through a cache below). */
    const RAW_RESPONSE = new Set(["getAnalyzerInfo"]);
    const send = (method: string, request: unknown, callback: (err: Error | null, response: any) => void) => {
        const definition = sdk.services.AnalyzerService[method];
        if (request instanceof Uint8Array || RAW_RESPONSE.has(method)) {
            const bytes = request instanceof Uint8Array ? request : definition.requestSerialize(request);
            const decode = RAW_RESPONSE.has(method) ? (buffer: Buffer) => buffer : definition.responseDeserialize;
            client.makeUnaryRequest(definition.path, (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength), decode, bytes, callback);
        } else {
            client[method](request, callback);
        }
    };
    const call = <T>(method: string, request: unknown): Promise<T> =>
        new Promise((resolve, reject) => {
            if (closed) {
                reject(new PolicyPackError(`${method}: policy pack ${directory} has been closed`));
                return;
            }
            // A pack killed by a signal has a null exitCode but a signalCode.
            if (child.exitCode !== null || child.signalCode !== null) {
                reject(new PolicyPackError(`${method}: policy pack ${directory} has exited (${child.signalCode ?? `code ${child.exitCode}`})${stderrTail(logs)}`));
                return;
            }
            send(method, request, (err: Error | null, response: T) =>
                err
                    ? reject(new PolicyPackError(`${method} failed in policy pack ${directory}: ${err.message}${stderrTail(logs)}`))
                    // Log calls the pack made before answering travel on the engine connection: let them land first.
                    // Per-resource calls only yield a turn (5 ms each was 1.5 s on 300 resources); the stack call that
                    // ends an evaluation waits the full 5 ms, by when earlier calls' logs have long arrived.
                    : PER_RESOURCE_METHODS.has(method) ? setImmediate(() => resolve(response)) : setTimeout(() => resolve(response), 5));
        });

    let info: AnalyzerInfo;
    try {
        info = analyzerInfoOf(await call<Buffer>("getAnalyzerInfo", new sdk.empty.Empty()), sdk.messages);
    } catch (err) {
        client.close();
        child.kill("SIGKILL");
        engine.server.forceShutdown();
        throw err;
    }
    const policyTags = new Map(info.policies.map((p) => [p.name, p.tags]));
    const withTags = (diagnostics: Diagnostic[]) => diagnostics.map((d) => ({ ...d, tags: policyTags.get(d.policyName) ?? [] }));

    const makeOptions = (opts: AnalyzerResourceOptionsInput = {}) => {
        const o = new sdk.messages.AnalyzerResourceOptions();
        o.setProtect(opts.protect ?? false);
        o.setIgnorechangesList(opts.ignoreChanges ?? []);
        o.setDeletebeforereplace(opts.deleteBeforeReplace ?? false);
        o.setDeletebeforereplacedefined(opts.deleteBeforeReplace !== undefined);
        o.setAdditionalsecretoutputsList(opts.additionalSecretOutputs ?? []);
        o.setAliasesList(opts.aliases ?? []);
        const timeouts = new sdk.messages.AnalyzerResourceOptions.CustomTimeouts();
        timeouts.setCreate(seconds(opts.customTimeouts?.create));
        timeouts.setUpdate(seconds(opts.customTimeouts?.update));
        timeouts.setDelete(seconds(opts.customTimeouts?.delete));
        o.setCustomtimeouts(timeouts);
        if (opts.parent) o.setParent(opts.parent);
        return o;
    };
    const withOptions = (resource: AnalyzerResource): AnalyzerResourceOptionsInput => ({ parent: resource.parent, ...resource.options });
    const writer = resourceWriter(sdk.jspb.BinaryWriter, WIRE_MARKERS);
    /**
     * Analyze and Remediate take the same request: one resource with its options (always) and provider. It is written
     * once per resource object and reused by AnalyzeStack (whose entries begin with the same fields): a resource must
     * not change once it has been sent.
     */
    const written = new WeakMap<AnalyzerResource, Uint8Array>();
    const analyzeRequest = (resource: AnalyzerResource) => {
        let bytes = written.get(resource);
        if (!bytes) {
            bytes = writer.analyzeRequest(resource, makeOptions(withOptions(resource)).serializeBinary());
            written.set(resource, bytes);
        }
        return bytes;
    };

    const perResource = limiter(PIPELINE_DEPTH);
    const notApplicable: Array<{ urn?: string; policyName: string; reason: string }> = [];
    const recordNotApplicable = (response: any, urn: string | undefined) => {
        for (const n of response.getNotApplicableList?.() ?? []) {
            notApplicable.push({ ...(urn ? { urn } : {}), policyName: n.getPolicyName(), reason: n.getReason() });
        }
    };

    const pack: PolicyPackProcess = {
        info,
        directory,
        logs: () => [...logs],

        async configure(config: PolicyPackConfigFile) {
            const resolved = resolveConfig(info, config);
            await pack.configureResolved(resolved);
            return resolved;
        },

        async configureResolved(resolved: ResolvedPolicyConfig) {
            const request = new sdk.messages.ConfigureAnalyzerRequest();
            const map = request.getPolicyconfigMap();
            for (const [name, entry] of Object.entries(resolved)) {
                const policyConfig = new sdk.messages.PolicyConfig();
                policyConfig.setEnforcementlevel(LEVELS.indexOf(entry.enforcementLevel));
                policyConfig.setProperties(sdk.struct.Struct.fromJavaScript(entry.properties as any));
                map.set(name, policyConfig);
            }
            await call("configure", request);
        },

        analyze(resource: AnalyzerResource) {
            // The request is built when its turn comes: only the calls in flight hold one.
            return perResource(async () => {
                const response = await call<any>("analyze", analyzeRequest(resource));
                recordNotApplicable(response, resource.urn);
                return withTags(toDiagnostics(response));
            });
        },

        async analyzeStack(resources: AnalyzerResource[]) {
            const request = writer.analyzeStackRequest(resources.map((resource) => ({ resource, analyze: analyzeRequest(resource) })));
            const response = await call<any>("analyzeStack", request);
            recordNotApplicable(response, undefined);
            return withTags(toDiagnostics(response));
        },

        notApplicable() {
            return [...notApplicable];
        },

        async remediate(resource: AnalyzerResource) {
            const response = await perResource(() => call<any>("remediate", analyzeRequest(resource)));
            return response.getRemediationsList().map((r: any): Remediation => ({
                policyName: r.getPolicyname(),
                policyPackName: r.getPolicypackname(),
                policyPackVersion: r.getPolicypackversion(),
                description: r.getDescription(),
                urn: resource.urn,
                properties: fromWire(r.getProperties()?.toJavaScript()) as Record<string, unknown> | undefined,
                diagnostic: r.getDiagnostic() || undefined,
            }));
        },

        async close() {
            if (closed) return;
            closed = true;
            client.close();
            if (child.exitCode === null) {
                const exited = new Promise((resolve) => child.once("exit", resolve));
                child.kill("SIGTERM");
                // unref: the grace period must not keep the caller's process alive after the pack has gone.
                await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000).unref())]);
                if (child.exitCode === null) child.kill("SIGKILL");
            }
            await new Promise<void>((resolve) => engine.server.tryShutdown(() => resolve()));
        },
    };
    return pack;
}

/** A minimal `pulumirpc.Engine` on 127.0.0.1 that keeps the pack's log messages. */
async function startEngineServer(sdk: ReturnType<typeof loadSdk>, logs: PackLog[]) {
    const severities = ["debug", "info", "warning", "error"] as const;
    const server = new sdk.grpc.Server();
    type Callback = (err: object | null, response?: unknown) => void;
    const unimplemented = (_call: unknown, callback: Callback) =>
        callback({ code: sdk.grpc.status.UNIMPLEMENTED, details: "not provided by the analyzer client's engine" });
    server.addService(sdk.engineServices.EngineService, {
        log: (call: any, callback: Callback) => {
            const request = call.request;
            logs.push({ stream: "engine", severity: severities[request.getSeverity()] ?? "info", message: request.getMessage(), urn: request.getUrn() || undefined });
            callback(null, new sdk.empty.Empty());
        },
        getRootResource: (_call: unknown, callback: Callback) => callback(null, new sdk.engineMessages.GetRootResourceResponse()),
        setRootResource: (_call: unknown, callback: Callback) => callback(null, new sdk.engineMessages.SetRootResourceResponse()),
        startDebugging: unimplemented,
        requirePulumiVersion: unimplemented,
    });
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", sdk.grpc.ServerCredentials.createInsecure(), (err: Error | null, bound: number) => (err ? reject(err) : resolve(bound))));
    return { server, address: `127.0.0.1:${port}` };
}

/** `"1h30m"` → 5400; numbers are seconds already. */
function seconds(timeout: number | string | undefined): number {
    if (timeout === undefined || timeout === "") return 0;
    if (typeof timeout === "number") return timeout;
    const units: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
    let total = 0;
    for (const [, amount, unit] of timeout.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) {
        total += Number(amount) * units[unit];
    }
    return total;
}

/** The pack's stderr and its engine-logged errors (the runner reports a load failure through the engine). */
function stderrTail(logs: PackLog[]): string {
    const text = logs
        .filter((l) => l.stream === "stderr" || (l.stream === "engine" && l.severity === "error"))
        .map((l) => (l.stream === "engine" ? `${l.message}\n` : l.message))
        .join("")
        .trim();
    return text ? `\n--- policy pack errors (last lines) ---\n${text.split("\n").slice(-15).join("\n")}` : "";
}

function readPort(child: ChildProcess, logs: PackLog[], timeoutMs: number, directory: string): Promise<number> {
    return new Promise((resolve, reject) => {
        let stdout = "";
        let settled = false;
        const finish = (err: Error | undefined, port?: number) => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            if (err) {
                child.kill("SIGKILL");
                reject(err);
            } else {
                resolve(port!);
            }
        };
        const timer = setTimeout(() => finish(new PolicyPackError(`policy pack ${directory} printed no port within ${timeoutMs} ms${stderrTail(logs)}`)), timeoutMs);
        child.stdout!.on("data", (chunk: Buffer) => {
            const text = chunk.toString();
            if (settled) {
                logs.push({ stream: "stdout", severity: "info", message: text });
                return;
            }
            stdout += text;
            const match = /^\s*(\d+)\s*$/m.exec(stdout);
            if (match) finish(undefined, Number(match[1]));
        });
        child.stderr!.on("data", (chunk: Buffer) => logs.push({ stream: "stderr", severity: "error", message: chunk.toString() }));
        child.on("error", (err) => finish(new PolicyPackError(`policy pack ${directory} could not start: ${err.message}`)));
        child.on("exit", (code, signal) => finish(new PolicyPackError(`policy pack ${directory} exited (${signal ?? `code ${code}`}) before serving${stdout.trim() ? `\n${stdout.trim()}` : ""}${stderrTail(logs)}`)));
    });
}

/**
 * GetAnalyzerInfo's answer, decoded. A pack's info (every policy with its config schema) takes jspb tens of
 * milliseconds to decode, and Configure — so every verdict — waits for it: the decoded form is kept in the preview's
 * cache, keyed by the answer's bytes, so an unchanged pack's answer is decoded once.
 */
function analyzerInfoOf(response: Buffer, messages: any): AnalyzerInfo {
    const file = path.join(loader.cacheDir(), "analyzer-info", `${loader.sha256(response)}.json`);
    try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
        // Not decoded yet.
    }
    // In its JSON form either way, so a first run and a cached one see the same object.
    const info: AnalyzerInfo = JSON.parse(JSON.stringify(toAnalyzerInfo(messages.AnalyzerInfo.deserializeBinary(response))));
    loader.writeCacheFile(file, JSON.stringify(info));
    return info;
}

function toAnalyzerInfo(response: any): AnalyzerInfo {
    const initialConfig: Record<string, unknown> = {};
    response.getInitialconfigMap().forEach((v: any, k: string) => {
        initialConfig[k] = { enforcementLevel: LEVELS[v.getEnforcementlevel()], ...(v.getProperties()?.toJavaScript() ?? {}) };
    });
    return {
        name: response.getName(),
        displayName: response.getDisplayname(),
        version: response.getVersion(),
        description: response.getDescription() || undefined,
        supportsConfig: response.getSupportsconfig(),
        initialConfig,
        policies: response.getPoliciesList().map((p: any): PolicyInfo => {
            const framework = p.getFramework();
            const schema = p.getConfigschema();
            return {
                name: p.getName(),
                displayName: p.getDisplayname(),
                description: p.getDescription(),
                enforcementLevel: LEVELS[p.getEnforcementlevel()],
                severity: SEVERITIES[p.getSeverity()] || undefined,
                framework: framework ? { name: framework.getName(), version: framework.getVersion(), reference: framework.getReference(), specification: framework.getSpecification() } : undefined,
                tags: p.getTagsList(),
                remediationSteps: p.getRemediationSteps() || undefined,
                url: p.getUrl() || undefined,
                configSchema: schema ? { properties: schema.getProperties()?.toJavaScript(), required: schema.getRequiredList() } : undefined,
            };
        }),
    };
}

function toDiagnostics(response: any): Diagnostic[] {
    return response.getDiagnosticsList().map((d: any): Diagnostic => ({
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: LEVELS[d.getEnforcementlevel()],
        urn: d.getUrn() || undefined,
        severity: SEVERITIES[d.getSeverity()] || undefined,
    }));
}

export type ResolvedPolicyConfig = Record<string, { enforcementLevel: EnforcementLevel; properties: Record<string, unknown> }>;

/** Edit distance, for "did you mean" on a misspelt key. */
function distance(a: string, b: string): number {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let previous = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const current = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1].toLowerCase() === b[j - 1].toLowerCase() ? 0 : 1));
            previous = current;
        }
    }
    return row[b.length];
}

function suggestion(key: string, known: string[]): string {
    // A rule renamed to follow its path keeps its old name as the tail (`log-group-retention` → `cloudwatch-log-group-retention`).
    const renamed = known.filter((k) => k.endsWith(`-${key}`));
    if (renamed.length === 1) return ` (did you mean "${renamed[0]}"?)`;
    const best = known.map((k) => ({ k, d: distance(key, k) })).sort((x, y) => x.d - y.d)[0];
    return best && best.d < key.length && best.d <= Math.max(1, Math.floor(key.length / 3)) ? ` (did you mean "${best.k}"?)` : "";
}

/** `/waivers/0/expires` → `waivers[0].expires`. */
function propertyPath(instancePath: string): string[] {
    return instancePath.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}
function showPath(segments: Array<string | number>): string {
    return segments.map((s, i) => (/^\d+$/.test(String(s)) ? `[${s}]` : i === 0 ? String(s) : `.${s}`)).join("");
}

/**
 * The schema the engine validates (`{type: object, properties, required}`), with every object schema that lists its
 * properties and says nothing about others closed (`additionalProperties: false`): a misspelt key (`waiver` for
 * `waivers`) is an error instead of a setting silently ignored.
 */
function closedSchema(schema: unknown): unknown {
    if (Array.isArray(schema)) return schema.map(closedSchema);
    if (schema === null || typeof schema !== "object") return schema;
    const node = schema as Record<string, unknown>;
    const out: Record<string, unknown> = { ...node };
    if (node.properties && typeof node.properties === "object") {
        out.properties = Object.fromEntries(Object.entries(node.properties as Record<string, unknown>).map(([k, v]) => [k, closedSchema(v)]));
        if (node.additionalProperties === undefined && node.patternProperties === undefined) out.additionalProperties = false;
    }
    if (node.items !== undefined) out.items = closedSchema(node.items);
    return out;
}

/** A leaf value for an error message; never the value of a secret-looking key. */
function received(value: unknown, segments: Array<string | number>): string {
    if (isSecretLikePath(segments)) return "";
    if (value === undefined || (typeof value === "object" && value !== null)) return "";
    const text = JSON.stringify(value);
    return `, received ${text.length > 60 ? `${text.slice(0, 57)}...` : text}`;
}

type ConfigValidator = ReturnType<Ajv["compile"]>;
const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true } as const;

/**
 * A validator for each of the given config schemas. Compiling them is most of the cost of reconciling a pack's config
 * (ajv generates and compiles code per schema, ~150 ms for this repository's pack), paid before Configure and so before
 * any resource can be analyzed: the generated code is kept on disk (ajv's standalone output, in the preview's cache,
 * keyed by the schemas and ajv's version) and loaded as any module is. The same code validates either way.
 */
function configValidators(schemas: object[]): Map<string, ConfigValidator> {
    const texts = [...new Set(schemas.map((schema) => JSON.stringify(schema)))].sort();
    const ajvDir = path.dirname(require.resolve("ajv/package.json"));
    const ajvVersion: string = require("ajv/package.json").version;
    const file = path.join(loader.cacheDir(), "ajv", `${loader.sha256(ajvDir, ajvVersion, JSON.stringify(AJV_OPTIONS), ...texts)}.js`);
    let compiled: Record<string, ConfigValidator> | undefined;
    try {
        compiled = require(file);
    } catch {
        // Loaded only to compile (a warm run loads the generated code alone).
        const AjvClass: typeof Ajv = require("ajv").default;
        const ajv = new AjvClass({ ...AJV_OPTIONS, code: { source: true } });
        texts.forEach((text, i) => ajv.addSchema(JSON.parse(text), `v${i}`));
        const ids = Object.fromEntries(texts.map((_, i) => [`v${i}`, `v${i}`]));
        // The generated code requires ajv's runtime helpers by package name; the cache is not under node_modules.
        const code: string = require("ajv/dist/standalone").default(ajv, ids);
        loader.writeCacheFile(file, code.replace(/require\("ajv\//g, `require(${JSON.stringify(`${ajvDir}/`)} + "`));
        compiled = Object.fromEntries(texts.map((_, i) => [`v${i}`, ajv.getSchema(`v${i}`)!]));
    }
    return new Map(texts.map((text, i) => [text, compiled![`v${i}`]]));
}

/**
 * What the engine does with a config file before Configure (pkg/resource/analyzer/config.go,
 * `ReconcilePolicyPackConfig`): every policy starts at its own level with the top-level `default`s of its config schema,
 * the pack's initial config is applied, then the file's — `all` sets every policy's level, a policy's entry overrides
 * its level and its properties one by one — and each policy's properties are validated against
 * `{type: object, properties, required}` of its schema. Beyond the engine, a key that names no policy, a property the
 * policy's schema does not declare and properties under `all` are errors too (the engine would ignore them silently).
 * All problems are reported together, sorted, each with its property path and reason.
 */
export function resolveConfig(info: AnalyzerInfo, config: PolicyPackConfigFile): ResolvedPolicyConfig {
    const problems: string[] = [];
    const policyNames = info.policies.map((p) => p.name);
    const isLevel = (v: unknown): v is EnforcementLevel => typeof v === "string" && (LEVELS as string[]).includes(v);
    const levelProblem = (where: string, v: unknown) => `${where}: ${JSON.stringify(v)} is not a valid enforcement level (one of ${LEVELS.join(", ")})`;

    // The file, parsed as the engine parses it (parsePolicyPackConfig / extractEnforcementLevel).
    const given = new Map<string, { level?: EnforcementLevel; properties: Record<string, unknown> }>();
    for (const [key, value] of Object.entries(config)) {
        if (key === "environments") {
            problems.push(`environments: Pulumi ESC environments cannot be opened offline; put the policy config in the file itself`);
            continue;
        }
        if (key !== "all" && !policyNames.includes(key)) {
            problems.push(`names a policy the pack ${info.name} does not have: ${key}${suggestion(key, policyNames)}`);
            continue;
        }
        if (typeof value === "string") {
            if (!isLevel(value)) problems.push(levelProblem(`${key}.enforcementLevel`, value));
            else given.set(key, { level: value, properties: {} });
        } else if (value !== null && typeof value === "object" && !Array.isArray(value)) {
            const { enforcementLevel, ...properties } = value as Record<string, unknown>;
            if (enforcementLevel !== undefined && !isLevel(enforcementLevel)) {
                problems.push(levelProblem(`${key}.enforcementLevel`, enforcementLevel));
                continue;
            }
            if (key === "all" && Object.keys(properties).length > 0) {
                problems.push(`all: only "enforcementLevel" applies to every policy; unknown propert${Object.keys(properties).length === 1 ? "y" : "ies"} ${Object.keys(properties).map((k) => `"${k}"`).join(", ")}`);
            }
            given.set(key, { level: enforcementLevel as EnforcementLevel | undefined, properties: key === "all" ? {} : properties });
        } else {
            problems.push(`${key}: ${JSON.stringify(value)} is not a valid value; must be an enforcement level or an object`);
        }
    }

    // Reconcile: schema defaults < initial config < file (`all` first, then each policy's own entry).
    const resolved: ResolvedPolicyConfig = {};
    for (const policy of info.policies) {
        const defaults = Object.fromEntries(Object.entries(policy.configSchema?.properties ?? {})
            .filter(([, schema]) => schema !== null && typeof schema === "object" && "default" in (schema as object))
            .map(([k, schema]) => [k, (schema as { default: unknown }).default]));
        const { enforcementLevel: initialLevel, ...initialProperties } = (info.initialConfig[policy.name] ?? {}) as Record<string, unknown>;
        resolved[policy.name] = {
            enforcementLevel: (isLevel(initialLevel) ? initialLevel : policy.enforcementLevel),
            properties: { ...defaults, ...initialProperties },
        };
    }
    const all = given.get("all")?.level;
    for (const entry of Object.values(resolved)) {
        if (all) entry.enforcementLevel = all;
    }
    for (const [name, entry] of given) {
        if (name === "all") continue;
        if (entry.level) resolved[name].enforcementLevel = entry.level;
        Object.assign(resolved[name].properties, entry.properties);
    }

    // Validate as the engine does, plus unknown properties.
    const schemaOf = (policy: PolicyInfo) => closedSchema({ type: "object", properties: policy.configSchema!.properties, required: policy.configSchema!.required ?? [] }) as object;
    const validators = configValidators(info.policies.filter((p) => Object.keys(p.configSchema?.properties ?? {}).length > 0).map(schemaOf));
    for (const policy of info.policies) {
        const properties = resolved[policy.name].properties;
        const declared = Object.keys(policy.configSchema?.properties ?? {});
        if (declared.length === 0) {
            const extra = Object.keys(given.get(policy.name)?.properties ?? {});
            if (extra.length > 0) problems.push(`${policy.name}: takes no configuration; unknown propert${extra.length === 1 ? "y" : "ies"} ${extra.map((k) => `"${k}"`).join(", ")}`);
            continue;
        }
        const validate = validators.get(JSON.stringify(schemaOf(policy)))!;
        if (validate(properties)) continue;
        for (const e of validate.errors ?? []) {
            const segments = propertyPath(e.instancePath);
            const at = (extra: Array<string | number> = []) => `${policy.name}.${showPath([...segments, ...extra])}`.replace(/\.$/, "");
            const params = e.params as Record<string, any>;
            let value: unknown = properties;
            for (const s of segments) value = (value as any)?.[s];
            switch (e.keyword) {
                case "additionalProperties": {
                    const siblings = Object.keys(((e.parentSchema as any)?.properties) ?? {});
                    problems.push(`${at([params.additionalProperty])}: unknown property${suggestion(params.additionalProperty, siblings)}; allowed: ${siblings.join(", ")}`);
                    break;
                }
                case "required":
                    problems.push(`${at([params.missingProperty])}: is required`);
                    break;
                case "enum":
                    problems.push(`${at()}: must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}${received(value, segments)}`);
                    break;
                default:
                    problems.push(`${at()}: ${e.message}${received(value, segments)}`);
            }
        }
    }
    if (problems.length > 0) {
        throw new PolicyPackError(`invalid policy config for ${info.name}:\n  - ${[...new Set(problems)].sort().join("\n  - ")}`);
    }
    return resolved;
}
