import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";
import { isRedisLike } from "./common";
import { ENCRYPTION_IN_TRANSIT } from "../../controls";

export const rule = resourceRule({
    name: "elasticache-transit-encryption",
    controls: ENCRYPTION_IN_TRANSIT,
    displayName: "ElastiCache requires TLS and AUTH",
    description: "Redis/Valkey replication groups and single-node clusters encrypt traffic in transit, require it, and authenticate clients (AUTH token or RBAC user group).",
    remediation: "Set transitEncryptionEnabled: true, transitEncryptionMode: required, and authToken from Secrets Manager or userGroupIds. Plan it: it may replace the group.",
    concern: "tls",
    severity: "high",
    resourceTypes: [aws.elasticache.ReplicationGroup, aws.elasticache.Cluster],
    check: (cache, args) => {
        if (args.type === "aws:elasticache/cluster:Cluster") {
            // A cluster that joins a replication group is judged through the group.
            if (cache.replicationGroupId) return;
            if (!isRedisLike(cache.engine)) return;
            return cache.transitEncryptionEnabled === true ? undefined : "transit encryption is off: clients talk to the cache in plain text";
        }
        const problems: string[] = [];
        if (cache.transitEncryptionEnabled !== true) problems.push("transit encryption is off: clients talk to Redis in plain text");
        else if (String(cache.transitEncryptionMode ?? "required").toLowerCase() === "preferred") problems.push("transitEncryptionMode is preferred: plain-text clients are still accepted");
        const hasAuth = isSet(cache, "authToken") || isSet(cache, "userGroupIds");
        if (!hasAuth) problems.push("no AUTH: set authToken (from Secrets Manager) or userGroupIds so clients must authenticate");
        return problems;
    },
});
