import type { ReportFormat } from "./format";
import { escapeXml as esc, renderDiagram } from "../diagram";
import type { Finding, PlannedResource, PolicySummary, PreviewResult, Unchecked } from "../model";
import { isPartial, policyConfigNote, relaxedPhrase, sortUnchecked, uncheckedPhrases, uncheckedSubject, verdictLine } from "../result";

/**
 * The compliance reviewer's report: one self-contained page (inline CSS and SVG, no script, no external request)
 * with the verdict, counts, controls by framework (pass / fail / waived), evidence per resource, the inventory and
 * an architecture diagram. Status is always written as text as well as colour.
 */
type Status = "fail" | "waived" | "partial" | "pass";

const FRAMEWORK_NAMES: Record<string, string> = {
    "pci-dss-4.0": "PCI DSS v4.0",
    soc2: "SOC 2 (Trust Services Criteria)",
    "cis-aws-3.0": "CIS AWS Foundations Benchmark v3.0",
    gdpr: "GDPR",
};

const COUNTING = new Set(["mandatory", "advisory"]);

/** `incomplete`: something under this status was not inspected or judged, so "pass" would claim too much. */
function statusOf(findings: Finding[], incomplete = false): Status {
    if (findings.some((f) => !f.waiver && COUNTING.has(f.enforcementLevel))) return "fail";
    if (findings.some((f) => f.waiver)) return "waived";
    return incomplete ? "partial" : "pass";
}

const STATUS_LABEL: Record<string, string> = { partial: "pass, not full check" };

function badge(status: Status | string, label = STATUS_LABEL[status] ?? status): string {
    return `<span class="badge ${esc(status)}">${esc(label)}</span>`;
}

function sourceText(source: { file: string; line: number } | undefined): string {
    return source ? `${esc(source.file)}:${source.line}` : "—";
}

const ENFORCING = new Set(["mandatory", "remediate"]);
type ControlStatus = Status | "not applicable" | "advisory only" | "disabled";

/**
 * A control as a reviewer signs it: judged by the enforcing (mandatory or remediate) policies mapped to it — advisory
 * and inventory policies add notes, never a failure. In scope: the resources those policies judged (listed as
 * evidence); nothing in scope: not applicable. Then fail (an unwaived finding), waived, or pass.
 */
function controlStatus(mapped: PolicySummary[], findingsByPolicy: Map<string, Finding[]>, incomplete: (policy: string) => boolean): { status: ControlStatus; scope: string[]; stackWide: string[]; enforcing: PolicySummary[]; advisory: Finding[] } {
    const enforcing = mapped.filter((p) => ENFORCING.has(p.enforcementLevel));
    const advisory = mapped.filter((p) => p.enforcementLevel === "advisory").flatMap((p) => (findingsByPolicy.get(p.name) ?? []).filter((f) => !f.waiver));
    if (enforcing.length === 0) {
        return { status: mapped.some((p) => p.enforcementLevel === "advisory") ? "advisory only" : "disabled", scope: [], stackWide: [], enforcing, advisory };
    }
    const scope = new Set<string>();
    // Stack policies judge the stack as a whole: named as such, not padded out to every resource.
    const stackWide = enforcing.filter((p) => (p.scope ?? { kind: "stack" }).kind === "stack").map((p) => p.name);
    for (const p of enforcing) {
        if (p.scope?.kind === "resources") p.scope.resources.forEach((u) => scope.add(u));
    }
    // Findings count even where scope is unknown (a pack that reports no not-applicable answers).
    const findings = enforcing.flatMap((p) => findingsByPolicy.get(p.name) ?? []);
    findings.forEach((f) => f.urn && scope.add(f.urn));
    if (scope.size === 0 && stackWide.length === 0 && findings.length === 0) return { status: "not applicable", scope: [], stackWide, enforcing, advisory };
    return { status: statusOf(findings, enforcing.some((p) => incomplete(p.name))), scope: [...scope], stackWide, enforcing, advisory };
}

