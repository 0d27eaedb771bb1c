import * as assert from "assert";
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT_GATE_FAILED, EXIT_INPUT_ERROR } from "../../scripts/preview/errors";
import type { PreviewResult } from "../../scripts/preview/model";

/**
 * Each fixture hides an unencrypted SNS topic (or an unprotected key) behind one behaviour of the CLI's Node host or
 * of the engine; run through the bin as a user runs it, the verdict must be the one `pulumi preview --policy-pack`
 * gives. These pass because the preview runs the SDK's own runner against an engine that speaks the real protocols.
 */
const ROOT = path.resolve(__dirname, "../..");
const PROGRAMS = path.join(ROOT, "test/fixtures/programs");

interface Run {
    status: number | null;
    stdout: string;
    stderr: string;
    result?: PreviewResult;
}

/** Runs a fixture of test/fixtures/programs (or the program at an absolute path). */
function preview(program: string): Promise<Run> {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `preview-${path.basename(program)}-`)), "reports");
    return new Promise((resolve) => {
        const child = spawn(process.execPath, [path.join(ROOT, "scripts/preview/bin.cjs"), "--stack", "dev", "--program", path.resolve(PROGRAMS, program), "--out", out], {
            cwd: ROOT,
            // The verdict is the subject, not the type check (test/preview/runtime*.test.ts and the type-check cache
            // tests check that): the CLI's own switch spares each fixture a cold check of @pulumi/aws's types.
            env: { ...process.env, NO_COLOR: "1", PULUMI_NODEJS_TRANSPILE_ONLY: "true" },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (d) => (stdout += d));
        child.stderr.on("data", (d) => (stderr += d));
        child.on("exit", (status) => {
            const file = path.join(out, "preview.json");
            const result = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as PreviewResult) : undefined;
            resolve({ status, stdout, stderr, result });
        });
    });
}

function findings(run: Run, policy: string): string[] {
    return (run.result?.findings ?? []).filter((f) => f.policyName === policy).map((f) => f.resourceName ?? "");
}

function names(run: Run, type: string): string[] {
    return (run.result?.resources ?? []).filter((r) => r.type === type).map((r) => r.name);
}

