/**
 * The engine's side of a program run, in process: `pulumirpc.ResourceMonitor` and `pulumirpc.Engine` gRPC servers that
 * the SDK's own runner (`@pulumi/pulumi/cmd/run`, started by plan.ts as the CLI's Node language host starts it) talks
 * to, answering registrations, reads and invokes with the mocks' outputs (mocks/mocks.ts). What the engine does before
 * a step is built is done here as the engine does it (pkg/resource/deploy/source_eval.go): URNs from the parent's full
 * qualified type, the resource's own transforms, then its parents', then the stack's (callbacks served by the SDK's
 * Callbacks server), invoke transforms, duplicate URNs refused. In a preview, a resource being created has only its
 * inputs as outputs: every other output is left out of the answer, which the SDK resolves as unknown, as from the CLI.
 */
import * as path from "path";
import type * as pulumi from "@pulumi/pulumi";
import type { RegisteredResource } from "./plan-protocol";
import type { SourceLocation } from "./model";
import { newUrn as urnOf, ROOT_STACK_TYPE } from "./urn";
import { optionsOf, recordOf } from "./registration";

const sdkRoot = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
function loadProtocol() {
    const fromSdk = (module: string) => require(require.resolve(module, { paths: [sdkRoot] }));
    return {
        grpc: fromSdk("@grpc/grpc-js") as typeof import("@grpc/grpc-js"),
        resourceServices: fromSdk("@pulumi/pulumi/proto/resource_grpc_pb.js"),
        resource: fromSdk("@pulumi/pulumi/proto/resource_pb.js"),
        provider: fromSdk("@pulumi/pulumi/proto/provider_pb.js"),
        engineServices: fromSdk("@pulumi/pulumi/proto/engine_grpc_pb.js"),
        engine: fromSdk("@pulumi/pulumi/proto/engine_pb.js"),
        callbackServices: fromSdk("@pulumi/pulumi/proto/callback_grpc_pb.js"),
        callback: fromSdk("@pulumi/pulumi/proto/callback_pb.js"),
        struct: fromSdk("google-protobuf/google/protobuf/struct_pb.js"),
        empty: fromSdk("google-protobuf/google/protobuf/empty_pb.js"),
    };
}

/** The SDK's wire value for a value unknown during preview (runtime/rpc.js `unknownValue`). */
export const UNKNOWN_WIRE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";

export interface EngineLog {
    severity: "debug" | "info" | "warning" | "error";
    message: string;
    urn?: string;
}

export interface EngineOptions {
    project: string;
    stack: string;
    /** The program's directory: source positions are reported relative to it. */
    directory: string;
    dryRun: boolean;
    mocks: pulumi.runtime.Mocks;
    /** Each registration, after transforms, as it arrives (providers before the resources that use them). */
    onResource(resource: RegisteredResource): void;
    /** A registration the engine would refuse (a duplicate URN, a failing transform): the deployment fails. */
    onError(message: string, location?: SourceLocation): void;
}

export interface InProcessEngine {
    monitorAddress: string;
    engineAddress: string;
    logs: EngineLog[];
    /** Resolves when the program calls SignalAndWaitForShutdown: it finished and every registration was answered. */
    shutdownSignalled: Promise<void>;
    /** Registrations answered so far. */
    registered(): number;
    close(): Promise<void>;
}

/** The monitor features of the CLI's engine (supportsFeatureID), except `outputValues`: see SupportsFeature below. */
const FEATURES = new Set(["secrets", "resourceReferences", "aliasSpecs", "replacementTrigger", "deletedWith", "replaceWith", "transforms", "invokeTransforms", "parameterization", "resourceHooks", "errorHooks", "sendsOptionsToHooks"]);

/** Plain JS for Struct.fromJavaScript: undefined dropped (protobuf has no such value). */
function plain(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : plain(v)));
    if (value !== null && typeof value === "object") {
        return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined).map(([k, v]) => [k, plain(v)]));
    }
    return value;
}

/** The wire form back to what the mocks take: secrets unwrapped (the mocks answer values, not their secrecy). */
function unwrapSecrets(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(unwrapSecrets);
    if (value !== null && typeof value === "object") {
        const record = value as Record<string, unknown>;
        if (record[SPECIAL_SIG_KEY] === "1b47061264138c4ac30d75fd1eb44270") return unwrapSecrets(record.value);
        return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
    }
    return value;
}

