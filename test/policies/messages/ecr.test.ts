import * as assert from "assert";
import { rule } from "../../../policies/rules/ecr/scan-and-immutable-tags";
import { runResourceRule } from "../harness";

/** ecr-scan-and-immutable-tags's messages (the decisions are in the cases beside the rule). */
const messages = (props: Record<string, unknown>) => runResourceRule(rule, { type: "aws:ecr/repository:Repository", props }).violations.map((v) => v.message);

describe("ecr rules: messages", () => {
    it("ecr-scan-and-immutable-tags names each problem; omitted mutability is MUTABLE", () => {
        assert.deepStrictEqual(messages({}), ["images are not scanned on push", "image tags are mutable"]);
        assert.deepStrictEqual(messages({ imageScanningConfiguration: { scanOnPush: true } }), ["image tags are mutable"]);
    });
});
