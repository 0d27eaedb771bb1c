import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of secretsmanager-secret-encrypted-with-cmk (test/policies/unit.test.ts runs them in-process). */
const res = (title: string, props: Record<string, unknown>) => ({ title, resource: { type: "aws:secretsmanager/secret:Secret", props } });

export const cases: RuleCases = {
    compliant: [res("CMK", { kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:key/k" })],
    violating: [res("omitted", {}), res("empty", { kmsKeyId: "" })],
    unknown: [{ ...res("key from the same run", { kmsKeyId: UNKNOWN }), expect: "compliant" }],
};
