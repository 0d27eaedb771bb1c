import * as assert from "assert";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { AnalyzerResource, Diagnostic, loadPolicyConfigFile, PolicyPackError, PolicyPackProcess, resolveConfig, secret, startPolicyPack, UNKNOWN } from "../../scripts/preview/analyzer/client";

/** The analyzer client driving a real pack process over gRPC, as the Pulumi engine does. */
const PACKS = path.resolve(__dirname, "../fixtures/packs");
const disk = (name: string, properties: Record<string, unknown>, extra: Partial<AnalyzerResource> = {}): AnalyzerResource => ({
    urn: `urn:pulumi:dev::client::test:index:Disk::${name}`, type: "test:index:Disk", name, properties, ...extra,
});
const echo = (name: string, extra: Partial<AnalyzerResource>): AnalyzerResource => ({
    urn: `urn:pulumi:dev::client::test:index:Echo::${name}`, type: "test:index:Echo", name, properties: {}, ...extra,
});
const only = (diags: Diagnostic[], policy: string) => diags.filter((d) => d.policyName === policy);
/** The policy SDK sends `<policy description>\n<reported message>`; this is the reported part. */
const reported = (d: Diagnostic) => {
    assert.ok(d.message.startsWith(`${d.description}\n`), d.message);
    return d.message.slice(d.description.length + 1);
};

