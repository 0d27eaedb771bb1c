import type { Case, ResourceCase, RuleCases } from "../../cases";

/** Cases of awsx-ecs-service-secure (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<ResourceCase> = {}): Case => ({ title, resource: { type, props, ...extra } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });

export const cases: RuleCases = {
    compliant: [res("private, secrets via Secrets Manager", "awsx:ecs:FargateService", { assignPublicIp: false, taskDefinitionArgs: { container: { name: "app", image: "i", environment: [{ name: "NODE_ENV", value: "production" }], secrets: [{ name: "DB_PASSWORD", valueFrom: "arn" }] } } })],
    violating: [res("public IP", "awsx:ecs:FargateService", { assignPublicIp: true }), res("plaintext DB_PASS in containers map", "awsx:ecs:EC2Service", { taskDefinitionArgs: { containers: { app: { name: "app", image: "i", environment: [{ name: "DB_PASS", value: "x" }] } } } }),
        res("credentials URL in command", "awsx:ecs:FargateService", { taskDefinitionArgs: { container: { name: "app", image: "i", command: ["run", "postgres://u:p@h/db"] } } })],
    unknown: [unk("container unknown", "not-judged", res("", "awsx:ecs:FargateService", { taskDefinitionArgs: { container: UNKNOWN } }))],
    ignored: [res("platform component", "platform:app:FargateService", { assignPublicIp: true })],
    messages: {
        "public IP": ["tasks get public IP addresses"],
        "plaintext DB_PASS in containers map": ["container app has DB_PASS as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)"],
        "credentials URL in command": ["container app has a secret in its command (postgres); read it from a secret at runtime instead"],
        "container unknown": ["not judged: taskDefinitionArgs.container unknown during preview"],
    },
};
