import {
    EnforcementLevel,
    Policy,
    PolicyResource,
    ReportViolation,
    ResourceValidationArgs,
    ResourceValidationPolicy,
    Severity,
    StackValidationArgs,
    StackValidationPolicy,
} from "@pulumi/policy";
import { PolicyConfigJSONSchema } from "@pulumi/policy/schema";
import { Resource } from "@pulumi/pulumi";
import { ResolvedResource } from "@pulumi/pulumi/queryable";
import {
    DEFAULT_WAIVER_HORIZON_DAYS,
    encodeWaivedFinding,
    isWaiverActive,
    matchesPattern,
    parseCalendarDate,
    Waiver,
} from "../lib/rules/waivers";
import { effectiveHorizon, MAX_WAIVER_HORIZON_DAYS, POLICY_WEAKENED, stackOfUrn, tierOf, waiverLimitProblem, weakenings, type Level } from "../lib/rules/policy-limits";
import { configGeneration, receivedConfig } from "./received-config";
import { NOT_JUDGED_PREFIX } from "../lib/rules/not-judged";
import { Controls, controlTags, primaryFramework } from "./controls";
import { RENAMED_POLICIES } from "./renamed";

export { matchesPattern, Waiver };

/**
 * The pack's rule framework. A rule is declared once (one file under policies/rules/<service>/) with its metadata,
 * controls and a pure check, and wrapped here into a CrossGuard policy that applies the rule's config and waivers.
 *
 * Unknown values: props are read through the SDK's unknown-checking proxy. A resource rule whose check reads a value
 * unknown during preview reports that resource as NOT JUDGED — an advisory diagnostic of the rule itself whose message
 * (after the SDK's "can't run policy … during preview: " prefix) starts with `not judged: ` — never as a pass. Stack
 * rules judge every resource on its own (`judgeEach`), so one unknown value never switches a rule off for the others.
 */

export const WAIVER_SCHEMA: PolicyConfigJSONSchema = {
    type: "array",
    items: {
        type: "object",
        properties: {
            resource: { type: "string", minLength: 1 },
            reason: { type: "string", minLength: 10 },
            approver: { type: "string", minLength: 3 },
            expires: { type: "string", pattern: "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$" },
            ticket: { type: "string" },
        },
        required: ["resource", "reason", "approver", "expires"],
        additionalProperties: false,
    },
};

/** The stable start of every not-judged message (after the SDK's own prefix). */
export { NOT_JUDGED_PREFIX };

/**
 * What a rule's check reports about one resource, before the pack turns it into a diagnostic (the offline preview's
 * report-level `Finding`, scripts/preview/model.ts, is built from that diagnostic).
 */
export interface RuleFinding {
    message: string;
    /** For stack rules: the resource the finding is about. */
    urn?: string;
    /** For stack rules: its name, for waiver matching. */
    name?: string;
    /** Set when the resource could not be judged: the property paths unknown during preview. `message` then explains. */
    notJudged?: string[];
}

/** What a resource check may return: violation messages, and `{ notJudged }` for parts it could not judge. */
export type CheckResult = string | NotJudged | Array<string | NotJudged> | undefined | void;

export interface NotJudged {
    notJudged: string[];
}

export interface RuleMeta {
    name: string;
    displayName: string;
    description: string;
    remediation: string;
    severity: Severity;
    /** Level when no config says otherwise (production config makes everything mandatory). */
    enforcementLevel?: EnforcementLevel;
    /** Rule thresholds, besides `waivers` and `waiverHorizonDays` (added to every rule). */
    config?: Record<string, PolicyConfigJSONSchema>;
    /** Controls the rule supports: declared here only, usually a named set of policies/controls.ts. */
    controls: Controls;
    /** The setting family the rule judges, for `npm run policies:coverage`. */
    concern?: Concern | Concern[];
}

export type Concern = "encryption-at-rest" | "public-exposure" | "tls" | "access" | "secrets" | "keys" | "integrity" | "retention" | "resilience";

export interface ResourceRule extends RuleMeta {
    /** Resource types the rule judges (type tokens; `typesOf(aws.rds.Instance, …)`); empty for every `aws:` type. */
    types: string[];
    check(props: Record<string, any>, args: ResourceValidationArgs, config: Record<string, any>): CheckResult;
}

export interface StackRule extends RuleMeta {
    /** Resource types the rule judges, for the coverage report (stack rules see every resource). */
    types?: string[];
    check(resources: PolicyResource[], args: StackValidationArgs, config: Record<string, any>): RuleFinding[];
}

