import { UNKNOWN, res, type RuleCases } from "../../cases";

/** Cases of general-single-az (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [res("Regional EFS (omitted)", "aws:efs/fileSystem:FileSystem", { encrypted: true }), res("classic ELB in two subnets", "aws:elb/loadBalancer:LoadBalancer", { subnets: ["a", "b"], listeners: [] })],
    violating: [res("EFS One Zone", "aws:efs/fileSystem:FileSystem", { availabilityZoneName: "eu-west-1a" }), res("classic ELB in one AZ", "aws:elb/loadBalancer:LoadBalancer", { availabilityZones: ["eu-west-1a"], listeners: [] })],
    unknown: [{ ...res("AZ name from a lookup (counts as set)", "aws:efs/fileSystem:FileSystem", { availabilityZoneName: UNKNOWN }), expect: "violating" },
        { ...res("subnets unknown", "aws:elb/loadBalancer:LoadBalancer", { subnets: UNKNOWN }), expect: "not-judged" }],
    messages: {
        "EFS One Zone": ["EFS One Zone file system (availabilityZoneName eu-west-1a): losing that AZ loses the data"],
        "classic ELB in one AZ": ["classic load balancer in 1 availability zone(s) or subnet(s)"],
        "AZ name from a lookup (counts as set)": ["EFS One Zone file system (availabilityZoneName from another resource): losing that AZ loses the data"],
        "subnets unknown": ["not judged: subnets unknown during preview"],
    },
};
