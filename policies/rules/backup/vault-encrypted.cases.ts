import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of backup-vault-encrypted (test/policies/unit.test.ts runs them in-process). */
const VAULT = "aws:backup/vault:Vault";
const res = (title: string, props: Record<string, unknown>) => ({ title, resource: { type: VAULT, props } });

export const cases: RuleCases = {
    compliant: [res("CMK", { kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/k" })],
    violating: [res("omitted", {}), res("empty", { kmsKeyArn: "" })],
    unknown: [{ ...res("key from the same run", { kmsKeyArn: UNKNOWN }), expect: "compliant" }],
};
