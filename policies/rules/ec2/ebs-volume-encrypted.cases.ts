import type { Case, ResourceCase, RuleCases } from "../../cases";

/** Cases of ec2-ebs-volume-encrypted (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<ResourceCase> = {}): Case => ({ title, resource: { type, props, ...extra } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });

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
