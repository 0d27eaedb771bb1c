import type { Case, ResourceCase, RuleCases } from "../../cases";

/** Cases of kms-key-rotation (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<ResourceCase> = {}): Case => ({ title, resource: { type, props, ...extra } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });

export const cases: RuleCases = {
    compliant: [res("rotating", "aws:kms/key:Key", { enableKeyRotation: true }), res("asymmetric signing key", "aws:kms/key:Key", { customerMasterKeySpec: "RSA_2048", keyUsage: "SIGN_VERIFY" })],
    violating: [res("omitted (default off)", "aws:kms/key:Key", {}), res("false", "aws:kms/key:Key", { enableKeyRotation: false, keySpec: "symmetric_default" })],
    unknown: [unk("unknown", "not-judged", res("", "aws:kms/key:Key", { enableKeyRotation: UNKNOWN }))],
    messages: {
        "omitted (default off)": ["automatic key rotation is off (enableKeyRotation is not true)"],
        "false": ["automatic key rotation is off (enableKeyRotation is not true)"],
        "unknown": ["not judged: enableKeyRotation unknown during preview"],
    },
};
