/**
 * What the mocks could not answer, as the preview's verdict limits: every data source that got no real answer and
 * every stack reference (another stack's outputs are never read offline) becomes an `Unchecked` item that each report
 * lists, so a passing gate says what it did not see.
 */
import type { MockReport } from "../../lib/mocks";

/**
 * The verdict-limit item of CONTRACTS.md. Defined here because model.ts (H2's lane) did not have it yet in this branch;
 * once model.ts exports `Unchecked`, import it from there and delete this copy (same shape).
 */
export interface Unchecked {
    kind: "remote-component" | "not-judged" | "unknown-value" | "unanswered-lookup" | "stack-reference";
    urn?: string;
    type?: string;
    name?: string;
    token?: string;
    properties?: string[];
    policyName?: string;
    detail: string;
    blocking: boolean;
    allowedBy?: string;
}

const times = (count: number) => (count === 1 ? "once" : `${count} times`);

/** Unanswered lookups ("none") and stack references; non-blocking: the values they fed are reported where unknown. */
export function mockReportToUnchecked(report: MockReport | undefined): Unchecked[] {
    if (!report) {
        return [];
    }
    const lookups = report.lookups
        .filter((l) => l.answer === "none")
        .sort((a, b) => a.token.localeCompare(b.token))
        .map((l): Unchecked => ({
            kind: "unanswered-lookup",
            token: l.token,
            detail: `Data source ${l.token} (called ${times(l.count)}) got no real answer offline: the plan used placeholder values shaped like its result. Answer it with --mocks <module> to check what depends on it.`,
            blocking: false,
        }));
    const references = report.stackReferences.map((s): Unchecked => {
        const keys = Object.keys(s.outputs);
        const given = s.outputsUnknown
            ? "its outputs are unknown offline, so values read from it are unknown in the plan"
            : keys.length > 0 ? `the outputs used came from --mocks (${keys.join(", ")})` : "--mocks gave it no outputs";
        return {
            kind: "stack-reference",
            type: "pulumi:pulumi:StackReference",
            name: s.name,
            ...(s.urn ? { urn: s.urn } : {}),
            detail: `Stack reference ${s.name} was not read (the preview reads no other stack): ${given}.`,
            blocking: false,
        };
    });
    return [...lookups, ...references];
}
