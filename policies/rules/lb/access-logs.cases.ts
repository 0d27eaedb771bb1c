import type { Case, ResourceCase, RuleCases } from "../../cases";

/** Cases of lb-access-logs (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<ResourceCase> = {}): Case => ({ title, resource: { type, props, ...extra } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });
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
