import * as assert from "assert";
import * as path from "path";
import { AnalyzerResource, Diagnostic, loadPolicyConfigFile, PolicyPackConfigFile, PolicyPackProcess, resolveConfig, startPolicyPack } from "../../scripts/preview/analyzer/client";
import { MAX_WAIVER_HORIZON_DAYS, POLICY_WEAKENED, tierOf, waiverLimitProblem, weakenings } from "../../lib/rules/policy-limits";
import { named, PACK } from "./pack-process";

/**
 * The pack limits its own config: through the real analyzer protocol (the pack as its own process, configured as the
 * engine configures it), each way a config can weaken the gate is a mandatory `policy-weakened` finding.
 */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const topic = (stack: string, name = "orders"): AnalyzerResource => ({ urn: `urn:pulumi:${stack}::app::aws:sns/topic:Topic::${name}`, type: "aws:sns/topic:Topic", name, properties: {} });
const waiver = (resource: string, expires = day(30)) => ({ resource, reason: "migration to a CMK in Q1", approver: "jane.doe@company.com", expires, ticket: "SEC-142" });

describe("policy pack: the config cannot weaken the gate", function () {
    this.timeout(180_000);
    let pack: PolicyPackProcess;
    const production = loadPolicyConfigFile(path.join(PACK, "config/production.json"));
    const staging = loadPolicyConfigFile(path.join(PACK, "config/staging.json"));

    before(async () => {
        pack = await startPolicyPack(PACK);
    });
    after(async () => {
        await pack?.close();
    });

    async function judge(config: PolicyPackConfigFile, stack = "production"): Promise<Diagnostic[]> {
        await pack.configure(config);
        const resource = topic(stack);
        return [...await pack.analyze(resource), ...await pack.analyzeStack([resource])];
    }
    const weakened = (diags: Diagnostic[]) => named(diags, POLICY_WEAKENED).map((d) => d.message.split("\n").pop()!);

    it("the repository's production and staging configs weaken nothing", async () => {
        assert.deepStrictEqual(weakened(await judge(production)), []);
        assert.deepStrictEqual(weakened(await judge(staging, "staging")), []);
    });

    it("a wildcard waiver is refused: the finding stays mandatory and policy-weakened names the waiver", async () => {
        const diags = await judge({ ...production, "sns-topic-encrypted": { enforcementLevel: "mandatory", waivers: [waiver("*")] } });
        assert.strictEqual(named(diags, "sns-topic-encrypted")[0]?.enforcementLevel, "mandatory");
        assert.match(named(diags, "sns-topic-encrypted")[0].message, /not honoured: resource "\*" matches every resource/);
        assert.deepStrictEqual(named(diags, "waived-findings"), []);
        const [message, ...rest] = weakened(diags);
        assert.deepStrictEqual(rest, []);
        assert.match(message, /^sns-topic-encrypted: the waiver approved by jane\.doe@company\.com \(SEC-142\) is not honoured: resource "\*" matches every resource/);
        assert.ok(named(diags, POLICY_WEAKENED).every((d) => d.enforcementLevel === "mandatory"));
    });

    it("a pattern waiver is refused in production, honoured in staging; a waiver naming the resource is honoured in production", async () => {
        const pattern = await judge({ ...production, "sns-topic-encrypted": { enforcementLevel: "mandatory", waivers: [waiver("ord*")] } });
        assert.match(weakened(pattern)[0], /resource "ord\*" is a pattern: in a production stack a waiver names each resource/);
        assert.strictEqual(named(pattern, "sns-topic-encrypted")[0]?.enforcementLevel, "mandatory");
        const inStaging = await judge({ ...staging, "sns-topic-encrypted": { enforcementLevel: "mandatory", waivers: [waiver("ord*")] } }, "staging");
        assert.deepStrictEqual(weakened(inStaging), []);
        assert.deepStrictEqual(named(inStaging, "sns-topic-encrypted"), []);
        const exact = await judge({ ...production, "sns-topic-encrypted": { enforcementLevel: "mandatory", waivers: [waiver("orders")] } });
        assert.deepStrictEqual(weakened(exact), []);
        assert.deepStrictEqual(named(exact, "sns-topic-encrypted"), []);
        assert.strictEqual(named(exact, "waived-findings").length, 1);
    });

    it("a raised horizon is refused: the pack's maximum holds and a waiver beyond it suppresses nothing", async () => {
        const far = day(MAX_WAIVER_HORIZON_DAYS + 30);
        const diags = await judge({ ...production, "sns-topic-encrypted": { enforcementLevel: "mandatory", waiverHorizonDays: 36500, waivers: [waiver("orders", far)] } });
        const messages = weakened(diags);
        assert.ok(messages.some((m) => m === `sns-topic-encrypted: waiverHorizonDays 36500 exceeds the pack's maximum of ${MAX_WAIVER_HORIZON_DAYS} days (a config may shorten the horizon, not extend it)`), messages.join("\n"));
        assert.ok(messages.some((m) => m.includes(`expires ${far}`) && m.includes(`beyond the ${MAX_WAIVER_HORIZON_DAYS}-day horizon`)), messages.join("\n"));
        assert.strictEqual(named(diags, "sns-topic-encrypted")[0]?.enforcementLevel, "mandatory");
    });

    it("a disabled or lowered rule is refused in production (staging may lower, as its config does)", async () => {
        const diags = await judge({ ...production, "sns-topic-encrypted": "disabled", "rds-multi-az": "advisory", "waived-findings": "disabled" });
        assert.deepStrictEqual(named(diags, "sns-topic-encrypted"), []);
        assert.deepStrictEqual(weakened(diags).sort(), [
            "rds-multi-az is lowered to advisory by the policy config; in a production stack a rule mandatory by default stays mandatory",
            "sns-topic-encrypted is disabled by the policy config; in a production stack no policy may be disabled (its default level is mandatory)",
            "waived-findings is disabled by the policy config; in a production stack no policy may be disabled (its default level is advisory)",
        ]);
        assert.deepStrictEqual(weakened(await judge({ ...staging, "rds-multi-az": "advisory" }, "staging")), []);
    });

    it("disabling or lowering policy-weakened itself does not silence it: the next policy still running reports, mandatory", async () => {
        const off = await judge({ ...production, [POLICY_WEAKENED]: "disabled", "sns-topic-encrypted": "disabled" });
        assert.deepStrictEqual(weakened(off).sort(), [
            "policy-weakened is disabled by the policy config; in a production stack no policy may be disabled (its default level is mandatory)",
            "sns-topic-encrypted is disabled by the policy config; in a production stack no policy may be disabled (its default level is mandatory)",
        ]);
        assert.ok(named(off, POLICY_WEAKENED).every((d) => d.enforcementLevel === "mandatory"));
        // Every policy disabled but one resource policy: it reports (once, on the first resource it sees).
        const one = await judge({ all: "disabled", "sns-topic-encrypted": "mandatory", [POLICY_WEAKENED]: "advisory" });
        assert.strictEqual(named(one, "sns-topic-encrypted").length, 1);
        const messages = weakened(one);
        assert.ok(messages.includes("policy-weakened is lowered to advisory by the policy config; in a production stack a rule mandatory by default stays mandatory"), messages.join("\n"));
        assert.ok(messages.includes("rds-storage-encrypted is disabled by the policy config; in a production stack no policy may be disabled (its default level is mandatory)"));
        assert.ok(named(one, POLICY_WEAKENED).every((d) => d.enforcementLevel === "mandatory" && d.urn === undefined));
    });

    it("settings under a name that is no policy (an old name, as the engine passes it on) are one policy-weakened finding naming the new one", async () => {
        // The engine keeps a config key that names no policy in what it sends (ReconcilePolicyPackConfig); the preview's
        // own resolveConfig refuses it before that, so it is sent here already resolved, as the engine would.
        const resolved = resolveConfig(pack.info, production);
        await pack.configureResolved({ ...resolved, "encryption-at-rest": { enforcementLevel: "mandatory", properties: { requireCustomerManagedKey: true } }, "no-such-rule": { enforcementLevel: "disabled", properties: {} } });
        const resource = topic("production");
        const diags = [...await pack.analyze(resource), ...await pack.analyzeStack([resource])];
        assert.deepStrictEqual(weakened(diags), [
            "the policy config names encryption-at-rest, which is not a policy of this pack (renamed general-encryption-at-rest in 2.0.0): its level and properties apply to nothing; key them by general-encryption-at-rest",
            "the policy config names no-such-rule, which is not a policy of this pack: its level and properties apply to nothing; key them by a policy's current name",
        ]);
        assert.ok(named(diags, POLICY_WEAKENED).every((d) => d.enforcementLevel === "mandatory"));
    });
});

