import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "./aws-context";
import { Tags } from "./tags";

/** AWS services that may be granted use of a platform key through its key policy. */
export type KmsServiceGrant = "logs" | "sns" | "cloudwatch" | "events" | "backup" | "s3" | "delivery.logs" | "cloudfront";

export interface PlatformKeyArgs {
    /** What the key protects; shown in the KMS console. */
    description: string;
    /** Services (besides IAM principals of this account) that must use the key directly. */
    services?: KmsServiceGrant[];
    /**
     * Service principals (`events.amazonaws.com`…) that publish to SNS topics encrypted with this key. SNS encrypts each
     * message with the publisher's access to the key, so each needs kms:GenerateDataKey* and kms:Decrypt — granted
     * without `aws:SourceAccount`/`aws:SourceArn` conditions: the SNS developer guide states that adding them to a KMS
     * key policy "is not supported for EventBridge-to-encrypted topics" (the request carries no such context, so the
     * grant never matches and every delivery fails silently, only FailedInvocations shows it). Confused-deputy
     * protection sits on the topic policy instead (sns:Publish only with the account's aws:SourceAccount).
     * https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html
     * https://repost.aws/knowledge-center/sns-not-getting-eventbridge-notification
     */
    topicPublishers?: readonly string[];
    /** Days KMS waits before deleting the key once scheduled (7–30). Defaults to 30, the maximum. */
    deletionWindowInDays?: number;
    tags: Tags;
}

export interface PlatformKey {
    key: aws.kms.Key;
    alias: aws.kms.Alias;
}

/**
 * A customer-managed, symmetric KMS key with yearly rotation and an alias, as every encrypted
 * resource of the platform uses. The key policy keeps administration with the account (IAM decides
 * who may use it) and lets the listed services use it; CloudWatch Logs is limited to this account's
 * log groups through its encryption context.
 *
 * Keys are stateful: whoever deletes a key loses every backup encrypted with it, so callers pass
 * `protect`/`retainOnDelete` in production through `opts`.
 */
export function createPlatformKey(name: string, args: PlatformKeyArgs, opts: pulumi.CustomResourceOptions): PlatformKey {
    if (!opts.parent) {
        throw new Error(`createPlatformKey(${name}): pass the owning component as opts.parent`);
    }
    // Look the region up through the key's own provider: a DR key lives in another region than its parent.
    const ctx = awsContext(opts.parent, opts.provider);
    const services = args.services ?? [];
    const policy = pulumi.all([ctx.accountId, ctx.region, ctx.partition]).apply(([accountId, region, partition]) =>
        JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                {
                    Sid: "AccountAdministration",
                    Effect: "Allow",
                    Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
                    Action: "kms:*",
                    Resource: "*",
                },
                ...services.map((service) => serviceStatement(service, accountId, region, partition)),
                ...(args.topicPublishers?.length ? [topicPublisherStatement(args.topicPublishers)] : []),
            ],
        }),
    );
    const key = new aws.kms.Key(
        name,
        {
            description: args.description,
            enableKeyRotation: true,
            rotationPeriodInDays: 365,
            deletionWindowInDays: args.deletionWindowInDays ?? 30,
            keyUsage: "ENCRYPT_DECRYPT",
            customerMasterKeySpec: "SYMMETRIC_DEFAULT",
            policy,
            tags: args.tags,
        },
        opts,
    );
    const alias = new aws.kms.Alias(
        name,
        { name: pulumi.interpolate`alias/${name}`, targetKeyId: key.keyId },
        // CreateAlias needs the alias and its key in one region: the alias takes the key's provider (a DR key's is not
        // the parent's). Stateful like the key (a lost alias breaks every `alias/...` reference), so it shares its protection.
        { parent: opts.parent, provider: opts.provider, protect: opts.protect, retainOnDelete: opts.retainOnDelete, dependsOn: [key] },
    );
    return { key, alias };
}

function serviceStatement(service: KmsServiceGrant, accountId: string, region: string, partition: string): object {
    const principal = service === "logs" ? `logs.${region}.amazonaws.com` : `${service}.amazonaws.com`;
    const statement: Record<string, unknown> = {
        // Sids are alphanumeric; keep digits so `s3` stays `AllowUseBys3`.
        Sid: `AllowUseBy${service.replace(/[^a-zA-Z0-9]/g, "")}`,
        Effect: "Allow",
        Principal: { Service: principal },
        Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
        Resource: "*",
    };
    if (service === "cloudfront") {
        // CloudFront reads SSE-KMS objects through origin access control: decrypt only, for this account's
        // distributions (the documented AWS:SourceArn condition; a wildcard, as the key precedes the distribution).
        statement.Action = ["kms:Decrypt"];
        statement.Condition = { ArnLike: { "aws:SourceArn": `arn:${partition}:cloudfront::${accountId}:distribution/*` } };
    } else if (service === "logs") {
        statement.Condition = {
            ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:${partition}:logs:${region}:${accountId}:*` },
        };
    } else {
        statement.Condition = { StringEquals: { "aws:SourceAccount": accountId } };
    }
    return statement;
}

/** The key-policy statement that lets services publish to SNS topics encrypted with the key (see topicPublishers). */
export function topicPublisherStatement(principals: readonly string[]): object {
    return {
        Sid: "TopicPublishersEncryptMessages",
        Effect: "Allow",
        Principal: { Service: [...principals] },
        Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
        Resource: "*",
    };
}
