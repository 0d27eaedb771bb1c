import * as pulumi from "@pulumi/pulumi";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { installMocks, RecordedResource, settle } from "./mocks";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Loads `Pulumi.<stack>.yaml` into the SDK's config store the way the CLI passes it (objects as JSON strings), with
 * `edit` applied to the parsed file first.
 */
export function setStackConfig(stack: string, edit?: (doc: any) => void): void {
    const doc = YAML.parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8"));
    edit?.(doc);
    const config: Record<string, string> = {};
    for (const [key, value] of Object.entries(doc.config ?? {})) {
        config[key] = typeof value === "string" ? value : JSON.stringify(value);
    }
    pulumi.runtime.setAllConfig(config);
}

/** Runs this repository's program for `stack` under the platform mocks and returns every registered resource. */
export async function runStack(stack: string): Promise<{ resources: RecordedResource[]; outputs: Record<string, unknown> }> {
    const resources = installMocks({ project: "platform", stack });
    setStackConfig(stack);
    const { main } = require("../../stacks") as typeof import("../../stacks");
    const outputs = await main();
    await settle();
    return { resources, outputs };
}