export type Rule = ResourceRule | StackRule;

export function isStackRule(rule: Rule): rule is StackRule {
    return (rule as { kind?: string }).kind === "stack" || !Array.isArray((rule as ResourceRule).types);
}

/** The type token of a Pulumi resource class (`aws.rds.Instance` → `aws:rds/instance:Instance`). */
export function typeOf(resourceClass: { isInstance(o: unknown): boolean }): string {
    const token = (resourceClass as unknown as { __pulumiType?: string }).__pulumiType;
    if (typeof token !== "string") {
        throw new Error("typeOf: not a Pulumi resource class");
    }
    return token;
}

export function typesOf(...classes: Array<{ isInstance(o: unknown): boolean }>): string[] {
    return classes.map(typeOf);
}

/**
 * A typed resource rule: `check` receives the props typed as the resource class's resolved inputs/outputs (as
 * `validateResourceOfType` does) for every listed class (aliases like `aws.alb.Listener` included).
 */
export function resourceRule<C extends ResourceClass>(rule: RuleMeta & {
    resourceTypes: C[];
    check(props: Resolved<C["prototype"]>, args: ResourceValidationArgs, config: Record<string, any>): CheckResult;
}): ResourceRule {
    const { resourceTypes, check, ...meta } = rule;
    return { ...meta, types: typesOf(...resourceTypes), check: (props, args, config) => check(props as Resolved<C["prototype"]>, args, config) };
}

/** A Pulumi resource class (`aws.rds.Instance`). */
export type ResourceClass = { isInstance(o: unknown): boolean; prototype: Resource };

/** A stack rule, marked so the registry can tell it from a resource rule. */
export function stackRule(rule: StackRule): StackRule {
    return Object.assign(rule, { kind: "stack" });
}

/** A resource's props as policies see them (the type `validateResourceOfType` gives); any may be absent. */
export type Resolved<T> = Partial<ResolvedResource<T & Resource>> & Record<string, any>;

// ---------------------------------------------------------------------------------------------------------------------
// Unknown values

const proxy = require("@pulumi/policy/proxy") as {
    UnknownValueError: new (sentinel: unknown, props: string[]) => Error & { props: string[] };
    getSpecialProxyTarget: string;
    unknownStringValue: unknown;
    unknownBooleanValue: unknown;
    unknownNumberValue: unknown;
    unknownArrayValue: unknown;
    unknownAssetValue: unknown;
    unknownArchiveValue: unknown;
    unknownObjectValue: unknown;
};
const UNKNOWN_SENTINELS = new Set([proxy.unknownStringValue, proxy.unknownBooleanValue, proxy.unknownNumberValue, proxy.unknownArrayValue,
    proxy.unknownAssetValue, proxy.unknownArchiveValue, proxy.unknownObjectValue]);

/** Whether an error is the SDK's "value unknown during preview". */
export function isUnknownValueError(err: unknown): err is Error & { props: string[] } {
    return err instanceof proxy.UnknownValueError;
}

/** Whether a raw value (read without the proxy) is unknown during preview. */
export function isUnknown(value: unknown): boolean {
    return UNKNOWN_SENTINELS.has(value);
}

/** The props without the unknown-checking proxy, to look at values that may be unknown (`"password" in raw(props)`). */
export function raw<T>(value: T): T {
    if (value !== null && typeof value === "object") {
        const target = (value as any)[proxy.getSpecialProxyTarget];
        if (target !== undefined && target !== true) {
            return target as T;
        }
    }
    return value;
}

/** Each resource's `ignoreChanges` (AnalyzerResourceOptions), by its raw props, for {@link isSet}. */
const ignoredBy = new WeakMap<object, string[]>();
function noteIgnored(props: unknown, ignoreChanges: string[] | undefined): void {
    const target = raw(props);
    if (target !== null && typeof target === "object" && ignoreChanges?.length) ignoredBy.set(target, ignoreChanges);
}

/**
 * Whether a property is set at all: a value unknown during preview counts as set (it will be whatever the resource
 * it comes from produces — a key ARN, a generated token), so "is a key configured" never needs the value itself.
 */
