import * as fs from "fs";
import * as path from "path";
import { parseArgs } from "util";
import { EXIT_GATE_FAILED, EXIT_INPUT_ERROR, EXIT_OK, PreviewInputError } from "./errors";
import { defaultPolicyPaths } from "./policy";
import { REPORT_FORMATS } from "./reports";
import { renderTerminal } from "./reports/terminal";
import { runPreview } from "./run";

export const USAGE = `Usage: platform-preview --stack <name> [options]

Plans a Pulumi TypeScript program offline (the SDK's mock runtime: no Pulumi CLI, no cloud credentials) and evaluates a
policy pack against it as \`pulumi preview --policy-pack\` does.

Options:
  --stack <name>                Stack to preview; reads Pulumi.<name>.yaml (required)
  --program <dir>               Pulumi program directory (default: current directory)
  --policy-pack <dir>           Policy pack directory (default: this tool's own pack, policies/ beside it)
  --policy-pack-config <file>   Policy config JSON (default with the default pack: its config/<stack>.json when it exists)
  --no-policy                   Plan only, evaluate no policy pack (without it, a missing pack is an input error)
  --mocks <module>              Your own answers to data sources and stack references: a module whose default (or
                                \`mocks\`) export is a Partial<pulumi.runtime.Mocks>; its call()/newResource() win when
                                they return something. Lookups nobody answered are listed in the reports
  --fail-on <level>             mandatory (default) or advisory: the lowest unwaived level that fails the gate
  --allow-uninspected <type>    Let remote components of this type (e.g. awsx:ecs:FargateService; \`*\` matches any
                                characters) pass the gate uninspected; repeatable. The allowance is shown in every
                                report. Without it each remote component is a mandatory finding: its children are
                                created by the provider plugin and are not in the offline plan.
  --out <dir>                   Report directory (default: reports/<stack>): ${REPORT_FORMATS.map((f) => f.file).join(", ")}
  --help                        Show this help

  --compare-base <report> --compare-head <report>
                                Compare two previews of the same program (preview.json files or report directories):
                                the verdict under the base branch's pack and config and under a PR's, side by side,
                                with every policy whose level, config or waivers changed and the blocking findings the
                                PR's rules would no longer block. Prints Markdown (also written to <--out>/compare.md
                                when --out is given); exit 0, or 2 for unreadable reports. Needs no --stack.

Relative paths are resolved against the directory the command was run from (npm's INIT_CWD under \`npm run\`).

Exit codes: 0 gate passed, 1 gate failed, 2 input or program error (no reports written) or gate passed but a report
could not be written (the verdict is printed first; a failed gate keeps 1), 3 internal error.
`;

/** The repository this tool ships in: its own policy pack lives in policies/ here. */
export const TOOL_ROOT = path.resolve(__dirname, "../..");

export const EXIT_INTERNAL_ERROR = 3;

export interface CliIo {
    stdout: (text: string) => void;
    stderr: (text: string) => void;
    colour: boolean;
    /** The directory the user ran the command from (scripts/preview.ts passes npm's INIT_CWD when set). */
    cwd: string;
    /** Where the default policy pack is looked for (policies/ under it); default {@link TOOL_ROOT}. */
    toolRoot?: string;
}

