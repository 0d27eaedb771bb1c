import * as assert from "assert";
import { rule as circuitBreaker } from "../../../policies/rules/ecs/circuit-breaker";
import { rule as noPrivileged } from "../../../policies/rules/ecs/no-privileged-containers";
import { rule as noPublicIp } from "../../../policies/rules/ecs/no-public-ip";
import type { ResourceRule } from "../../../policies/framework";
import { runResourceRule, UNKNOWN } from "../harness";

/** The ecs rules' messages, which a reader of the report acts on (the decisions are in the rules' cases beside them). */
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const SERVICE = "aws:ecs/service:Service";
const messages = (rule: ResourceRule, type: string, props: Record<string, unknown>) => runResourceRule(rule, { type, props }).violations.map((v) => v.message);

describe("ecs rules: messages", () => {
    it("ecs-no-privileged-containers names each privileged container", () => {
        const definitions = JSON.stringify([{ name: "app", image: "app:1" }, { name: "agent", image: "agent:1", privileged: true }, { name: "sidecar", image: "s:1", privileged: true }]);
        assert.deepStrictEqual(messages(noPrivileged, TASK, { family: "app", containerDefinitions: definitions }), ["container agent runs privileged", "container sidecar runs privileged"]);
    });

    it("ecs-no-privileged-containers says which value it could not judge", () => {
        assert.match(runResourceRule(noPrivileged, { type: TASK, props: { family: "app", containerDefinitions: UNKNOWN } }).notJudged ?? "", /not judged: containerDefinitions unknown during preview/);
        const o = runResourceRule(noPrivileged, { type: TASK, props: { family: "app", containerDefinitions: [{ name: "app", image: "app:1" }, { name: "agent", image: "agent:1", privileged: UNKNOWN }] } });
        assert.match(o.notJudged ?? "", /not judged: containerDefinitions\[1\]\.privileged unknown during preview/);
        assert.deepStrictEqual(o.violations, []);
    });

    it("ecs-circuit-breaker and ecs-no-public-ip", () => {
        assert.deepStrictEqual(messages(circuitBreaker, SERVICE, { deploymentCircuitBreaker: { enable: true, rollback: false } }), ["deployment circuit breaker with rollback is not enabled"]);
        assert.deepStrictEqual(messages(noPublicIp, SERVICE, { networkConfiguration: { subnets: ["s"], assignPublicIp: true } }), ["tasks get public IP addresses"]);
    });
});
