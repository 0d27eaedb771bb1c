import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";

const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];

export const rule = resourceRule({
    name: "general-deletion-protection",
    controls: { soc2: ["A1.2", "CC6.1"], gdpr: ["art-32"] },
    displayName: "Deletion protection on databases and load balancers",
    description: "RDS instances and clusters, DocumentDB and Neptune clusters and load balancers cannot be deleted without first turning protection off.",
    remediation: "Set deletionProtection: true (databases) or enableDeletionProtection: true (load balancers).",
    severity: "high",
    resourceTypes: [aws.rds.Instance, aws.rds.Cluster, aws.lb.LoadBalancer, aws.alb.LoadBalancer, aws.docdb.Cluster, aws.neptune.Cluster],
    check: (resource, args) => {
        const on = LOAD_BALANCERS.includes(args.type) ? resource.enableDeletionProtection === true : resource.deletionProtection === true;
        return on ? undefined : "deletion protection is off";
    },
});