/** The CLI: returns the exit code instead of exiting, so tests drive it in-process. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
    let values;
    try {
        ({ values } = parseArgs({
            args: argv,
            options: {
                stack: { type: "string" },
                program: { type: "string" },
                "policy-pack": { type: "string" },
                "policy-pack-config": { type: "string" },
                "no-policy": { type: "boolean" },
                mocks: { type: "string" },
                "fail-on": { type: "string" },
                "allow-uninspected": { type: "string", multiple: true },
                out: { type: "string" },
                "compare-base": { type: "string" },
                "compare-head": { type: "string" },
                help: { type: "boolean", short: "h" },
            },
            strict: true,
            allowPositionals: false,
        }));
    } catch (err) {
        io.stderr(`${(err as Error).message}\n\n${USAGE}`);
        return EXIT_INPUT_ERROR;
    }
    if (values.help) {
        io.stdout(USAGE);
        return EXIT_OK;
    }
    if (values["compare-base"] !== undefined || values["compare-head"] !== undefined) {
        return compareCommand(values["compare-base"], values["compare-head"], values.out, io);
    }
    if (!values.stack) {
        io.stderr(`--stack is required\n\n${USAGE}`);
        return EXIT_INPUT_ERROR;
    }
    const failOn = values["fail-on"] ?? "mandatory";
    if (failOn !== "mandatory" && failOn !== "advisory") {
        io.stderr(`--fail-on must be mandatory or advisory, not "${failOn}"\n`);
        return EXIT_INPUT_ERROR;
    }
    const allowUninspected = values["allow-uninspected"] ?? [];
    const badPattern = allowUninspected.find((p) => p.trim() === "" || /\s/.test(p));
    if (badPattern !== undefined) {
        io.stderr(`--allow-uninspected takes a resource type token such as awsx:ecs:FargateService, not "${badPattern}"\n`);
        return EXIT_INPUT_ERROR;
    }
    // The default pack is the one this tool ships with, wherever it is run from (not the caller's ./policies).
    const defaults = values["no-policy"] ? {} : defaultPolicyPaths(io.toolRoot ?? TOOL_ROOT, values.stack);
    const policyPack = values["no-policy"] ? undefined : values["policy-pack"] ? path.resolve(io.cwd, values["policy-pack"]) : defaults.packDir;
    if (!values["no-policy"] && !policyPack) {
        io.stderr(`No policy pack: ${path.join(io.toolRoot ?? TOOL_ROOT, "policies")} does not exist; pass --policy-pack <dir>, or --no-policy to plan without a policy gate\n`);
        return EXIT_INPUT_ERROR;
    }
    const policyPackConfig = values["policy-pack-config"] ? path.resolve(io.cwd, values["policy-pack-config"]) : values["policy-pack"] ? undefined : defaults.configFile;
    const mocks = values.mocks ? path.resolve(io.cwd, values.mocks) : undefined;
    for (const [flag, value] of [["--policy-pack", policyPack], ["--policy-pack-config", policyPackConfig], ["--mocks", mocks]] as const) {
        if (value && !fs.existsSync(value)) {
            io.stderr(`${flag}: ${value} does not exist\n`);
            return EXIT_INPUT_ERROR;
        }
    }
    try {
        const running = runPreview({
            programDir: path.resolve(io.cwd, values.program ?? "."),
            stack: values.stack,
            policyPack,
            policyPackConfig,
            failOn,
            allowUninspected,
            mocks,
        });
        // The report writers load once the program and the pack have been started (the plan's critical path), while
        // this process waits for them.
        setImmediate(() => require("./write-reports"));
        const result = await running;
        const { writeReports }: typeof import("./write-reports") = require("./write-reports");
        const outDir = path.resolve(io.cwd, values.out ?? path.join("reports", values.stack));
        // The verdict first: a report that cannot be written must not hide it.
        io.stdout(renderTerminal(result, { colour: io.colour }));
        const reports = writeReports(result, outDir);
        if (reports.failed.length === 0) {
            io.stdout(`Reports: ${outDir}${path.sep}preview.{${REPORT_FORMATS.map((f) => f.file.replace(/^preview\./, "")).join(",")}}\n`);
        } else if (reports.written.length > 0) {
            io.stdout(`Reports written: ${reports.written.join(", ")}\n`);
        }
        const reasons = new Set(reports.failed.map((f) => f.reason));
        if (reports.failed.length > 1 && reasons.size === 1) {
            // One cause for all (e.g. --out cannot be created): one line.
            io.stderr(`Reports ${reports.failed.map((f) => path.basename(f.file)).join(", ")} could not be written to ${outDir}: ${[...reasons][0]}\n`);
        } else {
            for (const { file, reason } of reports.failed) {
                io.stderr(`Report ${file} could not be written: ${reason}\n`);
            }
        }
        const gateCode = result.gate.passed ? EXIT_OK : EXIT_GATE_FAILED;
        // A failed gate keeps exit 1; a passed gate whose reports are incomplete is not a success.
        return reports.failed.length > 0 && gateCode === EXIT_OK ? EXIT_INPUT_ERROR : gateCode;
    } catch (err) {
        if (err instanceof PreviewInputError) {
            io.stderr(`${err.message}\n`);
            return EXIT_INPUT_ERROR;
        }
        io.stderr(`Internal error: ${(err as Error).stack ?? err}\n`);
        return EXIT_INTERNAL_ERROR;
    }
}

function compareCommand(base: string | undefined, head: string | undefined, out: string | undefined, io: CliIo): number {
    if (!base || !head) {
        io.stderr("--compare-base and --compare-head go together: the base branch's report and the pull request's\n");
        return EXIT_INPUT_ERROR;
    }
    const { readResult, renderComparison }: typeof import("./compare") = require("./compare");
    try {
        const markdown = renderComparison(readResult(path.resolve(io.cwd, base)), readResult(path.resolve(io.cwd, head)));
        io.stdout(markdown);
        if (out) {
            const dir = path.resolve(io.cwd, out);
            fs.mkdirSync(dir, { recursive: true });
            fs.writeFileSync(path.join(dir, "compare.md"), markdown);
        }
        return EXIT_OK;
    } catch (err) {
        io.stderr(`${(err as Error).message}\n`);
        return err instanceof PreviewInputError ? EXIT_INPUT_ERROR : EXIT_INTERNAL_ERROR;
    }
}
