import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { decodeWaivedFinding, parseCalendarDate, waiverProblem } from "../../lib/rules/waivers";
import { buildPolicies, isStackRule, Rule } from "../../policies/framework";
import { packRules, rules } from "../../policies/rules";
import { atRestInputs, taggableTypes } from "../../scripts/policies/generate";
import { coverage, judgedTypes, matches } from "../../scripts/policies/coverage";
import { awsResourceTypes, SETTING_FAMILIES } from "../../scripts/policies/aws-inventory";
import { NOT_CARRIERS } from "../../scripts/policies/not-carriers";
import { accessInventory } from "../../scripts/policies/access-inventory";
import { secretInputs } from "../../scripts/policies/secrets-inventory";
import { Case, CASES } from "./cases";
import { Outcome, runResourceRule, runStackRule } from "./harness";

/** Every rule in-process: its cases (test/policies/cases.ts), the README table, waivers and rule-order independence. */
function run(rule: Rule, c: Case): Outcome {
    if (isStackRule(rule)) {
        assert.ok(c.stack, `${rule.name}: case "${c.title}" needs a stack`);
        return runStackRule(rule, c.stack, c.config);
    }
    assert.ok(c.resource, `${rule.name}: case "${c.title}" needs a resource`);
    return runResourceRule(rule, { ...c.resource, config: c.config ?? c.resource.config });
}

const flaggedNames = (o: Outcome) => [...new Set(o.violations.map((v) => v.name))].sort();
/** A case's messages as RuleCases.messages lists them. */
const messagesOf = (o: Outcome) => [...o.violations.map((v) => v.message), ...(o.notJudged === undefined ? [] : [o.notJudged])];
const show = (o: Outcome) => JSON.stringify(o);

describe("policy rules in-process", () => {
    it("every rule of the pack has cases, and every case names a rule of the pack", () => {
        const names = rules.map((r) => r.name);
        for (const name of names) {
            const cases = CASES[name];
            assert.ok(cases, `rule ${name} has no cases in test/policies/cases.ts`);
            assert.ok(cases.compliant.length >= 1 && cases.violating.length >= 2 && cases.unknown.length >= 1, `rule ${name} needs ≥1 compliant, ≥2 violating and ≥1 unknown case`);
        }
        assert.deepStrictEqual(Object.keys(CASES).filter((n) => !names.includes(n)), []);
        for (const [name, cases] of Object.entries(CASES)) {
            const titles = [...cases.violating, ...cases.unknown].map((c) => c.title);
            assert.deepStrictEqual(Object.keys(cases.messages ?? {}).filter((t) => !titles.includes(t)), [], `${name}: messages for no violating or unknown case`);
        }
    });

    for (const rule of rules) {
        const cases = CASES[rule.name];
        if (!cases) continue;
        describe(rule.name, () => {
            for (const c of cases.compliant) {
                it(`passes: ${c.title}`, () => {
                    const o = run(rule, c);
                    assert.deepStrictEqual(o.violations, [], show(o));
                    assert.strictEqual(o.notJudged, undefined, show(o));
                });
            }
            for (const c of cases.violating) {
                it(`flags: ${c.title}`, () => {
                    const o = run(rule, c);
                    assert.ok(o.violations.length > 0, `not flagged: ${show(o)}`);
                    if (c.flagged) assert.deepStrictEqual(flaggedNames(o), [...c.flagged].sort(), show(o));
                    if (cases.messages?.[c.title]) assert.deepStrictEqual(messagesOf(o), cases.messages[c.title]);
                });
            }
            for (const c of cases.unknown) {
                it(`unknown during preview (${c.expect}): ${c.title}`, () => {
                    const o = run(rule, c);
                    if (c.expect === "not-judged") {
                        assert.match(o.notJudged ?? "", /^not judged: /, show(o));
                    } else if (c.expect === "compliant") {
                        assert.deepStrictEqual([o.violations, o.notJudged], [[], undefined], show(o));
                    } else {
                        assert.ok(o.violations.length > 0, show(o));
                    }
                    if (c.flagged) assert.deepStrictEqual(flaggedNames(o), [...c.flagged].sort(), show(o));
                    if (cases.messages?.[c.title]) assert.deepStrictEqual(messagesOf(o), cases.messages[c.title]);
                });
            }
            for (const c of cases.ignored ?? []) {
                it(`ignores look-alike: ${c.title}`, () => {
                    const o = run(rule, c);
                    assert.deepStrictEqual([o.violations, o.notJudged], [[], undefined], show(o));
                });
            }
        });
    }
});

