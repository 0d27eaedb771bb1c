import * as assert from "assert";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { npm, npmInstall, tempDir } from "../support/npm";

/**
 * Another team's Pulumi TypeScript program installs this package from its tarball and uses the components, loaded the
 * way the Pulumi CLI loads programs: the SDK's own runner (`@pulumi/pulumi/cmd/run`'s `run`, which registers the SDK's
 * ts-node with the CLI's compiler options — type check included — and requires the program), here under the SDK's
 * mocks instead of an engine. ts-node does not compile TypeScript under node_modules, so a package that ships only
 * `.ts` fails here, as it does under `pulumi preview`. What differs from the CLI: the SDK's mocks answer registrations
 * instead of the engine (cmd/run's index.js, which connects to the engine's monitor, is not run; p25-engine's in-process
 * engine will let this test start `node @pulumi/pulumi/cmd/run` itself).
 *
 * `CONSUMER_TARBALL=<file.tgz>` runs the same checks against another tarball (e.g. `npm pack` of an older commit).
 */
const ROOT = path.resolve(__dirname, "../..");
const ROOT_MANIFEST = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
const ROOT_LOCK = JSON.parse(fs.readFileSync(path.join(ROOT, "package-lock.json"), "utf8"));
const version = (name: string) => ROOT_LOCK.packages[`node_modules/${name}`].version;

/** A program as `pulumi new typescript` lays it out, using the library by its package name and subpaths. */
const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import { EncryptionKeys, Network, type NetworkArgs } from "aws-platform";
import { ServiceLogs } from "aws-platform/components/service-logs";
import { SEVEN_YEARS_DAYS } from "aws-platform/rules/retention";

const tags = { owner: "team-b", "cost-center": "cc-9", "data-classification": "internal", environment: pulumi.getStack() };
const keys = new EncryptionKeys("consumer-keys", {
    namePrefix: "consumer",
    purposes: [{ name: "logs", description: "logs", services: ["logs"] }],
    protect: true,
    tags,
});
const args: NetworkArgs = {
    cidrBlock: "10.40.0.0/16",
    availabilityZones: ["us-east-1a", "us-east-1b"],
    natGateways: "single",
    flowLogRetentionDays: 90,
    logsKmsKeyArn: keys.keyArn("logs"),
    tags,
};
const network = new Network("consumer-network", args);
new ServiceLogs("consumer-logs", { serviceName: "consumer", kmsKeyArn: keys.keyArn("logs"), auditRetentionDays: SEVEN_YEARS_DAYS, protect: true, tags });

