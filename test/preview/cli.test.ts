import * as assert from "assert";
import Ajv from "ajv";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../scripts/preview/cli";
import { EXIT_GATE_FAILED, EXIT_INPUT_ERROR, EXIT_OK } from "../../scripts/preview/errors";
import type { PreviewResult } from "../../scripts/preview/model";
import { REPORT_FILES } from "../../scripts/preview/write-reports";

const ROOT = path.resolve(__dirname, "../..");
const PROGRAMS = path.join(ROOT, "test/fixtures/programs");
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, "scripts/preview/report.schema.json"), "utf8"));
const validate = new Ajv({ allErrors: true }).compile(schema);

interface Run { code: number; stdout: string; stderr: string; out: string; result?: PreviewResult }

async function preview(args: string[]): Promise<Run> {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "preview-test-")), "reports");
    let stdout = "";
    let stderr = "";
    const code = await runCli([...args, "--out", out], { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, colour: false, cwd: ROOT });
    const json = path.join(out, "preview.json");
    return { code, stdout, stderr, out, result: fs.existsSync(json) ? JSON.parse(fs.readFileSync(json, "utf8")) : undefined };
}

function assertNoReports(run: Run) {
    assert.ok(!fs.existsSync(run.out), `reports were written for a failed run: ${fs.existsSync(run.out) ? fs.readdirSync(run.out) : ""}`);
    assert.deepStrictEqual(fs.readdirSync(path.dirname(run.out)), [], "a partial report directory was left behind");
}

describe("platform-preview: misconfigured program against the platform pack", () => {
    let run: Run;
    before(async () => {
        run = await preview(["--program", path.join(PROGRAMS, "misconfigured"), "--stack", "dev"]);
    });

    it("fails the gate (exit 1) and writes every report", () => {
        assert.strictEqual(run.code, EXIT_GATE_FAILED, run.stderr);
        for (const file of REPORT_FILES) {
            assert.ok(fs.statSync(path.join(run.out, file)).size > 0, `${file} is missing or empty`);
        }
        assert.strictEqual(run.result?.gate.passed, false);
        assert.match(run.stdout, /Policy gate FAILED/);
    });

    it("finds each planted misconfiguration, by policy and resource, at the declaring line", () => {
        const index = fs.readFileSync(path.join(PROGRAMS, "misconfigured/index.ts"), "utf8").split("\n");
        const expected: Array<[policy: string, resource: string, declaredBy: string]> = [
            ["rds-storage-encrypted", "orders-db", "new aws.rds.Instance("],
            ["secrets-no-plaintext-secrets", "orders-db", "new aws.rds.Instance("],
            ["secrets-no-plaintext-secrets", "api", "new aws.ecs.TaskDefinition("],
            ["s3-public-access-blocked", "public-uploads", "new aws.s3.Bucket("],
            ["lb-http-listener-redirects-to-https", "http", "new aws.lb.Listener("],
            ["cloudwatch-log-group-retention", "app-logs", "new aws.cloudwatch.LogGroup("],
        ];
        for (const [policy, resource, declaredBy] of expected) {
            const finding = run.result!.findings.find((f) => f.policyName === policy && f.resourceName === resource);
            assert.ok(finding, `no ${policy} finding for ${resource}; got ${run.result!.findings.map((f) => `${f.policyName}/${f.resourceName}`).join(", ")}`);
            assert.strictEqual(finding.enforcementLevel, "mandatory");
            assert.ok(!finding.waiver);
            assert.deepStrictEqual([finding.source?.file, finding.source?.line], ["index.ts", index.findIndex((l) => l.includes(declaredBy)) + 1]);
        }
    });

    it("writes a preview.json that the schema accepts, with policies mapped to controls", () => {
        assert.ok(validate(run.result), JSON.stringify(validate.errors, null, 2));
        assert.strictEqual(run.result!.policyPack?.name, "aws-platform-compliance");
        const encrypted = run.result!.policyPack!.policies.find((p) => p.name === "rds-storage-encrypted");
        assert.ok(encrypted && encrypted.controls.length > 0 && encrypted.controls.every((c) => c.framework && c.control));
    });

    it("never prints or writes secret values", () => {
        const secrets = ["hunter2-plaintext", ...[...fs.readFileSync(path.join(PROGRAMS, "misconfigured/Pulumi.dev.yaml"), "utf8").matchAll(/secure: (\S+)/g)].map((m) => m[1])];
        const written = REPORT_FILES.map((f) => fs.readFileSync(path.join(run.out, f), "utf8")).join("\n") + run.stdout + run.stderr;
        for (const secret of secrets) {
            assert.ok(!written.includes(secret), `a secret value leaked into the output`);
        }
        const db = run.result!.resources.find((r) => r.name === "orders-db");
        assert.strictEqual(db?.inputs.password, "[secret]");
    });

    it("renders a PR-sized Markdown report with the verdict", () => {
        const md = fs.readFileSync(path.join(run.out, "preview.md"), "utf8");
        assert.match(md, /Policy gate failed/);
        assert.match(md, /`rds-storage-encrypted`/);
        assert.ok(md.length < 65536, "too long for a PR comment");
    });
});

describe("platform-preview: clean program", () => {
    it("passes with no mandatory findings and exit 0", async () => {
        const run = await preview(["--program", path.join(PROGRAMS, "clean"), "--stack", "dev"]);
        assert.strictEqual(run.code, EXIT_OK, run.stderr + run.stdout);
        assert.deepStrictEqual(run.result!.findings.map((f) => `${f.policyName}/${f.resourceName}`), []);
        assert.deepStrictEqual({ ...run.result!.gate, nonBlockingUnchecked: 0 }, { failOn: "mandatory", passed: true, blockingFindings: 0, blockingUnchecked: 0, nonBlockingUnchecked: 0 });
    });
});