describe("policy pack shape", () => {
    it("README's policy table lists exactly the pack's policies, each with its controls", () => {
        const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
        const rows = [...readme.matchAll(/^\| <a id="policy-([a-z0-9-]+)"><\/a>`\1` \|.*\| ([^|]+) \|$/gm)].map((m) => ({ name: m[1], controls: m[2].trim() }));
        const policies = buildPolicies(packRules);
        assert.deepStrictEqual(rows.map((r) => r.name).sort(), policies.map((p) => p.name).sort());
        for (const policy of policies) {
            const row = rows.find((r) => r.name === policy.name)!;
            assert.deepStrictEqual(row.controls.split(", ").sort(), [...(policy as any).tags].sort(), `controls of ${policy.name}`);
        }
    });

    it("README states the reach that npm run policies:coverage prints; every at-rest type is judged", () => {
        const readme = fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8");
        const report = coverage();
        for (const [family, label] of [["encryption-at-rest", "encryption at rest"], ["public-exposure", "public exposure"], ["tls", "TLS"], ["access", "access (policy documents, attachments, shares)"], ["secrets", "plaintext secrets"], ["keys", "keys"], ["retention", "backup retention"]]) {
            const r = report.find((x) => x.family === family)!;
            assert.ok(readme.includes(`| ${label} | ${r.judged} / ${r.total} (`), `README lacks "${label} | ${r.judged} / ${r.total}"`);
        }
        assert.deepStrictEqual(report.find((x) => x.family === "encryption-at-rest")!.missing, []);
    });

    it("every type whose input names carry public exposure or TLS is judged for it or classified as not a carrier (scripts/policies/not-carriers.ts)", () => {
        const report = coverage();
        // A new provider version's type (or a new matching input) lands here until a rule judges it or it is classified.
        for (const family of ["public-exposure", "tls"]) {
            assert.deepStrictEqual(report.find((r) => r.family === family)!.missing, [], `${family}: judge these in the concern's analyzer or classify them in scripts/policies/not-carriers.ts`);
        }
        const matched = matches();
        const types = new Map(awsResourceTypes().map((t) => [t.token, t]));
        for (const [family, entries] of Object.entries(NOT_CARRIERS)) {
            const re = SETTING_FAMILIES[family as keyof typeof SETTING_FAMILIES];
            const judged = judgedTypes(family);
            for (const [type, entry] of Object.entries(entries)) {
                assert.ok(matched[family].includes(type), `${family}: ${type} no longer matches; remove it from not-carriers.ts`);
                assert.ok(!judged.has(type), `${family}: ${type} is judged; remove it from not-carriers.ts`);
                // A classified type with a new matching input is reviewed again: the new input may carry the concern.
                assert.deepStrictEqual(types.get(type)!.inputs.filter((i) => re.test(i)).sort(), [...entry.inputs].sort(), `${family}: the matching inputs of ${type} changed; review its classification`);
                assert.ok(entry.reason.length > 20, `${family}: ${type} needs a reason`);
            }
        }
    });

    it("every type whose inputs carry a backup retention is judged for it or classified", () => {
        const missing = coverage().find((r) => r.family === "retention")!.missing;
        assert.deepStrictEqual(missing, [], "judge these in general-backup-retention or classify them in scripts/policies/not-carriers.ts");
    });

    it("rules do not depend on their order (same verdicts forwards and backwards)", () => {
        const stack = [...CASES["ec2-no-open-ingress"].violating[0].stack!, ...CASES["s3-bucket-encrypted"].violating[0].stack!];
        const verdicts = (list: Rule[]) => list.filter(isStackRule).map((r) => [r.name, runStackRule(r, stack)] as const).sort((a, b) => a[0].localeCompare(b[0]));
        assert.deepStrictEqual(verdicts([...rules].reverse()), verdicts(rules));
    });

    it("policies/data/*.json are what @pulumi/aws's types give (npm run policies:data)", () => {
        const atRest = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../policies/data/at-rest-inputs.json"), "utf8"));
        assert.deepStrictEqual(atRest.types, atRestInputs());
        const file = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../policies/data/taggable-types.json"), "utf8"));
        assert.deepStrictEqual(file.types, taggableTypes());
        assert.ok(file.types.includes("aws:lb/listener:Listener") && !file.types.includes("aws:lb/targetGroupAttachment:TargetGroupAttachment"));
    });

    it("every @pulumi/aws input that may hold a policy document, policy ARN or share is classified, and access-inputs.json is current", () => {
        const live = accessInventory();
        // A new provider version's `…Policy` input or `*Permission` type lands here until scripts/policies/access-inventory.ts classifies it.
        assert.deepStrictEqual(live.unclassified, [], "classify these in scripts/policies/access-inventory.ts, then npm run policies:data");
        const file = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../policies/data/access-inputs.json"), "utf8"));
        assert.deepStrictEqual({ types: file.types, excluded: file.excluded }, { types: live.types, excluded: live.excluded }, "npm run policies:data");
        assert.ok(file.escalationActions.includes("iam:PassRole") && file.types["aws:kms/key:Key"].documents[0].kind === "key");
        assert.deepStrictEqual(coverage().find((r) => r.family === "access")!.missing, []);
    });

    it("secret-inputs.json is every environment, container-definition and user-data input of @pulumi/aws (npm run policies:data)", () => {
        const file = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../../policies/data/secret-inputs.json"), "utf8"));
        assert.deepStrictEqual(file.types, secretInputs());
        assert.deepStrictEqual(file.types["aws:lambda/function:Function"], [{ path: "environment.variables", carrier: "environment" }]);
        assert.deepStrictEqual(coverage().find((r) => r.family === "secrets")!.missing, []);
    });
});

