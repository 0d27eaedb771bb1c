import * as assert from "assert";
import Ajv from "ajv";
import { createHash } from "crypto";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { runCli } from "../../scripts/preview/cli";
import { EXIT_GATE_FAILED } from "../../scripts/preview/errors";
import type { PreviewResult } from "../../scripts/preview/model";
import { POLICY_WEAKENED } from "../../lib/rules/policy-limits";

/**
 * A pull request that tries to weaken the gate, judged end to end through the CLI: a production config with a
 * wildcard waiver, a raised horizon, a lowered rule and a disabled one. Every report format (terminal, Markdown, JSON,
 * SARIF, JUnit, HTML) must show the weakening as blocking, what the config relaxed (each level, each waiver with
 * approver, ticket, reason and expiry) and the provenance (commit, pack name, version and hash, config hash, tool, time).
 */
const ROOT = path.resolve(__dirname, "../..");
/** The pack's own version (policies/package.json), which every report names. */
const PACK_VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, "policies/package.json"), "utf8")).version;
const PACK_VERSION_RE = PACK_VERSION.replace(/\./g, "\\.");
const PROGRAM = path.join(ROOT, "test/fixtures/programs/misconfigured");
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

describe("reports: a config that weakens the gate, and what it relaxed, in every format", function () {
    this.timeout(180_000);
    const expires = day(200);
    const good = { resource: "orders-db", reason: "single-AZ until the Q4 migration", approver: "jane.doe@company.com", expires, ticket: "COMP-42" };
    const wildcard = { resource: "*", reason: "everything is fine, trust me", approver: "mallory@company.com", expires: "2099-12-31", ticket: "COMP-666" };
    let configFile: string;
    let code: number;
    let stdout = "";
    let result: PreviewResult;
    let reports: Record<string, string>;

    before(async () => {
        const production = JSON.parse(fs.readFileSync(path.join(ROOT, "policies/config/production.json"), "utf8"));
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "weakened-"));
        configFile = path.join(dir, "production.json");
        fs.writeFileSync(configFile, JSON.stringify({
            ...production,
            "rds-multi-az": { enforcementLevel: "mandatory", waivers: [good] },
            "s3-public-access-blocked": { enforcementLevel: "mandatory", waiverHorizonDays: 36500, waivers: [wildcard] },
            "general-required-tags": { ...production["general-required-tags"], enforcementLevel: "advisory" },
            "lb-access-logs": "disabled",
        }, null, 2));
        const out = path.join(dir, "reports");
        code = await runCli(["--program", PROGRAM, "--stack", "production", "--policy-pack-config", configFile, "--out", out], { stdout: (t) => { stdout += t; }, stderr: () => undefined, colour: false, cwd: ROOT });
        reports = Object.fromEntries(fs.readdirSync(out).map((f) => [f, fs.readFileSync(path.join(out, f), "utf8")]));
        result = JSON.parse(reports["preview.json"]);
    });

    const WEAKENED = [
        /required-tags is lowered to advisory by the policy config/,
        /lb-access-logs is disabled by the policy config/,
        /s3-public-access-blocked: waiverHorizonDays 36500 exceeds the pack's maximum of 365 days/,
        /s3-public-access-blocked: the waiver approved by mallory@company\.com \(COMP-666\) is not honoured: resource "\*" matches every resource/,
    ];

    it("JSON: valid against the schema; policy-weakened findings block the gate; relaxed levels, waivers and provenance in full", () => {
        const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, "scripts/preview/report.schema.json"), "utf8")));
        assert.ok(validate(result), JSON.stringify(validate.errors));
        assert.strictEqual(code, EXIT_GATE_FAILED);
        const weakened = result.findings.filter((f) => f.policyName === POLICY_WEAKENED);
        for (const pattern of WEAKENED) assert.ok(weakened.some((f) => pattern.test(f.message) && f.enforcementLevel === "mandatory" && !f.waiver), String(pattern));
        // The wildcard waiver suppresses nothing: the public bucket is still a mandatory finding.
        assert.ok(result.findings.some((f) => f.policyName === "s3-public-access-blocked" && !f.waiver && f.enforcementLevel === "mandatory"));
        const relaxed = result.policyPack!.relaxed;
        assert.deepStrictEqual(relaxed.policies.filter((p) => p.change !== "raised").sort((a, b) => a.name.localeCompare(b.name)), [
            { name: "general-required-tags", defaultLevel: "mandatory", level: "advisory", change: "lowered" },
            { name: "lb-access-logs", defaultLevel: "mandatory", level: "disabled", change: "disabled" },
        ]);
        assert.deepStrictEqual(relaxed.waivers.find((w) => w.rule === "rds-multi-az"), { rule: "rds-multi-az", ...good, status: "active" });
        const refused = relaxed.waivers.find((w) => w.rule === "s3-public-access-blocked")!;
        assert.strictEqual(refused.status, "refused");
        assert.deepStrictEqual({ ...refused, status: undefined, problem: undefined }, { rule: "s3-public-access-blocked", ...wildcard, status: undefined, problem: undefined });
        const waived = result.findings.find((f) => f.waiver && f.resourceName === "orders-db")!;
        assert.deepStrictEqual(waived.waiver, { rule: "rds-multi-az", approver: good.approver, expires, reason: good.reason, ticket: "COMP-42" });
        const p = result.provenance;
        assert.strictEqual(p.commit, execFileSync("git", ["-C", ROOT, "rev-parse", "HEAD"], { encoding: "utf8" }).trim());
        assert.strictEqual(p.commitSource, "git");
        assert.deepStrictEqual([p.pack!.name, p.pack!.version], ["aws-platform-compliance", PACK_VERSION]);
        assert.match(p.pack!.contentHash, /^sha256:[0-9a-f]{64}$/);
        assert.strictEqual(p.policyConfig!.hash, `sha256:${createHash("sha256").update(fs.readFileSync(configFile)).digest("hex")}`);
        assert.deepStrictEqual(p.tool, result.tool);
        assert.strictEqual(p.generatedAt, result.generatedAt);
    });

    it("terminal: the weakening, each relaxed level, each waiver in full and the provenance", () => {
        for (const pattern of WEAKENED) assert.match(stdout, pattern);
        assert.match(stdout, /Mandatory \(\d+\)[\s\S]*policy-weakened/);
        assert.match(stdout, /level lb-access-logs: mandatory → disabled \(disabled\)/);
        assert.match(stdout, /level general-required-tags: mandatory → advisory \(lowered\)/);
        assert.match(stdout, new RegExp(`waiver rds-multi-az for "orders-db": approved by jane\\.doe@company\\.com, ticket COMP-42, expires ${expires} \\(active\\); reason: single-AZ until the Q4 migration`));
        assert.match(stdout, /waiver s3-public-access-blocked for "\*": approved by mallory@company\.com, ticket COMP-666, expires 2099-12-31 \(REFUSED: .*\); reason: everything is fine, trust me/);
        assert.match(stdout, /waived until \S+ by jane\.doe@company\.com \(ticket COMP-42\)/);
        const commit = result.provenance.commit!.slice(0, 12);
        assert.match(stdout, new RegExp(`Provenance: commit ${commit}.* · pack aws-platform-compliance@${PACK_VERSION_RE} sha256:[0-9a-f]{12} · config production\\.json sha256:[0-9a-f]{12} · platform-preview \\S+ · ${result.generatedAt.replace(/\./g, "\\.")}`));
        assert.match(stdout, /Policy gate FAILED/);
    });

    it("Markdown (the PR comment): the weakening as blocking rows, relaxed levels and waivers tables, provenance", () => {
        const md = reports["preview.md"];
        assert.match(md, /❌ \*\*Policy gate failed\*\*/);
        assert.ok(md.split("\n").filter((l) => l.startsWith("| ❌ | mandatory | `policy-weakened`")).length >= WEAKENED.length, md);
        assert.match(md, /\| ⚠️ \| `lb-access-logs` \| mandatory \| disabled \| disabled \|/);
        assert.match(md, /\| ⚠️ \| `general-required-tags` \| mandatory \| advisory \| lowered \|/);
        assert.match(md, new RegExp(`\\| ⏸️ active \\| \`rds-multi-az\` \\| \`orders-db\` \\| jane\\.doe@company\\.com \\| COMP-42 \\| ${expires} \\| single-AZ until the Q4 migration \\|`));
        assert.match(md, /\| ❌ refused: .* \| `s3-public-access-blocked` \| `\*` \| mallory@company\.com \| COMP-666 \| 2099-12-31 \| everything is fine, trust me \|/);
        assert.match(md, new RegExp(`\\| Commit \\| \`${result.provenance.commit}\` \\(git`));
        assert.match(md, new RegExp(`\\| Policy pack \\| \`aws-platform-compliance@${PACK_VERSION_RE}\` \`sha256:[0-9a-f]{64}\``));
        assert.ok(md.includes(`| Policy config | \`${configFile}\` \`${result.provenance.policyConfig!.hash}\` |`));
        assert.match(md, /\| Tool \| `platform-preview \S+` \|/);
        assert.ok(md.includes(`| Generated | ${result.generatedAt} |`));
    });

    it("SARIF: policy-weakened results at error, level overrides, waivers as notifications, provenance in run properties", () => {
        const sarif: any = JSON.parse(reports["preview.sarif"]);
        const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
        addFormats(ajv);
        const validate = ajv.compile<any>(JSON.parse(fs.readFileSync(path.join(ROOT, "test/support/sarif-2.1.0-rtm.5.json"), "utf8")));
        assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5)));
        const run = sarif.runs[0];
        const weakened = run.results.filter((r: any) => r.ruleId === POLICY_WEAKENED);
        for (const pattern of WEAKENED) assert.ok(weakened.some((r: any) => pattern.test(r.message.text) && r.level === "error" && !r.suppressions), String(pattern));
        const overrides = run.invocations[0].ruleConfigurationOverrides;
        assert.deepStrictEqual(overrides.find((o: any) => o.descriptor.id === "lb-access-logs").configuration, { level: "none", enabled: false });
        assert.deepStrictEqual(overrides.find((o: any) => o.descriptor.id === "general-required-tags").properties, { defaultLevel: "mandatory", level: "advisory", change: "lowered" });
        const notes = run.invocations[0].toolExecutionNotifications.filter((n: any) => n.descriptor.id === "policy-config-waiver");
        const active = notes.find((n: any) => n.properties.rule === "rds-multi-az");
        assert.deepStrictEqual([active.properties.approver, active.properties.ticket, active.properties.reason, active.properties.expires, active.properties.status], [good.approver, "COMP-42", good.reason, expires, "active"]);
        assert.strictEqual(notes.find((n: any) => n.properties.rule === "s3-public-access-blocked").level, "error");
        const suppressed = run.results.find((r: any) => r.suppressions);
        assert.match(suppressed.suppressions[0].justification, /by jane\.doe@company\.com \(ticket COMP-42\): single-AZ/);
        assert.strictEqual(suppressed.suppressions[0].properties.ticket, "COMP-42");
        assert.deepStrictEqual(run.properties.provenance, result.provenance);
        assert.deepStrictEqual(run.properties.relaxed, result.policyPack!.relaxed);
    });

    it("JUnit: policy-weakened failures; a policy config suite with each relaxed level, each waiver and the provenance", () => {
        const xml = reports["preview.junit.xml"];
        assert.strictEqual(XMLValidator.validate(xml), true);
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
        const suites = [doc.testsuites.testsuite].flat();
        const weakened = suites.find((s: any) => s.name === `production: ${POLICY_WEAKENED}`);
        const failures = [weakened.testcase].flat().map((c: any) => c.failure);
        for (const pattern of WEAKENED) assert.ok(failures.some((f: any) => f && f.type === "mandatory" && pattern.test(f.message)), String(pattern));
        const config = suites.find((s: any) => s.name === "production: policy config");
        const cases = [config.testcase].flat();
        const message = (name: string) => cases.find((c: any) => c.name === name)?.skipped?.message;
        assert.strictEqual(message("level lb-access-logs"), "relaxed by policy config: lb-access-logs: mandatory → disabled (disabled)");
        assert.strictEqual(message("level general-required-tags"), "relaxed by policy config: general-required-tags: mandatory → advisory (lowered)");
        assert.strictEqual(message("waiver rds-multi-az orders-db"), `waiver: rds-multi-az for "orders-db": approved by jane.doe@company.com, ticket COMP-42, expires ${expires} (active); reason: single-AZ until the Q4 migration`);
        assert.match(message("waiver s3-public-access-blocked *"), /approved by mallory@company\.com, ticket COMP-666, expires 2099-12-31 \(REFUSED: /);
        const props = Object.fromEntries([config.properties.property].flat().map((p: any) => [p.name, p.value]));
        assert.deepStrictEqual(props, {
            commit: result.provenance.commit, commitSource: `git${result.provenance.dirty ? " (uncommitted changes)" : ""}`, policyPack: `aws-platform-compliance@${PACK_VERSION}`,
            policyPackContentHash: result.provenance.pack!.contentHash, policyConfig: configFile, policyConfigHash: result.provenance.policyConfig!.hash,
            tool: `platform-preview ${result.tool.version}`, generatedAt: result.generatedAt,
        });
        const waivedCase = suites.flatMap((s: any) => [s.testcase].flat()).find((c: any) => c.skipped?.message?.startsWith("waived until"));
        assert.match(waivedCase.skipped.message, /\(ticket COMP-42\)/);
    });

    it("HTML: the weakening as failing rows, relaxed levels and waivers tables, provenance", () => {
        const html = reports["preview.html"];
        assert.match(html, /data-testid="gate">Policy gate FAILED/);
        const rows = html.match(/<tr data-level="mandatory">.*?<\/tr>/g)!.filter((r) => r.includes(`#policy-${POLICY_WEAKENED}`));
        for (const pattern of WEAKENED) assert.ok(rows.some((r) => pattern.test(r.replace(/&quot;/g, '"').replace(/&#39;/g, "'"))), String(pattern));
        assert.match(html, /<tr data-policy="lb-access-logs" data-change="disabled">/);
        assert.match(html, /<tr data-policy="general-required-tags" data-change="lowered">/);
        assert.match(html, new RegExp(`<tr data-waiver-status="active">.*?rds-multi-az</td><td><code>orders-db</code></td><td>jane\\.doe@company\\.com</td><td>COMP-42</td><td>${expires}</td><td>single-AZ until the Q4 migration</td></tr>`));
        assert.match(html, /<tr data-waiver-status="refused">.*?<td>mallory@company\.com<\/td><td>COMP-666<\/td><td>2099-12-31<\/td><td>everything is fine, trust me<\/td>/);
        assert.ok(html.includes(`data-testid="provenance-commit"><code>${result.provenance.commit}</code>`));
        assert.ok(html.includes(result.provenance.pack!.contentHash) && html.includes(result.provenance.policyConfig!.hash));
        assert.match(html, /data-testid="provenance-tool">platform-preview /);
        assert.ok(html.includes(`data-testid="provenance-time">${result.generatedAt}`));
        assert.match(html, /@media print/);
    });
});
