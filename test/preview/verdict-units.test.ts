import * as assert from "assert";
import { resolveConfig, type AnalyzerInfo, type PolicyInfo } from "../../scripts/preview/analyzer/client";
import { SCHEMA_VERSION, type Finding, type PlannedResource, type PreviewResult } from "../../scripts/preview/model";
import { mdCode, mdText, renderMarkdown } from "../../scripts/preview/reports/markdown";
import { gateOf, remoteComponents, splitNotJudged, typeMatches, unknownPaths, unreadInputs, verdictLine } from "../../scripts/preview/result";

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