describe("analyzer client against a full pack", function () {
    this.timeout(120_000);
    let pack: PolicyPackProcess;
    before(async () => {
        pack = await startPolicyPack(path.join(PACKS, "full"));
    });
    after(async () => {
        await pack?.close();
    });
    // Configure replaces the pack's whole config; each test starts from the policies' own defaults.
    beforeEach(async () => {
        await pack.configure({});
    });

    it("reads the pack's identity and every policy's metadata", () => {
        assert.deepStrictEqual([pack.info.name, pack.info.version, pack.info.supportsConfig], ["client-fixture", "1.2.3", true]);
        assert.deepStrictEqual(pack.info.policies.map((p) => p.name), ["disk-size-limit", "echo-options", "throws", "stack-graph", "encrypt-disks"]);
        const size = pack.info.policies[0];
        assert.deepStrictEqual(
            { level: size.enforcementLevel, severity: size.severity, tags: size.tags, framework: size.framework, steps: size.remediationSteps, url: size.url },
            {
                level: "advisory", severity: "high", tags: ["cost", "soc2:CC6.1"],
                framework: { name: "internal", version: "1", reference: "https://example.com/disks", specification: "disks" },
                steps: "Use a smaller disk.", url: "https://example.com/policies/disk-size-limit",
            });
        assert.deepStrictEqual(size.configSchema?.properties, { maxGb: { type: "integer", default: 100 } });
        assert.strictEqual(pack.info.policies.find((p) => p.name === "encrypt-disks")!.enforcementLevel, "remediate");
    });

    it("reports a violating resource and passes a compliant one", async () => {
        const violations = only(await pack.analyze(disk("big", { sizeGb: 150 })), "disk-size-limit");
        assert.deepStrictEqual(violations.map((d) => [reported(d), d.enforcementLevel, d.severity, d.policyPackName, d.policyPackVersion]),
            [["sizeGb 150 exceeds 100", "advisory", "high", "client-fixture", "1.2.3"]]);
        assert.deepStrictEqual(await pack.analyze(disk("small", { sizeGb: 50 })), []);
    });

    it("Configure changes the enforcement level and the configured threshold", async () => {
        await pack.configure({ "disk-size-limit": { enforcementLevel: "mandatory", maxGb: 10 } });
        const diags = only(await pack.analyze(disk("small", { sizeGb: 50 })), "disk-size-limit");
        assert.deepStrictEqual(diags.map((d) => [reported(d), d.enforcementLevel]), [["sizeGb 50 exceeds 10", "mandatory"]]);
        await pack.configure({ "disk-size-limit": { maxGb: 500 } });
        assert.deepStrictEqual(only(await pack.analyze(disk("big", { sizeGb: 150 })), "disk-size-limit"), []);
        await pack.configure({ "disk-size-limit": "disabled" });
        assert.deepStrictEqual(only(await pack.analyze(disk("huge", { sizeGb: 10_000 })), "disk-size-limit"), []);
    });

    it("applies schema defaults, `all`, and rejects config that breaks a schema or names an unknown policy", async () => {
        await pack.configure({ all: "mandatory" });
        const diags = only(await pack.analyze(disk("over-default", { sizeGb: 150 })), "disk-size-limit");
        assert.deepStrictEqual(diags.map((d) => [reported(d), d.enforcementLevel]), [["sizeGb 150 exceeds 100", "mandatory"]]);
        await assert.rejects(pack.configure({ "disk-size-limit": { maxGb: "big" } }), /disk-size-limit\.maxGb: must be integer/);
        await assert.rejects(pack.configure({ "no-such-policy": "mandatory" }), /does not have: no-such-policy/);
    });

    it("loads a --policy-pack-config file into what configure() takes", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "analyzer-config-"));
        const file = path.join(dir, "config.json");
        fs.writeFileSync(file, JSON.stringify({ all: "mandatory", "disk-size-limit": { maxGb: 20 } }));
        await pack.configure(loadPolicyConfigFile(file));
        assert.deepStrictEqual(only(await pack.analyze(disk("mid", { sizeGb: 30 })), "disk-size-limit").map((d) => [reported(d), d.enforcementLevel]),
            [["sizeGb 30 exceeds 20", "mandatory"]]);
        fs.writeFileSync(file, "[1,");
        assert.throws(() => loadPolicyConfigFile(file), /not a JSON object/);
        assert.throws(() => loadPolicyConfigFile(path.join(dir, "absent.json")), /absent\.json cannot be read/);
    });

    it("always sends resource options, the provider and secrets unwrapped", async () => {
        // No options given: the client still sends AnalyzerResourceOptions (the SDK rejects a request without them).
        const bare = JSON.parse(reported(only(await pack.analyze(echo("bare", {})), "echo-options")[0]));
        assert.strictEqual(bare.opts.protect, false);
        assert.deepStrictEqual(bare.opts.ignoreChanges, []);

        const full = JSON.parse(reported(only(await pack.analyze(echo("full", {
            properties: { password: secret("hunter2") },
            options: { protect: true, ignoreChanges: ["tags"], deleteBeforeReplace: true, additionalSecretOutputs: ["password"], aliases: ["urn:old"], customTimeouts: { create: 60, delete: 120 } },
            parent: "urn:pulumi:dev::client::test:index:Group::g",
            provider: { urn: "urn:pulumi:dev::client::pulumi:providers:aws::default", type: "pulumi:providers:aws", name: "default", properties: { region: "eu-central-1" } },
        })), "echo-options")[0]));
        assert.deepStrictEqual(full.opts, {
            protect: true, ignoreChanges: ["tags"], deleteBeforeReplace: true, additionalSecretOutputs: ["password"], aliases: ["urn:old"],
            customTimeouts: { createSeconds: 60, updateSeconds: 0, deleteSeconds: 120 }, parent: "urn:pulumi:dev::client::test:index:Group::g",
        });
        assert.deepStrictEqual(full.provider, { type: "pulumi:providers:aws", name: "default", region: "eu-central-1" });
        assert.strictEqual(full.password, "hunter2");
    });

    it("delivers unknown values as unknown: the policy cannot run and the SDK says so as an advisory", async () => {
        const diags = only(await pack.analyze(disk("computed", { sizeGb: UNKNOWN })), "disk-size-limit");
        assert.strictEqual(diags.length, 1);
        assert.strictEqual(diags[0].enforcementLevel, "advisory");
        assert.match(diags[0].message, /can't run policy 'disk-size-limit' .* during preview/);
    });

    it("sends parent, dependencies and property dependencies with AnalyzeStack", async () => {
        const group = { urn: "urn:pulumi:dev::client::test:index:Group::g", type: "test:index:Group", name: "g", properties: {} };
        const key = { urn: "urn:pulumi:dev::client::test:index:Key::k", type: "test:index:Key", name: "k", properties: {} };
        const diags = await pack.analyzeStack([group, key,
            disk("child", { sizeGb: 1, keyId: "id" }, { parent: group.urn, dependencies: [key.urn], propertyDependencies: { keyId: [key.urn] } })]);
        const graph = only(diags, "stack-graph");
        assert.deepStrictEqual(graph.map((d) => [reported(d), d.urn]), [["parent=g deps=k propDeps=keyId<-k", disk("child", {}).urn]]);
    });

    it("returns remediated properties from Remediate", async () => {
        const remediations = await pack.remediate(disk("plain", { sizeGb: 1, encrypted: false }));
        assert.deepStrictEqual(remediations.map((r) => [r.policyName, r.properties]), [["encrypt-disks", { sizeGb: 1, encrypted: true }]]);
        assert.deepStrictEqual(await pack.remediate(disk("done", { sizeGb: 1, encrypted: true })), []);
    });

    it("names the RPC and carries the pack's message when a policy throws", async () => {
        await assert.rejects(pack.analyze(disk("explode", { sizeGb: 1 })),
            (err: Error) => err instanceof PolicyPackError && /^analyze failed/.test(err.message) && /policy bug on purpose/.test(err.message));
    });

    it("captures what the pack logs", async () => {
        await pack.analyze(echo("logger", {}));
        // pulumi.log.warn in the pack reaches the client's Engine server as a Log RPC, with its severity.
        const entry = pack.logs().find((l) => l.stream === "engine" && l.message === "echo saw logger");
        assert.deepStrictEqual(entry && entry.severity, "warning", JSON.stringify(pack.logs()));
    });
});

