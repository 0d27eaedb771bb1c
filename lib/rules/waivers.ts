/**
 * Compliance waivers: their shape, date checks and the structured form in which the pack reports a waived finding.
 * Pure (no Pulumi import): the pack and the offline preview (scripts/preview/findings.ts) share it, so a waiver
 * travels from pack to report as data, never as free text parsed back with a regex.
 */

/** A time-bound exception granted by compliance, listed under the rule's own `waivers` config key. */
export interface Waiver {
    /** Resource name or URN; `*` matches any run of characters, `?` one character. */
    resource: string;
    reason: string;
    approver: string;
    /** Last day (UTC) the waiver applies, `YYYY-MM-DD`. */
    expires: string;
    ticket?: string;
}

/** A waived finding as reported by the pack: the rule, the waiver that covers it and the finding itself. */
export interface WaivedFinding {
    rule: string;
    waiver: Waiver;
    message: string;
}

/** How far ahead a waiver may expire unless a rule's config says otherwise (`waiverHorizonDays`). */
export const DEFAULT_WAIVER_HORIZON_DAYS = 365;

/** The fixed marker before the JSON of a waived finding in a diagnostic message. */
export const WAIVED_MARKER = "WAIVED ";

const DAY_MS = 86_400_000;

/** Parses `YYYY-MM-DD` as a real calendar date (UTC midnight); undefined for `2026-02-30`, `9999-99-99`, `2026-1-5`. */
export function parseCalendarDate(text: string): Date | undefined {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!match) {
        return undefined;
    }
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const date = new Date(Date.UTC(year, month - 1, day));
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}

/**
 * Why a waiver cannot be accepted (impossible date, beyond the horizon), or undefined when it is well-formed.
 * An already expired waiver is well-formed: it is reported as expired, not rejected.
 */
export function waiverProblem(waiver: Waiver, today: Date, horizonDays: number = DEFAULT_WAIVER_HORIZON_DAYS): string | undefined {
    const expires = parseCalendarDate(waiver.expires);
    if (!expires) {
        return `expires "${waiver.expires}" is not a calendar date (YYYY-MM-DD)`;
    }
    const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
    const daysAhead = Math.round((expires.getTime() - todayUtc) / DAY_MS);
    if (daysAhead > horizonDays) {
        return `expires ${waiver.expires}, ${daysAhead} days ahead: waivers may run at most ${horizonDays} days (waiverHorizonDays in the rule's policy config)`;
    }
    return undefined;
}

/** Whether the waiver still applies on `today` (through the end of its expiry day, UTC). */
export function isWaiverActive(waiver: Waiver, today: Date): boolean {
    const expires = parseCalendarDate(waiver.expires);
    return expires !== undefined && expires.getTime() + DAY_MS > today.getTime();
}

/** Matches resource names and URNs; written out because path globs treat `/` (in every type token) as special. */
export function matchesPattern(pattern: string, value: string): boolean {
    const regex = new RegExp(`^${pattern.split("").map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("")}$`);
    return regex.test(value);
}

/** The message of a waived finding: the marker, then one JSON object (any approver, reason or finding text round-trips). */
export function encodeWaivedFinding(finding: WaivedFinding): string {
    return `${WAIVED_MARKER}${JSON.stringify({ rule: finding.rule, waiver: finding.waiver, message: finding.message })}`;
}

/** Decodes `encodeWaivedFinding`'s form; undefined for any other message. */
export function decodeWaivedFinding(message: string): WaivedFinding | undefined {
    if (!message.startsWith(WAIVED_MARKER)) {
        return undefined;
    }
    let data: any;
    try {
        data = JSON.parse(message.slice(WAIVED_MARKER.length));
    } catch {
        return undefined;
    }
    const w = data?.waiver;
    const strings = [data?.rule, data?.message, w?.resource, w?.reason, w?.approver, w?.expires];
    if (!strings.every((s) => typeof s === "string") || (w.ticket !== undefined && typeof w.ticket !== "string")) {
        return undefined;
    }
    const waiver: Waiver = { resource: w.resource, reason: w.reason, approver: w.approver, expires: w.expires, ...(w.ticket !== undefined ? { ticket: w.ticket } : {}) };
    return { rule: data.rule, waiver, message: data.message };
}
