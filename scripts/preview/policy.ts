import * as fs from "fs";
import * as path from "path";
import { stripVTControlCharacters } from "util";
import * as analyzer from "./analyzer/client";
import { PreviewInputError } from "./errors";
import { controlsOf, parseWaivedMessage, WAIVED_FINDINGS_POLICIES } from "./findings";
import type { ConfiguredWaiver, EnforcementLevel, Finding, PolicySummary, Relaxed } from "./model";
import { effectiveHorizon, STRENGTH, tierOf, waiverLimitProblem } from "../../lib/rules/policy-limits";
import { isWaiverActive, type Waiver as PolicyWaiver } from "../../lib/rules/waivers";
import type { Plan } from "./plan";
import type { ProgramProject } from "./project";
import { analyzerProperties, blindPlaceholder, MASKED_SECRET, MASKED_UNKNOWN, propertyPathSegments } from "./properties";
import { SECRET_PLACEHOLDER } from "./project";
import type { RegisteredResource } from "./plan-protocol";

export interface PolicyRun {
    pack: { directory: string; name: string; version: string; configFile?: string; policies: PolicySummary[]; relaxed: Relaxed };
    findings: Finding[];
    logs: Array<{ severity: string; message: string; urn?: string }>;
    /** Resources whose inputs remediate-level policies changed: the inputs analyzed and deployed, masked as reports show them. */
    remediated: Array<{ urn: string; policies: string[]; inputs: Record<string, unknown> }>;
}


/**
 * The inputs with every `ignoreChanges` path unknown. With state, the engine puts the deployed (old) value of an ignored
 * property back before it analyzes (step_generator.go, processIgnoreChanges); offline there is no state, so the value
 * the engine would judge is not known: a rule that reads it reports the resource as not judged, with the property,
 * whatever pack runs. A path absent from the declared inputs is unknown too (the deployed resource may have it).
 */
export function withIgnoredUnknown(properties: Record<string, unknown>, ignoreChanges: string[]): Record<string, unknown> {
    if (ignoreChanges.length === 0) return properties;
    const result = structuredCloneKeeping(properties);
    for (const path of ignoreChanges) {
        const segments = propertyPathSegments(path);
        const visit = (node: any, at: number) => {
            if (node === null || typeof node !== "object" || node instanceof analyzer.SecretValue) return;
            const segment = segments[at];
            const last = at === segments.length - 1;
            const keys = segment === "*" ? Object.keys(node) : [segment];
            for (const key of keys) {
                if (last) {
                    const index = typeof key === "number" || /^\d+$/.test(String(key)) ? Number(key) : undefined;
                    if (Array.isArray(node) && (index === undefined || index >= node.length)) continue;
                    node[key] = analyzer.UNKNOWN;
                } else if (node[key] !== undefined) {
                    const child = node[key] instanceof analyzer.SecretValue ? node[key].value : node[key];
                    visit(child, at + 1);
                } else if (!Array.isArray(node)) {
                    // The whole absent branch may exist in state.
                    node[key] = analyzer.UNKNOWN;
                }
            }
        };
        if (segments.length > 0) visit(result, 0);
    }
    return result;
}

/** A deep copy of plain data that keeps the analyzer's markers (UNKNOWN, secret wrappers) as they are. */
function structuredCloneKeeping<T>(value: T): T {
    if (Array.isArray(value)) return value.map(structuredCloneKeeping) as T;
    if (value instanceof analyzer.SecretValue) return analyzer.secret(structuredCloneKeeping(value.value)) as T;
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structuredCloneKeeping(v)])) as T;
    return value;
}

/** Analyzer-form properties as reports show them: secrets "[secret]", unknowns "[unknown]". */
function maskAnalyzerProperties(value: unknown): unknown {
    if (value === analyzer.UNKNOWN) return MASKED_UNKNOWN;
    if (value instanceof analyzer.SecretValue) return MASKED_SECRET;
    if (Array.isArray(value)) return value.map(maskAnalyzerProperties);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskAnalyzerProperties(v)]));
    return value;
}