describe("analyzer client: what it keeps in the preview cache", function () {
    this.timeout(120_000);
    let cache: string;
    let previous: string | undefined;
    beforeEach(() => {
        cache = fs.mkdtempSync(path.join(os.tmpdir(), "client-cache-"));
        previous = process.env.PLATFORM_PREVIEW_CACHE;
        process.env.PLATFORM_PREVIEW_CACHE = cache;
    });
    afterEach(() => {
        if (previous === undefined) delete process.env.PLATFORM_PREVIEW_CACHE;
        else process.env.PLATFORM_PREVIEW_CACHE = previous;
        fs.rmSync(cache, { recursive: true, force: true });
    });
    const startAndClose = async () => {
        const pack = await startPolicyPack(path.join(PACKS, "full"), { env: { PLATFORM_PREVIEW_CACHE: cache } });
        await pack.close();
        return pack.info;
    };

    it("the pack's info decoded from its answer and read back from the cache are the same", async () => {
        const decoded = await startAndClose();
        assert.strictEqual(fs.readdirSync(path.join(cache, "analyzer-info")).length, 1);
        assert.deepStrictEqual(await startAndClose(), decoded);
        assert.deepStrictEqual(decoded.policies.find((p) => p.name === "disk-size-limit")?.configSchema?.properties, { maxGb: { type: "integer", default: 100 } });
    });

    it("config validators compiled by ajv and loaded back as ajv's standalone code judge alike", async () => {
        const info = await startAndClose();
        const problems = () => {
            try {
                resolveConfig(info, { "disk-size-limit": { maxGb: "big", extra: 1 } as never });
                return "accepted";
            } catch (err) {
                return (err as Error).message;
            }
        };
        const compiled = problems();
        assert.strictEqual(fs.readdirSync(path.join(cache, "ajv")).filter((f) => f.endsWith(".js")).length, 1);
        assert.match(compiled, /disk-size-limit\.maxGb: must be integer/);
        assert.match(compiled, /disk-size-limit\.extra: unknown property/);
        // The second resolution loads the file written by the first (its runtime helpers resolve from outside
        // node_modules): it must be code that validates.
        const [file] = fs.readdirSync(path.join(cache, "ajv")).filter((f) => f.endsWith(".js")).map((f) => path.join(cache, "ajv", f));
        const validators = require(file);
        const validate = Object.values(validators)[0] as ((data: unknown) => boolean) & { errors?: unknown[] };
        assert.strictEqual(typeof validate, "function");
        assert.strictEqual(problems(), compiled);
    });
});

describe("analyzer client failures", function () {
    this.timeout(120_000);

    it("names a missing directory", async () => {
        const missing = path.join(PACKS, "does-not-exist");
        await assert.rejects(startPolicyPack(missing), (err: Error) => err instanceof PolicyPackError && err.message.includes(missing));
    });

    it("reports a pack that crashes at load with its exit code and stderr, quickly", async () => {
        const started = Date.now();
        await assert.rejects(startPolicyPack(path.join(PACKS, "crashing")),
            (err: Error) => err instanceof PolicyPackError && /exited \(code \d+\) before serving/.test(err.message) && /thresholds table is empty/.test(err.message));
        assert.ok(Date.now() - started < 30_000, `took ${Date.now() - started} ms`);
    });

    it("gives up on a pack that never prints a port within the timeout", async () => {
        await assert.rejects(startPolicyPack(path.join(PACKS, "full"), { startTimeoutMs: 50 }), /printed no port within 50 ms/);
    });

    it("a pack's second start runs on V8's code cache of the first (none of it rejected, as under flags that differ)", async () => {
        // The SDK's runner turns on a V8 flag at run time, and the engine ends a pack with SIGTERM: either one, unhandled,
        // leaves every start compiling the whole pack and SDK again.
        const cache = fs.mkdtempSync(path.join(os.tmpdir(), "pack-cache-"));
        const start = async () => {
            const pack = await startPolicyPack(path.join(PACKS, "full"), { env: { PLATFORM_PREVIEW_CACHE: cache, NODE_DEBUG_NATIVE: "COMPILE_CACHE" } });
            await pack.close();
            return pack.logs().filter((l) => l.stream === "stderr").map((l) => l.message).join("");
        };
        try {
            await start();
            const second = await start();
            assert.ok(/\[compile cache\] cache for \S+ was accepted/.test(second), second.slice(0, 2000));
            assert.ok(!/ was rejected/.test(second), second.split("\n").filter((l) => / was rejected/.test(l)).slice(0, 5).join("\n"));
        } finally {
            fs.rmSync(cache, { recursive: true, force: true });
        }
    });

    it("rejects calls on a closed pack promptly instead of hanging", async () => {
        const pack = await startPolicyPack(path.join(PACKS, "full"));
        await pack.close();
        const started = Date.now();
        await assert.rejects(pack.analyze(disk("late", { sizeGb: 1 })), Error);
        assert.ok(Date.now() - started < 5_000);
    });
});
