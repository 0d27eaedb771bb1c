import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { PreviewResult } from "../../scripts/preview/model";
import { renderHtml } from "../../scripts/preview/reports/html";
import { renderJunit } from "../../scripts/preview/reports/junit";
import { renderSarif } from "../../scripts/preview/reports/sarif";
import { runPreview } from "../../scripts/preview/run";

/**
 * SARIF, JUnit and HTML renderings of a real preview of the misconfigured fixture (plus one waived finding), checked
 * the way their consumers read them: SARIF against the official 2.1.0 schema, JUnit by an XML parser, and the HTML
 * page in headless Chromium.
 */
const ROOT = path.resolve(__dirname, "../..");
// The SARIF 2.1.0 schema (SchemaStore's sarif-2.1.0-rtm.5.json), vendored: see README, Tests.
const SARIF_SCHEMA = path.join(ROOT, "test/support/sarif-2.1.0-rtm.5.json");

describe("SARIF, JUnit and HTML reports", function () {
    this.timeout(120_000);
    let result: PreviewResult;

    before(async () => {
        const preview = await runPreview({
            programDir: path.join(ROOT, "test/fixtures/programs/misconfigured"),
            stack: "dev",
            policyPack: path.join(ROOT, "policies"),
            policyPackConfig: path.join(ROOT, "policies/config/production.json"),
            failOn: "mandatory",
        });
        // One finding waived, as the pack's companion policy would report it, so every status is rendered.
        const [first, ...rest] = preview.findings;
        result = { ...preview, findings: [{ ...first, waiver: { rule: first.policyName, approver: "jane.doe@company.com", expires: "2099-01-31", reason: "Migration <planned> & approved" } }, ...rest] };
        assert.ok(result.findings.length >= 10, "the misconfigured fixture yields findings");
    });

    it("SARIF validates against the SARIF 2.1.0 schema and locates results at the declaring line", () => {
        const sarif: any = JSON.parse(renderSarif(result));
        const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false /* the official schema has a pattern that is invalid with the u flag */ });
        addFormats(ajv);
        const validate = ajv.compile<Record<string, any>>(JSON.parse(fs.readFileSync(SARIF_SCHEMA, "utf8")));
        assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
        const run = sarif.runs[0];
        assert.strictEqual(run.tool.driver.rules.length, result.policyPack!.policies.length);
        const rule = run.tool.driver.rules.find((r: any) => r.id === "rds-storage-encrypted");
        assert.match(rule.help.text, /Remediation: /);
        assert.ok(rule.properties.tags.includes("pci-dss-4.0:3.5.1"));
        const encrypted = run.results.find((r: any) => r.ruleId === "rds-storage-encrypted");
        assert.strictEqual(encrypted.level, "error");
        assert.strictEqual(encrypted.locations[0].physicalLocation.artifactLocation.uri, "index.ts");
        const declared = result.findings.find((f) => f.policyName === "rds-storage-encrypted")!.source!;
        assert.strictEqual(encrypted.locations[0].physicalLocation.region.startLine, declared.line);
        const waived = run.results.filter((r: any) => r.suppressions);
        assert.strictEqual(waived.length, 1);
        // GitHub code scanning closes an alert only for an accepted suppression ("underReview" or "rejected" keep it open).
        assert.deepStrictEqual([waived[0].suppressions[0].kind, waived[0].suppressions[0].status], ["external", "accepted"]);
        assert.strictEqual(new Set(run.results.map((r: any) => r.partialFingerprints["policyFinding/v1"])).size, run.results.length);
    });

    it("JUnit is well-formed XML whose counts match the findings", () => {
        const xml = renderJunit(result);
        assert.strictEqual(XMLValidator.validate(xml), true);
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(xml);
        const blocking = result.findings.filter((f) => !f.waiver && f.enforcementLevel === "mandatory").length;
        assert.strictEqual(Number(doc.testsuites.failures), blocking);
        const allSuites = [doc.testsuites.testsuite].flat();
        // What was not inspected or judged has a suite of its own: skipped cases (not run), failures only when blocking.
        const unchecked = allSuites.filter((s: any) => s.name === "dev: not inspected or judged");
        assert.strictEqual(unchecked.length, result.unchecked.length > 0 ? 1 : 0);
        const uncheckedSkipped = unchecked.reduce((n: number, s: any) => n + Number(s.skipped), 0);
        const configSkipped = allSuites.filter((s: any) => s.name === "dev: policy config").reduce((n: number, s: any) => n + Number(s.skipped), 0);
        assert.strictEqual(Number(doc.testsuites.skipped), 1 + uncheckedSkipped + configSkipped);
        const config = allSuites.filter((s: any) => s.name === "dev: policy config");
        assert.strictEqual(config.length, 1, "the policy config has a suite of its own");
        const suites = allSuites.filter((s: any) => !unchecked.includes(s) && !config.includes(s));
        assert.strictEqual(suites.length, result.policyPack!.policies.length);
        assert.strictEqual(suites.reduce((n: number, s: any) => n + Number(s.failures), 0), blocking);
        assert.ok(xml.includes("Migration &lt;planned&gt; &amp; approved"), "text is escaped");
    });

    it("HTML is self-contained and shows the counts in headless Chromium", function () {
        const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
        if (!chromium) {
            // .ci/run installs Debian's chromium; a developer machine without it skips only this check.
            this.skip();
        }
        const html = renderHtml(result);
        assert.ok(!/<script|<link |src="http|href="http/i.test(html), "no script and no external resource");
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-"));
        const file = path.join(dir, "preview.html");
        fs.writeFileSync(file, html);
        const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${path.join(dir, "profile")}`];
        const dom = execFileSync(chromium!, [...flags, "--dump-dom", `file://${file}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 60_000 });
        const shown = (id: string) => Number(new RegExp(`data-testid="${id}">(\\d+)<`).exec(dom)?.[1]);
        const unwaived = result.findings.filter((f) => !f.waiver);
        assert.strictEqual(shown("resource-count"), result.resources.length);
        assert.strictEqual(shown("mandatory-count"), unwaived.filter((f) => f.enforcementLevel === "mandatory").length);
        assert.strictEqual(shown("advisory-count"), unwaived.filter((f) => f.enforcementLevel === "advisory").length);
        assert.strictEqual(shown("waived-count"), 1);
        assert.match(dom, /data-testid="gate">Policy gate FAILED/);
        assert.match(dom, /<svg[^>]*aria-label="Architecture diagram/);
        assert.match(dom, /data-framework="pci-dss-4.0" data-status="fail"/);
        execFileSync(chromium!, [...flags, "--window-size=1300,2000", `--screenshot=${path.join(dir, "preview.png")}`, `file://${file}`], { stdio: "ignore", timeout: 60_000 });
        assert.ok(fs.statSync(path.join(dir, "preview.png")).size > 20_000, "screenshot rendered");
    });
});
