import type { ReportFormat } from "./format";
import { create } from "xmlbuilder2";
import type { XMLBuilder } from "xmlbuilder2/lib/interfaces";
import type { Finding, PreviewResult, Unchecked } from "../model";
import { relaxedPolicyText, uncheckedSubject, waiverText } from "../result";

/** The suite of the policy config itself: provenance as properties, each relaxed level and each waiver as a case. */
export const POLICY_CONFIG_SUITE = "policy config";

/** The suite of what the preview could not inspect or judge (blocking ones fail, the others are skipped: not run). */
export const UNCHECKED_SUITE = "not inspected or judged";

/**
 * Program text as written: xmlbuilder2 leaves text that already reads as an entity (`&amp;`, `&lt;`) unescaped, so a
 * message quoting `&amp;` would reach CI as `&`. Escaping `&` first makes every entity-like run literal.
 */
function literal(text: string): string {
    return text.replace(/&/g, "&amp;");
}

/** A child element whose attribute values are literal text (numbers as written). */
function ele(parent: XMLBuilder, name: string, attributes: Record<string, string | number | undefined> = {}): XMLBuilder {
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(attributes)) {
        if (value !== undefined) values[key] = typeof value === "string" ? literal(value) : String(value);
    }
    return parent.ele(name, values);
}

type Case = { name: string; status: "failure" | "skipped"; message: string; text: string; source?: { file: string; line: number } };

function uncheckedCases(items: Unchecked[]): Case[] {
    const where = (u: Unchecked) => `${uncheckedSubject(u)}${u.source ? ` (${u.source.file}:${u.source.line})` : ""}`;
    const cases: Case[] = items
        // A blocking remote component already fails as a finding of its pseudo-policy; counted once.
        .filter((u) => u.kind !== "unknown-value" && !(u.kind === "remote-component" && u.blocking))
        .map((u) => ({
            name: `${u.kind}${u.policyName ? ` ${u.policyName}` : ""}: ${where(u)}`,
            status: u.blocking ? "failure" : "skipped",
            message: `${u.detail}${u.allowedBy ? ` (allowed by ${u.allowedBy})` : ""}`,
            text: `${u.urn ?? u.token ?? ""}\n${u.detail}`.trim(),
            source: u.source,
        }));
    const unknown = items.filter((u) => u.kind === "unknown-value");
    if (unknown.length > 0) {
        cases.push({
            name: `unknown-value: ${unknown.length} resource(s) with inputs unknown until deploy`,
            status: "skipped",
            message: `${unknown.length} resource(s) had input values unknown at preview; policies saw them as unknown`,
            text: unknown.map((u) => `${where(u)}: ${(u.properties ?? []).join(", ")}`).join("\n"),
        });
    }
    return cases;
}

/**
 * JUnit XML for CI test tabs: a suite per policy; a passing case when the policy found nothing, otherwise a case per
 * finding — a failure when it blocks the gate (unwaived, at a failing level), skipped when waived, and passing with
 * the message in system-out when advisory only.
 */
