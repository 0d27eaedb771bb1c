import { isStackRule, ResourceRule } from "../../policies/framework";
import { packRules as rules } from "../../policies/rules";
import { awsResourceTypes, families, SETTING_FAMILIES } from "./aws-inventory";
import { accessInventory } from "./access-inventory";
import { secretInputs } from "./secrets-inventory";
import { atRestInputs } from "./generate";

/**
 * The pack's reach as a number: of all @pulumi/aws resource types whose inputs carry an at-rest encryption, public
 * exposure or TLS setting (derived from the package's type definitions, scripts/policies/aws-inventory.ts), how many
 * the pack judges for that concern. `npm run policies:coverage [-- --list]` (--list names the types not judged).
 * A type counts for a concern when a rule declaring that `concern` judges it; general-required-tags (every type) does not count.
 */
export interface CoverageReport {
    family: string;
    total: number;
    judged: number;
    missing: string[];
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
    const types = awsResourceTypes();
    return {
        ...Object.fromEntries(Object.keys(SETTING_FAMILIES).map((family) => [family, types.filter((t) => families(t).includes(family)).map((t) => t.token)])),
        access: Object.keys(accessInventory(types).types),
        secrets: [...Object.keys(secretInputs(types)), "aws:ssm/parameter:Parameter"],
        keys: Object.entries(atRestInputs()).filter(([, i]) => i.keys.length + i.settings.length > 0).map(([t]) => t),
    };
}

export function coverage(): CoverageReport[] {
    return Object.entries(carriers()).map(([family, inFamily]) => {
        const judged = judgedTypes(family);
        const missing = inFamily.filter((t) => !judged.has(t));
        return { family, total: inFamily.length, judged: inFamily.length - missing.length, missing };
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
        console.log(`${r.family.padEnd(20)} ${String(r.judged).padStart(4)} / ${String(r.total).padEnd(4)} types judged (${((100 * r.judged) / r.total).toFixed(1)}%)`);
        if (list) console.log(r.missing.map((t) => `    not judged: ${t}`).join("\n"));
    }
    const judgedAll = totals.filter((t) => !all.has(t)).length;
    console.log(`${"all its concerns".padEnd(20)} ${String(judgedAll).padStart(4)} / ${String(totals.length).padEnd(4)} types judged for every concern they have (${((100 * judgedAll) / totals.length).toFixed(1)}%); ${judged.size} judged for at least one`);
}
