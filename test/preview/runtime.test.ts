import * as assert from "assert";
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PreviewInputError } from "../../scripts/preview/errors";
import { runPlan } from "../../scripts/preview/plan";
import { loadProject } from "../../scripts/preview/project";
import { verdictLine } from "../../scripts/preview/result";
import { runPreview } from "../../scripts/preview/run";

const PROGRAMS = path.resolve(__dirname, "../fixtures/programs");

/** 1-based line of the first line in a fixture file containing `text`. */
function lineOf(file: string, text: string): number {
    const index = fs.readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes(text));
    assert.ok(index >= 0, `${text} not found in ${file}`);
    return index + 1;
}

function planOf(program: string, stack = "dev") {
    return runPlan(loadProject(path.join(PROGRAMS, program), stack));
}

async function programError(program: string, stack: string): Promise<string> {
    try {
        await planOf(program, stack);
    } catch (err) {
        assert.ok(err instanceof PreviewInputError, `not an input/program error: ${(err as Error).stack}`);
        return err.message;
    }
    assert.fail(`${program} (${stack}) planned without error`);
}

describe("preview plan: waits for the program as the CLI's Node host does", () => {
    for (const program of ["late-timer", "late-async"]) {
        it(`plans a database registered after the first turn of the event loop (${program})`, async () => {
            const plan = await planOf(program);
            const db = plan.resources.find((r) => r.type === "aws:rds/instance:Instance");
            assert.ok(db, `late registration was lost: ${plan.resources.map((r) => r.type).join(", ")}`);
            assert.strictEqual(db.wireInputs.publiclyAccessible, true);
        });
    }
});

describe("preview plan: calls the program's export as the CLI's Node host does", () => {
    it("calls an `export =` function and plans what it declares", async () => {
        const plan = await planOf("late-async");
        assert.ok(plan.resources.some((r) => r.type === "aws:rds/instance:Instance"));
    });

    it("does not call a CommonJS `export default` function (the CLI does not), and says plainly that nothing was planned", async () => {
        const result = await runPreview({ programDir: path.join(PROGRAMS, "default-export"), stack: "dev", failOn: "mandatory" });
        assert.deepStrictEqual(result.resources.map((r) => r.type), ["pulumi:pulumi:Stack"]);
        assert.deepStrictEqual(result.unchecked.map((u) => u.kind), ["empty-plan"]);
        assert.match(result.unchecked[0].detail, /`export default` function is never called/);
        assert.match(verdictLine(result), /not a full check: the program declared no resources/);
    });
});

describe("preview plan: program errors fail closed with the program's own message and line", () => {
    const index = path.join(PROGRAMS, "program-errors", "index.ts");
    const cases: Array<[stack: string, message: RegExp, lineText: string]> = [
        ["apply-throws", /cannot build the policy for data/, "throw new Error(`cannot build the policy"],
        ["unhandled-rejection", /settings service unreachable/, "Promise.reject("],
        // The engine's Log request carries no position: the message alone, as the CLI prints it.
        ["log-error", /^Program error: quota exceeded for this account$/, ""],
        ["duplicate-urn", /Duplicate resource URN 'urn:pulumi:duplicate-urn::program-errors::aws:s3\/bucket:Bucket::data'/, "    new aws.s3.Bucket(\"data\")"],
    ];
    for (const [stack, message, lineText] of cases) {
        it(stack, async function () {
            // Known flake (apply-throws, about 1 run in 4 here): the program's error sometimes reaches the engine only
            // after 20 s or more instead of at once; the verdict is the same. Under investigation, so the plan's own
            // limit (180 s) applies here rather than mocha's, with one retry.
            this.timeout(200_000);
            this.retries(1);
            const error = await programError("program-errors", stack);
            assert.match(error, message);
            if (lineText) {
                assert.ok(error.startsWith(`Program error at index.ts:${lineOf(index, lineText)}: `), error);
            }
            assert.ok(!/leaked promises|still active/.test(error), `the SDK's leak report hid the error: ${error}`);
        });
    }
});

describe("preview plan: a registration that can never complete", () => {
    it("fails with the SDK's leaked-promise report, as the CLI's host exits", async () => {
        // The SDK's promise bookkeeping is what notices; the worker slims it down (no per-promise stamps), so this
        // shows the bookkeeping still sees the promise left pending.
        const error = await programError("program-errors", "leaked-promise");
        assert.match(error, /depend on a promise or\s+output that never resolves/);
    });
});

describe("preview plan: loads TypeScript with the TypeScript compiler", () => {
    it("plans a CallbackFunction program (closure serialization sees the program's own functions)", async () => {
        const plan = await planOf("callback-function");
        const fn = plan.resources.find((r) => r.type === "aws:lambda/function:Function");
        assert.ok(fn, `no Lambda function planned: ${plan.resources.map((r) => r.type).join(", ")}`);
    });
});

