import * as assert from "assert";
import type { Finding, PlannedResource, PreviewResult } from "../../scripts/preview/model";
import { SCHEMA_VERSION } from "../../scripts/preview/model";
import { MARKDOWN_FINDINGS_LIMIT, renderMarkdown } from "../../scripts/preview/reports/markdown";
import { renderTerminal } from "../../scripts/preview/reports/terminal";
import { gateOf } from "../../scripts/preview/result";
import { maskProperties } from "../../scripts/preview/properties";
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
