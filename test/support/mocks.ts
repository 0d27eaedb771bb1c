import * as pulumi from "@pulumi/pulumi";
import { platformMocks } from "../../scripts/preview/mocks/mocks";

/** A resource the mock monitor saw registered, with the inputs it was given. */
export interface RecordedResource {
    type: string;
    name: string;
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
    const base = platformMocks({ region: options.region });
    pulumi.runtime.setMocks(
        { newResource: (args) => base.newResource(args), call: (args) => base.call(args) },
        options.project ?? "platform",
        options.stack ?? "production",
        true,
    );
    // Record from the registration request itself, so resource options (protect, ignoreChanges…) are visible too.
    const monitor = pulumi.runtime.getMonitor() as any;
    const registerResource = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: any) => {
        const rpc = require("@pulumi/pulumi/runtime/rpc");
        recorded.push({
            type: req.getType(),
            name: req.getName(),
            inputs: rpc.deserializeProperties(req.getObject()),
            key: `${req.getType()}::${req.getName()}`,
            options: {
                protect: req.getProtect() === true,
                retainOnDelete: req.getRetainondelete() === true,
                ignoreChanges: req.getIgnorechangesList(),
                deleteBeforeReplace: req.getDeletebeforereplace() === true,
                parent: req.getParent(),
                dependencies: req.getDependenciesList(),
                // `<provider urn>::<id>`, or "" for the default provider.
                provider: req.getProvider(),
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
