/**
 * The shape of a rule's in-process cases, kept beside each rule as `<rule file>.cases.ts`, and the helpers they share.
 * The pack's entry never imports a cases file or this one, so none is bundled or published;
 * test/policies/unit.test.ts runs every rule's cases and fails when a rule has none.
 */

/** One resource as a resource rule receives it. */
export interface ResourceCase {
    type: string;
    props: Record<string, unknown>;
    name?: string;
    protect?: boolean;
    config?: Record<string, unknown>;
    /** Props of the resource's provider (e.g. `defaultTags`). */
    providerProps?: Record<string, unknown>;
}

/** One resource of a stack as a stack rule receives it. */
export interface StackResource {
    type: string;
    name: string;
    props: Record<string, unknown>;
    /** property → names of resources it depends on. */
    deps?: Record<string, string[]>;
    protect?: boolean;
}

export interface Case {
    title: string;
    resource?: ResourceCase;
    stack?: StackResource[];
    config?: Record<string, unknown>;
    /** Stack cases: exactly these resources are flagged (violating cases; compliant cases flag none). */
    flagged?: string[];
}

export interface RuleCases {
    compliant: Case[];
    violating: Case[];
    /** Values unknown during preview: reported as not judged (never a pass), or judged because unknown means "set". */
    unknown: Array<Case & { expect: "not-judged" | "compliant" | "violating" }>;
    /** Types the rule does not judge (look-alikes); it must stay silent. */
    ignored?: Case[];
    /**
     * What a reader sees, for violating and unknown cases by title: exactly the case's violation messages in order, then
     * its "not judged" message if any.
     */
    messages?: Record<string, string[]>;
}

/** The policy SDK's marker for a value unknown during preview (what an output not yet known reads as). */
export const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;

/** A resource case: `title`, the resource's type and props, and its other parts (name, protect, config…). */
export const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<ResourceCase> = {}): Case => ({ title, resource: { type, props, ...extra } });

/** A case whose values are unknown during preview, with what the rule must make of it. */
export const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });
