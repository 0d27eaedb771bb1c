/**
 * `npm run mutation [-- --area <name> …] [-- <stryker options>]`: StrykerJS over each area of stryker.config.mjs (all by
 * default), one after the other, then the score of each area (scripts/mutation/scores.ts). Components are mutated one
 * at a time against their own suite (MUTATION_COMPONENT=<file name> for one). Options other than --area go to Stryker
 * (e.g. `--mutate "lib/rules/tls.ts"`).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { printScores } from "./scores";

const ROOT = path.resolve(__dirname, "../..");
const ALL = ["rules", "policies", "preview", "components"];

const args = process.argv.slice(2);
const areas: string[] = [];
const rest: string[] = [];
for (let i = 0; i < args.length; i++) {
    if (args[i] === "--area") areas.push(args[++i]);
    else rest.push(args[i]);
}
const unknown = areas.filter((a) => !ALL.includes(a));
if (unknown.length > 0) {
    console.error(`Unknown area ${unknown.join(", ")}: one of ${ALL.join(", ")}`);
    process.exit(2);
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

for (const area of areas.length > 0 ? areas : ALL) {
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
printScores(path.join(ROOT, "reports/mutation"), process.argv.includes("--survivors"));
