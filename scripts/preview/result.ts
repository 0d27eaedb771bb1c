import { UNINSPECTED_POLICY, type ConfiguredWaiver, type EnforcementLevel, type Finding, type Gate, type PlannedResource, type PreviewResult, type Relaxed, type Unchecked } from "./model";
import type { RegisteredResource } from "./plan-protocol";
import { MASKED_UNKNOWN, maskProperties, propertyPathSegments } from "./properties";
import { NOT_JUDGED_PREFIX } from "../../lib/rules/not-judged";

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

/**
 * The verdict. Uninspected remote components fail it through their findings; other blocking unchecked items (rules that
 * could not judge, under `--fail-on advisory`) fail it on their own. Non-blocking items are counted so that a passing
 * verdict can say it was not a full check.
 */
export function gateOf(findings: Finding[], failOn: Gate["failOn"], unchecked: Unchecked[] = []): Gate {
    const blockingFindings = findings.filter((f) => isBlocking(f, failOn)).length;
    const blockingUnchecked = unchecked.filter((u) => u.blocking && u.kind !== "remote-component").length;
    const nonBlockingUnchecked = unchecked.filter((u) => !u.blocking).length;
    return { failOn, passed: blockingFindings === 0 && blockingUnchecked === 0, blockingFindings, blockingUnchecked, nonBlockingUnchecked };
}

/** `--allow-uninspected` pattern: a type token, `*` matching any run of characters (`awsx:*`, `*`). */
export function typeMatches(pattern: string, type: string): boolean {
    const regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
    return regex.test(type);
}

export const REMOTE_DETAIL = "not inspected offline: its children are created by the provider plugin";

/**
 * Remote (multi-language) components: the plan holds them as single resources, without the children a real preview
 * would create and judge. Each is an unchecked item and, unless its type is allowed, a mandatory finding of the
 * pseudo-policy {@link UNINSPECTED_POLICY}.
 */
export function remoteComponents(resources: PlannedResource[], allow: string[]): { unchecked: Unchecked[]; findings: Finding[] } {
    const unchecked: Unchecked[] = [];
    const findings: Finding[] = [];
    for (const r of resources.filter((x) => x.remote)) {
        const pattern = allow.find((p) => typeMatches(p, r.type));
        unchecked.push({
            kind: "remote-component", urn: r.urn, type: r.type, name: r.name, detail: REMOTE_DETAIL, blocking: !pattern,
            ...(pattern ? { allowedBy: `--allow-uninspected ${pattern}` } : {}), ...(r.source ? { source: r.source } : {}),
        });
        if (!pattern) {
            findings.push({
                policyName: UNINSPECTED_POLICY,
                policyPackName: "platform-preview",
                policyPackVersion: "",
                enforcementLevel: "mandatory",
                message: `${REMOTE_DETAIL} (allow with --allow-uninspected ${r.type})`,
                description: "A remote component's children are not in the offline plan, so no policy judged them.",
                urn: r.urn,
                resourceType: r.type,
                resourceName: r.name,
                ...(r.source ? { source: r.source } : {}),
            });
        }
    }
    return { unchecked, findings };
}

/** Property paths (`ingress[0].cidrBlocks`) whose masked value is unknown. */
export function unknownPaths(value: unknown, prefix = ""): string[] {
    if (value === MASKED_UNKNOWN) {
        return [prefix || "(all inputs)"];
    }
    if (Array.isArray(value)) {
        return value.flatMap((v, i) => unknownPaths(v, `${prefix}[${i}]`));
    }
    if (value !== null && typeof value === "object") {
        return Object.entries(value).flatMap(([k, v]) => unknownPaths(v, prefix ? `${prefix}.${k}` : k));
    }
    return [];
}