export function isSet(props: Record<string, any>, key: string): boolean {
    const value = raw(props)?.[key];
    if (isUnknown(value)) {
        // Except a property in the resource's ignoreChanges: its value is the deployed one (the engine puts the old
        // value back before Analyze), unknown only where the state is not read (the offline preview) — not judged.
        const ignored = ignoredBy.get(raw(props)) ?? [];
        if (ignored.some((p) => p === key || p.startsWith(`${key}.`) || p.startsWith(`${key}[`))) {
            unknownAt(key);
        }
        return true;
    }
    return value !== undefined && value !== null && value !== "" && !(Array.isArray(value) && value.length === 0);
}

/** Raises the SDK's own unknown error for a value found unknown in raw props, so the framework reports "not judged". */
export function unknownAt(path: string): never {
    throw new proxy.UnknownValueError(proxy.unknownStringValue, path.split("."));
}

/** The SDK reports this error as an advisory "can't run policy … during preview: not judged: …" of the rule itself. */
class NotJudgedError extends proxy.UnknownValueError {
    constructor(detail: string) {
        super(proxy.unknownStringValue, []);
        this.message = `${NOT_JUDGED_PREFIX}${detail}`;
    }
}

const pathOf = (err: { props: string[] }) => err.props.map(String).join(".") || "(value)";

/**
 * Runs `judge` on each resource on its own; a resource whose needed value is unknown during preview becomes a
 * not-judged finding instead of aborting the rule for every resource.
 */
export function judgeEach<R extends PolicyResource>(resources: R[], judge: (resource: R) => RuleFinding[] | RuleFinding | undefined): RuleFinding[] {
    return resources.flatMap((resource) => {
        try {
            const result = judge(resource);
            return result === undefined ? [] : Array.isArray(result) ? result : [result];
        } catch (err) {
            if (isUnknownValueError(err)) {
                const property = pathOf(err);
                return [{ urn: resource.urn, name: resource.name, notJudged: [property], message: `${resource.name}: ${property} unknown during preview` }];
            }
            throw err;
        }
    });
}


// ---------------------------------------------------------------------------------------------------------------------
// Policies

/** Where the README (with a `#policy-<name>` anchor per rule) is hosted; change it if the repository moves. */
const README_URL = "https://github.com/platform-team/aws-platform/blob/main/README.md";

const COMMON_CONFIG: Record<string, PolicyConfigJSONSchema> = {
    waivers: WAIVER_SCHEMA,
    // The pack's maximum (MAX_WAIVER_HORIZON_DAYS) caps it whatever the config says; above it is a policy-weakened finding.
    waiverHorizonDays: { type: "integer", minimum: 1, default: DEFAULT_WAIVER_HORIZON_DAYS, description: `Days ahead a waiver may expire; at most ${MAX_WAIVER_HORIZON_DAYS}` },
};

function metadata(rule: RuleMeta) {
    const framework = primaryFramework(rule.controls);
    return {
        name: rule.name,
        displayName: rule.displayName,
        description: rule.description,
        enforcementLevel: rule.enforcementLevel ?? "mandatory",
        severity: rule.severity,
        remediationSteps: rule.remediation,
        url: `${README_URL}#policy-${rule.name}`,
        tags: controlTags(rule.name, rule.controls),
        ...(framework ? { framework } : {}),
        configSchema: { properties: { ...rule.config, ...COMMON_CONFIG } },
    };
}

/** Where a policy puts the findings an active waiver covers; the companion `waived-findings` policies report them. */
export interface WaiverLedger {
    byUrn: Map<string, string[]>;
    inStack: Array<{ urn?: string; message: string }>;
    guard: Guard;
}

function newLedger(): WaiverLedger {
    return { byUrn: new Map(), inStack: [], guard: { defaults: {}, stackPolicies: [], resourcePolicies: [], reported: -1 } };
}

/**
 * Splits findings into reported, waived and not judged. An expired waiver is named in the message but suppresses
 * nothing; an impossible expiry date is a config error (one clear message, nothing judged). A waiver beyond the
 * pack's limits (a pattern in a production stack, a horizon beyond the maximum) suppresses nothing either: the finding
 * stays at the rule's level, says why, and the pack's `policy-weakened` finding names the waiver.
 */
