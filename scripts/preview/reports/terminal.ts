import type { Finding, PreviewResult, Unchecked } from "../model";
import { provenanceLine } from "../provenance";
import { countByType, isPartial, policyConfigNote, relaxedPhrase, relaxedPolicyText, sortFindings, sortUnchecked, uncheckedSubject, verdictLine, waiverText } from "../result";

const COLOURS = { red: "\x1b[31m", yellow: "\x1b[33m", green: "\x1b[32m", cyan: "\x1b[36m", dim: "\x1b[2m", bold: "\x1b[1m", reset: "\x1b[0m" };
type Colour = keyof typeof COLOURS;

/** Unknown-value items shown on the terminal; the rest are counted (every report file lists them all). */
const UNKNOWN_VALUES_SHOWN = 5;

function where(f: Finding): string {
    const resource = f.resourceType ? `${f.resourceType} "${f.resourceName}"` : f.urn ?? "stack";
    return f.source ? `${resource} (${f.source.file}:${f.source.line})` : resource;
}

function uncheckedWhere(u: Unchecked): string {
    return `${uncheckedSubject(u)}${u.source ? ` (${u.source.file}:${u.source.line})` : ""}`;
}

/** The terminal summary: resources by type, findings grouped by enforcement level, what was not checked, the gate verdict. */
export function renderTerminal(result: PreviewResult, options: { colour: boolean }): string {
    const paint = (colour: Colour, text: string) => (options.colour ? `${COLOURS[colour]}${text}${COLOURS.reset}` : text);
    const lines: string[] = [];
    lines.push(paint("bold", `Preview of ${result.program.project}/${result.program.stack}`) + ` — ${result.resources.length} resources, planned in ${result.timings.planMs} ms`);
    lines.push("");
    lines.push(paint("bold", "Resources"));
    for (const { type, count } of countByType(result.resources)) {
        lines.push(`  ${String(count).padStart(4)}  ${type}`);
    }
    lines.push("");
    if (!result.policyPack) {
        lines.push(paint("yellow", "No policy pack: nothing was evaluated."));
    } else {
        lines.push(paint("bold", `Policy pack ${result.policyPack.name}@${result.policyPack.version}`) + ` (${result.policyPack.policies.length} policies, ${result.timings.policyMs} ms)`);
        const note = policyConfigNote(result)!;
        lines.push(result.policyPack.configFile ? paint("dim", `  ${note}`) : paint("yellow", `  ${note}`));
        // What the config relaxed is never hidden: each policy off its default level, each waiver in full.
        const relaxed = result.policyPack.relaxed;
        const nothing = relaxed.policies.length === 0 && relaxed.waivers.length === 0;
        lines.push(paint(nothing ? "dim" : "yellow", `  Relaxed by policy config: ${relaxedPhrase(relaxed)}`));
        for (const p of relaxed.policies) {
            lines.push(paint(p.change === "raised" ? "dim" : "yellow", `    level ${relaxedPolicyText(p)}`));
        }
        for (const w of relaxed.waivers) {
            lines.push(paint(w.status === "refused" ? "red" : "yellow", `    waiver ${waiverText(w)}`));
        }
    }
    const groups: Array<{ title: string; colour: Colour; findings: Finding[] }> = [
        { title: "Mandatory", colour: "red", findings: result.findings.filter((f) => !f.waiver && f.enforcementLevel === "mandatory") },
        { title: "Advisory", colour: "yellow", findings: result.findings.filter((f) => !f.waiver && f.enforcementLevel === "advisory") },
        { title: "Remediated", colour: "cyan", findings: result.findings.filter((f) => !f.waiver && f.enforcementLevel === "remediate") },
        { title: "Waived", colour: "dim", findings: result.findings.filter((f) => f.waiver) },
    ];
    for (const group of groups.filter((g) => g.findings.length > 0)) {
        lines.push(paint(group.colour, `  ${group.title} (${group.findings.length})`));
        for (const f of sortFindings(group.findings)) {
            lines.push(`    ${paint(group.colour, f.policyName)}  ${where(f)}`);
            lines.push(`      ${f.message.split("\n")[0]}`);
            if (f.waiver) {
                lines.push(paint("dim", `      waived until ${f.waiver.expires} by ${f.waiver.approver} (ticket ${f.waiver.ticket ?? "none"}): ${f.waiver.reason}`));
            }
        }
    }
    if (result.policyPack && result.findings.length === 0) {
        lines.push(paint("green", "  No findings."));
    }
    if (result.unchecked.length > 0) {
        lines.push("");
        lines.push(paint("bold", `Not inspected or judged (${result.unchecked.length})`));
        const sorted = sortUnchecked(result.unchecked);
        const unknown = sorted.filter((u) => u.kind === "unknown-value");
        for (const u of [...sorted.filter((x) => x.kind !== "unknown-value"), ...unknown.slice(0, UNKNOWN_VALUES_SHOWN)]) {
            const colour: Colour = u.blocking ? "red" : "yellow";
            lines.push(`    ${paint(colour, u.kind)}${u.policyName ? ` ${u.policyName}` : ""}  ${uncheckedWhere(u)}${u.blocking ? paint("red", "  (blocks the gate)") : ""}`);
            lines.push(`      ${u.detail}`);
            if (u.allowedBy) {
                lines.push(paint("dim", `      allowed by ${u.allowedBy}`));
            }
        }
        if (unknown.length > UNKNOWN_VALUES_SHOWN) {
            lines.push(paint("dim", `    …and ${unknown.length - UNKNOWN_VALUES_SHOWN} more resources with unknown inputs (listed in preview.json, .md and .html)`));
        }
    }
    if (result.allowUninspected.length > 0) {
        lines.push(paint("yellow", `Allowed uninspected: ${result.allowUninspected.map((p) => `--allow-uninspected ${p}`).join(", ")}`));
    }
    for (const d of result.diagnostics.filter((d) => d.severity === "error" || d.severity === "warning")) {
        lines.push(paint("yellow", `${d.severity} (${d.source}): ${d.message}`));
    }
    lines.push("");
    lines.push(paint("dim", `Provenance: ${provenanceLine(result.provenance)}`));
    lines.push(paint(result.gate.passed ? (isPartial(result.unchecked) ? "yellow" : "green") : "red", verdictLine(result)));
    return lines.join("\n") + "\n";
}
