import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../lib/naming";
import { CLOUDFRONT_CACHING_OPTIMIZED_POLICY_ID, CLOUDFRONT_MIN_TLS, staticSiteProblems } from "../lib/rules/static-site";
import { wafMetricName } from "../lib/rules/waf";
import { Tags } from "../lib/tags";
import { DEFAULT_FRAME_OPTIONS, DEFAULT_WAF_RATE_LIMIT_PER_IP } from "../lib/defaults";

export interface StaticSiteArgs {
    /** Host names the site answers on (CloudFront aliases), e.g. `lms.company.com`. */
    domainNames: string[];
    /** ACM certificate for `domainNames`, in us-east-1 (CloudFront only uses certificates from there). */
    certificateArn: string;
    /** Customer-managed key of the site bucket; its policy must let CloudFront decrypt (KmsServiceGrant "cloudfront"). */
    kmsKeyArn: pulumi.Input<string>;
    /** Content-Security-Policy of every response (the application's guide's). */
    contentSecurityPolicy?: string;
    /** X-Frame-Options of every response. */
    frameOptions?: "DENY" | "SAMEORIGIN";
    /** Requests per IP per 5 minutes before the CloudFront WAF blocks the IP. */
    rateLimitPerIp?: number;
    /** Days the CloudFront access logs are kept. */
    accessLogExpirationDays?: number;
    /** CloudFront price class (default PriceClass_100: North America and Europe). */
    priceClass?: string;
    /** Pulumi `protect` + `retainOnDelete` on the buckets (production). */
    protect: boolean;
    tags: Tags;
}

/**
 * A single-page application (the LMS React build) served by CloudFront from a private S3 bucket: SSE-KMS, versioned,
 * public access blocked, readable only by this distribution through origin access control (SigV4); viewers on HTTPS
 * only with TLS 1.2+ (TLSv1.2_2021, a custom certificate: the default one allows TLSv1); a response-headers policy with
 * HSTS, nosniff, frame options, referrer policy and the CSP; a CLOUDFRONT-scope WAF web ACL (created in us-east-1, as
 * WAF requires) with the AWS managed rules and a per-IP rate limit; standard access logs; `index.html` as default
 * root object and the SPA's routes answered with it (S3 behind OAC answers 403 for a missing key).
 * The deploy pipeline uploads the build (`aws s3 sync dist/ s3://<bucket>` then an invalidation); nothing is uploaded here.
 */
export class StaticSite extends pulumi.ComponentResource {
    public readonly bucketName: pulumi.Output<string>;
    public readonly distributionId: pulumi.Output<string>;
    public readonly distributionDomainName: pulumi.Output<string>;
    public readonly webAclArn: pulumi.Output<string>;