function settle(rule: string, config: Record<string, any>, findings: RuleFinding[], report: (message: string, urn?: string) => void, waived: (message: string, urn?: string) => void, stackUrn?: string): void {
    const waivers: Waiver[] = config.waivers ?? [];
    const now = new Date();
    const horizon = effectiveHorizon(config.waiverHorizonDays);
    for (const waiver of waivers) {
        if (!parseCalendarDate(waiver.expires)) {
            throw new Error(`policy config "${rule}": the waiver for "${waiver.resource}" (approver ${waiver.approver}) is rejected: expires "${waiver.expires}" is not a calendar date (YYYY-MM-DD)`);
        }
    }
    const notJudged: RuleFinding[] = [];
    for (const finding of findings) {
        if (finding.notJudged) {
            notJudged.push(finding);
            continue;
        }
        const tier = tierOf(stackOfUrn(finding.urn ?? stackUrn));
        const matching = waivers.filter((w) => (finding.name !== undefined && matchesPattern(w.resource, finding.name)) || (finding.urn !== undefined && matchesPattern(w.resource, finding.urn)));
        const refused = matching.map((w) => ({ w, problem: waiverLimitProblem(w, tier, horizon, now) })).find((x) => x.problem);
        const admissible = matching.filter((w) => !waiverLimitProblem(w, tier, horizon, now));
        const active = admissible.find((w) => isWaiverActive(w, now));
        if (active) {
            waived(encodeWaivedFinding({ rule, waiver: active, message: finding.message }), finding.urn);
        } else if (admissible.length > 0) {
            report(`${finding.message} (waiver by ${admissible[0].approver} expired on ${admissible[0].expires})`, finding.urn);
        } else if (refused) {
            report(`${finding.message} (waiver by ${refused.w.approver} not honoured: ${refused.problem})`, finding.urn);
        } else {
            report(finding.message, finding.urn);
        }
    }
    if (notJudged.length > 0) {
        throw new NotJudgedError(notJudged.map((f) => f.message).join("; "));
    }
}

function asFindings(result: CheckResult, args: ResourceValidationArgs): RuleFinding[] {
    const items = result === undefined ? [] : Array.isArray(result) ? result : [result];
    return items.map((item) => typeof item === "string"
        ? { message: item, urn: args.urn, name: args.name }
        : { notJudged: item.notJudged, message: `${item.notJudged.join(", ")} unknown during preview`, urn: args.urn, name: args.name });
}

export function resourcePolicy(rule: ResourceRule, ledger: WaiverLedger = newLedger()): ResourceValidationPolicy {
    const types = new Set(rule.types);
    return {
        ...metadata(rule),
        validateResource: (args: ResourceValidationArgs, reportViolation: ReportViolation) => {
            reportWeakenings(ledger.guard, rule.name, args.urn, reportViolation);
            // No listed types: the rule applies to every AWS resource. Any other resource is out of its scope, and
            // says so (the analyzer protocol's not-applicable list: the compliance report's scope comes from it).
            if (types.size > 0 ? !types.has(args.type) : !args.type.startsWith("aws:")) {
                args.notApplicable?.(`judges ${types.size > 0 ? [...types].join(", ") : "aws: resources"} only`);
                return;
            }
            const config = args.getConfig<Record<string, any>>();
            noteIgnored(args.props, args.opts?.ignoreChanges);
            let findings: RuleFinding[];
            try {
                findings = asFindings(rule.check(args.props, args, config), args);
            } catch (err) {
                if (!isUnknownValueError(err)) {
                    throw err;
                }
                findings = asFindings({ notJudged: [pathOf(err)] }, args);
            }
            settle(rule.name, config, findings, (message) => reportViolation(message),
                (message, urn) => ledger.byUrn.set(urn ?? args.urn, [...(ledger.byUrn.get(urn ?? args.urn) ?? []), message]), args.urn);
        },
    };
}

export function stackPolicy(rule: StackRule, ledger: WaiverLedger = newLedger()): StackValidationPolicy {
    return {
        ...metadata(rule),
        validateStack: (args: StackValidationArgs, reportViolation: ReportViolation) => {
            reportWeakenings(ledger.guard, rule.name, args.resources[0]?.urn, reportViolation);
            const config = args.getConfig<Record<string, any>>();
            args.resources.forEach((r) => noteIgnored(r.props, r.opts?.ignoreChanges));
            const findings = rule.check(args.resources, args, config);
            // Nothing of the types it judges in the stack, and nothing found: out of scope (never when it found
            // something, so a types list that misses a type can not hide a finding).
            if (findings.length === 0 && rule.types && rule.types.length > 0 && !args.resources.some((r) => rule.types!.includes(r.type))) {
                args.notApplicable?.(`no ${rule.types.join(", ")} in the stack`);
                return;
            }
            settle(rule.name, config, findings,
                (message, urn) => reportViolation(message, urn || undefined),
                (message, urn) => ledger.inStack.push({ urn: urn || undefined, message }), args.resources[0]?.urn);
        },
    };
}

