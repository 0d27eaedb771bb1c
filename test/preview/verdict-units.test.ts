import * as assert from "assert";
import { resolveConfig, type AnalyzerInfo, type PolicyInfo } from "../../scripts/preview/analyzer/client";
import { specialSecretSig, specialSigKey, unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { encodeWaivedFinding, isWaiverActive } from "../../lib/rules/waivers";
import { controlsOf, parseWaivedMessage } from "../../scripts/preview/findings";
import { SCHEMA_VERSION, type Finding, type Gate, type PlannedResource, type PreviewResult, type Unchecked } from "../../scripts/preview/model";
import type { RegisteredResource } from "../../scripts/preview/plan-protocol";
import { mdCode, mdText, renderMarkdown } from "../../scripts/preview/reports/markdown";
import {
    countByType, gateOf, isBlocking, isPartial, policyConfigNote, relaxedPhrase, relaxedPolicyText, remoteComponents, sortFindings, sortUnchecked, splitNotJudged,
    toPlannedResource, typeMatches, uncheckedPhrases, uncheckedSubject, unknownPaths, unknownValues, unreadInputs, verdictLine, waiverText,
} from "../../scripts/preview/result";

function policy(name: string, extra: Partial<PolicyInfo> = {}): PolicyInfo {
    return { name, displayName: name, description: name, enforcementLevel: "advisory", tags: [], ...extra };
}

function info(policies: PolicyInfo[], initialConfig: Record<string, unknown> = {}): AnalyzerInfo {
    return { name: "pack", displayName: "pack", version: "1.0.0", supportsConfig: true, policies, initialConfig };
}

describe("verdict: policy config reconciled as the engine does (ReconcilePolicyPackConfig)", () => {
    const limits = policy("disk-limit", {
        configSchema: {
            properties: {
                maxGb: { type: "integer", default: 100 },
                nested: { type: "object", properties: { depth: { type: "integer", default: 3 } } },
                open: { type: "object", properties: { a: { type: "string" } }, additionalProperties: true },
            },
        },
    });
    const plain = policy("no-config", { enforcementLevel: "mandatory" });

    it("fills top-level schema defaults only, then initial config, then `all`, then each policy's entry", () => {
        assert.deepStrictEqual(resolveConfig(info([limits, plain]), {}), {
            "disk-limit": { enforcementLevel: "advisory", properties: { maxGb: 100 } },
            "no-config": { enforcementLevel: "mandatory", properties: {} },
        });
        const withInitial = info([limits, plain], { "disk-limit": { enforcementLevel: "mandatory", maxGb: 50 } });
        assert.deepStrictEqual(resolveConfig(withInitial, {})["disk-limit"], { enforcementLevel: "mandatory", properties: { maxGb: 50 } });
        assert.deepStrictEqual(resolveConfig(withInitial, { all: "disabled", "disk-limit": { nested: {} } }), {
            "disk-limit": { enforcementLevel: "disabled", properties: { maxGb: 50, nested: {} } },
            "no-config": { enforcementLevel: "disabled", properties: {} },
        });
        assert.strictEqual(resolveConfig(info([limits]), { all: { enforcementLevel: "mandatory" }, "disk-limit": "remediate" })["disk-limit"].enforcementLevel, "remediate");
    });

    it("unknown properties are errors at any depth, unless the schema allows others", () => {
        assert.throws(() => resolveConfig(info([limits]), { "disk-limit": { maxGB: 5 } }), /disk-limit\.maxGB: unknown property \(did you mean "maxGb"\?\); allowed: maxGb, nested, open/);
        assert.throws(() => resolveConfig(info([limits]), { "disk-limit": { nested: { dept: 1 } } }), /disk-limit\.nested\.dept: unknown property \(did you mean "depth"\?\)/);
        assert.doesNotThrow(() => resolveConfig(info([limits]), { "disk-limit": { open: { anything: 1 } } }));
        assert.throws(() => resolveConfig(info([plain]), { "no-config": { threshold: 1 } }), /no-config: takes no configuration; unknown property "threshold"/);
        assert.throws(() => resolveConfig(info([plain]), { all: { enforcementLevel: "mandatory", waivers: [] } }), /all: only "enforcementLevel" applies to every policy; unknown property "waivers"/);
        assert.throws(() => resolveConfig(info([plain]), { "no-confg": "mandatory" }), /does not have: no-confg \(did you mean "no-config"\?\)/);
    });

    it("reports every problem at once, sorted, with the received value except for secret-looking keys", () => {
        const secretive = policy("s", { configSchema: { properties: { apiToken: { type: "integer" }, level: { enum: ["a", "b"] } } } });
        try {
            resolveConfig(info([limits, secretive]), { "disk-limit": { maxGb: "big" }, s: { apiToken: "hunter2-plaintext", level: "c" }, x: 1 as never });
            assert.fail("no error");
        } catch (err) {
            assert.strictEqual((err as Error).message, [
                "invalid policy config for pack:",
                "  - disk-limit.maxGb: must be integer, received \"big\"",
                "  - names a policy the pack pack does not have: x",
                "  - s.apiToken: must be integer",
                "  - s.level: must be one of \"a\", \"b\", received \"c\"",
            ].join("\n"));
        }
    });

    it("rejects values that are neither a level nor an object, and ESC environments it cannot open", () => {
        assert.throws(() => resolveConfig(info([plain]), { "no-config": 3 as never }), /no-config: 3 is not a valid value; must be an enforcement level or an object/);
        assert.throws(() => resolveConfig(info([plain]), { "no-config": { enforcementLevel: "loud" as never } }), /no-config\.enforcementLevel: "loud" is not a valid enforcement level/);
        assert.throws(() => resolveConfig(info([plain]), { environments: ["x"] as never }), /environments: Pulumi ESC environments cannot be opened offline/);
    });
});

describe("verdict: Markdown escaping", () => {
    it("code spans hold backticks and pipes; text escapes Markdown punctuation", () => {
        assert.strictEqual(mdCode("plain"), "`plain`");
        assert.strictEqual(mdCode("a`b"), "`` a`b ``");
        assert.strictEqual(mdCode("x``y|z"), "``` x``y\\|z ```");
        assert.strictEqual(mdText("*bold* <b> [l](u) a|b `c`"), "\\*bold\\* \\<b\\> \\[l\\]\\(u\\) a\\|b \\`c\\`");
    });

    it("a resource name with a backtick or pipe stays inside its cell of the PR comment", () => {
        const r: PlannedResource = {
            urn: "urn:pulumi:dev::demo::aws:s3/bucket:Bucket::we`ird|name", type: "aws:s3/bucket:Bucket", name: "we`ird|name", custom: true, remote: false,
            dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false, ignoreChanges: [], inputs: {}, source: { file: "in|dex.ts", line: 3 },
        };
        const f: Finding = {
            policyName: "p`x", policyPackName: "pack", policyPackVersion: "1", enforcementLevel: "mandatory", message: "bad *bucket* | <script>",
            description: "d", urn: r.urn, resourceType: r.type, resourceName: r.name, source: r.source,
        };
        const result: PreviewResult = {
            schemaVersion: SCHEMA_VERSION, tool: { name: "t", version: "1" }, generatedAt: new Date(0).toISOString(),
            program: { directory: "/p", project: "de`mo", stack: "dev", runtime: "nodejs" }, resources: [r], findings: [f], diagnostics: [],
            unchecked: [], allowUninspected: [], gate: gateOf([f], "mandatory"), timings: { planMs: 1, policyMs: 1, totalMs: 2 },
            provenance: { commitSource: "unknown", tool: { name: "t", version: "1" }, generatedAt: new Date(0).toISOString() },
        };
        const md = renderMarkdown(result);
        const row = md.split("\n").find((l) => l.startsWith("| ❌"))!;
        // Five cells: an unescaped `|` would split one of them.
        assert.strictEqual(row.split(/(?<!\\)\|/).length - 2, 5, row);
        assert.ok(row.includes("`` p`x ``") && row.includes("`` we`ird\\|name ``") && row.includes("bad \\*bucket\\* \\| \\<script\\>"), row);
        assert.match(md, /^## Preview: de\\`mo\/dev$/m);
    });
});

describe("verdict: unchecked items", () => {
    const base = { custom: false, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false, ignoreChanges: [] };
    const remote = (type: string, name: string): PlannedResource => ({ ...base, urn: `urn:pulumi:dev::p::${type}::${name}`, type, name, remote: true, inputs: {} });

    it("--allow-uninspected patterns match type tokens with * as a glob, nothing else", () => {
        assert.ok(typeMatches("awsx:*", "awsx:ecs:FargateService"));
        assert.ok(typeMatches("*", "eks:index:Cluster"));
        assert.ok(typeMatches("awsx:ecs:FargateService", "awsx:ecs:FargateService"));
        assert.ok(!typeMatches("awsx:ecs:Fargate", "awsx:ecs:FargateService"));
        assert.ok(!typeMatches("awsx.ecs", "awsxaecs"), "dots are literal");
    });

    it("each remote component is a blocking item and a mandatory finding unless allowed", () => {
        const { unchecked, findings } = remoteComponents([remote("eks:index:Cluster", "k8s"), remote("awsx:ec2:Vpc", "vpc")], ["eks:*"]);
        assert.deepStrictEqual(unchecked.map((u) => [u.name, u.blocking, u.allowedBy]), [["k8s", false, "--allow-uninspected eks:*"], ["vpc", true, undefined]]);
        assert.deepStrictEqual(findings.map((f) => [f.resourceName, f.enforcementLevel]), [["vpc", "mandatory"]]);
        const gate = gateOf(findings, "mandatory", unchecked);
        assert.deepStrictEqual(gate, { failOn: "mandatory", passed: false, blockingFindings: 1, blockingUnchecked: 0, nonBlockingUnchecked: 1 });
        assert.match(verdictLine({ gate, unchecked }), /^Policy gate FAILED: 1 unwaived mandatory finding\(s\) \(1 remote component not inspected; 1 remote component allowed uninspected\)\.$/);
    });

    it("a passing verdict is never bare: unknown inputs are named, anything else makes it 'not a full check'", () => {
        const unknown = { kind: "unknown-value" as const, name: "sg", properties: ["vpcId"], detail: "d", blocking: false };
        const gate = gateOf([], "mandatory", [unknown]);
        assert.strictEqual(verdictLine({ gate, unchecked: [] }), "Policy gate passed (fails on mandatory).");
        assert.strictEqual(verdictLine({ gate, unchecked: [unknown] }), "Policy gate passed (fails on mandatory); 1 resource with inputs unknown until deploy, listed under \"Not inspected or judged\".");
        const lookup = { kind: "unanswered-lookup" as const, token: "aws:ec2/getAmi:getAmi", detail: "d", blocking: false };
        assert.match(verdictLine({ gate, unchecked: [unknown, lookup] }), /^Policy gate passed \(fails on mandatory\), not a full check: 1 data-source lookup without a real answer; 1 resource with inputs unknown until deploy/);
    });

    it("unknown property paths, however deep", () => {
        assert.deepStrictEqual(unknownPaths({ a: "[unknown]", b: [{ c: 1 }, { c: "[unknown]" }], d: { e: { f: "[unknown]" } }, g: "[secret]" }), ["a", "b[1].c", "d.e.f"]);
    });

    it("maps the SDK's can't-run diagnostics (resource and stack rules) to not-judged items, keeping other findings", () => {
        const sdk = (policyName: string, urn?: string): Finding => ({
            policyName, policyPackName: "pack", policyPackVersion: "1", enforcementLevel: "advisory", description: "d", urn, resourceName: urn ? "b" : undefined,
            message: `can't run policy '${policyName}' from policy pack pack during preview: string value at .policy can't be known during preview`,
        });
        const real: Finding = { ...sdk("other"), message: "bucket is public", enforcementLevel: "mandatory" };
        const { findings, unchecked } = splitNotJudged([sdk("tls", "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b"), sdk("stacky"), real], "mandatory");
        assert.deepStrictEqual(findings, [real]);
        assert.deepStrictEqual(unchecked.map((u) => [u.kind, u.policyName, u.properties, u.blocking]), [["not-judged", "tls", ["policy"], false], ["not-judged", "stacky", ["policy"], false]]);
        assert.match(unchecked[1].detail, /^stack rule stacky stopped at an unknown value and judged no resource/);
        assert.ok(splitNotJudged([sdk("tls")], "advisory").unchecked[0].blocking);
    });

    it("maps the pack's per-resource not-judged form (resource and stack rules) to one item per resource", () => {
        const sg: PlannedResource = { ...base, custom: true, urn: "urn:pulumi:dev::p::aws:ec2/securityGroup:SecurityGroup::web-sg", type: "aws:ec2/securityGroup:SecurityGroup", name: "web-sg", remote: false, inputs: {}, source: { file: "index.ts", line: 9 } };
        const cant = (policyName: string, rest: string, urn?: string): Finding => ({
            policyName, policyPackName: "pack", policyPackVersion: "1", enforcementLevel: "advisory", description: "d", urn,
            message: `can't run policy '${policyName}' from policy pack pack during preview: not judged: ${rest}`,
        });
        const { unchecked } = splitNotJudged([
            cant("ec2-no-open-ingress", "web-sg: ingress.0.cidrBlocks unknown during preview; ghost: egress unknown during preview"),
            cant("general-required-tags", "tags, tagsAll unknown during preview", sg.urn),
        ], "mandatory", [sg]);
        assert.deepStrictEqual(unchecked.map((u) => [u.policyName, u.urn, u.name, u.properties, u.source?.line]), [
            ["ec2-no-open-ingress", sg.urn, "web-sg", ["ingress.0.cidrBlocks"], 9],
            ["ec2-no-open-ingress", undefined, "ghost", ["egress"], undefined],
            ["general-required-tags", sg.urn, undefined, ["tags", "tagsAll"], undefined],
        ]);
        assert.match(unchecked[0].detail, /^rule ec2-no-open-ingress could not judge this resource: ingress\.0\.cidrBlocks unknown during preview$/);
    });

    it("stack references and unanswered lookups from the mocks' report", () => {
        const items = unreadInputs([], { stackReferences: [{ name: "net", outputs: { vpcId: "vpc-1" } }], lookups: [{ token: "aws:ec2/getAmi:getAmi", count: 2, answer: "none" }, { token: "aws:index/getRegion:getRegion", count: 1, answer: "platform" }] });
        assert.deepStrictEqual(items.map((u) => [u.kind, u.name ?? u.token, u.blocking]), [["stack-reference", "net", false], ["unanswered-lookup", "aws:ec2/getAmi:getAmi", false]]);
        assert.match(items[0].detail, /the mocks gave it outputs vpcId/);
    });
});

/**
 * The gate is the product's promise: "passed" may only mean every resource was planned and judged, or the verdict line
 * says what was not. Pulumi's levels (docs: CrossGuard enforcement levels): `mandatory` blocks the deployment,
 * `advisory` only warns, `remediate` fixes the resource, `disabled` does not run; `--fail-on advisory` makes
 * advisory findings fail the gate as well (as `pulumi preview` with an advisory policy shown as a failure).
 */
describe("verdict: the gate fails closed", () => {
    const urn = "urn:pulumi:production::app::aws:s3/bucket:Bucket::logs";
    const finding = (extra: Partial<Finding> = {}): Finding => ({
        policyName: "s3-bucket-encrypted", policyPackName: "pack", policyPackVersion: "1.0.0", enforcementLevel: "mandatory",
        message: "bucket has no server-side encryption", description: "d", urn, resourceType: "aws:s3/bucket:Bucket", resourceName: "logs", ...extra,
    });
    const waiver = { rule: "s3-bucket-encrypted", approver: "alice", expires: "2099-12-31", reason: "migrating to KMS", ticket: "SEC-1" };
    const item = (kind: Unchecked["kind"], blocking: boolean, extra: Partial<Unchecked> = {}): Unchecked => ({ kind, blocking, detail: "d", ...extra });

    it("blocks on unwaived findings at a failing level only: mandatory always, advisory under --fail-on advisory, never remediate or disabled", () => {
        const cases: Array<[Finding["enforcementLevel"], Gate["failOn"], boolean]> = [
            ["mandatory", "mandatory", true], ["mandatory", "advisory", true],
            ["advisory", "mandatory", false], ["advisory", "advisory", true],
            ["remediate", "mandatory", false], ["remediate", "advisory", false],
            ["disabled", "mandatory", false], ["disabled", "advisory", false],
        ];
        for (const [level, failOn, blocks] of cases) {
            assert.strictEqual(isBlocking(finding({ enforcementLevel: level }), failOn), blocks, `${level} under --fail-on ${failOn}`);
            assert.strictEqual(isBlocking(finding({ enforcementLevel: level, waiver }), failOn), false, `waived ${level} under --fail-on ${failOn}`);
            assert.strictEqual(gateOf([finding({ enforcementLevel: level })], failOn).passed, !blocks, `gate: ${level} under --fail-on ${failOn}`);
        }
    });

    it("a waived mandatory finding passes; the same finding after its waiver expired (the pack no longer attaches it) fails", () => {
        assert.deepStrictEqual(gateOf([finding({ waiver })], "mandatory"), { failOn: "mandatory", passed: true, blockingFindings: 0, blockingUnchecked: 0, nonBlockingUnchecked: 0 });
        // The pack waives only while the waiver is active (through its expiry day, UTC); after that the finding is plain.
        const expired = { ...waiver, resource: "logs", expires: "2025-01-31" };
        assert.ok(isWaiverActive(expired, new Date("2025-01-31T23:59:59Z")) && !isWaiverActive(expired, new Date("2025-02-01T00:00:00Z")));
        assert.deepStrictEqual(gateOf([finding(), finding({ waiver }), finding({ urn: undefined })], "mandatory"), { failOn: "mandatory", passed: false, blockingFindings: 2, blockingUnchecked: 0, nonBlockingUnchecked: 0 });
    });

    it("a blocking unchecked item fails the gate without any finding; non-blocking ones are counted, never silent", () => {
        const notJudged = item("not-judged", true, { policyName: "ec2-no-open-ingress" });
        const disabled = item("policies-disabled", true);
        const lookup = item("unanswered-lookup", false, { token: "aws:ec2/getAmi:getAmi" });
        const unknown = item("unknown-value", false);
        assert.deepStrictEqual(gateOf([], "advisory", [notJudged, lookup, unknown]), { failOn: "advisory", passed: false, blockingFindings: 0, blockingUnchecked: 1, nonBlockingUnchecked: 2 });
        assert.deepStrictEqual(gateOf([], "mandatory", [disabled]), { failOn: "mandatory", passed: false, blockingFindings: 0, blockingUnchecked: 1, nonBlockingUnchecked: 0 });
        assert.deepStrictEqual(gateOf([], "mandatory", [lookup, unknown]), { failOn: "mandatory", passed: true, blockingFindings: 0, blockingUnchecked: 0, nonBlockingUnchecked: 2 });
        // An uninspected remote component blocks through its mandatory finding: counted once, not twice.
        const remote = remoteComponents([{ urn: "urn:pulumi:production::app::eks:index:Cluster::k8s", type: "eks:index:Cluster", name: "k8s", custom: false, remote: true, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false, ignoreChanges: [], inputs: {} }], []);
        assert.deepStrictEqual(gateOf(remote.findings, "mandatory", remote.unchecked), { failOn: "mandatory", passed: false, blockingFindings: 1, blockingUnchecked: 0, nonBlockingUnchecked: 0 });
    });

    it("the verdict line: bare 'passed' only when everything was planned and judged", () => {
        const line = (findings: Finding[], failOn: Gate["failOn"], unchecked: Unchecked[] = []) => verdictLine({ gate: gateOf(findings, failOn, unchecked), unchecked });
        assert.strictEqual(line([], "mandatory"), "Policy gate passed (fails on mandatory).");
        assert.strictEqual(line([finding({ enforcementLevel: "advisory" }), finding({ waiver })], "mandatory"), "Policy gate passed (fails on mandatory).");
        assert.strictEqual(line([], "advisory"), "Policy gate passed (fails on advisory).");
        // An empty plan passes no policy, so it is never a bare pass.
        assert.strictEqual(line([], "mandatory", [item("empty-plan", false)]),
            "Policy gate passed (fails on mandatory), not a full check: the program declared no resources (nothing was planned or judged) — see \"Not inspected or judged\".");
        assert.strictEqual(line([], "advisory", [item("stack-reference", false), item("unknown-value", false), item("unknown-value", false)]),
            "Policy gate passed (fails on advisory), not a full check: 1 stack reference not read; 2 resources with inputs unknown until deploy — see \"Not inspected or judged\".");
        assert.strictEqual(line([], "mandatory", [item("unknown-value", false), item("unknown-value", false)]),
            "Policy gate passed (fails on mandatory); 2 resources with inputs unknown until deploy, listed under \"Not inspected or judged\".");
    });

    it("the verdict line when the gate fails: the count, the levels that fail it, rules not judged, and what was not checked", () => {
        const line = (findings: Finding[], failOn: Gate["failOn"], unchecked: Unchecked[] = []) => verdictLine({ gate: gateOf(findings, failOn, unchecked), unchecked });
        assert.strictEqual(line([finding(), finding({ urn: undefined })], "mandatory"), "Policy gate FAILED: 2 unwaived mandatory finding(s).");
        assert.strictEqual(line([finding({ enforcementLevel: "advisory" })], "advisory"), "Policy gate FAILED: 1 unwaived mandatory or advisory finding(s).");
        const notJudged = [item("not-judged", true), item("not-judged", true)];
        assert.strictEqual(line([finding()], "advisory", [...notJudged, item("secret-config", false)]),
            "Policy gate FAILED: 1 unwaived mandatory or advisory finding(s), 2 rule result(s) not judged (2 rule results not judged (unknown values); 1 secure config key not decrypted).");
        // Under --fail-on mandatory a rule that could not judge does not block: it is named, not counted as a failure.
        assert.strictEqual(line([finding()], "mandatory", [item("not-judged", false)]),
            "Policy gate FAILED: 1 unwaived mandatory finding(s) (1 rule result not judged (unknown values)).");
        assert.strictEqual(line([], "mandatory", [item("policies-disabled", true)]),
            "Policy gate FAILED: 0 unwaived mandatory finding(s) (every policy disabled by the policy config (nothing was judged)).");
    });

    it("names every kind of unchecked item, singular and plural, in a fixed order", () => {
        const one = [
            item("unknown-value", false), item("empty-plan", false), item("stack-reference", false), item("unanswered-lookup", false),
            item("esc-environment", false), item("secret-config", false), item("not-judged", false), item("remote-component", false),
            item("remote-component", true), item("policies-disabled", true),
        ];
        assert.deepStrictEqual(uncheckedPhrases(one), [
            "every policy disabled by the policy config (nothing was judged)",
            "1 remote component not inspected",
            "1 remote component allowed uninspected",
            "1 rule result not judged (unknown values)",
            "1 secure config key not decrypted",
            "ESC environment not read",
            "1 data-source lookup without a real answer",
            "1 stack reference not read",
            "the program declared no resources (nothing was planned or judged)",
            "1 resource with inputs unknown until deploy",
        ]);
        const two = one.filter((u) => u.kind !== "policies-disabled" && u.kind !== "empty-plan" && u.kind !== "esc-environment").flatMap((u) => [u, u]);
        assert.deepStrictEqual(uncheckedPhrases(two), [
            "2 remote components not inspected",
            "2 remote components allowed uninspected",
            "2 rule results not judged (unknown values)",
            "2 secure config keys not decrypted",
            "2 data-source lookups without a real answer",
            "2 stack references not read",
            "2 resources with inputs unknown until deploy",
        ]);
        assert.deepStrictEqual(uncheckedPhrases([item("remote-component", true), item("remote-component", true), item("remote-component", false)]), ["2 remote components not inspected", "1 remote component allowed uninspected"]);
        assert.deepStrictEqual(uncheckedPhrases([]), []);
    });

    it("a check is partial when anything but unknown inputs was not inspected or judged", () => {
        assert.strictEqual(isPartial([]), false);
        assert.strictEqual(isPartial([item("unknown-value", false)]), false);
        assert.strictEqual(isPartial([item("unknown-value", false), item("empty-plan", false)]), true);
        assert.strictEqual(isPartial([item("unanswered-lookup", false)]), true);
    });

    it("sorts unchecked items blocking first, then by kind, then by resource or token", () => {
        const items = [
            item("unknown-value", false, { urn: "urn:b" }), item("unanswered-lookup", false, { token: "aws:index/getRegion:getRegion" }),
            item("unknown-value", false, { urn: "urn:a" }), item("unanswered-lookup", false, { token: "aws:ec2/getAmi:getAmi" }),
            item("remote-component", false, { urn: "urn:r" }), item("not-judged", true, { urn: "urn:z" }), item("policies-disabled", true),
        ];
        assert.deepStrictEqual(sortUnchecked(items).map((u) => `${u.kind} ${u.urn ?? u.token ?? ""}`), [
            "policies-disabled ", "not-judged urn:z", "remote-component urn:r",
            "unanswered-lookup aws:ec2/getAmi:getAmi", "unanswered-lookup aws:index/getRegion:getRegion", "unknown-value urn:a", "unknown-value urn:b",
        ]);
        assert.strictEqual(items[0].urn, "urn:b", "sorts a copy");
        // The order does not depend on the order given.
        assert.deepStrictEqual(sortUnchecked([...items].reverse()), sortUnchecked(items));
    });

    it("sorts findings blocking levels first, waived last, then by severity, policy and resource", () => {
        const f = (policyName: string, extra: Partial<Finding> = {}) => finding({ policyName, ...extra });
        const findings = [
            f("waived", { waiver }), f("remediated", { enforcementLevel: "remediate" }), f("off", { enforcementLevel: "disabled" }),
            f("adv", { enforcementLevel: "advisory" }), f("no-severity"), f("odd-severity", { severity: "urgent" }), f("low", { severity: "low" }),
            f("medium", { severity: "medium" }), f("critical", { severity: "critical" }), f("high", { severity: "high" }),
            f("b-rule", { urn: "urn:2" }), f("b-rule", { urn: "urn:1" }), f("a-rule"),
        ];
        assert.deepStrictEqual(sortFindings(findings).map((x) => `${x.policyName} ${x.urn === urn ? "" : x.urn ?? "-"}`.trim()), [
            "critical", "high", "medium", "low", "a-rule", "b-rule urn:1", "b-rule urn:2", "no-severity", "odd-severity",
            "adv", "remediated", "off", "waived",
        ]);
        assert.strictEqual(findings[0].policyName, "waived", "sorts a copy");
        assert.deepStrictEqual(sortFindings([...findings].reverse()), sortFindings(findings));
    });

    it("counts resources by type, most frequent first, ties by type", () => {
        const r = (type: string) => ({ type }) as PlannedResource;
        assert.deepStrictEqual(countByType([r("aws:s3/bucket:Bucket"), r("aws:iam/role:Role"), r("aws:s3/bucket:Bucket"), r("aws:ec2/vpc:Vpc")]), [
            { type: "aws:s3/bucket:Bucket", count: 2 }, { type: "aws:ec2/vpc:Vpc", count: 1 }, { type: "aws:iam/role:Role", count: 1 },
        ]);
    });

    it("names where each unchecked item is", () => {
        assert.strictEqual(uncheckedSubject(item("unanswered-lookup", false, { token: "aws:ec2/getAmi:getAmi" })), "aws:ec2/getAmi:getAmi");
        assert.strictEqual(uncheckedSubject(item("secret-config", false, { name: "app:dbPassword" })), "config app:dbPassword");
        assert.strictEqual(uncheckedSubject(item("esc-environment", false, { name: "myorg/prod" })), "ESC environment myorg/prod");
        assert.strictEqual(uncheckedSubject(item("policies-disabled", true)), "the policy config");
        assert.strictEqual(uncheckedSubject(item("not-judged", false, { urn, type: "aws:s3/bucket:Bucket", name: "logs" })), "aws:s3/bucket:Bucket \"logs\"");
        assert.strictEqual(uncheckedSubject(item("not-judged", false, { urn, name: "logs" })), urn);
        assert.strictEqual(uncheckedSubject(item("not-judged", false)), "the stack");
    });

    it("the policy config line: the file, or the pack's defaults with their levels", () => {
        const summary = (name: string, enforcementLevel: Finding["enforcementLevel"]) => ({ name, displayName: name, description: name, enforcementLevel, controls: [] });
        const pack = (configFile: string | undefined, policies: ReturnType<typeof summary>[]) => ({
            program: { directory: "/p", project: "app", stack: "production", runtime: "nodejs" },
            policyPack: { directory: "/pack", name: "pack", version: "1.0.0", ...(configFile ? { configFile } : {}), policies, relaxed: { policies: [], waivers: [] } },
        });
        assert.strictEqual(policyConfigNote({ program: pack(undefined, []).program }), undefined);
        assert.strictEqual(policyConfigNote(pack("/repo/policies/config/production.json", [summary("a", "mandatory")])), "Policy config: /repo/policies/config/production.json");
        assert.strictEqual(policyConfigNote(pack(undefined, [summary("d", "disabled"), summary("a", "advisory"), summary("m1", "mandatory"), summary("r", "remediate"), summary("m2", "mandatory")])),
            "No policy config for stack \"production\": the pack's defaults apply (2 mandatory, 1 advisory, 1 remediate, 1 disabled).");
        assert.strictEqual(policyConfigNote(pack(undefined, [summary("a", "advisory")])), "No policy config for stack \"production\": the pack's defaults apply (1 advisory).");
        assert.strictEqual(policyConfigNote(pack(undefined, [])), "No policy config for stack \"production\": the pack's defaults apply (no policies).");
    });

    it("what the policy config relaxed, in one phrase and item by item", () => {
        const configured = { rule: "s3-bucket-encrypted", resource: "logs", approver: "alice", expires: "2026-06-30", reason: "migrating to KMS" };
        assert.strictEqual(waiverText({ ...configured, ticket: "SEC-1", status: "active" }), "s3-bucket-encrypted for \"logs\": approved by alice, ticket SEC-1, expires 2026-06-30 (active); reason: migrating to KMS");
        assert.strictEqual(waiverText({ ...configured, status: "expired" }), "s3-bucket-encrypted for \"logs\": approved by alice, ticket none, expires 2026-06-30 (expired); reason: migrating to KMS");
        assert.strictEqual(waiverText({ ...configured, resource: "*", status: "refused", problem: "a pattern is not allowed in production" }),
            "s3-bucket-encrypted for \"*\": approved by alice, ticket none, expires 2026-06-30 (REFUSED: a pattern is not allowed in production); reason: migrating to KMS");
        assert.strictEqual(relaxedPolicyText({ name: "rds-multi-az", defaultLevel: "mandatory", level: "advisory", change: "lowered" }), "rds-multi-az: mandatory → advisory (lowered)");

        const nothing = "nothing: every policy at its default level, no waivers";
        assert.strictEqual(relaxedPhrase(undefined), nothing);
        assert.strictEqual(relaxedPhrase({ policies: [], waivers: [] }), nothing);
        const w = { ...configured, status: "active" as const };
        const p = (change: "disabled" | "lowered" | "raised" | "changed") => ({ name: change, defaultLevel: "advisory" as const, level: "mandatory" as const, change });
        assert.strictEqual(relaxedPhrase({ policies: [], waivers: [w] }), "1 waiver");
        assert.strictEqual(relaxedPhrase({ policies: [p("lowered")], waivers: [] }), "1 policy disabled or lowered");
        assert.strictEqual(relaxedPhrase({ policies: [p("raised")], waivers: [] }), "1 policy raised or changed");
        assert.strictEqual(relaxedPhrase({ policies: [p("disabled"), p("lowered"), p("raised"), p("changed")], waivers: [w, w] }), "2 policies disabled or lowered, 2 policies raised or changed, 2 waivers");
    });
});

describe("verdict: what the plan recorded and could not read", () => {
    const base = { custom: true, remote: false, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false, ignoreChanges: [] };
    const resource = (type: string, name: string, extra: Partial<PlannedResource> = {}): PlannedResource => ({ ...base, urn: `urn:pulumi:production::app::${type}::${name}`, type, name, inputs: {}, ...extra });

    it("a registration as the report shows it: secrets and unknowns masked, empty parent and provider dropped", () => {
        const registered: RegisteredResource = {
            urn: "urn:pulumi:production::app::aws:rds/instance:Instance::db", type: "aws:rds/instance:Instance", name: "db", custom: true, remote: false,
            parent: "", provider: "", version: "7.0.0", dependencies: ["urn:a"], propertyDependencies: { vpcSecurityGroupIds: ["urn:a"] }, protect: true, retainOnDelete: true,
            ignoreChanges: ["password"], deleteBeforeReplace: false, additionalSecretOutputs: [], aliases: [],
            wireInputs: { instanceClass: "db.t4g.micro", password: { [specialSigKey]: specialSecretSig, value: "hunter2" }, vpcSecurityGroupIds: [unknownValue] },
            source: { file: "index.ts", line: 12 },
        };
        assert.deepStrictEqual(toPlannedResource(registered), {
            urn: registered.urn, type: registered.type, name: "db", custom: true, remote: false, parent: undefined, provider: undefined,
            dependencies: ["urn:a"], propertyDependencies: { vpcSecurityGroupIds: ["urn:a"] }, protect: true, retainOnDelete: true, ignoreChanges: ["password"],
            inputs: { instanceClass: "db.t4g.micro", password: "[secret]", vpcSecurityGroupIds: ["[unknown]"] }, source: { file: "index.ts", line: 12 },
        });
        const child = toPlannedResource({ ...registered, parent: "urn:parent", provider: "urn:provider::id" });
        assert.deepStrictEqual([child.parent, child.provider], ["urn:parent", "urn:provider::id"]);
    });

    it("--allow-uninspected: characters other than * are literal, and the pattern must match the whole type", () => {
        assert.ok(typeMatches("pkg:index:Thing.v2", "pkg:index:Thing.v2"));
        assert.ok(typeMatches("my-pkg:(x)+[y]:T", "my-pkg:(x)+[y]:T"));
        assert.ok(!typeMatches("pkg:index:Thing.v2", "pkg:index:Thingxv2"));
        assert.ok(!typeMatches("awsx:*", "xawsx:ecs:FargateService"));
    });

    it("an uninspected remote component is a mandatory finding a reader can act on; local resources are not", () => {
        const vpc = resource("awsx:ec2:Vpc", "vpc", { remote: true, custom: false, source: { file: "index.ts", line: 4 } });
        const { unchecked, findings } = remoteComponents([resource("aws:s3/bucket:Bucket", "logs"), vpc], []);
        assert.deepStrictEqual(findings, [{
            policyName: "preview-uninspected-component", policyPackName: "platform-preview", policyPackVersion: "", enforcementLevel: "mandatory",
            message: "not inspected offline: its children are created by the provider plugin (allow with --allow-uninspected awsx:ec2:Vpc)",
            description: "A remote component's children are not in the offline plan, so no policy judged them.",
            urn: vpc.urn, resourceType: "awsx:ec2:Vpc", resourceName: "vpc", source: { file: "index.ts", line: 4 },
        }]);
        assert.deepStrictEqual(unchecked, [{
            kind: "remote-component", urn: vpc.urn, type: "awsx:ec2:Vpc", name: "vpc", detail: "not inspected offline: its children are created by the provider plugin",
            blocking: true, source: { file: "index.ts", line: 4 },
        }]);
        const allowed = remoteComponents([vpc], ["awsx:*"]);
        assert.deepStrictEqual(allowed.findings, []);
        assert.deepStrictEqual(allowed.unchecked[0], { ...unchecked[0], blocking: false, allowedBy: "--allow-uninspected awsx:*" });
    });

    it("inputs unknown until deploy: one item per resource naming each path", () => {
        assert.deepStrictEqual(unknownPaths("[unknown]"), ["(all inputs)"]);
        assert.deepStrictEqual(unknownPaths({ a: null, b: [null, "[unknown]"], c: 1 }), ["b[1]"]);
        const sg = resource("aws:ec2/securityGroup:SecurityGroup", "web", { inputs: { vpcId: "[unknown]", name: "web" }, source: { file: "index.ts", line: 7 } });
        const rule = resource("aws:ec2/securityGroupRule:SecurityGroupRule", "r", { inputs: { cidrBlocks: ["[unknown]"], tags: { Owner: "[unknown]" } } });
        assert.deepStrictEqual(unknownValues([resource("aws:s3/bucket:Bucket", "logs", { inputs: { bucket: "logs" } }), sg, rule]), [
            { kind: "unknown-value", urn: sg.urn, type: sg.type, name: "web", properties: ["vpcId"], blocking: false, detail: "input vpcId is unknown until deploy; policies saw it as unknown", source: { file: "index.ts", line: 7 } },
            { kind: "unknown-value", urn: rule.urn, type: rule.type, name: "r", properties: ["cidrBlocks[0]", "tags.Owner"], blocking: false, detail: "inputs cidrBlocks[0], tags.Owner are unknown until deploy; policies saw them as unknown" },
        ]);
    });

    it("stack references (planned or only mocked) and lookups without a real answer", () => {
        const ref = (name: string, extra: Partial<PlannedResource> = {}) => resource("pulumi:pulumi:StackReference", name, extra);
        const net = ref("net", { inputs: { name: "acme/network/production" }, source: { file: "index.ts", line: 2 } });
        const dns = ref("dns", { inputs: { name: "[unknown]" as unknown as string } });
        const shared = ref("shared", { inputs: {} });
        const items = unreadInputs([resource("aws:s3/bucket:Bucket", "logs"), net, dns, shared], {
            stackReferences: [
                { urn: net.urn, name: "other-name", outputs: { vpcId: "vpc-1", privateSubnetIds: ["subnet-1"] } },
                { name: "dns", outputs: {}, outputsUnknown: true },
                { name: "ghost", outputs: {} },
                { urn: "urn:pulumi:production::app::pulumi:pulumi:StackReference::logs", name: "logs-ref", outputs: { bucket: "b" } },
            ],
            lookups: [{ token: "aws:ec2/getAmi:getAmi", count: 1, answer: "none" }, { token: "aws:index/getRegion:getRegion", count: 3, answer: "platform" }, { token: "aws:ec2/getVpc:getVpc", count: 2, answer: "none" }],
        });
        const offline = "its outputs are another stack's state, not read offline";
        assert.deepStrictEqual(items, [
            { kind: "stack-reference", urn: net.urn, type: "pulumi:pulumi:StackReference", name: "net", blocking: false, detail: `stack reference to acme/network/production: ${offline}; the mocks gave it outputs privateSubnetIds, vpcId`, source: { file: "index.ts", line: 2 } },
            { kind: "stack-reference", urn: dns.urn, type: "pulumi:pulumi:StackReference", name: "dns", blocking: false, detail: `stack reference to [unknown]: ${offline}; its outputs are unknown offline, so values read from it are unknown in the plan (answer them with --mocks)` },
            { kind: "stack-reference", urn: shared.urn, type: "pulumi:pulumi:StackReference", name: "shared", blocking: false, detail: `stack reference to shared: ${offline}; the mocks gave it no outputs` },
            { kind: "stack-reference", type: "pulumi:pulumi:StackReference", name: "ghost", blocking: false, detail: `stack reference to ghost: ${offline}; the mocks gave it no outputs` },
            { kind: "stack-reference", urn: "urn:pulumi:production::app::pulumi:pulumi:StackReference::logs", type: "pulumi:pulumi:StackReference", name: "logs-ref", blocking: false, detail: `stack reference to logs-ref: ${offline}; the mocks gave it outputs bucket` },
            { kind: "unanswered-lookup", token: "aws:ec2/getAmi:getAmi", blocking: false, detail: "data source aws:ec2/getAmi:getAmi (1 call) got no real answer offline: its result is a placeholder shaped like the real one; answer it with --mocks <module> to check what depends on it" },
            { kind: "unanswered-lookup", token: "aws:ec2/getVpc:getVpc", blocking: false, detail: "data source aws:ec2/getVpc:getVpc (2 calls) got no real answer offline: its result is a placeholder shaped like the real one; answer it with --mocks <module> to check what depends on it" },
        ]);
        // A name that is not a string (not yet known to the program) falls back to the resource's name.
        assert.match(unreadInputs([ref("ops", { inputs: { name: 42 } })], undefined)[0].detail, /^stack reference to ops: .*; the mocks gave it no outputs$/);
        assert.deepStrictEqual(unreadInputs([], undefined), []);
        assert.deepStrictEqual(unreadInputs([], {}), []);
    });
});

describe("verdict: rules that could not judge", () => {
    const base = { custom: true, remote: false, dependencies: [], propertyDependencies: {}, protect: false, retainOnDelete: false };
    const sg = (name: string, ignoreChanges: string[] = []): PlannedResource => ({
        ...base, urn: `urn:pulumi:production::app::aws:ec2/securityGroup:SecurityGroup::${name}`, type: "aws:ec2/securityGroup:SecurityGroup", name, ignoreChanges, inputs: {},
    });
    const cant = (policyName: string, reason: string, on?: PlannedResource, extra: Partial<Finding> = {}): Finding => ({
        policyName, policyPackName: "pack", policyPackVersion: "1", enforcementLevel: "advisory", description: "d",
        ...(on ? { urn: on.urn, resourceType: on.type, resourceName: on.name } : {}),
        message: `can't run policy '${policyName}' from policy pack pack during preview: ${reason}`, ...extra,
    });

    it("keeps the resource's type, names the reason as given when the SDK names no property, and keeps waived findings as findings", () => {
        const web = sg("web");
        const waived = cant("tls", "whatever", web, { waiver: { rule: "tls", approver: "a", expires: "2099-12-31", reason: "r" } });
        const { findings, unchecked } = splitNotJudged([cant("tls", "the rule threw: boom", web), waived], "mandatory", [web]);
        assert.deepStrictEqual(findings, [waived]);
        assert.deepStrictEqual(unchecked, [{ kind: "not-judged", policyName: "tls", urn: web.urn, type: web.type, name: "web", detail: "rule tls could not judge this resource: the rule threw: boom", blocking: false }]);
    });

    it("a part of the pack's not-judged form it cannot parse is reported as written, on the finding's resource or the stack", () => {
        const web = sg("web");
        const { unchecked } = splitNotJudged([cant("r1", "not judged: something else", web), cant("r2", "not judged: odd; ghost: egress unknown during preview")], "advisory", [web]);
        assert.deepStrictEqual(unchecked, [
            { kind: "not-judged", policyName: "r1", urn: web.urn, type: web.type, name: "web", detail: "rule r1 could not judge this resource: something else", blocking: true },
            { kind: "not-judged", policyName: "r2", detail: "rule r2 could not judge this resource: odd", blocking: true },
            { kind: "not-judged", policyName: "r2", name: "ghost", properties: ["egress"], detail: "rule r2 could not judge this resource: ghost: egress unknown during preview", blocking: true },
        ]);
    });

    it("a stack rule's item names a resource only when exactly one has that name", () => {
        const twins = [sg("web"), { ...sg("web"), urn: "urn:pulumi:production::app::aws:ec2/securityGroup:SecurityGroup::web2", name: "web" }];
        const { unchecked } = splitNotJudged([cant("r", "not judged: web: ingress unknown during preview")], "mandatory", twins);
        assert.deepStrictEqual(unchecked, [{ kind: "not-judged", policyName: "r", name: "web", properties: ["ingress"], detail: "rule r could not judge this resource: web: ingress unknown during preview", blocking: false }]);
    });

    it("a property listed in ignoreChanges is explained: the engine judges the deployed value, which the preview cannot read", () => {
        const explained = (policy: string, props: string) => `rule ${policy} did not judge ${props}: listed in ignoreChanges, so the engine judges the value in the stack's state (the deployed one), which is not read offline`;
        const plain = sg("plain");
        const web = sg("web", ["ingress[0].cidrBlocks", "tags", "egress[*].cidrBlocks", "rules[12]", "ports[*]"]);
        const judge = (properties: string) => splitNotJudged([cant("ec2-no-open-ingress", `not judged: ${properties} unknown during preview`, web)], "mandatory", [plain, web]).unchecked[0].detail;
        assert.strictEqual(judge("ingress.0.cidrBlocks"), explained("ec2-no-open-ingress", "ingress.0.cidrBlocks"));
        assert.strictEqual(judge("tags.Owner, name"), explained("ec2-no-open-ingress", "tags.Owner"));
        assert.strictEqual(judge("tags"), explained("ec2-no-open-ingress", "tags"));
        assert.strictEqual(judge("egress.3.cidrBlocks"), explained("ec2-no-open-ingress", "egress.3.cidrBlocks"));
        assert.strictEqual(judge("rules.12.cidrBlocks"), explained("ec2-no-open-ingress", "rules.12.cidrBlocks"));
        assert.strictEqual(judge("tags.Owner, ingress.0.cidrBlocks"), explained("ec2-no-open-ingress", "tags.Owner, ingress.0.cidrBlocks"));
        // Not under an ignored path: a sibling, a parent of one, a longer name sharing a prefix, another index.
        for (const property of ["egress.3.fromPort", "ingress", "tagsAll", "ingress.1.cidrBlocks", "rules.1", "ports"]) {
            assert.strictEqual(judge(property), `rule ec2-no-open-ingress could not judge this resource: ${property} unknown during preview`, property);
        }
        // The SDK's form (`value at .a.b`) is matched the same way.
        const sdk = splitNotJudged([cant("t", "string value at .tags.Owner can't be known during preview", web)], "mandatory", [plain, web]).unchecked[0];
        assert.deepStrictEqual([sdk.properties, sdk.detail], [["tags.Owner"], explained("t", "tags.Owner")]);
        // Another resource's ignoreChanges do not explain this one.
        const other = splitNotJudged([cant("t", "not judged: tags unknown during preview", plain)], "mandatory", [web, plain]).unchecked[0];
        assert.strictEqual(other.detail, "rule t could not judge this resource: tags unknown during preview");
        // ignoreChanges ["*"] (every property) covers any path, but explains nothing when the rule named none.
        const all = sg("all", ["*"]);
        const star = (reason: string) => splitNotJudged([cant("t", reason, all)], "mandatory", [all]).unchecked[0].detail;
        assert.strictEqual(star("not judged: tags.Owner unknown during preview"), explained("t", "tags.Owner"));
        assert.strictEqual(star("the rule threw"), "rule t could not judge this resource: the rule threw");
        // Pulumi's quoted form (`tags["Name"]`), as the preview hides it before the pack judges.
        const quoted = sg("quoted", ['tags["Name"]', 'labels["a.b"]']);
        const q = (properties: string) => splitNotJudged([cant("t", `not judged: ${properties} unknown during preview`, quoted)], "mandatory", [quoted]).unchecked[0].detail;
        assert.strictEqual(q("tags.Name"), explained("t", "tags.Name"));
        assert.strictEqual(q("tags.Owner"), "rule t could not judge this resource: tags.Owner unknown during preview");
    });
});

describe("verdict: findings from the analyzer", () => {
    it("policy tags `<framework>:<control>` are controls; other tags are not", () => {
        assert.deepStrictEqual(controlsOf(undefined), []);
        assert.deepStrictEqual(controlsOf(["pci-dss-4.0:3.5.1", "cost", ":orphan", "dangling:", "gdpr:art:32", "soc2:CC6.1", "a:b"]), [
            { framework: "pci-dss-4.0", control: "3.5.1" }, { framework: "gdpr", control: "art:32" }, { framework: "soc2", control: "CC6.1" }, { framework: "a", control: "b" },
        ]);
    });

    it("decodes the pack's waived-finding message, with or without a ticket; anything else is not a waiver", () => {
        const waiver = { resource: "logs", approver: "alice, security", reason: "KMS migration | see \"SEC-1\"", expires: "2026-06-30" };
        assert.deepStrictEqual(parseWaivedMessage(encodeWaivedFinding({ rule: "s3-bucket-encrypted", waiver: { ...waiver, ticket: "SEC-1" }, message: "bucket is not encrypted" })), {
            waiver: { rule: "s3-bucket-encrypted", expires: "2026-06-30", approver: "alice, security", reason: "KMS migration | see \"SEC-1\"", ticket: "SEC-1" }, message: "bucket is not encrypted",
        });
        const noTicket = parseWaivedMessage(encodeWaivedFinding({ rule: "r", waiver, message: "m" }));
        assert.deepStrictEqual(noTicket, { waiver: { rule: "r", expires: "2026-06-30", approver: "alice, security", reason: "KMS migration | see \"SEC-1\"" }, message: "m" });
        assert.ok(!("ticket" in noTicket!.waiver));
        assert.strictEqual(parseWaivedMessage("bucket is not encrypted"), undefined);
        assert.strictEqual(parseWaivedMessage("WAIVED {not json"), undefined);
    });
});
