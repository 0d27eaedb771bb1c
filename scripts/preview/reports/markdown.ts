import type { ReportFormat } from "./format";
import type { Finding, PreviewResult, Unchecked } from "../model";
import { countByType, isBlocking, isPartial, policyConfigNote, relaxedPhrase, sortFindings, sortUnchecked, uncheckedPhrases, verdictLine } from "../result";

/** Findings listed in the table; the rest are counted ("and N more") so the comment stays short enough for a PR. */
export const MARKDOWN_FINDINGS_LIMIT = 20;
/** Unchecked items listed (unknown values are collapsed); the rest are counted. */
export const MARKDOWN_UNCHECKED_LIMIT = 50;

/**
 * Every value from the program, the pack or the config placed in the Markdown goes through one of these two: the PR
 * comment must render what the values are, whatever characters they hold (a backtick in a resource name used to end its
 * code span, a `|` to split a table cell).
 */
/** Plain text: Markdown punctuation backslash-escaped (CommonMark allows it before any ASCII punctuation), one line. */
export function mdText(value: string): string {
    return value.replace(/\r?\n/g, " ").replace(/[\\`*_{}[\]<>()#+!|~&]/g, "\\$&");
}

/** A code span that holds any text: a backtick fence longer than any run inside; `|` escaped for GFM tables. */
export function mdCode(value: string): string {
    const text = value.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
    const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const fence = "`".repeat(longest + 1);
    const pad = longest > 0 || text.startsWith(" ") || text.endsWith(" ") ? " " : "";
    return `${fence}${pad}${text}${pad}${fence}`;
}

function location(source: { file: string; line: number } | undefined): string {
    return source ? ` (${mdText(source.file)}:${source.line})` : "";
}

function resourceCell(f: Finding): string {
    const name = f.resourceName ? mdCode(f.resourceName) : f.urn ? mdCode(f.urn) : "stack";
    return `${name}${location(f.source)}`;
}

function uncheckedRow(u: Unchecked): string {
    const mark = u.blocking ? "❌" : u.allowedBy ? "⏸️" : "⚠️";
    const subject = u.token ? mdCode(u.token) : u.name ? `${mdCode(u.name)}${u.type ? ` ${mdCode(u.type)}` : ""}` : "stack";
    const detail = `${mdText(u.detail)}${u.allowedBy ? ` — allowed by ${mdCode(u.allowedBy)}` : ""}`;
    return `| ${mark} | ${u.kind}${u.policyName ? ` ${mdCode(u.policyName)}` : ""} | ${subject}${location(u.source)} | ${detail} |`;
}

/** The PR-comment report: totals, gate verdict, top findings (capped), what was not checked, the inventory collapsed. */
export function renderMarkdown(result: PreviewResult): string {
    const { gate } = result;
    const count = (predicate: (f: Finding) => boolean) => result.findings.filter(predicate).length;
    const lines: string[] = [];
    lines.push(`## Preview: ${mdText(result.program.project)}/${mdText(result.program.stack)}`);
    lines.push("");
    const verdict = verdictLine(result).replace(/^Policy gate (passed|FAILED)/, (_, word: string) => `**Policy gate ${word === "passed" ? "passed" : "failed"}**`);
    lines.push(gate.passed ? `${isPartial(result.unchecked) ? "⚠️" : "✅"} ${mdVerdict(verdict)}` : `❌ ${mdVerdict(verdict)}`);
    lines.push("");
    lines.push(`| Resources | Mandatory | Advisory | Remediated | Waived | Not inspected or judged |`);
    lines.push(`|---:|---:|---:|---:|---:|---:|`);
    lines.push(`| ${result.resources.length} | ${count((f) => !f.waiver && f.enforcementLevel === "mandatory")} | ${count((f) => !f.waiver && f.enforcementLevel === "advisory")} | ${count((f) => !f.waiver && f.enforcementLevel === "remediate")} | ${count((f) => !!f.waiver)} | ${result.unchecked.length} |`);
    lines.push("");
    if (result.policyPack) {
        lines.push(`Policy pack ${mdCode(`${result.policyPack.name}@${result.policyPack.version}`)}, ${result.policyPack.policies.length} policies. ${mdText(policyConfigNote(result)!)}`);
    } else {
        lines.push("No policy pack was evaluated.");
    }
    if (result.policyPack) {
        const { relaxed } = result.policyPack;
        lines.push("");
        lines.push(`### Relaxed by policy config: ${mdText(relaxedPhrase(relaxed))}`);
        if (relaxed.policies.length > 0) {
            lines.push("");
            lines.push("| | Policy | Pack default | In effect | Change |");
            lines.push("|---|---|---|---|---|");
            for (const p of relaxed.policies) {
                lines.push(`| ${p.change === "raised" ? "⬆️" : "⚠️"} | ${mdCode(p.name)} | ${p.defaultLevel} | ${p.level} | ${p.change} |`);
            }
        }
        if (relaxed.waivers.length > 0) {
            lines.push("");
            lines.push("| | Waiver of | Resource | Approver | Ticket | Expires | Reason |");
            lines.push("|---|---|---|---|---|---|---|");
            for (const w of relaxed.waivers) {
                const mark = w.status === "refused" ? `❌ refused: ${mdText(w.problem ?? "")}` : w.status === "expired" ? "⌛ expired" : "⏸️ active";
                lines.push(`| ${mark} | ${mdCode(w.rule)} | ${mdCode(w.resource)} | ${mdText(w.approver)} | ${w.ticket ? mdText(w.ticket) : "none"} | ${mdText(w.expires)} | ${mdText(w.reason)} |`);
            }
        }
    }
    if (result.allowUninspected.length > 0) {
        lines.push("");
        lines.push(`Allowed uninspected: ${result.allowUninspected.map((p) => mdCode(`--allow-uninspected ${p}`)).join(", ")}`);
    }
    lines.push("");
    const findings = sortFindings(result.findings);
    if (findings.length > 0) {
        lines.push(`### Findings (${findings.length})`);
        lines.push("");
        lines.push("| | Level | Policy | Resource | Message |");
        lines.push("|---|---|---|---|---|");
        for (const f of findings.slice(0, MARKDOWN_FINDINGS_LIMIT)) {
            const mark = f.waiver ? "⏸️" : isBlocking(f, gate.failOn) ? "❌" : "⚠️";
            const level = f.waiver ? `waived until ${mdText(f.waiver.expires)} by ${mdText(f.waiver.approver)} (${f.waiver.ticket ? mdText(f.waiver.ticket) : "no ticket"})` : f.enforcementLevel;
            lines.push(`| ${mark} | ${level} | ${mdCode(f.policyName)} | ${resourceCell(f)} | ${mdText(f.message)} |`);
        }
        if (findings.length > MARKDOWN_FINDINGS_LIMIT) {
            lines.push("");
            lines.push(`…and ${findings.length - MARKDOWN_FINDINGS_LIMIT} more (see preview.json / preview.html).`);
        }
        lines.push("");
    }
    if (result.unchecked.length > 0) {
        const sorted = sortUnchecked(result.unchecked);
        const main = sorted.filter((u) => u.kind !== "unknown-value");
        const unknown = sorted.filter((u) => u.kind === "unknown-value");
        lines.push(`### Not inspected or judged`);
        lines.push("");
        lines.push(mdText(uncheckedPhrases(result.unchecked).join("; ")) + ".");
        lines.push("");
        const table = (items: Unchecked[]) => {
            lines.push("| | Kind | Subject | Detail |");
            lines.push("|---|---|---|---|");
            for (const u of items.slice(0, MARKDOWN_UNCHECKED_LIMIT)) lines.push(uncheckedRow(u));
            if (items.length > MARKDOWN_UNCHECKED_LIMIT) {
                lines.push("");
                lines.push(`…and ${items.length - MARKDOWN_UNCHECKED_LIMIT} more (see preview.json / preview.html).`);
            }
            lines.push("");
        };
        if (main.length > 0) table(main);
        if (unknown.length > 0) {
            lines.push(`<details><summary>${unknown.length} resource${unknown.length === 1 ? "" : "s"} with inputs unknown until deploy</summary>`);
            lines.push("");
            table(unknown);
            lines.push("</details>");
            lines.push("");
        }
    }
    lines.push(provenanceTable(result));
    lines.push("");
    lines.push("<details><summary>Resource inventory</summary>");
    lines.push("");
    lines.push("| Type | Count |");
    lines.push("|---|---:|");
    for (const { type, count: n } of countByType(result.resources)) {
        lines.push(`| ${mdCode(type)} | ${n} |`);
    }
    lines.push("");
    lines.push("</details>");
    return lines.join("\n") + "\n";
}

/** The verdict sentence is ours (no program values) except quoted section names: keep its bold, escape the rest. */
function mdVerdict(verdict: string): string {
    return verdict.replace(/"Not inspected or judged"/, "*Not inspected or judged*");
}

/** Which commit, pack, config and tool produced this verdict, and when. */
function provenanceTable(result: PreviewResult): string {
    const p = result.provenance;
    const rows = [
        ["Commit", p.commit ? `${mdCode(p.commit)} (${p.commitSource}${p.dirty ? ", uncommitted changes" : ""})` : "unknown"],
        ["Policy pack", p.pack ? `${mdCode(`${p.pack.name}@${p.pack.version}`)} ${mdCode(p.pack.contentHash)} (${p.pack.files} files)` : "none"],
        ["Policy config", p.policyConfig ? `${mdCode(p.policyConfig.file)} ${mdCode(p.policyConfig.hash)}` : "none: the pack's defaults apply"],
        ["Tool", mdCode(`${p.tool.name} ${p.tool.version}`)],
        ["Generated", mdText(p.generatedAt)],
    ];
    return ["<details><summary>Provenance</summary>", "", "| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`), "", "</details>"].join("\n");
}

export const format: ReportFormat = { file: "preview.md", readBy: "pull-request comments and job summaries", render: renderMarkdown };
