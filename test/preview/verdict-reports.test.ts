import * as assert from "assert";
import Ajv from "ajv";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { runCli } from "../../scripts/preview/cli";
import { EXIT_GATE_FAILED, EXIT_INPUT_ERROR, EXIT_OK } from "../../scripts/preview/errors";
import { UNINSPECTED_POLICY, type PreviewResult } from "../../scripts/preview/model";
import { REPORT_FILES } from "../../scripts/preview/write-reports";

/**
 * The verdict never passes what was not checked, and reports never cost the user a file: end-to-end through the CLI,
 * every report format read back.
 */
const ROOT = path.resolve(__dirname, "../..");
const PROGRAMS = path.join(ROOT, "test/fixtures/programs");
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, "scripts/preview/report.schema.json"), "utf8")));

const sarifAjv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(sarifAjv);
const validateSarif = sarifAjv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, "test/support/sarif-2.1.0-rtm.5.json"), "utf8")));

/** Every report is valid for its consumer, whatever unchecked items it carries. */
function assertWellFormed(run: Run) {
    assert.ok(validate(run.result), JSON.stringify(validate.errors));
    assert.ok(validateSarif(JSON.parse(run.reports["preview.sarif"])), JSON.stringify(validateSarif.errors?.slice(0, 5)));
    assert.strictEqual(XMLValidator.validate(run.reports["preview.junit.xml"]), true);
}

interface Run { code: number; stdout: string; stderr: string; out: string; result?: PreviewResult; reports: Record<string, string> }

async function preview(args: string[], options: { out?: string; cwd?: string } = {}): Promise<Run> {
    const out = options.out ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), "verdict-")), "reports");
    let stdout = "";
    let stderr = "";
    // The verdict and its reports are the subject, not the type check (test/preview/runtime*.test.ts check that): the
    // CLI's own switch spares each fixture a cold check of @pulumi/aws's types.
    const saved = process.env.PULUMI_NODEJS_TRANSPILE_ONLY;
    process.env.PULUMI_NODEJS_TRANSPILE_ONLY = "true";
    let code: number;
    try {
        code = await runCli([...args, "--out", out], { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, colour: false, cwd: options.cwd ?? ROOT });
    } finally {
        if (saved === undefined) delete process.env.PULUMI_NODEJS_TRANSPILE_ONLY;
        else process.env.PULUMI_NODEJS_TRANSPILE_ONLY = saved;
    }
    const dir = path.resolve(options.cwd ?? ROOT, out);
    const reports = Object.fromEntries(REPORT_FILES.filter((f) => fs.statSync(path.join(dir, f), { throwIfNoEntry: false })?.isFile()).map((f) => [f, fs.readFileSync(path.join(dir, f), "utf8")]));
    return { code, stdout, stderr, out: dir, reports, result: reports["preview.json"] ? JSON.parse(reports["preview.json"]) : undefined };
}

