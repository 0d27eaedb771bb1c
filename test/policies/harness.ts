import { PolicyResource, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { buildPolicies, Rule } from "../../policies/framework";

/**
 * Runs one rule in-process the way the policy SDK does: props behind the SDK's unknown-checking proxy, config filled
 * with the schema's defaults, an UnknownValueError turned into an advisory "not judged" outcome.
 */
const proxy = require("@pulumi/policy/proxy") as { unknownCheckingProxy(o: unknown): any; UnknownValueError: new (...a: any[]) => Error; unknownStringValue: unknown };

/** A value unknown during preview. */
export const UNKNOWN: any = proxy.unknownStringValue;

export interface Outcome {
    /** Violations at the rule's level: `[resource name, message]`. */
    violations: Array<{ name?: string; message: string }>;
    /** The SDK's advisory message when the rule could not judge something (undefined otherwise). */
    notJudged?: string;
    /** Waived findings handed to the companion policy. */
    waived: string[];
}

function configOf(policy: { configSchema?: { properties?: Record<string, any> } }, config: Record<string, unknown>): Record<string, unknown> {
    const defaults = Object.fromEntries(Object.entries(policy.configSchema?.properties ?? {}).filter(([, s]) => s.default !== undefined).map(([k, s]) => [k, s.default]));
    return { ...defaults, ...config };
}

const urnOf = (type: string, name: string) => `urn:pulumi:test::fixture::${type}::${name}`;

import type { ResourceCase, StackResource } from "../../policies/cases";
export type { ResourceCase, StackResource };

export function runResourceRule(rule: Rule, input: ResourceCase): Outcome {
    const policies = buildPolicies([rule]);
    const policy = policies[0] as ResourceValidationPolicy;
    const companion = policies[policies.length - 2] as ResourceValidationPolicy;
    if (typeof policy.validateResource !== "function") {
        throw new Error(`${rule.name} is not a resource rule`);
    }
    const name = input.name ?? "subject";
    const outcome: Outcome = { violations: [], waived: [] };
    const args: any = {
        type: input.type, name, urn: urnOf(input.type, name), props: proxy.unknownCheckingProxy(input.props),
        opts: { protect: input.protect ?? true, ignoreChanges: [], aliases: [], additionalSecretOutputs: [], customTimeouts: {} },
        getConfig: () => configOf(policy, input.config ?? {}),
        isType: () => false, asType: () => undefined, notApplicable: () => undefined, stackTags: new Map(),
        provider: input.providerProps ? { type: "pulumi:providers:aws", name: "default", urn: "urn:provider", props: proxy.unknownCheckingProxy(input.providerProps) } : undefined,
    };
    try {
        policy.validateResource(args, (message: string) => outcome.violations.push({ name, message }));
    } catch (err) {
        if (!(err instanceof proxy.UnknownValueError)) throw err;
        outcome.notJudged = err.message;
    }
    (companion.validateResource as any)(args, (message: string) => outcome.waived.push(message));
    return outcome;
}


export function runStackRule(rule: Rule, resources: StackResource[], config: Record<string, unknown> = {}): Outcome {
    const policies = buildPolicies([rule]);
    const policy = policies[0] as StackValidationPolicy;
    if (typeof policy.validateStack !== "function") {
        throw new Error(`${rule.name} is not a stack rule`);
    }
    const byName = new Map<string, PolicyResource>();
    const built = resources.map((r) => {
        const resource: any = {
            type: r.type, name: r.name, urn: urnOf(r.type, r.name), props: proxy.unknownCheckingProxy(r.props),
            opts: { protect: r.protect ?? true }, dependencies: [], propertyDependencies: {}, isType: () => false, asType: () => undefined,
        };
        byName.set(r.name, resource);
        return resource as PolicyResource;
    });
    resources.forEach((r, i) => {
        for (const [property, names] of Object.entries(r.deps ?? {})) {
            built[i].propertyDependencies[property] = names.map((n) => {
                const target = byName.get(n);
                if (!target) throw new Error(`fixture: ${r.name}.${property} depends on unknown resource ${n}`);
                return target;
            });
            built[i].dependencies.push(...built[i].propertyDependencies[property]);
        }
    });
    const outcome: Outcome = { violations: [], waived: [] };
    const args: any = { resources: built, getConfig: () => configOf(policy, config), stackTags: new Map(), notApplicable: () => undefined };
    try {
        policy.validateStack(args, (message: string, urn?: string) => outcome.violations.push({ name: urn?.split("::").pop(), message }));
    } catch (err) {
        if (!(err instanceof proxy.UnknownValueError)) throw err;
        outcome.notJudged = err.message;
    }
    return outcome;
}
