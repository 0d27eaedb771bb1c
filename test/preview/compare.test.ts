import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../scripts/preview/cli";
import { EXIT_INPUT_ERROR, EXIT_OK } from "../../scripts/preview/errors";
import { SCHEMA_VERSION, type Finding, type PreviewResult } from "../../scripts/preview/model";
import { gateOf } from "../../scripts/preview/result";

/** `--compare-base/--compare-head`: a PR that weakens the pack is shown side by side with the base branch's verdict. */
function run(dir: string, config: Record<string, unknown>, findings: Finding[], levels: Record<string, "mandatory" | "advisory" | "disabled">, waivers: PreviewResult["policyPack"] extends infer P ? P extends { relaxed: infer R } ? R extends { waivers: infer W } ? W : never : never : never = []): string {
    const configFile = path.join(dir, "config.json");
    fs.writeFileSync(configFile, JSON.stringify(config));
    const result: PreviewResult = {
        schemaVersion: SCHEMA_VERSION, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: "2026-01-01T00:00:00.000Z",
        program: { directory: "/p", project: "app", stack: "production", runtime: "nodejs" },
        policyPack: {
            directory: "/pack", name: "pack", version: "1.0.0", configFile,
            policies: Object.entries(levels).map(([name, level]) => ({ name, displayName: name, description: name, enforcementLevel: level, defaultEnforcementLevel: "mandatory", controls: [] })),
            relaxed: { policies: [], waivers },
        },
        provenance: { commitSource: "unknown", pack: { name: "pack", version: "1.0.0", contentHash: `sha256:${"a".repeat(64)}`, files: 3 }, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: "2026-01-01T00:00:00.000Z" },
        resources: [], findings, diagnostics: [], unchecked: [], allowUninspected: [], gate: gateOf(findings, "mandatory"), timings: { planMs: 1, policyMs: 1, totalMs: 2 },
    };
    fs.writeFileSync(path.join(dir, "preview.json"), JSON.stringify(result));
    return dir;
}

describe("platform-preview --compare-base/--compare-head", () => {
    const finding: Finding = { policyName: "sns-topic-encrypted", policyPackName: "pack", policyPackVersion: "1.0.0", enforcementLevel: "mandatory", message: "topic has no kmsMasterKeyId", description: "d", resourceName: "orders", urn: "urn:pulumi:production::app::aws:sns/topic:Topic::orders" };

    it("shows both verdicts, each policy whose level, config or waivers changed, and the findings the PR would unblock", async () => {
        const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "compare-"));
        fs.mkdirSync(path.join(tmp, "base"));
        fs.mkdirSync(path.join(tmp, "head"));
        const waiver = { rule: "s3-bucket-encrypted", resource: "*", approver: "mallory", expires: "2099-12-31", reason: "trust me", ticket: "X-1", status: "refused" as const };
        const base = run(path.join(tmp, "base"), { all: "mandatory", "cloudwatch-log-group-retention": { minimumDays: 365 } }, [finding], { "sns-topic-encrypted": "mandatory", "cloudwatch-log-group-retention": "mandatory", "s3-bucket-encrypted": "mandatory" });
        const head = run(path.join(tmp, "head"), { all: "mandatory", "sns-topic-encrypted": "disabled", "cloudwatch-log-group-retention": { minimumDays: 1 }, "s3-bucket-encrypted": { waivers: [waiver] } }, [], { "sns-topic-encrypted": "disabled", "cloudwatch-log-group-retention": "mandatory", "s3-bucket-encrypted": "mandatory" }, [waiver]);
        let stdout = "";
        const out = path.join(tmp, "out");
        const code = await runCli(["--compare-base", base, "--compare-head", head, "--out", out], { stdout: (t) => { stdout += t; }, stderr: () => undefined, colour: false, cwd: tmp });
        assert.strictEqual(code, EXIT_OK);
        assert.strictEqual(fs.readFileSync(path.join(out, "compare.md"), "utf8"), stdout);
        assert.ok(stdout.includes("| Verdict | ❌ Policy gate FAILED: 1 unwaived mandatory finding\\(s\\). | ✅ Policy gate passed"), stdout);
        assert.match(stdout, /Policies whose level, config or waivers change \(3\)/);
        assert.match(stdout, /\| `sns-topic-encrypted` \| mandatory \| disabled \(default mandatory\) \| level mandatory → disabled \|/);
        assert.ok(stdout.includes('| `cloudwatch-log-group-retention` | mandatory | mandatory | config \\{"minimumDays":365\\} → \\{"minimumDays":1\\} |'), stdout);
        assert.match(stdout, /\| `s3-bucket-encrypted` \| mandatory \| mandatory, 1 waiver\(s\) \| waivers 0 → 1 \|/);
        assert.match(stdout, /would not block \(1\)[\s\S]*\| `sns-topic-encrypted` \| `orders` \| topic has no kmsMasterKeyId \|/);
    });

    it("refuses a missing half or an unreadable report with exit 2", async () => {
        let stderr = "";
        const io = { stdout: () => undefined, stderr: (t: string) => { stderr += t; }, colour: false, cwd: os.tmpdir() };
        assert.strictEqual(await runCli(["--compare-base", "x"], io), EXIT_INPUT_ERROR);
        assert.match(stderr, /go together/);
        assert.strictEqual(await runCli(["--compare-base", "/nonexistent/a.json", "--compare-head", "/nonexistent/b.json"], io), EXIT_INPUT_ERROR);
        assert.match(stderr, /\/nonexistent\/a\.json: ENOENT/);
    });
});
