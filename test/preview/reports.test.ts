import * as assert from "assert";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type * as sarif from "sarif";
import type { ConfiguredWaiver, Finding, PlannedResource, PolicySummary, PreviewResult, Provenance, Relaxed, Unchecked } from "../../scripts/preview/model";
import { SCHEMA_VERSION } from "../../scripts/preview/model";
import { renderHtml } from "../../scripts/preview/reports/html";
import { renderJunit } from "../../scripts/preview/reports/junit";
import { MARKDOWN_FINDINGS_LIMIT, MARKDOWN_UNCHECKED_LIMIT, mdCode, mdText, renderMarkdown } from "../../scripts/preview/reports/markdown";
import { renderSarif } from "../../scripts/preview/reports/sarif";
import { renderTerminal } from "../../scripts/preview/reports/terminal";
import { gateOf, uncheckedPhrases, verdictLine, waiverText } from "../../scripts/preview/result";
import { maskProperties } from "../../scripts/preview/properties";
import { provenanceLine } from "../../scripts/preview/provenance";
import { encodeWaivedFinding } from "../../lib/rules/waivers";
import { controlsOf, parseWaivedMessage } from "../../scripts/preview/findings";

function resource(name: string, type: string): PlannedResource {
    return {
        urn: `urn:pulumi:dev::demo::${type}::${name}`, type, name, custom: true, remote: false, dependencies: [], propertyDependencies: {},
        protect: false, retainOnDelete: false, ignoreChanges: [], inputs: {}, source: { file: "index.ts", line: 7 },
    };
}

function finding(policyName: string, level: Finding["enforcementLevel"], r: PlannedResource, extra: Partial<Finding> = {}): Finding {
    return {
        policyName, policyPackName: "pack", policyPackVersion: "1.0.0", enforcementLevel: level, message: `${policyName} violated by ${r.name}`,
        description: policyName, urn: r.urn, resourceType: r.type, resourceName: r.name, source: r.source, ...extra,
    };
}

function result(findings: Finding[], resources: PlannedResource[], failOn: "mandatory" | "advisory" = "mandatory"): PreviewResult {
    return {
        schemaVersion: SCHEMA_VERSION, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: new Date(0).toISOString(),
        program: { directory: "/p", project: "demo", stack: "dev", runtime: "nodejs" },
        policyPack: { directory: "/pack", name: "pack", version: "1.0.0", policies: [], relaxed: { policies: [], waivers: [] } },
        resources, findings, diagnostics: [], unchecked: [], allowUninspected: [], gate: gateOf(findings, failOn), timings: { planMs: 1, policyMs: 1, totalMs: 2 },
        provenance: { commitSource: "unknown", tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: new Date(0).toISOString() },
    };
}

describe("preview: gate", () => {
    const db = resource("db", "aws:rds/instance:Instance");
    const waiver = { rule: "rds-storage-encrypted", approver: "ciso", expires: "2099-01-01", reason: "migration" };

    it("fails on unwaived mandatory findings only, unless --fail-on advisory", () => {
        const counts = { blockingUnchecked: 0, nonBlockingUnchecked: 0 };
        assert.deepStrictEqual(gateOf([finding("a", "advisory", db)], "mandatory"), { failOn: "mandatory", passed: true, blockingFindings: 0, ...counts });
        assert.deepStrictEqual(gateOf([finding("a", "advisory", db)], "advisory"), { failOn: "advisory", passed: false, blockingFindings: 1, ...counts });
        assert.deepStrictEqual(gateOf([finding("m", "mandatory", db), finding("m2", "mandatory", db, { waiver })], "mandatory"), { failOn: "mandatory", passed: false, blockingFindings: 1, ...counts });
        assert.strictEqual(gateOf([finding("m", "mandatory", db, { waiver }), finding("r", "remediate", db)], "advisory").passed, true);
    });
});

