import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of sns-topic-encrypted (test/policies/unit.test.ts runs them in-process). */
const res = (title: string, props: Record<string, unknown>) => ({ title, resource: { type: "aws:sns/topic:Topic", props } });

export const cases: RuleCases = {
    compliant: [res("CMK", { kmsMasterKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k" })],
    violating: [res("omitted", {}), res("empty", { kmsMasterKeyId: "" })],
    unknown: [{ ...res("key from the same run", { kmsMasterKeyId: UNKNOWN }), expect: "compliant" }],
};
