/**
 * Benchmark of the offline preview (a script that prints figures, not a test). In one run it measures:
 *  - the floor: a fresh Node process that only loads @pulumi/pulumi and @pulumi/aws (what any program pays);
 *  - the full preview with every report for the production stack;
 *  - synthetic environments of this platform with 1, 10 and 50 services (the production environment config with the
 *    mita-api service repeated), to see how time and memory grow with resources.
 * The preview runs as users run it (`scripts/preview/bin.cjs`). Each case first runs once unmeasured, so the caches a
 * user's second run finds (transpiled TypeScript, the content-keyed type checks of program and pack, V8's code cache)
 * are warm, as after any unchanged re-run; the production stack is also measured once with an empty cache ("cold").
 * The floor is measured again right before each measured run, and "× floor" is the median of each run's ratio to it.
 * Wall time is the median of --runs (default 3); peak memory is the largest summed RSS of the preview's process tree
 * (CLI, the program's runner, policy pack, type checker), sampled every 20 ms from /proc.
 *
 * Usage: npm run bench -- [--runs 3] [--sizes 1,10,50] [--no-cold]
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseArgs } from "util";
import * as YAML from "yaml";

const ROOT = path.resolve(__dirname, "..");

interface Measurement {
    wallMs: number;
    peakRssMiB: number;
    exitCode: number | null;
}

/**
 * All descendants of `pid`, from each thread's `children` list in /proc (a few reads per sample; scanning every process
 * in /proc each 20 ms cost enough CPU to slow the multi-process preview more than the one-process floor), so a
 * preview's worker and pack count toward its memory.
 */
function processTree(pid: number): number[] {
    const tree = [pid];
    for (let i = 0; i < tree.length; i++) {
        let threads: string[] = [];
        try {
            threads = fs.readdirSync(`/proc/${tree[i]}/task`);
        } catch {
            // The process ended while we looked.
        }
        for (const thread of threads) {
            try {
                tree.push(...fs.readFileSync(`/proc/${tree[i]}/task/${thread}/children`, "utf8").split(" ").filter(Boolean).map(Number));
            } catch {
                // The thread ended while we looked.
            }
        }
    }
    return tree;
}

function rssKiB(pid: number): number {
    try {
        const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
        return match ? Number(match[1]) : 0;
    } catch {
        return 0;
    }
}

