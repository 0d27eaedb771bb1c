import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runCli } from "../../scripts/preview/cli";
import { findingsRelaxed, policyChanges, readResult, renderComparison } from "../../scripts/preview/compare";
import { EXIT_INPUT_ERROR, EXIT_OK, PreviewInputError } from "../../scripts/preview/errors";
import { SCHEMA_VERSION, type ConfiguredWaiver, type Finding, type PreviewResult } from "../../scripts/preview/model";
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

describe("compare: what a pull request's rules change against the base branch's", () => {
    type Level = "mandatory" | "advisory" | "disabled";
    const summary = (name: string, level: Level, defaultLevel: Level = "mandatory") => ({ name, displayName: name, description: name, enforcementLevel: level, defaultEnforcementLevel: defaultLevel, controls: [] });
    const urnOf = (name: string) => `urn:pulumi:production::app::aws:s3/bucket:Bucket::${name}`;
    const finding = (policyName: string, name: string | undefined, extra: Partial<Finding> = {}): Finding => ({
        policyName, policyPackName: "pack", policyPackVersion: "1.0.0", enforcementLevel: "mandatory", message: `${name ?? "stack"} violates ${policyName}`, description: "d",
        ...(name ? { urn: urnOf(name), resourceName: name } : {}), ...extra,
    });
    const waiver = { rule: "s3-bucket-encrypted", approver: "alice", expires: "2099-12-31", reason: "migrating" };
    const result = (findings: Finding[], pack?: { configFile?: string; policies: ReturnType<typeof summary>[]; waivers?: ConfiguredWaiver[] }, extra: Partial<PreviewResult> = {}): PreviewResult => ({
        schemaVersion: SCHEMA_VERSION, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: "2026-01-01T00:00:00.000Z",
        program: { directory: "/p", project: "app", stack: "production", runtime: "nodejs" },
        ...(pack ? { policyPack: { directory: "/pack", name: "pack", version: "1.0.0", ...(pack.configFile ? { configFile: pack.configFile } : {}), policies: pack.policies, relaxed: { policies: [], waivers: pack.waivers ?? [] } } } : {}),
        provenance: { commitSource: "unknown", tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: "2026-01-01T00:00:00.000Z" },
        resources: [], findings, diagnostics: [], unchecked: [], allowUninspected: [], gate: gateOf(findings, "mandatory"), timings: { planMs: 1, policyMs: 1, totalMs: 2 },
        ...extra,
    });
    const configFile = (config: unknown) => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "compare-unit-")), "config.json");
        fs.writeFileSync(file, typeof config === "string" ? config : JSON.stringify(config));
        return file;
    };

    it("names each policy added, removed, or with another default level, level, config or waivers — and nothing else, sorted", () => {
        const active: ConfiguredWaiver = { ...waiver, resource: "logs", status: "active" };
        const base = result([], {
            configFile: configFile({ all: "mandatory", keys: { a: 1, b: { c: 2, d: 3 } }, retention: { minimumDays: 365 }, lowered: "advisory", same: { enforcementLevel: "mandatory" } }),
            policies: [summary("same", "mandatory"), summary("removed", "mandatory"), summary("retention", "mandatory"), summary("lowered", "mandatory"), summary("keys", "mandatory"), summary("s3-bucket-encrypted", "mandatory"), summary("redefault", "mandatory", "mandatory")],
        });
        const head = result([], {
            configFile: configFile({ all: { enforcementLevel: "mandatory" }, keys: { b: { d: 3, c: 2 }, a: 1 }, retention: { minimumDays: 1 }, lowered: "disabled", "s3-bucket-encrypted": { waivers: [active] } }),
            policies: [summary("added", "advisory"), summary("keys", "mandatory"), summary("lowered", "disabled"), summary("retention", "mandatory"), summary("same", "mandatory"), summary("s3-bucket-encrypted", "mandatory"), summary("redefault", "mandatory", "advisory")],
            waivers: [active],
        });
        const changes = policyChanges(base, head);
        assert.deepStrictEqual(changes.map((c) => [c.policy, c.changes]), [
            ["added", ["added by the PR"]],
            ["lowered", ["level mandatory → disabled"]],
            ["redefault", ["default level mandatory → advisory"]],
            ["removed", ["removed by the PR"]],
            ["retention", ["config {\"minimumDays\":365} → {\"minimumDays\":1}"]],
            ["s3-bucket-encrypted", ["waivers 0 → 1"]],
        ]);
        assert.deepStrictEqual(changes[0].base, undefined);
        assert.deepStrictEqual(changes[0].head, { level: "advisory", defaultLevel: "mandatory", config: "{}", waivers: [] });
        assert.deepStrictEqual(changes[3].head, undefined);
        assert.deepStrictEqual(changes[5].head, { level: "mandatory", defaultLevel: "mandatory", config: "{}", waivers: [active] });
        // A waiver whose terms change (same count) is a change too.
        const extended = result([], { policies: [summary("s3-bucket-encrypted", "mandatory")], waivers: [{ ...active, expires: "2100-01-01" }] });
        const original = result([], { policies: [summary("s3-bucket-encrypted", "mandatory")], waivers: [active] });
        assert.deepStrictEqual(policyChanges(original, extended).map((c) => c.changes), [["waivers 1 → 1"]]);
        assert.deepStrictEqual(policyChanges(original, original), []);
    });

    it("a run without a pack, or without a readable config, has no policies and no config", () => {
        const withPack = result([], { policies: [summary("a", "mandatory")] });
        assert.deepStrictEqual(policyChanges(result([]), withPack).map((c) => [c.policy, c.changes]), [["a", ["added by the PR"]]]);
        assert.deepStrictEqual(policyChanges(withPack, result([])).map((c) => [c.policy, c.changes]), [["a", ["removed by the PR"]]]);
        // A config entry that is neither a level nor an object (the engine refuses it) holds no properties.
        for (const file of [configFile("{not json"), "/nonexistent/config.json", configFile({ a: null }), configFile({ a: 5 })]) {
            const broken = result([], { configFile: file, policies: [summary("a", "mandatory")] });
            assert.deepStrictEqual(policyChanges(broken, result([], { configFile: configFile({ a: { minimumDays: 1 } }), policies: [summary("a", "mandatory")] })).map((c) => c.changes), [["config {} → {\"minimumDays\":1}"]], file);
        }
    });

    it("the findings the PR would stop blocking: gone, waived or lowered; not those still blocking or never blocking", () => {
        const base = result([
            finding("gone", "a"), finding("waived", "b"), finding("lowered", "c"), finding("kept", "d"), finding("kept", undefined),
            finding("advisory", "e", { enforcementLevel: "advisory" }), finding("was-waived", "f", { waiver: { ...waiver, rule: "was-waived" } }), finding("moved", "g"),
        ]);
        const head = result([
            finding("waived", "b", { waiver: { ...waiver, rule: "waived" } }), finding("lowered", "c", { enforcementLevel: "advisory" }), finding("kept", "d"), finding("kept", undefined),
            finding("moved", "h"), finding("other", "a"),
        ]);
        assert.deepStrictEqual(findingsRelaxed(base, head).map((f) => `${f.policyName} ${f.resourceName ?? "stack"}`), ["gone a", "waived b", "lowered c", "moved g"]);
        // The same policy and resource with another message is another finding.
        assert.deepStrictEqual(findingsRelaxed(result([finding("p", "a")]), result([finding("p", "a", { message: "other" })])).length, 1);
    });

    it("renders both verdicts, the counts, pack, config and tool side by side, then each table", () => {
        const base = result([finding("s3-bucket-encrypted", "logs"), finding("stacky", undefined), finding("adv", "x", { enforcementLevel: "advisory" }), finding("adv", "y", { enforcementLevel: "advisory" }), finding("adv", "v", { enforcementLevel: "advisory" }), finding("w", "z", { waiver: { ...waiver, rule: "w" } })],
            { policies: [summary("s3-bucket-encrypted", "mandatory"), summary("stacky", "mandatory")] },
            { provenance: { commitSource: "unknown", pack: { name: "pack", version: "1.0.0", contentHash: `sha256:${"b".repeat(64)}`, files: 3 }, policyConfig: { file: "/c.json", hash: `sha256:${"c".repeat(64)}` }, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: "x" } });
        const head = result([finding("new", "n"), finding("adv", "x", { enforcementLevel: "advisory" }), finding("adv", "y", { enforcementLevel: "advisory" }), finding("adv", "q", { enforcementLevel: "advisory" }),
            finding("w", "z", { waiver: { ...waiver, rule: "w" } }), finding("w", "z2", { enforcementLevel: "advisory", waiver: { ...waiver, rule: "w" } })], { policies: [summary("s3-bucket-encrypted", "disabled")] }, { tool: { name: "platform-preview", version: "0.2.0" }, program: { directory: "/p", project: "app", stack: "prod_eu", runtime: "nodejs" } });
        assert.strictEqual(renderComparison(base, head), [
            "## Policy change: production judged under the base branch's rules and under this PR's",
            "",
            "The base branch's verdict gates this pull request; the PR's own rules are shown for review only.",
            "",
            "| | Base branch's rules (gate) | This PR's rules |",
            "|---|---|---|",
            "| Verdict | ❌ Policy gate FAILED: 2 unwaived mandatory finding\\(s\\). | ❌ Policy gate FAILED: 1 unwaived mandatory finding\\(s\\). |",
            "| Unwaived mandatory / advisory / waived | 2 / 3 / 1 | 1 / 3 / 2 |",
            `| Policy pack | \`pack@1.0.0\` \`sha256:bbbbbbbbbbbb\` | none |`,
            "| Policy config | `sha256:cccccccccccc` | none |",
            "| Tool | `platform-preview 0.1.0` | `platform-preview 0.2.0` |",
            "",
            "### Policies whose level, config or waivers change (2)",
            "",
            "| Policy | Base | This PR | What changes |",
            "|---|---|---|---|",
            "| `s3-bucket-encrypted` | mandatory | disabled (default mandatory) | level mandatory → disabled |",
            "| `stacky` | mandatory | — | removed by the PR |",
            "",
            "### Blocking findings under the base rules that this PR's rules would not block (2)",
            "",
            "| Policy | Resource | Finding |",
            "|---|---|---|",
            "| `s3-bucket-encrypted` | `logs` | logs violates s3-bucket-encrypted |",
            "| `stacky` | stack | stack violates stacky |",
            "",
        ].join("\n"));
    });

    it("says None. for an unchanged pack, joins several changes of one policy, and caps the findings at 25", () => {
        const same = result([]);
        assert.ok(renderComparison(same, same).endsWith([
            "### Policies whose level, config or waivers change (0)", "", "None.", "",
            "### Blocking findings under the base rules that this PR's rules would not block (0)", "", "None.", "",
        ].join("\n")), renderComparison(same, same));
        const many = (n: number) => result(Array.from({ length: n }, (_, i) => finding("p", `r${String(i).padStart(2, "0")}`)));
        const at25 = renderComparison(many(25), same);
        assert.strictEqual(at25.split("\n").filter((l) => l.startsWith("| `p` |")).length, 25);
        assert.ok(at25.endsWith("| `p` | `r24` | r24 violates p |\n"), at25);
        const at27 = renderComparison(many(27), same);
        assert.strictEqual(at27.split("\n").filter((l) => l.startsWith("| `p` |")).length, 25);
        assert.ok(at27.endsWith("| `p` | `r24` | r24 violates p |\n\n…and 2 more.\n"), at27);
        assert.match(at27, /would not block \(27\)/);
        const twice = renderComparison(result([], { policies: [summary("p", "mandatory")] }), result([], { policies: [summary("p", "advisory", "advisory")], waivers: [{ ...waiver, rule: "p", resource: "*", status: "active" }] }));
        assert.ok(twice.includes("| `p` | mandatory | advisory, 1 waiver(s) | default level mandatory → advisory; level mandatory → advisory; waivers 0 → 1 |"), twice);
    });

    it("reads a preview.json or the report directory holding one, and refuses anything else by name", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "compare-read-"));
        const report = result([finding("p", "a")]);
        fs.writeFileSync(path.join(dir, "preview.json"), JSON.stringify(report));
        assert.deepStrictEqual(readResult(dir), report);
        assert.deepStrictEqual(readResult(`${dir}/`), report);
        assert.deepStrictEqual(readResult(path.join(dir, "preview.json")), report);
        const refused = (content: string) => {
            const file = path.join(dir, "other.json");
            fs.writeFileSync(file, content);
            assert.throws(() => readResult(file), (err: Error) => err instanceof PreviewInputError && err.message === `${file}: not a platform-preview report (schema 1.2 or later)`, content);
        };
        refused("null");
        refused("\"preview\"");
        refused(JSON.stringify({ ...report, findings: {} }));
        refused(JSON.stringify({ ...report, gate: undefined }));
        refused(JSON.stringify({ ...report, provenance: undefined }));
        const broken = path.join(dir, "broken.json");
        fs.writeFileSync(broken, "{\n");
        assert.throws(() => readResult(broken), (err: Error) => err instanceof PreviewInputError && err.message.startsWith(`${broken}: `) && !err.message.includes("\n"));
        assert.throws(() => readResult(path.join(dir, "missing")), (err: Error) => err instanceof PreviewInputError && err.message.startsWith(`${path.join(dir, "missing")}: ENOENT`));
    });
});
