import type { Finding, PreviewResult } from "../model";
import { countByType, isBlocking, sortFindings } from "../result";

/** Findings listed in the table; the rest are counted ("and N more") so the comment stays short enough for a PR. */
export const MARKDOWN_FINDINGS_LIMIT = 20;

function cell(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

function resourceCell(f: Finding): string {
    const name = f.resourceName ? `\`${cell(f.resourceName)}\`` : f.urn ? `\`${cell(f.urn)}\`` : "stack";
    return f.source ? `${name} (${cell(f.source.file)}:${f.source.line})` : name;
}

/** The PR-comment report: totals, gate verdict, top findings (capped), the inventory collapsed. */
export function renderMarkdown(result: PreviewResult): string {
    const { gate } = result;
    const count = (predicate: (f: Finding) => boolean) => result.findings.filter(predicate).length;
    const lines: string[] = [];
    lines.push(`## Preview: ${result.program.project}/${result.program.stack}`);
    lines.push("");
    lines.push(gate.passed
        ? `✅ **Policy gate passed** (fails on ${gate.failOn})`
        : `❌ **Policy gate failed**: ${gate.blockingFindings} blocking finding(s) (fails on ${gate.failOn})`);
    lines.push("");
    lines.push(`| Resources | Mandatory | Advisory | Remediated | Waived |`);
    lines.push(`|---:|---:|---:|---:|---:|`);
    lines.push(`| ${result.resources.length} | ${count((f) => !f.waiver && f.enforcementLevel === "mandatory")} | ${count((f) => !f.waiver && f.enforcementLevel === "advisory")} | ${count((f) => !f.waiver && f.enforcementLevel === "remediate")} | ${count((f) => !!f.waiver)} |`);
    lines.push("");
    if (result.policyPack) {
        lines.push(`Policy pack \`${result.policyPack.name}@${result.policyPack.version}\`, ${result.policyPack.policies.length} policies.`);
    } else {
        lines.push("No policy pack was evaluated.");
    }
    lines.push("");
    const findings = sortFindings(result.findings);
    if (findings.length > 0) {
        lines.push("| | Level | Policy | Resource | Message |");
        lines.push("|---|---|---|---|---|");
        for (const f of findings.slice(0, MARKDOWN_FINDINGS_LIMIT)) {
            const mark = f.waiver ? "⏸️" : isBlocking(f, gate.failOn) ? "❌" : "⚠️";
            const level = f.waiver ? `waived until ${f.waiver.expires}` : f.enforcementLevel;
            lines.push(`| ${mark} | ${level} | \`${cell(f.policyName)}\` | ${resourceCell(f)} | ${cell(f.message)} |`);
        }
        if (findings.length > MARKDOWN_FINDINGS_LIMIT) {
            lines.push("");
            lines.push(`…and ${findings.length - MARKDOWN_FINDINGS_LIMIT} more (see preview.json / preview.html).`);
        }
        lines.push("");
    }
    lines.push("<details><summary>Resource inventory</summary>");
    lines.push("");
    lines.push("| Type | Count |");
    lines.push("|---|---:|");
    for (const { type, count: n } of countByType(result.resources)) {
        lines.push(`| \`${type}\` | ${n} |`);
    }
    lines.push("");
    lines.push("</details>");
    return lines.join("\n") + "\n";
}
