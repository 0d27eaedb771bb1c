import type { ReportFormat } from "./format";
import { createHash } from "crypto";
import type * as sarif from "sarif";
import { UNINSPECTED_POLICY, type EnforcementLevel, type Finding, type PolicySummary, type PreviewResult, type Unchecked } from "../model";
import { relaxedPolicyText, uncheckedSubject, verdictLine, waiverText } from "../result";

/**
 * SARIF 2.1.0 for GitHub code scanning: one rule per policy (help text = remediation, tags = controls), one result
 * per finding located at the source line that declared the resource, waived findings as accepted external
 * suppressions, and a stable fingerprint per (rule, resource, message) so alerts track across runs.
 */
const LEVEL: Record<EnforcementLevel, sarif.ReportingConfiguration.level> = {
    mandatory: "error",
    advisory: "warning",
    remediate: "note",
    disabled: "none",
};

/** GitHub's `security-severity` scale (0–10) from the policy's severity. */
const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "2.0" };

function rule(policy: PolicySummary): sarif.ReportingDescriptor {
    const controls = policy.controls.map((c) => `${c.framework}:${c.control}`);
    const remediation = policy.remediationSteps ?? "See the policy's documentation.";
    return {
        id: policy.name,
        name: policy.displayName || policy.name,
        shortDescription: { text: policy.displayName || policy.name },
        fullDescription: { text: policy.description },
        help: {
            text: `${policy.description}\n\nRemediation: ${remediation}${controls.length ? `\n\nControls: ${controls.join(", ")}` : ""}`,
            markdown: `${policy.description}\n\n**Remediation:** ${remediation}${controls.length ? `\n\n**Controls:** ${controls.map((c) => `\`${c}\``).join(", ")}` : ""}`,
        },
        helpUri: policy.url,
        defaultConfiguration: { level: LEVEL[policy.enforcementLevel] },
        properties: {
            tags: ["security", "compliance", ...controls],
            precision: "very-high",
            ...(policy.severity && SECURITY_SEVERITY[policy.severity] ? { "security-severity": SECURITY_SEVERITY[policy.severity] } : {}),
        },
    };
}

function result(finding: Finding, ruleIndex: number): sarif.Result {
    const where = finding.resourceName ? `${finding.resourceType} "${finding.resourceName}"` : "the stack";
    const out: sarif.Result = {
        ruleId: finding.policyName,
        ...(ruleIndex >= 0 ? { ruleIndex } : {}),
        level: LEVEL[finding.enforcementLevel],
        message: { text: `${where}: ${finding.message}` },
        partialFingerprints: {
            "policyFinding/v1": createHash("sha256").update(`${finding.policyName}\n${finding.urn ?? ""}\n${finding.message}`).digest("hex").slice(0, 32),
        },
    };
    if (finding.source) {
        out.locations = [{
            physicalLocation: {
                artifactLocation: { uri: finding.source.file.split("\\").join("/"), uriBaseId: "%SRCROOT%" },
                region: { startLine: finding.source.line, ...(finding.source.column ? { startColumn: finding.source.column } : {}) },
            },
            ...(finding.urn ? { logicalLocations: [{ fullyQualifiedName: finding.urn, name: finding.resourceName, kind: "resource" }] } : {}),
        }];
    } else if (finding.urn) {
        out.locations = [{ logicalLocations: [{ fullyQualifiedName: finding.urn, name: finding.resourceName, kind: "resource" }] }];
    }
    if (finding.waiver) {
        out.suppressions = [{
            kind: "external",
            status: "accepted",
            justification: `Waived until ${finding.waiver.expires} by ${finding.waiver.approver} (ticket ${finding.waiver.ticket ?? "none"}): ${finding.waiver.reason}`,
            properties: { approver: finding.waiver.approver, ticket: finding.waiver.ticket, expires: finding.waiver.expires, reason: finding.waiver.reason },
        }];
    }
    return out;
}

/** The preview's own rules: things it could not inspect or judge are results too, never silence. */
const UNINSPECTED_RULE: PolicySummary = {
    name: UNINSPECTED_POLICY,
    displayName: "Remote component not inspected offline",
    description: "A multi-language (remote) component's children are created by its provider plugin, which the offline preview does not run: no policy judged them.",
    enforcementLevel: "mandatory",
    remediationSteps: "Run a real `pulumi preview --policy-pack` to judge its children, or allow the type with --allow-uninspected <type> after review.",
    controls: [],
};
const NOT_JUDGED_RULE: PolicySummary = {
    name: "preview-not-judged",
    displayName: "Rule could not judge (unknown value)",
    description: "A policy read a value that is unknown until deploy and could not reach a verdict for this resource.",
    enforcementLevel: "advisory",
    remediationSteps: "Make the value known at preview time where possible, or review the resource after deploy.",
    controls: [],
};

function uncheckedResult(u: Unchecked, ruleIndex: number, failOn: PreviewResult["gate"]["failOn"]): sarif.Result {
    const out: sarif.Result = {
        ruleId: NOT_JUDGED_RULE.name,
        ruleIndex,
        level: failOn === "advisory" ? "error" : "warning",
        message: { text: `${uncheckedSubject(u)}: ${u.detail}` },
        partialFingerprints: { "policyFinding/v1": createHash("sha256").update(`${NOT_JUDGED_RULE.name}\n${u.policyName ?? ""}\n${u.urn ?? ""}\n${u.detail}`).digest("hex").slice(0, 32) },
        properties: { policyName: u.policyName, properties: u.properties },
    };
    if (u.urn) {
        out.locations = [{
            ...(u.source ? { physicalLocation: { artifactLocation: { uri: u.source.file.split("\\").join("/"), uriBaseId: "%SRCROOT%" }, region: { startLine: u.source.line } } } : {}),
            logicalLocations: [{ fullyQualifiedName: u.urn, name: u.name, kind: "resource" }],
        }];
    }
    return out;
}

