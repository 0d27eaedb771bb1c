import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";
import { CHANGE_SAFETY } from "../../controls";

export const rule = resourceRule({
    name: "ecs-circuit-breaker",
    controls: CHANGE_SAFETY,
    displayName: "ECS deployment circuit breaker with rollback",
    description: "ECS services stop a failing deployment and roll back to the last working one.",
    remediation: "Set deploymentCircuitBreaker: { enable: true, rollback: true }.",
    severity: "medium",
    resourceTypes: [aws.ecs.Service],
    check: (service) => {
        const controller = String(service.deploymentController?.type ?? "ECS").toUpperCase();
        if (controller !== "ECS") return;
        const breaker = service.deploymentCircuitBreaker;
        return breaker?.enable === true && breaker?.rollback === true ? undefined : "deployment circuit breaker with rollback is not enabled";
    },
});
