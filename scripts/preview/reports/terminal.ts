import type { Finding, PreviewResult } from "../model";
import { countByType, sortFindings } from "../result";

const COLOURS = { red: "\x1b[31m", yellow: "\x1b[33m", green: "\x1b[32m", cyan: "\x1b[36m", dim: "\x1b[2m", bold: "\x1b[1m", reset: "\x1b[0m" };
type Colour = keyof typeof COLOURS;

function where(f: Finding): string {
    const resource = f.resourceType ? `${f.resourceType} "${f.resourceName}"` : f.urn ?? "stack";
    return f.source ? `${resource} (${f.source.file}:${f.source.line})` : resource;
}

/** The terminal summary: resources by type, findings grouped by enforcement level, the gate verdict. */
export function renderTerminal(result: PreviewResult, options: { colour: boolean }): string {
    const paint = (colour: Colour, text: string) => (options.colour ? `${COLOURS[colour]}${text}${COLOURS.reset}` : text);
    const lines: string[] = [];
    lines.push(paint("bold", `Preview of ${result.program.project}/${result.program.stack}`) + ` — ${result.resources.length} resources, planned in ${result.timings.planMs} ms`);
    lines.push("");
    lines.push(paint("bold", "Resources"));
    for (const { type, count } of countByType(result.resources)) {
        lines.push(`  ${String(count).padStart(4)}  ${type}`);
    }
    const remote = result.resources.filter((r) => r.remote);
    if (remote.length > 0) {
        lines.push(paint("yellow", `  ${remote.length} remote component(s): their children are created by another process and are not in this plan`));
    }
    lines.push("");
    if (!result.policyPack) {
        lines.push(paint("yellow", "No policy pack: nothing was evaluated."));
    } else {
        lines.push(paint("bold", `Policy pack ${result.policyPack.name}@${result.policyPack.version}`) + ` (${result.policyPack.policies.length} policies, ${result.timings.policyMs} ms)`);
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
                    lines.push(paint("dim", `      waived until ${f.waiver.expires} by ${f.waiver.approver}: ${f.waiver.reason}`));
                }
            }
        }
        if (result.findings.length === 0) {
            lines.push(paint("green", "  No findings."));
        }
    }
    for (const d of result.diagnostics.filter((d) => d.severity === "error" || d.severity === "warning")) {
        lines.push(paint("yellow", `${d.severity} (${d.source}): ${d.message}`));
    }
    lines.push("");
    const gate = result.gate;
    lines.push(gate.passed
        ? paint("green", `Policy gate passed (fails on ${gate.failOn}).`)
        : paint("red", `Policy gate FAILED: ${gate.blockingFindings} unwaived ${gate.failOn === "advisory" ? "mandatory or advisory" : "mandatory"} finding(s).`));
    return lines.join("\n") + "\n";
}
