import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";
import { ENCRYPTION_AT_REST } from "../../controls";

export const rule = resourceRule({
    name: "sns-topic-encrypted",
    controls: ENCRYPTION_AT_REST,
    displayName: "SNS topics encrypted",
    description: "SNS topics encrypt messages at rest with KMS.",
    remediation: "Set kmsMasterKeyId to a customer-managed key that lets the publishing services use it.",
    concern: "encryption-at-rest",
    severity: "medium",
    resourceTypes: [aws.sns.Topic],
    check: (topic) => (!isSet(topic, "kmsMasterKeyId") ? "topic has no kmsMasterKeyId" : undefined),
});