function controlsSection(policies: PolicySummary[], findingsByPolicy: Map<string, Finding[]>, incomplete: (policy: string) => boolean, resources: PlannedResource[]): string {
    const frameworks = new Map<string, Map<string, PolicySummary[]>>();
    for (const policy of policies) {
        for (const { framework, control } of policy.controls) {
            const controls = frameworks.get(framework) ?? new Map<string, PolicySummary[]>();
            controls.set(control, [...(controls.get(control) ?? []), policy]);
            frameworks.set(framework, controls);
        }
    }
    if (frameworks.size === 0) {
        return `<p>The policy pack maps no controls (policy tags of the form <code>framework:control</code>).</p>`;
    }
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const judged = resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type.startsWith("pulumi:providers:")).length;
    const evidence = (urns: string[], stackWide: string[]) => {
        const whole = stackWide.length > 0 ? `<div>the whole stack (${judged} resources), judged by stack polic${stackWide.length === 1 ? "y" : "ies"} ${stackWide.map(esc).join(", ")}</div>` : "";
        return whole + resourceList(urns, whole !== "");
    };
    const resourceList = (urns: string[], optional: boolean) => {
        const names = urns.filter((u) => byUrn.get(u)?.type !== "pulumi:pulumi:Stack").map((u) => byUrn.get(u)).filter((r): r is PlannedResource => !!r)
            .sort((a, b) => a.type.localeCompare(b.type) || a.name.localeCompare(b.name));
        if (names.length === 0) return optional ? "" : "—";
        const list = names.map((r) => `<li>${esc(r.name)} <span class="type">${esc(r.type)}</span></li>`).join("");
        return `<details class="evidence"><summary>${names.length} resource${names.length === 1 ? "" : "s"}</summary><ul>${list}</ul></details>`;
    };
    return `<p>Each control is judged by its enforcing (mandatory) policies: <strong>in scope</strong> lists the resources they judged; with nothing in scope it is <strong>not applicable</strong>. Advisory and inventory policies add notes and never fail a control.</p>`
        + [...frameworks].sort(([a], [b]) => a.localeCompare(b)).map(([framework, controls]) => {
            const results = [...controls].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true })).map(([control, mapped]) => ({ control, mapped, ...controlStatus(mapped, findingsByPolicy, incomplete) }));
            const rows = results.map(({ control, mapped, status, scope, stackWide, enforcing, advisory }) => {
                const findings = enforcing.flatMap((p) => findingsByPolicy.get(p.name) ?? []);
                const open = findings.filter((f) => !f.waiver && COUNTING.has(f.enforcementLevel)).length;
                const waived = findings.filter((f) => f.waiver).length;
                const badgeClass = status === "not applicable" || status === "advisory only" || status === "disabled" ? "na" : status;
                return `<tr data-framework="${esc(framework)}" data-status="${esc(status)}" data-control="${esc(control)}"><th scope="row">${esc(control)}</th><td>${badge(badgeClass, STATUS_LABEL[status] ?? status)}</td>`
                    + `<td>${mapped.map((p) => `<a href="#policy-${esc(p.name)}">${esc(p.name)}</a>${ENFORCING.has(p.enforcementLevel) ? "" : ` <span class="type">(${esc(p.enforcementLevel)})</span>`}`).join(", ")}</td>`
                    + `<td data-testid="scope">${evidence(scope, stackWide)}</td><td class="num">${open}</td><td class="num">${waived}</td><td class="num">${advisory.length}</td></tr>`;
            });
            const order: ControlStatus[] = ["fail", "waived", "partial", "pass", "not applicable", "advisory only", "disabled"];
            const summary = order.filter((st) => results.some((r) => r.status === st)).map((st) => `${results.filter((r) => r.status === st).length} ${STATUS_LABEL[st] ?? st}`).join(" · ");
            return `<section class="framework"><h3>${esc(FRAMEWORK_NAMES[framework] ?? framework)} <small>${summary}</small></h3>`
                + `<table><thead><tr><th scope="col">Control</th><th scope="col">Status</th><th scope="col">Policies</th><th scope="col">In scope (evidence)</th><th scope="col">Open findings</th><th scope="col">Waived</th><th scope="col">Advisory notes</th></tr></thead><tbody>${rows.join("")}</tbody></table></section>`;
        }).join("");
}

