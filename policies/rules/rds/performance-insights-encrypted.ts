import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";
import { ENCRYPTION_AT_REST } from "../../controls";

export const rule = resourceRule({
    name: "rds-performance-insights-encrypted",
    controls: ENCRYPTION_AT_REST,
    displayName: "Performance Insights encrypted with a customer key",
    description: "Performance Insights data (which contains SQL text) is encrypted with a customer-managed key.",
    remediation: "Set performanceInsightsKmsKeyId whenever performanceInsightsEnabled is true.",
    concern: "encryption-at-rest",
    severity: "medium",
    resourceTypes: [aws.rds.Instance, aws.rds.Cluster, aws.rds.ClusterInstance],
    check: (db) => (db.performanceInsightsEnabled === true && !isSet(db, "performanceInsightsKmsKeyId") ? "Performance Insights is on without performanceInsightsKmsKeyId" : undefined),
});
