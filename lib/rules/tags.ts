/**
 * Tag keys every taggable resource must carry. Pure, no Pulumi import: the components tag with them (lib/tags.ts) and
 * they are the default of the policy pack's `general-required-tags` rule (a stack's `policies/config/*.json` may list
 * them again or add more), which may import lib/rules/ only.
 */
export const REQUIRED_TAG_KEYS = ["owner", "cost-center", "data-classification", "environment"] as const;
