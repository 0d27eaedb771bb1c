import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of awsx-ecs-service-secure (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [
        res("containers map without secrets, private network configuration", "awsx:ecs:EC2Service", { networkConfiguration: { subnets: ["s"], assignPublicIp: false }, taskDefinitionArgs: { containers: { app: { name: "app", image: "i", environment: [{ name: "PORT", value: "8080" }] }, sidecar: { name: "envoy", image: "envoy" } } } }),
        res("no task definition arguments (an existing task definition)", "awsx:ecs:FargateService", { taskDefinition: "arn:aws:ecs:eu-west-1:111122223333:task-definition/app:1" }),
        res("private, secrets via Secrets Manager", "awsx:ecs:FargateService", { assignPublicIp: false, taskDefinitionArgs: { container: { name: "app", image: "i", environment: [{ name: "NODE_ENV", value: "production" }], secrets: [{ name: "DB_PASSWORD", valueFrom: "arn" }] } } })],
    violating: [
        res("public IP through networkConfiguration", "awsx:ecs:FargateService", { networkConfiguration: { subnets: ["s"], assignPublicIp: true } }),
        res("a second container in the map with a plaintext API key", "awsx:ecs:EC2Service", { taskDefinitionArgs: { containers: { app: { name: "app", image: "i" }, worker: { name: "worker", image: "w", environment: [{ name: "API_KEY", value: "abc123" }] } } } }),
        res("public IP", "awsx:ecs:FargateService", { assignPublicIp: true }), res("plaintext DB_PASS in containers map", "awsx:ecs:EC2Service", { taskDefinitionArgs: { containers: { app: { name: "app", image: "i", environment: [{ name: "DB_PASS", value: "x" }] } } } }),
        res("credentials URL in command", "awsx:ecs:FargateService", { taskDefinitionArgs: { container: { name: "app", image: "i", command: ["run", "postgres://u:p@h/db"] } } })],
    unknown: [
        unk("containers map unknown", "not-judged", res("", "awsx:ecs:EC2Service", { taskDefinitionArgs: { containers: UNKNOWN } })),
        unk("taskDefinitionArgs unknown", "not-judged", res("", "awsx:ecs:FargateService", { taskDefinitionArgs: UNKNOWN })),
        unk("container unknown", "not-judged", res("", "awsx:ecs:FargateService", { taskDefinitionArgs: { container: UNKNOWN } }))],
    ignored: [res("platform component", "platform:app:FargateService", { assignPublicIp: true })],
    messages: {
        "public IP through networkConfiguration": ["tasks get public IP addresses"],
        "a second container in the map with a plaintext API key": ["container worker has API_KEY as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)"],
        "public IP": ["tasks get public IP addresses"],
        "plaintext DB_PASS in containers map": ["container app has DB_PASS as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)"],
        "credentials URL in command": ["container app has a secret in its command (postgres); read it from a secret at runtime instead"],
        "containers map unknown": ["not judged: taskDefinitionArgs.containers unknown during preview"],
        "taskDefinitionArgs unknown": ["not judged: taskDefinitionArgs unknown during preview"],
        "container unknown": ["not judged: taskDefinitionArgs.container unknown during preview"],
    },
};