/** The form analyzers receive: real values wrapped as secrets, unknowns as unknown. Never written to disk. */
function toAnalyzerResource(resource: RegisteredResource, byUrn: Map<string, RegisteredResource>, project: ProgramProject): analyzer.AnalyzerResource {
    // A value derived from undecrypted secure config is unknown to the pack, never the placeholder text judged as known.
    const wire = project.undecryptedKeys.length > 0 ? blindPlaceholder(resource.wireInputs, SECRET_PLACEHOLDER) : resource.wireInputs;
    const declared = analyzerProperties(wire, { secret: (v) => analyzer.secret(v), unknown: () => analyzer.UNKNOWN });
    const properties = withIgnoredUnknown(declared, resource.ignoreChanges);
    const result: analyzer.AnalyzerResource = {
        urn: resource.urn,
        type: resource.type,
        name: resource.name,
        properties,
        options: {
            protect: resource.protect,
            ignoreChanges: resource.ignoreChanges,
            deleteBeforeReplace: resource.deleteBeforeReplace,
            additionalSecretOutputs: resource.additionalSecretOutputs,
            aliases: resource.aliases,
            customTimeouts: resource.customTimeouts,
            parent: resource.parent || undefined,
        },
        parent: resource.parent || undefined,
        dependencies: resource.dependencies,
        propertyDependencies: resource.propertyDependencies,
    };
    // Custom resources always have a provider (explicit or default); a remote component has the one that constructs it.
    if ((resource.custom || (resource.remote && resource.provider)) && !resource.type.startsWith("pulumi:providers:")) {
        result.provider = providerOf(resource, byUrn, project);
    }
    return result;
}

/**
 * The provider the engine would hand the analyzer: the explicit one the program registered, or the engine's default
 * provider for the package (`default_<version>`), configured from the stack's `<package>:*` keys.
 */
function providerOf(resource: RegisteredResource, byUrn: Map<string, RegisteredResource>, project: ProgramProject): analyzer.AnalyzerResource["provider"] {
    if (resource.provider) {
        const providerUrn = resource.provider.split("::").slice(0, -1).join("::");
        const explicit = byUrn.get(providerUrn);
        if (explicit) {
            return { urn: explicit.urn, type: explicit.type, name: explicit.name, properties: analyzerProperties(explicit.wireInputs, { secret: (v) => analyzer.secret(v), unknown: () => analyzer.UNKNOWN }) };
        }
    }
    const pkg = resource.type.split(":")[0];
    const properties: Record<string, unknown> = Object.fromEntries(Object.entries(project.config)
        .filter(([key]) => key.startsWith(`${pkg}:`))
        .map(([key, value]) => [key.slice(pkg.length + 1), project.undecryptedKeys.includes(key) ? analyzer.secret(analyzer.UNKNOWN) : project.secretKeys.includes(key) ? analyzer.secret(value) : value]));
    if (resource.version) {
        properties.version = resource.version;
    }
    const name = resource.version ? `default_${resource.version.replace(/[.+-]/g, "_")}` : "default";
    return { urn: `urn:pulumi:${project.stack}::${project.project}::pulumi:providers:${pkg}::${name}`, type: `pulumi:providers:${pkg}`, name, properties };
}

/** Default pack and config locations: `policies/` and `policies/config/<stack>.json` under the working directory, when present. */
export function defaultPolicyPaths(cwd: string, stack: string): { packDir?: string; configFile?: string } {
    const packDir = path.join(cwd, "policies");
    const configFile = path.join(packDir, "config", `${stack}.json`);
    return { packDir: fs.existsSync(packDir) ? packDir : undefined, configFile: fs.existsSync(configFile) ? configFile : undefined };
}

/** Reads the pack's config file up front, so a bad file is reported before anything runs. */
export function readPolicyConfig(configFile: string): analyzer.PolicyPackConfigFile {
    try {
        return analyzer.loadPolicyConfigFile(configFile);
    } catch (err) {
        throw new PreviewInputError(`Policy pack config ${configFile}: ${(err as Error).message}`);
    }
}

/**
 * One line for a pack failure: the client's headline, the pack's own error and where in the pack it was thrown
 * (the client appends the pack's stderr, stack trace and colours included, which is noise on a terminal).
 */
export function condensePackError(err: unknown, packDir: string): string {
    const text = stripVTControlCharacters(err instanceof Error ? err.message : String(err));
    const [headline] = text.split("\n");
    const cause = /^\s*(?:error: )?((?:[A-Z]\w*)?Error: .+)$/m.exec(text.slice(headline.length))?.[1];
    const frame = text.split("\n").map((line) => line.split(`${packDir}${path.sep}`)[1]).find((rest) => rest && !rest.startsWith("node_modules"));
    const where = frame ? /^([^:()]+):(\d+)/.exec(frame) : null;
    return `${headline}${cause ? `: ${cause}` : ""}${where ? ` (at ${where[1]}:${where[2]})` : ""}`;
}