describe("preview: analyzer output parsing", () => {
    it("decodes the waived-findings message (marker + JSON) into a waiver; approvers with ':' and ']' round-trip", () => {
        const waiver = { resource: "staging-*", expires: "2026-12-31", approver: "CN=Jane Doe: Compliance] ops", reason: "single-AZ until the Q4 migration" };
        assert.deepStrictEqual(parseWaivedMessage(encodeWaivedFinding({ rule: "rds-multi-az", waiver, message: "instance is single-AZ: [x]" })), {
            waiver: { rule: "rds-multi-az", expires: "2026-12-31", approver: "CN=Jane Doe: Compliance] ops", reason: "single-AZ until the Q4 migration" },
            message: "instance is single-AZ: [x]",
        });
        assert.strictEqual(parseWaivedMessage("instance is single-AZ"), undefined);
        assert.strictEqual(parseWaivedMessage("[WAIVED rds-multi-az until 2026-12-31 by jane.doe: reason] free text"), undefined);
        assert.strictEqual(parseWaivedMessage('WAIVED {"rule": 1}'), undefined);
    });

    it("maps <framework>:<control> tags to controls and ignores other tags", () => {
        assert.deepStrictEqual(controlsOf(["pci-dss-4.0:3.5.1", "soc2:CC6.1", "encryption", "gdpr:art-32"]), [
            { framework: "pci-dss-4.0", control: "3.5.1" }, { framework: "soc2", control: "CC6.1" }, { framework: "gdpr", control: "art-32" },
        ]);
    });

    it("masks secrets and unknowns in the wire form, however deep", () => {
        const SIG = "4dabf18193072939515e22adb298388d";
        const wire = { password: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", value: "hunter2" }, vpcId: "04da6b54-80e4-46f7-96ec-b56ff0331ba9", nested: [{ token: { [SIG]: "1b47061264138c4ac30d75fd1eb44270", value: { a: "x" } } }], port: 5432 };
        assert.deepStrictEqual(maskProperties(wire), { password: "[secret]", vpcId: "[unknown]", nested: [{ token: "[secret]" }], port: 5432 });
    });
});

describe("preview: terminal and Markdown reports", () => {
    const resources = Array.from({ length: 30 }, (_, i) => resource(`bucket-${i}`, "aws:s3/bucket:Bucket")).concat(resource("db", "aws:rds/instance:Instance"));
    const findings = resources.map((r) => finding("s3-public-access-blocked", "mandatory", r));

    it("Markdown: verdict, totals, findings capped with 'and N more', collapsed inventory", () => {
        const md = renderMarkdown(result(findings, resources));
        assert.match(md, /Policy gate failed\*\*: 31 unwaived mandatory finding/);
        assert.match(md, /\| 31 \| 31 \| 0 \| 0 \| 0 \|/);
        const rows = md.split("\n").filter((l) => l.includes("`s3-public-access-blocked`"));
        assert.strictEqual(rows.length, MARKDOWN_FINDINGS_LIMIT);
        assert.match(md, new RegExp(`and ${findings.length - MARKDOWN_FINDINGS_LIMIT} more`));
        assert.match(md, /<details><summary>Resource inventory<\/summary>[\s\S]*\| `aws:s3\/bucket:Bucket` \| 30 \|[\s\S]*<\/details>/);
    });

    it("terminal: counts by type, findings grouped by level, no colour codes unless asked", () => {
        const advisory = finding("general-required-tags", "advisory", resources[0]);
        const text = renderTerminal(result([findings[30], advisory], resources), { colour: false });
        assert.match(text, /30 {2}aws:s3\/bucket:Bucket/);
        assert.match(text, /Mandatory \(1\)\n {4}s3-public-access-blocked {2}aws:rds\/instance:Instance "db" \(index.ts:7\)/);
        assert.match(text, /Advisory \(1\)\n {4}general-required-tags/);
        assert.match(text, /Policy gate FAILED: 1 unwaived mandatory/);
        assert.ok(!text.includes("\x1b["), "colour codes without a TTY");
        assert.ok(renderTerminal(result([], resources), { colour: true }).includes("\x1b[32m"));
    });
});

/*
 * Each report format, rendered inside the tests (per-test coverage attributes the renderer to them) from small results
 * built here. Expected values come from what the format's reader needs: SARIF 2.1.0 (OASIS) and GitHub code scanning
 * for the SARIF, JUnit XML as CI test tabs read it, the text a reviewer reads in the HTML page, the terminal and the
 * PR comment.
 */
const RUN_AT = "2026-03-01T12:00:00.000Z";
const orders = resource("orders-db", "aws:rds/instance:Instance");
const sessions = { ...resource("sessions", "aws:elasticache/replicationGroup:ReplicationGroup"), source: { file: "src\\cache.ts", line: 21, column: 5 } };

function policy(name: string, level: PolicySummary["enforcementLevel"], extra: Partial<PolicySummary> = {}): PolicySummary {
    return { name, displayName: name, description: `${name} requirement`, enforcementLevel: level, controls: [], ...extra };
}

function pack(policies: PolicySummary[] = [], relaxed: Relaxed = { policies: [], waivers: [] }, configFile?: string): NonNullable<PreviewResult["policyPack"]> {
    return { directory: "/pack", name: "pack", version: "1.0.0", policies, relaxed, ...(configFile ? { configFile } : {}) };
}

/** A production preview; the gate follows the findings and unchecked items given unless one is given. */
function preview(over: Partial<PreviewResult> = {}, failOn: "mandatory" | "advisory" = "mandatory"): PreviewResult {
    const findings = over.findings ?? [];
    const unchecked = over.unchecked ?? [];
    return {
        schemaVersion: SCHEMA_VERSION, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: RUN_AT,
        program: { directory: "/work/app", project: "demo", stack: "production", runtime: "nodejs" },
        policyPack: pack(),
        provenance: { commitSource: "unknown", tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: RUN_AT },
        resources: [orders, sessions], findings, diagnostics: [], unchecked, allowUninspected: [],
        gate: gateOf(findings, failOn, unchecked), timings: { planMs: 12, policyMs: 34, totalMs: 1234 },
        ...over,
    };
}

const WAIVER: NonNullable<Finding["waiver"]> = { rule: "rds-multi-az", approver: "jane.doe@example.com", ticket: "COMP-4242", expires: "2099-03-31", reason: "single-AZ until the region move" };
const REMOTE: Unchecked = { kind: "remote-component", urn: "urn:pulumi:production::demo::awsx:ecs:FargateService::api", type: "awsx:ecs:FargateService", name: "api", detail: "not inspected offline: its children are created by the provider plugin", blocking: true, source: { file: "index.ts", line: 40 } };
const ALLOWED_REMOTE: Unchecked = { ...REMOTE, blocking: false, allowedBy: "--allow-uninspected awsx:*" };
const NOT_JUDGED: Unchecked = { kind: "not-judged", urn: sessions.urn, type: sessions.type, name: sessions.name, policyName: "elasticache-transit-encryption", properties: ["transitEncryptionEnabled"], detail: "rule elasticache-transit-encryption could not judge this resource: transitEncryptionEnabled unknown during preview", blocking: false, source: sessions.source };
const LOOKUP: Unchecked = { kind: "unanswered-lookup", token: "aws:ec2/getAmi:getAmi", detail: "data source aws:ec2/getAmi:getAmi (1 call) got no real answer offline", blocking: false };
const SECRET: Unchecked = { kind: "secret-config", name: "demo:apiToken", detail: "secure value not decrypted offline", blocking: false };
const unknownValue = (r: PlannedResource, ...properties: string[]): Unchecked => ({ kind: "unknown-value", urn: r.urn, type: r.type, name: r.name, properties, detail: `inputs ${properties.join(", ")} are unknown until deploy`, blocking: false, ...(r.source ? { source: r.source } : {}) });

const LOWERED: Relaxed["policies"][number] = { name: "rds-multi-az", defaultLevel: "mandatory", level: "advisory", change: "lowered" };
const RAISED: Relaxed["policies"][number] = { name: "general-required-tags", defaultLevel: "advisory", level: "mandatory", change: "raised" };
const DISABLED: Relaxed["policies"][number] = { name: "s3-bucket-versioning", defaultLevel: "mandatory", level: "disabled", change: "disabled" };
const ACTIVE: ConfiguredWaiver = { rule: "rds-multi-az", resource: "orders-db", approver: "jane.doe@example.com", ticket: "COMP-4242", expires: "2099-03-31", reason: "single-AZ until the region move", status: "active" };
const EXPIRED: ConfiguredWaiver = { rule: "s3-bucket-versioning", resource: "scratch-*", approver: "sam.lee@example.com", expires: "2020-01-31", reason: "scratch data", status: "expired" };
const REFUSED: ConfiguredWaiver = { rule: "rds-storage-encrypted", resource: "*", approver: "bob@example.com", ticket: "COMP-1", expires: "2099-12-31", reason: "all of them", status: "refused", problem: "a pattern waiver in production" };

describe("preview: SARIF 2.1.0 report", () => {
    const runOf = (p: PreviewResult): sarif.Run => (JSON.parse(renderSarif(p)) as sarif.Log).runs[0];
    const ruleOf = (run: sarif.Run, id: string) => run.tool.driver.rules!.find((r) => r.id === id);

    it("is one SARIF 2.1.0 run of this tool for the stack's program, JSON ending in a newline", () => {
        const text = renderSarif(preview());
        assert.ok(text.endsWith("}\n"));
        const log = JSON.parse(text) as sarif.Log;
        assert.strictEqual(log.version, "2.1.0");
        assert.strictEqual(log.$schema, "https://json.schemastore.org/sarif-2.1.0.json");
        assert.strictEqual(log.runs.length, 1);
        const run = log.runs[0];
        assert.strictEqual(run.tool.driver.name, "platform-preview");
        assert.strictEqual(run.tool.driver.version, "0.1.0");
        assert.strictEqual(run.tool.driver.informationUri, "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/");
        assert.strictEqual(run.tool.driver.properties, undefined, "no pack provenance, no driver properties");
        // §3.14.14: a base URI must end with a slash (relative uris resolve against it).
        assert.deepStrictEqual(run.originalUriBaseIds, { "%SRCROOT%": { uri: "file:///work/app/" } });
        assert.strictEqual(runOf(preview({ program: { directory: "/work/app/", project: "demo", stack: "production", runtime: "nodejs" } })).originalUriBaseIds!["%SRCROOT%"].uri, "file:///work/app/");
        const windows = runOf(preview({ program: { directory: "C:\\work\\app", project: "demo", stack: "production", runtime: "nodejs" } })).originalUriBaseIds!["%SRCROOT%"].uri!;
        assert.ok(windows.endsWith("/work/app/") && !windows.includes("\\"), windows);
        // §3.17.4: an id ending in "/" names a category only: every preview of this stack is one category.
        assert.strictEqual(run.automationDetails!.id, "policy-preview/demo/production/");
        // The tool ran (executionSuccessful is not the verdict); nothing relaxed or unread: no overrides, no notifications.
        assert.deepStrictEqual(run.invocations, [{ executionSuccessful: true, endTimeUtc: RUN_AT }]);
        assert.deepStrictEqual(run.results, []);
        assert.deepStrictEqual(run.tool.driver.rules, []);
    });

    it("carries the verdict, the stack, the pack, the policy config and the provenance in the run's properties", () => {
        const provenance: Provenance = { commit: "a".repeat(40), commitSource: "git", pack: { name: "pack", version: "1.0.0", contentHash: "b".repeat(64), files: 12 }, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: RUN_AT };
        const failed = preview({ findings: [finding("rds-storage-encrypted", "mandatory", orders)], provenance, allowUninspected: ["awsx:*"], policyPack: pack([], { policies: [LOWERED], waivers: [] }, "policies/config/production.json") });
        const run = runOf(failed);
        assert.deepStrictEqual(run.properties, {
            stack: "production", policyPack: "pack@1.0.0", policyConfig: "policies/config/production.json",
            verdict: verdictLine(failed), allowUninspected: ["awsx:*"], provenance, relaxed: { policies: [LOWERED], waivers: [] },
        });
        assert.match(String(run.properties!.verdict), /^Policy gate FAILED: 1 unwaived mandatory finding/);
        assert.deepStrictEqual(run.tool.driver.properties, { policyPack: provenance.pack });
        assert.strictEqual(runOf(preview()).properties!.policyConfig, "none: the pack's defaults apply");
        const none = runOf(preview({ policyPack: undefined })).properties!;
        assert.strictEqual(none.policyPack, undefined);
        assert.strictEqual(none.policyConfig, undefined);
        assert.deepStrictEqual(none.relaxed, { policies: [], waivers: [] });
    });

    it("one rule per policy: names, descriptions, help with the remediation and the controls, helpUri, tags", () => {
        const rds = policy("rds-storage-encrypted", "mandatory", {
            displayName: "RDS storage encrypted", description: "RDS instances encrypt storage at rest.", remediationSteps: "Set storageEncrypted: true.",
            url: "https://docs.example.com/rds", controls: [{ framework: "pci-dss-4.0", control: "3.5.1" }, { framework: "soc2", control: "CC6.1" }],
        });
        const tags = policy("general-required-tags", "advisory", { displayName: "" });
        const run = runOf(preview({ policyPack: pack([rds, tags]) }));
        assert.deepStrictEqual(run.tool.driver.rules!.map((r) => r.id), ["rds-storage-encrypted", "general-required-tags"]);
        const [first, second] = run.tool.driver.rules!;
        assert.strictEqual(first.name, "RDS storage encrypted");
        assert.deepStrictEqual(first.shortDescription, { text: "RDS storage encrypted" });
        assert.deepStrictEqual(first.fullDescription, { text: "RDS instances encrypt storage at rest." });
        assert.deepStrictEqual(first.help, {
            text: "RDS instances encrypt storage at rest.\n\nRemediation: Set storageEncrypted: true.\n\nControls: pci-dss-4.0:3.5.1, soc2:CC6.1",
            markdown: "RDS instances encrypt storage at rest.\n\n**Remediation:** Set storageEncrypted: true.\n\n**Controls:** `pci-dss-4.0:3.5.1`, `soc2:CC6.1`",
        });
        assert.strictEqual(first.helpUri, "https://docs.example.com/rds");
        assert.deepStrictEqual(first.properties, { tags: ["security", "compliance", "pci-dss-4.0:3.5.1", "soc2:CC6.1"], precision: "very-high" });
        // Without a display name the id is the name; without remediation steps the help says where to look; no controls line.
        assert.strictEqual(second.name, "general-required-tags");
        assert.deepStrictEqual(second.shortDescription, { text: "general-required-tags" });
        assert.deepStrictEqual(second.help, {
            text: "general-required-tags requirement\n\nRemediation: See the policy's documentation.",
            markdown: "general-required-tags requirement\n\n**Remediation:** See the policy's documentation.",
        });
        assert.strictEqual(second.helpUri, undefined);
        assert.deepStrictEqual(second.properties, { tags: ["security", "compliance"], precision: "very-high" });
    });

    it("maps enforcement levels to SARIF levels (§3.27.10: error, warning, note, none) on rules and results", () => {
        const levels: Array<[PolicySummary["enforcementLevel"], string]> = [["mandatory", "error"], ["advisory", "warning"], ["remediate", "note"], ["disabled", "none"]];
        const run = runOf(preview({
            policyPack: pack(levels.map(([level]) => policy(`p-${level}`, level))),
            findings: levels.map(([level]) => finding(`p-${level}`, level, orders)),
        }));
        for (const [level, expected] of levels) {
            assert.strictEqual(ruleOf(run, `p-${level}`)!.defaultConfiguration!.level, expected, level);
            assert.strictEqual(run.results!.find((r) => r.ruleId === `p-${level}`)!.level, expected, level);
        }
    });

    it("gives each severity a security-severity in GitHub's band (critical > 9.0, high 7.0–8.9, medium 4.0–6.9, low ≤ 3.9), none for others", () => {
        const bands: Array<[string, number, number]> = [["critical", 9.01, 10], ["high", 7.0, 8.9], ["medium", 4.0, 6.9], ["low", 0.1, 3.9]];
        const run = runOf(preview({ policyPack: pack([...bands.map(([s]) => policy(`p-${s}`, "mandatory", { severity: s })), policy("p-info", "mandatory", { severity: "informational" }), policy("p-none", "mandatory")]) }));
        for (const [severity, low, high] of bands) {
            const score = Number(ruleOf(run, `p-${severity}`)!.properties!["security-severity"]);
            assert.ok(score >= low && score <= high, `${severity}: ${score}`);
        }
        assert.ok(!("security-severity" in ruleOf(run, "p-info")!.properties!));
        assert.ok(!("security-severity" in ruleOf(run, "p-none")!.properties!));
    });

    it("one result per finding: its rule (ruleIndex points at it), the resource in the message, the source line as location", () => {
        const onStack: Finding = { ...finding("stack-policy", "mandatory", orders), urn: undefined, resourceName: undefined, resourceType: undefined, source: undefined, message: "no budget alarm" };
        const noSource: Finding = { ...finding("rds-storage-encrypted", "mandatory", orders), source: undefined };
        const noUrn: Finding = { ...finding("rds-storage-encrypted", "mandatory", orders), urn: undefined, message: "declared here" };
        const run = runOf(preview({
            policyPack: pack([policy("rds-storage-encrypted", "mandatory"), policy("elasticache-transit-encryption", "mandatory")]),
            findings: [finding("rds-storage-encrypted", "mandatory", orders), finding("elasticache-transit-encryption", "mandatory", sessions), onStack, noSource, noUrn],
        }));
        const rules = run.tool.driver.rules!;
        const [db, cache, stack, logical, physical] = run.results!;
        // §3.27.6: ruleIndex is the rule's index in tool.driver.rules (0 included); absent when the rule is not there.
        assert.strictEqual(db.ruleIndex, 0);
        assert.strictEqual(rules[cache.ruleIndex!].id, cache.ruleId);
        assert.strictEqual(cache.ruleId, "elasticache-transit-encryption");
        assert.ok(!("ruleIndex" in stack));
        assert.deepStrictEqual(db.message, { text: "aws:rds/instance:Instance \"orders-db\": rds-storage-encrypted violated by orders-db" });
        assert.deepStrictEqual(stack.message, { text: "the stack: no budget alarm" });
        assert.deepStrictEqual(db.locations, [{
            physicalLocation: { artifactLocation: { uri: "index.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 7 } },
            logicalLocations: [{ fullyQualifiedName: orders.urn, name: "orders-db", kind: "resource" }],
        }]);
        // A URI has forward slashes whatever the OS that planned; a known column is the region's start column.
        assert.deepStrictEqual(cache.locations![0].physicalLocation, { artifactLocation: { uri: "src/cache.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 21, startColumn: 5 } });
        assert.strictEqual(stack.locations, undefined);
        assert.deepStrictEqual(logical.locations, [{ logicalLocations: [{ fullyQualifiedName: orders.urn, name: "orders-db", kind: "resource" }] }]);
        assert.deepStrictEqual(physical.locations, [{ physicalLocation: { artifactLocation: { uri: "index.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 7 } } }]);
        for (const r of run.results!) assert.strictEqual(r.suppressions, undefined, "unwaived: not suppressed");
    });

    it("fingerprints a finding by rule, resource and message: stable across runs and source moves, distinct otherwise", () => {
        const base = finding("rds-storage-encrypted", "mandatory", orders);
        const print = (f: Finding) => runOf(preview({ findings: [f] })).results![0].partialFingerprints!["policyFinding/v1"];
        assert.match(print(base), /^[0-9a-f]{32}$/);
        assert.strictEqual(print({ ...base, source: { file: "index.ts", line: 99 }, enforcementLevel: "advisory" }), print(base));
        assert.notStrictEqual(print({ ...base, message: "other" }), print(base));
        assert.notStrictEqual(print({ ...base, urn: sessions.urn }), print(base));
        assert.notStrictEqual(print({ ...base, policyName: "rds-multi-az" }), print(base));
        // Pinned: a change of the fingerprint's recipe closes and re-opens every open alert, so it needs a new version key.
        assert.strictEqual(print(base), "604bc7f01bd9a622c1ec69e25b91f0fa");
        assert.strictEqual(print({ ...base, urn: undefined, resourceName: undefined, policyName: "stack-policy", message: "no budget alarm" }), "79874e275add94749302fa4d31cf9f42");
    });

    it("a waived finding is an accepted external suppression (§3.35) with the approver, ticket, expiry and reason", () => {
        const run = runOf(preview({ findings: [finding("rds-multi-az", "mandatory", orders, { waiver: WAIVER }), finding("rds-multi-az", "mandatory", sessions, { waiver: { ...WAIVER, ticket: undefined } })] }));
        assert.deepStrictEqual(run.results![0].suppressions, [{
            kind: "external", status: "accepted",
            justification: "Waived until 2099-03-31 by jane.doe@example.com (ticket COMP-4242): single-AZ until the region move",
            properties: { approver: "jane.doe@example.com", ticket: "COMP-4242", expires: "2099-03-31", reason: "single-AZ until the region move" },
        }]);
        assert.strictEqual(run.results![1].suppressions![0].justification, "Waived until 2099-03-31 by jane.doe@example.com (ticket none): single-AZ until the region move");
    });

    it("remote components: the preview's own rule; an allowed one is a result suppressed by its allowance, a blocking one is its finding", () => {
        const blocking = runOf(preview({ policyPack: pack([policy("rds-storage-encrypted", "mandatory")]), unchecked: [REMOTE] }));
        const rule = ruleOf(blocking, "preview-uninspected-component")!;
        assert.strictEqual(rule.defaultConfiguration!.level, "error");
        assert.match(rule.help!.text, /Remediation: Run a real `pulumi preview --policy-pack`.*--allow-uninspected <type>/);
        assert.deepStrictEqual(blocking.results, [], "the blocking item is reported through its finding, not twice");
        assert.strictEqual(ruleOf(blocking, "preview-not-judged"), undefined);

        const allowed = runOf(preview({ unchecked: [{ ...ALLOWED_REMOTE, source: { file: "stacks\\app\\index.ts", line: 40 } }, { ...ALLOWED_REMOTE, urn: `${REMOTE.urn}2`, name: "api2", source: undefined }] }));
        const [api, api2] = allowed.results!;
        assert.strictEqual(api.ruleId, "preview-uninspected-component");
        assert.strictEqual(allowed.tool.driver.rules![api.ruleIndex!].id, "preview-uninspected-component");
        assert.strictEqual(api.level, "error");
        assert.deepStrictEqual(api.message, { text: `awsx:ecs:FargateService "api": ${REMOTE.detail}` });
        assert.deepStrictEqual(api.suppressions, [{ kind: "external", status: "accepted", justification: "Allowed by --allow-uninspected awsx:*" }]);
        assert.deepStrictEqual(api.locations, [{ physicalLocation: { artifactLocation: { uri: "stacks/app/index.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 40 } } }]);
        assert.strictEqual(api2.locations, undefined);
        assert.match(api.partialFingerprints!["policyFinding/v1"], /^[0-9a-f]{32}$/);
        assert.notStrictEqual(api.partialFingerprints!["policyFinding/v1"], api2.partialFingerprints!["policyFinding/v1"]);
    });

    it("a rule that could not judge is a result of preview-not-judged: a warning, an error under --fail-on advisory", () => {
        const run = runOf(preview({ policyPack: pack([policy("elasticache-transit-encryption", "mandatory")]), unchecked: [NOT_JUDGED, { ...NOT_JUDGED, urn: undefined, name: undefined, type: undefined, source: undefined, policyName: "budget", properties: undefined, detail: "stack rule budget stopped" }] }));
        const rule = ruleOf(run, "preview-not-judged")!;
        assert.strictEqual(rule.defaultConfiguration!.level, "warning");
        assert.match(rule.help!.text, /Remediation: Make the value known at preview time/);
        assert.strictEqual(ruleOf(run, "preview-uninspected-component"), undefined);
        const [cache, stack] = run.results!;
        assert.strictEqual(cache.ruleId, "preview-not-judged");
        assert.strictEqual(cache.ruleIndex, 1);
        assert.strictEqual(cache.level, "warning");
        assert.deepStrictEqual(cache.message, { text: `aws:elasticache/replicationGroup:ReplicationGroup "sessions": ${NOT_JUDGED.detail}` });
        assert.deepStrictEqual(cache.properties, { policyName: "elasticache-transit-encryption", properties: ["transitEncryptionEnabled"] });
        assert.deepStrictEqual(cache.locations, [{
            physicalLocation: { artifactLocation: { uri: "src/cache.ts", uriBaseId: "%SRCROOT%" }, region: { startLine: 21 } },
            logicalLocations: [{ fullyQualifiedName: sessions.urn, name: "sessions", kind: "resource" }],
        }]);
        assert.deepStrictEqual(stack.message, { text: "the stack: stack rule budget stopped" });
        assert.strictEqual(stack.locations, undefined);
        assert.notStrictEqual(stack.partialFingerprints!["policyFinding/v1"], cache.partialFingerprints!["policyFinding/v1"]);
        assert.strictEqual(stack.partialFingerprints!["policyFinding/v1"], "5b7a4bdd1f8c1e82fa8f1aa8748d1aa4", "pinned, as for findings");
        const noSource = runOf(preview({ unchecked: [{ ...NOT_JUDGED, source: undefined }] })).results![0];
        assert.deepStrictEqual(noSource.locations, [{ logicalLocations: [{ fullyQualifiedName: sessions.urn, name: "sessions", kind: "resource" }] }]);
        assert.strictEqual(runOf(preview({ unchecked: [{ ...NOT_JUDGED, blocking: true }] }, "advisory")).results![0].level, "error");
    });

    it("what the preview could not read is a tool notification (a note naming kind, subject and why)", () => {
        const run = runOf(preview({ unchecked: [REMOTE, NOT_JUDGED, LOOKUP, SECRET, unknownValue(orders, "password")] }));
        assert.deepStrictEqual(run.results!.map((r) => r.ruleId), ["preview-not-judged"], "remote components and rules that could not judge are results, not notifications");
        assert.deepStrictEqual(run.invocations![0].toolExecutionNotifications, [
            { level: "note", message: { text: `unanswered-lookup: aws:ec2/getAmi:getAmi: ${LOOKUP.detail}` }, descriptor: { id: "preview-unanswered-lookup" } },
            { level: "note", message: { text: `secret-config: config demo:apiToken: ${SECRET.detail}` }, descriptor: { id: "preview-secret-config" } },
            {
                level: "note", message: { text: "unknown-value: aws:rds/instance:Instance \"orders-db\": inputs password are unknown until deploy" }, descriptor: { id: "preview-unknown-value" },
                locations: [{ logicalLocations: [{ fullyQualifiedName: orders.urn, name: "orders-db", kind: "resource" }] }],
            },
        ]);
    });

    it("what the policy config relaxed: level overrides (§3.20.5) and a notification per level change and per waiver", () => {
        const run = runOf(preview({ policyPack: pack([policy("rds-multi-az", "advisory")], { policies: [LOWERED, RAISED, DISABLED], waivers: [ACTIVE, EXPIRED, REFUSED] }) }));
        const invocation = run.invocations![0];
        assert.deepStrictEqual(invocation.ruleConfigurationOverrides, [
            { descriptor: { id: "rds-multi-az", index: 0 }, configuration: { level: "warning", enabled: true }, properties: { defaultLevel: "mandatory", level: "advisory", change: "lowered" } },
            { descriptor: { id: "general-required-tags" }, configuration: { level: "error", enabled: true }, properties: { defaultLevel: "advisory", level: "mandatory", change: "raised" } },
            { descriptor: { id: "s3-bucket-versioning" }, configuration: { level: "none", enabled: false }, properties: { defaultLevel: "mandatory", level: "disabled", change: "disabled" } },
        ]);
        const notes = invocation.toolExecutionNotifications!;
        assert.deepStrictEqual(notes.slice(0, 3), [
            { level: "warning", message: { text: "policy config level: rds-multi-az: mandatory → advisory (lowered)" }, descriptor: { id: "policy-config-level" } },
            { level: "note", message: { text: "policy config level: general-required-tags: advisory → mandatory (raised)" }, descriptor: { id: "policy-config-level" } },
            { level: "warning", message: { text: "policy config level: s3-bucket-versioning: mandatory → disabled (disabled)" }, descriptor: { id: "policy-config-level" } },
        ]);
        assert.deepStrictEqual(notes.slice(3).map((n) => [n.level, n.descriptor!.id]), [["warning", "policy-config-waiver"], ["warning", "policy-config-waiver"], ["error", "policy-config-waiver"]]);
        assert.strictEqual(notes[3].message.text, "policy config waiver: rds-multi-az for \"orders-db\": approved by jane.doe@example.com, ticket COMP-4242, expires 2099-03-31 (active); reason: single-AZ until the region move");
        assert.match(notes[5].message.text!, /^policy config waiver: rds-storage-encrypted for "\*": .*\(REFUSED: a pattern waiver in production\)/);
        assert.deepStrictEqual(notes[4].properties, { ...EXPIRED });
    });
});

describe("preview: JUnit XML report", () => {
    // What CI test tabs read: <testsuites>/<testsuite> counts, <testcase> with <failure>, <skipped> or nothing (passed).
    type Node = Record<string, any>;
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", parseTagValue: false, isArray: (name) => ["testsuite", "testcase", "property"].includes(name) });
    const junitOf = (p: PreviewResult): Node => {
        const text = renderJunit(p);
        assert.strictEqual(XMLValidator.validate(text), true);
        assert.ok(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites") && text.endsWith(">\n"), "indented, one element a line, for a person opening the artifact");
        return parser.parse(text).testsuites;
    };
    const suite = (root: Node, name: string): Node | undefined => (root.testsuite as Node[]).find((s) => s.name === `production: ${name}`);
    const counts = (n: Node) => ({ tests: n.tests, failures: n.failures, errors: n.errors, skipped: n.skipped });

    it("counts every case in <testsuites> as each suite counts it (tests, failures, skipped, no errors), time in seconds", () => {
        const p = preview({
            policyPack: pack([policy("rds-storage-encrypted", "mandatory"), policy("general-required-tags", "advisory"), policy("s3-public-access-blocked", "mandatory")]),
            findings: [finding("rds-storage-encrypted", "mandatory", orders), finding("rds-storage-encrypted", "mandatory", sessions, { waiver: WAIVER }), finding("general-required-tags", "advisory", orders)],
        });
        const root = junitOf(p);
        assert.strictEqual(root.name, "policy preview demo/production");
        assert.deepStrictEqual(counts(root), { tests: "5", failures: "1", errors: "0", skipped: "1" });
        assert.strictEqual(root.time, "1.234");
        assert.strictEqual(root.timestamp, RUN_AT);
        assert.deepStrictEqual((root.testsuite as Node[]).map((s) => s.name), ["production: rds-storage-encrypted", "production: general-required-tags", "production: s3-public-access-blocked", "production: policy config"]);
        assert.deepStrictEqual(counts(suite(root, "rds-storage-encrypted")!), { tests: "2", failures: "1", errors: "0", skipped: "1" });
        assert.deepStrictEqual(counts(suite(root, "general-required-tags")!), { tests: "1", failures: "0", errors: "0", skipped: "0" });
        for (const s of root.testsuite as Node[]) {
            assert.strictEqual(s.timestamp, RUN_AT);
            assert.strictEqual(Number(s.tests), (s.testcase as Node[]).length, s.name);
            assert.strictEqual(Number(s.failures), (s.testcase as Node[]).filter((c) => c.failure).length, s.name);
            assert.strictEqual(Number(s.skipped), (s.testcase as Node[]).filter((c) => c.skipped).length, s.name);
        }
        // A policy that found nothing is one passing case.
        assert.deepStrictEqual(suite(root, "s3-public-access-blocked")!.testcase, [{ classname: "s3-public-access-blocked", name: "all resources comply" }]);
        // No pack: no policy-config suite, nothing counted.
        const bare = junitOf(preview({ policyPack: undefined }));
        assert.deepStrictEqual(counts(bare), { tests: "0", failures: "0", errors: "0", skipped: "0" });
        assert.strictEqual(bare.testsuite, undefined);
    });

    it("a case per finding: a failure when it blocks the gate, skipped when waived, passing (message in system-out) when advisory", () => {
        const onStack: Finding = { ...finding("stack-policy", "mandatory", orders), urn: undefined, resourceName: undefined, resourceType: undefined, source: undefined, message: "no budget alarm" };
        const findings = [
            finding("rds-storage-encrypted", "mandatory", orders), finding("rds-multi-az", "mandatory", orders, { waiver: WAIVER }),
            finding("rds-multi-az", "mandatory", sessions, { waiver: { ...WAIVER, ticket: undefined } }), finding("general-required-tags", "advisory", orders),
            finding("s3-versioning", "remediate", orders), onStack,
        ];
        const root = junitOf(preview({ findings }));
        const [blocking] = suite(root, "rds-storage-encrypted")!.testcase as Node[];
        assert.deepStrictEqual(blocking, {
            classname: "rds-storage-encrypted", name: "orders-db (index.ts:7)", file: "index.ts", line: "7",
            failure: { message: "rds-storage-encrypted violated by orders-db", type: "mandatory", "#text": `aws:rds/instance:Instance ${orders.urn}\nrds-storage-encrypted violated by orders-db` },
        });
        const [waived, noTicket] = suite(root, "rds-multi-az")!.testcase as Node[];
        assert.deepStrictEqual(waived.skipped, { message: "waived until 2099-03-31 by jane.doe@example.com (ticket COMP-4242): single-AZ until the region move" });
        assert.strictEqual(noTicket.name, "sessions (src\\cache.ts:21)");
        assert.strictEqual(noTicket.skipped.message, "waived until 2099-03-31 by jane.doe@example.com (ticket none): single-AZ until the region move");
        const [advisory] = suite(root, "general-required-tags")!.testcase as Node[];
        assert.strictEqual(advisory.failure, undefined);
        assert.strictEqual(advisory["system-out"], `advisory: aws:rds/instance:Instance ${orders.urn}\ngeneral-required-tags violated by orders-db`);
        assert.strictEqual((suite(root, "s3-versioning")!.testcase as Node[])[0]["system-out"], `remediate: aws:rds/instance:Instance ${orders.urn}\ns3-versioning violated by orders-db`);
        // A stack finding: no resource, no file.
        assert.deepStrictEqual(suite(root, "stack-policy")!.testcase, [{ classname: "stack-policy", name: "stack", failure: { message: "no budget alarm", type: "mandatory", "#text": "no budget alarm" } }]);
        assert.ok(renderJunit(preview({ findings })).includes("type=\"mandatory\">no budget alarm</failure>"), "no blank type/URN line before the message");
        assert.deepStrictEqual(counts(root), { tests: "7", failures: "2", errors: "0", skipped: "2" });

        // --fail-on advisory: the advisory finding fails too; remediated stays passing.
        const strict = junitOf(preview({ findings }, "advisory"));
        assert.deepStrictEqual((suite(strict, "general-required-tags")!.testcase as Node[])[0].failure, { message: "general-required-tags violated by orders-db", type: "advisory", "#text": `aws:rds/instance:Instance ${orders.urn}\ngeneral-required-tags violated by orders-db` });
        assert.strictEqual((suite(strict, "s3-versioning")!.testcase as Node[])[0].failure, undefined);
        assert.deepStrictEqual(counts(strict), { tests: "7", failures: "3", errors: "0", skipped: "2" });
    });

    it("what was not inspected or judged is its own suite: blocking items fail, the others are skipped with why", () => {
        const allowed = { ...ALLOWED_REMOTE, urn: `${REMOTE.urn}-allowed`, name: "api-allowed" };
        const unchecked = [REMOTE, allowed, NOT_JUDGED, LOOKUP, SECRET, unknownValue(orders, "password"), { ...unknownValue(orders, "x"), urn: "urn:x", name: "bare", source: undefined, properties: undefined }, unknownValue(sessions, "authToken", "port")];
        const root = junitOf(preview({ unchecked }));
        const extra = suite(root, "not inspected or judged")!;
        // The blocking remote component fails as its finding (uninspected pseudo-policy), not a second time here.
        assert.deepStrictEqual(counts(extra), { tests: "5", failures: "0", errors: "0", skipped: "5" });
        assert.deepStrictEqual(counts(root), { tests: "6", failures: "0", errors: "0", skipped: "5" });
        const cases = extra.testcase as Node[];
        assert.deepStrictEqual(cases[0], {
            classname: "not inspected or judged", name: "remote-component: awsx:ecs:FargateService \"api-allowed\" (index.ts:40)", file: "index.ts", line: "40",
            skipped: { message: `${REMOTE.detail} (allowed by --allow-uninspected awsx:*)` }, "system-out": `${allowed.urn}\n${REMOTE.detail}`,
        });
        assert.deepStrictEqual(cases[1].name, "not-judged elasticache-transit-encryption: aws:elasticache/replicationGroup:ReplicationGroup \"sessions\" (src\\cache.ts:21)");
        assert.deepStrictEqual(cases[1].skipped, { message: NOT_JUDGED.detail });
        assert.deepStrictEqual(cases[2], { classname: "not inspected or judged", name: "unanswered-lookup: aws:ec2/getAmi:getAmi", skipped: { message: LOOKUP.detail }, "system-out": `aws:ec2/getAmi:getAmi\n${LOOKUP.detail}` });
        assert.deepStrictEqual(cases[3], { classname: "not inspected or judged", name: "secret-config: config demo:apiToken", skipped: { message: SECRET.detail }, "system-out": SECRET.detail });
        // (The parser trims text; the file itself has no leading blank line where there is no resource or token.)
        assert.ok(renderJunit(preview({ unchecked })).includes(`<system-out>${SECRET.detail}</system-out>`));
        // Unknown inputs are one case, whatever the number of resources.
        assert.deepStrictEqual(cases[4], {
            classname: "not inspected or judged", name: "unknown-value: 3 resource(s) with inputs unknown until deploy",
            skipped: { message: "3 resource(s) had input values unknown at preview; policies saw them as unknown" },
            "system-out": "aws:rds/instance:Instance \"orders-db\" (index.ts:7): password\naws:rds/instance:Instance \"bare\": \naws:elasticache/replicationGroup:ReplicationGroup \"sessions\" (src\\cache.ts:21): authToken, port",
        });

        // Under --fail-on advisory a rule that could not judge blocks: a failure.
        const strict = junitOf(preview({ unchecked: [{ ...NOT_JUDGED, blocking: true }] }, "advisory"));
        const [blocked] = suite(strict, "not inspected or judged")!.testcase as Node[];
        assert.deepStrictEqual(blocked.failure, { message: NOT_JUDGED.detail, type: "not-judged", "#text": `${sessions.urn}\n${NOT_JUDGED.detail}` });
        assert.strictEqual(blocked.skipped, undefined);
        assert.strictEqual(blocked["system-out"], undefined);
        assert.deepStrictEqual(counts(suite(strict, "not inspected or judged")!), { tests: "1", failures: "1", errors: "0", skipped: "0" });
        assert.deepStrictEqual(counts(strict), { tests: "2", failures: "1", errors: "0", skipped: "0" });
        // Only unknown values: just the one case; nothing unchecked: no suite.
        assert.strictEqual((suite(junitOf(preview({ unchecked: [unknownValue(orders, "password")] })), "not inspected or judged")!.testcase as Node[]).length, 1);
        assert.strictEqual(suite(junitOf(preview({ unchecked: [REMOTE] })), "not inspected or judged"), undefined);
        assert.strictEqual(suite(junitOf(preview()), "not inspected or judged"), undefined);
    });

    it("the policy config suite: provenance as properties, each relaxed level and waiver as a case (skipped when it weakens)", () => {
        const provenance: Provenance = {
            commit: "a".repeat(40), commitSource: "git", dirty: true, pack: { name: "pack", version: "1.0.0", contentHash: "b".repeat(64), files: 12 },
            policyConfig: { file: "policies/config/production.json", hash: "c".repeat(64) }, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: RUN_AT,
        };
        const root = junitOf(preview({ provenance, policyPack: pack([], { policies: [LOWERED, RAISED], waivers: [ACTIVE, REFUSED] }) }));
        const config = suite(root, "policy config")!;
        assert.deepStrictEqual(counts(config), { tests: "4", failures: "0", errors: "0", skipped: "3" });
        assert.deepStrictEqual(counts(root), { tests: "4", failures: "0", errors: "0", skipped: "3" });
        assert.deepStrictEqual(config.properties.property, [
            { name: "commit", value: "a".repeat(40) }, { name: "commitSource", value: "git (uncommitted changes)" },
            { name: "policyPack", value: "pack@1.0.0" }, { name: "policyPackContentHash", value: "b".repeat(64) },
            { name: "policyConfig", value: "policies/config/production.json" }, { name: "policyConfigHash", value: "c".repeat(64) },
            { name: "tool", value: "platform-preview 0.1.0" }, { name: "generatedAt", value: RUN_AT },
        ]);
        assert.deepStrictEqual(config.testcase, [
            { classname: "policy config", name: "level rds-multi-az", skipped: { message: "relaxed by policy config: rds-multi-az: mandatory → advisory (lowered)" } },
            { classname: "policy config", name: "level general-required-tags", "system-out": "relaxed by policy config: general-required-tags: advisory → mandatory (raised)" },
            { classname: "policy config", name: "waiver rds-multi-az orders-db", skipped: { message: `waiver: ${waiverText(ACTIVE)}` } },
            { classname: "policy config", name: "waiver rds-storage-encrypted *", skipped: { message: `waiver: ${waiverText(REFUSED)}` } },
        ]);
        const plain = suite(junitOf(preview()), "policy config")!;
        assert.deepStrictEqual(plain.properties.property.map((p: Node) => p.value), ["unknown", "unknown", "none", "none", "none", "none", "platform-preview 0.1.0", RUN_AT]);
        assert.deepStrictEqual(plain.testcase, [{ classname: "policy config", name: "nothing relaxed", "system-out": "every policy at its default level, no waivers" }]);
        assert.deepStrictEqual(counts(plain), { tests: "1", failures: "0", errors: "0", skipped: "0" });
    });

    it("keeps markup in names and messages as text (the XML stays well-formed)", () => {
        const hostile = { ...orders, name: "<db \"x\" & 'y'>" };
        const root = junitOf(preview({ findings: [finding("rds-storage-encrypted", "mandatory", hostile, { message: "</failure><b>x & y</b>" })] }));
        const [c] = suite(root, "rds-storage-encrypted")!.testcase as Node[];
        assert.strictEqual(c.name, "<db \"x\" & 'y'> (index.ts:7)");
        assert.strictEqual(c.failure.message, "</failure><b>x & y</b>");
    });

    it("keeps text that already reads as an entity as written (a message quoting &amp; or &#60; reaches CI unchanged)", () => {
        const named = { ...orders, name: "db-&amp;-&lt;" };
        const message = "escape & as &amp; and < as &lt; or &#60;";
        const root = junitOf(preview({ findings: [finding("rds-storage-encrypted", "mandatory", named, { message }), finding("general-required-tags", "advisory", named, { message })] }));
        const [failed] = suite(root, "rds-storage-encrypted")!.testcase as Node[];
        assert.strictEqual(failed.name, "db-&amp;-&lt; (index.ts:7)");
        assert.strictEqual(failed.failure.message, message);
        assert.ok(String(failed.failure["#text"]).endsWith(`\n${message}`), failed.failure["#text"]);
        const [advisory] = suite(root, "general-required-tags")!.testcase as Node[];
        assert.ok(String(advisory["system-out"]).endsWith(message), advisory["system-out"]);
    });
});

describe("preview: HTML report", () => {
    /** The text a reader sees in a fragment: tags dropped, entities decoded, white space collapsed. */
    const seen = (html: string) => html.replace(/<[^>]*>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/\s+/g, " ").replace(/ ([,.)])/g, "$1").trim();
    const section = (page: string, id: string) => {
        const start = page.indexOf(`<h2 id="${id}">`);
        assert.ok(start >= 0, `no section ${id}`);
        // Up to the next top-level section (the controls hold a <section> per framework).
        const end = page.indexOf("<section aria-labelledby=", start);
        return page.slice(start, end < 0 ? page.indexOf("</main>", start) : end);
    };
    type Table = { attrs: string; head: string[]; body: Array<{ attrs: string; cells: string[] }> };
    const rowsOf = (html: string) => [...html.matchAll(/<tr([^>]*)>(.*?)<\/tr>/g)].map((m) => ({ attrs: m[1], cells: [...m[2].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => seen(c[1])) }));
    const tablesOf = (html: string): Table[] => [...html.matchAll(/<table([^>]*)>(.*?)<\/table>/g)].map((m) => ({
        attrs: m[1], head: rowsOf(/<thead>(.*?)<\/thead>/.exec(m[2])?.[1] ?? "")[0]?.cells ?? [], body: rowsOf(/<tbody>(.*?)<\/tbody>/.exec(m[2])?.[1] ?? ""),
    }));
    const card = (page: string, id: string) => /data-testid="([^"]+)">(\d+)<\/span><span class="l">([^<]*)</.exec(page.slice(page.indexOf(`data-testid="${id}"`)))!.slice(2);
    const badges = (html: string) => [...html.matchAll(/<span class="badge ([^"]*)">([^<]*)<\/span>/g)].map((m) => `${m[1]}:${m[2]}`);

    const stackResource: PlannedResource = { ...resource("demo-production", "pulumi:pulumi:Stack"), custom: false, source: undefined };
    const provider: PlannedResource = { ...resource("default", "pulumi:providers:aws"), source: undefined };
    const app: PlannedResource = { ...resource("app", "platform:app:Service"), custom: false, parent: stackResource.urn };
    const db: PlannedResource = { ...orders, parent: app.urn, protect: true };
    const api: PlannedResource = { ...resource("api", "awsx:ecs:FargateService"), custom: false, remote: true, urn: REMOTE.urn!, source: { file: "index.ts", line: 40 } };
    const everything = [stackResource, provider, app, db, sessions, api];

    it("escapes everything from the program: hostile names read as themselves and never become markup", () => {
        const evil = "<script>alert(\"x\")</script>&'";
        const attr = "\"><img src=x onerror=alert(1)>";
        const hostile: PlannedResource = { ...resource(evil, `aws:s3/bucket:${evil}`), source: { file: `${evil}.ts`, line: 3 } };
        const p = preview({
            program: { directory: `/work/${evil}`, project: evil, stack: evil, runtime: "nodejs" },
            tool: { name: evil, version: evil },
            resources: [hostile],
            policyPack: pack([policy(attr, "mandatory", { displayName: evil, description: evil, remediationSteps: evil, severity: evil, controls: [{ framework: evil, control: attr }] })],
                { policies: [{ name: attr, defaultLevel: "mandatory", level: "advisory", change: "lowered" }], waivers: [{ ...REFUSED, rule: evil, resource: evil, approver: evil, ticket: evil, reason: evil, expires: evil, problem: evil }] }, `${evil}.json`),
            findings: [finding(attr, "mandatory", hostile, { message: evil }), finding(attr, "mandatory", hostile, { message: `${evil} 2`, waiver: { ...WAIVER, approver: evil, ticket: evil, reason: evil, expires: evil } })],
            unchecked: [{ ...NOT_JUDGED, urn: hostile.urn, type: hostile.type, name: evil, policyName: attr, properties: [evil], detail: evil, allowedBy: evil, source: hostile.source }],
            allowUninspected: [evil],
            provenance: { commit: evil, commitSource: "git", pack: { name: evil, version: evil, contentHash: evil, files: 1 }, policyConfig: { file: evil, hash: evil }, tool: { name: evil, version: evil }, generatedAt: evil },
        });
        const page = renderHtml(p);
        assert.ok(!/<script|<img/i.test(page), "program text became markup");
        // Every attribute value is quoted and free of markup: nothing broke out of one.
        for (const tag of page.match(/<[a-z][^>]*>/g)!) assert.match(tag, /^<[a-z0-9]+(?:\s+[a-zA-Z:-]+(?:="[^"<>]*")?)*\s*\/?>$/, tag);
        // ... and the reader sees the names as they are.
        assert.ok(seen(/<h1>(.*?)<\/h1>/.exec(page)![1]) === `Compliance report: ${evil} / ${evil}`);
        assert.strictEqual(seen(/<title>(.*?)<\/title>/.exec(page)![1]), `Compliance report · ${evil} / ${evil}`);
        const inventory = tablesOf(section(page, "inventory"))[0].body[0].cells;
        assert.deepStrictEqual([inventory[0], inventory[1], inventory[6]], [evil, `aws:s3/bucket:${evil}`, `${evil}.ts:3`]);
        const evidence = tablesOf(section(page, "evidence"))[0].body.map((r) => r.cells);
        assert.deepStrictEqual(evidence[0].slice(1), [attr, `${evil} aws:s3/bucket:${evil}`, evil, `${evil}.ts:3`]);
        assert.strictEqual(evidence[1][3], `${evil} 2 Waived until ${evil} by ${evil} (ticket ${evil}): ${evil}`);
        assert.ok(seen(section(page, "unchecked")).includes(`${evil} Allowed by ${evil}`));
        assert.ok(seen(section(page, "relaxed")).includes(`${attr} mandatory advisory lowered`));
        assert.strictEqual(seen(/<footer>(.*?)<\/footer>/.exec(page)![1]), `Program /work/${evil} · plan 12 ms · policies 34 ms · report schema ${SCHEMA_VERSION}`);
    });

    it("is well-formed: every element closed, in order (a reader's browser shows every section as written)", () => {
        const page = renderHtml(preview({
            resources: everything, allowUninspected: ["awsx:*"],
            policyPack: pack([policy("rds-storage-encrypted", "mandatory", { remediationSteps: "fix", controls: [{ framework: "soc2", control: "CC6.1" }, { framework: "soc2", control: "CC6.2" }], scope: { kind: "resources", resources: [db.urn, sessions.urn] } }), policy("rds-multi-az", "mandatory")], { policies: [LOWERED, RAISED], waivers: [REFUSED, ACTIVE] }, "c.json"),
            findings: [finding("rds-storage-encrypted", "mandatory", db), finding("rds-multi-az", "mandatory", db, { waiver: WAIVER })],
            unchecked: [NOT_JUDGED, ALLOWED_REMOTE, LOOKUP, unknownValue(db, "password"), unknownValue(sessions, "port")],
        }));
        const VOID = new Set(["meta", "br", "img", "hr", "input", "link"]);
        // HTML's content model: text directly in a table, row or list is moved out of it by the browser.
        const NO_TEXT = new Set(["table", "thead", "tbody", "tr", "ul", "dl"]);
        const open: string[] = [];
        let last = 0;
        for (const m of page.matchAll(/<(\/?)([a-zA-Z0-9]+)((?:\s[^>]*?)?)(\/?)>/g)) {
            const [, close, name, , self] = m;
            const between = page.slice(last, m.index);
            last = m.index + m[0].length;
            if (NO_TEXT.has(open[open.length - 1])) assert.strictEqual(between.trim(), "", `text in <${open[open.length - 1]}>: ${between}`);
            if (VOID.has(name) || self || name === "!doctype") continue;
            if (close) assert.strictEqual(open.pop(), name, `</${name}> closes another element`);
            else open.push(name);
        }
        assert.deepStrictEqual(open, []);
        assert.ok(page.startsWith("<!doctype html>\n<html lang=\"en\">") && page.endsWith("</html>\n"));
    });

    it("the header: project and stack, pack and tool, the verdict line (failed, partial or passed) and the policy config", () => {
        const header = (p: PreviewResult) => {
            const page = renderHtml(p);
            const verdict = /<div class="verdict ([a-z]+)" data-testid="gate">([^<]*)<\/div>/.exec(page)!;
            return { kind: verdict[1], line: seen(verdict[2]), intro: seen(/<header><h1>.*?<\/h1>\n<p>(.*?)<\/p>/.exec(page)![1]), config: /<p class="config">([^<]*)<\/p>/.exec(page)?.[1] };
        };
        const failed = preview({ findings: [finding("rds-storage-encrypted", "mandatory", orders)] });
        assert.deepStrictEqual(header(failed), {
            kind: "failed", line: verdictLine(failed), intro: `Policy pack pack 1.0.0 · generated ${RUN_AT} by platform-preview 0.1.0 (offline preview, SDK mock runtime)`,
            config: "No policy config for stack &quot;production&quot;: the pack&#39;s defaults apply (no policies).",
        });
        const partial = preview({ unchecked: [LOOKUP] });
        assert.deepStrictEqual([header(partial).kind, header(partial).line], ["partial", verdictLine(partial)]);
        // Unknown inputs alone: a full check (a rule that needed the value says so as not-judged).
        assert.strictEqual(header(preview({ unchecked: [unknownValue(orders, "password")] })).kind, "passed");
        assert.strictEqual(header(preview()).kind, "passed");
        assert.strictEqual(header(preview({ policyPack: pack([], undefined, "policies/config/production.json") })).config, "Policy config: policies/config/production.json");
        const none = header(preview({ policyPack: undefined }));
        assert.strictEqual(none.intro, `Policy pack no policy pack · generated ${RUN_AT} by platform-preview 0.1.0 (offline preview, SDK mock runtime)`);
        assert.strictEqual(none.config, undefined);
        assert.match(renderHtml(preview({ policyPack: undefined })), /data-testid="gate">[^<]*<\/div>\n<\/header>/, "nothing between the verdict and the end of the header");
    });

    it("the summary counts: resources, unwaived mandatory and advisory findings, waived findings, policies, unchecked items", () => {
        const page = renderHtml(preview({
            resources: everything,
            policyPack: pack([policy("rds-storage-encrypted", "mandatory"), policy("general-required-tags", "advisory"), policy("s3-versioning", "remediate")]),
            findings: [
                finding("rds-storage-encrypted", "mandatory", db), finding("rds-storage-encrypted", "mandatory", sessions), finding("rds-storage-encrypted", "mandatory", provider), finding("rds-storage-encrypted", "mandatory", app, { waiver: WAIVER }),
                finding("general-required-tags", "advisory", db), finding("s3-versioning", "remediate", db),
            ],
            unchecked: [LOOKUP, SECRET, NOT_JUDGED, unknownValue(db, "password")],
        }));
        assert.deepStrictEqual(card(page, "resource-count"), ["6", "resources planned"]);
        assert.deepStrictEqual(card(page, "mandatory-count"), ["3", "mandatory findings"]);
        assert.deepStrictEqual(card(page, "advisory-count"), ["1", "advisory findings"]);
        assert.deepStrictEqual(card(page, "waived-count"), ["1", "waived findings"]);
        assert.deepStrictEqual(card(page, "policy-count"), ["3", "policies evaluated"]);
        assert.deepStrictEqual(card(page, "unchecked-count"), ["4", "not inspected or judged"]);
        assert.deepStrictEqual(card(renderHtml(preview({ policyPack: undefined })), "policy-count"), ["0", "policies evaluated"]);
    });

    it("the provenance: commit (and uncommitted changes), pack and config by hash, tool, time; what is unknown says so", () => {
        const dd = (p: PreviewResult, id: string) => seen(new RegExp(`data-testid="provenance-${id}">(.*?)</dd>`).exec(renderHtml(p))![1]);
        const full = preview({ provenance: {
            commit: "a".repeat(40), commitSource: "git", dirty: true, pack: { name: "pack", version: "1.0.0", contentHash: "b".repeat(64), files: 12 },
            policyConfig: { file: "policies/config/production.json", hash: "c".repeat(64) }, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: RUN_AT,
        } });
        assert.strictEqual(dd(full, "commit"), `${"a".repeat(40)} (git, uncommitted changes)`);
        assert.strictEqual(dd(full, "pack"), `pack 1.0.0 · ${"b".repeat(64)} (12 files)`);
        assert.strictEqual(dd(full, "config"), `policies/config/production.json · ${"c".repeat(64)}`);
        assert.strictEqual(dd(full, "tool"), "platform-preview 0.1.0");
        assert.strictEqual(dd(full, "time"), RUN_AT);
        assert.strictEqual(dd(preview({ provenance: { ...full.provenance, dirty: false, commitSource: "GITHUB_SHA" } }), "commit"), `${"a".repeat(40)} (GITHUB_SHA)`);
        const bare = preview();
        assert.deepStrictEqual(["commit", "pack", "config"].map((id) => dd(bare, id)), ["unknown", "none", "none: the pack's defaults apply"]);
        assert.deepStrictEqual([...section(renderHtml(bare), "provenance").matchAll(/<dt>([^<]*)<\/dt>/g)].map((m) => m[1]), ["Commit", "Policy pack", "Policy config", "Tool", "Generated"]);
    });

    it("what the policy config relaxed: each level off its default, each waiver with approver, ticket, expiry and state", () => {
        const page = renderHtml(preview({ policyPack: pack([], { policies: [LOWERED, RAISED], waivers: [ACTIVE, EXPIRED, REFUSED] }) }));
        const relaxed = section(page, "relaxed");
        assert.strictEqual(seen(/data-testid="relaxed-summary">(.*?)<\/p>/.exec(relaxed)![1]), "1 policy disabled or lowered, 1 policy raised or changed, 3 waivers.");
        const [levels, waivers] = tablesOf(relaxed);
        assert.match(levels.attrs, /data-testid="relaxed-policies"/);
        assert.deepStrictEqual(levels.head, ["Policy", "Pack default", "In effect", "Change"]);
        assert.deepStrictEqual(levels.body.map((r) => [r.attrs, r.cells]), [
            [" data-policy=\"rds-multi-az\" data-change=\"lowered\"", ["rds-multi-az", "mandatory", "advisory", "lowered"]],
            [" data-policy=\"general-required-tags\" data-change=\"raised\"", ["general-required-tags", "advisory", "mandatory", "raised"]],
        ]);
        assert.ok(relaxed.includes("<a href=\"#policy-rds-multi-az\">rds-multi-az</a>"), "links to the policy");
        assert.match(waivers.attrs, /data-testid="waivers"/);
        assert.deepStrictEqual(waivers.head, ["Status", "Waiver of", "Resource", "Approver", "Ticket", "Expires", "Reason"]);
        assert.deepStrictEqual(waivers.body.map((r) => [r.attrs, r.cells]), [
            [" data-waiver-status=\"active\"", ["active", "rds-multi-az", "orders-db", "jane.doe@example.com", "COMP-4242", "2099-03-31", "single-AZ until the region move"]],
            [" data-waiver-status=\"expired\"", ["expired", "s3-bucket-versioning", "scratch-*", "sam.lee@example.com", "none", "2020-01-31", "scratch data"]],
            [" data-waiver-status=\"refused\"", ["refused a pattern waiver in production", "rds-storage-encrypted", "*", "bob@example.com", "COMP-1", "2099-12-31", "all of them"]],
        ]);
        // Status in words and in colour: refused fails, expired warns, active is a waiver.
        assert.deepStrictEqual(badges(relaxed.slice(relaxed.indexOf("data-testid=\"waivers\""))), ["waived:active", "advisory:expired", "fail:refused"]);
        assert.deepStrictEqual(badges(relaxed.slice(0, relaxed.indexOf("data-testid=\"waivers\""))), ["advisory:advisory", "mandatory:mandatory"]);

        const nothing = section(renderHtml(preview()), "relaxed");
        assert.strictEqual(seen(nothing), "Relaxed by policy config nothing: every policy at its default level, no waivers. No waivers.");
        assert.strictEqual(seen(section(renderHtml(preview({ policyPack: undefined })), "relaxed")), "Relaxed by policy config No policy pack was evaluated.");
    });

    it("what was not inspected or judged: one row each, blocking first, with status in words, subject, why and where", () => {
        const unchecked = [LOOKUP, ALLOWED_REMOTE, NOT_JUDGED, { ...REMOTE, urn: `${REMOTE.urn}-b`, name: "worker" }, unknownValue(db, "password", "port"), unknownValue(sessions, "authToken")];
        const page = renderHtml(preview({ resources: everything, unchecked, allowUninspected: ["awsx:*", "aws:lambda:*"] }));
        const part = section(page, "unchecked");
        assert.ok(part.includes("<p>Allowed uninspected: <code>--allow-uninspected awsx:*</code>, <code>--allow-uninspected aws:lambda:*</code></p>"));
        assert.ok(seen(part).includes(`${uncheckedPhrases(unchecked).join("; ")}.`));
        const [main, unknown] = tablesOf(part);
        assert.match(main.attrs, /data-testid="unchecked"/);
        assert.deepStrictEqual(main.head, ["Status", "Kind", "Subject", "Detail", "Declared at"]);
        assert.deepStrictEqual(main.body.map((r) => [r.attrs, r.cells]), [
            [" data-kind=\"remote-component\" data-blocking=\"true\"", ["blocks gate", "remote-component", "awsx:ecs:FargateService \"worker\"", REMOTE.detail, "index.ts:40"]],
            [" data-kind=\"remote-component\" data-blocking=\"false\"", ["allowed", "remote-component", "awsx:ecs:FargateService \"api\"", `${REMOTE.detail} Allowed by --allow-uninspected awsx:*`, "index.ts:40"]],
            [" data-kind=\"not-judged\" data-blocking=\"false\"", ["not judged", "not-judged elasticache-transit-encryption", "aws:elasticache/replicationGroup:ReplicationGroup \"sessions\" transitEncryptionEnabled", NOT_JUDGED.detail, "src\\cache.ts:21"]],
            [" data-kind=\"unanswered-lookup\" data-blocking=\"false\"", ["not judged", "unanswered-lookup", "aws:ec2/getAmi:getAmi", LOOKUP.detail, "—"]],
        ]);
        assert.deepStrictEqual(badges(part.slice(part.indexOf("data-testid=\"unchecked\""), part.indexOf("</table>"))), ["fail:blocks gate", "waived:allowed", "advisory:not judged", "advisory:not judged"]);
        // Unknown inputs collapsed under their count.
        assert.match(part, /<details><summary>2 resources with inputs unknown until deploy<\/summary><table>/);
        assert.deepStrictEqual(unknown.body.map((r) => r.cells[2]), ["aws:elasticache/replicationGroup:ReplicationGroup \"sessions\" authToken", "aws:rds/instance:Instance \"orders-db\" password, port"]);

        const one = section(renderHtml(preview({ unchecked: [unknownValue(db, "password")] })), "unchecked");
        assert.match(one, /<summary>1 resource with inputs unknown until deploy<\/summary>/);
        assert.ok(!one.includes("data-testid=\"unchecked\""), "no main table without other items");
        assert.ok(!section(renderHtml(preview({ unchecked: [LOOKUP] })), "unchecked").includes("<details>"));
        assert.strictEqual(seen(section(renderHtml(preview()), "unchecked")), "Not inspected or judged Nothing: every resource was planned with known inputs and every rule reached a verdict.");
        assert.strictEqual(seen(section(renderHtml(preview({ allowUninspected: ["awsx:*"] })), "unchecked")), "Not inspected or judged Allowed uninspected: --allow-uninspected awsx:* Nothing: every resource was planned with known inputs and every rule reached a verdict.");
    });

    it("the evidence: every finding with its level (or waiver), policy, resource, message and source line", () => {
        const onStack: Finding = { ...finding("stack-policy", "advisory", db), urn: undefined, resourceName: undefined, resourceType: undefined, source: undefined, message: "no budget alarm" };
        const page = renderHtml(preview({ resources: everything, findings: [finding("rds-storage-encrypted", "mandatory", db), finding("rds-multi-az", "mandatory", sessions, { waiver: { ...WAIVER, ticket: undefined } }), onStack] }));
        const [table] = tablesOf(section(page, "evidence"));
        assert.deepStrictEqual(table.head, ["Level", "Policy", "Resource", "Finding", "Declared at"]);
        assert.deepStrictEqual(table.body.map((r) => [r.attrs, r.cells]), [
            [" data-level=\"mandatory\"", ["mandatory", "rds-storage-encrypted", "orders-db aws:rds/instance:Instance", "rds-storage-encrypted violated by orders-db", "index.ts:7"]],
            [" data-level=\"waived\"", ["waived", "rds-multi-az", "sessions aws:elasticache/replicationGroup:ReplicationGroup", "rds-multi-az violated by sessions Waived until 2099-03-31 by jane.doe@example.com (ticket none): single-AZ until the region move", "src\\cache.ts:21"]],
            [" data-level=\"advisory\"", ["advisory", "stack-policy", "(stack)", "no budget alarm", "—"]],
        ]);
        assert.ok(section(page, "evidence").includes("<a href=\"#policy-rds-storage-encrypted\">rds-storage-encrypted</a>"));
        // Nothing found: the count of custom resources judged, or a pointer to what was not.
        assert.strictEqual(seen(section(renderHtml(preview({ resources: everything })), "evidence")), "Evidence per resource No resource has a finding: every evaluated policy passed for all 3 resources.");
        const partial = section(renderHtml(preview({ resources: everything, unchecked: [LOOKUP] })), "evidence");
        assert.strictEqual(seen(partial), "Evidence per resource No resource has a finding among what was inspected and judged; see Not inspected or judged for the rest.");
        assert.ok(partial.includes("<a href=\"#unchecked\">"));
    });

    it("the policies: name, level, severity, requirement and remediation, controls, and a status in words", () => {
        const policies = [
            policy("rds-storage-encrypted", "mandatory", { displayName: "RDS storage encrypted", severity: "high", remediationSteps: "Set storageEncrypted.", controls: [{ framework: "pci-dss-4.0", control: "3.5.1" }, { framework: "soc2", control: "CC6.1" }] }),
            policy("rds-multi-az", "mandatory", { displayName: "" }), policy("s3-versioning", "remediate"), policy("general-required-tags", "advisory"),
            policy("elasticache-transit-encryption", "mandatory"), policy("kms-rotation", "mandatory"),
        ];
        const findings = [finding("rds-storage-encrypted", "mandatory", db), finding("rds-multi-az", "mandatory", db, { waiver: WAIVER }), finding("s3-versioning", "remediate", db), finding("general-required-tags", "advisory", db)];
        const table = (unchecked: Unchecked[]) => tablesOf(section(renderHtml(preview({ resources: everything, policyPack: pack(policies), findings, unchecked })), "policies"))[0];
        const { head, body } = table([NOT_JUDGED]);
        assert.deepStrictEqual(head, ["Policy", "Level", "Severity", "Requirement", "Controls", "Status"]);
        assert.deepStrictEqual(body.map((r) => [r.attrs, r.cells]), [
            [" id=\"policy-rds-storage-encrypted\"", ["RDS storage encrypted rds-storage-encrypted", "mandatory", "high", "rds-storage-encrypted requirement Remediation: Set storageEncrypted.", "pci-dss-4.0:3.5.1 soc2:CC6.1", "fail"]],
            [" id=\"policy-rds-multi-az\"", ["rds-multi-az rds-multi-az", "mandatory", "", "rds-multi-az requirement", "", "waived"]],
            // A remediated finding was fixed before deploy; an advisory one fails the policy's status (not the gate).
            [" id=\"policy-s3-versioning\"", ["s3-versioning s3-versioning", "remediate", "", "s3-versioning requirement", "", "pass"]],
            [" id=\"policy-general-required-tags\"", ["general-required-tags general-required-tags", "advisory", "", "general-required-tags requirement", "", "fail"]],
            // The rule that could not judge a resource did not fully pass; the others did.
            [" id=\"policy-elasticache-transit-encryption\"", ["elasticache-transit-encryption elasticache-transit-encryption", "mandatory", "", "elasticache-transit-encryption requirement", "", "pass, not full check"]],
            [" id=\"policy-kms-rotation\"", ["kms-rotation kms-rotation", "mandatory", "", "kms-rotation requirement", "", "pass"]],
        ]);
        assert.deepStrictEqual(badges(section(renderHtml(preview({ policyPack: pack(policies.slice(4)), unchecked: [NOT_JUDGED] })), "policies")), ["partial:pass, not full check", "pass:pass"]);
        // A remote component's children were judged by no policy: no policy fully passed.
        assert.deepStrictEqual(table([REMOTE]).body.map((r) => r.cells[5]), ["fail", "waived", "pass, not full check", "fail", "pass, not full check", "pass, not full check"]);
    });

    it("the inventory: every resource but the stack, its kind, parent, protection, status and source line", () => {
        const page = renderHtml(preview({ resources: everything, findings: [finding("rds-storage-encrypted", "mandatory", db), finding("rds-multi-az", "mandatory", app, { waiver: WAIVER })], unchecked: [NOT_JUDGED, ALLOWED_REMOTE, unknownValue(provider, "region")] }));
        const inventory = section(page, "inventory");
        assert.match(inventory, /<details><summary>6 resources<\/summary>/);
        const [table] = tablesOf(inventory);
        assert.deepStrictEqual(table.head, ["Name", "Type", "Kind", "Parent", "Protected", "Status", "Declared at"]);
        assert.deepStrictEqual(table.body.map((r) => r.cells), [
            ["default", "pulumi:providers:aws", "resource", "", "no", "pass", "—"],
            ["app", "platform:app:Service", "component", "demo-production", "no", "waived", "index.ts:7"],
            ["orders-db", "aws:rds/instance:Instance", "resource", "app", "yes", "fail", "index.ts:7"],
            ["sessions", "aws:elasticache/replicationGroup:ReplicationGroup", "resource", "", "no", "pass, not full check", "src\\cache.ts:21"],
            ["api", "awsx:ecs:FargateService", "remote component", "", "no", "pass, not full check", "index.ts:40"],
        ]);
        assert.deepStrictEqual(badges(inventory), ["pass:pass", "waived:waived", "fail:fail", "partial:pass, not full check", "partial:pass, not full check"]);
    });

    it("the controls by framework: named frameworks, controls in numeric order, status from the enforcing policies, evidence and counts", () => {
        const c = (framework: string, control: string) => ({ framework, control });
        const policies = [
            policy("rds-storage-encrypted", "mandatory", { controls: [c("pci-dss-4.0", "3.5.1"), c("soc2", "CC6.1")], scope: { kind: "resources", resources: [db.urn, sessions.urn, stackResource.urn] } }),
            policy("budget-alarm", "mandatory", { controls: [c("pci-dss-4.0", "3.10"), c("cis-aws-3.0", "1.1")], scope: { kind: "stack" } }),
            policy("cost-tags", "mandatory", { controls: [c("pci-dss-4.0", "3.10")], scope: { kind: "stack" } }),
            policy("general-required-tags", "advisory", { controls: [c("pci-dss-4.0", "3.9"), c("gdpr", "art-32")] }),
            policy("kms-rotation", "remediate", { controls: [c("pci-dss-4.0", "3.9"), c("iso-27001", "A.8.24")], scope: { kind: "resources", resources: [db.urn] } }),
            policy("old-rule", "disabled", { controls: [c("soc2", "CC7.2"), c("soc2", "CC8.1")] }),
            policy("tags-advice", "advisory", { controls: [c("soc2", "CC8.1")] }),
            // No scope reported (a pack without not-applicable answers): judged as the whole stack.
            policy("waived-rule", "mandatory", { controls: [c("gdpr", "art-5")] }),
            policy("nothing-here", "mandatory", { controls: [c("gdpr", "art-30")], scope: { kind: "none" } }),
            policy("half-judged", "mandatory", { controls: [c("gdpr", "art-25")], scope: { kind: "resources", resources: [db.urn, "urn:pulumi:production::demo::aws:s3/bucket:Bucket::not-planned"] } }),
            policy("fully-judged", "mandatory", { controls: [c("gdpr", "art-25")], scope: { kind: "resources", resources: [db.urn] } }),
            // Scope empty but a finding on the stack itself: the control is in scope and fails.
            policy("stack-finding", "mandatory", { controls: [c("gdpr", "art-33")], scope: { kind: "resources", resources: [] } }),
            policy("found-anyway", "mandatory", { controls: [c("gdpr", "art-35")], scope: { kind: "resources", resources: [] } }),
        ];
        const onStack: Finding = { ...finding("stack-finding", "mandatory", db), urn: undefined, resourceName: undefined, resourceType: undefined };
        const findings = [finding("rds-storage-encrypted", "mandatory", db), finding("rds-storage-encrypted", "mandatory", app), finding("rds-storage-encrypted", "mandatory", sessions, { waiver: WAIVER }),
            finding("waived-rule", "mandatory", db, { waiver: WAIVER }), onStack, finding("found-anyway", "mandatory", sessions), finding("general-required-tags", "advisory", db), finding("general-required-tags", "advisory", sessions, { waiver: WAIVER })];
        const page = renderHtml(preview({ resources: everything, policyPack: pack(policies), findings, unchecked: [{ ...NOT_JUDGED, policyName: "half-judged" }] }));
        const controls = section(page, "controls");
        assert.ok(seen(controls).startsWith("Controls by framework Each control is judged by its enforcing (mandatory) policies: in scope lists the resources they judged; with nothing in scope it is not applicable. Advisory and inventory policies add notes and never fail a control."));
        assert.deepStrictEqual([...controls.matchAll(/<h3>(.*?) <small>(.*?)<\/small><\/h3>/g)].map((m) => [seen(m[1]), seen(m[2])]), [
            ["CIS AWS Foundations Benchmark v3.0", "1 pass"], ["GDPR", "2 fail · 1 waived · 1 pass, not full check · 1 not applicable · 1 advisory only"], ["iso-27001", "1 pass"],
            ["PCI DSS v4.0", "1 fail · 2 pass"], ["SOC 2 (Trust Services Criteria)", "1 fail · 1 advisory only · 1 disabled"],
        ]);
        const pci = tablesOf(controls)[3];
        assert.deepStrictEqual(pci.head, ["Control", "Status", "Policies", "In scope (evidence)", "Open findings", "Waived", "Advisory notes"]);
        assert.deepStrictEqual(pci.body.map((r) => [r.attrs, r.cells]), [
            [" data-framework=\"pci-dss-4.0\" data-status=\"fail\" data-control=\"3.5.1\"", ["3.5.1", "fail", "rds-storage-encrypted", "3 resources sessions aws:elasticache/replicationGroup:ReplicationGroup orders-db aws:rds/instance:Instance app platform:app:Service", "2", "1", "0"]],
            [" data-framework=\"pci-dss-4.0\" data-status=\"pass\" data-control=\"3.9\"", ["3.9", "pass", "general-required-tags (advisory), kms-rotation", "1 resource orders-db aws:rds/instance:Instance", "0", "0", "1"]],
            [" data-framework=\"pci-dss-4.0\" data-status=\"pass\" data-control=\"3.10\"", ["3.10", "pass", "budget-alarm, cost-tags", "the whole stack (4 resources), judged by stack policies budget-alarm, cost-tags", "0", "0", "0"]],
        ]);
        assert.deepStrictEqual(tablesOf(controls)[0].body[0].cells.slice(1, 4), ["pass", "budget-alarm", "the whole stack (4 resources), judged by stack policy budget-alarm"]);
        assert.deepStrictEqual(tablesOf(controls)[1].body.map((r) => r.cells.slice(0, 4)), [
            ["art-5", "waived", "waived-rule", "the whole stack (4 resources), judged by stack policy waived-rule 1 resource orders-db aws:rds/instance:Instance"],
            ["art-25", "pass, not full check", "half-judged, fully-judged", "1 resource orders-db aws:rds/instance:Instance"],
            ["art-30", "not applicable", "nothing-here", "—"],
            ["art-32", "advisory only", "general-required-tags (advisory)", "—"],
            ["art-33", "fail", "stack-finding", "—"],
            ["art-35", "fail", "found-anyway", "1 resource sessions aws:elasticache/replicationGroup:ReplicationGroup"],
        ]);
        assert.deepStrictEqual(tablesOf(controls)[1].body[3].cells.slice(4), ["0", "0", "1"]);
        assert.deepStrictEqual(tablesOf(controls)[4].body.map((r) => r.cells.slice(0, 3)), [["CC6.1", "fail", "rds-storage-encrypted"], ["CC7.2", "disabled", "old-rule (disabled)"], ["CC8.1", "advisory only", "old-rule (disabled), tags-advice (advisory)"]]);
        assert.deepStrictEqual(tablesOf(controls)[4].body[2].cells.slice(3), ["—", "0", "0", "0"], "an advisory policy that found nothing adds no note");
        // Status in words and colour; the ones no enforcing policy judged in grey.
        assert.deepStrictEqual(badges(controls.slice(controls.indexOf("SOC 2"))), ["fail:fail", "na:disabled", "na:advisory only"]);
        assert.deepStrictEqual(badges(controls.slice(controls.indexOf("GDPR"), controls.indexOf("iso-27001"))), ["waived:waived", "partial:pass, not full check", "na:not applicable", "na:advisory only", "fail:fail", "fail:fail"]);
        assert.ok(controls.includes("<a href=\"#policy-kms-rotation\">kms-rotation</a>"));

        assert.strictEqual(seen(section(renderHtml(preview({ policyPack: pack([policy("p", "mandatory")]) })), "controls")), "Controls by framework The policy pack maps no controls (policy tags of the form framework:control).");
    });
});

describe("preview: Markdown report (the PR comment)", () => {
    const lines = (p: PreviewResult) => renderMarkdown(p).split("\n");

    it("mdText backslash-escapes Markdown punctuation (CommonMark: any ASCII punctuation may be) and keeps one line", () => {
        assert.strictEqual(mdText("\\`*_{}[]<>()#+!|~&"), "\\\\\\`\\*\\_\\{\\}\\[\\]\\<\\>\\(\\)\\#\\+\\!\\|\\~\\&");
        assert.strictEqual(mdText("orders-db v1.0: ok"), "orders-db v1.0: ok");
        assert.strictEqual(mdText("line one\nline two\r\nthree"), "line one line two three");
    });

    it("mdCode fences any text in a code span: a fence longer than any backtick run inside, padded; | escaped for GFM tables", () => {
        assert.strictEqual(mdCode("orders-db"), "`orders-db`");
        // CommonMark: a backtick run inside needs a longer fence; a span starting or ending with a backtick needs a space.
        assert.strictEqual(mdCode("a`b"), "`` a`b ``");
        assert.strictEqual(mdCode("``x`"), "``` ``x` ```");
        // One leading and trailing space is stripped by the reader when both are there: pad so the value keeps its own.
        assert.strictEqual(mdCode(" lead"), "`  lead `");
        assert.strictEqual(mdCode("trail "), "` trail  `");
        assert.strictEqual(mdCode("a|b"), "`a\\|b`");
        assert.strictEqual(mdCode("l1\nl2\r\nl3"), "`l1 l2 l3`");
    });

    it("the verdict first: failed, passed or passed-but-partial, in bold with its mark", () => {
        const failed = preview({ findings: [finding("rds-storage-encrypted", "mandatory", orders)] });
        assert.strictEqual(lines(failed)[2], "❌ **Policy gate failed**: 1 unwaived mandatory finding(s).");
        assert.strictEqual(lines(preview())[2], "✅ **Policy gate passed** (fails on mandatory).");
        assert.strictEqual(lines(preview({ unchecked: [LOOKUP] }))[2], "⚠️ **Policy gate passed** (fails on mandatory), not a full check: 1 data-source lookup without a real answer — see *Not inspected or judged*.");
        assert.strictEqual(lines(preview({ unchecked: [unknownValue(orders, "password")] }))[2], "✅ **Policy gate passed** (fails on mandatory); 1 resource with inputs unknown until deploy, listed under *Not inspected or judged*.");
        assert.strictEqual(lines(preview({ program: { directory: "/p", project: "my_app", stack: "prod*", runtime: "nodejs" } }))[0], "## Preview: my\\_app/prod\\*");
    });

    it("the totals, the pack and its config, what the config relaxed", () => {
        const md = renderMarkdown(preview({
            resources: [orders, sessions, resource("logs", "aws:s3/bucket:Bucket")],
            policyPack: pack([policy("rds-storage-encrypted", "mandatory")], { policies: [LOWERED, RAISED], waivers: [ACTIVE, EXPIRED, REFUSED] }),
            findings: [finding("a", "mandatory", orders), finding("b", "mandatory", sessions), finding("c", "advisory", orders), finding("d", "remediate", orders), finding("e", "mandatory", orders, { waiver: WAIVER })],
            unchecked: [LOOKUP, SECRET],
            allowUninspected: ["awsx:*", "aws:lambda:*"],
        }));
        const body = md.split("\n");
        assert.ok(body.includes("| Resources | Mandatory | Advisory | Remediated | Waived | Not inspected or judged |"));
        assert.strictEqual(body[body.indexOf("|---:|---:|---:|---:|---:|---:|") + 1], "| 3 | 2 | 1 | 1 | 1 | 2 |");
        assert.ok(body.includes("Policy pack `pack@1.0.0`, 1 policies. No policy config for stack \"production\": the pack's defaults apply \\(1 mandatory\\)."));
        assert.ok(body.includes("### Relaxed by policy config: 1 policy disabled or lowered, 1 policy raised or changed, 3 waivers"));
        assert.ok(body.includes("| | Policy | Pack default | In effect | Change |"));
        assert.ok(body.includes("| ⚠️ | `rds-multi-az` | mandatory | advisory | lowered |"));
        assert.ok(body.includes("| ⬆️ | `general-required-tags` | advisory | mandatory | raised |"));
        assert.ok(body.includes("| | Waiver of | Resource | Approver | Ticket | Expires | Reason |"));
        assert.ok(body.includes("| ⏸️ active | `rds-multi-az` | `orders-db` | jane.doe@example.com | COMP-4242 | 2099-03-31 | single-AZ until the region move |"));
        assert.ok(body.includes("| ⌛ expired | `s3-bucket-versioning` | `scratch-*` | sam.lee@example.com | none | 2020-01-31 | scratch data |"));
        assert.ok(body.includes("| ❌ refused: a pattern waiver in production | `rds-storage-encrypted` | `*` | bob@example.com | COMP-1 | 2099-12-31 | all of them |"));
        assert.ok(body.includes("Allowed uninspected: `--allow-uninspected awsx:*`, `--allow-uninspected aws:lambda:*`"));

        const configured = lines(preview({ policyPack: pack([], { policies: [], waivers: [] }, "policies/config/production.json") }));
        assert.ok(configured.includes("Policy pack `pack@1.0.0`, 0 policies. Policy config: policies/config/production.json"));
        assert.ok(configured.includes("### Relaxed by policy config: nothing: every policy at its default level, no waivers"));
        assert.ok(!configured.some((l) => l.includes("| Pack default |") || l.includes("| Waiver of |") || l.startsWith("Allowed uninspected")));
        const none = lines(preview({ policyPack: undefined }));
        assert.ok(none.includes("No policy pack was evaluated."));
        assert.ok(!none.some((l) => l.startsWith("### Relaxed")));
    });

    it("the findings: mark, level or waiver, policy, resource and source line, message; capped at the limit", () => {
        const onStack: Finding = { ...finding("stack-policy", "advisory", orders), urn: undefined, resourceName: undefined, resourceType: undefined, source: undefined, message: "no *budget* alarm" };
        const urnOnly: Finding = { ...finding("rds-storage-encrypted", "mandatory", orders), resourceName: undefined, source: undefined };
        const md = lines(preview({ findings: [finding("rds-storage-encrypted", "mandatory", orders), finding("rds-multi-az", "mandatory", sessions, { waiver: { ...WAIVER, ticket: undefined } }), finding("rds-multi-az", "mandatory", orders, { waiver: WAIVER }), onStack, urnOnly] }));
        assert.ok(md.includes("### Findings (5)"));
        assert.ok(md.includes("| | Level | Policy | Resource | Message |"));
        const rows = md.slice(md.indexOf("| | Level | Policy | Resource | Message |") + 2, md.indexOf("| | Level | Policy | Resource | Message |") + 7);
        assert.deepStrictEqual(rows, [
            "| ❌ | mandatory | `rds-storage-encrypted` | `orders-db` (index.ts:7) | rds-storage-encrypted violated by orders-db |",
            `| ❌ | mandatory | \`rds-storage-encrypted\` | \`${orders.urn}\` | rds-storage-encrypted violated by orders-db |`,
            "| ⚠️ | advisory | `stack-policy` | stack | no \\*budget\\* alarm |",
            "| ⏸️ | waived until 2099-03-31 by jane.doe@example.com (no ticket) | `rds-multi-az` | `sessions` (src\\\\cache.ts:21) | rds-multi-az violated by sessions |",
            "| ⏸️ | waived until 2099-03-31 by jane.doe@example.com (COMP-4242) | `rds-multi-az` | `orders-db` (index.ts:7) | rds-multi-az violated by orders-db |",
        ]);
        // --fail-on advisory: the advisory finding blocks.
        assert.ok(lines(preview({ findings: [onStack] }, "advisory")).includes("| ❌ | advisory | `stack-policy` | stack | no \\*budget\\* alarm |"));
        const many = (n: number) => renderMarkdown(preview({ findings: Array.from({ length: n }, (_, i) => finding(`p${String(i).padStart(2, "0")}`, "mandatory", orders)) }));
        assert.ok(!many(MARKDOWN_FINDINGS_LIMIT).includes("more (see preview.json"), "exactly at the limit: all listed");
        assert.ok(many(MARKDOWN_FINDINGS_LIMIT + 1).includes("\n…and 1 more (see preview.json / preview.html).\n"));
        assert.ok(!renderMarkdown(preview()).includes("### Findings"));
    });

    it("what was not inspected or judged: the phrases, a row each (unknown inputs collapsed), capped at the limit", () => {
        const worker: Unchecked = { ...REMOTE, name: "worker", urn: `${REMOTE.urn}-w` };
        const stackWide: Unchecked = { ...NOT_JUDGED, urn: undefined, name: undefined, type: undefined, source: undefined, policyName: "budget", detail: "stack rule budget stopped" };
        const unchecked = [LOOKUP, ALLOWED_REMOTE, worker, NOT_JUDGED, SECRET, stackWide, unknownValue(orders, "password"), unknownValue(sessions, "authToken")];
        const md = lines(preview({ unchecked }));
        const at = md.indexOf("### Not inspected or judged");
        assert.ok(at > 0);
        assert.strictEqual(md[at + 2], `${mdText(uncheckedPhrases(unchecked).join("; "))}.`);
        assert.deepStrictEqual(md.slice(at + 4, at + 12), [
            "| | Kind | Subject | Detail |", "|---|---|---|---|",
            `| ❌ | remote-component | \`worker\` \`awsx:ecs:FargateService\` (index.ts:40) | ${REMOTE.detail} |`,
            `| ⏸️ | remote-component | \`api\` \`awsx:ecs:FargateService\` (index.ts:40) | ${REMOTE.detail} — allowed by \`--allow-uninspected awsx:*\` |`,
            "| ⚠️ | not-judged `budget` | stack | stack rule budget stopped |",
            `| ⚠️ | not-judged \`elasticache-transit-encryption\` | \`sessions\` \`aws:elasticache/replicationGroup:ReplicationGroup\` (src\\\\cache.ts:21) | ${mdText(NOT_JUDGED.detail)} |`,
            `| ⚠️ | secret-config | \`demo:apiToken\` | ${SECRET.detail} |`,
            `| ⚠️ | unanswered-lookup | \`aws:ec2/getAmi:getAmi\` | ${mdText(LOOKUP.detail)} |`,
        ]);
        const details = md.indexOf("<details><summary>2 resources with inputs unknown until deploy</summary>");
        assert.ok(details > at);
        assert.strictEqual(md[details + 5], "| ⚠️ | unknown-value | `orders-db` `aws:rds/instance:Instance` (index.ts:7) | inputs password are unknown until deploy |");
        assert.strictEqual(md[details + 7], "</details>");

        const onlyUnknown = renderMarkdown(preview({ unchecked: [unknownValue(orders, "password")] }));
        assert.ok(onlyUnknown.includes("<details><summary>1 resource with inputs unknown until deploy</summary>"));
        assert.strictEqual(onlyUnknown.split("| | Kind | Subject | Detail |").length, 2, "one table: the collapsed one");
        assert.ok(!renderMarkdown(preview()).includes("### Not inspected or judged"));
        const lookups = (n: number) => renderMarkdown(preview({ unchecked: Array.from({ length: n }, (_, i) => ({ ...LOOKUP, token: `aws:x/get${String(i).padStart(2, "0")}:get` })) }));
        assert.ok(!lookups(MARKDOWN_UNCHECKED_LIMIT).includes("more (see preview.json"), "exactly at the limit: all listed");
        assert.ok(lookups(MARKDOWN_UNCHECKED_LIMIT + 1).includes("\n…and 1 more (see preview.json / preview.html).\n"));
        assert.strictEqual(lookups(MARKDOWN_UNCHECKED_LIMIT + 1).split("\n").filter((l) => l.startsWith("| ⚠️ | unanswered-lookup")).length, MARKDOWN_UNCHECKED_LIMIT);
        assert.ok(!renderMarkdown(preview({ unchecked: [LOOKUP] })).includes("with inputs unknown until deploy</summary>"));
        assert.ok(renderMarkdown(preview({ unchecked: Array.from({ length: MARKDOWN_UNCHECKED_LIMIT + 2 }, (_, i) => unknownValue({ ...orders, urn: `${orders.urn}${i}` }, "password")) })).includes("\n…and 2 more (see preview.json / preview.html).\n"));
    });

    it("renders as GFM: a blank line before each heading, table and collapsed block; each table's delimiter row matches its header", () => {
        const md = lines(preview({
            resources: [orders, sessions], allowUninspected: ["awsx:*"],
            policyPack: pack([policy("rds-storage-encrypted", "mandatory")], { policies: [LOWERED], waivers: [ACTIVE] }),
            findings: Array.from({ length: MARKDOWN_FINDINGS_LIMIT + 1 }, (_, i) => finding(`p${i}`, "mandatory", orders)),
            unchecked: [LOOKUP, ...Array.from({ length: MARKDOWN_UNCHECKED_LIMIT + 1 }, (_, i) => unknownValue({ ...orders, urn: `${orders.urn}${i}` }, "password"))],
        }));
        const cells = (line: string) => line.split(/(?<!\\)\|/).length - 2;
        md.forEach((line, i) => {
            if (i === 0) return;
            const starts = (l: string | undefined) => l?.startsWith("|") ?? false;
            if (line.startsWith("#") || line.startsWith("<details>") || line.startsWith("…and") || (starts(line) && !starts(md[i - 1]))) assert.strictEqual(md[i - 1], "", `no blank line before line ${i}: ${line}`);
            if (starts(line) && !starts(md[i + 1])) assert.strictEqual(md[i + 1], "", `no blank line after the table at line ${i}`);
            if (starts(line) && !starts(md[i - 1])) {
                assert.match(md[i + 1], /^\|(?:-{3}|-{3}:)(?:\|(?:-{3}|-{3}:))*\|$/, `no delimiter row under ${line}`);
                assert.strictEqual(cells(md[i + 1]), cells(line), line);
            }
        });
        assert.ok(md.some((l) => l.startsWith("### Findings")) && md.some((l) => l.startsWith("…and 1 more")) && md.filter((l) => l === "</details>").length === 3);
    });

    it("the provenance and the inventory, collapsed at the end", () => {
        const full = renderMarkdown(preview({ provenance: {
            commit: "a".repeat(40), commitSource: "git", dirty: true, pack: { name: "pack", version: "1.0.0", contentHash: "b".repeat(64), files: 12 },
            policyConfig: { file: "policies/config/production.json", hash: "c".repeat(64) }, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: RUN_AT,
        } }));
        assert.ok(full.includes(["<details><summary>Provenance</summary>", "", "| | |", "|---|---|",
            `| Commit | \`${"a".repeat(40)}\` (git, uncommitted changes) |`,
            `| Policy pack | \`pack@1.0.0\` \`${"b".repeat(64)}\` (12 files) |`,
            `| Policy config | \`policies/config/production.json\` \`${"c".repeat(64)}\` |`,
            "| Tool | `platform-preview 0.1.0` |", `| Generated | ${RUN_AT} |`, "", "</details>"].join("\n")));
        assert.ok(renderMarkdown(preview({ provenance: { commit: "d".repeat(40), commitSource: "GITHUB_SHA", tool: { name: "t", version: "1" }, generatedAt: RUN_AT } })).includes(`| Commit | \`${"d".repeat(40)}\` (GITHUB_SHA) |`));
        const bare = renderMarkdown(preview());
        assert.ok(bare.includes("| Commit | unknown |\n| Policy pack | none |\n| Policy config | none: the pack's defaults apply |"));
        assert.ok(bare.endsWith("<details><summary>Resource inventory</summary>\n\n| Type | Count |\n|---|---:|\n| `aws:elasticache/replicationGroup:ReplicationGroup` | 1 |\n| `aws:rds/instance:Instance` | 1 |\n\n</details>\n"));
    });
});

describe("preview: terminal report", () => {
    const text = (p: PreviewResult) => renderTerminal(p, { colour: false });
    /** The colour a line is painted in where it shows `what` (the escape code just before it). */
    const NAMES: Record<string, string> = { 31: "red", 33: "yellow", 32: "green", 36: "cyan", 2: "dim", 1: "bold" };
    const colourOf = (painted: string, what: string) => {
        const at = painted.indexOf(what);
        assert.ok(at >= 0, `no ${what}`);
        const code = /\x1b\[(\d+)m$/.exec(painted.slice(0, at))?.[1]; // eslint-disable-line no-control-regex
        return code ? NAMES[code] : "none";
    };

    it("the plan: project and stack, resources counted by type, plan time", () => {
        const out = text(preview({ resources: [orders, sessions, { ...orders, urn: `${orders.urn}2` }] }));
        const [first, blank, heading, ...rest] = out.split("\n");
        assert.deepStrictEqual([first, blank, heading], ["Preview of demo/production — 3 resources, planned in 12 ms", "", "Resources"]);
        assert.deepStrictEqual(rest.slice(0, 3), ["     2  aws:rds/instance:Instance", "     1  aws:elasticache/replicationGroup:ReplicationGroup", ""]);
        assert.ok(out.endsWith(`${verdictLine(preview())}\n`));
    });

    it("the pack, its config and what the config relaxed, each level and each waiver", () => {
        const out = text(preview({ policyPack: pack([policy("a", "mandatory"), policy("b", "advisory")], { policies: [LOWERED, RAISED], waivers: [ACTIVE, REFUSED] }) })).split("\n");
        const at = out.indexOf("Policy pack pack@1.0.0 (2 policies, 34 ms)");
        assert.deepStrictEqual(out.slice(at, at + 7), [
            "Policy pack pack@1.0.0 (2 policies, 34 ms)",
            "  No policy config for stack \"production\": the pack's defaults apply (1 mandatory, 1 advisory).",
            "  Relaxed by policy config: 1 policy disabled or lowered, 1 policy raised or changed, 2 waivers",
            "    level rds-multi-az: mandatory → advisory (lowered)",
            "    level general-required-tags: advisory → mandatory (raised)",
            `    waiver ${waiverText(ACTIVE)}`,
            `    waiver ${waiverText(REFUSED)}`,
        ]);
        assert.ok(out.includes("  No findings."));
        assert.ok(text(preview({ policyPack: pack([], undefined, "policies/config/production.json") })).includes("\n  Policy config: policies/config/production.json\n  Relaxed by policy config: nothing: every policy at its default level, no waivers\n"));
        const none = text(preview({ policyPack: undefined }));
        assert.ok(none.includes("\nNo policy pack: nothing was evaluated.\n"));
        assert.ok(!none.includes("No findings."), "nothing was evaluated, so no claim of no findings");
    });

    it("findings grouped by level (mandatory, advisory, remediated, waived), each with where it was declared and its message", () => {
        const onStack: Finding = { ...finding("stack-policy", "advisory", orders), urn: undefined, resourceName: undefined, resourceType: undefined, source: undefined, message: "no budget alarm\nsecond line" };
        const urnOnly: Finding = { ...finding("rds-storage-encrypted", "mandatory", orders), resourceType: undefined, source: undefined };
        const out = text(preview({ findings: [
            finding("s3-versioning", "remediate", orders), finding("rds-multi-az", "mandatory", sessions, { waiver: { ...WAIVER, ticket: undefined } }), onStack,
            finding("rds-storage-encrypted", "mandatory", orders), urnOnly,
        ] }));
        const body = out.split("\n");
        const at = body.indexOf("  Mandatory (2)");
        assert.deepStrictEqual(body.slice(at, at + 16), [
            "  Mandatory (2)",
            "    rds-storage-encrypted  aws:rds/instance:Instance \"orders-db\" (index.ts:7)",
            "      rds-storage-encrypted violated by orders-db",
            `    rds-storage-encrypted  ${orders.urn}`,
            "      rds-storage-encrypted violated by orders-db",
            "  Advisory (1)",
            "    stack-policy  stack",
            "      no budget alarm",
            "  Remediated (1)",
            "    s3-versioning  aws:rds/instance:Instance \"orders-db\" (index.ts:7)",
            "      s3-versioning violated by orders-db",
            "  Waived (1)",
            "    rds-multi-az  aws:elasticache/replicationGroup:ReplicationGroup \"sessions\" (src\\cache.ts:21)",
            "      rds-multi-az violated by sessions",
            "      waived until 2099-03-31 by jane.doe@example.com (ticket none): single-AZ until the region move",
            "",
        ]);
        assert.ok(!out.includes("No findings."));
        assert.ok(text(preview({ findings: [finding("rds-multi-az", "mandatory", orders, { waiver: WAIVER })] })).includes("      waived until 2099-03-31 by jane.doe@example.com (ticket COMP-4242): single-AZ until the region move\n"));
        assert.ok(!text(preview({ findings: [finding("a", "advisory", orders)] })).includes("Mandatory ("), "empty groups are not shown");
    });

    it("what was not inspected or judged: each item, blocking ones marked, at most five unknown-input resources", () => {
        const worker: Unchecked = { ...REMOTE, name: "worker", urn: `${REMOTE.urn}-w` };
        const unknown = (n: number) => Array.from({ length: n }, (_, i) => unknownValue({ ...orders, name: `db${i}`, urn: `${orders.urn}${i}` }, "password"));
        const out = text(preview({ unchecked: [LOOKUP, ALLOWED_REMOTE, worker, NOT_JUDGED, ...unknown(6)] }));
        const body = out.split("\n");
        const at = body.indexOf("Not inspected or judged (10)");
        assert.strictEqual(body[at - 1], "");
        assert.deepStrictEqual(body.slice(at + 1, at + 10), [
            "    remote-component  awsx:ecs:FargateService \"worker\" (index.ts:40)  (blocks the gate)",
            `      ${REMOTE.detail}`,
            "    remote-component  awsx:ecs:FargateService \"api\" (index.ts:40)",
            `      ${REMOTE.detail}`,
            "      allowed by --allow-uninspected awsx:*",
            "    not-judged elasticache-transit-encryption  aws:elasticache/replicationGroup:ReplicationGroup \"sessions\" (src\\cache.ts:21)",
            `      ${NOT_JUDGED.detail}`,
            "    unanswered-lookup  aws:ec2/getAmi:getAmi",
            `      ${LOOKUP.detail}`,
        ]);
        assert.strictEqual(body.filter((l) => l.startsWith("    unknown-value  ")).length, 5);
        assert.ok(body.includes("    …and 1 more resources with unknown inputs (listed in preview.json, .md and .html)"));
        assert.ok(!text(preview({ unchecked: unknown(5) })).includes("…and"), "exactly five: all shown");
        assert.ok(!text(preview()).includes("Not inspected or judged"));
    });

    it("allowances, the program's and the pack's warnings and errors (not their info), provenance, then the verdict", () => {
        const out = text(preview({
            allowUninspected: ["awsx:*", "aws:lambda:*"],
            diagnostics: [{ source: "program", severity: "error", message: "boom" }, { source: "policy-pack", severity: "warning", message: "careful" }, { source: "program", severity: "info", message: "chatter" }],
        }));
        const body = out.split("\n");
        const at = body.indexOf("Allowed uninspected: --allow-uninspected awsx:*, --allow-uninspected aws:lambda:*");
        assert.ok(at > 0);
        assert.deepStrictEqual(body.slice(at + 1), ["error (program): boom", "warning (policy-pack): careful", "", `Provenance: ${provenanceLine(preview().provenance)}`, verdictLine(preview()), ""]);
        assert.ok(!out.includes("chatter"));
        assert.ok(!text(preview()).includes("Allowed uninspected"));
    });

    it("colours, when asked: red blocks, yellow warns, green passes, dim for context", () => {
        const painted = renderTerminal(preview({
            policyPack: pack([], { policies: [LOWERED, RAISED], waivers: [ACTIVE, REFUSED] }),
            findings: [finding("m-policy", "mandatory", orders), finding("a-policy", "advisory", orders), finding("r-policy", "remediate", orders), finding("w-policy", "mandatory", orders, { waiver: WAIVER })],
            unchecked: [ALLOWED_REMOTE, { ...REMOTE, name: "worker" }, ...Array.from({ length: 6 }, (_, i) => unknownValue({ ...orders, urn: `${orders.urn}${i}` }, "password"))],
            allowUninspected: ["awsx:*"], diagnostics: [{ source: "program", severity: "warning", message: "careful" }],
        }), { colour: true });
        const expected: Array<[string, string]> = [
            ["Preview of demo/production", "bold"], ["Resources", "bold"], ["Policy pack pack@1.0.0", "bold"], ["  No policy config", "yellow"],
            ["  Relaxed by policy config", "yellow"], ["    level rds-multi-az", "yellow"], ["    level general-required-tags", "dim"],
            [`    waiver ${waiverText(ACTIVE)}`, "yellow"], [`    waiver ${waiverText(REFUSED)}`, "red"],
            ["  Mandatory (1)", "red"], ["m-policy", "red"], ["  Advisory (1)", "yellow"], ["a-policy", "yellow"], ["  Remediated (1)", "cyan"], ["r-policy", "cyan"],
            ["  Waived (1)", "dim"], ["w-policy", "dim"], ["      waived until", "dim"],
            ["Not inspected or judged (8)", "bold"], ["  (blocks the gate)", "red"], ["      allowed by", "dim"], ["    …and 1 more", "dim"],
            ["Allowed uninspected", "yellow"], ["warning (program): careful", "yellow"], ["Provenance: ", "dim"], ["Policy gate FAILED", "red"],
        ];
        for (const [what, colour] of expected) assert.strictEqual(colourOf(painted, what), colour, what);
        assert.strictEqual(/\x1b\[(\d+)mremote-component\x1b\[0m {2}awsx:ecs:FargateService "worker"/.exec(painted)?.[1], "31"); // eslint-disable-line no-control-regex
        assert.strictEqual(/\x1b\[(\d+)mremote-component\x1b\[0m {2}awsx:ecs:FargateService "api"/.exec(painted)?.[1], "33"); // eslint-disable-line no-control-regex
        assert.ok(painted.includes("\x1b[1mPreview of demo/production\x1b[0m — "), "reset after each painted part");

        const quiet = renderTerminal(preview({ policyPack: pack([], undefined, "policies/config/production.json") }), { colour: true });
        for (const [what, colour] of [["  Policy config:", "dim"], ["  Relaxed by policy config: nothing", "dim"], ["  No findings.", "green"], ["Policy gate passed", "green"]]) assert.strictEqual(colourOf(quiet, what), colour, what);
        assert.strictEqual(colourOf(renderTerminal(preview({ unchecked: [LOOKUP] }), { colour: true }), "Policy gate passed"), "yellow", "passed, not a full check");
        assert.strictEqual(colourOf(renderTerminal(preview({ policyPack: undefined }), { colour: true }), "No policy pack"), "yellow");
        // Anything relaxed, a waiver alone or a level alone, is never dimmed.
        for (const relaxed of [{ policies: [], waivers: [ACTIVE] }, { policies: [LOWERED], waivers: [] }]) {
            assert.strictEqual(colourOf(renderTerminal(preview({ policyPack: pack([], relaxed) }), { colour: true }), "  Relaxed by policy config"), "yellow");
        }
    });
});