/** One `unknown-value` item per resource with inputs unknown until deploy (outputs of resources not created yet). */
export function unknownValues(resources: PlannedResource[]): Unchecked[] {
    return resources.flatMap((r): Unchecked[] => {
        const properties = unknownPaths(r.inputs);
        return properties.length === 0 ? [] : [{
            kind: "unknown-value", urn: r.urn, type: r.type, name: r.name, properties, blocking: false,
            detail: properties.length === 1
                ? `input ${properties[0]} is unknown until deploy; policies saw it as unknown`
                : `inputs ${properties.join(", ")} are unknown until deploy; policies saw them as unknown`,
            ...(r.source ? { source: r.source } : {}),
        }];
    });
}

/** The policy SDK's diagnostic for a rule that read an unknown value: `can't run policy 'x' from policy pack p during preview: …`. */
const CANT_RUN = /^can't run (?:policy|remediation) '([^']+)' from policy pack .+? during preview: ([\s\S]*)$/;
/** The SDK's own reason: `string value at .a.b can't be known during preview`. */
const UNKNOWN_AT = /value at \.(\S*) can't be known during preview/;
/**
 * The pack's own per-resource form (`NOT_JUDGED_PREFIX`, lib/rules/not-judged.ts): `not judged: ` then, for a resource
 * rule, `a.b, c unknown during preview`, or for a stack rule `<resource name>: <path> unknown during preview` items
 * joined by `; ` (the stack rule judged every other resource).
 */
const PACK_ITEM = /^(?:(.+): )?(\S+(?:, \S+)*) unknown during preview$/;

/**
 * Turns "can't run during preview" diagnostics into `not-judged` items naming the rule, the resource and the property
 * when known: they are not findings about the resource, they say a rule did not judge it. Blocking under
 * `--fail-on advisory`, where the SDK's advisory diagnostic would have failed the gate.
 */
export function splitNotJudged(findings: Finding[], failOn: Gate["failOn"], resources: PlannedResource[] = []): { findings: Finding[]; unchecked: Unchecked[] } {
    const kept: Finding[] = [];
    const unchecked: Unchecked[] = [];
    const byName = new Map<string, PlannedResource[]>();
    for (const r of resources) byName.set(r.name, [...(byName.get(r.name) ?? []), r]);
    const item = (policyName: string, reason: string, where: { urn?: string; type?: string; name?: string; source?: PlannedResource["source"] }, properties: string[] | undefined, stackWide: boolean): Unchecked => ({
        kind: "not-judged",
        policyName,
        ...(where.urn ? { urn: where.urn } : {}),
        ...(where.type ? { type: where.type } : {}),
        ...(where.name ? { name: where.name } : {}),
        ...(properties?.length ? { properties } : {}),
        detail: stackWide
            ? `stack rule ${policyName} stopped at an unknown value and judged no resource: ${reason}`
            : `rule ${policyName} could not judge this resource: ${reason}`,
        blocking: failOn === "advisory",
        ...(where.source ? { source: where.source } : {}),
    });
    for (const f of findings) {
        const match = f.waiver ? null : CANT_RUN.exec(f.message);
        if (!match) {
            kept.push(f);
            continue;
        }
        const [, policyName, reason] = match;
        const here = { urn: f.urn, type: f.resourceType, name: f.resourceName, source: f.source };
        if (reason.startsWith(NOT_JUDGED_PREFIX)) {
            // The pack judged what it could and names each resource it could not.
            for (const part of reason.slice(NOT_JUDGED_PREFIX.length).split("; ")) {
                const parsed = PACK_ITEM.exec(part);
                const named = parsed?.[1] !== undefined ? byName.get(parsed[1]) : undefined;
                const resource = named?.length === 1 ? named[0] : undefined;
                const where = f.urn ? here : resource ? { urn: resource.urn, type: resource.type, name: resource.name, source: resource.source } : { name: parsed?.[1] };
                const why = parsed && (f.urn || resource) ? `${parsed[2]} unknown during preview` : part;
                unchecked.push(item(policyName, why, where, parsed?.[2].split(", "), false));
            }
            continue;
        }
        const property = UNKNOWN_AT.exec(reason)?.[1];
        unchecked.push(item(policyName, reason, here, property ? [property] : undefined, !f.urn));
    }
    return { findings: kept, unchecked: unchecked.map((u) => explainIgnored(u, resources)) };
}

/** Whether a property path (`ingress[0].cidrBlocks`) is under an `ignoreChanges` path (`ingress`, `ingress[*].cidrBlocks`). */
function underIgnored(property: string, ignoreChanges: string[]): boolean {
    // Paths as Pulumi writes them (`a.b[0]`, `tags["Name"]`, `[*]`), parsed as the preview hides them (policy.ts).
    const norm = (p: string) => propertyPathSegments(p).map(String);
    const target = norm(property);
    return ignoreChanges.some((ignored) => {
        const prefix = norm(ignored);
        return prefix.length <= target.length && prefix.every((segment, i) => segment === "*" || segment === target[i]);
    });
}

/**
 * A rule that could not judge a property the resource lists in `ignoreChanges` says why: with state the engine judges
 * the deployed value (it puts the old value back before Analyze), which the preview cannot read — the preview sends it
 * as unknown (policy.ts, withIgnoredUnknown).
 */
function explainIgnored(u: Unchecked, resources: PlannedResource[]): Unchecked {
    const resource = u.urn ? resources.find((r) => r.urn === u.urn) : undefined;
    const ignored = (u.properties ?? []).filter((p) => resource && underIgnored(p, resource.ignoreChanges));
    if (!resource || ignored.length === 0) return u;
    return { ...u, detail: `rule ${u.policyName} did not judge ${ignored.join(", ")}: listed in ignoreChanges, so the engine judges the value in the stack's state (the deployed one), which is not read offline` };
}

/** What the H3 mocks report (mocks/mocks.ts `MockReport`), read structurally so this compiles without it. */
export interface MockReportLike {
    lookups?: Array<{ token: string; count: number; answer: string }>;
    stackReferences?: Array<{ urn?: string; name: string; outputs: Record<string, unknown>; outputsUnknown?: boolean }>;
}

/**
 * Inputs the preview could not read: every StackReference (its outputs live in another stack's state; what the mocks
 * gave it is listed) and every data-source lookup that got no real answer.
 */
export function unreadInputs(resources: PlannedResource[], report: MockReportLike | undefined): Unchecked[] {
    const items: Unchecked[] = [];
    const mocked = report?.stackReferences ?? [];
    const describe = (stackName: string, outputs: Record<string, unknown> | undefined, outputsUnknown?: boolean) => {
        const given = outputsUnknown
            ? "its outputs are unknown offline, so values read from it are unknown in the plan (answer them with --mocks)"
            : outputs && Object.keys(outputs).length > 0 ? `the mocks gave it outputs ${Object.keys(outputs).sort().join(", ")}` : "the mocks gave it no outputs";
        return `stack reference to ${stackName}: its outputs are another stack's state, not read offline; ${given}`;
    };
    // A StackReference is read, not registered, so it shows up here only when the plan recorded it; the mocks see every one.
    const planned = resources.filter((x) => x.type === "pulumi:pulumi:StackReference");
    for (const r of planned) {
        const stackName = typeof r.inputs.name === "string" ? r.inputs.name : r.name;
        const mock = mocked.find((s) => s.urn === r.urn || s.name === r.name);
        items.push({ kind: "stack-reference", urn: r.urn, type: r.type, name: r.name, blocking: false, detail: describe(stackName, mock?.outputs, mock?.outputsUnknown), ...(r.source ? { source: r.source } : {}) });
    }
    for (const s of mocked.filter((m) => !planned.some((r) => r.urn === m.urn || r.name === m.name))) {
        items.push({ kind: "stack-reference", ...(s.urn ? { urn: s.urn } : {}), type: "pulumi:pulumi:StackReference", name: s.name, blocking: false, detail: describe(s.name, s.outputs, s.outputsUnknown) });
    }
    for (const lookup of (report?.lookups ?? []).filter((l) => l.answer === "none")) {
        items.push({
            kind: "unanswered-lookup", token: lookup.token, blocking: false,
            detail: `data source ${lookup.token} (${lookup.count} call${lookup.count === 1 ? "" : "s"}) got no real answer offline: its result is a placeholder shaped like the real one; answer it with --mocks <module> to check what depends on it`,
        });
    }
    return items;
}

const KIND_ORDER: Unchecked["kind"][] = ["policies-disabled", "remote-component", "not-judged", "secret-config", "esc-environment", "unanswered-lookup", "stack-reference", "unknown-value"];

/** Unchecked items for display: blocking first, then by kind and resource. */
export function sortUnchecked(items: Unchecked[]): Unchecked[] {
    return [...items].sort((a, b) => Number(b.blocking) - Number(a.blocking)
        || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind)
        || (a.urn ?? a.token ?? "").localeCompare(b.urn ?? b.token ?? ""));
}

/** Whether the check was partial: anything other than unknown inputs was not inspected or judged. */
export function isPartial(items: Unchecked[]): boolean {
    return items.some((u) => u.kind !== "unknown-value");
}

/** Human phrases for what was not inspected or judged, one per kind present (`2 remote components not inspected`). */
export function uncheckedPhrases(items: Unchecked[]): string[] {
    const n = (kind: Unchecked["kind"], pred: (u: Unchecked) => boolean = () => true) => items.filter((u) => u.kind === kind && pred(u)).length;
    const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
    const phrases: string[] = [];
    if (n("policies-disabled")) phrases.push("every policy disabled by the policy config (nothing was judged)");
    const remoteBlocking = n("remote-component", (u) => u.blocking);
    const remoteAllowed = n("remote-component", (u) => !u.blocking);
    if (remoteBlocking) phrases.push(`${plural(remoteBlocking, "remote component", "remote components")} not inspected`);
    if (remoteAllowed) phrases.push(`${plural(remoteAllowed, "remote component", "remote components")} allowed uninspected`);
    if (n("not-judged")) phrases.push(`${plural(n("not-judged"), "rule result", "rule results")} not judged (unknown values)`);
    if (n("secret-config")) phrases.push(`${plural(n("secret-config"), "secure config key", "secure config keys")} not decrypted`);
    if (n("esc-environment")) phrases.push("ESC environment not read");
    if (n("unanswered-lookup")) phrases.push(`${plural(n("unanswered-lookup"), "data-source lookup", "data-source lookups")} without a real answer`);
    if (n("stack-reference")) phrases.push(`${plural(n("stack-reference"), "stack reference", "stack references")} not read`);
    if (n("empty-plan")) phrases.push("the program declared no resources (nothing was planned or judged)");
    if (n("unknown-value")) phrases.push(`${plural(n("unknown-value"), "resource", "resources")} with inputs unknown until deploy`);
    return phrases;
}

/**
 * The verdict in one line, the same in every report. A passing gate with anything unchecked never reads as a bare
 * "passed".
 */
export function verdictLine(result: Pick<PreviewResult, "gate" | "unchecked">): string {
    const { gate } = result;
    const phrases = uncheckedPhrases(result.unchecked);
    if (gate.passed) {
        // Unknown inputs alone do not make the check partial (a rule that needed one says so as not-judged), but they
        // are named: a green line must not hide them.
        const partial = uncheckedPhrases(result.unchecked.filter((u) => u.kind !== "unknown-value"));
        const unknown = uncheckedPhrases(result.unchecked.filter((u) => u.kind === "unknown-value"));
        if (partial.length > 0) {
            return `Policy gate passed (fails on ${gate.failOn}), not a full check: ${phrases.join("; ")} — see "Not inspected or judged".`;
        }
        return unknown.length === 0
            ? `Policy gate passed (fails on ${gate.failOn}).`
            : `Policy gate passed (fails on ${gate.failOn}); ${unknown[0]}, listed under "Not inspected or judged".`;
    }
    const levels = gate.failOn === "advisory" ? "mandatory or advisory" : "mandatory";
    const parts = [`${gate.blockingFindings} unwaived ${levels} finding(s)`];
    const notJudged = result.unchecked.filter((u) => u.blocking && u.kind === "not-judged").length;
    if (notJudged > 0) {
        parts.push(`${notJudged} rule result(s) not judged`);
    }
    return `Policy gate FAILED: ${parts.join(", ")}${phrases.length ? ` (${phrases.join("; ")})` : ""}.`;
}

const LEVEL_ORDER: EnforcementLevel[] = ["mandatory", "advisory", "remediate", "disabled"];

const SEVERITY_ORDER = ["critical", "high", "medium", "low"];
const severityRank = (f: Finding) => (f.severity && SEVERITY_ORDER.includes(f.severity) ? SEVERITY_ORDER.indexOf(f.severity) : SEVERITY_ORDER.length);

/**
 * Findings ordered for display: blocking levels first, waived last, then by severity (a capped list such as the PR
 * comment shows critical findings — a config that weakens the gate among them — before the rest), policy and resource.
 */
export function sortFindings(findings: Finding[]): Finding[] {
    return [...findings].sort((a, b) =>
        Number(!!a.waiver) - Number(!!b.waiver)
        || LEVEL_ORDER.indexOf(a.enforcementLevel) - LEVEL_ORDER.indexOf(b.enforcementLevel)
        || severityRank(a) - severityRank(b)
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

/** Where each unchecked item is, for display: `awsx:ecs:FargateService "api"`, the stack, or a data-source token. */
export function uncheckedSubject(u: Unchecked): string {
    if (u.token) return u.token;
    if (u.kind === "secret-config") return `config ${u.name}`;
    if (u.kind === "esc-environment") return `ESC environment ${u.name}`;
    if (u.kind === "policies-disabled") return "the policy config";
    if (u.type && u.name) return `${u.type} "${u.name}"`;
    return u.urn ?? "the stack";
}

/** The policy config line: which file, or that none exists for the stack and the pack's defaults apply (with the levels). */
export function policyConfigNote(result: Pick<PreviewResult, "policyPack" | "program">): string | undefined {
    const pack = result.policyPack;
    if (!pack) return undefined;
    if (pack.configFile) return `Policy config: ${pack.configFile}`;
    const counts = new Map<string, number>();
    for (const p of pack.policies) counts.set(p.enforcementLevel, (counts.get(p.enforcementLevel) ?? 0) + 1);
    const levels = ["mandatory", "advisory", "remediate", "disabled"].filter((l) => counts.has(l)).map((l) => `${counts.get(l)} ${l}`).join(", ");
    return `No policy config for stack "${result.program.stack}": the pack's defaults apply (${levels || "no policies"}).`;
}

/** One policy the config moved from the pack's level: `rds-multi-az: mandatory → advisory (lowered)`. */
export function relaxedPolicyText(p: Relaxed["policies"][number]): string {
    return `${p.name}: ${p.defaultLevel} → ${p.level} (${p.change})`;
}

/** One waiver as the config grants it: the rule, the resource, the approver, ticket, expiry, state and reason. */
export function waiverText(w: ConfiguredWaiver): string {
    const state = w.status === "refused" ? `REFUSED: ${w.problem}` : w.status;
    return `${w.rule} for "${w.resource}": approved by ${w.approver}, ticket ${w.ticket ?? "none"}, expires ${w.expires} (${state}); reason: ${w.reason}`;
}

/** The relaxed summary in one phrase, for verdict-adjacent lines: `2 policies below their default level, 1 waiver`. */
export function relaxedPhrase(relaxed: Relaxed | undefined): string {
    if (!relaxed || (relaxed.policies.length === 0 && relaxed.waivers.length === 0)) return "nothing: every policy at its default level, no waivers";
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    const parts = [];
    const below = relaxed.policies.filter((p) => p.change === "disabled" || p.change === "lowered").length;
    if (below) parts.push(`${plural(below, "policy", "policies")} disabled or lowered`);
    const other = relaxed.policies.length - below;
    if (other) parts.push(`${plural(other, "policy", "policies")} raised or changed`);
    if (relaxed.waivers.length) parts.push(plural(relaxed.waivers.length, "waiver", "waivers"));
    return parts.join(", ");
}
