import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of ec2-ebs-volume-encrypted (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [res("encrypted", "aws:ebs/volume:Volume", { encrypted: true, size: 10 }), res("encrypted snapshot copy", "aws:ebs/snapshotCopy:SnapshotCopy", { encrypted: true })],
    violating: [res("omitted", "aws:ebs/volume:Volume", { size: 10 }), res("false", "aws:ebs/volume:Volume", { encrypted: false })],
    unknown: [unk("unknown", "not-judged", res("", "aws:ebs/volume:Volume", { encrypted: UNKNOWN }))],
    messages: {
        "omitted": ["volume is not encrypted (encrypted is not true)"],
        "false": ["volume is not encrypted (encrypted is not true)"],
        "unknown": ["not judged: encrypted unknown during preview"],
    },
};
