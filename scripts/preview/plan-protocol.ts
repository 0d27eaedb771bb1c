import type { SourceLocation } from "./model";

/** One registration as the in-process engine received it (after transforms). `wireInputs` is the SDK's serialized form (secrets included). */
export interface RegisteredResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    remote: boolean;
    parent: string;
    provider: string;
    /** Package version the SDK sent; names the engine's default provider (`default_7_48_0`). */
    version: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    protect: boolean;
    retainOnDelete: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
    additionalSecretOutputs: string[];
    aliases: string[];
    customTimeouts?: { create?: string; update?: string; delete?: string };
    wireInputs: Record<string, unknown>;
    source?: SourceLocation;
}
