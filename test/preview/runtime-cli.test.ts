import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../scripts/preview/cli";
import { EXIT_GATE_FAILED, EXIT_INPUT_ERROR } from "../../scripts/preview/errors";
import type { PreviewResult } from "../../scripts/preview/model";

const ROOT = path.resolve(__dirname, "../..");
const PROGRAMS = path.join(ROOT, "test/fixtures/programs");

describe("platform-preview: where it runs and which pack it uses", () => {
    it("resolves a relative --program against the directory the user ran the command from (INIT_CWD), and prints absolute report paths", function () {
        this.timeout(120_000);
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "preview-initcwd-")), "reports");
        // npm runs scripts in the package root; INIT_CWD is where the user typed the command.
        const child = spawnSync(process.execPath, [path.join(ROOT, "scripts/preview/bin.cjs"), "--stack", "dev", "--program", "clean", "--out", path.relative(PROGRAMS, out)], {
            cwd: ROOT,
            encoding: "utf8",
            env: { ...process.env, NO_COLOR: "1", INIT_CWD: PROGRAMS },
        });
        assert.strictEqual(child.status, 0, child.stderr);
        const result: PreviewResult = JSON.parse(fs.readFileSync(path.join(out, "preview.json"), "utf8"));
        assert.strictEqual(result.program.directory, path.join(PROGRAMS, "clean"));
        assert.strictEqual(result.program.project, "clean");
        // The tool's own pack, found beside the tool.
        assert.strictEqual(result.policyPack?.directory, path.join(ROOT, "policies"));
        assert.ok(child.stdout.includes(`Reports: ${out}${path.sep}preview.`), child.stdout);
    });

    it("ends promptly when it plans nothing (help, bad input)", function () {
        this.timeout(60_000);
        for (const [args, status] of [[["--help"], 0], [["--stack", "dev", "--program", "no-such-program"], EXIT_INPUT_ERROR]] as const) {
            const started = Date.now();
            const child = spawnSync(process.execPath, [path.join(ROOT, "scripts/preview/bin.cjs"), ...args], { cwd: PROGRAMS, encoding: "utf8", timeout: 30_000 });
            assert.strictEqual(child.status, status, `${args.join(" ")}: ${child.signal ?? ""} ${child.stderr}`);
            // A worker left waiting would hold the CLI open (its pipes) until the timeout kills it.
            assert.ok(Date.now() - started < 15_000, `${args.join(" ")} took ${Date.now() - started} ms`);
        }
    });

    it("is an input error (exit 2) when no policy pack is found, unless --no-policy", async () => {
        const toolRoot = fs.mkdtempSync(path.join(os.tmpdir(), "preview-nopack-"));
        const out = path.join(toolRoot, "reports");
        let stderr = "";
        const io = { stdout: () => undefined, stderr: (t: string) => { stderr += t; }, colour: false, cwd: ROOT, toolRoot };
        const code = await runCli(["--program", path.join(PROGRAMS, "clean"), "--stack", "dev", "--out", out], io);
        assert.strictEqual(code, EXIT_INPUT_ERROR);
        assert.match(stderr, /^No policy pack: .* does not exist; pass --policy-pack <dir>, or --no-policy/);
        assert.ok(!fs.existsSync(out), "reports were written without a pack");
        const planned = await runCli(["--program", path.join(PROGRAMS, "clean"), "--stack", "dev", "--out", out, "--no-policy"], io);
        assert.strictEqual(planned, 0, stderr);
    });
});

describe("platform-preview: the policy pack is type-checked as the CLI does", () => {
    it("refuses a pack with a type error (exit 2, the compiler's message and line)", async () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "preview-pack-types-")), "reports");
        let stderr = "";
        const pack = path.join(__dirname, "packs/type-error");
        const code = await runCli(["--program", path.join(PROGRAMS, "clean"), "--stack", "dev", "--policy-pack", pack, "--out", out], { stdout: () => undefined, stderr: (t) => { stderr += t; }, colour: false, cwd: ROOT });
        assert.strictEqual(code, EXIT_INPUT_ERROR, stderr);
        assert.match(stderr, /type errors .*index\.ts:3: error TS2322: Type 'string' is not assignable to type 'number'\./);
        assert.ok(!fs.existsSync(out));
    });
});

describe("platform-preview: late registrations are judged", () => {
    for (const program of ["late-timer", "late-async"]) {
        it(`the pack flags the publicly accessible database ${program} registers after its first turn`, async () => {
            const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "preview-late-")), "reports");
            let stderr = "";
            const code = await runCli(["--program", path.join(PROGRAMS, program), "--stack", "dev", "--out", out], { stdout: () => undefined, stderr: (t) => { stderr += t; }, colour: false, cwd: ROOT });
            assert.strictEqual(code, EXIT_GATE_FAILED, stderr);
            const result: PreviewResult = JSON.parse(fs.readFileSync(path.join(out, "preview.json"), "utf8"));
            const finding = result.findings.find((f) => f.policyName === "rds-not-publicly-accessible");
            assert.strictEqual(finding?.resourceName, "late-db");
        });
    }
});
