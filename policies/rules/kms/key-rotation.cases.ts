import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of kms-key-rotation (test/policies/unit.test.ts runs them in-process). */

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
