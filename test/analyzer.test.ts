import * as assert from "assert";
import * as path from "path";
import { loadPolicyConfigFile, PolicyPackError, PolicyPackProcess, secret, startPolicyPack } from "../lib/analyzer/client";

/** The analyzer client against a small pack: metadata, config as the engine resolves it, options, graph, secrets, remediation, failures. */
const PACK = path.resolve(__dirname, "fixtures/analyzer-pack");
const volume = (name: string, properties: Record<string, unknown>, extra: object = {}) => ({
    urn: `urn:pulumi:dev::p::test:index:Volume::${name}`, type: "test:index:Volume", name, properties, ...extra,
});

describe("analyzer client", function () {
    this.timeout(120_000);
    let pack: PolicyPackProcess;
    before(async () => {
        pack = await startPolicyPack(PACK);
    });
    after(async () => {
        await pack?.close();
    });

    it("reads the pack's policies and metadata", () => {
        assert.strictEqual(pack.info.name, "analyzer-fixture");
        const maxSize = pack.info.policies.find((p) => p.name === "max-size")!;
        assert.deepStrictEqual([maxSize.enforcementLevel, maxSize.tags], ["advisory", ["soc2:CC6.1"]]);
        assert.ok(maxSize.configSchema?.properties?.maxSize);
    });

    it("applies schema defaults and config levels as the engine does", async () => {
        await pack.configure({});
        assert.match((await pack.analyze(volume("big", { size: 150 }, { options: { protect: true } })))[0].message, /size 150 exceeds 100/);
        await pack.configure({ all: "mandatory", "max-size": { maxSize: 200 } });
        assert.deepStrictEqual(await pack.analyze(volume("big", { size: 150 }, { options: { protect: true } })), []);
        await pack.configure({ "max-size": { enforcementLevel: "mandatory", maxSize: 10 } });
        const diags = await pack.analyze(volume("big", { size: 150 }, { options: { protect: true } }));
        assert.deepStrictEqual(diags.map((d) => [d.policyName, d.enforcementLevel]), [["max-size", "mandatory"]]);
    });

    it("rejects config that breaks a policy's schema or names an unknown policy", async () => {
        await assert.rejects(pack.configure({ "max-size": { maxSize: "big" } }), /max-size\.maxSize: must be integer/);
        await assert.rejects(pack.configure({ "no-such-policy": "mandatory" }), /does not have: no-such-policy/);
    });

    it("sends resource options with every Analyze", async () => {
        await pack.configure({});
        assert.deepStrictEqual((await pack.analyze(volume("v", { size: 1 }, { options: { protect: false } }))).map((d) => d.policyName), ["must-protect"]);
        assert.deepStrictEqual(await pack.analyze(volume("v", { size: 1 }, { options: { protect: true } })), []);
    });

    it("delivers secrets unwrapped to the policy, as the engine's encoding requires", async () => {
        const diags = await pack.analyze(volume("s", { size: 1, password: secret("hunter2") }, { options: { protect: true } }));
        assert.match(diags.find((d) => d.policyName === "password-seen")!.message, /password=hunter2/);
    });

    it("sends the graph with AnalyzeStack", async () => {
        const parent = { urn: "urn:pulumi:dev::p::test:index:Group::g", type: "test:index:Group", name: "g", properties: {} };
        const key = { urn: "urn:pulumi:dev::p::test:index:Key::k", type: "test:index:Key", name: "k", properties: {} };
        const diags = await pack.analyzeStack([parent, key, volume("child", { size: 1, keyId: "id" }, { parent: parent.urn, propertyDependencies: { keyId: [key.urn] }, dependencies: [key.urn] })]);
        assert.strictEqual(diags.find((d) => d.policyName === "graph")!.message.split("\n").pop(), "parent=g deps=keyId<-k");
    });

    it("returns remediated properties", async () => {
        const remediations = await pack.remediate(volume("r", { size: 1, encrypted: false }, { options: { protect: true } }));
        const encrypt = remediations.find((r) => r.policyName === "encrypt-volumes")!;
        assert.deepStrictEqual(encrypt.properties, { size: 1, encrypted: true });
    });

    it("loads config files with clear errors", () => {
        assert.throws(() => loadPolicyConfigFile(path.join(PACK, "missing.json")), /cannot be read/);
        assert.throws(() => loadPolicyConfigFile(path.join(PACK, "index.ts")), /not a JSON object/);
        assert.deepStrictEqual(Object.keys(loadPolicyConfigFile(path.resolve(__dirname, "../policies/config/production.json"))).slice(0, 2), ["all", "lb-listener-tls-policy"]);
    });
});

describe("analyzer client failures", function () {
    this.timeout(120_000);

    it("names a directory that is not a pack", async () => {
        await assert.rejects(startPolicyPack(path.join(PACK, "nowhere")), (err: Error) => err instanceof PolicyPackError && /no PulumiPolicy\.yaml/.test(err.message));
    });

    it("reports a pack that crashes at load with its error, quickly", async () => {
        const started = Date.now();
        await assert.rejects(startPolicyPack(path.resolve(__dirname, "preview/packs/crashing")), /exited .* before serving[\s\S]*rule table is malformed/);
        assert.ok(Date.now() - started < 30_000);
    });
});
