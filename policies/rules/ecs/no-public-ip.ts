import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";
import { NETWORK_EXPOSURE } from "../../controls";

export const rule = resourceRule({
    name: "ecs-no-public-ip",
    controls: NETWORK_EXPOSURE,
    displayName: "ECS tasks get no public IP",
    description: "ECS services run tasks in private subnets without public IP addresses.",
    remediation: "Set networkConfiguration.assignPublicIp: false and give the subnets a NAT gateway or VPC endpoints.",
    concern: "public-exposure",
    severity: "high",
    resourceTypes: [aws.ecs.Service],
    check: (service) => (service.networkConfiguration?.assignPublicIp === true ? "tasks get public IP addresses" : undefined),
});
