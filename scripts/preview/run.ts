import * as fs from "fs";
import * as path from "path";
import { SCHEMA_VERSION, type PreviewResult, type Unchecked } from "./model";
import { runPlan } from "./plan";
import { readPolicyConfig, startEvaluation, startPack, type PolicyRun } from "./policy";
import { commitOf, fileHash, packContentHash } from "./provenance";
import { PreviewInputError } from "./errors";
import { loadProject, redactSecrets, SECRET_PLACEHOLDER } from "./project";
import { gateOf, remoteComponents, splitNotJudged, toPlannedResource, unknownValues, unreadInputs, type MockReportLike } from "./result";

export interface PreviewOptions {
    /** Pulumi program directory (holds Pulumi.yaml). */
    programDir: string;
    stack: string;
    /** Policy pack directory; none evaluates no policies. */
    policyPack?: string;
    /** Policy pack config JSON (as `pulumi preview --policy-pack-config`). */
    policyPackConfig?: string;
    failOn: "mandatory" | "advisory";
    /** Remote component types allowed to pass uninspected (`--allow-uninspected`, `*` glob). */
    allowUninspected?: string[];
    /** `--mocks`: a module with the user's own answers to data sources and resources (Partial<pulumi.runtime.Mocks>). */
    mocks?: string;
}

/**
 * A program whose run registered nothing but its stack: said plainly in every report, never a bare "passed" (a
 * CommonJS `export default` function, for one, is never called by the CLI).
 */
function emptyPlan(resources: Array<{ type: string }>): Unchecked[] {
    return resources.some((r) => r.type !== "pulumi:pulumi:Stack") ? [] : [{
        kind: "empty-plan",
        blocking: false,
        detail: "the program registered no resources besides its stack, so nothing was planned or judged (the CLI calls a CommonJS program's `module.exports` only when it is itself a function: an `export default` function is never called)",
    }];
}

/**
 * A policy config that disables every policy of the pack: the CLI would run the pack and judge nothing. The gate
 * cannot promise anything then, so it fails (a config that disables only some is listed under "Relaxed").
 */
export function allPoliciesDisabled(policy: Pick<PolicyRun, "pack"> | undefined): Unchecked[] {
    const policies = policy?.pack.policies ?? [];
    return policies.length > 0 && policies.every((p) => p.enforcementLevel === "disabled") ? [{
        kind: "policies-disabled",
        blocking: true,
        detail: `the policy config disables all ${policies.length} policies of ${policy!.pack.name}, so nothing was judged`,
    }] : [];
}

function toolVersion(): string {
    return JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../package.json"), "utf8")).version;
}

/**
 * Plans the program and evaluates the pack. The pack starts while the program runs and judges each resource as it
 * registers (see startEvaluation); if the plan fails the pack is closed before the error propagates, so no process is
 * left behind.
 */
export async function runPreview(options: PreviewOptions): Promise<PreviewResult> {
    const project = loadProject(options.programDir, options.stack);
    try {
        // Decrypted config never leaves this process unfiltered: not in a report, not in an error message.
        return redactSecrets(await previewProject(project, options), project.secretValues);
    } catch (err) {
        if (err instanceof PreviewInputError && project.undecryptedKeys.length > 0 && err.message.includes(SECRET_PLACEHOLDER)) {
            // e.g. getNumber/getObject of a secure value the preview could not decrypt: say why the program saw "[secret]".
            throw new PreviewInputError(`${err.message}\n(secure config ${project.undecryptedKeys.join(", ")} was not decrypted offline, so the program read "${SECRET_PLACEHOLDER}"; set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE for a passphrase stack)`);
        }
        if (project.secretValues.length > 0 && err instanceof Error) {
            const redacted = redactSecrets(err.message, project.secretValues);
            throw err instanceof PreviewInputError ? new PreviewInputError(redacted) : Object.assign(new Error(redacted), { name: err.name });
        }
        throw err;
    }
}

async function previewProject(project: ReturnType<typeof loadProject>, options: PreviewOptions): Promise<PreviewResult> {
    const started = Date.now();
    const packDir = options.policyPack ? path.resolve(options.policyPack) : undefined;
    const configFile = options.policyPackConfig ? path.resolve(options.policyPackConfig) : undefined;
    const config = configFile ? readPolicyConfig(configFile) : undefined;

    const packStarting = packDir ? startPack(packDir) : undefined;
    // Observed below; this only keeps an early start failure from being reported as unhandled while the plan runs.
    packStarting?.catch(() => undefined);
    const evaluation = packStarting && packDir ? startEvaluation(packStarting, project, { directory: packDir, configFile, config }) : undefined;
    let plan;
    try {
        plan = await runPlan(project, { userMocksModule: options.mocks ? path.resolve(options.mocks) : undefined, onResource: evaluation?.add });
    } catch (err) {
        await evaluation?.abort();
        throw err;
    }
    const planEnded = Date.now();
    // AnalyzeStack goes out first: the pack judges the stack while this process builds the rest of the result.
    const policyRunning = evaluation?.finish(plan);
    const planned = plan.resources.map(toPlannedResource);
    const policy: PolicyRun | undefined = await policyRunning;
    // Reports show what would be deployed: the remediated inputs where a remediate-level policy changed them.
    const remediated = new Map((policy?.remediated ?? []).map((r) => [r.urn, r]));
    const resources = planned.map((r) => {
        const change = remediated.get(r.urn);
        return change ? { ...r, inputs: change.inputs, remediatedBy: change.policies } : r;
    });
    const allowUninspected = options.allowUninspected ?? [];
    const remote = remoteComponents(resources, allowUninspected);
    const judged = splitNotJudged(policy?.findings ?? [], options.failOn, resources);
    const findings = [...remote.findings, ...judged.findings];
    // H3's mocks report travels on the plan when present (lookups without a real answer, stack references).
    const mockReport = (plan as { mockReport?: MockReportLike }).mockReport;
    const unchecked = [...allPoliciesDisabled(policy), ...emptyPlan(plan.resources), ...remote.unchecked, ...judged.unchecked, ...project.unchecked, ...unreadInputs(resources, mockReport), ...unknownValues(resources)];
    const ended = Date.now();
    const tool = { name: "platform-preview", version: toolVersion() };
    const generatedAt = new Date(ended).toISOString();
    return {
        schemaVersion: SCHEMA_VERSION,
        tool,
        generatedAt,
        provenance: {
            ...commitOf(project.directory),
            ...(policy && packDir ? { pack: { name: policy.pack.name, version: policy.pack.version, ...packContentHash(packDir) } } : {}),
            ...(policy && configFile ? { policyConfig: { file: configFile, hash: fileHash(configFile) } } : {}),
            tool,
            generatedAt,
        },
        program: { directory: project.directory, project: project.project, stack: project.stack, runtime: project.runtime },
        policyPack: policy?.pack,
        resources,
        findings,
        diagnostics: [
            ...plan.logs.map((l) => ({ source: "program" as const, ...l })),
            ...(policy?.logs ?? []).map((l) => ({ source: "policy-pack" as const, ...l })),
        ],
        unchecked,
        allowUninspected,
        gate: gateOf(findings, options.failOn, unchecked),
        timings: { planMs: planEnded - started, policyMs: ended - planEnded, totalMs: ended - started },
    };
}