export const vpcId = network.vpcId;
`;

/**
 * Runs in the program's directory with its own @pulumi/pulumi: mocks set, then the SDK's cmd/run `run()` — the
 * function `node @pulumi/pulumi/cmd/run` calls after the CLI's Node host starts it with PULUMI_NODEJS_TYPESCRIPT=true.
 * Prints the registered resources and the stack outputs as one JSON line.
 */
const HARNESS = `"use strict";
process.env.PULUMI_NODEJS_TYPESCRIPT = "true";
const pulumi = require("@pulumi/pulumi");
const registered = [];
const answers = {
    "aws:index/getCallerIdentity:getCallerIdentity": { accountId: "123456789012", arn: "arn:aws:iam::123456789012:user/ci", userId: "ci", id: "123456789012" },
    "aws:index/getRegion:getRegion": { name: "us-east-1", region: "us-east-1", id: "us-east-1", endpoint: "ec2.us-east-1.amazonaws.com" },
    "aws:index/getPartition:getPartition": { partition: "aws", dnsSuffix: "amazonaws.com", id: "aws" },
};
pulumi.runtime.setMocks({
    newResource: (a) => { registered.push({ type: a.type, name: a.name }); return { id: a.name + "-id", state: { ...a.inputs, arn: "arn:aws:mock:us-east-1:123456789012:" + a.name } }; },
    call: (a) => answers[a.token] ?? a.inputs,
}, "consumer", "dev", true);
// cmd/run/run.js requires its index.js, whose main() connects to the engine's monitor (--monitor): here the mocks
// stand in for the engine, so the index module is the one constant run.js reads from it.
const Module = require("module");
const index = require.resolve("@pulumi/pulumi/cmd/run/index.js");
const stub = new Module(index);
stub.filename = index;
stub.loaded = true;
stub.exports = { nodeJSProcessExitedAfterLoggingUserActionableMessage: 32 };
require.cache[index] = stub;
const errors = [];
require("@pulumi/pulumi/cmd/run/run").run({ _: ["."] }, () => {}, (err) => errors.push(err), () => false).then(
    (outputs) => setImmediate(() => console.log(JSON.stringify({ registered, outputs: Object.keys(outputs ?? {}), errors: errors.map(String) }))),
    (err) => { console.error("PROGRAM FAILED: " + (err && (err.stack || err.message) || err)); process.exit(1); },
);
`;

describe("the component library, installed from its tarball into another program and loaded as the CLI loads it", function () {
    this.timeout(900_000);
    let tarball: string;
    let packedFiles: string[];
    let program: string;

    before(function () {
        this.timeout(1_200_000);
        if (process.env.CONSUMER_TARBALL) {
            tarball = path.resolve(process.env.CONSUMER_TARBALL);
            packedFiles = [];
        } else {
            // As a user publishes it: `npm pack` runs `prepack` (build:lib), so the tarball carries fresh dist/lib.
            const destination = tempDir("library-tgz-");
            const output = npm(["pack", "--json", "--loglevel=error", "--pack-destination", destination], ROOT);
            const [packed] = JSON.parse(output.slice(output.indexOf("[\n")));
            tarball = path.join(destination, packed.filename);
            packedFiles = packed.files.map((f: { path: string }) => f.path).sort();
        }
        program = tempDir("consumer-program-");
        fs.writeFileSync(path.join(program, "Pulumi.yaml"), "name: consumer\nruntime:\n  name: nodejs\n  options:\n    typescript: true\n");
        fs.writeFileSync(path.join(program, "index.ts"), PROGRAM);
        // The tsconfig of Pulumi's `typescript` template.
        fs.writeFileSync(path.join(program, "tsconfig.json"), JSON.stringify({
            compilerOptions: { strict: true, outDir: "bin", target: "es2020", module: "commonjs", moduleResolution: "node", sourceMap: true, experimentalDecorators: true, pretty: true, noFallthroughCasesInSwitch: true, noImplicitReturns: true, forceConsistentCasingInFileNames: true },
            files: ["index.ts"],
        }, null, 2));
        fs.writeFileSync(path.join(program, "package.json"), JSON.stringify({
            name: "consumer",
            main: "index.ts",
            dependencies: { "aws-platform": `file:${tarball}`, "@pulumi/pulumi": version("@pulumi/pulumi"), "@pulumi/aws": version("@pulumi/aws") },
            devDependencies: { typescript: version("typescript"), "@types/node": version("@types/node") },
        }, null, 2));
        fs.writeFileSync(path.join(program, "harness.js"), HARNESS);
        npmInstall(program);
    });

    it("the tarball has the compiled library, its declarations, license, changelog and readme, and no tests, CI or sources", function () {
        if (packedFiles.length === 0) this.skip();
        for (const file of ["package.json", "README.md", "LICENSE", "CHANGELOG.md", "dist/lib/components/index.js", "dist/lib/components/index.d.ts", "dist/lib/components/network.js.map"]) {
            assert.ok(packedFiles.includes(file), `${file} is not in the tarball`);
        }
        const stray = packedFiles.filter((f) => !["package.json", "README.md", "LICENSE", "CHANGELOG.md"].includes(f) && !f.startsWith("dist/lib/"));
        assert.deepStrictEqual(stray, []);
        assert.deepStrictEqual(packedFiles.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")), [], "TypeScript sources in the tarball");
        assert.match(ROOT_MANIFEST.version, /^\d+\.\d+\.\d+$/);
        assert.strictEqual(ROOT_MANIFEST.license, "Apache-2.0");
        assert.ok(!ROOT_MANIFEST.private, "a private package cannot be published");
    });

    it("this repository's own program keeps its entry in Pulumi.yaml (without it the CLI's runner would run exports[\".\"], the library)", () => {
        // cmd/run: with no `main` in Pulumi.yaml the host passes ".", and run() then prefers package.json `exports["."]`.
        assert.match(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"), /^main: index\.ts$/m);
    });

    it("installs without @pulumi/awsx or the policy SDK: its runtime dependencies are what the components use", () => {
        const installed = JSON.parse(fs.readFileSync(path.join(program, "node_modules/aws-platform/package.json"), "utf8"));
        assert.deepStrictEqual(Object.keys(installed.dependencies ?? {}).filter((d) => ["@pulumi/awsx", "@pulumi/policy", "ajv", "xmlbuilder2"].includes(d)), []);
        assert.ok(!fs.existsSync(path.join(program, "node_modules/@pulumi/awsx")), "@pulumi/awsx was installed");
    });

    it("the SDK's runner type-checks the program with ts-node and runs it: every component registers its resources", function () {
        this.timeout(600_000);
        const run = spawnSync(process.execPath, ["harness.js"], { cwd: program, encoding: "utf8", env: { ...process.env, PULUMI_NODEJS_TRANSPILE_ONLY: "" }, timeout: 540_000 });
        assert.strictEqual(run.status, 0, `the program failed as the CLI would run it:\n${run.stderr}\n${run.stdout}`);
        const result = JSON.parse(run.stdout.trim().split("\n").pop()!);
        assert.deepStrictEqual(result.errors, []);
        const types = new Set(result.registered.map((r: { type: string }) => r.type));
        for (const type of ["platform:security:EncryptionKeys", "platform:network:Network", "platform:observability:ServiceLogs", "aws:ec2/vpc:Vpc", "aws:kms/key:Key", "aws:cloudwatch/logGroup:LogGroup"]) {
            assert.ok(types.has(type), `${type} was not registered (got ${[...types].join(", ")})`);
        }
        assert.deepStrictEqual(result.outputs, ["vpcId"]);
    });

    it("a type error in the program fails the run, as the CLI's ts-node type check does (the library's types are checked)", function () {
        this.timeout(600_000);
        const broken = tempDir("consumer-broken-");
        for (const f of ["Pulumi.yaml", "tsconfig.json", "package.json", "harness.js"]) fs.copyFileSync(path.join(program, f), path.join(broken, f));
        fs.symlinkSync(path.join(program, "node_modules"), path.join(broken, "node_modules"));
        fs.writeFileSync(path.join(broken, "index.ts"), PROGRAM.replace('natGateways: "single"', 'natGateways: "none"'));
        const run = spawnSync(process.execPath, ["harness.js"], { cwd: broken, encoding: "utf8", env: { ...process.env, PULUMI_NODEJS_TRANSPILE_ONLY: "" }, timeout: 540_000 });
        assert.notStrictEqual(run.status, 0, "a type error passed");
        assert.match(run.stderr + run.stdout, /natGateways|"none"/);
    });
});
