/**
 * The limits the policy pack puts on its own config: what a stack's policy config may relax and what it may not.
 * Pure (no Pulumi import): the pack (policies/governance.ts) enforces them through its `policy-weakened` finding, and
 * the preview tool and `platform-preview --compare-config` use them to describe a config change. The limits are
 * constants of the pack, never config: the config they limit cannot raise them.
 */
import { DEFAULT_WAIVER_HORIZON_DAYS, parseCalendarDate, type Waiver } from "./waivers";

/** The longest a waiver may run, whatever `waiverHorizonDays` says (a config may only shorten it). */
export const MAX_WAIVER_HORIZON_DAYS = DEFAULT_WAIVER_HORIZON_DAYS;

/** The pack's finding for a config that weakens the gate (mandatory, whatever level the config gives any policy). */
export const POLICY_WEAKENED = "policy-weakened";

export type Level = "advisory" | "mandatory" | "remediate" | "disabled";
export type Tier = "production" | "other";

/**
 * Production tier: a stack named `production`, `prod`, or either followed by `-`, `_` or `.` (`prod-eu`). The tier comes
 * from the stack the engine names in every URN, never from the policy config it limits.
 */
export function tierOf(stack: string | undefined): Tier {
    return stack === undefined || /^prod(uction)?([-_.].*)?$/i.test(stack) ? "production" : "other";
}

/** The stack of a URN (`urn:pulumi:<stack>::<project>::…`). */
export function stackOfUrn(urn: string | undefined): string | undefined {
    const match = /^urn:pulumi:([^:]+)::/.exec(urn ?? "");
    return match?.[1];
}

/** How strongly a level enforces: `remediate` fixes the resource and reports what stays violated as mandatory. */
export const STRENGTH: Record<Level, number> = { disabled: 0, advisory: 1, mandatory: 2, remediate: 2 };

/** The horizon in effect for a rule: its config may shorten the pack's maximum, never extend it. */
export function effectiveHorizon(configured: unknown): number {
    return typeof configured === "number" && Number.isInteger(configured) && configured > 0 ? Math.min(configured, MAX_WAIVER_HORIZON_DAYS) : MAX_WAIVER_HORIZON_DAYS;
}

/** Whether a resource pattern holds a wildcard (`*` any run, `?` one character). */
export function isPattern(resource: string): boolean {
    return /[*?]/.test(resource);
}

const DAY_MS = 86_400_000;

/**
 * Why a waiver cannot be honoured in this tier, or undefined. Production waivers name their resources (a pattern
 * matches resources added later, which nobody named); no tier takes a pattern of wildcards alone; no waiver runs
 * beyond the horizon. An impossible date is not judged here (the framework rejects it as a config error).
 */
export function waiverLimitProblem(waiver: Waiver, tier: Tier, horizonDays: number, today: Date): string | undefined {
    if (/^[*?]+$/.test(waiver.resource)) {
        return `resource "${waiver.resource}" matches every resource: a waiver must name the resources it covers`;
    }
    if (tier === "production" && isPattern(waiver.resource)) {
        return `resource "${waiver.resource}" is a pattern: in a production stack a waiver names each resource it covers (no * or ?)`;
    }
    const expires = parseCalendarDate(waiver.expires);
    if (expires) {
        const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
        const daysAhead = Math.round((expires.getTime() - todayUtc) / DAY_MS);
        if (daysAhead > horizonDays) {
            return `expires ${waiver.expires}, ${daysAhead} days ahead: beyond the ${horizonDays}-day horizon (the pack's maximum is ${MAX_WAIVER_HORIZON_DAYS})`;
        }
    }
    return undefined;
}

export interface ReceivedPolicyConfig {
    level: Level;
    properties: Record<string, unknown>;
}

export interface Weakening {
    policy: string;
    kind: "disabled" | "lowered" | "waiver" | "horizon";
    message: string;
}

/**
 * Every way `config` (as the pack received it, after the engine reconciled it) relaxes the gate beyond what the tier
 * allows, in policy order. `defaults` are the levels the pack declares for its policies.
 */
export function weakenings(defaults: Record<string, Level>, config: Record<string, ReceivedPolicyConfig | undefined>, tier: Tier, today: Date): Weakening[] {
    const found: Weakening[] = [];
    for (const [policy, defaultLevel] of Object.entries(defaults)) {
        const entry = config[policy];
        const level = entry?.level ?? defaultLevel;
        if (tier === "production" && level === "disabled" && defaultLevel !== "disabled") {
            found.push({ policy, kind: "disabled", message: `${policy} is disabled by the policy config; in a production stack no policy may be disabled (its default level is ${defaultLevel})` });
        } else if (tier === "production" && STRENGTH[defaultLevel] === STRENGTH.mandatory && STRENGTH[level] < STRENGTH.mandatory) {
            found.push({ policy, kind: "lowered", message: `${policy} is lowered to ${level} by the policy config; in a production stack a rule mandatory by default stays mandatory` });
        }
        const properties = entry?.properties ?? {};
        const configured = properties.waiverHorizonDays;
        if (typeof configured === "number" && configured > MAX_WAIVER_HORIZON_DAYS) {
            found.push({ policy, kind: "horizon", message: `${policy}: waiverHorizonDays ${configured} exceeds the pack's maximum of ${MAX_WAIVER_HORIZON_DAYS} days (a config may shorten the horizon, not extend it)` });
        }
        const horizon = effectiveHorizon(configured);
        for (const waiver of (Array.isArray(properties.waivers) ? properties.waivers : []) as Waiver[]) {
            const problem = waiver && typeof waiver.resource === "string" ? waiverLimitProblem(waiver, tier, horizon, today) : undefined;
            if (problem) {
                found.push({ policy, kind: "waiver", message: `${policy}: the waiver approved by ${waiver.approver}${waiver.ticket ? ` (${waiver.ticket})` : ""} is not honoured: ${problem}` });
            }
        }
    }
    return found;
}