function findingRow(f: Finding): string {
    const status = f.waiver ? "waived" : f.enforcementLevel;
    const waiver = f.waiver ? `<div class="waiver">Waived until ${esc(f.waiver.expires)} by ${esc(f.waiver.approver)} (ticket ${esc(f.waiver.ticket ?? "none")}): ${esc(f.waiver.reason)}</div>` : "";
    return `<tr data-level="${esc(status)}"><td>${badge(status)}</td><td><a href="#policy-${esc(f.policyName)}">${esc(f.policyName)}</a></td>`
        + `<td>${esc(f.resourceName ?? "(stack)")}<div class="type">${esc(f.resourceType ?? "")}</div></td><td>${esc(f.message)}${waiver}</td><td><code>${sourceText(f.source)}</code></td></tr>`;
}

function evidenceSection(resources: PlannedResource[], findings: Finding[], unchecked: Unchecked[]): string {
    const byUrn = new Map<string, Finding[]>();
    for (const f of findings) {
        byUrn.set(f.urn ?? "", [...(byUrn.get(f.urn ?? "") ?? []), f]);
    }
    const withFindings = [...byUrn.keys()];
    if (withFindings.length === 0) {
        return unchecked.length === 0
            ? `<p>No resource has a finding: every evaluated policy passed for all ${resources.filter((r) => r.custom).length} resources.</p>`
            : `<p>No resource has a finding among what was inspected and judged; see <a href="#unchecked">Not inspected or judged</a> for the rest.</p>`;
    }
    return `<table><thead><tr><th scope="col">Level</th><th scope="col">Policy</th><th scope="col">Resource</th><th scope="col">Finding</th><th scope="col">Declared at</th></tr></thead><tbody>`
        + findings.map(findingRow).join("") + `</tbody></table>`;
}

function inventorySection(resources: PlannedResource[], findings: Finding[], unchecked: Unchecked[]): string {
    const flagged = new Map<string, Status>();
    const partial = new Set(unchecked.filter((u) => u.kind === "remote-component" || u.kind === "not-judged").map((u) => u.urn));
    for (const r of resources) {
        flagged.set(r.urn, statusOf(findings.filter((f) => f.urn === r.urn), partial.has(r.urn)));
    }
    const rows = resources.filter((r) => r.type !== "pulumi:pulumi:Stack").map((r) => {
        const parent = r.parent ? r.parent.split("::").pop() : "";
        const kind = r.remote ? "remote component" : r.custom ? "resource" : "component";
        return `<tr><td>${esc(r.name)}</td><td><code>${esc(r.type)}</code></td><td>${kind}</td><td>${esc(parent ?? "")}</td><td>${r.protect ? "yes" : "no"}</td><td>${badge(flagged.get(r.urn)!)}</td><td><code>${sourceText(r.source)}</code></td></tr>`;
    });
    return `<details><summary>${resources.length} resources</summary><table><thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">Kind</th><th scope="col">Parent</th><th scope="col">Protected</th><th scope="col">Status</th><th scope="col">Declared at</th></tr></thead><tbody>${rows.join("")}</tbody></table></details>`;
}

function uncheckedRow(u: Unchecked): string {
    const status = u.blocking ? "fail" : u.allowedBy ? "waived" : "advisory";
    const label = u.blocking ? "blocks gate" : u.allowedBy ? "allowed" : "not judged";
    return `<tr data-kind="${esc(u.kind)}" data-blocking="${u.blocking}"><td>${badge(status, label)}</td><td>${esc(u.kind)}${u.policyName ? `<div class="type">${esc(u.policyName)}</div>` : ""}</td>`
        + `<td>${esc(uncheckedSubject(u))}${u.properties?.length ? `<div class="type">${esc(u.properties.join(", "))}</div>` : ""}</td>`
        + `<td>${esc(u.detail)}${u.allowedBy ? `<div class="waiver">Allowed by <code>${esc(u.allowedBy)}</code></div>` : ""}</td><td><code>${sourceText(u.source)}</code></td></tr>`;
}

