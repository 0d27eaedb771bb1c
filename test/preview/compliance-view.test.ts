import * as assert from "assert";
import { SCHEMA_VERSION, type Finding, type PlannedResource, type PolicySummary, type PreviewResult } from "../../scripts/preview/model";
import { scopeOf } from "../../scripts/preview/policy";
import { renderHtml } from "../../scripts/preview/reports/html";
import { gateOf } from "../../scripts/preview/result";

/**
 * The compliance view a reviewer signs: per control, in scope (the judged resources listed as evidence) or not
 * applicable, then pass / fail / waived from the enforcing policies only; advisory and inventory policies never fail it.
 */
const resource = (name: string, type: string): PlannedResource => ({
    urn: `urn:pulumi:production::app::${type}::${name}`, type, name, custom: true, remote: false, dependencies: [], propertyDependencies: {},
    protect: false, retainOnDelete: false, ignoreChanges: [], inputs: {},
});
const db = resource("orders-db", "aws:rds/instance:Instance");
const bucket = resource("logs", "aws:s3/bucket:Bucket");
const policy = (name: string, level: PolicySummary["enforcementLevel"], control: string, scope: PolicySummary["scope"]): PolicySummary =>
    ({ name, displayName: name, description: name, enforcementLevel: level, defaultEnforcementLevel: level, controls: [{ framework: "soc2", control }], scope });
const finding = (policyName: string, level: Finding["enforcementLevel"], r: PlannedResource, waiver?: Finding["waiver"]): Finding =>
    ({ policyName, policyPackName: "pack", policyPackVersion: "1", enforcementLevel: level, message: `${policyName} on ${r.name}`, description: "d", urn: r.urn, resourceName: r.name, resourceType: r.type, ...(waiver ? { waiver } : {}) });

function html(policies: PolicySummary[], findings: Finding[]): string {
    const result: PreviewResult = {
        schemaVersion: SCHEMA_VERSION, tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: "2026-01-01T00:00:00.000Z",
        program: { directory: "/p", project: "app", stack: "production", runtime: "nodejs" },
        policyPack: { directory: "/pack", name: "pack", version: "1.0.0", policies, relaxed: { policies: [], waivers: [] } },
        provenance: { commitSource: "unknown", tool: { name: "platform-preview", version: "0.1.0" }, generatedAt: "2026-01-01T00:00:00.000Z" },
        resources: [db, bucket], findings, diagnostics: [], unchecked: [], allowUninspected: [], gate: gateOf(findings, "mandatory"), timings: { planMs: 1, policyMs: 1, totalMs: 2 },
    };
    return renderHtml(result);
}
const row = (page: string, control: string) => new RegExp(`<tr data-framework="soc2" data-status="([^"]+)" data-control="${control}">(.*?)</tr>`).exec(page);

describe("compliance view", () => {
    it("nothing in scope is not applicable, never pass", () => {
        const page = html([policy("dynamodb-encrypted", "mandatory", "CC1", { kind: "none" })], []);
        assert.strictEqual(row(page, "CC1")![1], "not applicable");
    });

    it("in scope: the judged resources are the evidence; pass, fail and waived come from the enforcing policies", () => {
        const waiver = { rule: "rds-multi-az", approver: "jane", expires: "2027-01-01", reason: "migration", ticket: "T-1" };
        const page = html([
            policy("rds-storage-encrypted", "mandatory", "CC2", { kind: "resources", resources: [db.urn] }),
            policy("s3-bucket-encrypted", "mandatory", "CC3", { kind: "resources", resources: [bucket.urn] }),
            policy("rds-multi-az", "mandatory", "CC4", { kind: "resources", resources: [db.urn] }),
        ], [finding("s3-bucket-encrypted", "mandatory", bucket), finding("rds-multi-az", "mandatory", db, waiver)]);
        const pass = row(page, "CC2")!;
        assert.strictEqual(pass[1], "pass");
        assert.match(pass[2], /<details class="evidence"><summary>1 resource<\/summary><ul><li>orders-db <span class="type">aws:rds\/instance:Instance<\/span><\/li><\/ul><\/details>/);
        assert.strictEqual(row(page, "CC3")![1], "fail");
        assert.match(row(page, "CC3")![2], /<li>logs /);
        assert.strictEqual(row(page, "CC4")![1], "waived");
    });

    it("advisory and inventory policies never fail a control (they add notes)", () => {
        const page = html([
            policy("s3-log-destination-exemptions", "advisory", "CC3.4", { kind: "resources", resources: [bucket.urn] }),
            policy("waived-findings", "advisory", "CC5", { kind: "stack" }),
            policy("rds-storage-encrypted", "mandatory", "CC5", { kind: "resources", resources: [db.urn] }),
        ], [finding("s3-log-destination-exemptions", "advisory", bucket), finding("waived-findings", "advisory", db)]);
        assert.strictEqual(row(page, "CC3.4")![1], "advisory only");
        const mixed = row(page, "CC5")!;
        assert.strictEqual(mixed[1], "pass");
        assert.match(mixed[2], /<td class="num">1<\/td><\/tr>?$|<td class="num">1<\/td>$/);
    });

    it("a disabled policy judges nothing; the scope comes from the pack's not-applicable answers", () => {
        const p = policy("rds-storage-encrypted", "mandatory", "CC6", undefined);
        assert.deepStrictEqual(scopeOf({ ...p, enforcementLevel: "disabled" }, [db.urn], []), { kind: "disabled" });
        assert.deepStrictEqual(scopeOf(p, [db.urn, bucket.urn], [{ urn: bucket.urn, policyName: p.name }]), { kind: "resources", resources: [db.urn] });
        assert.deepStrictEqual(scopeOf(p, [db.urn], [{ urn: db.urn, policyName: p.name }]), { kind: "none" });
        assert.deepStrictEqual(scopeOf(p, [db.urn], [{ policyName: p.name }]), { kind: "none" });
        assert.deepStrictEqual(scopeOf(p, [db.urn], []), { kind: "stack" });
        assert.strictEqual(row(html([{ ...p, enforcementLevel: "disabled" }], []), "CC6")![1], "disabled");
    });
});
