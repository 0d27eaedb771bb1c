import type { EnforcementLevel, Finding, PlannedResource, PreviewResult } from "./model";
import type { RegisteredResource } from "./plan-protocol";
import { maskProperties } from "./properties";

/** The report's view of a registration: inputs masked, empty wire fields dropped. */
export function toPlannedResource(resource: RegisteredResource): PlannedResource {
    return {
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        custom: resource.custom,
        remote: resource.remote,
        parent: resource.parent || undefined,
        provider: resource.provider || undefined,
        dependencies: resource.dependencies,
        propertyDependencies: resource.propertyDependencies,
        protect: resource.protect,
        retainOnDelete: resource.retainOnDelete,
        ignoreChanges: resource.ignoreChanges,
        inputs: maskProperties(resource.wireInputs),
        source: resource.source,
    };
}

/** Whether a finding blocks the gate: unwaived and at a failing level. */
export function isBlocking(finding: Finding, failOn: PreviewResult["gate"]["failOn"]): boolean {
    const failing: EnforcementLevel[] = failOn === "advisory" ? ["mandatory", "advisory"] : ["mandatory"];
    return !finding.waiver && failing.includes(finding.enforcementLevel);
}

export function gateOf(findings: Finding[], failOn: PreviewResult["gate"]["failOn"]): PreviewResult["gate"] {
    const blockingFindings = findings.filter((f) => isBlocking(f, failOn)).length;
    return { failOn, passed: blockingFindings === 0, blockingFindings };
}

const LEVEL_ORDER: EnforcementLevel[] = ["mandatory", "advisory", "remediate", "disabled"];

/** Findings ordered for display: blocking levels first, waived last, then by policy and resource. */
export function sortFindings(findings: Finding[]): Finding[] {
    return [...findings].sort((a, b) =>
        Number(!!a.waiver) - Number(!!b.waiver)
        || LEVEL_ORDER.indexOf(a.enforcementLevel) - LEVEL_ORDER.indexOf(b.enforcementLevel)
        || a.policyName.localeCompare(b.policyName)
        || (a.urn ?? "").localeCompare(b.urn ?? ""));
}

/** Resource counts by type, most frequent first. */
export function countByType(resources: PlannedResource[]): Array<{ type: string; count: number }> {
    const counts = new Map<string, number>();
    for (const r of resources) {
        counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
    }
    return [...counts].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type));
}
