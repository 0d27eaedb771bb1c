/**
 * Tagging conventions shared by every component and stack.
 *
 * The required keys are the default of the policy pack's `general-required-tags` rule (a stack's `policies/config/*.json`
 * may list them again or add more).
 */
export type Tags = Record<string, string>;

/** Tag keys every taggable resource must carry (defined with the pure rules, which the policy pack shares). */
export { REQUIRED_TAG_KEYS } from "./rules/tags";

/** Data classifications, least sensitive first (shared infrastructure takes the most sensitive of its applications'). */
export const DATA_CLASSIFICATIONS = ["public", "internal", "confidential", "restricted"] as const;

/** How sensitive the data a resource holds is; drives retention and the policy pack's long-term rules. */
export type DataClassification = (typeof DATA_CLASSIFICATIONS)[number];

export interface TagContext {
    /** Environment name, e.g. `production`. */
    environment: string;
    /** Team or person accountable for the resource. */
    owner: string;
    /** Cost centre the spend is booked to. */
    costCenter: string;
    /** Data classification of what the resource stores or processes. */
    dataClassification: DataClassification;
    /** Application the resource belongs to (omitted for shared environment resources). */
    application?: string;
}

/** The standard tag set for a resource, with optional extra tags merged last. */
export function standardTags(ctx: TagContext, extra: Tags = {}): Tags {
    const tags: Tags = {
        environment: ctx.environment,
        owner: ctx.owner,
        "cost-center": ctx.costCenter,
        "data-classification": ctx.dataClassification,
        "managed-by": "pulumi",
    };
    if (ctx.application) {
        tags.application = ctx.application;
    }
    return { ...tags, ...extra };
}

/** Tags plus a `Name` tag, for EC2-family resources whose console column shows `Name`. */
export function namedTags(tags: Tags, name: string): Tags {
    return { ...tags, Name: name };
}
