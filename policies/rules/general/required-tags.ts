import * as fs from "fs";
import * as path from "path";
import { REQUIRED_TAG_KEYS } from "../../../lib/rules/tags";
import { isUnknown, raw, ResourceRule } from "../../framework";

/**
 * Taggable types come from @pulumi/aws's own type definitions (every resource whose Args have `tags`), generated into
 * policies/data/taggable-types.json by `npm run policies:data`; a type that takes tags but is declared without any
 * is judged like one with missing tags.
 */
const TAGGABLE = new Set<string>(JSON.parse(fs.readFileSync(path.join(__dirname, "../../data/taggable-types.json"), "utf8")).types);

/** A provider's `defaultTags.tags` (provider inputs may arrive JSON-encoded); unknown or absent → none. */
function defaultTags(providerProps: Record<string, any> | undefined): Record<string, unknown> {
    let value: any = raw(providerProps ?? {}).defaultTags;
    if (typeof value === "string") {
        try {
            value = JSON.parse(value);
        } catch {
            return {};
        }
    }
    const tags = value && typeof value === "object" && !isUnknown(value) ? value.tags : undefined;
    return tags && typeof tags === "object" && !isUnknown(tags) ? tags : {};
}

export const rule: ResourceRule = {
    name: "general-required-tags",
    controls: { "pci-dss-4.0": ["12.5.1"], soc2: ["CC2.1"] },
    displayName: "Required tags",
    description: "Every taggable AWS resource (every type whose args have tags) carries the owner, cost-center, data-classification and environment tags, its own or its provider's defaultTags, so cost, ownership and data handling are traceable.",
    remediation: "Add the missing tags (the platform's components apply lib/tags.ts standardTags to everything).",
    severity: "low",
    types: [],
    config: { requiredTags: { type: "array", items: { type: "string" }, default: [...REQUIRED_TAG_KEYS] } },
    check: (props, args, config) => {
        const own = raw(props).tags;
        if (isUnknown(own)) return { notJudged: ["tags"] };
        // Tags the resource's provider adds to everything (`defaultTags`) count too.
        const inherited = defaultTags(args.provider?.props);
        const tags = own === undefined && Object.keys(inherited).length === 0 ? undefined : { ...inherited, ...(own ?? {}) };
        if (tags === undefined && !TAGGABLE.has(args.type)) return;
        // A tag whose value is unknown during preview is present.
        const present = (value: unknown) => isUnknown(value) || (typeof value === "string" && value.length > 0);
        const missing = (config.requiredTags as string[]).filter((key) => !present(tags?.[key]));
        return missing.length > 0 ? `missing required tag(s): ${missing.join(", ")}` : undefined;
    },
};
