import * as fs from "fs";
import * as path from "path";
import { buildPolicies, isStackRule } from "../../policies/framework";
import { packRules } from "../../policies/rules";

/**
 * Regenerates README's policy table (between the policy-table markers) from the pack itself: every policy, its kind,
 * its level in the production and staging configs and its controls. `npm run policies:readme`; a test fails when the
 * table and the pack differ.
 */
const ROOT = path.resolve(__dirname, "../..");
const START = "<!-- policy-table:start -->";
const END = "<!-- policy-table:end -->";

function level(config: Record<string, any>, name: string, fallback: string): string {
    const entry = config[name];
    const own = typeof entry === "string" ? entry : entry?.enforcementLevel;
    return own ?? (typeof config.all === "string" ? config.all : config.all?.enforcementLevel) ?? fallback;
}

export function policyTable(): string {
    const production = JSON.parse(fs.readFileSync(path.join(ROOT, "policies/config/production.json"), "utf8"));
    const staging = JSON.parse(fs.readFileSync(path.join(ROOT, "policies/config/staging.json"), "utf8"));
    const kinds = new Map(packRules.map((r) => [r.name, isStackRule(r) ? "stack" : "resource"]));
    const rows = buildPolicies(packRules).map((p: any) => {
        const kind = kinds.get(p.name) ?? (p.validateStack ? "stack" : "resource");
        const text = String(p.description).replace(/\|/g, "\\|");
        return `| <a id="policy-${p.name}"></a>\`${p.name}\` | ${text} | ${kind} | ${level(production, p.name, p.enforcementLevel)} / ${level(staging, p.name, p.enforcementLevel)} | ${p.tags.join(", ")} |`;
    });
    return ["| rule | what it requires | kind | production / staging | controls |", "|---|---|---|---|---|", ...rows].join("\n");
}

if (require.main === module) {
    const file = path.join(ROOT, "README.md");
    const readme = fs.readFileSync(file, "utf8");
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    if (start < 0 || end < start) {
        console.error(`README.md has no ${START} … ${END} markers around the policy table`);
        process.exit(1);
    }
    fs.writeFileSync(file, `${readme.slice(0, start + START.length)}\n${policyTable()}\n${readme.slice(end)}`);
    console.log("README.md policy table regenerated");
}