/** Each report format, read as its consumer reads it: does it name this remote component as not inspected? */
function remoteInEveryReport(run: Run, type: string, name: string, allowedBy?: string) {
    const { reports } = run;
    // terminal
    assert.match(run.stdout, new RegExp(`remote-component {2}${type} "${name}"[^\\n]*\\n {6}not inspected offline: its children are created by the provider plugin`));
    // json
    const item = run.result!.unchecked.find((u) => u.kind === "remote-component" && u.type === type && u.name === name);
    assert.ok(item, `no unchecked item for ${type} ${name}`);
    assert.strictEqual(item.blocking, !allowedBy);
    assert.strictEqual(item.allowedBy, allowedBy);
    assertWellFormed(run);
    // markdown
    assert.match(reports["preview.md"], new RegExp(`\\| ${allowedBy ? "⏸️" : "❌"} \\| remote-component \\| \`${name}\` \`${type}\`[^|]*\\| not inspected offline: its children are created by the provider plugin`));
    // sarif
    const sarif = JSON.parse(reports["preview.sarif"]).runs[0];
    const results = sarif.results.filter((r: any) => r.ruleId === UNINSPECTED_POLICY && r.message.text.includes(`"${name}"`));
    assert.strictEqual(results.length, 1, "one SARIF result per remote component");
    assert.strictEqual(results[0].level, "error");
    assert.deepStrictEqual(results[0].suppressions?.[0]?.justification, allowedBy ? `Allowed by ${allowedBy}` : undefined);
    assert.ok(sarif.tool.driver.rules.some((r: any) => r.id === UNINSPECTED_POLICY));
    // junit: a failure under the pseudo-policy, or a skipped case naming the allowance
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(reports["preview.junit.xml"]);
    const cases = [doc.testsuites.testsuite].flat().flatMap((s: any) => [s.testcase].flat());
    // The component's case, not another policy's finding on the same resource (e.g. vpc-flow-logs on an awsx Vpc).
    const tc = cases.find((c: any) => (c.name.includes(`"${name}"`) || c.name === name || c.name.startsWith(`${name} (`)) && /not inspected offline|allowed by/.test(JSON.stringify(c)));
    assert.ok(tc, `no JUnit case for ${name}`);
    if (allowedBy) {
        assert.match(tc.skipped.message, new RegExp(`allowed by ${allowedBy.replace(/[*]/g, "\\*")}`));
    } else {
        assert.strictEqual(tc.failure.type, "mandatory");
        assert.match(tc.failure.message, /not inspected offline/);
    }
    // html
    assert.match(reports["preview.html"], new RegExp(`<tr data-kind="remote-component" data-blocking="${!allowedBy}">.*?${type.replace(/[.]/g, "\\.")} &quot;${name}&quot;.*?not inspected offline`));
}