describe("preview loader: SDK modules used only to serialize functions load when first used", () => {
    it("@pulumi/pulumi loads without the TypeScript compiler and Arborist, and serializing a function still works", () => {
        const script = `
            const loaded = (pattern) => Object.keys(require.cache).some((file) => pattern.test(file));
            const pulumi = require("@pulumi/pulumi");
            const before = [loaded(/[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/), loaded(/@npmcli[\\\\/]arborist/)];
            (async () => {
                const paths = await pulumi.runtime.computeCodePaths();
                const serialized = await pulumi.runtime.serializeFunction(function greet(name) { return "hello " + name; });
                const after = [loaded(/[\\\\/]typescript[\\\\/]lib[\\\\/]typescript\\.js$/), loaded(/@npmcli[\\\\/]arborist/)];
                console.log(JSON.stringify({ before, after, paths: paths.size, text: serialized.text.includes("hello ") }));
            })().catch((err) => { console.log(JSON.stringify({ error: String(err) })); });`;
        const out = execFileSync(process.execPath, ["--require", path.resolve(__dirname, "../../scripts/preview/ts-register.cjs"), "-e", script], {
            // The repository root: its package.json names installed dependencies, so computeCodePaths has some to pack.
            cwd: path.resolve(__dirname, "../.."), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"],
        });
        const { paths, ...rest } = JSON.parse(out.trim().split("\n").pop()!);
        assert.deepStrictEqual(rest, { before: [false, false], after: [true, true], text: true }, out);
        assert.ok(paths > 0, out);
    });
});

describe("preview plan: missing dependencies", () => {
    it("says to run npm install in the program's directory, in one line", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "needs-install-"));
        try {
            fs.cpSync(path.join(PROGRAMS, "needs-install"), dir, { recursive: true });
            const error = await runPlan(loadProject(dir, "dev")).then(() => "planned", (err: Error) => err.message);
            assert.strictEqual(error.split("\n").length, 1, error);
            assert.ok(error.includes(`run \`npm install\` in ${dir}`), error);
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("plans once the dependencies are installed: a type check that could not resolve a module is not cached", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "installs-later-"));
        try {
            fs.cpSync(path.join(PROGRAMS, "needs-install"), dir, { recursive: true });
            await runPlan(loadProject(dir, "dev")).then(() => assert.fail("planned without dependencies"), () => undefined);
            // `npm install`, as far as resolution is concerned: this repository's packages appear beside the program.
            fs.symlinkSync(path.resolve(__dirname, "../../node_modules"), path.join(dir, "node_modules"));
            const plan = await runPlan(loadProject(dir, "dev"));
            assert.ok(plan.resources.length > 1, "the program's resources are planned");
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});

describe("preview plan: type-checks as the CLI does", () => {
    it("reports a type error as a program error with the compiler's message and line", async () => {
        const error = await programError("type-error", "dev");
        const line = lineOf(path.join(PROGRAMS, "type-error", "index.ts"), "const retentionInDays");
        assert.strictEqual(error, `Program error at index.ts:${line}: error TS2322: Type 'string' is not assignable to type 'number'.`);
    });

    it("runs a program whose tsconfig.json sets noCheck, as the CLI does", async () => {
        const plan = await planOf("type-error-nocheck");
        assert.ok(plan.resources.some((r) => r.type === "aws:cloudwatch/logGroup:LogGroup"));
    });
});

describe("preview plan: the type check is cached by content", () => {
    const checker: {
        check(dir: string, entry: string): unknown;
        cachedCheck(dir: string, entry: string): unknown;
    } = require("../../scripts/preview/typecheck.cjs");

    it("answers an unchanged project from the cache and checks again when a file changes", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "typecheck-cache-"));
        const cache = fs.mkdtempSync(path.join(os.tmpdir(), "typecheck-store-"));
        const saved = process.env.PLATFORM_PREVIEW_CACHE;
        process.env.PLATFORM_PREVIEW_CACHE = cache;
        try {
            const entry = path.join(dir, "index.ts");
            fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true } }));
            fs.writeFileSync(path.join(dir, "helper.ts"), "export const size: number = 3;\n");
            fs.writeFileSync(entry, "import { size } from \"./helper\";\nexport const doubled: number = size * 2;\n");
            assert.strictEqual(checker.cachedCheck(dir, entry), undefined);
            assert.deepStrictEqual(checker.check(dir, entry), { checked: true, errors: [] });
            assert.deepStrictEqual(checker.cachedCheck(dir, entry), { checked: true, errors: [] });
            // An imported file changes: the cached answer no longer applies.
            fs.writeFileSync(path.join(dir, "helper.ts"), "export const size: string = \"3\";\n");
            assert.strictEqual(checker.cachedCheck(dir, entry), undefined);
            assert.match(JSON.stringify(checker.check(dir, entry)), /"code":2362|"code":2322/);
            // So do the compiler options.
            fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, noCheck: true } }));
            assert.strictEqual(checker.cachedCheck(dir, entry), undefined);
            assert.deepStrictEqual(checker.check(dir, entry), { checked: false, reason: "noCheck in tsconfig.json" });
        } finally {
            process.env.PLATFORM_PREVIEW_CACHE = saved;
            if (saved === undefined) delete process.env.PLATFORM_PREVIEW_CACHE;
            fs.rmSync(dir, { recursive: true, force: true });
            fs.rmSync(cache, { recursive: true, force: true });
        }
    });
});

describe("preview plan: limits end in one line", () => {
    it("a program that never lets its event loop empty hits the time limit", async () => {
        const error = await runPlan(loadProject(path.join(PROGRAMS, "never-ends"), "dev"), { timeoutMs: 3000 }).then(() => "planned", (err: Error) => err.message);
        assert.match(error, /^Program did not finish within 3 s \(the plan waits, as the CLI does, until the program's event loop is empty/);
        assert.strictEqual(error.split("\n").length, 1, error);
    });

    it("a program that exhausts the heap says so, without V8's native stack", async () => {
        const error = await runPlan(loadProject(path.join(PROGRAMS, "memory-hog"), "dev"), { heapLimitMiB: 96 }).then(() => "planned", (err: Error) => err.message);
        assert.strictEqual(error, "Program ran out of memory while planning (Node's heap limit); raise it with NODE_OPTIONS=--max-old-space-size=<MiB>");
    });
});
