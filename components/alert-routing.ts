import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "../lib/aws-context";
import { childName } from "../lib/naming";
import { Tags } from "../lib/tags";

/**
 * Services that may publish to the alert topic, and only on behalf of this account (the topic policy's
 * aws:SourceAccount). Its key must grant them kms:GenerateDataKey* and kms:Decrypt without that condition
 * (lib/kms.ts `topicPublishers`): SNS does not support it in the key policy for EventBridge.
 */
export const ALERT_PUBLISHERS: readonly string[] = ["cloudwatch.amazonaws.com", "events.amazonaws.com", "backup.amazonaws.com"];

export interface AlertRoutingArgs {
    /** E-mail addresses subscribed to every alert (each confirms its subscription once). */
    emailAddresses: string[];
    /** HTTPS endpoints (chat or paging webhooks) subscribed to every alert; pass `pulumi.secret` ones for tokenized URLs. */
    httpsEndpoints?: pulumi.Input<string>[];
    /** Customer-managed key of the topic; its policy must let CloudWatch, EventBridge and Backup use it (`topicPublishers`). */
    kmsKeyArn: pulumi.Input<string>;
    /** Tags for every resource. */
    tags: Tags;
}

/**
 * The environment's alert topic: KMS-encrypted, publishable only by CloudWatch alarms, EventBridge rules and AWS Backup
 * of this account, TLS-only, with e-mail and webhook subscriptions.
 */
export class AlertRouting extends pulumi.ComponentResource {
    public readonly topicArn: pulumi.Output<string>;
    public readonly topicName: pulumi.Output<string>;

    constructor(name: string, args: AlertRoutingArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:observability:AlertRouting", name, {}, opts);
        const parent = { parent: this };
        const ctx = awsContext(this);
        const topic = new aws.sns.Topic(name, { kmsMasterKeyId: args.kmsKeyArn, tags: args.tags }, parent);
        new aws.sns.TopicPolicy(name, {
            arn: topic.arn,
            policy: pulumi.all([topic.arn, ctx.accountId, ctx.partition]).apply(([arn, accountId, partition]) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    {
                        Sid: "AccountManagesTopic",
                        Effect: "Allow",
                        Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
                        Action: ["sns:GetTopicAttributes", "sns:SetTopicAttributes", "sns:Subscribe", "sns:ListSubscriptionsByTopic"],
                        Resource: arn,
                    },
                    {
                        Sid: "AlertSourcesOfThisAccountPublish",
                        Effect: "Allow",
                        Principal: { Service: [...ALERT_PUBLISHERS] },
                        Action: "sns:Publish",
                        Resource: arn,
                        Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                    },
                    {
                        Sid: "DenyInsecureTransport",
                        Effect: "Deny",
                        Principal: "*",
                        Action: "sns:Publish",
                        Resource: arn,
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    },
                ],
            })),
        }, parent);
        args.emailAddresses.forEach((address, i) =>
            new aws.sns.TopicSubscription(childName(name, "email", String(i + 1)), { topic: topic.arn, protocol: "email", endpoint: address }, parent));
        (args.httpsEndpoints ?? []).forEach((url, i) =>
            new aws.sns.TopicSubscription(childName(name, "https", String(i + 1)), {
                topic: topic.arn,
                protocol: "https",
                endpoint: url,
                endpointAutoConfirms: false,
                rawMessageDelivery: false,
            }, parent));
        this.topicArn = topic.arn;
        this.topicName = topic.name;
        this.registerOutputs({ topicArn: this.topicArn, topicName: this.topicName });
    }
}