describe("verdict: remote components are never passed silently", function () {
    this.timeout(120_000);

    it("a program made only of real @pulumi/awsx components fails the gate (exit 1), each component named in every report", async () => {
        const run = await preview(["--program", path.join(PROGRAMS, "remote-awsx"), "--stack", "dev"]);
        assert.strictEqual(run.code, EXIT_GATE_FAILED, run.stderr + run.stdout);
        assert.match(run.stdout, /Policy gate FAILED: 6 unwaived mandatory finding\(s\) \(3 remote components not inspected/);
        // The components' own inputs are judged, as the engine analyzes components too: awsx's insecure defaults show.
        assert.deepStrictEqual(run.result!.findings.filter((f) => f.policyName !== UNINSPECTED_POLICY).map((f) => [f.policyName, f.resourceName]).sort(),
            [["awsx-alb-secure", "web"], ["awsx-ecs-service-secure", "api"], ["vpc-flow-logs", "vpc"]]);
        for (const [type, name] of [["awsx:ec2:Vpc", "vpc"], ["awsx:lb:ApplicationLoadBalancer", "web"], ["awsx:ecs:FargateService", "api"]]) {
            remoteInEveryReport(run, type, name);
        }
        assert.strictEqual(run.result!.findings.filter((f) => f.policyName === UNINSPECTED_POLICY && f.enforcementLevel === "mandatory").length, 3);
        assert.match(run.reports["preview.md"], /❌ \*\*Policy gate failed\*\*/);
        assert.match(run.reports["preview.html"], /data-testid="gate">Policy gate FAILED/);
        // No control reads as a plain pass while components went uninspected.
        assert.doesNotMatch(run.reports["preview.html"], /data-status="pass"/);
        assert.match(run.reports["preview.html"], /data-status="partial"[^>]*><th scope="row">[^<]+<\/th><td><span class="badge partial">pass, not full check</);
    });

    it("--allow-uninspected (repeatable, * glob) lets them pass, and every report shows the allowance", async () => {
        // --no-policy: the pack's findings on the components' inputs (awsx defaults) are the first test's business.
        const run = await preview(["--program", path.join(PROGRAMS, "remote-awsx"), "--stack", "dev", "--no-policy", "--allow-uninspected", "awsx:ec2:Vpc", "--allow-uninspected", "awsx:*"]);
        assert.strictEqual(run.code, EXIT_OK, run.stderr + run.stdout);
        remoteInEveryReport(run, "awsx:ec2:Vpc", "vpc", "--allow-uninspected awsx:ec2:Vpc");
        remoteInEveryReport(run, "awsx:ecs:FargateService", "api", "--allow-uninspected awsx:*");
        assert.deepStrictEqual(run.result!.allowUninspected, ["awsx:ec2:Vpc", "awsx:*"]);
        assert.match(run.stdout, /Allowed uninspected: --allow-uninspected awsx:ec2:Vpc, --allow-uninspected awsx:\*/);
        assert.match(run.reports["preview.md"], /Allowed uninspected: `--allow-uninspected awsx:ec2:Vpc`, `--allow-uninspected awsx:\*`/);
        assert.match(run.reports["preview.html"], /Allowed uninspected: <code>--allow-uninspected awsx:ec2:Vpc<\/code>/);
        // Passed, but never a bare "passed".
        assert.match(run.stdout, /Policy gate passed \(fails on mandatory\), not a full check: 3 remote components allowed uninspected/);
        assert.doesNotMatch(run.stdout, /Policy gate passed \(fails on mandatory\)\.$/m);
        assert.strictEqual(run.result!.gate.passed, true);
        assert.strictEqual(run.result!.gate.nonBlockingUnchecked, run.result!.unchecked.length);
    });

    it("the HTML report shows the uninspected components in headless Chromium", async function () {
        const chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => fs.existsSync(p));
        if (!chromium) {
            this.skip();
        }
        const run = await preview(["--program", path.join(PROGRAMS, "remote-awsx"), "--stack", "dev", "--no-policy", "--allow-uninspected", "awsx:lb:*"]);
        const profile = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-chromium-"));
        const flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${profile}`];
        const dom = execFileSync(chromium!, [...flags, "--dump-dom", `file://${path.join(run.out, "preview.html")}`], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 60_000 });
        assert.match(dom, /data-testid="gate">Policy gate FAILED: 2 unwaived mandatory finding\(s\) \(2 remote components not inspected; 1 remote component allowed uninspected/);
        assert.match(dom, /data-testid="unchecked-count">5</);
        const rows = [...dom.matchAll(/<tr data-kind="remote-component" data-blocking="(true|false)">/g)].map((m) => m[1]);
        assert.deepStrictEqual(rows, ["true", "true", "false"]);
        assert.match(dom, /Allowed by <code>--allow-uninspected awsx:lb:\*<\/code>/);
    });

    it("the stand-in remote fixture fails without a pack too (--no-policy), and an allowance for another type does not cover it", async () => {
        const run = await preview(["--program", path.join(PROGRAMS, "remote"), "--stack", "dev", "--no-policy", "--allow-uninspected", "awsx:*"]);
        assert.strictEqual(run.code, EXIT_GATE_FAILED, run.stderr + run.stdout);
        remoteInEveryReport(run, "fixture:remote:Widget", "widget");
    });

    it("rejects an empty --allow-uninspected pattern", async () => {
        const run = await preview(["--program", path.join(PROGRAMS, "remote"), "--stack", "dev", "--allow-uninspected", ""]);
        assert.strictEqual(run.code, EXIT_INPUT_ERROR);
        assert.match(run.stderr, /^--allow-uninspected takes a resource type token/);
    });
});

describe("verdict: unknown values and rules that could not judge", function () {
    this.timeout(120_000);
    const args = ["--program", path.join(PROGRAMS, "unknown-inputs"), "--stack", "dev", "--policy-pack", path.join(__dirname, "packs/verdict-unknown")];

    it("lists unknown inputs per resource and maps the SDK's \"can't run during preview\" to not-judged items naming the rule", async () => {
        const run = await preview(args);
        assert.strictEqual(run.code, EXIT_OK, run.stderr + run.stdout);
        assertWellFormed(run);
        const unchecked = run.result!.unchecked;
        const unknown = unchecked.filter((u) => u.kind === "unknown-value");
        assert.deepStrictEqual(unknown.map((u) => [u.name, u.properties]), [["data-policy", ["bucket", "policy"]]]);
        const notJudged = unchecked.filter((u) => u.kind === "not-judged").map((u) => [u.policyName, u.name, u.properties, u.blocking]);
        assert.deepStrictEqual(notJudged.sort(), [["bucket-name-prefixed", "data-policy", ["bucket"], false], ["bucket-policy-tls-only", undefined, ["policy"], false]]);
        // Not findings: the rules said nothing about the resources.
        assert.deepStrictEqual(run.result!.findings, []);
        assert.match(run.stdout, /Policy gate passed \(fails on mandatory\), not a full check: 2 rule results not judged \(unknown values\); 1 stack reference not read; 1 resource with inputs unknown until deploy/);
        assert.match(run.reports["preview.md"], /⚠️ \*\*Policy gate passed\*\* \(fails on mandatory\), not a full check/);
        assert.match(run.reports["preview.md"], /\| ⚠️ \| not-judged `bucket-name-prefixed` \| `data-policy` `aws:s3\/bucketPolicy:BucketPolicy` \(index\.ts:6\) \|/);
        const sarif = JSON.parse(run.reports["preview.sarif"]).runs[0];
        assert.deepStrictEqual(sarif.results.filter((r: any) => r.ruleId === "preview-not-judged").map((r: any) => r.properties.policyName).sort(), ["bucket-name-prefixed", "bucket-policy-tls-only"]);
        assert.ok(sarif.invocations[0].toolExecutionNotifications.some((n: any) => /unknown-value: aws:s3\/bucketPolicy:BucketPolicy "data-policy": inputs bucket, policy/.test(n.message.text)));
        const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(run.reports["preview.junit.xml"]);
        const suite = [doc.testsuites.testsuite].flat().find((s: any) => s.name === "dev: not inspected or judged");
        assert.strictEqual(Number(suite.skipped), 4, "2 not judged, 1 stack reference, 1 resource with unknown inputs");
        assert.match(run.reports["preview.html"], /<tr data-kind="not-judged" data-blocking="false">/);
        assert.match(run.reports["preview.html"], /class="verdict partial"/);
    });

    it("with --fail-on advisory a rule that could not judge fails the gate, as its advisory diagnostic did", async () => {
        const run = await preview([...args, "--fail-on", "advisory"]);
        assert.strictEqual(run.code, EXIT_GATE_FAILED, run.stderr + run.stdout);
        assert.strictEqual(run.result!.gate.blockingUnchecked, 2);
        assert.match(run.stdout, /Policy gate FAILED: 0 unwaived mandatory or advisory finding\(s\), 2 rule result\(s\) not judged/);
    });
});

describe("verdict: reports lose nothing", function () {
    this.timeout(120_000);
    const clean = ["--program", path.join(PROGRAMS, "clean"), "--stack", "dev"];

    it("other files in --out survive, and old reports are replaced", async () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-out-"));
        fs.writeFileSync(path.join(out, "notes.txt"), "keep me");
        fs.mkdirSync(path.join(out, "sub"));
        fs.writeFileSync(path.join(out, "sub/data.json"), "{}");
        fs.writeFileSync(path.join(out, "preview.md"), "stale");
        const run = await preview(clean, { out });
        assert.strictEqual(run.code, EXIT_OK, run.stderr);
        assert.strictEqual(fs.readFileSync(path.join(out, "notes.txt"), "utf8"), "keep me");
        assert.strictEqual(fs.readFileSync(path.join(out, "sub/data.json"), "utf8"), "{}");
        assert.match(run.reports["preview.md"], /## Preview: clean\/dev/);
        assert.deepStrictEqual(fs.readdirSync(out).sort(), ["notes.txt", ...REPORT_FILES, "sub"].sort(), "no temporary file is left behind");
    });

    it("--out . in a project directory keeps every file of the project", async () => {
        const project = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-project-"));
        fs.mkdirSync(path.join(project, ".git"));
        fs.writeFileSync(path.join(project, ".git/HEAD"), "ref: refs/heads/main\n");
        fs.writeFileSync(path.join(project, "index.ts"), "export {};\n");
        const run = await preview(clean, { out: ".", cwd: project });
        assert.strictEqual(run.code, EXIT_OK, run.stderr);
        assert.strictEqual(fs.readFileSync(path.join(project, ".git/HEAD"), "utf8"), "ref: refs/heads/main\n");
        assert.strictEqual(fs.readFileSync(path.join(project, "index.ts"), "utf8"), "export {};\n");
        assert.deepStrictEqual(fs.readdirSync(project).sort(), [".git", "index.ts", ...REPORT_FILES].sort());
        assert.match(run.stdout, new RegExp(`Reports: ${project.replace(/[.]/g, "\\.")}/preview\\.\\{json,md,sarif,junit\\.xml,html\\}`));
    });

    it("an unwritable --out: the verdict first, then one line per report that failed and why; exit 2 when the gate passed", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-blocked-"));
        fs.writeFileSync(path.join(dir, "file"), "a file where --out wants a directory");
        const run = await preview(clean, { out: path.join(dir, "file", "reports") });
        assert.strictEqual(run.code, EXIT_INPUT_ERROR);
        assert.match(run.stdout, /Policy gate passed/);
        assert.strictEqual(run.stderr, `Reports ${REPORT_FILES.join(", ")} could not be written to ${path.join(dir, "file", "reports")}: cannot create ${path.join(dir, "file", "reports")}: a path component is a file, not a directory (ENOTDIR)\n`);
        assert.ok(run.stdout.indexOf("Policy gate passed") >= 0 && !run.stdout.includes("Reports:"));
        assert.ok(!/\n\s+at /.test(run.stderr), "no stack trace");
        assert.strictEqual(fs.readFileSync(path.join(dir, "file"), "utf8"), "a file where --out wants a directory");
    });

    it("an unwritable --out with a failed gate keeps exit 1", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-blocked-"));
        fs.writeFileSync(path.join(dir, "file"), "x");
        const run = await preview(["--program", path.join(PROGRAMS, "remote"), "--stack", "dev", "--no-policy"], { out: path.join(dir, "file") });
        assert.strictEqual(run.code, EXIT_GATE_FAILED);
        assert.match(run.stdout, /Policy gate FAILED/);
        assert.match(run.stderr, /^Reports preview\.json, .* could not be written to .*\n$/);
    });

    it("a directory in place of one report fails that report only", async () => {
        const out = fs.mkdtempSync(path.join(os.tmpdir(), "verdict-partial-"));
        fs.mkdirSync(path.join(out, "preview.html"));
        fs.writeFileSync(path.join(out, "preview.html", "mine.txt"), "mine");
        const run = await preview(clean, { out });
        assert.strictEqual(run.code, EXIT_INPUT_ERROR);
        assert.match(run.stderr, /^Report .*preview\.html could not be written: a directory is in the way \(EISDIR\)\n$/);
        assert.strictEqual(fs.readFileSync(path.join(out, "preview.html", "mine.txt"), "utf8"), "mine");
        assert.ok(run.reports["preview.json"] && run.reports["preview.md"]);
        assert.match(run.stdout, /Reports written: .*preview\.json/);
    });
});