describe("waivers", () => {
    const rule = rules.find((r) => r.name === "rds-multi-az")!;
    const db = { type: "aws:rds/instance:Instance", props: { multiAz: false }, name: "staging-db" };
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const waiver = (expires: string, approver = "CN=Jane: Compliance") => ({ resource: "staging-*", reason: "single-AZ until the migration", approver, expires });

    it("parses only real calendar dates", () => {
        assert.ok(parseCalendarDate("2028-02-29"));
        for (const bad of ["2026-02-30", "9999-99-99", "2026-13-01", "2026-1-5", "2027-02-29", ""]) {
            assert.strictEqual(parseCalendarDate(bad), undefined, bad);
        }
    });

    it("rejects an impossible date with one clear message", () => {
        assert.throws(() => runResourceRule(rule, { ...db, config: { waivers: [waiver("2026-02-30")] } }), /waiver for "staging-\*".*rejected: expires "2026-02-30" is not a calendar date/);
    });

    it("caps the horizon at the pack's maximum (a config may shorten it, not extend it) and says so", () => {
        const beyond = runResourceRule(rule, { ...db, config: { waivers: [waiver(day(400))] } });
        assert.match(beyond.violations[0]?.message ?? "", /not honoured: expires \S+, 400 days ahead: beyond the 365-day horizon/);
        const raised = runResourceRule(rule, { ...db, config: { waivers: [waiver(day(400))], waiverHorizonDays: 730 } });
        assert.match(raised.violations[0]?.message ?? "", /not honoured: .*beyond the 365-day horizon/);
        assert.deepStrictEqual(raised.waived, []);
        const shortened = runResourceRule(rule, { ...db, config: { waivers: [waiver(day(40))], waiverHorizonDays: 30 } });
        assert.match(shortened.violations[0]?.message ?? "", /beyond the 30-day horizon/);
        assert.strictEqual(waiverProblem(waiver(day(10)), new Date()), undefined);
    });

    it("an active waiver moves the finding to the companion as structured data; approvers with ':' round-trip", () => {
        const o = runResourceRule(rule, { ...db, config: { waivers: [waiver(day(30))] } });
        assert.deepStrictEqual(o.violations, []);
        assert.strictEqual(o.waived.length, 1);
        assert.deepStrictEqual(decodeWaivedFinding(o.waived[0]), { rule: "rds-multi-az", waiver: waiver(day(30)), message: "instance is single-AZ" });
    });

    it("a waiver matches the resource by name or by URN, and nothing else", () => {
        const by = (resource: string) => runResourceRule(rule, { ...db, config: { waivers: [{ ...waiver(day(30)), resource }] } });
        for (const resource of ["staging-db", "staging-?b", "urn:pulumi:test::fixture::aws:rds/instance:Instance::staging-db", "urn:pulumi:test::*::staging-db"]) {
            const o = by(resource);
            assert.deepStrictEqual([o.violations.length, o.waived.length], [0, 1], resource);
        }
        for (const resource of ["staging", "other-db", "urn:pulumi:production::*::staging-db", "urn:pulumi:test::fixture::aws:rds/instance:Instance::staging-d"]) {
            const o = by(resource);
            assert.deepStrictEqual([o.violations.length, o.waived.length], [1, 0], resource);
        }
    });

    it("an expired waiver suppresses nothing and is named", () => {
        const o = runResourceRule(rule, { ...db, config: { waivers: [waiver(day(-1))] } });
        assert.match(o.violations[0]?.message ?? "", /waiver by CN=Jane: Compliance expired on/);
    });
});