describe("platform-preview: policy config, waivers and --fail-on", () => {
    const misconfigured = ["--program", path.join(PROGRAMS, "misconfigured"), "--stack", "dev"];

    it("reports a waived finding under its rule with the waiver, and does not count it against the gate", async () => {
        // Written per run: a waiver may run at most the pack's maximum horizon ahead of today.
        const expires = new Date(Date.now() + 200 * 86_400_000).toISOString().slice(0, 10);
        const waiver = { resource: "orders-db", reason: "single-AZ until the Q4 migration to the new cluster", approver: "jane.doe", expires, ticket: "COMP-42" };
        const config = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "waived-")), "waived.json");
        fs.writeFileSync(config, JSON.stringify({ "rds-multi-az": { waivers: [waiver] } }));
        const run = await preview([...misconfigured, "--policy-pack-config", config]);
        const multiAz = run.result!.findings.filter((f) => f.policyName === "rds-multi-az" && f.resourceName === "orders-db");
        assert.strictEqual(multiAz.length, 1, "the waived finding must be reported once, under the waived rule");
        assert.deepStrictEqual(multiAz[0].waiver, { rule: "rds-multi-az", approver: "jane.doe", expires, reason: "single-AZ until the Q4 migration to the new cluster", ticket: "COMP-42" });
        assert.strictEqual(multiAz[0].message, "instance is single-AZ");
        const unwaivedMandatory = run.result!.findings.filter((f) => !f.waiver && f.enforcementLevel === "mandatory").length;
        assert.strictEqual(run.result!.gate.blockingFindings, unwaivedMandatory);
        assert.match(fs.readFileSync(path.join(run.out, "preview.md"), "utf8"), /\| Waived \| Not inspected or judged \|\n\|.*\n\| \d+ \| \d+ \| 0 \| 0 \| 1 \| \d+ \|/);
    });

    it("passes advisory findings unless --fail-on advisory", async () => {
        const config = ["--policy-pack-config", path.join(__dirname, "configs/all-advisory.json")];
        const lenient = await preview([...misconfigured, ...config]);
        assert.strictEqual(lenient.code, EXIT_OK, lenient.stderr);
        assert.ok(lenient.result!.findings.length > 0 && lenient.result!.findings.every((f) => f.enforcementLevel === "advisory"));
        const strict = await preview([...misconfigured, ...config, "--fail-on", "advisory"]);
        assert.strictEqual(strict.code, EXIT_GATE_FAILED);
        assert.strictEqual(strict.result!.gate.blockingFindings, strict.result!.findings.filter((f) => !f.waiver).length);
    });
});

describe("platform-preview: bad input exits 2 with one clear message and no reports", () => {
    const cases: Array<[title: string, args: string[], message: RegExp]> = [
        ["a directory without Pulumi.yaml", ["--program", path.join(ROOT, "test/fixtures"), "--stack", "dev"], /^No Pulumi\.yaml in /],
        ["an unknown stack", ["--program", path.join(PROGRAMS, "clean"), "--stack", "nope"], /^Unknown stack "nope"/],
        ["a program that throws", ["--program", path.join(PROGRAMS, "broken"), "--stack", "dev"], /^Program error at sizing\.ts:\d+: databaseSize is required/],
        ["a program that exits", ["--program", path.join(PROGRAMS, "broken"), "--stack", "exits"], /^Program exited \(code [01]\) before its plan completed[\s\S]*registered-before-the-error/],
        ["a pack that crashes", ["--program", path.join(PROGRAMS, "clean"), "--stack", "dev", "--policy-pack", path.join(ROOT, "test/fixtures/packs/crashing")], /^Policy pack .*crashing.*(failed|crash)[\s\S]*thresholds table is empty \(at index\.ts:4\)/i],
        ["a missing --stack", ["--program", path.join(PROGRAMS, "clean")], /^--stack is required/],
    ];
    for (const [title, args, message] of cases) {
        it(title, async () => {
            const run = await preview(args);
            assert.strictEqual(run.code, EXIT_INPUT_ERROR, run.stdout);
            assert.match(run.stderr, message);
            assert.ok(!/\n\s+at .*:\d+:\d+\)?$/m.test(run.stderr), `stack trace shown: ${run.stderr}`);
            assertNoReports(run);
        });
    }
});

describe("platform-preview: entry points", () => {
    it("--help prints usage and exits 0", async () => {
        const run = await preview(["--help"]);
        assert.strictEqual(run.code, EXIT_OK);
        assert.match(run.stdout, /^Usage: platform-preview --stack <name>/);
        assert.match(run.stdout, /--policy-pack-config/);
    });

    it("the bin shim runs the repository's production stack end to end on Node 22", function () {
        this.timeout(120_000);
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "preview-bin-")), "reports");
        const child = spawnSync(process.execPath, [path.join(ROOT, "scripts/preview/bin.cjs"), "--stack", "production", "--out", out], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
        // Production has no mandatory finding (issue 10: no behaviour change for this repository's stacks): the gate passes.
        assert.strictEqual(child.status, EXIT_OK, `exit ${child.status}: ${child.stderr}`);
        const result: PreviewResult = JSON.parse(fs.readFileSync(path.join(out, "preview.json"), "utf8"));
        assert.ok(validate(result), JSON.stringify(validate.errors));
        assert.strictEqual(result.program.stack, "production");
        assert.ok(result.resources.some((r) => r.type === "aws:rds/instance:Instance" && r.protect), "production databases are planned with protect");
        assert.strictEqual(result.policyPack?.configFile, path.join(ROOT, "policies/config/production.json"));
        assert.strictEqual(result.gate.passed, true);
    });
});