/** Starts the pack's analyzer process; failures become one clear input error. */
export async function startPack(packDir: string): Promise<analyzer.PolicyPackProcess> {
    try {
        return await analyzer.startPolicyPack(packDir, {});
    } catch (err) {
        throw new PreviewInputError(`Policy pack ${packDir} failed to start: ${condensePackError(err, packDir)}`);
    }
}

/** Where a preview's policy evaluation stands: fed registrations while the plan runs, finished once it is complete. */
export interface PolicyEvaluation {
    /** One registration from the running plan: remediated and analyzed as soon as the pack is configured. */
    add(resource: RegisteredResource): void;
    /** The plan is complete: AnalyzeStack, every verdict collected, findings built. Closes the pack. */
    finish(plan: Plan): Promise<PolicyRun>;
    /** The plan failed: closes the pack, whatever it was doing. */
    abort(): Promise<void>;
}

/**
 * Evaluates a plan exactly as `pulumi preview --policy-pack` does, through the analyzer protocol, and at the same
 * moments: the pack is configured once it has loaded (the engine configures analyzers when it loads them, before the
 * program runs), each resource is remediated (remediate-level policies) and analyzed as its registration arrives (the
 * engine's step for it), and the whole stack is analyzed once the program is done.
 */
export function startEvaluation(
    packStarting: Promise<analyzer.PolicyPackProcess>,
    project: ProgramProject,
    packSource: { directory: string; configFile?: string; config?: analyzer.PolicyPackConfigFile },
): PolicyEvaluation {
    const { directory: packDir, configFile, config } = packSource;
    const packFailed = (pack: analyzer.PolicyPackProcess, err: unknown) =>
        err instanceof PreviewInputError ? err : new PreviewInputError(`Policy pack ${pack.info.name} failed: ${condensePackError(err, packDir)}`);
    const configured = packStarting.then(async (pack) => {
        // As the engine does: a pack that does not take config refuses a config file; one that does is always
        // configured (reconciled: schema defaults, initial config, the file), so each policy's defaults apply.
        // Config problems are the user's input, printed in full (every property path and reason).
        let levels: Record<string, EnforcementLevel> = {};
        let resolvedConfig: analyzer.ResolvedPolicyConfig = {};
        if (!pack.info.supportsConfig) {
            if (configFile) {
                throw new PreviewInputError(`Policy pack ${pack.info.name} does not support config, but ${configFile} was given`);
            }
        } else {
            let resolved: analyzer.ResolvedPolicyConfig;
            try {
                resolved = analyzer.resolveConfig(pack.info, config ?? {});
            } catch (err) {
                throw new PreviewInputError(`Policy config${configFile ? ` ${configFile}` : ""}: ${(err as Error).message}`);
            }
            levels = Object.fromEntries(Object.entries(resolved).map(([name, entry]) => [name, entry.enforcementLevel]));
            resolvedConfig = resolved;
            await pack.configureResolved(resolved).catch((err: unknown) => {
                throw packFailed(pack, err);
            });
        }
        const remediates = pack.info.policies.some((p) => (levels[p.name] ?? p.enforcementLevel) === "remediate");
        return { pack, levels, remediates, resolvedConfig };
    });
    // Observed by finish() (after the plan, so a program error is reported first); not an unhandled rejection meanwhile.
    configured.catch(() => undefined);

    const byUrn = new Map<string, RegisteredResource>();
    const inputs = new Map<RegisteredResource, analyzer.AnalyzerResource>();
    const verdicts = new Map<RegisteredResource, Promise<{ diagnostics: analyzer.Diagnostic[]; remediations: analyzer.Remediation[]; remediated?: Record<string, unknown> }>>();
    // Explicit providers register before the resources that use them, so a resource's provider is known when it arrives.
    const inputOf = (resource: RegisteredResource) => {
        let input = inputs.get(resource);
        if (!input) {
            input = toAnalyzerResource(resource, byUrn, project);
            inputs.set(resource, input);
        }
        return input;
    };
    const add = (resource: RegisteredResource) => {
        byUrn.set(resource.urn, resource);
        // The engine's step generator sends every registered resource to Remediate and Analyze, components (local and
        // remote) included — so rules on component inputs (e.g. awsx:ecs:FargateService) run, offline as in a real preview.
        if (resource.type.startsWith("pulumi:providers:") || verdicts.has(resource)) {
            return;
        }
        const verdict = configured.then(async ({ pack, remediates }) => {
            let input = inputOf(resource);
            const remediations = remediates ? await pack.remediate(input) : [];
            // As the engine: each remediation that returns properties replaces the inputs (the last one is what the
            // pack's chain produced); Analyze, AnalyzeStack and the deployment see the remediated inputs.
            const changed = remediations.filter((r) => !r.diagnostic && r.properties !== undefined);
            if (changed.length > 0) {
                input = { ...input, properties: changed[changed.length - 1].properties! };
                inputs.set(resource, input);
            }
            return { remediations, diagnostics: await pack.analyze(input), remediated: changed.length > 0 ? input.properties : undefined };
        });
        verdict.catch(() => undefined);
        verdicts.set(resource, verdict);
    };
    const close = () => packStarting.then((pack) => pack.close(), () => undefined);

    return {
        add,
        abort: close,
        async finish(plan) {
            try {
                const { pack, levels, resolvedConfig, remediates } = await configured;
                plan.resources.forEach(add);
                const analyzed = plan.resources.filter((r) => !r.type.startsWith("pulumi:providers:"));
                const diagnostics: analyzer.Diagnostic[] = [];
                const remediations: Array<{ urn: string; remediation: analyzer.Remediation }> = [];
                const remediated: PolicyRun["remediated"] = [];
                try {
                    // The stack is judged while the last per-resource verdicts come in (both in declaration order) —
                    // after them when a policy remediates: the stack then holds the remediated inputs.
                    const allVerdicts = Promise.all(analyzed.map((r) => verdicts.get(r)!));
                    const stackVerdict = remediates ? allVerdicts.then(() => pack.analyzeStack(analyzed.map(inputOf))) : pack.analyzeStack(analyzed.map(inputOf));
                    const [perResource, stack] = await Promise.all([allVerdicts, stackVerdict]);
                    perResource.forEach((verdict, i) => {
                        // A resource policy's violation is about the analyzed resource; the engine attaches its URN.
                        diagnostics.push(...verdict.diagnostics.map((d) => ({ ...d, urn: d.urn || analyzed[i].urn })));
                        remediations.push(...verdict.remediations.map((remediation) => ({ urn: analyzed[i].urn, remediation })));
                        if (verdict.remediated) {
                            const policies = [...new Set(verdict.remediations.filter((r) => !r.diagnostic && r.properties !== undefined).map((r) => r.policyName))];
                            remediated.push({ urn: analyzed[i].urn, policies, inputs: maskAnalyzerProperties(verdict.remediated) as Record<string, unknown> });
                        }
                    });
                    diagnostics.push(...stack);
                } catch (err) {
                    throw packFailed(pack, err);
                }
                return { ...toPolicyRun(pack, { ...packSource, stack: project.stack, resolved: resolvedConfig }, levels, diagnostics, remediations, plan.resources), remediated };
            } finally {
                await close();
            }
        },
    };
}

