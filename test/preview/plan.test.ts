import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { PreviewInputError } from "../../scripts/preview/errors";
import { runPlan } from "../../scripts/preview/plan";
import { loadProject, SECRET_PLACEHOLDER } from "../../scripts/preview/project";
import { toPlannedResource } from "../../scripts/preview/result";
import { plannedFixture } from "../support/planned";

const PROGRAMS = path.resolve(__dirname, "../fixtures/programs");

/** 1-based line of the first line in a fixture file containing `text` (so tests follow edits to the fixture). */
function lineOf(file: string, text: string): number {
    const index = fs.readFileSync(file, "utf8").split("\n").findIndex((l) => l.includes(text));
    assert.ok(index >= 0, `${text} not found in ${file}`);
    return index + 1;
}

function ciphertexts(stackFile: string): string[] {
    return [...fs.readFileSync(stackFile, "utf8").matchAll(/secure: (\S+)/g)].map((m) => m[1]);
}

describe("preview plan: project and stack config", () => {
    it("qualifies keys with the project name, passes structured values as JSON and never passes secure values on", () => {
        const project = loadProject(path.join(PROGRAMS, "clean"), "dev");
        assert.strictEqual(project.project, "clean");
        assert.strictEqual(project.main, path.join(PROGRAMS, "clean", "index.ts"));
        assert.strictEqual(project.config["aws:region"], "us-east-1");
        assert.strictEqual(project.config["clean:retentionInDays"], "30");
        assert.deepStrictEqual(JSON.parse(project.config["clean:settings"]), { owner: "platform-team", costCenter: "CC-1001", dbPassword: SECRET_PLACEHOLDER });
        assert.strictEqual(project.config["clean:apiToken"], SECRET_PLACEHOLDER);
        assert.deepStrictEqual(project.secretKeys, ["clean:apiToken", "clean:settings"]);
        const passed = JSON.stringify(project);
        for (const ciphertext of ciphertexts(path.join(PROGRAMS, "clean", "Pulumi.dev.yaml"))) {
            assert.ok(!passed.includes(ciphertext), "a secure value's ciphertext reached the program");
        }
    });

    it("rejects a directory without Pulumi.yaml and an unknown stack with input errors", () => {
        assert.throws(() => loadProject(path.join(PROGRAMS, ".."), "dev"), (err: Error) => err instanceof PreviewInputError && /No Pulumi.yaml/.test(err.message));
        assert.throws(() => loadProject(path.join(PROGRAMS, "clean"), "prod"), (err: Error) => err instanceof PreviewInputError && /Unknown stack "prod".*stacks: dev/.test(err.message));
    });
});

describe("preview plan: the program under the SDK's runner and the in-process engine", () => {
    const fixture = plannedFixture(path.join(PROGRAMS, "clean"), "dev");
    const { byName } = fixture;

    it("registers the root stack and gives resources the CLI's URNs (no Stack type in children's type chain)", () => {
        assert.strictEqual(byName("clean-dev").urn, "urn:pulumi:dev::clean::pulumi:pulumi:Stack::clean-dev");
        assert.strictEqual(byName("app").urn, "urn:pulumi:dev::clean::fixture:app:AppLogs::app");
        assert.strictEqual(byName("app-logs").urn, "urn:pulumi:dev::clean::fixture:app:AppLogs$aws:cloudwatch/logGroup:LogGroup::app-logs");
    });

    it("records parents, custom/component and dependencies", () => {
        assert.strictEqual(byName("app").parent, byName("clean-dev").urn);
        assert.strictEqual(byName("app").custom, false);
        assert.strictEqual(byName("app-logs").parent, byName("app").urn);
        assert.strictEqual(byName("app-logs").custom, true);
        assert.ok(byName("app-token").dependencies.includes(byName("app-logs").urn), "dependsOn was lost");
    });

    it("lists resources in declaration order, so reports are stable from run to run", () => {
        assert.deepStrictEqual(fixture.resources.map((r) => r.name), ["clean-dev", "app", "app-logs", "app-token"]);
    });

    it("records resource options: protect, retainOnDelete, ignoreChanges", () => {
        const logs = byName("app-logs");
        assert.strictEqual(logs.protect, true);
        assert.strictEqual(logs.retainOnDelete, true);
        assert.deepStrictEqual(logs.ignoreChanges, ["tags"]);
        assert.strictEqual(byName("app-token").protect, false);
    });

    it("points each resource at the program line that declared it (TypeScript lines, program-relative path)", () => {
        const index = path.join(PROGRAMS, "clean", "index.ts");
        assert.deepStrictEqual({ ...byName("app-logs").source, column: undefined }, { file: "index.ts", line: lineOf(index, "new aws.cloudwatch.LogGroup("), column: undefined });
        assert.strictEqual(byName("app-token").source?.line, lineOf(index, "new aws.ssm.Parameter("));
        assert.strictEqual(byName("app").source?.line, lineOf(index, "const app = new AppLogs("));
    });

    it("masks secure config and secrets in the recorded inputs", () => {
        assert.strictEqual(byName("app-token").inputs.value, "[secret]");
        assert.strictEqual(byName("app-logs").inputs.retentionInDays, 30);
        const everything = JSON.stringify(fixture.resources) + JSON.stringify(fixture.plan.logs);
        for (const ciphertext of ciphertexts(path.join(PROGRAMS, "clean", "Pulumi.dev.yaml"))) {
            assert.ok(!everything.includes(ciphertext));
        }
    });

    it("flags remote components", async () => {
        const remote = (await runPlan(loadProject(path.join(PROGRAMS, "remote"), "dev"))).resources.map(toPlannedResource);
        const widget = remote.find((r) => r.type === "fixture:remote:Widget");
        assert.strictEqual(widget?.remote, true);
        assert.strictEqual(remote.find((r) => r.type === "pulumi:pulumi:Stack")?.remote, false);
    });
});

describe("preview plan: failing programs", () => {
    it("names the program's own file and line when it throws", async () => {
        const line = lineOf(path.join(PROGRAMS, "broken", "sizing.ts"), "throw new Error");
        await assert.rejects(runPlan(loadProject(path.join(PROGRAMS, "broken"), "dev")),
            (err: Error) => err instanceof PreviewInputError && err.message.startsWith(`Program error at sizing.ts:${line}: databaseSize is required`));
    });

    it("survives a program that calls process.exit and reports it", async () => {
        // The runner never signalled the end of its run: a deployment cut short (no position: the engine sees none).
        await assert.rejects(runPlan(loadProject(path.join(PROGRAMS, "broken"), "exits")),
            (err: Error) => err instanceof PreviewInputError && /^Program exited \(code [01]\) before its plan completed/.test(err.message) && err.message.includes("registered-before-the-error"));
    });
});
