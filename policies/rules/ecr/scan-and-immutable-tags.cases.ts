import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of ecr-scan-and-immutable-tags (test/policies/unit.test.ts runs them in-process). */
const res = (title: string, props: Record<string, unknown>) => ({ title, resource: { type: "aws:ecr/repository:Repository", props } });
const SCAN = { imageScanningConfiguration: { scanOnPush: true } };

export const cases: RuleCases = {
    compliant: [res("scan + immutable", { ...SCAN, imageTagMutability: "IMMUTABLE" }), res("immutable with exclusions", { ...SCAN, imageTagMutability: "IMMUTABLE_WITH_EXCLUSION" })],
    violating: [res("defaults (no scan, mutable)", {}), res("mutable", { ...SCAN, imageTagMutability: "MUTABLE" }),
        res("immutable but scanning omitted (default off)", { imageTagMutability: "IMMUTABLE" }), res("scan on push, mutability omitted (default MUTABLE)", SCAN)],
    unknown: [{ ...res("unknown", { imageScanningConfiguration: UNKNOWN }), expect: "not-judged" }],
};
