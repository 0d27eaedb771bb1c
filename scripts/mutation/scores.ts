/**
 * Prints the mutation score of each area from its Stryker JSON report (`reports/mutation/<area>/mutation.json`): killed
 * and timed-out mutants over all that a test could have caught (survived and uncovered included), as Stryker scores
 * them. Usage: npm run mutation:scores [-- --survivors]
 */
import * as fs from "fs";
import * as path from "path";

const AREAS: Array<[string, RegExp]> = [
    ["lib/rules", /^lib\/rules\//],
    ["components", /^components\//],
    ["policies/rules", /^policies\/rules\//],
    ["preview verdict and reports", /^scripts\/preview\//],
];

interface Mutant {
    status: string;
    mutatorName: string;
    replacement?: string;
    location: { start: { line: number } };
}

export function areaScores(report: { files: Record<string, { mutants: Mutant[] }> }): Array<{ area: string; killed: number; survived: number; noCoverage: number; score: number | undefined; survivors: string[] }> {
    return AREAS.map(([area, pattern]) => {
        let killed = 0;
        let survived = 0;
        let noCoverage = 0;
        const survivors: string[] = [];
        for (const [file, { mutants }] of Object.entries(report.files)) {
            if (!pattern.test(file.split(path.sep).join("/"))) continue;
            for (const m of mutants) {
                if (m.status === "Killed" || m.status === "Timeout") killed++;
                else if (m.status === "Survived" || m.status === "NoCoverage") {
                    if (m.status === "Survived") survived++;
                    else noCoverage++;
                    survivors.push(`${file}:${m.location.start.line} ${m.mutatorName}${m.replacement ? ` → ${m.replacement.replace(/\s+/g, " ").slice(0, 60)}` : ""} (${m.status})`);
                }
            }
        }
        const total = killed + survived + noCoverage;
        return { area, killed, survived, noCoverage, score: total ? (100 * killed) / total : undefined, survivors };
    });
}

/** Prints each area's score (and with `survivors`, every surviving or uncovered mutant). */
export function printScores(reportsDir: string, survivors = false): void {
    const merged: { files: Record<string, { mutants: Mutant[] }> } = { files: {} };
    for (const dir of fs.existsSync(reportsDir) ? fs.readdirSync(reportsDir) : []) {
        const file = path.join(reportsDir, dir, "mutation.json");
        if (!fs.existsSync(file)) continue;
        Object.assign(merged.files, (JSON.parse(fs.readFileSync(file, "utf8")) as typeof merged).files);
    }
    const scores = areaScores(merged);
    for (const s of scores) {
        console.log(`${s.area.padEnd(30)} ${s.score === undefined ? "not measured" : `${s.score.toFixed(1)} %`}  (${s.killed} killed, ${s.survived} survived, ${s.noCoverage} not covered)`);
    }
    if (survivors) {
        for (const s of scores) for (const line of s.survivors) console.log(`  ${line}`);
    }
}

if (require.main === module) {
    printScores(path.resolve(__dirname, "../../reports/mutation"), process.argv.includes("--survivors"));
}
