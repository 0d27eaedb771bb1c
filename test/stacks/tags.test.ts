import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as YAML from "yaml";
import { DATA_CLASSIFICATIONS, REQUIRED_TAG_KEYS } from "../../lib/tags";
import { RecordedResource } from "../support/mocks";
import { runStack } from "../support/stack";

const ROOT = path.resolve(__dirname, "../..");

/**
 * Every resource of a taggable type (the list generated from @pulumi/aws's own types, which the pack's general-required-tags
 * rule uses too) must carry the required tags with the values the stack file gives; a resource declared without any
 * `tags` fails here, not only one with incomplete tags.
 */
const TAGGABLE = new Set<string>(JSON.parse(fs.readFileSync(path.join(ROOT, "policies/data/taggable-types.json"), "utf8")).types);

/** Most sensitive first: shared infrastructure carries the most sensitive class among the applications. */
const CLASSIFICATIONS = [...DATA_CLASSIFICATIONS].reverse();

/** The tag values a stack file asks for, read from the YAML itself rather than through the program's config code. */
function expectedTags(stack: string): { shared: Record<string, string>; perApplication: Record<string, Record<string, string>> } {
    const config = YAML.parse(fs.readFileSync(path.join(ROOT, `Pulumi.${stack}.yaml`), "utf8")).config;
    const env = config["platform:environment"];
    const services: Record<string, { dataClassification: string }> = config["platform:services"];
    const base = { owner: env.owner, "cost-center": env.costCenter, environment: env.name ?? stack };
    const highest = CLASSIFICATIONS.find((c) => Object.values(services).some((s) => s.dataClassification === c));
    return {
        shared: { ...base, "data-classification": highest! },
        perApplication: Object.fromEntries(Object.entries(services).map(([name, svc]) => [name, { ...base, "data-classification": svc.dataClassification, application: name }])),
    };
}

for (const stack of ["production", "staging"]) {
    describe(`${stack} stack tags`, function () {
        let resources: RecordedResource[];
        before(async () => {
            ({ resources } = await runStack(stack));
        });

        it("tags every resource of a taggable type with the stack file's owner, cost center, classification and environment", () => {
            const { shared, perApplication } = expectedTags(stack);
            assert.deepStrictEqual(REQUIRED_TAG_KEYS.filter((k) => !(k in shared)), [], "the test checks every required key");
            const taggable = resources.filter((r) => TAGGABLE.has(r.type));
            // Both stacks have a VPC, subnets, keys and log groups: an empty list would mean the filter is broken.
            assert.ok(taggable.some((r) => r.type === "aws:ec2/vpc:Vpc") && taggable.some((r) => r.type === "aws:kms/key:Key"));
            const wrong: string[] = [];
            for (const r of taggable) {
                const tags: Record<string, string> | undefined = r.inputs.tags;
                if (!tags) {
                    wrong.push(`${r.key}: no tags`);
                    continue;
                }
                const expected = tags.application !== undefined ? perApplication[tags.application] : shared;
                if (!expected) {
                    wrong.push(`${r.key}: unknown application tag ${tags.application}`);
                    continue;
                }
                const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, tags[k]]));
                if (JSON.stringify(actual) !== JSON.stringify(expected)) wrong.push(`${r.key}: ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
            }
            assert.deepStrictEqual(wrong, []);
        });

        it("tags each application's resources with its own application tag", () => {
            const { perApplication } = expectedTags(stack);
            for (const app of Object.keys(perApplication)) {
                const https = resources.find((r) => r.type === "aws:lb/listener:Listener" && r.name === `${stack}-${app}-edge-https`);
                assert.strictEqual(https?.inputs.tags?.application, app, `${app}'s HTTPS listener`);
            }
        });
    });
}