/** The pack's verdicts as the preview reports them: findings located in the program, waivers unfolded, remediations. */
function toPolicyRun(
    pack: analyzer.PolicyPackProcess,
    packSource: { directory: string; configFile?: string; stack: string; resolved: analyzer.ResolvedPolicyConfig },
    levels: Record<string, EnforcementLevel>,
    diagnostics: analyzer.Diagnostic[],
    remediations: Array<{ urn: string; remediation: analyzer.Remediation }>,
    resources: RegisteredResource[],
): Omit<PolicyRun, "remediated"> {
    const { directory: packDir, configFile } = packSource;
    const policies = pack.info.policies.map((p): PolicySummary => ({
        name: p.name,
        displayName: p.displayName,
        description: p.description,
        enforcementLevel: levels[p.name] ?? (p.enforcementLevel as EnforcementLevel),
        defaultEnforcementLevel: p.enforcementLevel as EnforcementLevel,
        severity: p.severity,
        remediationSteps: p.remediationSteps,
        url: p.url,
        controls: controlsOf(p.tags),
    }));
    const analyzed = resources.filter((r) => !r.type.startsWith("pulumi:providers:")).map((r) => r.urn);
    const notApplicable = pack.notApplicable();
    for (const policy of policies) {
        policy.scope = scopeOf(policy, analyzed, notApplicable);
    }
    const resourceByUrn = new Map(resources.map((r) => [r.urn, r]));
    const locate = (urn: string | undefined) => {
        const resource = urn ? resourceByUrn.get(urn) : undefined;
        return resource ? { resourceType: resource.type, resourceName: resource.name, source: resource.source } : {};
    };
    const policyByName = new Map(policies.map((p) => [p.name, p]));
    const findings: Finding[] = diagnostics.map((d) => {
        // The policy SDK sends `<description>\n<violation>`; keep the violation, the description has its own field.
        const message = d.message.startsWith(`${d.description}\n`) ? d.message.slice(d.description.length + 1) : d.message;
        const base: Finding = {
            policyName: d.policyName,
            policyPackName: d.policyPackName,
            policyPackVersion: d.policyPackVersion,
            enforcementLevel: d.enforcementLevel as EnforcementLevel,
            message,
            description: d.description,
            severity: d.severity,
            urn: d.urn || undefined,
            ...locate(d.urn),
        };
        const waived = WAIVED_FINDINGS_POLICIES.has(d.policyName) ? parseWaivedMessage(message) : undefined;
        if (!waived) {
            return base;
        }
        const rule = policyByName.get(waived.waiver.rule);
        return {
            ...base,
            policyName: waived.waiver.rule,
            enforcementLevel: rule?.enforcementLevel ?? base.enforcementLevel,
            description: rule?.description ?? base.description,
            severity: rule?.severity ?? base.severity,
            message: waived.message,
            waiver: waived.waiver,
        };
    });
    for (const { urn, remediation } of remediations) {
        findings.push({
            policyName: remediation.policyName,
            policyPackName: remediation.policyPackName,
            policyPackVersion: remediation.policyPackVersion,
            // A remediation that could only report (a diagnostic, no properties) is an advisory violation to the engine.
            enforcementLevel: remediation.diagnostic ? "advisory" : "remediate",
            message: remediation.diagnostic || `Remediated: ${remediation.description}`,
            description: remediation.description,
            severity: policyByName.get(remediation.policyName)?.severity,
            urn,
            ...locate(urn),
        });
    }
    return {
        pack: { directory: packDir, name: pack.info.name, version: pack.info.version, configFile, policies, relaxed: relaxedBy(policies, packSource.resolved, packSource.stack) },
        findings,
        logs: pack.logs().filter((l) => l.severity !== "debug" && l.severity !== "info").map((l) => ({ severity: l.severity, message: l.message, urn: l.urn })),
    };
}

