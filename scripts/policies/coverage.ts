import { isStackRule, ResourceRule } from "../../policies/framework";
import { packRules as rules } from "../../policies/rules";
import { awsResourceTypes, families, SETTING_FAMILIES } from "./aws-inventory";
import { accessInventory } from "./access-inventory";
import { secretInputs } from "./secrets-inventory";
import { atRestInputs } from "./generate";
import { NOT_CARRIERS } from "./not-carriers";

/**
 * The pack's reach as a number: of all @pulumi/aws resource types whose inputs carry an at-rest encryption, public
 * exposure, TLS or backup retention setting (derived from the package's type definitions,
 * scripts/policies/aws-inventory.ts), how many the pack judges for that concern. `npm run policies:coverage [-- --list]`
 * (--list names the types not judged, and those whose input names match but that carry no such setting, classified in
 * scripts/policies/not-carriers.ts).
 * A type counts for a concern when a rule declaring that `concern` judges it; general-required-tags (every type) does not count.
 */
export interface CoverageReport {
    family: string;
    /** Types that carry the concern (name matches minus those classified as not carrying it). */
    total: number;
    judged: number;
    missing: string[];
    /** Types whose input names match but that carry no such setting (scripts/policies/not-carriers.ts), with why. */
    classified: Array<{ type: string; reason: string }>;
}

/** Types the pack judges for a concern (rules declare theirs with `concern`). */
export function judgedTypes(concern?: string): Set<string> {
    return new Set(rules
        .filter((r) => concern === undefined || [r.concern ?? []].flat().includes(concern as never))
        .flatMap((r) => (isStackRule(r) ? r.types ?? [] : (r as ResourceRule).types)));
}

/**
 * The types that carry each concern, read live from @pulumi/aws: by input name for the setting families, and for
 * access by the access inventory's classification (policy documents, policy ARNs, `*Permission` shares), for
 * secrets by the secrets inventory (environments, container definitions, user data) and SSM parameters, for keys
 * every type with an at-rest key or encryption setting.
 */
export function carriers(): Record<string, string[]> {
    return Object.fromEntries(Object.entries(matches()).map(([family, types]) => [family, types.filter((t) => !NOT_CARRIERS[family]?.[t])]));
}

/** Types matching each concern before the reviewed not-a-carrier classification is applied. */
export function matches(): Record<string, string[]> {
    const types = awsResourceTypes();
    return {
        ...Object.fromEntries(Object.keys(SETTING_FAMILIES).map((family) => [family, types.filter((t) => families(t).includes(family)).map((t) => t.token)])),
        access: Object.keys(accessInventory(types).types),
        secrets: [...Object.keys(secretInputs(types)), "aws:ssm/parameter:Parameter"],
        keys: Object.entries(atRestInputs()).filter(([, i]) => i.keys.length + i.settings.length > 0).map(([t]) => t),
    };
}

export function coverage(): CoverageReport[] {
    const matched = matches();
    return Object.entries(carriers()).map(([family, inFamily]) => {
        const judged = judgedTypes(family);
        const missing = inFamily.filter((t) => !judged.has(t));
        const classified = matched[family].filter((t) => NOT_CARRIERS[family]?.[t]).map((type) => ({ type, reason: NOT_CARRIERS[family][type].reason }));
        return { family, total: inFamily.length, judged: inFamily.length - missing.length, missing, classified };
    });
}

if (require.main === module) {
    const list = process.argv.includes("--list");
    const report = coverage();
    const all = new Set(report.flatMap((r) => r.missing));
    const byConcern = carriers();
    const totals = [...new Set(Object.values(byConcern).flat())];
    const judged = new Set(report.flatMap((r) => byConcern[r.family].filter((t) => !r.missing.includes(t))));
    for (const r of report) {
        const aside = r.classified.length > 0 ? `; ${r.classified.length} more match by name but carry no such setting` : "";
        console.log(`${r.family.padEnd(20)} ${String(r.judged).padStart(4)} / ${String(r.total).padEnd(4)} types judged (${((100 * r.judged) / r.total).toFixed(1)}%)${aside}`);
        if (list) {
            for (const t of r.missing) console.log(`    not judged: ${t}`);
            for (const c of r.classified) console.log(`    classified not a carrier: ${c.type} (${c.reason})`);
        }
    }
    const judgedAll = totals.filter((t) => !all.has(t)).length;
    console.log(`${"all its concerns".padEnd(20)} ${String(judgedAll).padStart(4)} / ${String(totals.length).padEnd(4)} types judged for every concern they have (${((100 * judgedAll) / totals.length).toFixed(1)}%); ${judged.size} judged for at least one`);
}