describe("verdict: policy config", function () {
    this.timeout(120_000);

    it("a config problem is printed in full: every property path and reason, unknown properties included", async () => {
        const run = await preview(["--program", path.join(PROGRAMS, "clean"), "--stack", "dev", "--policy-pack-config", path.join(__dirname, "configs/verdict-misspelt.json")]);
        assert.strictEqual(run.code, EXIT_INPUT_ERROR, run.stdout);
        const lines = run.stderr.split("\n");
        assert.strictEqual(lines[0], `Policy config ${path.join(__dirname, "configs/verdict-misspelt.json")}: invalid policy config for aws-platform-compliance:`);
        const expected = [
            /^ {2}- cloudwatch-log-group-retention\.enforcementLevel: "strict" is not a valid enforcement level \(one of advisory, mandatory, disabled, remediate\)$/,
            /^ {2}- rds-backup-retention\.minimumDays: must be integer, received "thirty"$/,
            /^ {2}- rds-backup-retention\.waivers\[0\]\.expires: is required$/,
            /^ {2}- rds-backup-retention\.waivers\[0\]\.expiry: unknown property \(did you mean "expires"\?\); allowed: .*\bexpires\b/,
            /^ {2}- rds-multi-az\.waiver: unknown property \(did you mean "waivers"\?\); allowed: .*\bwaivers\b/,
        ];
        assert.strictEqual(lines.length, expected.length + 2, run.stderr);
        expected.forEach((pattern, i) => assert.match(lines[i + 1], pattern));
        assert.strictEqual(lines.at(-1), "");
        assert.deepStrictEqual(run.reports, {}, "no reports for bad input");
    });

    it("no config file for the stack: said on the terminal and in the reports, with the levels that apply", async () => {
        const run = await preview(["--program", path.join(PROGRAMS, "clean"), "--stack", "dev"]);
        assert.strictEqual(run.code, EXIT_OK, run.stderr);
        const levels = run.result!.policyPack!.policies.reduce((m, p) => ({ ...m, [p.enforcementLevel]: (m[p.enforcementLevel] ?? 0) + 1 }), {} as Record<string, number>);
        const note = `No policy config for stack "dev": the pack's defaults apply (${["mandatory", "advisory", "remediate", "disabled"].filter((l) => levels[l]).map((l) => `${levels[l]} ${l}`).join(", ")}).`;
        assert.ok(run.stdout.includes(`  ${note}`), run.stdout);
        assert.ok(run.reports["preview.md"].includes(note.replace(/"/g, "\"").replace(/[()]/g, "\\$&")), run.reports["preview.md"]);
        assert.ok(run.reports["preview.html"].includes(note.replace(/"/g, "&quot;").replace(/'/g, "&#39;")));
        assert.match(run.reports["preview.sarif"], /"policyConfig": "none: the pack's defaults apply"/);
        assert.strictEqual(run.result!.policyPack!.configFile, undefined);
    });

    it("with a config file the effective levels are reported (all: advisory)", async () => {
        const run = await preview(["--program", path.join(PROGRAMS, "clean"), "--stack", "dev", "--policy-pack-config", path.join(__dirname, "configs/all-advisory.json")]);
        assert.strictEqual(run.code, EXIT_OK, run.stderr);
        assert.ok(run.result!.policyPack!.policies.every((p) => p.enforcementLevel === "advisory"));
        assert.match(run.stdout, /Policy config: .*all-advisory\.json/);
    });

    it("a config that disables every policy fails the gate in every report: the pack ran and judged nothing", async () => {
        const run = await preview(["--program", path.join(PROGRAMS, "misconfigured"), "--stack", "dev", "--policy-pack-config", path.join(__dirname, "configs/all-disabled.json")]);
        assert.strictEqual(run.code, EXIT_GATE_FAILED, run.stderr + run.stdout);
        assertWellFormed(run);
        assert.deepStrictEqual(run.result!.findings, []);
        const item = run.result!.unchecked.find((u) => u.kind === "policies-disabled");
        assert.ok(item?.blocking, JSON.stringify(run.result!.unchecked));
        assert.strictEqual(run.result!.gate.passed, false);
        assert.match(run.stdout, /Policy gate FAILED: 0 unwaived mandatory finding\(s\) \(every policy disabled by the policy config \(nothing was judged\)/);
        assert.match(run.reports["preview.md"], /every policy disabled by the policy config/);
        assert.match(run.reports["preview.html"], /<tr data-kind="policies-disabled" data-blocking="true">/);
        const sarif = JSON.parse(run.reports["preview.sarif"]).runs[0];
        assert.ok(sarif.invocations[0].toolExecutionNotifications.some((n: any) => /policies-disabled/.test(n.message.text)), "SARIF notification");
        assert.match(run.reports["preview.junit.xml"], /policies-disabled/);
    });
});
