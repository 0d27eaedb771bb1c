import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "lb-access-logs",
    displayName: "Load balancer access logs on",
    description: "Application and network load balancers write access logs (omitted is off); gateway load balancers have none.",
    remediation: "Set accessLogs: { enabled: true, bucket } with a bucket tagged purpose: log-destination that ELB log delivery may write to.",
    severity: "medium",
    controls: { "pci-dss-4.0": ["10.2.1"], soc2: ["CC7.2"] },
    resourceTypes: [aws.lb.LoadBalancer, aws.alb.LoadBalancer],
    check: (lb) => {
        if (String(lb.loadBalancerType ?? "application").toLowerCase() === "gateway") return undefined;
        return lb.accessLogs?.enabled === true ? undefined : "access logs are off (accessLogs.enabled is not true)";
    },
});
