import * as assert from "assert";
import { XMLParser } from "fast-xml-parser";
import type { ConfiguredWaiver, Finding, PlannedResource, PreviewResult, Unchecked } from "../../scripts/preview/model";
import { SCHEMA_VERSION } from "../../scripts/preview/model";
import { REPORT_FORMATS, type ReportFormat } from "../../scripts/preview/reports";
import { renderTerminal } from "../../scripts/preview/reports/terminal";
import { gateOf, verdictLine } from "../../scripts/preview/result";
import { REPORT_FILES } from "../../scripts/preview/write-reports";

/**
 * The contract every report format keeps, checked for each registered format (scripts/preview/reports/index.ts) and
 * the terminal: its reader learns the verdict, every unchecked item (its resource or lookup and the sentence that
 * says why) and every waiver (approver, ticket, expiry, granted or used). A new format registered without a reader
 * here fails the first test.
 */
const resource = (name: string, type: string): PlannedResource => ({
    urn: `urn:pulumi:production::demo::${type}::${name}`, type, name, custom: true, remote: false, dependencies: [], propertyDependencies: {},
    protect: false, retainOnDelete: false, ignoreChanges: [], inputs: {}, source: { file: "index.ts", line: 7 },
});
const db = resource("orders-db", "aws:rds/instance:Instance");
const cache = resource("sessions-cache", "aws:elasticache/replicationGroup:ReplicationGroup");
const finding = (policyName: string, r: PlannedResource, extra: Partial<Finding> = {}): Finding => ({
    policyName, policyPackName: "pack", policyPackVersion: "1.0.0", enforcementLevel: "mandatory", message: `${policyName} violated by ${r.name}`,
    description: policyName, urn: r.urn, resourceType: r.type, resourceName: r.name, source: r.source, ...extra,
});
const USED: ConfiguredWaiver = { rule: "rds-multi-az", resource: "orders-db", approver: "jane.doe@example.com", ticket: "COMP-4242", expires: "2099-03-31", reason: "single-AZ until the region move", status: "active" };
const UNUSED: ConfiguredWaiver = { rule: "s3-bucket-versioning", resource: "scratch-*", approver: "sam.lee@example.com", ticket: "COMP-5151", expires: "2098-11-30", reason: "scratch data is rebuilt nightly", status: "active" };
const UNCHECKED: Unchecked[] = [
    { kind: "not-judged", urn: cache.urn, type: cache.type, name: cache.name, policyName: "elasticache-transit-encryption", properties: ["transitEncryptionEnabled"], detail: "transitEncryptionEnabled unknown during preview", blocking: false },
    { kind: "unanswered-lookup", token: "aws:ec2/getAmi:getAmi", detail: "no mock answered this lookup; its result is a placeholder", blocking: false },
    { kind: "secret-config", name: "demo:apiToken", detail: "secure value not decrypted offline; what the program built from it is unknown", blocking: false },
];

function result(failed: boolean): PreviewResult {
    const findings = [
        finding("rds-multi-az", db, { waiver: { rule: USED.rule, approver: USED.approver, ticket: USED.ticket, expires: USED.expires, reason: USED.reason } }),
        ...(failed ? [finding("rds-storage-encrypted", db)] : []),
    ];
    return {
        schemaVersion: SCHEMA_VERSION, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: new Date(0).toISOString(),
        program: { directory: "/p", project: "demo", stack: "production", runtime: "nodejs" },
        policyPack: { directory: "/pack", name: "pack", version: "1.0.0", policies: [], relaxed: { policies: [], waivers: [USED, UNUSED] } },
        provenance: { commitSource: "unknown", tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: new Date(0).toISOString() },
        resources: [db, cache], findings, diagnostics: [], unchecked: UNCHECKED, allowUninspected: [],
        gate: gateOf(findings, "mandatory", UNCHECKED), timings: { planMs: 1, policyMs: 1, totalMs: 2 },
    };
}