function uncheckedSection(preview: PreviewResult): string {
    const items = sortUnchecked(preview.unchecked ?? []);
    const allowance = preview.allowUninspected.length > 0
        ? `<p>Allowed uninspected: ${preview.allowUninspected.map((p) => `<code>--allow-uninspected ${esc(p)}</code>`).join(", ")}</p>` : "";
    if (items.length === 0) {
        return `${allowance}<p>Nothing: every resource was planned with known inputs and every rule reached a verdict.</p>`;
    }
    const head = `<thead><tr><th scope="col">Status</th><th scope="col">Kind</th><th scope="col">Subject</th><th scope="col">Detail</th><th scope="col">Declared at</th></tr></thead>`;
    const main = items.filter((u) => u.kind !== "unknown-value");
    const unknown = items.filter((u) => u.kind === "unknown-value");
    return `${allowance}<p>${esc(uncheckedPhrases(items).join("; "))}.</p>`
        + (main.length ? `<table data-testid="unchecked">${head}<tbody>${main.map(uncheckedRow).join("")}</tbody></table>` : "")
        + (unknown.length ? `<details><summary>${unknown.length} resource${unknown.length === 1 ? "" : "s"} with inputs unknown until deploy</summary><table>${head}<tbody>${unknown.map(uncheckedRow).join("")}</tbody></table></details>` : "");
}