function measure(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<Measurement> {
    return new Promise((resolve) => {
        const started = process.hrtime.bigint();
        const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"], env });
        let stderr = "";
        child.stderr.on("data", (d) => (stderr += d));
        let peak = 0;
        const sample = () => {
            peak = Math.max(peak, processTree(child.pid!).reduce((sum, pid) => sum + rssKiB(pid), 0));
        };
        const timer = setInterval(sample, 20);
        child.on("exit", (exitCode) => {
            clearInterval(timer);
            const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
            if (exitCode !== 0 && exitCode !== 1) {
                process.stderr.write(`${command} ${args.join(" ")} exited ${exitCode}\n${stderr}\n`);
            }
            resolve({ wallMs, peakRssMiB: peak / 1024, exitCode });
        });
    });
}

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

async function repeat(runs: number, command: string, args: string[], warmUp = true): Promise<Measurement> {
    if (warmUp) {
        await measure(command, args);
    }
    const results: Measurement[] = [];
    for (let i = 0; i < runs; i++) {
        results.push(await measure(command, args));
    }
    return { wallMs: median(results.map((r) => r.wallMs)), peakRssMiB: Math.max(...results.map((r) => r.peakRssMiB)), exitCode: results[0].exitCode };
}

/**
 * `repeat`, with the floor measured right before each run: this machine's speed drifts by tens of percent from minute
 * to minute, so each run is compared with the floor of the same moment; the ratio reported is the median of the runs'
 * ratios, and every floor measured joins the floor row.
 */
async function repeatAgainstFloor(runs: number, floorArgs: string[], floors: number[], command: string, args: string[]): Promise<Measurement & { ratio: number }> {
    await measure(command, args);
    const results: Array<Measurement & { ratio: number }> = [];
    for (let i = 0; i < runs; i++) {
        const floor = await measure(command, floorArgs);
        floors.push(floor.wallMs);
        const m = await measure(command, args);
        results.push({ ...m, ratio: m.wallMs / floor.wallMs });
    }
    return {
        wallMs: median(results.map((r) => r.wallMs)),
        peakRssMiB: Math.max(...results.map((r) => r.peakRssMiB)),
        exitCode: results[0].exitCode,
        ratio: median(results.map((r) => r.ratio)),
    };
}

/** A program directory that runs this repository's program with `services` copies of the mita-api service. */
function syntheticProgram(services: number): string {
    // Inside the repository, so the program resolves @pulumi/* from the repository's node_modules.
    // A stable directory: a re-run of the benchmark is an unchanged program, as for a user.
    const dir = path.join(ROOT, ".bench", `synthetic-${services}`);
    fs.rmSync(dir, { recursive: true, force: true });
    fs.mkdirSync(dir, { recursive: true });
    const production = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.production.yaml"), "utf8"));
    // mita-api without its container environment, Content-Security-Policy and engine parameters: values inside
    // resources, not resources (the plan's resources are the same). The CLI passes the whole stack config to the
    // program in one environment variable, which Linux caps at 128 KiB; 50 full copies are ~140 KiB there, so neither
    // the CLI nor the preview could start that program (`startFailure` in scripts/preview/plan.ts).
    const { environment: _environment, ...service } = production.config["platform:services"]["mita-api"];
    const template = {
        ...service,
        tls: { ...service.tls, contentSecurityPolicy: undefined },
        database: { ...service.database, parameters: undefined },
    };
    const config = {
        ...production.config,
        "platform:services": Object.fromEntries(Array.from({ length: services }, (_, i) => [`svc-${i + 1}`, template])),
    };
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), YAML.stringify({ name: "platform", runtime: { name: "nodejs", options: { typescript: true } }, main: path.join(ROOT, "index.ts") }));
    fs.writeFileSync(path.join(dir, "Pulumi.bench.yaml"), YAML.stringify({ config }));
    return dir;
}

function resourceCount(jsonReport: string): number {
    return JSON.parse(fs.readFileSync(jsonReport, "utf8")).resources.length;
}

/**
 * The report's own timing of the policy evaluation left once the plan is complete (the pack judges each resource as it
 * registers, so most of it overlaps the plan): the rest of the per-resource verdicts, AnalyzeStack, closing the pack.
 */
