import { createHash } from "crypto";
import type * as sarif from "sarif";
import type { EnforcementLevel, Finding, PolicySummary, PreviewResult } from "../model";

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
            justification: `Waived until ${finding.waiver.expires} by ${finding.waiver.approver}: ${finding.waiver.reason}`,
        }];
    }
    return out;
}

export function renderSarif(preview: PreviewResult): string {
    const policies = preview.policyPack?.policies ?? [];
    const ruleIds = policies.map((p) => p.name);
    const log: sarif.Log = {
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [{
            tool: {
                driver: {
                    name: preview.tool.name,
                    version: preview.tool.version,
                    informationUri: "https://www.pulumi.com/docs/iac/using-pulumi/crossguard/",
                    rules: policies.map(rule),
                },
            },
            originalUriBaseIds: { "%SRCROOT%": { uri: `file://${preview.program.directory.split("\\").join("/").replace(/\/?$/, "/")}` } },
            automationDetails: { id: `policy-preview/${preview.program.project}/${preview.program.stack}/` },
            invocations: [{ executionSuccessful: true, endTimeUtc: preview.generatedAt }],
            results: preview.findings.map((f) => result(f, ruleIds.indexOf(f.policyName))),
            properties: { stack: preview.program.stack, policyPack: preview.policyPack ? `${preview.policyPack.name}@${preview.policyPack.version}` : undefined },
        }],
    };
    return `${JSON.stringify(log, null, 2)}\n`;
}
