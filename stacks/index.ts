import { loadConfig } from "../components/application-config";
import { deployEnvironment } from "./environment";

/**
 * The Pulumi program: validate config first (no resource is registered on a config error; a config error is thrown
 * before anything is declared), then build. Resolves to the stack outputs.
 */
export function main(): Promise<Record<string, unknown>> {
    const config = loadConfig();
    return deployEnvironment(config);
}
