import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { awsContext } from "../lib/aws-context";
import { childName } from "../lib/naming";
import { Tags } from "../lib/tags";
import { DEFAULT_TRANSITION_TO_IA_DAYS } from "../lib/defaults";

export interface DataBucketArgs {
    /** Logical name, unique within the component (e.g. `receipts`). */
    name: string;
    /** What the bucket holds; becomes its `purpose` tag. */
    purpose: string;
    /** Days before objects move to STANDARD_IA (MITA guide: 30; S3 minimum is 30). */
    transitionToIaDays?: number;
    /** Days before noncurrent versions expire (default 365). */
    noncurrentVersionExpirationDays?: number;
}

export interface StorageArgs {
    /** Application data buckets: SSE-KMS, versioned, private, TLS-only, access-logged. */
    buckets: DataBucketArgs[];
    /** Customer-managed key of the data buckets. */
    kmsKeyArn: pulumi.Input<string>;
    /** The ALB access-log bucket (SSE-S3, as ELB log delivery requires). */
    albAccessLogs?: { enabled: boolean; expirationDays: number };
    /** Days server access logs are kept. */
    accessLogExpirationDays?: number;
    /** Pulumi `protect` + `retainOnDelete` on the data and log buckets (production). */
    protect: boolean;
    /** Tags for every resource. */
    tags: Tags;
}

/**
 * S3 storage of one application: data buckets encrypted with its customer key (bucket keys on), versioned, with all
 * public access blocked, bucket-owner-enforced ownership, a policy that denies plain HTTP, lifecycle to STANDARD_IA and
 * server access logging; plus the log buckets they need (server access logs, ALB access logs) with SSE-S3, because
 * neither S3 server access logging nor ELB log delivery can write to SSE-KMS buckets.
 */
export class Storage extends pulumi.ComponentResource {
    public readonly bucketNames: Record<string, pulumi.Output<string>>;
    public readonly bucketArns: Record<string, pulumi.Output<string>>;
    public readonly dataBucketArns: pulumi.Output<string>[];
    public readonly accessLogBucketName: pulumi.Output<string>;
    public readonly albLogBucketName: pulumi.Output<string>;
    /**
     * The ALB log bucket's policy. ELB checks it when access logging is turned on ("Access Denied for bucket"), so a
     * load balancer logging here must depend on it, not only on the bucket.
     */
    public readonly albLogBucketPolicy?: aws.s3.BucketPolicy;

    constructor(name: string, args: StorageArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:data:Storage", name, {}, opts);
        const ctx = awsContext(this);

        // Log buckets hold audit evidence: protected like the data in production, so `pulumi destroy` cannot delete them.
        // `purpose: log-destination` is the pack's explicit, auditable marker for the SSE-S3 exemption (never the name).
        const accessLogs = this.bucket(childName(name, "access-logs"), { ...args.tags, purpose: "log-destination" }, args.protect);
        this.baseline(childName(name, "access-logs"), accessLogs, { sse: "AES256", expirationDays: args.accessLogExpirationDays ?? 365 },
            pulumi.all([accessLogs.arn, ctx.accountId]).apply(([arn, accountId]) => [{
                Sid: "AllowS3ServerAccessLogs",
                Effect: "Allow",
                Principal: { Service: "logging.s3.amazonaws.com" },
                Action: "s3:PutObject",
                Resource: `${arn}/*`,
                Condition: { StringEquals: { "aws:SourceAccount": accountId } },
            }]));

        this.bucketNames = {};
        this.bucketArns = {};
        for (const spec of args.buckets) {
            const logical = childName(name, spec.name);
            const bucket = this.bucket(logical, { ...args.tags, purpose: spec.purpose }, args.protect);
            this.baseline(logical, bucket, {
                sse: "aws:kms",
                kmsKeyArn: args.kmsKeyArn,
                transitionToIaDays: spec.transitionToIaDays ?? DEFAULT_TRANSITION_TO_IA_DAYS,
                noncurrentVersionExpirationDays: spec.noncurrentVersionExpirationDays ?? 365,
            });
            new aws.s3.BucketLogging(logical, {
                bucket: bucket.id,
                targetBucket: accessLogs.id,
                targetPrefix: `${spec.name}/`,
            }, { parent: this });
            this.bucketNames[spec.name] = bucket.bucket;
            this.bucketArns[spec.name] = bucket.arn;
        }
        this.dataBucketArns = Object.values(this.bucketArns);

        let albLogBucketName: pulumi.Output<string> = pulumi.output("");
        if (args.albAccessLogs?.enabled) {
            const logical = childName(name, "alb-logs");
            const albLogs = this.bucket(logical, { ...args.tags, purpose: "log-destination" }, args.protect);
            const elbAccount = aws.elb.getServiceAccountOutput({}, { parent: this });
            this.albLogBucketPolicy = this.baseline(logical, albLogs, { sse: "AES256", expirationDays: args.albAccessLogs.expirationDays },
                pulumi.all([albLogs.arn, ctx.accountId, elbAccount.arn]).apply(([arn, accountId, elbArn]) => [
                    {
                        // Regions launched after 2022 deliver as this service principal…
                        Sid: "AllowElbLogDelivery",
                        Effect: "Allow",
                        Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" },
                        Action: "s3:PutObject",
                        Resource: `${arn}/*/AWSLogs/${accountId}/*`,
                    },
                    {
                        // …older regions as the regional ELB account.
                        Sid: "AllowRegionalElbAccount",
                        Effect: "Allow",
                        Principal: { AWS: elbArn },
                        Action: "s3:PutObject",
                        Resource: `${arn}/*/AWSLogs/${accountId}/*`,
                    },
                ]));
            albLogBucketName = albLogs.bucket;
        }
        this.accessLogBucketName = accessLogs.bucket;
        this.albLogBucketName = albLogBucketName;
        this.registerOutputs({
            bucketNames: this.bucketNames,
            bucketArns: this.bucketArns,
            accessLogBucketName: this.accessLogBucketName,
            albLogBucketName: this.albLogBucketName,
        });
    }