export function renderJunit(preview: PreviewResult): string {
    const failing = preview.gate.failOn === "advisory" ? ["mandatory", "advisory"] : ["mandatory"];
    const policies = preview.policyPack?.policies ?? [];
    const names = [...new Set([...policies.map((p) => p.name), ...preview.findings.map((f) => f.policyName)])];
    const byPolicy = new Map<string, Finding[]>(names.map((n) => [n, []]));
    for (const finding of preview.findings) {
        byPolicy.get(finding.policyName)!.push(finding);
    }
    const status = (f: Finding) => (f.waiver ? "skipped" : failing.includes(f.enforcementLevel) ? "failure" : "passed");
    const totals = { tests: 0, failures: 0, skipped: 0 };
    const suites = names.map((name) => {
        const findings = byPolicy.get(name)!;
        const tests = Math.max(findings.length, 1);
        const failures = findings.filter((f) => status(f) === "failure").length;
        const skipped = findings.filter((f) => status(f) === "skipped").length;
        totals.tests += tests;
        totals.failures += failures;
        totals.skipped += skipped;
        return { name, findings, tests, failures, skipped };
    });

    const extra = uncheckedCases(preview.unchecked ?? []);
    const configCases = policyConfigCases(preview);
    totals.tests += configCases.length;
    totals.skipped += configCases.filter((c) => c.status === "skipped").length;
    if (extra.length > 0) {
        totals.tests += extra.length;
        totals.failures += extra.filter((c) => c.status === "failure").length;
        totals.skipped += extra.filter((c) => c.status === "skipped").length;
    }

    const root = ele(create({ version: "1.0", encoding: "UTF-8" }), "testsuites", {
        name: `policy preview ${preview.program.project}/${preview.program.stack}`,
        tests: totals.tests,
        failures: totals.failures,
        errors: 0,
        skipped: totals.skipped,
        time: (preview.timings.totalMs / 1000).toFixed(3),
        timestamp: preview.generatedAt,
    });
    for (const suite of suites) {
        const el = ele(root, "testsuite", {
            name: `${preview.program.stack}: ${suite.name}`,
            tests: suite.tests,
            failures: suite.failures,
            errors: 0,
            skipped: suite.skipped,
            timestamp: preview.generatedAt,
        });
        if (suite.findings.length === 0) {
            ele(el, "testcase", { classname: suite.name, name: "all resources comply" });
            continue;
        }
        for (const finding of suite.findings) {
            const where = finding.source ? ` (${finding.source.file}:${finding.source.line})` : "";
            const tc = ele(el, "testcase", { classname: suite.name, name: `${finding.resourceName ?? "stack"}${where}`, ...(finding.source ? { file: finding.source.file, line: finding.source.line } : {}) });
            const text = `${finding.resourceType ?? ""} ${finding.urn ?? ""}\n${finding.message}`.trim();
            switch (status(finding)) {
                case "failure":
                    ele(tc, "failure", { message: finding.message, type: finding.enforcementLevel }).txt(literal(text));
                    break;
                case "skipped":
                    ele(tc, "skipped", { message: `waived until ${finding.waiver!.expires} by ${finding.waiver!.approver} (ticket ${finding.waiver!.ticket ?? "none"}): ${finding.waiver!.reason}` });
                    break;
                default:
                    ele(tc, "system-out").txt(literal(`${finding.enforcementLevel}: ${text}`));
            }
        }
    }
    if (extra.length > 0) {
        const el = ele(root, "testsuite", {
            name: `${preview.program.stack}: ${UNCHECKED_SUITE}`,
            tests: extra.length,
            failures: extra.filter((c) => c.status === "failure").length,
            errors: 0,
            skipped: extra.filter((c) => c.status === "skipped").length,
            timestamp: preview.generatedAt,
        });
        for (const c of extra) {
            const tc = ele(el, "testcase", { classname: UNCHECKED_SUITE, name: c.name, ...(c.source ? { file: c.source.file, line: c.source.line } : {}) });
            if (c.status === "failure") ele(tc, "failure", { message: c.message, type: "not-judged" }).txt(literal(c.text));
            else ele(tc, "skipped", { message: c.message });
            if (c.status === "skipped" && c.text) ele(tc, "system-out").txt(literal(c.text));
        }
    }
    if (preview.policyPack) {
        const el = ele(root, "testsuite", {
            name: `${preview.program.stack}: ${POLICY_CONFIG_SUITE}`,
            tests: configCases.length,
            failures: 0,
            errors: 0,
            skipped: configCases.filter((c) => c.status === "skipped").length,
            timestamp: preview.generatedAt,
        });
        const props = ele(el, "properties");
        for (const [name, value] of provenanceProperties(preview)) ele(props, "property", { name, value });
        for (const c of configCases) {
            const tc = ele(el, "testcase", { classname: POLICY_CONFIG_SUITE, name: c.name });
            if (c.status === "skipped") ele(tc, "skipped", { message: c.message });
            else ele(tc, "system-out").txt(literal(c.message));
        }
    }
    return root.end({ prettyPrint: true }) + "\n";
}

/** Relaxed levels and waivers are skipped cases (a check the config switched off or exempted); raised levels pass. */
function policyConfigCases(preview: PreviewResult): Array<{ name: string; status: "passed" | "skipped"; message: string }> {
    if (!preview.policyPack) return [];
    const { relaxed } = preview.policyPack;
    const cases = [
        ...relaxed.policies.map((p) => ({ name: `level ${p.name}`, status: p.change === "raised" ? "passed" as const : "skipped" as const, message: `relaxed by policy config: ${relaxedPolicyText(p)}` })),
        ...relaxed.waivers.map((w) => ({ name: `waiver ${w.rule} ${w.resource}`, status: "skipped" as const, message: `waiver: ${waiverText(w)}` })),
    ];
    return cases.length > 0 ? cases : [{ name: "nothing relaxed", status: "passed", message: "every policy at its default level, no waivers" }];
}

function provenanceProperties(preview: PreviewResult): Array<[string, string]> {
    const p = preview.provenance;
    return [
        ["commit", p.commit ?? "unknown"],
        ["commitSource", p.commitSource + (p.dirty ? " (uncommitted changes)" : "")],
        ["policyPack", p.pack ? `${p.pack.name}@${p.pack.version}` : "none"],
        ["policyPackContentHash", p.pack?.contentHash ?? "none"],
        ["policyConfig", p.policyConfig?.file ?? "none"],
        ["policyConfigHash", p.policyConfig?.hash ?? "none"],
        ["tool", `${p.tool.name} ${p.tool.version}`],
        ["generatedAt", p.generatedAt],
    ];
}

export const format: ReportFormat = { file: "preview.junit.xml", readBy: "CI test tabs (JUnit XML)", render: renderJunit };