// ---------------------------------------------------------------------------------------------------------------------
// The pack limits its own config

/** What the pack knows to judge a config: each policy's declared level, and which policies are stack policies. */
export interface Guard {
    defaults: Record<string, Level>;
    stackPolicies: string[];
    resourcePolicies: string[];
    /** The config generation whose weakenings were reported (once per Configure). */
    reported: number;
}

const POLICY_WEAKENED_META: RuleMeta = {
    name: POLICY_WEAKENED,
    displayName: "Policy config weakens the gate",
    description: "The stack's policy config relaxes the pack beyond its limits: a rule disabled or lowered in a production stack, a waiver that names no resource or runs past the pack's maximum horizon, or settings under a name that is no policy of the pack (an old name: they apply to nothing).",
    remediation: "Restore the rule's level, name each waived resource, keep waivers within the pack's horizon, key settings by the policy's current name; the policy config is owned by compliance (CODEOWNERS).",
    severity: "critical",
    enforcementLevel: "mandatory",
    // Change management: the gate's own configuration is a change that must not pass unreviewed.
    controls: { soc2: ["CC8.1"], "pci-dss-4.0": ["6.5.1"] },
};

/**
 * Reports each way the received config weakens the gate, as mandatory `policy-weakened` findings, whatever level the
 * config gives any policy. A disabled policy never runs (the SDK skips it), so the report cannot live in one policy the
 * config could switch off: the first policy the config left running reports it — `policy-weakened` itself, else the
 * first enabled stack policy (once, for the stack), else the first enabled resource policy (once, on its first
 * resource). Only a config that disables every policy escapes, and that is the one case it cannot hide: no policy runs.
 */
function reportWeakenings(guard: Guard, policy: string, urn: string | undefined, reportViolation: ReportViolation): void {
    const config = receivedConfig() ?? {};
    const enabled = (name: string) => (config[name]?.level ?? guard.defaults[name]) !== "disabled";
    const reporter = [POLICY_WEAKENED, ...guard.stackPolicies, ...guard.resourcePolicies].find((name) => name in guard.defaults && enabled(name));
    if (reporter !== policy || guard.reported === configGeneration()) {
        return;
    }
    guard.reported = configGeneration();
    const messages = weakenings(guard.defaults, config, tierOf(stackOfUrn(urn)), new Date()).map((w) => w.message);
    // The engine passes a key that names no policy on to the pack (ReconcilePolicyPackConfig) and the SDK ignores it,
    // so settings under an old name would silently apply to nothing (a production `requireCustomerManagedKey` lost).
    for (const name of Object.keys(config).filter((key) => key !== "all" && !(key in guard.defaults)).sort()) {
        const renamed = RENAMED_POLICIES[name];
        messages.push(`the policy config names ${name}, which is not a policy of this pack${renamed ? ` (renamed ${renamed} in 2.0.0)` : ""}: its level and properties apply to nothing; key them by ${renamed ?? "a policy's current name"}`);
    }
    for (const message of messages) {
        // The SDK's object form of a violation: another policy's name and a level of its own (policy-weakened is
        // mandatory even when the config lowers it, and is reported by whichever policy still runs).
        const violation = {
            name: POLICY_WEAKENED, message, description: POLICY_WEAKENED_META.description,
            enforcementLevel: "mandatory", severity: POLICY_WEAKENED_META.severity,
        };
        (reportViolation as unknown as (v: typeof violation) => void)(violation);
    }
}

function weakenedPolicy(guard: Guard): StackValidationPolicy {
    const { configSchema: _ignored, ...meta } = metadata(POLICY_WEAKENED_META);
    return { ...meta, validateStack: (args, reportViolation) => reportWeakenings(guard, POLICY_WEAKENED, args.resources[0]?.urn, reportViolation) };
}

const WAIVED_META: RuleMeta = {
    name: "waived-findings",
    displayName: "Waived findings",
    description: "Reports findings that an active compliance waiver covers, so waived exceptions stay visible in every report.",
    remediation: "Fix the finding before the waiver expires, or have compliance renew the waiver in the policy config.",
    severity: "low",
    enforcementLevel: "advisory",
    // Risk assessment: an accepted exception stays visible until it is fixed or renewed.
    controls: { soc2: ["CC3.4"] },
};

