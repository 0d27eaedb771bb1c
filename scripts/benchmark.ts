/**
 * Benchmark of the offline preview (a script that prints figures, not a test). In one run it measures:
 *  - the floor: a fresh Node process that only loads @pulumi/pulumi and @pulumi/aws (what any program pays);
 *  - the full preview with every report for the production stack;
 *  - synthetic environments of this platform with 1, 10 and 50 services (the production environment config with the
 *    mita-api service repeated), to see how time and memory grow with resources.
 * Wall time is the median of --runs (default 3); peak memory is the largest summed RSS of the preview's process tree
 * (CLI, plan worker and policy pack), sampled every 20 ms from /proc.
 *
 * Usage: npm run bench -- [--runs 3] [--sizes 1,10,50]
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

/** All descendants of `pid` (from /proc), so a preview's worker and pack count toward its memory. */
function processTree(pid: number): number[] {
    const children = new Map<number, number[]>();
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
            const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
            children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
        } catch {
            // The process ended while we looked.
        }
    }
    const tree = [pid];
    for (let i = 0; i < tree.length; i++) {
        tree.push(...(children.get(tree[i]) ?? []));
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

function measure(command: string, args: string[]): Promise<Measurement> {
    return new Promise((resolve) => {
        const started = process.hrtime.bigint();
        const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
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

async function repeat(runs: number, command: string, args: string[]): Promise<Measurement> {
    const results: Measurement[] = [];
    for (let i = 0; i < runs; i++) {
        results.push(await measure(command, args));
    }
    return { wallMs: median(results.map((r) => r.wallMs)), peakRssMiB: Math.max(...results.map((r) => r.peakRssMiB)), exitCode: results[0].exitCode };
}

/** A program directory that runs this repository's program with `services` copies of the mita-api service. */
function syntheticProgram(services: number): string {
    // Inside the repository, so the program resolves @pulumi/* from the repository's node_modules.
    fs.mkdirSync(path.join(ROOT, ".bench"), { recursive: true });
    const dir = fs.mkdtempSync(path.join(ROOT, ".bench", `synthetic-${services}-`));
    const production = YAML.parse(fs.readFileSync(path.join(ROOT, "Pulumi.production.yaml"), "utf8"));
    const template = production.config["platform:services"]["mita-api"];
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

async function main(): Promise<void> {
    const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, sizes: { type: "string", default: "1,10,50" } } });
    const runs = Number(values.runs);
    const sizes = values.sizes!.split(",").map(Number);
    const node = process.execPath;
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "bench-out-"));
    const preview = (program: string, stack: string, dir: string) =>
        ["--import", "tsx", path.join(ROOT, "scripts/preview.ts"), "--program", program, "--stack", stack, "--policy-pack", path.join(ROOT, "policies"), "--policy-pack-config", path.join(ROOT, "policies/config/production.json"), "--out", dir];

    const floor = await repeat(runs, node, ["-e", "require('@pulumi/pulumi'); require('@pulumi/aws')"]);
    const rows: Array<{ label: string; resources: number | string; m: Measurement }> = [
        { label: "floor: load @pulumi/pulumi + @pulumi/aws", resources: "-", m: floor },
    ];
    const productionOut = path.join(out, "production");
    const production = await repeat(runs, node, preview(ROOT, "production", productionOut));
    rows.push({ label: "production stack, all reports", resources: resourceCount(path.join(productionOut, "preview.json")), m: production });
    for (const size of sizes) {
        const dir = syntheticProgram(size);
        const reportDir = path.join(out, `synthetic-${size}`);
        const m = await repeat(runs, node, preview(dir, "bench", reportDir));
        rows.push({ label: `synthetic, ${size} service${size === 1 ? "" : "s"}`, resources: fs.existsSync(path.join(reportDir, "preview.json")) ? resourceCount(path.join(reportDir, "preview.json")) : "failed", m });
        fs.rmSync(dir, { recursive: true, force: true });
    }

    const header = ["case", "resources", "wall ms (median)", "peak RSS MiB", "× floor", "ms / resource"];
    const table = rows.map((r) => [
        r.label,
        String(r.resources),
        r.m.wallMs.toFixed(0),
        r.m.peakRssMiB.toFixed(0),
        (r.m.wallMs / floor.wallMs).toFixed(2),
        typeof r.resources === "number" ? (r.m.wallMs / r.resources).toFixed(2) : "-",
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
    console.log(`Production preview: ${(production.wallMs / floor.wallMs).toFixed(2)} × the SDK load floor (aim: ≤ 3×).`);
    fs.rmSync(out, { recursive: true, force: true });
}

main().catch((err) => {
    console.error(err);
    process.exit(1);
});
