/**
 * `npm run mutation [-- --area <name> …] [-- <stryker options>]`: StrykerJS over each area of stryker.config.mjs (all by
 * default), one after the other, then the score of each area (scripts/mutation/scores.ts). Components are mutated one
 * at a time against their own suite (MUTATION_COMPONENT=<file name> for one). Options other than --area go to Stryker
 * (e.g. `--mutate "lib/rules/tls.ts"`).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { printScores } from "./scores";

const ROOT = path.resolve(__dirname, "../..");

const args = process.argv.slice(2);
const survivors = args.includes("--survivors");
const areas: string[] = [];
/** What goes to Stryker: everything but this script's own options. */
const rest: string[] = [];
for (let i = 0; i < args.length; i++) {
    if (args[i] === "--area") areas.push(args[++i]);
    else if (args[i] !== "--survivors") rest.push(args[i]);
}
/** Components mutated one at a time against their own suite (test/components/<file>.test.ts). */
function componentsWithSuites(): string[] {
    return fs.readdirSync(path.join(ROOT, "components"))
        .filter((f) => f.endsWith(".ts") && f !== "index.ts")
        .map((f) => f.replace(/\.ts$/, ""))
        .filter((c) => fs.existsSync(path.join(ROOT, "test/components", `${c}.test.ts`)));
}

function stryker(area: string, extraEnv: Record<string, string> = {}): void {
    const run = spawnSync(process.execPath, [path.join(path.dirname(require.resolve("@stryker-mutator/core/package.json")), "bin/stryker.js"), "run", "stryker.config.mjs", ...rest], {
        cwd: ROOT,
        stdio: "inherit",
        env: { ...process.env, ...extraEnv, MUTATION_AREA: area, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${path.join(__dirname, "mocha12.cjs")}`.trim() },
    });
    if (run.status !== 0) {
        console.error(`Stryker failed for ${area} (exit ${run.status ?? run.signal})`);
        process.exit(run.status ?? 1);
    }
}

async function main(): Promise<void> {
    // The areas are stryker.config.mjs's own (one home); an ES module, so imported.
    const { AREAS } = (await import(pathToFileURL(path.join(ROOT, "stryker.config.mjs")).href)) as { AREAS: Record<string, unknown> };
    const all = Object.keys(AREAS);
    const unknown = areas.filter((a) => !all.includes(a));
    if (unknown.length > 0) {
        console.error(`Unknown area ${unknown.join(", ")}: one of ${all.join(", ")}`);
        process.exit(2);
    }
    for (const area of areas.length > 0 ? areas : all) {
        if (area === "components") {
            const only = process.env.MUTATION_COMPONENT;
            for (const component of only ? [only] : componentsWithSuites()) {
                console.log(`\n== mutation testing: components/${component}.ts`);
                stryker(area, { MUTATION_COMPONENT: component });
            }
        } else {
            console.log(`\n== mutation testing: ${area}`);
            stryker(area);
        }
    }
    printScores(path.join(ROOT, "reports/mutation"), survivors);
}

void main();
