/**
 * The start of the pack's "not judged" diagnostic (after the policy SDK's "can't run policy … during preview: "): the
 * pack writes it (policies/framework.ts) and the offline preview reads it (scripts/preview/result.ts).
 */
export const NOT_JUDGED_PREFIX = "not judged: ";
