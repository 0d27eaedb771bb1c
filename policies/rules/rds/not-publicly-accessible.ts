import * as aws from "@pulumi/aws";
import { resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "rds-not-publicly-accessible",
    displayName: "Databases not publicly accessible",
    description: "No RDS instance, Aurora cluster instance, DocumentDB or Neptune instance gets a public address.",
    remediation: "Set publiclyAccessible: false and reach the database from inside the VPC.",
    concern: "public-exposure",
    severity: "critical",
    resourceTypes: [aws.rds.Instance, aws.rds.ClusterInstance, aws.neptune.ClusterInstance, aws.rds.Cluster],
    check: (db) => (db.publiclyAccessible === true ? "database is publicly accessible" : undefined),
});
