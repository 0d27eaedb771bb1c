import {
    EnforcementLevel,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { controlTags, primaryFramework } from "./controls";

/**
 * The pack's rule framework: every rule is declared once with its metadata and a pure check, and wrapped here into a
 * CrossGuard policy that applies the rule's config and compliance waivers. Checks return violation messages; they
 * read props through the SDK's unknown-checking proxy, so a property unknown during preview surfaces as the SDK's
 * "can't run during preview" advisory rather than a false pass or fail.
 */

/** A time-bound exception granted by compliance, listed under the rule's own config key. */
export interface Waiver {
    /** Resource name or URN; `*` matches any run of characters, `?` one character. */
    resource: string;
    reason: string;
    approver: string;
    /** Last day (UTC) the waiver applies, `YYYY-MM-DD`. */
    expires: string;
    ticket?: string;
}

export const WAIVER_SCHEMA: PolicyConfigJSONSchema = {
    type: "array",
    items: {
        type: "object",
        properties: {
            resource: { type: "string", minLength: 1 },
            reason: { type: "string", minLength: 10 },
            approver: { type: "string", minLength: 3 },
            expires: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$" },
            ticket: { type: "string" },
        },
        required: ["resource", "reason", "approver", "expires"],
        additionalProperties: false,
    },
};

/** Where and why a finding was waived; the companion `waived-findings` policy reports it in this form. */
export function waivedMessage(rule: string, waiver: Waiver, message: string): string {
    return `[WAIVED ${rule} until ${waiver.expires} by ${waiver.approver}: ${waiver.reason}] ${message}`;
}

/** Matches resource names and URNs; written out because path globs treat `/` (in every type token) as special. */
export function matchesPattern(pattern: string, value: string): boolean {
    const regex = new RegExp(`^${pattern.split("").map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.+^${}()|[\]\\]/g, "\\$&"))).join("")}$`);
    return regex.test(value);
}

export function isWaiverActive(waiver: Waiver, today: Date): boolean {
    return `${waiver.expires}T23:59:59.999Z` >= today.toISOString();
}

/** Waived findings found while analysing, keyed by URN, reported by the companion policies that run last. */
const waivedByUrn = new Map<string, string[]>();
const waivedInStack: Array<{ urn?: string; message: string }> = [];

export interface Finding {
    message: string;
    /** For stack rules: the resource the finding is about. */
    urn?: string;
    /** For stack rules: its name, for waiver matching. */
    name?: string;
}

interface RuleMeta {
    name: string;
    displayName: string;
    description: string;
    remediation: string;
    severity: Severity;
    /** Level when no config says otherwise (production config makes everything mandatory). */
    enforcementLevel?: EnforcementLevel;
    /** Rule thresholds, besides `waivers` (added to every rule). */
    config?: Record<string, PolicyConfigJSONSchema>;
}

export interface ResourceRule extends RuleMeta {
    /** Resource types the rule judges; empty for every `aws:` type. */
    types: string[];
    check(props: Record<string, any>, args: ResourceValidationArgs, config: Record<string, any>): string[] | string | undefined | void;
}

export interface StackRule extends RuleMeta {
    check(resources: PolicyResource[], args: StackValidationArgs, config: Record<string, any>): Finding[];
}

/** Where the README (with a `#policy-<name>` anchor per rule) is hosted; change it if the repository moves. */
const README_URL = "https://github.com/platform-team/aws-platform/blob/main/README.md";

function metadata(rule: RuleMeta) {
    const framework = primaryFramework(rule.name);
    return {
        name: rule.name,
        displayName: rule.displayName,
        description: rule.description,
        enforcementLevel: rule.enforcementLevel ?? "mandatory",
        severity: rule.severity,
        remediationSteps: rule.remediation,
        url: `${README_URL}#policy-${rule.name}`,
        tags: controlTags(rule.name),
        ...(framework ? { framework } : {}),
        configSchema: { properties: { ...rule.config, waivers: WAIVER_SCHEMA } },
    };
}

/** Splits findings into reported and waived; an expired waiver is named in the message but suppresses nothing. */
function applyWaivers(rule: string, config: Record<string, any>, findings: Array<Finding & { urn: string; name: string }>, report: (message: string, urn: string) => void, waived: (urn: string, message: string) => void) {
    const waivers: Waiver[] = config.waivers ?? [];
    const now = new Date();
    for (const finding of findings) {
        const matching = waivers.filter((w) => matchesPattern(w.resource, finding.name) || matchesPattern(w.resource, finding.urn));
        const active = matching.find((w) => isWaiverActive(w, now));
        if (active) {
            waived(finding.urn, waivedMessage(rule, active, finding.message));
        } else if (matching.length > 0) {
            const expired = matching[0];
            report(`${finding.message} (waiver by ${expired.approver} expired on ${expired.expires})`, finding.urn);
        } else {
            report(finding.message, finding.urn);
        }
    }
}

export function resourcePolicy(rule: ResourceRule): ResourceValidationPolicy {
    const types = new Set(rule.types);
    return {
        ...metadata(rule),
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            // No listed types: the rule applies to every AWS resource.
            if (types.size > 0 ? !types.has(args.type) : !args.type.startsWith("aws:")) {
                return;
            }
            const config = args.getConfig<Record<string, any>>();
            const result = rule.check(args.props, args, config);
            const messages = result === undefined ? [] : Array.isArray(result) ? result : [result];
            applyWaivers(rule.name, config, messages.map((message) => ({ message, urn: args.urn, name: args.name })),
                (message) => reportViolation(message),
                (urn, message) => waivedByUrn.set(urn, [...(waivedByUrn.get(urn) ?? []), message]));
        },
    };
}