    constructor(name: string, args: StaticSiteArgs, opts?: pulumi.ComponentResourceOptions) {
        const problems = staticSiteProblems(args);
        if (problems.length > 0) {
            throw new Error(`StaticSite ${name}: ${problems.join("; ")}`);
        }
        super("platform:web:StaticSite", name, {}, opts);
        const parent = { parent: this };
        const stateful = { parent: this, protect: args.protect, retainOnDelete: args.protect };

        // Site content: SSE-KMS with the customer key, versioned, private.
        const site = new aws.s3.Bucket(childName(name, "content"), { forceDestroy: false, tags: { ...args.tags, purpose: "static site content" } }, stateful);
        new aws.s3.BucketServerSideEncryptionConfiguration(childName(name, "content"), {
            bucket: site.id,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: args.kmsKeyArn }, bucketKeyEnabled: true }],
        }, parent);
        new aws.s3.BucketVersioning(childName(name, "content"), { bucket: site.id, versioningConfiguration: { status: "Enabled" } }, parent);
        const siteBlock = this.blockPublicAccess(childName(name, "content"), site);
        new aws.s3.BucketOwnershipControls(childName(name, "content"), { bucket: site.id, rule: { objectOwnership: "BucketOwnerEnforced" } }, parent);

        // CloudFront standard logs: SSE-S3 (CloudFront log delivery cannot use SSE-KMS without a key grant) and ACLs
        // enabled for the awslogsdelivery account, which legacy standard logging requires; public access stays blocked.
        const logs = new aws.s3.Bucket(childName(name, "logs"), { forceDestroy: false, tags: { ...args.tags, purpose: "log-destination" } }, stateful);
        new aws.s3.BucketServerSideEncryptionConfiguration(childName(name, "logs"), {
            bucket: logs.id,
            rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }],
        }, parent);
        new aws.s3.BucketVersioning(childName(name, "logs"), { bucket: logs.id, versioningConfiguration: { status: "Enabled" } }, parent);
        const logsBlock = this.blockPublicAccess(childName(name, "logs"), logs);
        const logsOwnership = new aws.s3.BucketOwnershipControls(childName(name, "logs"), { bucket: logs.id, rule: { objectOwnership: "BucketOwnerPreferred" } }, parent);
        new aws.s3.BucketLifecycleConfiguration(childName(name, "logs"), {
            bucket: logs.id,
            rules: [{ id: "expire-logs", status: "Enabled", filter: {}, expiration: { days: args.accessLogExpirationDays ?? 365 }, noncurrentVersionExpiration: { noncurrentDays: 30 } }],
        }, parent);
        this.tlsOnlyPolicy(childName(name, "logs"), logs, pulumi.output([]), [logsBlock]);

        // WAF for CloudFront lives in us-east-1, whatever the stack's region.
        const usEast1 = new aws.Provider(childName(name, "us-east-1"), { region: "us-east-1" }, parent);
        const metric = (suffix: string) => ({ cloudwatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName: wafMetricName(name, suffix) });
        const groups = ["AWSManagedRulesCommonRuleSet", "AWSManagedRulesKnownBadInputsRuleSet"];
        const webAcl = new aws.wafv2.WebAcl(childName(name, "waf"), {
            scope: "CLOUDFRONT",
            description: `CDN protection for ${name}`,
            defaultAction: { allow: {} },
            rules: [
                ...groups.map((group, i) => ({ name: group, priority: i + 1, overrideAction: { none: {} }, statement: { managedRuleGroupStatement: { vendorName: "AWS", name: group } }, visibilityConfig: metric(group) })),
                { name: "rate-limit-per-ip", priority: groups.length + 1, action: { block: {} }, statement: { rateBasedStatement: { limit: args.rateLimitPerIp ?? DEFAULT_WAF_RATE_LIMIT_PER_IP, aggregateKeyType: "IP" } }, visibilityConfig: metric("rate-limit") },
            ],
            visibilityConfig: metric("web-acl"),
            tags: args.tags,
        }, { parent: this, provider: usEast1 });

        const oac = new aws.cloudfront.OriginAccessControl(childName(name, "oac"), {
            description: `${name}: CloudFront reads the site bucket with SigV4`,
            originAccessControlOriginType: "s3",
            signingBehavior: "always",
            signingProtocol: "sigv4",
        }, parent);
        const headers = new aws.cloudfront.ResponseHeadersPolicy(childName(name, "headers"), {
            comment: `Security headers of ${name}`,
            securityHeadersConfig: {
                strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: true, override: true },
                contentTypeOptions: { override: true },
                frameOptions: { frameOption: args.frameOptions ?? DEFAULT_FRAME_OPTIONS, override: true },
                referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
                xssProtection: { protection: true, modeBlock: true, override: true },
                ...(args.contentSecurityPolicy ? { contentSecurityPolicy: { contentSecurityPolicy: args.contentSecurityPolicy, override: true } } : {}),
            },
        }, parent);

        const originId = "site-bucket";
        const distribution = new aws.cloudfront.Distribution(name, {
            enabled: true,
            comment: `${name} single-page application`,
            aliases: args.domainNames,
            isIpv6Enabled: true,
            httpVersion: "http2and3",
            priceClass: args.priceClass ?? "PriceClass_100",
            defaultRootObject: "index.html",
            origins: [{ originId, domainName: site.bucketRegionalDomainName, originAccessControlId: oac.id }],
            defaultCacheBehavior: {
                targetOriginId: originId,
                viewerProtocolPolicy: "redirect-to-https",
                allowedMethods: ["GET", "HEAD", "OPTIONS"],
                cachedMethods: ["GET", "HEAD"],
                compress: true,
                cachePolicyId: CLOUDFRONT_CACHING_OPTIMIZED_POLICY_ID,
                responseHeadersPolicyId: headers.id,
            },
            // Client-side routes (/requests/42) are not objects: answer them with the app shell.
            customErrorResponses: [403, 404].map((errorCode) => ({ errorCode, responseCode: 200, responsePagePath: "/index.html", errorCachingMinTtl: 10 })),
            restrictions: { geoRestriction: { restrictionType: "none" } },
            viewerCertificate: { acmCertificateArn: args.certificateArn, sslSupportMethod: "sni-only", minimumProtocolVersion: CLOUDFRONT_MIN_TLS },
            webAclId: webAcl.arn,
            loggingConfig: { bucket: logs.bucketDomainName, prefix: `${name}/`, includeCookies: false },
            tags: args.tags,
        }, { parent: this, dependsOn: [logsOwnership] });

        // Only this distribution may read the content, and only over TLS.
        this.tlsOnlyPolicy(childName(name, "content"), site, pulumi.all([site.arn, distribution.arn]).apply(([arn, distributionArn]) => [{
            Sid: "CloudFrontReadsThroughOac",
            Effect: "Allow",
            Principal: { Service: "cloudfront.amazonaws.com" },
            Action: "s3:GetObject",
            Resource: `${arn}/*`,
            Condition: { StringEquals: { "AWS:SourceArn": distributionArn } },
        }]), [siteBlock]);

        this.bucketName = site.bucket;
        this.distributionId = distribution.id;
        this.distributionDomainName = distribution.domainName;
        this.webAclArn = webAcl.arn;
        this.registerOutputs({ bucketName: this.bucketName, distributionId: this.distributionId, distributionDomainName: this.distributionDomainName, webAclArn: this.webAclArn });
    }

    private blockPublicAccess(logical: string, bucket: aws.s3.Bucket): aws.s3.BucketPublicAccessBlock {
        return new aws.s3.BucketPublicAccessBlock(logical, {
            bucket: bucket.id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true,
        }, { parent: this });
    }

    private tlsOnlyPolicy(logical: string, bucket: aws.s3.Bucket, allows: pulumi.Output<object[]>, dependsOn: pulumi.Resource[]): void {
        new aws.s3.BucketPolicy(logical, {
            bucket: bucket.id,
            policy: pulumi.all([bucket.arn, allows]).apply(([arn, allow]) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [
                    ...allow,
                    { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [arn, `${arn}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
                ],
            })),
        }, { parent: this, dependsOn });
    }
}
