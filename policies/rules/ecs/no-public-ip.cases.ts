import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of ecs-no-public-ip (test/policies/unit.test.ts runs them in-process). */
const res = (title: string, props: Record<string, unknown>) => ({ title, resource: { type: "aws:ecs/service:Service", props } });

export const cases: RuleCases = {
    compliant: [res("private", { networkConfiguration: { assignPublicIp: false, subnets: ["s"] } }), res("omitted (default false)", { networkConfiguration: { subnets: ["s"] } }),
        // EC2 launch type in bridge mode: no awsvpc network configuration at all.
        res("no network configuration (bridge networking)", { launchType: "EC2" })],
    violating: [res("public IP", { networkConfiguration: { assignPublicIp: true, subnets: ["s"] } }), res("public IP, no other settings", { networkConfiguration: { assignPublicIp: true } })],
    unknown: [{ ...res("unknown", { networkConfiguration: { assignPublicIp: UNKNOWN } }), expect: "not-judged" }],
};