export function stackPolicy(rule: StackRule): StackValidationPolicy {
    return {
        ...metadata(rule),
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            const config = args.getConfig<Record<string, any>>();
            const findings = rule.check(args.resources, args, config).map((f) => ({ ...f, urn: f.urn ?? "", name: f.name ?? "" }));
            applyWaivers(rule.name, config, findings,
                (message, urn) => reportViolation(message, urn || undefined),
                (urn, message) => waivedInStack.push({ urn: urn || undefined, message }));
        },
    };
}

const WAIVED_META: RuleMeta = {
    name: "waived-findings",
    displayName: "Waived findings",
    description: "Reports findings that an active compliance waiver covers, so waived exceptions stay visible in every report.",
    remediation: "Fix the finding before the waiver expires, or have compliance renew the waiver in the policy config.",
    severity: "low",
    enforcementLevel: "advisory",
};

/**
 * Companion policies, registered LAST: the SDK runs a request's policies in order, so by the time these run, every
 * rule has recorded the waived findings of the same resource (or stack) and they are reported here, advisory.
 */
export function waivedFindingsPolicies(): [ResourceValidationPolicy, StackValidationPolicy] {
    const meta = metadata(WAIVED_META);
    const { configSchema: _ignored, ...withoutConfig } = meta;
    return [
        {
            ...withoutConfig,
            validateResource: (args, reportViolation) => {
                for (const message of waivedByUrn.get(args.urn) ?? []) {
                    reportViolation(message);
                }
                waivedByUrn.delete(args.urn);
            },
        },
        {
            ...withoutConfig,
            name: "waived-stack-findings",
            displayName: "Waived stack findings",
            validateStack: (_args, reportViolation) => {
                for (const finding of waivedInStack.splice(0)) {
                    reportViolation(finding.message, finding.urn);
                }
            },
        },
    ];
}

/** Raw value lookup that tolerates absent intermediate objects (but still raises for unknown ones). */
export function get(props: Record<string, any>, path: string): any {
    return path.split(".").reduce<any>((node, key) => (node === undefined || node === null ? undefined : node[key]), props);
}

/** Resources that reference `target` through `property` (via property dependencies, which survive unknown ids). */
export function referencing(resources: PolicyResource[], target: PolicyResource, type: string, property: string): PolicyResource[] {
    return resources.filter((r) => r.type === type && (r.propertyDependencies[property] ?? []).some((d) => d.urn === target.urn));
}

/**
 * Whether a resource's property refers to `target`. A property fed by other resources is judged by its property
 * dependencies alone — its value is usually unknown during preview, and reading it would make the whole stack rule
 * unrunnable. Only a literal value (no dependencies) is compared with the target's known id, name or ARN.
 */
export function refersTo(resource: PolicyResource, property: string, target: PolicyResource): boolean {
    const dependencies = resource.propertyDependencies[property];
    if (dependencies && dependencies.length > 0) {
        return dependencies.some((d) => d.urn === target.urn);
    }
    const values = [resource.props[property]].flat().filter((v): v is string => typeof v === "string");
    return values.length > 0 && ["id", "bucket", "arn", "name"].some((key) => {
        const candidate = knownOrUndefined(() => target.props[key]);
        return typeof candidate === "string" && candidate.length > 0 && values.includes(candidate);
    });
}

// The SDK's error for reading a value unknown during preview (not in its type declarations).
const { UnknownValueError } = require("@pulumi/policy/proxy") as { UnknownValueError: new (...args: any[]) => Error };

/** A target's own generated name or id is unknown during preview; then it cannot equal a literal, so it does not match. */
function knownOrUndefined(read: () => unknown): unknown {
    try {
        return read();
    } catch (err) {
        if (err instanceof UnknownValueError) {
            return undefined;
        }
        throw err;
    }
}
