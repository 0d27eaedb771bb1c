import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";
import { ENCRYPTION_AT_REST } from "../../controls";

/**
 * Replication groups: omitted atRestEncryptionEnabled is off for Redis OSS (AWS turns it on by default only for
 * Valkey 7.2+ and Redis 7+ created through the console); judged as off unless set. Serverless caches are always
 * encrypted and need only a customer key.
 */
export const rule = resourceRule({
    name: "elasticache-encrypted-at-rest",
    controls: ENCRYPTION_AT_REST,
    displayName: "ElastiCache encrypted at rest",
    description: "Redis/Valkey replication groups and serverless caches encrypt data at rest (and backups) with a customer-managed KMS key.",
    remediation: "Set atRestEncryptionEnabled: true and kmsKeyId (this replaces the group: migrate through a snapshot); serverless caches: set kmsKeyId.",
    concern: "encryption-at-rest",
    severity: "high",
    resourceTypes: [aws.elasticache.ReplicationGroup, aws.elasticache.ServerlessCache],
    check: (cache, args) => {
        if (args.type === "aws:elasticache/serverlessCache:ServerlessCache") {
            return isSet(cache, "kmsKeyId") ? undefined : "serverless cache uses the AWS-owned key; set kmsKeyId to a customer-managed key";
        }
        if (cache.atRestEncryptionEnabled !== true) return "at-rest encryption is off (atRestEncryptionEnabled is not true)";
        if (!isSet(cache, "kmsKeyId")) return "at-rest encryption uses the AWS-owned key; set kmsKeyId to a customer-managed key";
        return undefined;
    },
});