/**
 * What the config relaxed: each policy not at the level its pack declares, and every waiver the config grants (the
 * `waivers` property of a policy's config, as this repository's pack framework defines it), with its state today.
 */
export function relaxedBy(policies: PolicySummary[], resolved: analyzer.ResolvedPolicyConfig, stack: string, today = new Date()): Relaxed {
    const changed = policies.filter((p) => p.defaultEnforcementLevel && p.enforcementLevel !== p.defaultEnforcementLevel).map((p) => {
        const [from, to] = [p.defaultEnforcementLevel!, p.enforcementLevel];
        const change = to === "disabled" ? "disabled" as const : STRENGTH[to] < STRENGTH[from] ? "lowered" as const : STRENGTH[to] > STRENGTH[from] ? "raised" as const : "changed" as const;
        return { name: p.name, defaultLevel: from, level: to, change };
    });
    const tier = tierOf(stack);
    const waivers: ConfiguredWaiver[] = [];
    for (const [rule, entry] of Object.entries(resolved)) {
        const list = Array.isArray(entry.properties.waivers) ? (entry.properties.waivers as PolicyWaiver[]) : [];
        for (const w of list) {
            const problem = waiverLimitProblem(w, tier, effectiveHorizon(entry.properties.waiverHorizonDays), today);
            waivers.push({
                rule, resource: w.resource, approver: w.approver, expires: w.expires, reason: w.reason, ...(w.ticket !== undefined ? { ticket: w.ticket } : {}),
                status: problem ? "refused" : isWaiverActive(w, today) ? "active" : "expired", ...(problem ? { problem } : {}),
            });
        }
    }
    return { policies: changed, waivers };
}

/**
 * A policy's scope from the pack's not-applicable answers: a resource policy that declined some resources judged the
 * others; one declined for the stack judged nothing; a stack policy (never asked per resource) judged the stack.
 */
export function scopeOf(policy: PolicySummary, analyzed: string[], notApplicable: Array<{ urn?: string; policyName: string }>): NonNullable<PolicySummary["scope"]> {
    if (policy.enforcementLevel === "disabled") return { kind: "disabled" };
    const mine = notApplicable.filter((n) => n.policyName === policy.name);
    if (mine.some((n) => n.urn === undefined)) return { kind: "none" };
    if (mine.length === 0) return { kind: "stack" };
    const declined = new Set(mine.map((n) => n.urn));
    const resources = analyzed.filter((urn) => !declined.has(urn));
    return resources.length === 0 ? { kind: "none" } : { kind: "resources", resources };
}