describe("policy pack: scope through the analyzer protocol's not-applicable answers", function () {
    this.timeout(120_000);
    it("a resource rule declines other types; a stack rule with nothing of its types in the stack declines the stack", async () => {
        const pack = await startPolicyPack(PACK);
        try {
            await pack.configure(loadPolicyConfigFile(path.join(PACK, "config/production.json")));
            const resource = topic("production");
            await pack.analyze(resource);
            await pack.analyzeStack([resource]);
            const na = pack.notApplicable();
            assert.ok(na.some((n) => n.urn === resource.urn && n.policyName === "rds-storage-encrypted"));
            assert.ok(!na.some((n) => n.urn === resource.urn && n.policyName === "sns-topic-encrypted"));
            assert.ok(na.some((n) => n.urn === undefined), "some stack rule judges no type present");
        } finally {
            await pack.close();
        }
    });
});

describe("policy limits (pure)", () => {
    it("the tier comes from the stack name", () => {
        assert.deepStrictEqual(["production", "prod", "prod-eu", "Production.v2", "staging", "dev", "preprod"].map(tierOf),
            ["production", "production", "production", "production", "other", "other", "other"]);
    });

    it("waivers: bare wildcards everywhere, patterns in production, the horizon capped by the pack's maximum", () => {
        const today = new Date();
        assert.match(waiverLimitProblem(waiver("**"), "other", 365, today)!, /matches every resource/);
        assert.match(waiverLimitProblem(waiver("db-?"), "production", 365, today)!, /is a pattern/);
        assert.strictEqual(waiverLimitProblem(waiver("db-?"), "other", 365, today), undefined);
        assert.match(waiverLimitProblem(waiver("db", day(40)), "production", 30, today)!, /beyond the 30-day horizon/);
        const found = weakenings({ a: "mandatory" }, { a: { level: "mandatory", properties: { waiverHorizonDays: 400, waivers: [waiver("db", day(380))] } } }, "production", today);
        assert.deepStrictEqual(found.map((w) => w.kind), ["horizon", "waiver"]);
    });

    it("remediate is not a lowering; raising a level is allowed", () => {
        assert.deepStrictEqual(weakenings({ a: "mandatory", b: "advisory" }, { a: { level: "remediate", properties: {} }, b: { level: "mandatory", properties: {} } }, "production", new Date()), []);
    });
});