function policiesSection(policies: PolicySummary[], findingsByPolicy: Map<string, Finding[]>, incomplete: (policy: string) => boolean): string {
    const rows = policies.map((p) => {
        const findings = findingsByPolicy.get(p.name) ?? [];
        return `<tr id="policy-${esc(p.name)}"><td><strong>${esc(p.displayName || p.name)}</strong><div class="type">${esc(p.name)}</div></td><td>${esc(p.enforcementLevel)}</td><td>${esc(p.severity ?? "")}</td>`
            + `<td>${esc(p.description)}${p.remediationSteps ? `<div class="remedy">Remediation: ${esc(p.remediationSteps)}</div>` : ""}</td><td>${p.controls.map((c) => `<code>${esc(c.framework)}:${esc(c.control)}</code>`).join(" ")}</td><td>${badge(statusOf(findings, incomplete(p.name)))}</td></tr>`;
    });
    return `<table><thead><tr><th scope="col">Policy</th><th scope="col">Level</th><th scope="col">Severity</th><th scope="col">Requirement</th><th scope="col">Controls</th><th scope="col">Status</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function relaxedSection(preview: PreviewResult): string {
    const relaxed = preview.policyPack?.relaxed;
    if (!relaxed) return `<p>No policy pack was evaluated.</p>`;
    const summary = `<p data-testid="relaxed-summary">${esc(relaxedPhrase(relaxed))}.</p>`;
    const levels = relaxed.policies.length === 0 ? "" : `<table data-testid="relaxed-policies"><thead><tr><th scope="col">Policy</th><th scope="col">Pack default</th><th scope="col">In effect</th><th scope="col">Change</th></tr></thead><tbody>`
        + relaxed.policies.map((p) => `<tr data-policy="${esc(p.name)}" data-change="${esc(p.change)}"><td><a href="#policy-${esc(p.name)}">${esc(p.name)}</a></td><td>${esc(p.defaultLevel)}</td><td>${badge(p.level)}</td><td>${esc(p.change)}</td></tr>`).join("")
        + `</tbody></table>`;
    const waivers = relaxed.waivers.length === 0 ? "<p>No waivers.</p>" : `<table data-testid="waivers"><thead><tr><th scope="col">Status</th><th scope="col">Waiver of</th><th scope="col">Resource</th><th scope="col">Approver</th><th scope="col">Ticket</th><th scope="col">Expires</th><th scope="col">Reason</th></tr></thead><tbody>`
        + relaxed.waivers.map((w) => `<tr data-waiver-status="${esc(w.status)}"><td>${badge(w.status === "refused" ? "fail" : w.status === "expired" ? "advisory" : "waived", w.status)}${w.problem ? `<div class="waiver">${esc(w.problem)}</div>` : ""}</td>`
            + `<td>${esc(w.rule)}</td><td><code>${esc(w.resource)}</code></td><td>${esc(w.approver)}</td><td>${esc(w.ticket ?? "none")}</td><td>${esc(w.expires)}</td><td>${esc(w.reason)}</td></tr>`).join("")
        + `</tbody></table>`;
    return summary + levels + waivers;
}

function provenanceSection(preview: PreviewResult): string {
    const p = preview.provenance;
    const rows: Array<[string, string, string]> = [
        ["commit", "Commit", p.commit ? `<code>${esc(p.commit)}</code> (${esc(p.commitSource)}${p.dirty ? ", uncommitted changes" : ""})` : "unknown"],
        ["pack", "Policy pack", p.pack ? `${esc(p.pack.name)} ${esc(p.pack.version)} · <code>${esc(p.pack.contentHash)}</code> (${p.pack.files} files)` : "none"],
        ["config", "Policy config", p.policyConfig ? `${esc(p.policyConfig.file)} · <code>${esc(p.policyConfig.hash)}</code>` : "none: the pack's defaults apply"],
        ["tool", "Tool", `${esc(p.tool.name)} ${esc(p.tool.version)}`],
        ["time", "Generated", esc(p.generatedAt)],
    ];
    return `<dl class="provenance">${rows.map(([id, k, v]) => `<dt>${k}</dt><dd data-testid="provenance-${id}">${v}</dd>`).join("")}</dl>`;
}

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#0f172a;background:#f8fafc}
header{background:#0f172a;color:#f8fafc;padding:20px 32px}header h1{margin:0 0 4px;font-size:22px}header p{margin:0;color:#cbd5e1}
main{padding:20px 32px;max-width:1240px}h2{margin-top:32px;border-bottom:2px solid #e2e8f0;padding-bottom:4px}h3 small{font-weight:400;color:#475569;font-size:13px;margin-left:8px}
.verdict{display:inline-block;margin-top:10px;padding:6px 12px;border-radius:6px;font-weight:700}.verdict.passed{background:#16a34a}.verdict.failed{background:#dc2626}.verdict.partial{background:#b45309}header p.config{margin-top:8px}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:12px 16px;min-width:130px}
.card .n{font-size:26px;font-weight:700;display:block}.card .l{color:#475569}
table{border-collapse:collapse;width:100%;background:#fff;margin:8px 0}th,td{border:1px solid #e2e8f0;padding:6px 8px;text-align:left;vertical-align:top}
thead th{background:#f1f5f9}td.num{text-align:right}.type{color:#64748b;font-size:12px}.remedy,.waiver{color:#334155;font-size:12px;margin-top:4px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:600;border:1px solid transparent}
.badge.pass{background:#dcfce7;color:#14532d}.badge.partial{background:#ffedd5;color:#7c2d12}.badge.fail,.badge.mandatory{background:#fee2e2;color:#7f1d1d}.badge.waived{background:#e0e7ff;color:#312e81}
.badge.advisory{background:#fef3c7;color:#78350f}.badge.na{background:#f1f5f9;color:#475569}details.evidence ul{margin:4px 0;padding-left:18px}.badge.remediate,.badge.disabled{background:#e2e8f0;color:#334155}
code{font-size:12px}details summary{cursor:pointer;font-weight:600;margin:8px 0}.diagram{background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:8px}
footer{color:#64748b;padding:16px 32px;font-size:12px}
dl.provenance{display:grid;grid-template-columns:max-content 1fr;gap:2px 16px;background:#fff;border:1px solid #e2e8f0;border-radius:8px;padding:10px 16px}dl.provenance dt{font-weight:600}dl.provenance dd{margin:0;word-break:break-all}
.signoff{display:grid;grid-template-columns:1fr 1fr 1fr;gap:24px;margin-top:16px}.signoff div{border-top:1px solid #0f172a;padding-top:4px;color:#475569;font-size:12px}
@media print{
 @page{size:A4;margin:14mm}
 body{background:#fff;font-size:11px}header{background:#fff;color:#0f172a;border-bottom:2px solid #0f172a;padding:0 0 8px}header p{color:#334155}
 .verdict{border:2px solid #0f172a;color:#0f172a;background:#fff!important}main{padding:0;max-width:none}
 details>summary{display:none}details{display:block}details::details-content{content-visibility:visible;display:block}
 .diagram{display:none}section{break-inside:auto}tr,dl,.card{break-inside:avoid}thead{display:table-header-group}
 a{color:inherit;text-decoration:none}.badge{border:1px solid #334155}
}
`;

export function renderHtml(preview: PreviewResult): string {
    const policies = preview.policyPack?.policies ?? [];
    const findingsByPolicy = new Map<string, Finding[]>();
    for (const f of preview.findings) {
        findingsByPolicy.set(f.policyName, [...(findingsByPolicy.get(f.policyName) ?? []), f]);
    }
    const count = (pred: (f: Finding) => boolean) => preview.findings.filter(pred).length;
    // No policy judged a remote component's children; a rule that could not judge something did not fully pass.
    const anyRemote = (preview.unchecked ?? []).some((u) => u.kind === "remote-component");
    const notJudged = new Set((preview.unchecked ?? []).filter((u) => u.kind === "not-judged").map((u) => u.policyName));
    const incomplete = (policy: string) => anyRemote || notJudged.has(policy);
    const mandatory = count((f) => !f.waiver && f.enforcementLevel === "mandatory");
    const advisory = count((f) => !f.waiver && f.enforcementLevel === "advisory");
    const waived = count((f) => !!f.waiver);
    const verdict = preview.gate.passed ? (isPartial(preview.unchecked ?? []) ? "partial" : "passed") : "failed";
    const pack = preview.policyPack ? `${preview.policyPack.name} ${preview.policyPack.version}` : "no policy pack";
    const card = (id: string, n: number, label: string) => `<div class="card"><span class="n" data-testid="${id}">${n}</span><span class="l">${label}</span></div>`;
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Compliance report · ${esc(preview.program.project)} / ${esc(preview.program.stack)}</title><style>${STYLE}</style></head>
<body><header><h1>Compliance report: ${esc(preview.program.project)} / ${esc(preview.program.stack)}</h1>
<p>Policy pack ${esc(pack)} · generated ${esc(preview.generatedAt)} by ${esc(preview.tool.name)} ${esc(preview.tool.version)} (offline preview, SDK mock runtime)</p>
<div class="verdict ${verdict}" data-testid="gate">${esc(verdictLine(preview))}</div>
${preview.policyPack ? `<p class="config">${esc(policyConfigNote(preview)!)}</p>` : ""}</header>
<main>
<section aria-labelledby="summary"><h2 id="summary">Summary</h2><div class="cards">
${card("resource-count", preview.resources.length, "resources planned")}${card("mandatory-count", mandatory, "mandatory findings")}${card("advisory-count", advisory, "advisory findings")}${card("waived-count", waived, "waived findings")}${card("policy-count", policies.length, "policies evaluated")}${card("unchecked-count", (preview.unchecked ?? []).length, "not inspected or judged")}
</div></section>
<section aria-labelledby="provenance"><h2 id="provenance">Provenance</h2>${provenanceSection(preview)}</section>
<section aria-labelledby="relaxed"><h2 id="relaxed">Relaxed by policy config</h2>${relaxedSection(preview)}</section>
<section aria-labelledby="unchecked"><h2 id="unchecked">Not inspected or judged</h2>${uncheckedSection(preview)}</section>
<section aria-labelledby="controls"><h2 id="controls">Controls by framework</h2>${controlsSection(policies, findingsByPolicy, incomplete, preview.resources)}</section>
<section aria-labelledby="evidence"><h2 id="evidence">Evidence per resource</h2>${evidenceSection(preview.resources, preview.findings, preview.unchecked ?? [])}</section>
<section aria-labelledby="architecture"><h2 id="architecture">Architecture</h2><p>Components as boxes; their resources counted by type. Dashed boxes are remote components whose children are not planned here.</p><div class="diagram">${renderDiagram(preview.resources)}</div></section>
<section aria-labelledby="policies"><h2 id="policies">Policies</h2>${policiesSection(policies, findingsByPolicy, incomplete)}</section>
<section aria-labelledby="inventory"><h2 id="inventory">Resource inventory</h2>${inventorySection(preview.resources, preview.findings, preview.unchecked ?? [])}</section>
<section aria-labelledby="signoff"><h2 id="signoff">Review</h2><p>Reviewed against the provenance above (commit, pack and config hashes).</p><div class="signoff"><div>Reviewer (compliance)</div><div>Date</div><div>Signature</div></div></section>
</main><footer>Program ${esc(preview.program.directory)} · plan ${preview.timings.planMs} ms · policies ${preview.timings.policyMs} ms · report schema ${esc(preview.schemaVersion)}</footer></body></html>
`;
}

export const format: ReportFormat = { file: "preview.html", readBy: "compliance reviewers in a browser (self-contained, no script)", render: renderHtml };
