/**
 * Registered inputs travel from the plan's child process in the SDK's wire form (a protobuf Struct as plain JSON, with
 * the SDK's signature keys for secrets, unknowns, resource references, assets and archives). This module turns that form
 * into the masked inputs of the report and into the values the policy pack's analyzer expects.
 */
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
const OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
const UNKNOWN_VALUE = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const MASKED_SECRET = "[secret]";
export const MASKED_UNKNOWN = "[unknown]";

/** How to represent the special values in the target form. */
interface Encoding {
    secret(inner: unknown): unknown;
    unknown(): unknown;
}

function convert(value: unknown, encoding: Encoding): unknown {
    if (value === UNKNOWN_VALUE) {
        return encoding.unknown();
    }
    if (Array.isArray(value)) {
        return value.map((v) => convert(v, encoding));
    }
    if (typeof value !== "object" || value === null) {
        return value;
    }
    const object = value as Record<string, any>;
    switch (object[SIG_KEY]) {
        case SECRET_SIG:
            return encoding.secret(convert(object.value, encoding));
        case RESOURCE_SIG:
            // The engine hands analyzers a resource reference as its URN (and id for custom resources).
            return object.id !== undefined && object.id !== "" ? { urn: object.urn, id: convert(object.id, encoding) } : object.urn;
        case OUTPUT_VALUE_SIG: {
            if (!("value" in object)) {
                return encoding.unknown();
            }
            const inner = convert(object.value, encoding);
            return object.secret ? encoding.secret(inner) : inner;
        }
        case ASSET_SIG:
        case ARCHIVE_SIG: {
            const { [SIG_KEY]: signature, ...rest } = object;
            return { kind: signature === ASSET_SIG ? "asset" : "archive", ...(convert(rest, encoding) as object) };
        }
        default:
            return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, convert(v, encoding)]));
    }
}

/** Report form: secrets become "[secret]", unknowns "[unknown]". Nothing secret survives. */
export function maskProperties(wire: Record<string, unknown>): Record<string, unknown> {
    return convert(wire, { secret: () => MASKED_SECRET, unknown: () => MASKED_UNKNOWN }) as Record<string, unknown>;
}

/** Analyzer form: the pack sees real values, wrapped as secrets, and unknowns as unknown (in memory only). */
export function analyzerProperties(wire: Record<string, unknown>, encoding: Encoding): Record<string, unknown> {
    return convert(wire, encoding) as Record<string, unknown>;
}

/**
 * Wire inputs with every string that contains `placeholder` made unknown: what a program built from a config value the
 * preview could not decrypt is not a value the pack may judge as known.
 */
export function blindPlaceholder(wire: Record<string, unknown>, placeholder: string): Record<string, unknown> {
    const walk = (value: unknown): unknown => {
        if (typeof value === "string") return value.includes(placeholder) ? UNKNOWN_VALUE : value;
        if (Array.isArray(value)) return value.map(walk);
        if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
        return value;
    };
    return walk(wire) as Record<string, unknown>;
}

/** `a.b[0]["c.d"][*]` → ["a", "b", 0, "c.d", "*"] (the engine's resource.PropertyPath syntax). */
export function propertyPathSegments(path: string): Array<string | number> {
    const segments: Array<string | number> = [];
    const pattern = /([^.[\]]+)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|\[\*\]/g;
    for (const match of path.matchAll(pattern)) {
        segments.push(match[1] ?? (match[2] !== undefined ? Number(match[2]) : match[3] !== undefined ? match[3].replace(/\\(.)/g, "$1") : "*"));
    }
    return segments;
}
