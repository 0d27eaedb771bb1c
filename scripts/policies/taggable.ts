import * as fs from "fs";
import * as path from "path";
import { awsResourceTypes } from "./aws-inventory";

/**
 * Writes policies/data/taggable-types.json: every @pulumi/aws resource type whose inputs have `tags`, for the
 * `required-tags` rule (a type that takes tags but was declared without any is still judged). Rerun after upgrading
 * @pulumi/aws (`npm run policies:taggable`); a test fails when the file is out of date.
 */
export function taggableTypes(): string[] {
    return awsResourceTypes().filter((t) => t.inputs.includes("tags")).map((t) => t.token);
}

export const TAGGABLE_FILE = path.resolve(__dirname, "../../policies/data/taggable-types.json");

if (require.main === module) {
    const awsVersion = JSON.parse(fs.readFileSync(require.resolve("@pulumi/aws/package.json"), "utf8")).version;
    const types = taggableTypes();
    fs.writeFileSync(TAGGABLE_FILE, `${JSON.stringify({ generatedFrom: `@pulumi/aws ${awsVersion}`, types }, null, 1)}\n`);
    console.log(`${types.length} taggable types from @pulumi/aws ${awsVersion} → ${path.relative(process.cwd(), TAGGABLE_FILE)}`);
}