export function renderSarif(preview: PreviewResult): string {
    const unchecked = preview.unchecked ?? [];
    const remote = unchecked.filter((u) => u.kind === "remote-component");
    const notJudged = unchecked.filter((u) => u.kind === "not-judged");
    const policies = [
        ...(preview.policyPack?.policies ?? []),
        ...(remote.length > 0 ? [UNINSPECTED_RULE] : []),
        ...(notJudged.length > 0 ? [NOT_JUDGED_RULE] : []),
    ];
    const ruleIds = policies.map((p) => p.name);
    // An allowed remote component has no finding: it is a result suppressed by the allowance, so it stays visible.
    const allowed: sarif.Result[] = remote.filter((u) => u.allowedBy).map((u) => ({
        ruleId: UNINSPECTED_POLICY,
        ruleIndex: ruleIds.indexOf(UNINSPECTED_POLICY),
        level: "error",
        message: { text: `${uncheckedSubject(u)}: ${u.detail}` },
        partialFingerprints: { "policyFinding/v1": createHash("sha256").update(`${UNINSPECTED_POLICY}\n${u.urn ?? ""}`).digest("hex").slice(0, 32) },
        ...(u.source ? { locations: [{ physicalLocation: { artifactLocation: { uri: u.source.file.split("\\").join("/"), uriBaseId: "%SRCROOT%" }, region: { startLine: u.source.line } } }] } : {}),
        suppressions: [{ kind: "external", status: "accepted", justification: `Allowed by ${u.allowedBy}` }],
    }));
    // Everything else the preview could not read (unknown inputs, unanswered lookups, stack references) is a
    // tool notification: visible to SARIF readers, not a code-scanning alert per resource.
    const notifications: sarif.Notification[] = unchecked.filter((u) => u.kind !== "remote-component" && u.kind !== "not-judged").map((u) => ({
        level: "note",
        message: { text: `${u.kind}: ${uncheckedSubject(u)}: ${u.detail}` },
        descriptor: { id: `preview-${u.kind}` },
        ...(u.urn ? { locations: [{ logicalLocations: [{ fullyQualifiedName: u.urn, name: u.name, kind: "resource" }] }] } : {}),
    }));
    // What the config relaxed: level changes as SARIF rule configuration overrides, and each one (and each waiver) as
    // a notification, so a reader of the SARIF alone sees them.
    const relaxed = preview.policyPack?.relaxed ?? { policies: [], waivers: [] };
    const overrides: sarif.ConfigurationOverride[] = relaxed.policies.map((p) => ({
        descriptor: { id: p.name, ...(ruleIds.includes(p.name) ? { index: ruleIds.indexOf(p.name) } : {}) },
        configuration: { level: LEVEL[p.level], enabled: p.level !== "disabled" },
        properties: { defaultLevel: p.defaultLevel, level: p.level, change: p.change },
    }));
    notifications.push(
        ...relaxed.policies.map((p): sarif.Notification => ({ level: p.change === "raised" ? "note" : "warning", message: { text: `policy config level: ${relaxedPolicyText(p)}` }, descriptor: { id: "policy-config-level" } })),
        ...relaxed.waivers.map((w): sarif.Notification => ({ level: w.status === "refused" ? "error" : "warning", message: { text: `policy config waiver: ${waiverText(w)}` }, descriptor: { id: "policy-config-waiver" }, properties: { ...w } })),
    );
    const log: sarif.Log = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [{
            tool: {
                driver: {
                    name: preview.tool.name,
                    version: preview.tool.version,
                    ...(preview.provenance?.pack ? { properties: { policyPack: preview.provenance.pack } } : {}),
                    informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
                    rules: policies.map(rule),
                },
            },
            originalUriBaseIds: { "%SRCROOT%": { uri: `file://${preview.program.directory.split("\\").join("/").replace(/\/?$/, "/")}` } },
            automationDetails: { id: `policy-preview/${preview.program.project}/${preview.program.stack}/` },
            invocations: [{
                executionSuccessful: true, endTimeUtc: preview.generatedAt,
                ...(overrides.length > 0 ? { ruleConfigurationOverrides: overrides } : {}),
                ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
            }],
            results: [
                ...preview.findings.map((f) => result(f, ruleIds.indexOf(f.policyName))),
                ...allowed,
                ...notJudged.map((u) => uncheckedResult(u, ruleIds.indexOf(NOT_JUDGED_RULE.name), preview.gate.failOn)),
            ],
            properties: {
                stack: preview.program.stack,
                policyPack: preview.policyPack ? `${preview.policyPack.name}@${preview.policyPack.version}` : undefined,
                policyConfig: preview.policyPack ? preview.policyPack.configFile ?? "none: the pack's defaults apply" : undefined,
                verdict: verdictLine(preview),
                allowUninspected: preview.allowUninspected,
                provenance: preview.provenance,
                relaxed,
            },
        }],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}

export const format: ReportFormat = { file: "preview.sarif", readBy: "code scanning (SARIF 2.1.0)", render: renderSarif };