    private bucket(logical: string, tags: Tags, protect: boolean): aws.s3.Bucket {
        return new aws.s3.Bucket(logical, { forceDestroy: false, tags }, { parent: this, protect, retainOnDelete: protect });
    }

    /** Encryption, versioning, public-access block, ownership, TLS-only policy and lifecycle for one bucket. */
    private baseline(
        logical: string,
        bucket: aws.s3.Bucket,
        options: { sse: "AES256" | "aws:kms"; kmsKeyArn?: pulumi.Input<string>; transitionToIaDays?: number; noncurrentVersionExpirationDays?: number; expirationDays?: number },
        allowStatements?: pulumi.Output<object[]>,
    ): aws.s3.BucketPolicy {
        const parent = { parent: this };
        new aws.s3.BucketServerSideEncryptionConfiguration(logical, {
            bucket: bucket.id,
            rules: [{
                applyServerSideEncryptionByDefault: { sseAlgorithm: options.sse, kmsMasterKeyId: options.kmsKeyArn },
                bucketKeyEnabled: options.sse === "aws:kms",
            }],
        }, parent);
        new aws.s3.BucketVersioning(logical, { bucket: bucket.id, versioningConfiguration: { status: "Enabled" } }, parent);
        const publicAccessBlock = new aws.s3.BucketPublicAccessBlock(logical, {
            bucket: bucket.id,
            blockPublicAcls: true,
            blockPublicPolicy: true,
            ignorePublicAcls: true,
            restrictPublicBuckets: true,
        }, parent);
        new aws.s3.BucketOwnershipControls(logical, { bucket: bucket.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, parent);
        const policy = new aws.s3.BucketPolicy(logical, {
            bucket: bucket.id,
            policy: pulumi.all([bucket.arn, allowStatements ?? pulumi.output([])]).apply(([arn, allows]) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    ...allows,
                    {
                        Sid: "DenyInsecureTransport",
                        Effect: "Deny",
                        Principal: "*",
                        Action: "s3:*",
                        Resource: [arn, `${arn}/*`],
                        Condition: { Bool: { "aws:SecureTransport": "false" } },
                    },
                    {
                        Sid: "DenyOutdatedTls",
                        Effect: "Deny",
                        Principal: "*",
                        Action: "s3:*",
                        Resource: [arn, `${arn}/*`],
                        Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } },
                    },
                ],
            })),
        }, { parent: this, dependsOn: [publicAccessBlock] });
        const rules: aws.types.input.s3.BucketLifecycleConfigurationRule[] = [{
            id: "abort-incomplete-uploads",
            status: "Enabled",
            filter: {},
            abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
        }];
        if (options.transitionToIaDays) {
            rules.push({
                id: "infrequent-access",
                status: "Enabled",
                filter: {},
                transitions: [{ days: options.transitionToIaDays, storageClass: "STANDARD_IA" }],
                noncurrentVersionTransitions: [{ noncurrentDays: 30, storageClass: "STANDARD_IA" }],
                noncurrentVersionExpiration: options.noncurrentVersionExpirationDays ? { noncurrentDays: options.noncurrentVersionExpirationDays } : undefined,
            });
        }
        if (options.expirationDays) {
            rules.push({
                id: "expire-logs",
                status: "Enabled",
                filter: {},
                expiration: { days: options.expirationDays },
                noncurrentVersionExpiration: { noncurrentDays: 30 },
            });
        }
        new aws.s3.BucketLifecycleConfiguration(logical, { bucket: bucket.id, rules }, parent);
        return policy;
    }
}
