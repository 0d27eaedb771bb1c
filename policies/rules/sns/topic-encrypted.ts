import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "sns-topic-encrypted",
    displayName: "SNS topics encrypted",
    description: "SNS topics encrypt messages at rest with KMS.",
    remediation: "Set kmsMasterKeyId to a customer-managed key that lets the publishing services use it.",
    concern: "encryption-at-rest",
    severity: "medium",
    resourceTypes: [aws.sns.Topic],
    check: (topic) => (!isSet(topic, "kmsMasterKeyId") ? "topic has no kmsMasterKeyId" : undefined),
});
