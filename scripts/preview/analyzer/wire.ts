/**
 * The analyzer requests in their wire form, written straight to protobuf bytes with the SDK's own `jspb.BinaryWriter`
 * (the bytes the generated classes would produce, tested byte for byte). Building `google.protobuf.Struct` objects
 * first, as `Struct.fromJavaScript` does, allocates a message per value; for a few hundred resources, sent twice each
 * (Analyze, then AnalyzeStack), that was most of the preview's own CPU. A resource is written once: the AnalyzeStack
 * entry is its Analyze request (fields 1–6 are the same in both messages) followed by its parent and dependencies.
 */

/** The engine's wire markers (`@pulumi/pulumi/runtime/rpc.js`): fixed by the protocol, the same in every SDK. */
export const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SPECIAL_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** What the writer needs to tell the caller's wrappers apart (client.ts owns UNKNOWN and SecretValue). */
export interface WireMarkers {
    unknown: symbol;
    isSecret(value: unknown): value is { value: unknown };
}

interface BinaryWriter {
    writeString(field: number, value: string): void;
    writeDouble(field: number, value: number): void;
    writeBool(field: number, value: boolean): void;
    writeEnum(field: number, value: number): void;
    writeMessage<T>(field: number, value: T, write: (value: T, writer: BinaryWriter) => void): void;
    writeRepeatedString(field: number, values: string[]): void;
    writeBytes(field: number, value: Uint8Array): void;
    getResultBuffer(): Uint8Array;
}
type WriterClass = new () => BinaryWriter;

/** google.protobuf.Value, as `Value.fromJavaScript(toWire(value))` would serialize it. */
function writeValue(box: { v: unknown }, writer: BinaryWriter, markers: WireMarkers): void {
    const value = box.v;
    if (value === markers.unknown) {
        writer.writeString(3, UNKNOWN_VALUE);
    } else if (markers.isSecret(value)) {
        writer.writeMessage(5, value, (secret, w) => writeStruct({ [SPECIAL_SIG_KEY]: SECRET_SIG, value: secret.value }, w, markers));
    } else if (value === null) {
        writer.writeEnum(1, 0);
    } else if (typeof value === "number") {
        writer.writeDouble(2, value);
    } else if (typeof value === "string") {
        writer.writeString(3, value);
    } else if (typeof value === "boolean") {
        writer.writeBool(4, value);
    } else if (Array.isArray(value)) {
        writer.writeMessage(6, value, (list, w) => {
            for (const item of list) {
                w.writeMessage(1, { v: item }, (b, ww) => writeValue(b, ww, markers));
            }
        });
    } else if (typeof value === "object") {
        writer.writeMessage(5, value as Record<string, unknown>, (struct, w) => writeStruct(struct, w, markers));
    } else {
        // What Struct.fromJavaScript does with anything else (undefined in a list, a function, a bigint).
        throw new Error("Unexpected struct type.");
    }
}

/** google.protobuf.Struct: its map entries in key order (as jspb writes maps); undefined properties are left out. */
function writeStruct(struct: Record<string, unknown>, writer: BinaryWriter, markers: WireMarkers): void {
    for (const key of Object.keys(struct).sort()) {
        const value = struct[key];
        if (value === undefined) {
            continue;
        }
        writer.writeMessage(1, key, (k, w) => {
            w.writeString(1, k);
            w.writeMessage(2, { v: value }, (b, ww) => writeValue(b, ww, markers));
        });
    }
}

export interface WireResource {
    type: string;
    name: string;
    urn: string;
    properties: Record<string, unknown>;
    provider?: { type: string; name: string; urn: string; properties: Record<string, unknown> };
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
}

export interface ResourceWriter {
    /** AnalyzeRequest (also Remediate's): type, properties, urn, name, options, provider. */
    analyzeRequest(resource: WireResource, options: Uint8Array): Uint8Array;
    /** AnalyzeStackRequest from the resources' Analyze requests and their parents and dependencies. */
    analyzeStackRequest(resources: Array<{ resource: WireResource; analyze: Uint8Array }>): Uint8Array;
}

export function resourceWriter(Writer: WriterClass, markers: WireMarkers): ResourceWriter {
    const nonEmpty = (writer: BinaryWriter, field: number, value: string | undefined) => {
        if (value) writer.writeString(field, value);
    };
    return {
        analyzeRequest(resource, options) {
            const writer = new Writer();
            nonEmpty(writer, 1, resource.type);
            writer.writeMessage(2, resource.properties, (struct, w) => writeStruct(struct, w, markers));
            nonEmpty(writer, 3, resource.urn);
            nonEmpty(writer, 4, resource.name);
            // The options message, already serialized: its bytes are the field's contents.
            writer.writeBytes(5, options);
            if (resource.provider) {
                writer.writeMessage(6, resource.provider, (provider, w) => {
                    nonEmpty(w, 1, provider.type);
                    w.writeMessage(2, provider.properties, (struct, ww) => writeStruct(struct, ww, markers));
                    nonEmpty(w, 3, provider.urn);
                    nonEmpty(w, 4, provider.name);
                });
            }
            return writer.getResultBuffer();
        },
        analyzeStackRequest(resources) {
            const writer = new Writer();
            for (const { resource, analyze } of resources) {
                // Concatenated messages merge: the Analyze request's fields, then fields 7–9 of AnalyzerResource.
                const rest = new Writer();
                nonEmpty(rest, 7, resource.parent);
                if (resource.dependencies?.length) rest.writeRepeatedString(8, resource.dependencies);
                for (const property of Object.keys(resource.propertyDependencies ?? {}).sort()) {
                    rest.writeMessage(9, property, (key, w) => {
                        w.writeString(1, key);
                        w.writeMessage(2, resource.propertyDependencies![key], (urns, ww) => ww.writeRepeatedString(1, urns));
                    });
                }
                const tail = rest.getResultBuffer();
                const entry = new Uint8Array(analyze.length + tail.length);
                entry.set(analyze, 0);
                entry.set(tail, analyze.length);
                writer.writeBytes(1, entry);
            }
            return writer.getResultBuffer();
        },
    };
}
