import { loadConfig } from "./config";
import { deployEnvironment } from "./environment";

/** The Pulumi program: validate config first (no resource is registered on a config error), then build. */
export function main(): Record<string, unknown> {
    const config = loadConfig();
    return deployEnvironment(config);
}