/**
 * Companion policies reporting waived findings (advisory). They read the ledger of the pack they were built with
 * (`buildPolicies`, which always appends them last: the SDK runs a request's policies in order), so no module-level
 * state is shared and the order of the rules themselves does not matter.
 */
function waivedFindingsPolicies(ledger: WaiverLedger): [ResourceValidationPolicy, StackValidationPolicy] {
    const { configSchema: _ignored, ...meta } = metadata(WAIVED_META);
    return [
        {
            ...meta,
            validateResource: (args, reportViolation) => {
                reportWeakenings(ledger.guard, WAIVED_META.name, args.urn, reportViolation);
                for (const message of ledger.byUrn.get(args.urn) ?? []) {
                    reportViolation(message);
                }
                ledger.byUrn.delete(args.urn);
            },
        },
        {
            ...meta,
            name: "waived-stack-findings",
            displayName: "Waived stack findings",
            tags: controlTags("waived-stack-findings", WAIVED_META.controls),
            validateStack: (args, reportViolation) => {
                reportWeakenings(ledger.guard, "waived-stack-findings", args.resources[0]?.urn, reportViolation);
                for (const finding of ledger.inStack.splice(0)) {
                    reportViolation(finding.message, finding.urn);
                }
            },
        },
    ];
}

/** Every rule as a CrossGuard policy, followed by the config guard and the waived-findings companions (last). */
export function buildPolicies(rules: Rule[]): Policy[] {
    const names = new Set<string>();
    for (const rule of rules) {
        if (names.has(rule.name)) {
            throw new Error(`two policies are named ${rule.name}`);
        }
        names.add(rule.name);
    }
    const ledger = newLedger();
    const policies: Policy[] = [
        ...rules.map((rule) => (isStackRule(rule) ? stackPolicy(rule, ledger) : resourcePolicy(rule, ledger))),
        weakenedPolicy(ledger.guard),
        ...waivedFindingsPolicies(ledger),
    ];
    for (const policy of policies) {
        ledger.guard.defaults[policy.name] = (policy.enforcementLevel ?? "mandatory") as Level;
        ("validateStack" in policy ? ledger.guard.stackPolicies : ledger.guard.resourcePolicies).push(policy.name);
    }
    return policies;
}

// ---------------------------------------------------------------------------------------------------------------------
// Helpers for rules

/** Raw value lookup that tolerates absent intermediate objects (but still raises for unknown ones). */
export function get(props: Record<string, any>, path: string): any {
    return path.split(".").reduce<any>((node, key) => (node === undefined || node === null ? undefined : node[key]), props);
}

export const asArray = <T = any>(v: T | T[] | undefined | null): T[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** Resources that reference `target` through `property` (via property dependencies, which survive unknown ids). */
export function referencing(resources: PolicyResource[], target: PolicyResource, type: string, property: string): PolicyResource[] {
    return resources.filter((r) => r.type === type && refersTo(r, property, target));
}

/**
 * Whether a resource's property refers to `target`. A property fed by other resources is judged by its property
 * dependencies alone — its value is usually unknown during preview. Only a literal value (no dependencies) is
 * compared with the target's known id, name or ARN.
 */
export function refersTo(resource: PolicyResource, property: string, target: PolicyResource): boolean {
    const dependencies = resource.propertyDependencies[property];
    if (dependencies && dependencies.length > 0) {
        return dependencies.some((d) => d.urn === target.urn);
    }
    const value = raw(resource.props)[property];
    const values = [value].flat().filter((v): v is string => typeof v === "string" && !isUnknown(v));
    const targetProps = raw(target.props);
    return values.length > 0 && ["id", "bucket", "arn", "name"].some((key) => {
        const candidate = targetProps[key];
        return typeof candidate === "string" && !isUnknown(candidate) && candidate.length > 0 && values.includes(candidate);
    });
}

/** Whether any property of `resource` depends on `target`. */
export function dependsOn(resource: PolicyResource, target: PolicyResource): boolean {
    return Object.values(resource.propertyDependencies).some((deps) => deps.some((d) => d.urn === target.urn));
}

/** Tag value, tolerant of absent tags (unknown tags raise as usual). */
export function tagOf(props: Record<string, any>, key: string): string | undefined {
    const tags = props.tags;
    return tags && typeof tags === "object" ? tags[key] : undefined;
}
