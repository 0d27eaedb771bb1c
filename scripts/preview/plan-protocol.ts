import type { MockReport } from "./mocks/mocks";
import type { SourceLocation } from "./model";

/** Messages between the preview and its plan child process (Node IPC, in memory only: they carry unmasked secrets). */
export interface PlanRequest {
    /**
     * Set in the worker's environment before anything of the program loads (the worker may have started before the
     * program was known): its config, project, stack and preview mode, as the CLI passes them.
     */
    env: Record<string, string>;
    /** The program's directory: the worker's working directory, as the CLI runs a program. */
    directory: string;
    main: string;
    project: string;
    stack: string;
    secretKeys: string[];
    /** Absolute path of mocks/mocks.ts, whose createPlatformMocks() answers the program's registrations and calls. */
    mocksModule: string;
    /** Absolute path of the user's own mocks (`--mocks`): default or `mocks` export, a Partial<pulumi.runtime.Mocks>. */
    userMocksModule?: string;
}

/** One registration as the mock monitor received it. `wireInputs` is the SDK's serialized form (secrets included). */
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

export type PlanResponse =
    /**
     * One registration, sent as the monitor receives it (so the preview can analyze it while the program runs, as the
     * engine does); `order` is its place in declaration order (the Resource constructor's call).
     */
    | { kind: "resource"; resource: RegisteredResource; order: number }
    /** The program finished; `resources` counts the registrations sent before this message. */
    | { kind: "result"; resources: number; logs: Array<{ severity: string; message: string; urn?: string }>; mockReport?: MockReport }
    /** A program error (exit 2); `missingDependency`: the message is the one-line `npm install` hint. */
    | { kind: "error"; message: string; location?: SourceLocation; missingDependency?: boolean };