/** Text as its reader sees it: entities and JSON escapes decoded, Markdown emphasis and code marks dropped. */
function readable(text: string): string {
    return text
        .replace(/&quot;|&#34;|&#x22;/g, "\"").replace(/&#39;|&#x27;|&apos;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&")
        .replace(/\\"/g, "\"").replace(/[*`]/g, "").replace(/\\([|_[\]])/g, "$1");
}

/** How each format's reader learns the verdict; a format needs one here. */
const VERDICT_READERS: Record<string, (text: string) => boolean> = {
    "preview.json": (text) => JSON.parse(text).gate.passed,
    // executionSuccessful says the tool ran, not the verdict (SARIF 2.1.0 §3.20.14): the run's properties carry it.
    "preview.sarif": (text) => verdictIn(JSON.parse(text).runs[0].properties.verdict),
    "preview.junit.xml": (text) => {
        const suites = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" }).parse(text).testsuites;
        return Number(suites.failures) === 0 && Number(suites.errors ?? 0) === 0;
    },
    "preview.md": (text) => verdictIn(readable(text)),
    "preview.html": (text) => verdictIn(readable(/data-testid="gate">([^<]*)</.exec(text)?.[1] ?? "")),
    "terminal": (text) => verdictIn(text),
};

/** The verdict sentence as the human-readable formats print it (case aside: Markdown writes "failed"). */
function verdictIn(text: string): boolean {
    const passed = /Policy gate passed/i.test(text);
    const failed = /Policy gate failed/i.test(text);
    assert.notStrictEqual(passed, failed, `no single verdict in ${text.slice(0, 300)}`);
    return passed;
}

const TERMINAL: ReportFormat = { file: "terminal", readBy: "the person who ran it", render: (r) => renderTerminal(r, { colour: false }) };

describe("report contract: every format tells its reader the verdict, every unchecked item and every waiver", () => {
    it("every registered format is written, once, and has a verdict reader here", () => {
        assert.deepStrictEqual([...REPORT_FILES], REPORT_FORMATS.map((f) => f.file));
        assert.strictEqual(new Set(REPORT_FILES).size, REPORT_FILES.length);
        for (const f of REPORT_FORMATS) {
            assert.match(f.file, /^preview\.[a-z.]+$/);
            assert.ok(VERDICT_READERS[f.file], `no verdict reader for ${f.file}: add one to this test`);
        }
    });

    for (const format of [...REPORT_FORMATS, TERMINAL]) {
        describe(format.file, () => {
            for (const failed of [true, false]) {
                // Rendered inside each test, not in the describe body: per-test coverage then attributes the
                // renderer's code to these tests (code run at load time counts as static and is not mutation-tested).
                const rendered = () => {
                    const r = result(failed);
                    const text = format.render(r);
                    return { r, text, seen: readable(text) };
                };

                it(`says the gate ${failed ? "failed" : "passed"}, as verdictLine does`, () => {
                    const { r, text } = rendered();
                    assert.strictEqual(r.gate.passed, !failed, verdictLine(r));
                    assert.strictEqual(VERDICT_READERS[format.file](text), !failed);
                });

                it(`names every unchecked item and why (${failed ? "failed" : "passed"} gate)`, () => {
                    const { r, seen } = rendered();
                    for (const u of r.unchecked) {
                        assert.ok(seen.includes(u.name ?? u.token ?? ""), `${format.file} does not name ${u.name ?? u.token}`);
                        assert.ok(seen.includes(u.detail), `${format.file} does not say "${u.detail}"`);
                    }
                });

                it(`names every waiver with its approver, ticket and expiry (${failed ? "failed" : "passed"} gate)`, () => {
                    const { seen } = rendered();
                    for (const w of [USED, UNUSED]) {
                        for (const part of [w.approver, w.ticket!, w.expires]) assert.ok(seen.includes(part), `${format.file} does not show ${part} of the ${w.rule} waiver`);
                    }
                });
            }
        });
    }
});