function policyMs(jsonReport: string): number | undefined {
    return JSON.parse(fs.readFileSync(jsonReport, "utf8")).timings?.policyMs;
}

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, sizes: { type: "string", default: "1,10,50" }, "no-cold": { type: "boolean" } } });
    const runs = Number(values.runs);
    const sizes = values.sizes!.split(",").map(Number);
    const node = process.execPath;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-out-"));
    const preview = (program: string, stack: string, dir: string) =>
        [path.join(ROOT, "scripts/preview/bin.cjs"), "--program", program, "--stack", stack, "--policy-pack", path.join(ROOT, "policies"), "--policy-pack-config", path.join(ROOT, "policies/config/production.json"), "--out", dir];

    const floorArgs = ["-e", "require('@pulumi/pulumi'); require('@pulumi/aws')"];
    const floor = await repeat(runs, node, floorArgs);
    const floors = [floor.wallMs];
    const rows: Array<{ label: string; resources: number | string; m: Measurement & { ratio?: number }; policyMs?: number }> = [
        { label: "floor: load @pulumi/pulumi + @pulumi/aws", resources: "-", m: floor },
    ];
    const productionOut = path.join(out, "production");
    let coldVsTsc: string | undefined;
    if (!values["no-cold"]) {
        // What the cold run is compared with: a plain `tsc --noEmit` of the program (its entry, its tsconfig's options).
        const tsconfig = path.join(out, "tsconfig.program.json");
        fs.writeFileSync(tsconfig, JSON.stringify({ extends: path.join(ROOT, "tsconfig.json"), compilerOptions: { typeRoots: [path.join(ROOT, "node_modules/@types")] }, files: [path.join(ROOT, "index.ts")], include: [] }));
        const tsc = await measure(node, [require.resolve("typescript/bin/tsc"), "--noEmit", "-p", tsconfig]);
        rows.push({ label: "tsc --noEmit of the production program (1 run)", resources: "-", m: tsc });
        // Empty caches: the first run after a change to every file (type checks of program and pack, and the
        // runner's ts-node cache under TMPDIR, included).
        const cache = fs.mkdtempSync(path.join(os.tmpdir(), "bench-cache-"));
        const cold = await measure(node, preview(ROOT, "production", productionOut), { ...process.env, PLATFORM_PREVIEW_CACHE: cache, TMPDIR: cache });
        rows.push({ label: "production stack, cold cache (1 run)", resources: resourceCount(path.join(productionOut, "preview.json")), m: cold });
        coldVsTsc = `Cold production preview: ${(cold.wallMs / tsc.wallMs).toFixed(2)} × a plain tsc --noEmit of the program (aim: ≤ 1.3×).`;
        fs.rmSync(cache, { recursive: true, force: true });
    }
    const production = await repeatAgainstFloor(runs, floorArgs, floors, node, preview(ROOT, "production", productionOut));
    rows.push({ label: "production stack, all reports", resources: resourceCount(path.join(productionOut, "preview.json")), m: production, policyMs: policyMs(path.join(productionOut, "preview.json")) });
    for (const size of sizes) {
        const dir = syntheticProgram(size);
        const reportDir = path.join(out, `synthetic-${size}`);
        const m = await repeatAgainstFloor(runs, floorArgs, floors, node, preview(dir, "bench", reportDir));
        const json = path.join(reportDir, "preview.json");
        rows.push({ label: `synthetic, ${size} service${size === 1 ? "" : "s"}`, resources: fs.existsSync(json) ? resourceCount(json) : "failed", m, policyMs: fs.existsSync(json) ? policyMs(json) : undefined });
    }

    floor.wallMs = median(floors);
    const header = ["case", "resources", "wall ms (median)", "peak RSS MiB", "× floor", "ms / resource", "policy after plan ms"];
    const table = rows.map((r) => [
        r.label,
        String(r.resources),
        r.m.wallMs.toFixed(0),
        r.m.peakRssMiB.toFixed(0),
        (r.m.ratio ?? r.m.wallMs / floor.wallMs).toFixed(2),
        typeof r.resources === "number" ? (r.m.wallMs / r.resources).toFixed(2) : "-",
        r.policyMs === undefined ? "-" : r.policyMs.toFixed(0),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
    console.log(`Offline preview benchmark (${runs} run${runs === 1 ? "" : "s"} each, node ${process.version}, ${os.cpus().length} CPUs)`);
    console.log(line(header));
    console.log(widths.map((w) => "-".repeat(w)).join("  "));
    table.forEach((row) => console.log(line(row)));

    const synthetic = rows.filter((r) => r.label.startsWith("synthetic") && typeof r.resources === "number");
    if (synthetic.length >= 2) {
        const first = synthetic[0];
        const last = synthetic[synthetic.length - 1];
        const perFirst = (first.m.wallMs - floor.wallMs) / (first.resources as number);
        const perLast = (last.m.wallMs - floor.wallMs) / (last.resources as number);
        console.log(`\nGrowth: above the floor, ${perFirst.toFixed(2)} ms/resource at ${first.resources} resources and ${perLast.toFixed(2)} ms/resource at ${last.resources}: ${perLast <= perFirst * 1.25 ? "no worse than linear" : "worse than linear"}.`);
    }
    if (coldVsTsc) console.log(coldVsTsc);
    console.log(`Production preview: ${production.ratio.toFixed(2)} × the SDK load floor measured before each run (aim: ≤ 3×).`);
    const fifty = synthetic.find((r) => r.label === "synthetic, 50 services");
    if (fifty && synthetic[0]) {
        console.log(`50 services: ${(fifty.m.wallMs / synthetic[0].m.wallMs).toFixed(2)} × the 1-service time (aim: ≤ 10×), peak ${fifty.m.peakRssMiB.toFixed(0)} MiB (aim: < 1024).`);
    }
    const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
    console.log(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; load average at the end ${load}.`);
    fs.rmSync(out, { recursive: true, force: true });
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
