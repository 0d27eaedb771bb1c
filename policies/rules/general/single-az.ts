import { asArray, CheckResult, isSet, isUnknown, raw, ResourceRule } from "../../framework";
import { AVAILABILITY } from "../../controls";

/** Storage and load balancing that live in one availability zone: EFS One Zone file systems and classic load balancers in one AZ. */
export const rule: ResourceRule = {
    name: "general-single-az",
    displayName: "No single-AZ file systems or classic load balancers",
    description: "EFS file systems are Regional (availabilityZoneName makes them One Zone: the data lives in one AZ), and classic load balancers span at least two availability zones or subnets.",
    remediation: "Omit availabilityZoneName on EFS file systems; give classic load balancers two or more availabilityZones or subnets (or move to an ALB/NLB).",
    severity: "medium",
    controls: AVAILABILITY,
    concern: "resilience",
    types: ["aws:efs/fileSystem:FileSystem", "aws:elb/loadBalancer:LoadBalancer"],
    check: (props, args): CheckResult => {
        if (args.type === "aws:efs/fileSystem:FileSystem") {
            const zone = raw(props).availabilityZoneName;
            return isSet(props, "availabilityZoneName") ? `EFS One Zone file system (availabilityZoneName ${typeof zone === "string" && !isUnknown(zone) ? zone : "from another resource"}): losing that AZ loses the data` : undefined;
        }
        const zones = asArray(props.availabilityZones).length;
        const subnets = asArray(props.subnets).length;
        return Math.max(zones, subnets) < 2 ? `classic load balancer in ${Math.max(zones, subnets)} availability zone(s) or subnet(s)` : undefined;
    },
};
