import type { EnforcementLevel } from "@pulumi/policy";
import type { Waiver as PolicyWaiver } from "../../lib/rules/waivers";

/**
 * The offline preview's result model: what the plan recorded and what the policy pack said about it.
 * The JSON report is this object as-is (schema: scripts/preview/report.schema.json, `schemaVersion` bumps on breaking change),
 * and every other report (terminal, Markdown, SARIF, JUnit, HTML) is rendered from it.
 */
export const SCHEMA_VERSION = "1.2.0";

/** The analyzer protocol's levels, as the policy SDK (and so the pack) defines them. */
export type { EnforcementLevel };

/** Where in the program's own source a resource was declared. Paths are relative to the program directory. */
export interface SourceLocation {
    file: string;
    line: number;
    column?: number;
}

export interface PlannedResource {
    urn: string;
    type: string;
    name: string;
    /** true for component resources (no provider), false for custom resources. */
    custom: boolean;
    /** Multi-language (remote) component: its children are created by another process and are not in this plan. */
    remote: boolean;
    parent?: string;
    /** Provider reference `<provider urn>::<id>` for custom resources, when one is known. */
    provider?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    protect: boolean;
    retainOnDelete: boolean;
    ignoreChanges: string[];
    /**
     * Remediate-level policies that changed the inputs (the engine remediates before it analyzes and deploys): `inputs`
     * are then the remediated ones, what would be deployed.
     */
    remediatedBy?: string[];
    /** Inputs as registered. Secret values are replaced by the string "[secret]"; unknown values by "[unknown]". */
    inputs: Record<string, unknown>;
    source?: SourceLocation;
}

export interface PolicyControl {
    /** Framework id from the tag prefix, e.g. `pci-dss-4.0`, `soc2`, `cis-aws-3.0`, `gdpr`. */
    framework: string;
    /** Control id within the framework, e.g. `3.5.1`, `CC6.1`, `art-32`. */
    control: string;
}

export interface PolicySummary {
    name: string;
    displayName: string;
    description: string;
    /** The level in effect after config reconciliation. */
    enforcementLevel: EnforcementLevel;
    /** The level the pack declares (what applies without config). */
    defaultEnforcementLevel?: EnforcementLevel;
    /**
     * What the policy judged, from the analyzer protocol's not-applicable answers: `resources` (the URNs it applied to),
     * `stack` (a stack policy that ran over the whole stack), `none` (nothing in scope), `disabled` (did not run).
     */
    scope?: { kind: "resources"; resources: string[] } | { kind: "stack" } | { kind: "none" } | { kind: "disabled" };
    severity?: string;
    remediationSteps?: string;
    url?: string;
    controls: PolicyControl[];
}

/** The waiver (lib/rules/waivers.ts, as the pack's config declares it) that covers a finding, with the rule it waives. */
export type Waiver = Pick<PolicyWaiver, "approver" | "expires" | "reason" | "ticket"> & { rule: string };

/** A waiver as the policy config grants it, whether or not a finding used it. */
export interface ConfiguredWaiver extends Pick<PolicyWaiver, "resource" | "approver" | "expires" | "reason" | "ticket"> {
    rule: string;
    /** `refused`: beyond the pack's limits (a pattern in production, past the horizon); the pack reports it as policy-weakened. */
    status: "active" | "expired" | "refused";
    /** Why it is refused. */
    problem?: string;
}

/** What the policy config relaxed: every policy not at the level the pack declares, and every waiver it grants. */
export interface Relaxed {
    policies: Array<{ name: string; defaultLevel: EnforcementLevel; level: EnforcementLevel; change: "disabled" | "lowered" | "raised" | "changed" }>;
    waivers: ConfiguredWaiver[];
}

/** What was judged, by what: enough for a reviewer to reproduce the verdict. */
export interface Provenance {
    /** The program's commit (git of the program directory, else GITHUB_SHA); absent when neither is known. */
    commit?: string;
    commitSource: "git" | "GITHUB_SHA" | "unknown";
    /** The program's working tree had uncommitted changes. */
    dirty?: boolean;
    /** sha256 of the pack's files (its directory without node_modules, and every file it imports by relative path). */
    pack?: { name: string; version: string; contentHash: string; files: number };
    /** sha256 of the policy config file's bytes; absent when no config was given. */
    policyConfig?: { file: string; hash: string };
    tool: { name: string; version: string };
    generatedAt: string;
}

export interface Gate {
    failOn: "mandatory" | "advisory";
    passed: boolean;
    /** Unwaived findings at a failing level (uninspected remote components included: they are findings too). */
    blockingFindings: number;
    /** Blocking unchecked items that are not findings themselves (e.g. rules that could not judge, with --fail-on advisory). */
    blockingUnchecked: number;
    /** Unchecked items that did not block: a passing gate says how many. */
    nonBlockingUnchecked: number;
}

export interface Finding {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    enforcementLevel: EnforcementLevel;
    message: string;
    description: string;
    severity?: string;
    urn?: string;
    /** Resolved from `urn` against the plan, for display. */
    resourceType?: string;
    resourceName?: string;
    source?: SourceLocation;
    /** Present when a compliance waiver covers this finding; a waived finding never fails the gate. */
    waiver?: Waiver;
}

/**
 * Something the preview could not see or could not judge. Rendered in every report; never passes silently: a blocking
 * item fails the gate, and a passing gate with non-blocking items says so in its verdict line.
 */
export interface Unchecked {
    kind: "remote-component" | "not-judged" | "unknown-value" | "unanswered-lookup" | "stack-reference" | "secret-config" | "esc-environment" | "empty-plan" | "policies-disabled";
    /** The resource, when there is one. */
    urn?: string;
    type?: string;
    name?: string;
    /** Data-source token for lookups, e.g. `aws:ec2/getAmi:getAmi`. */
    token?: string;
    /** Property paths unknown or not judged. */
    properties?: string[];
    /** For not-judged: the rule that could not judge. */
    policyName?: string;
    /** One human sentence. */
    detail: string;
    /** true: fails the gate (remote components unless allowed). */
    blocking: boolean;
    /** e.g. `--allow-uninspected awsx:ecs:FargateService`. */
    allowedBy?: string;
    source?: SourceLocation;
}

/** The pseudo-policy under which each uninspected remote component is also reported as a finding. */
export const UNINSPECTED_POLICY = "preview-uninspected-component";

export interface PreviewResult {
    schemaVersion: string;
    tool: { name: string; version: string };
    generatedAt: string;
    program: { directory: string; project: string; stack: string; runtime: string };
    /**
     * `configFile` absent: no policy config for the stack, the pack's defaults apply. Each policy's `enforcementLevel`
     * is the level in effect after config reconciliation.
     */
    policyPack?: { directory: string; name: string; version: string; configFile?: string; policies: PolicySummary[]; relaxed: Relaxed };
    provenance: Provenance;
    resources: PlannedResource[];
    findings: Finding[];
    /** Logs the program or the pack wrote (warnings and errors), for the terminal and the JSON report. */
    diagnostics: Array<{ source: "program" | "policy-pack"; severity: string; message: string; urn?: string }>;
    /** What the preview could not see or judge (remote components, unknown values, rules that could not judge, ...). */
    unchecked: Unchecked[];
    /** `--allow-uninspected` patterns given (remote component types allowed to pass uninspected). */
    allowUninspected: string[];
    gate: Gate;
    timings: { planMs: number; policyMs: number; totalMs: number };
}
