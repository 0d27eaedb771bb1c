import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of ecs-circuit-breaker (test/policies/unit.test.ts runs them in-process). */
const res = (title: string, props: Record<string, unknown>) => ({ title, resource: { type: "aws:ecs/service:Service", props } });

export const cases: RuleCases = {
    compliant: [res("breaker with rollback", { deploymentCircuitBreaker: { enable: true, rollback: true } }), res("CODE_DEPLOY controller", { deploymentController: { type: "CODE_DEPLOY" } }),
        res("EXTERNAL controller", { deploymentController: { type: "EXTERNAL" } })],
    violating: [res("omitted", {}), res("no rollback", { deploymentCircuitBreaker: { enable: true, rollback: false } }), res("ecs controller in lower case", { deploymentController: { type: "ecs" } }),
        res("rollback without the breaker enabled", { deploymentController: { type: "ECS" }, deploymentCircuitBreaker: { enable: false, rollback: true } })],
    unknown: [{ ...res("unknown", { deploymentCircuitBreaker: UNKNOWN }), expect: "not-judged" }],
};
