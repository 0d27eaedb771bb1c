import { create } from "xmlbuilder2";
import type { Finding, PreviewResult } from "../model";

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

    const root = create({ version: "1.0", encoding: "UTF-8" }).ele("testsuites", {
        name: `policy preview ${preview.program.project}/${preview.program.stack}`,
        tests: totals.tests,
        failures: totals.failures,
        errors: 0,
        skipped: totals.skipped,
        time: (preview.timings.totalMs / 1000).toFixed(3),
        timestamp: preview.generatedAt,
    });
    for (const suite of suites) {
        const el = root.ele("testsuite", {
            name: `${preview.program.stack}: ${suite.name}`,
            tests: suite.tests,
            failures: suite.failures,
            errors: 0,
            skipped: suite.skipped,
            timestamp: preview.generatedAt,
        });
        if (suite.findings.length === 0) {
            el.ele("testcase", { classname: suite.name, name: "all resources comply" });
            continue;
        }
        for (const finding of suite.findings) {
            const where = finding.source ? ` (${finding.source.file}:${finding.source.line})` : "";
            const tc = el.ele("testcase", { classname: suite.name, name: `${finding.resourceName ?? "stack"}${where}`, ...(finding.source ? { file: finding.source.file, line: finding.source.line } : {}) });
            const text = `${finding.resourceType ?? ""} ${finding.urn ?? ""}\n${finding.message}`.trim();
            switch (status(finding)) {
                case "failure":
                    tc.ele("failure", { message: finding.message, type: finding.enforcementLevel }).txt(text);
                    break;
                case "skipped":
                    tc.ele("skipped", { message: `waived until ${finding.waiver!.expires} by ${finding.waiver!.approver}: ${finding.waiver!.reason}` });
                    break;
                default:
                    tc.ele("system-out").txt(`${finding.enforcementLevel}: ${text}`);
            }
        }
    }
    return root.end({ prettyPrint: true }) + "\n";
}
