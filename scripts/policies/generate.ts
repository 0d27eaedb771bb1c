import * as fs from "fs";
import * as path from "path";
import { awsResourceTypes, SETTING_FAMILIES } from "./aws-inventory";
import { accessInventory, escalationActions } from "./access-inventory";
import { secretInputs } from "./secrets-inventory";

/**
 * Writes the pack's data files from @pulumi/aws's own type definitions (the pack never parses .d.ts at start):
 * - policies/data/taggable-types.json: every resource type whose inputs have `tags` (general-required-tags);
 * - policies/data/at-rest-inputs.json: every resource type with an at-rest encryption input, and which inputs select a
 *   customer-managed key or switch encryption on (general-encryption-at-rest).
 * - policies/data/access-inputs.json: every input holding an IAM policy document (by kind), attaching managed policies
 *   by ARN or sharing a resource (scripts/policies/access-inventory.ts), and the escalation actions from iam-data
 *   (iam-policy-documents, general-resource-sharing).
 * - policies/data/secret-inputs.json: every input path carrying an environment, container definitions or user data
 *   (scripts/policies/secrets-inventory.ts), for secrets-no-plaintext-secrets.
 * Rerun after upgrading @pulumi/aws (`npm run policies:data`); a test fails when the files are out of date.
 */
export const TAGGABLE_FILE = path.resolve(__dirname, "../../policies/data/taggable-types.json");
export const AT_REST_FILE = path.resolve(__dirname, "../../policies/data/at-rest-inputs.json");
export const ACCESS_FILE = path.resolve(__dirname, "../../policies/data/access-inputs.json");
export const SECRETS_FILE = path.resolve(__dirname, "../../policies/data/secret-inputs.json");

/** Inputs that name a key (customer-managed when set). */
const KEY_INPUT = /^(kms\w*(Key|Arn|Id|Identifier)\w*|kmsKey|\w*KmsKey(Id|Arn|Identifier)?|encryptionKey(Arn)?|cmkArn|kmsArn)$/;
/** Top-level boolean inputs that switch encryption at rest on. */
const FLAG_INPUT = /^(encrypted|storageEncrypted|atRestEncryptionEnabled)$/;

export function taggableTypes(): string[] {
    return awsResourceTypes().filter((t) => t.inputs.includes("tags")).map((t) => t.token);
}

export function atRestInputs(): Record<string, { keys: string[]; flags: string[]; settings: string[] }> {
    const out: Record<string, { keys: string[]; flags: string[]; settings: string[] }> = {};
    for (const t of awsResourceTypes()) {
        const settings = t.inputs.filter((i) => SETTING_FAMILIES["encryption-at-rest"].test(i));
        if (settings.length === 0) continue;
        out[t.token] = { keys: t.inputs.filter((i) => KEY_INPUT.test(i) && !/performanceInsights|logEncryption|volumeKms|s3KmsKey|adminPasswordSecret/i.test(i)), flags: t.inputs.filter((i) => FLAG_INPUT.test(i)), settings };
    }
    return out;
}

export async function accessData() {
    const { types, excluded, unclassified } = accessInventory();
    if (unclassified.length > 0) throw new Error(`classify these in scripts/policies/access-inventory.ts first: ${unclassified.join(", ")}`);
    const escalation = await escalationActions();
    return { types, excluded, iamData: escalation.version, escalationActions: escalation.actions };
}

async function main() {
    const awsVersion = JSON.parse(fs.readFileSync(require.resolve("@pulumi/aws/package.json"), "utf8")).version;
    const types = taggableTypes();
    fs.writeFileSync(TAGGABLE_FILE, `${JSON.stringify({ generatedFrom: `@pulumi/aws ${awsVersion}`, types }, null, 1)}\n`);
    const atRest = atRestInputs();
    fs.writeFileSync(AT_REST_FILE, `${JSON.stringify({ generatedFrom: `@pulumi/aws ${awsVersion}`, types: atRest }, null, 1)}\n`);
    const secrets = secretInputs();
    fs.writeFileSync(SECRETS_FILE, `${JSON.stringify({ generatedFrom: `@pulumi/aws ${awsVersion}`, types: secrets }, null, 1)}\n`);
    const access = await accessData();
    fs.writeFileSync(ACCESS_FILE, `${JSON.stringify({ generatedFrom: `@pulumi/aws ${awsVersion}`, ...access }, null, 1)}\n`);
    console.log(`${types.length} taggable types, ${Object.keys(atRest).length} types with at-rest encryption inputs, ${Object.keys(access.types).length} types carrying access, ${Object.keys(secrets).length} carrying environments or user data, from @pulumi/aws ${awsVersion}`);
}

if (require.main === module) {
    main().catch((err) => {
        console.error(err instanceof Error ? err.message : err);
        process.exit(1);
    });
}
