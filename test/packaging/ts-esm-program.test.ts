import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { runCli } from "../../scripts/preview/cli";
import { EXIT_GATE_FAILED } from "../../scripts/preview/errors";
import type { PreviewResult } from "../../scripts/preview/model";
import { npmInstall, tempDir } from "../support/npm";

/**
 * A TypeScript ES-module program in the form Pulumi's recent examples use (`"type": "module"`, `module: nodenext`,
 * relative imports written `./x.js`), installed as a user installs it, with ts-node ≥ 10 in its devDependencies. The
 * SDK's runner (the program's own `@pulumi/pulumi/cmd/run`) then takes its automatic ESM mode: ts-node's ESM hooks
 * registered through `module.register`, the entry imported and its default export awaited. Without a project ts-node
 * the CLI's vendored ts-node 7 cannot load such a program either (Node refuses the `.ts` extension).
 *
 * It is a packaging test because it needs its own node_modules: the runner resolves `ts-node/esm` from where the SDK is
 * installed, and this repository's own programs run with the SDK's vendored ts-node 7, as most users' do.
 */
const ROOT = path.resolve(__dirname, "../..");
const ROOT_LOCK = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
const version = (name: string): string => ROOT_LOCK.packages[`node_modules/${name}`].version;

const KEY = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555";
const TAGS = `{ owner: "platform-team", "cost-center": "CC-1001", "data-classification": "internal", environment: "dev" }`;

const FILES: Record<string, string> = {
    "Pulumi.yaml": "name: ts-esm\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n",
    "Pulumi.dev.yaml": "config:\n  aws:region: us-east-1\n",
    "tsconfig.json": JSON.stringify({ compilerOptions: { strict: true, target: "ES2022", module: "nodenext", moduleResolution: "nodenext", skipLibCheck: true }, include: ["*.ts"] }, null, 2),
    // The misconfiguration sits in a module the entry imports by its `.js` name.
    "topics.ts": [
        `import * as aws from "@pulumi/aws";`,
        `export const tags = ${TAGS};`,
        `export function topics(prefix: string) {`,
        `    const encrypted = new aws.sns.Topic(\`\${prefix}-encrypted\`, { kmsMasterKeyId: "${KEY}", tags });`,
        `    const plain = new aws.sns.Topic(\`\${prefix}-plain\`, { tags });`,
        `    return { encrypted, plain };`,
        `}`,
        ``,
    ].join("\n"),
    "index.ts": [
        `import * as pulumi from "@pulumi/pulumi";`,
        `import { topics } from "./topics.js";`,
        ``,
        `// The runner awaits the default export of an ES module and exports what it returns.`,
        `export default async () => {`,
        `    await new Promise((resolve) => setTimeout(resolve, 10));`,
        `    const { encrypted, plain } = topics(pulumi.getStack());`,
        `    return { encryptedArn: encrypted.arn, plainArn: plain.arn };`,
        `};`,
        ``,
    ].join("\n"),
};

describe("a TypeScript ES-module program (`./x.js` imports, default export) with its own ts-node, planned as the CLI plans it", function () {
    this.timeout(600_000);
    let program: string;

    before(function () {
        this.timeout(900_000);
        program = tempDir("ts-esm-program-");
        for (const [file, text] of Object.entries(FILES)) fs.writeFileSync(path.join(program, file), text);
        fs.writeFileSync(path.join(program, "package.json"), JSON.stringify({
            name: "ts-esm",
            private: true,
            type: "module",
            main: "index.ts",
            dependencies: { "@pulumi/pulumi": version("@pulumi/pulumi"), "@pulumi/aws": version("@pulumi/aws") },
            devDependencies: { "typescript": version("typescript"), "@types/node": version("@types/node"), "ts-node": "^10.9.2" },
        }, null, 2));
        npmInstall(program);
    });

    it("imports the entry, awaits its default export and judges the resources of the module it imports", async () => {
        const out = path.join(tempDir("ts-esm-reports-"), "reports");
        let stderr = "";
        const code = await runCli(["--program", program, "--stack", "dev", "--out", out], { stdout: () => undefined, stderr: (t) => { stderr += t; }, colour: false, cwd: ROOT });
        assert.strictEqual(code, EXIT_GATE_FAILED, stderr);
        const result: PreviewResult = JSON.parse(fs.readFileSync(path.join(out, "preview.json"), "utf8"));
        const topics = result.resources.filter((r) => r.type === "aws:sns/topic:Topic").map((r) => r.name).sort();
        assert.deepStrictEqual(topics, ["dev-encrypted", "dev-plain"]);
        const atRest = result.findings.filter((f) => f.resourceType === "aws:sns/topic:Topic" && /encrypt/i.test(f.policyName));
        assert.deepStrictEqual(atRest.map((f) => f.resourceName), ["dev-plain"], JSON.stringify(result.findings.map((f) => [f.policyName, f.resourceName])));
        // The source position is the module that declared it, not the entry.
        assert.match(String(atRest[0].source?.file ?? ""), /topics\.ts$/);
        assert.ok(!result.unchecked.some((u) => u.kind === "empty-plan"), JSON.stringify(result.unchecked));
    });
});