function relativeTo(directory: string, file: string): string {
    return path.relative(directory, file).split(path.sep).join("/");
}

function fileOf(uri: string): string {
    return uri.startsWith("file://") ? decodeURIComponent(new URL(uri).pathname) : uri;
}

/** Outside the SDK and Pulumi's packages: where a program (or its component library) declared a resource. */
function isUserFile(file: string): boolean {
    return !file.includes(`${path.sep}node_modules${path.sep}@pulumi${path.sep}`) && !file.startsWith("node:") && !file.includes(`${path.sep}node_modules${path.sep}ts-node`);
}

export async function startEngine(options: EngineOptions): Promise<InProcessEngine> {
    const proto = loadProtocol();
    const { grpc } = proto;
    const logs: EngineLog[] = [];
    const urns = new Set<string>();
    const parents = new Map<string, string>();
    /** Transforms declared on each resource (the `transforms` option): they also run on its children. */
    const resourceTransforms = new Map<string, any[]>();
    const stackTransforms: any[] = [];
    const stackInvokeTransforms: any[] = [];
    const callbackClients = new Map<string, any>();
    let rootUrn = "";
    let registered = 0;
    let signalShutdown!: () => void;
    const shutdownSignalled = new Promise<void>((resolve) => (signalShutdown = resolve));

    type Callback = (err: object | null, response?: unknown) => void;
    const answer = (callback: Callback, work: () => Promise<unknown>) => {
        work().then((response) => callback(null, response), (err: unknown) => callback({ code: grpc.status.UNKNOWN, details: err instanceof Error ? err.message : String(err) }));
    };

    const callbacksClient = (target: string) => {
        let client = callbackClients.get(target);
        if (!client) {
            client = new proto.callbackServices.CallbacksClient(target, grpc.credentials.createInsecure(), { "grpc.max_receive_message_length": 400 * 1024 * 1024 });
            callbackClients.set(target, client);
        }
        return client;
    };
    const invokeCallback = (cb: any, request: Uint8Array): Promise<Uint8Array> =>
        new Promise((resolve, reject) => {
            const req = new proto.callback.CallbackInvokeRequest();
            req.setToken(cb.getToken());
            req.setRequest(request);
            callbacksClient(cb.getTarget()).invoke(req, (err: Error | null, response: any) => (err ? reject(err) : resolve(response.getResponse_asU8())));
        });

    const newUrn = (parent: string, type: string, name: string) => urnOf(options.stack, options.project, parent, type, name);

    const locate = (position: any, stackTrace: any): SourceLocation | undefined => {
        const positions = [position, ...(stackTrace?.getFramesList?.() ?? []).map((f: any) => f.getPc?.())].filter(Boolean);
        for (const pos of positions) {
            const uri: string = pos.getUri();
            if (!uri) continue;
            const file = fileOf(uri);
            if (isUserFile(file)) {
                return { file: relativeTo(options.directory, file), line: pos.getLine(), ...(pos.getColumn() ? { column: pos.getColumn() } : {}) };
            }
        }
        return undefined;
    };

    const monitor = {
        supportsFeature(call: any, callback: Callback) {
            // `outputValues` off: inputs arrive as plain values, secrets and unknowns (as the analyzer gets them from the
            // engine after it flattens output values); the SDK then needs it only for remote components' Construct.
            const response = new proto.resource.SupportsFeatureResponse();
            response.setHassupport(FEATURES.has(call.request.getId()));
            callback(null, response);
        },
        registerStackTransform(call: any, callback: Callback) {
            stackTransforms.push(call.request);
            callback(null, new proto.empty.Empty());
        },
        registerStackInvokeTransform(call: any, callback: Callback) {
            stackInvokeTransforms.push(call.request);
            callback(null, new proto.empty.Empty());
        },
        registerPackage(call: any, callback: Callback) {
            const response = new proto.resource.RegisterPackageResponse();
            response.setRef(`${call.request.getName()}@${call.request.getVersion()}`);
            callback(null, response);
        },
        registerResourceHook(_call: any, callback: Callback) {
            // Hooks run around steps (create, update, delete); a preview runs none.
            callback(null, new proto.empty.Empty());
        },
        registerErrorHook(_call: any, callback: Callback) {
            callback(null, new proto.empty.Empty());
        },
        signalAndWaitForShutdown(_call: any, callback: Callback) {
            signalShutdown();
            callback(null, new proto.empty.Empty());
        },
        registerResourceOutputs(_call: any, callback: Callback) {
            callback(null, new proto.empty.Empty());
        },
        invoke(call: any, callback: Callback) {
            answer(callback, async () => {
                const req = call.request;
                let args = req.getArgs();
                let provider: string = req.getProvider();
                for (const transform of stackInvokeTransforms) {
                    const treq = new proto.resource.TransformInvokeRequest();
                    treq.setToken(req.getTok());
                    treq.setArgs(args);
                    const opts = new proto.resource.TransformInvokeOptions();
                    opts.setProvider(provider);
                    opts.setVersion(req.getVersion());
                    treq.setOptions(opts);
                    const tres = proto.resource.TransformInvokeResponse.deserializeBinary(await invokeCallback(transform, treq.serializeBinary()));
                    args = tres.getArgs() ?? args;
                    provider = tres.getOptions()?.getProvider() ?? provider;
                }
                const result = await options.mocks.call({ token: req.getTok(), inputs: unwrapSecrets(args?.toJavaScript() ?? {}) as Record<string, any>, provider });
                const response = new proto.resource.ResourceInvokeResponse();
                response.setReturn(proto.struct.Struct.fromJavaScript(plain(result)));
                return response;
            });
        },
        call(call: any, callback: Callback) {
            answer(callback, async () => {
                const req = call.request;
                const result = await options.mocks.call({ token: req.getTok(), inputs: unwrapSecrets(req.getArgs()?.toJavaScript() ?? {}) as Record<string, any>, provider: req.getProvider() });
                const response = new proto.provider.CallResponse();
                response.setReturn(proto.struct.Struct.fromJavaScript(plain(result)));
                return response;
            });
        },
        readResource(call: any, callback: Callback) {
            answer(callback, async () => {
                const req = call.request;
                const urn = newUrn(req.getParent(), req.getType(), req.getName());
                if (urns.has(urn)) {
                    throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
                }
                urns.add(urn);
                const result = await options.mocks.newResource({
                    type: req.getType(), name: req.getName(), inputs: unwrapSecrets(req.getProperties()?.toJavaScript() ?? {}) as Record<string, any>,
                    provider: req.getProvider(), custom: true, id: req.getId(),
                });
                const response = new proto.resource.ReadResourceResponse();
                response.setUrn(urn);
                response.setProperties(proto.struct.Struct.fromJavaScript(plain(result.state ?? {})));
                return response;
            });
        },
        registerResource(call: any, callback: Callback) {
            answer(callback, () => register(call.request));
        },
    };

    async function register(req: any) {
        const type: string = req.getType();
        const name: string = req.getName();
        const parent: string = req.getParent() || (type === ROOT_STACK_TYPE ? "" : rootUrn);
        const custom: boolean = req.getCustom();
        const urn = newUrn(parent, type, name);
        const source = locate(req.getSourceposition(), req.getStacktrace());
        if (urns.has(urn)) {
            // The engine refuses a second resource with the same URN; the deployment would fail.
            options.onError(`Duplicate resource URN '${urn}'; try giving it a unique name`, source);
            throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
        }
        urns.add(urn);
        if (parent) parents.set(urn, parent);

        // The engine's order (source_eval.go RegisterResource): this resource's transforms, its parents', the stack's.
        const own: any[] = req.getTransformsList();
        const transforms = [...own];
        for (let current = parent; current; current = parents.get(current) ?? "") {
            transforms.push(...(resourceTransforms.get(current) ?? []));
        }
        transforms.push(...stackTransforms);
        if (own.length > 0) resourceTransforms.set(urn, own);

        let props = req.getObject() ?? new proto.struct.Struct();
        let opts = optionsOf(req);
        for (const transform of transforms) {
            const treq = new proto.resource.TransformRequest();
            treq.setName(name);
            treq.setType(type);
            treq.setCustom(custom);
            treq.setParent(parent);
            treq.setProperties(props);
            treq.setOptions(opts);
            let bytes: Uint8Array;
            try {
                bytes = await invokeCallback(transform, treq.serializeBinary());
            } catch (err) {
                const message = `transform of ${urn} failed: ${err instanceof Error ? err.message.replace(/^\d+ [A-Z_]+: /, "") : String(err)}`;
                options.onError(message, source);
                throw new Error(message, { cause: err });
            }
            const tres = proto.resource.TransformResponse.deserializeBinary(bytes);
            props = tres.getProperties() ?? props;
            opts = tres.getOptions() ?? opts;
        }

        const wireInputs = (props.toJavaScript() ?? {}) as Record<string, unknown>;
        const resource: RegisteredResource = { ...recordOf(req, opts, { urn, parent, transformed: transforms.length > 0, wireInputs }), source };
        const provider = resource.provider;
        if (type === ROOT_STACK_TYPE && !parent) rootUrn = urn;

        const result = await options.mocks.newResource({
            type, name, inputs: unwrapSecrets(wireInputs) as Record<string, any>, provider, custom, id: opts.getImport() || "",
        });
        registered++;
        options.onResource(resource);

        const response = new proto.resource.RegisterResourceResponse();
        response.setUrn(urn);
        const importing = !!opts.getImport();
        // A preview of a create: the provider's plan knows the inputs (and the names it generates), not the id or any
        // other computed output. Components and providers keep what they have (their outputs are the program's own).
        const previewCreate = options.dryRun && custom && !importing && !type.startsWith("pulumi:providers:") && type !== "pulumi:pulumi:StackReference";
        response.setId(previewCreate ? "" : result.id ?? "");
        const state = previewCreate ? previewOutputs(wireInputs, result.state ?? {}) : { ...(result.state ?? {}) };
        response.setObject(proto.struct.Struct.fromJavaScript(plain(state)));
        return response;
    }

    const engine = {
        log(call: any, callback: Callback) {
            const severities = ["debug", "info", "warning", "error"] as const;
            const request = call.request;
            logs.push({ severity: severities[request.getSeverity()] ?? "info", message: request.getMessage(), urn: request.getUrn() || undefined });
            callback(null, new proto.empty.Empty());
        },
        getRootResource(_call: any, callback: Callback) {
            const response = new proto.engine.GetRootResourceResponse();
            response.setUrn(rootUrn);
            callback(null, response);
        },
        setRootResource(call: any, callback: Callback) {
            rootUrn = call.request.getUrn();
            callback(null, new proto.engine.SetRootResourceResponse());
        },
        startDebugging(_call: any, callback: Callback) {
            callback({ code: grpc.status.UNIMPLEMENTED, details: "no debugger offline" });
        },
        requirePulumiVersion(_call: any, callback: Callback) {
            callback(null, new proto.engine.RequirePulumiVersionResponse());
        },
    };

    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
    const unimplemented = (_call: unknown, callback: Callback) => callback({ code: grpc.status.UNIMPLEMENTED, details: "not implemented by the offline engine" });
    const monitorHandlers: Record<string, any> = {};
    for (const method of Object.keys(proto.resourceServices.ResourceMonitorService)) {
        monitorHandlers[method] = (monitor as Record<string, any>)[method] ?? unimplemented;
    }
    monitorHandlers.getDeploymentInfo ??= unimplemented;
    server.addService(proto.resourceServices.ResourceMonitorService, monitorHandlers);
    server.addService(proto.engineServices.EngineService, engine);
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err: Error | null, bound: number) => (err ? reject(err) : resolve(bound))));
    const address = `127.0.0.1:${port}`;
    return {
        monitorAddress: address,
        engineAddress: address,
        logs,
        shutdownSignalled,
        registered: () => registered,
        close: async () => {
            for (const client of callbackClients.values()) client.close();
            await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
        },
    };
}

/**
 * What a provider's preview of a create returns: the inputs, plus the physical names it generates from them (autonaming
 * happens in Check, before the plan). Ids, ARNs, endpoints and every other computed output are left out: the SDK
 * resolves an output missing from a preview's answer as unknown.
 */
function previewOutputs(inputs: Record<string, unknown>, mockState: Record<string, unknown>): Record<string, unknown> {
    const outputs: Record<string, unknown> = { ...inputs };
    for (const key of AUTONAMED) {
        if (outputs[key] === undefined && typeof mockState[key] === "string") {
            outputs[key] = mockState[key];
        }
    }
    if (outputs.tags !== undefined && outputs.tagsAll === undefined && mockState.tagsAll !== undefined) {
        outputs.tagsAll = mockState.tagsAll;
    }
    return outputs;
}

/** Physical-name properties the AWS provider generates in Check (`<logical name>-<random>`), known in a preview. */
const AUTONAMED = ["name", "bucket"] as const;
