import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of lb-access-logs (test/policies/unit.test.ts runs them in-process). */
const LB = "aws:lb/loadBalancer:LoadBalancer";

export const cases: RuleCases = {
    compliant: [res("logs on", LB, { accessLogs: { enabled: true, bucket: "b" } }), res("gateway LB", LB, { loadBalancerType: "gateway" })],
    violating: [res("omitted", LB, {}), res("disabled", "aws:alb/loadBalancer:LoadBalancer", { accessLogs: { enabled: false, bucket: "b" } })],
    unknown: [unk("unknown", "not-judged", res("", LB, { accessLogs: UNKNOWN }))],
    messages: {
        "omitted": ["access logs are off (accessLogs.enabled is not true)"],
        "disabled": ["access logs are off (accessLogs.enabled is not true)"],
        "unknown": ["not judged: accessLogs unknown during preview"],
    },
};
