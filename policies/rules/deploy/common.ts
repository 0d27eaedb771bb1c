import { PolicyProviderResource, PolicyResource } from "@pulumi/policy";
import { RuleFinding } from "../../framework";

/**
 * Helpers of the deploy-validity rules: they judge what AWS would accept, so they read values that are often unknown
 * during preview. A stack rule reads each resource through `read`, so one unknown value leaves that resource alone
 * unjudged (and said so) instead of aborting the rule for the whole stack.
 */

// The SDK's error for reading a value unknown during preview (not in its type declarations).
const { UnknownValueError } = require("@pulumi/policy/proxy") as { UnknownValueError: new (...args: any[]) => Error };

export const UNKNOWN: unique symbol = Symbol("unknown during preview");
export type Read<T> = T | typeof UNKNOWN;

/** Reads through the SDK's unknown-checking proxy; an unknown value becomes UNKNOWN instead of an exception. */
export function read<T = any>(get: () => T): Read<T> {
    try {
        return get();
    } catch (err) {
        if (err instanceof UnknownValueError) return UNKNOWN;
        throw err;
    }
}

export function isUnknown(value: unknown): value is typeof UNKNOWN {
    return value === UNKNOWN;
}

/**
 * Says that a rule could not judge one resource because values were unknown during preview. `properties` are paths
 * without spaces (`provider.region`, `replicateSourceDb.manageMasterUserPassword`). The framework reports the finding
 * as the rule's advisory "not judged: …" diagnostic, which the offline preview lists as a not-judged item. Never a pass.
 */
export function notJudged(_rule: string, resource: { urn: string; name: string }, properties: string[]): RuleFinding[] {
    return [{ urn: resource.urn, name: resource.name, notJudged: properties, message: `${resource.name}: ${properties.join(", ")} unknown during preview` }];
}

/**
 * The AWS region a resource is created in: its provider's `region` (an explicit provider's input, or the default
 * provider's `aws:region` config, which the engine passes as the provider's properties). undefined when no region is
 * configured (the provider then falls back to the environment, which a preview cannot see).
 */
export function regionOf(resource: { provider?: PolicyProviderResource }): Read<string | undefined> {
    const provider = resource.provider;
    if (!provider) return undefined;
    const region = read(() => provider.props?.region);
    if (isUnknown(region)) return UNKNOWN;
    return typeof region === "string" && region.length > 0 ? region : undefined;
}

/** The region segment of an ARN (`arn:aws:kms:us-west-2:…` → `us-west-2`), or undefined. */
export function arnRegion(value: unknown): string | undefined {
    if (typeof value !== "string") return undefined;
    const parts = value.split(":");
    return parts[0] === "arn" && parts.length >= 6 && parts[3] ? parts[3] : undefined;
}

/**
 * Every resource `resource` depends on, directly or through other resources (creation order: the engine creates all of
 * them before `resource`). Depending on a component counts its children: the SDK expands them into `dependencies`.
 */
export function transitiveDependencies(resource: PolicyResource, all: PolicyResource[]): Set<string> {
    const byUrn = new Map(all.map((r) => [r.urn, r]));
    const seen = new Set<string>();
    const queue = [...resource.dependencies];
    while (queue.length > 0) {
        const next = queue.pop()!;
        if (seen.has(next.urn)) continue;
        seen.add(next.urn);
        queue.push(...(byUrn.get(next.urn)?.dependencies ?? next.dependencies ?? []));
    }
    return seen;
}

/** A finding of a stack rule about one resource. */
export function at(resource: PolicyResource, message: string) {
    return { urn: resource.urn, name: resource.name, message };
}

export const asArray = <T>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
