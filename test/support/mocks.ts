import * as pulumi from "@pulumi/pulumi";
import { platformMocks } from "../../scripts/preview/mocks/mocks";
import type { RegisteredResource } from "../../scripts/preview/plan-protocol";
import { optionsOf, recordOf } from "../../scripts/preview/registration";
import { newUrn } from "../../scripts/preview/urn";

/**
 * A resource the mock monitor saw registered, as the preview's engine records it (scripts/preview/registration.ts), with
 * the inputs it was given as the SDK decodes them.
 */
export interface RecordedResource extends Omit<RegisteredResource, "source"> {
    inputs: any;
    /** URN-less identity for assertions: `<type>::<name>`. */
    key: string;
    /** Resource options as the engine would receive them. */
    options: { protect: boolean; retainOnDelete: boolean; ignoreChanges: string[]; deleteBeforeReplace: boolean; parent: string; dependencies: string[]; provider: string };
}

/**
 * Installs the shared platform mocks and records every registered resource. Call in `before()`
 * *before* importing modules that create resources, then `await settle()` before asserting.
 */
export function installMocks(options: { project?: string; stack?: string; region?: string } = {}): RecordedResource[] {
    const recorded: RecordedResource[] = [];
    const project = options.project ?? "platform";
    const stack = options.stack ?? "production";
    const base = platformMocks({ region: options.region });
    pulumi.runtime.setMocks(
        { newResource: (args) => base.newResource(args), call: (args) => base.call(args) },
        project,
        stack,
        true,
    );
    // Record from the registration request itself, with the preview engine's recorder, so resource options (protect,
    // ignoreChanges…) are what the preview would judge.
    const monitor = pulumi.runtime.getMonitor() as any;
    const registerResource = monitor.registerResource.bind(monitor);
    const rpc = require("@pulumi/pulumi/runtime/rpc");
    monitor.registerResource = (req: any, callback: any) => {
        const parent: string = req.getParent();
        const wireInputs = (req.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>;
        const record = recordOf(req, optionsOf(req), { urn: newUrn(stack, project, parent, req.getType(), req.getName()), parent, transformed: false, wireInputs });
        recorded.push({
            ...record,
            // Property by property, as the SDK's deserializeProperties: a secret stays on its own property.
            inputs: Object.fromEntries(Object.entries(wireInputs).map(([k, v]) => [k, rpc.deserializeProperty(v)])),
            key: `${record.type}::${record.name}`,
            options: {
                protect: record.protect,
                retainOnDelete: record.retainOnDelete,
                ignoreChanges: record.ignoreChanges,
                deleteBeforeReplace: record.deleteBeforeReplace,
                parent: record.parent,
                dependencies: record.dependencies,
                // `<provider urn>::<id>`, or "" for the default provider.
                provider: record.provider,
            },
        });
        return registerResource(req, callback);
    };
    return recorded;
}

/** Resolves an Output's value in a mocked run (test-only; never use in components). */
export function valueOf<T>(output: pulumi.Input<T> | pulumi.Output<T>): Promise<T> {
    return new Promise((resolve) => pulumi.output(output).apply((v) => { resolve(v as T); return v; }));
}

/** All recorded resources of one type. */
export function ofType(recorded: RecordedResource[], type: string): RecordedResource[] {
    return recorded.filter((r) => r.type === type);
}

/**
 * Waits until every registration and RPC the program started has completed (the SDK's own
 * `waitForRPCs`, which the engine relies on before disconnecting), so assertions see all resources.
 */
export async function settle(): Promise<void> {
    const settings = require("@pulumi/pulumi/runtime/settings") as { waitForRPCs(): Promise<void> };
    await settings.waitForRPCs();
}

/** The required tags with placeholder values, for component tests that do not check tag values themselves. */
export const TEST_TAGS = { owner: "t", "cost-center": "c", "data-classification": "internal", environment: "test" };

/** The single recorded resource of `type` named `name` (or, without a name, the only one of its type); fails otherwise. */
export function onlyOne(recorded: RecordedResource[], type: string, name?: string): RecordedResource {
    const found = recorded.filter((r) => r.type === type && (name === undefined || r.name === name));
    if (found.length !== 1) {
        throw new Error(`expected exactly one ${type}${name === undefined ? "" : ` named ${name}`}, found ${found.map((r) => r.name).join(", ") || "none"}`);
    }
    return found[0];
}
