import type { RuleCases } from "../../policies/cases";
import * as fs from "fs";
import * as path from "path";

/**
 * Every rule's in-process cases, kept beside the rule: `policies/rules/<folder>/<file>.cases.ts` exporting `cases`
 * for the rule named `<folder>-<file>` (a rule's name follows its path). Found by walking the folders, so a new rule's
 * cases need no entry anywhere else; test/policies/unit.test.ts fails when a rule of the pack has none. The
 * deploy-validity rules keep theirs in test/policies/deploy-cases.ts.
 */
export type { Case, RuleCases } from "../../policies/cases";

function casesBesideRules(): Record<string, RuleCases> {
    const rules = path.join(__dirname, "../../policies/rules");
    const found: Record<string, RuleCases> = {};
    for (const folder of fs.readdirSync(rules, { withFileTypes: true }).filter((d) => d.isDirectory())) {
        for (const file of fs.readdirSync(path.join(rules, folder.name)).filter((f) => f.endsWith(".cases.ts"))) {
            found[`${folder.name}-${file.slice(0, -".cases.ts".length)}`] = require(path.join(rules, folder.name, file)).cases;
        }
    }
    return found;
}

export const CASES: Record<string, RuleCases> = casesBesideRules();
