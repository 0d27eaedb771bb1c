import * as path from "path";
import { Diagnostic, loadPolicyConfigFile, PolicyPackProcess, startPolicyPack } from "../../scripts/preview/analyzer/client";

/** This repository's pack, run as its own process the way the Pulumi CLI runs it (shared by the protocol-level tests). */
export const PACK = path.resolve(__dirname, "../../policies");

/** The pack, started and configured with `policies/config/<stack>.json`. */
export async function startConfiguredPack(stack = "production"): Promise<PolicyPackProcess> {
    const pack = await startPolicyPack(PACK);
    await pack.configure(loadPolicyConfigFile(path.join(PACK, `config/${stack}.json`)));
    return pack;
}

/** The diagnostics of one policy. */
export function named(diagnostics: Diagnostic[], policy: string): Diagnostic[] {
    return diagnostics.filter((d) => d.policyName === policy);
}