describe("preview through the bin: what the CLI's Node host and engine do decides the verdict", function () {
    this.timeout(600_000);

    /** A failed gate whose only finding is the hidden unencrypted topic(s). */
    function failsOnTopic(program: string, topics: string[], check?: (run: Run) => void) {
        it(`${program}: fails on the unencrypted topic ${topics.join(", ")}`, async () => {
            const run = await preview(program);
            assert.strictEqual(run.status, EXIT_GATE_FAILED, `${run.stdout}\n${run.stderr}`);
            assert.deepStrictEqual(findings(run, "sns-topic-encrypted").sort(), [...topics].sort(), run.stdout);
            assert.deepStrictEqual(run.result!.findings.filter((f) => f.policyName !== "sns-topic-encrypted").map((f) => f.policyName), [], run.stdout);
            check?.(run);
        });
    }

    describe("transforms run in the engine, before the analyzer sees the resource", () => {
        failsOnTopic("cli-resource-transform-stack", ["alerts"], (run) => {
            const topic = run.result!.resources.find((r) => r.name === "alerts")!;
            assert.strictEqual(topic.inputs.kmsMasterKeyId, undefined, "the analyzer saw the pre-transform key");
        });
        failsOnTopic("cli-stack-transformation", ["alerts"]);
        failsOnTopic("cli-resource-transform-option", ["alerts-topic"]);

        it("cli-resource-transform-protect: a transform that turns protect off leaves the key unprotected", async () => {
            const run = await preview("cli-resource-transform-protect");
            assert.strictEqual(run.status, EXIT_GATE_FAILED, `${run.stdout}\n${run.stderr}`);
            assert.deepStrictEqual(findings(run, "general-stateful-resources-protected"), ["data"], run.stdout);
            assert.strictEqual(run.result!.resources.find((r) => r.name === "data")!.protect, false);
        });

        it("cli-invoke-transform: a stack invoke transform rewrites a lookup's arguments before the provider answers", async () => {
            const run = await preview("cli-invoke-transform");
            assert.strictEqual(run.status, EXIT_GATE_FAILED, `${run.stdout}\n${run.stderr}`);
            assert.deepStrictEqual(findings(run, "iam-policy-documents"), ["alerts-policy"], run.stdout);
            const policy = JSON.parse(String(run.result!.resources.find((r) => r.name === "alerts-policy")!.inputs.policy));
            assert.deepStrictEqual(policy.Statement[0].Principal, { AWS: "*" }, "the provider answered the untransformed lookup");
        });

        it("cli-transform-adds-encryption: a transform that adds the key passes, as under the CLI", async () => {
            const run = await preview("cli-transform-adds-encryption");
            assert.strictEqual(run.status, 0, `${run.stdout}\n${run.stderr}`);
            assert.deepStrictEqual(run.result!.findings, []);
            assert.match(String(run.result!.resources.find((r) => r.name === "alerts")!.inputs.kmsMasterKeyId), /^arn:aws:kms:/);
        });
    });

    describe("the entry point is the one the CLI's Node host runs", () => {
        for (const program of ["cli-main-directory", "cli-package-exports"]) {
            failsOnTopic(program, ["alerts"], (run) => assert.deepStrictEqual(names(run, "aws:sns/topic:Topic"), ["alerts"], "the decoy entry ran"));
        }
        failsOnTopic("cli-index-js-beside-ts", ["alerts"], (run) => {
            assert.deepStrictEqual(names(run, "aws:sns/topic:Topic"), ["alerts"]);
            assert.ok(run.result!.diagnostics.some((d) => /index\.js file and no explicit entrypoint/.test(d.message)), JSON.stringify(run.result!.diagnostics));
            assert.deepStrictEqual(run.result!.resources.find((r) => r.name === "alerts")!.source, { file: "index.js", line: 4, column: 1 });
        });
    });

    describe("ES modules", () => {
        // Declared inside an apply of a data source's answer (known in a preview, so the apply runs). No source position:
        // the SDK's frame parser (Resource.framePositionRegExp) needs `at f (file:line:col)`, and an anonymous arrow's
        // frame has no parentheses, so the SDK sends none, to the CLI's engine as here.
        failsOnTopic("cli-esm-mjs", ["alerts-us-east-1"]);
        failsOnTopic("cli-esm-type-module", ["alerts"]);
    });

    describe("runtime.options in Pulumi.yaml", () => {
        failsOnTopic("cli-nodeargs", ["alerts", "alerts-by-condition"]);
        failsOnTopic("cli-typescript-false", ["alerts"]);
    });

    it("cli-ts-in-node-modules: TypeScript under node_modules is not compiled, so the program fails as under the CLI", async () => {
        const run = await preview("cli-ts-in-node-modules");
        assert.strictEqual(run.status, EXIT_INPUT_ERROR, run.stdout);
        assert.match(run.stderr, /^Program error.*node_modules.*topic-lib/m);
        assert.strictEqual(run.result, undefined, "reports were written for a program the CLI cannot run");
    });

    it("a stack config over Linux's 128 KiB per environment variable cannot start, as under the CLI: one line, exit 2, and the preview ends", async () => {
        // The CLI's Go language host passes the whole config as PULUMI_CONFIG; its exec fails with E2BIG, and so does
        // the runner's spawn here (which Node throws rather than emits: the engine's server once kept the preview alive).
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "preview-large-config-"));
        for (const file of ["Pulumi.yaml", "index.js"]) {
            fs.copyFileSync(path.join(PROGRAMS, "cli-typescript-false", file), path.join(dir, file));
        }
        fs.symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
        fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), `config:\n  aws:region: us-east-1\n  cli-typescript-false:blob: ${"x".repeat(140 * 1024)}\n`);
        let timer: NodeJS.Timeout | undefined;
        const run = await Promise.race([preview(dir), new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("the preview did not end")), 120_000)))]);
        clearTimeout(timer);
        assert.strictEqual(run.status, EXIT_INPUT_ERROR, `${run.stdout}\n${run.stderr}`);
        assert.match(run.stderr, /Cannot start the program: its stack config is 14\d KiB as PULUMI_CONFIG, over the operating system's 128 KiB limit/);
        assert.strictEqual(run.result, undefined);
    });
});
