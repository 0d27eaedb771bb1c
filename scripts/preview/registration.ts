/**
 * One registration as the engine records it, from the SDK's `RegisterResourceRequest`: its identity, and its options
 * as transforms see and return them (`TransformResourceOptions`, pkg/resource/deploy/source_eval.go). The one recorder
 * of the in-process engine (engine.ts) and of the component tests (test/support/mocks.ts, which see the same request
 * from the SDK's mock monitor), so what the tests assert about a resource is what the preview judges.
 */
import * as path from "path";
import type { RegisteredResource } from "./plan-protocol";

const sdkRoot = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const resourceProto = () => require(require.resolve("@pulumi/pulumi/proto/resource_pb.js", { paths: [sdkRoot] }));

/** The request's options as the engine hands them to the first transform (`provider`: the request's own by default). */
export function optionsOf(req: any, provider: string = req.getProvider()): any {
    const opts = new (resourceProto().TransformResourceOptions)();
    opts.setDependsOnList(req.getDependenciesList());
    if (req.hasProtect()) opts.setProtect(req.getProtect());
    opts.setIgnoreChangesList(req.getIgnorechangesList());
    opts.setReplaceOnChangesList(req.getReplaceonchangesList());
    opts.setVersion(req.getVersion());
    opts.setAliasesList(req.getAliasesList());
    opts.setProvider(provider);
    req.getProvidersMap().forEach((v: string, k: string) => opts.getProvidersMap().set(k, v));
    if (req.getCustomtimeouts()) opts.setCustomTimeouts(req.getCustomtimeouts());
    opts.setPluginDownloadUrl(req.getPlugindownloadurl());
    if (req.hasRetainondelete()) opts.setRetainOnDelete(req.getRetainondelete());
    opts.setDeletedWith(req.getDeletedwith());
    if (req.getDeletebeforereplacedefined()) opts.setDeleteBeforeReplace(req.getDeletebeforereplace());
    opts.setAdditionalSecretOutputsList(req.getAdditionalsecretoutputsList());
    if (req.getImportid()) opts.setImport(req.getImportid());
    return opts;
}

/**
 * The record of one registration (everything but where the program declared it). `opts` are the options after
 * transforms (`optionsOf(req)` when none ran); `wireInputs` the properties after them, in the SDK's wire form.
 */
export function recordOf(
    req: any,
    opts: any,
    at: { urn: string; parent: string; transformed: boolean; wireInputs: Record<string, unknown> },
): Omit<RegisteredResource, "source"> {
    const propertyDependencies: Record<string, string[]> = {};
    req.getPropertydependenciesMap().forEach((deps: any, property: string) => {
        propertyDependencies[property] = deps.getUrnsList();
    });
    const timeouts = opts.getCustomTimeouts();
    return {
        urn: at.urn,
        type: req.getType(),
        name: req.getName(),
        custom: req.getCustom(),
        remote: req.getRemote(),
        parent: at.parent,
        provider: opts.getProvider(),
        version: opts.getVersion(),
        // A transform returns the whole dependsOn list; without one, the request's list is the resource's.
        dependencies: at.transformed ? opts.getDependsOnList() : req.getDependenciesList(),
        propertyDependencies,
        protect: opts.getProtect() === true,
        retainOnDelete: opts.getRetainOnDelete() === true,
        ignoreChanges: opts.getIgnoreChangesList(),
        deleteBeforeReplace: opts.getDeleteBeforeReplace() === true,
        additionalSecretOutputs: opts.getAdditionalSecretOutputsList(),
        // The engine gives analyzers only the alias that matched a resource in the stack's state
        // (step_generator.go getOldResource); a preview without state matches none.
        aliases: [],
        customTimeouts: timeouts ? { create: timeouts.getCreate() || undefined, update: timeouts.getUpdate() || undefined, delete: timeouts.getDelete() || undefined } : undefined,
        wireInputs: at.wireInputs,
    };
}
