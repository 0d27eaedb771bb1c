import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of awsx-vpc-nat-per-az (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [res("default", "awsx:ec2:Vpc", {}), res("OnePerAz", "awsx:ec2:Vpc", { natGateways: { strategy: "OnePerAz" } })],
    violating: [res("Single", "awsx:ec2:Vpc", { natGateways: { strategy: "Single" } }), res("Single with EIPs", "awsx:ec2:Vpc", { natGateways: { strategy: "Single", elasticIpAllocationIds: ["e"] } })],
    unknown: [unk("strategy unknown", "not-judged", res("", "awsx:ec2:Vpc", { natGateways: { strategy: UNKNOWN } }))],
    messages: {
        "Single": ["one NAT gateway serves every AZ (natGateways.strategy Single)"],
        "Single with EIPs": ["one NAT gateway serves every AZ (natGateways.strategy Single)"],
        "strategy unknown": ["not judged: natGateways.strategy unknown during preview"],
    },
};
