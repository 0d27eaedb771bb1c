/**
 * Prints the mutation score of each area measured, from its Stryker JSON reports
 * (`reports/mutation/<area>[-<component>]/mutation.json`): killed and timed-out mutants over all that a test could have
 * caught (survived and uncovered included), as Stryker scores them. Usage: npm run mutation:scores [-- --survivors]
 */
import * as fs from "fs";
import * as path from "path";

interface Mutant {
    status: string;
    mutatorName: string;
    replacement?: string;
    location: { start: { line: number } };
}

type Report = { files: Record<string, { mutants: Mutant[] }> };

/** The score of each area's reports (`components-<file>` runs count as `components`). */
export function areaScores(reports: Record<string, Report>): Array<{ area: string; killed: number; survived: number; noCoverage: number; score: number | undefined; survivors: string[] }> {
    const byArea = new Map<string, Report[]>();
    for (const [dir, report] of Object.entries(reports)) {
        const area = dir.split("-")[0];
        byArea.set(area, [...(byArea.get(area) ?? []), report]);
    }
    return [...byArea].sort(([a], [b]) => a.localeCompare(b)).map(([area, list]) => {
        let killed = 0;
        let survived = 0;
        let noCoverage = 0;
        const survivors: string[] = [];
        for (const [file, { mutants }] of list.flatMap((r) => Object.entries(r.files))) {
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
    const reports: Record<string, Report> = {};
    for (const dir of fs.existsSync(reportsDir) ? fs.readdirSync(reportsDir) : []) {
        const file = path.join(reportsDir, dir, "mutation.json");
        if (fs.existsSync(file)) reports[dir] = JSON.parse(fs.readFileSync(file, "utf8")) as Report;
    }
    const scores = areaScores(reports);
    if (scores.length === 0) console.log(`No mutation reports in ${reportsDir}: run npm run mutation`);
    for (const s of scores) {
        console.log(`${s.area.padEnd(12)} ${s.score === undefined ? "no mutants" : `${s.score.toFixed(1)} %`}  (${s.killed} killed, ${s.survived} survived, ${s.noCoverage} not covered)`);
    }
    if (survivors) {
        for (const s of scores) for (const line of s.survivors) console.log(`  ${line}`);
    }
}

if (require.main === module) {
    printScores(path.resolve(__dirname, "../../reports/mutation"), process.argv.includes("--survivors"));
}
