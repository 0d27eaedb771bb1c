import * as assert from "assert";
import { StaticSite, StaticSiteArgs } from "../../components/static-site";
import { installMocks, onlyOne, RecordedResource, settle, TEST_TAGS } from "../support/mocks";

/** The StaticSite component under mocks: private SSE-KMS bucket behind CloudFront with OAC, TLS 1.2+, headers, WAF, logs. */
describe("StaticSite component", () => {
    const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
    const KEY = "arn:aws:kms:us-east-1:123456789012:key/web";
    const args = (extra: Partial<StaticSiteArgs> = {}): StaticSiteArgs => ({
        domainNames: ["lms.example.com"], certificateArn: CERT, kmsKeyArn: KEY, contentSecurityPolicy: "default-src 'self'", frameOptions: "SAMEORIGIN",
        protect: true, tags: TEST_TAGS, ...extra,
    });
    let recorded: RecordedResource[];
    const one = (type: string, name: string) => onlyOne(recorded, type, name);

    before(async () => {
        recorded = installMocks({ stack: "web" });
        new StaticSite("lms-web", args());
        await settle();
    });

    it("serves over HTTPS only with TLS 1.2+ on its own certificate, index.html at the root and SPA routes answered with it", () => {
        const d = one("aws:cloudfront/distribution:Distribution", "lms-web").inputs;
        assert.deepStrictEqual(d.viewerCertificate, { acmCertificateArn: CERT, sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" });
        assert.deepStrictEqual(d.aliases, ["lms.example.com"]);
        assert.strictEqual(d.defaultCacheBehavior.viewerProtocolPolicy, "redirect-to-https");
        assert.strictEqual(d.defaultRootObject, "index.html");
        assert.deepStrictEqual(d.customErrorResponses.map((e: any) => [e.errorCode, e.responseCode, e.responsePagePath]), [[403, 200, "/index.html"], [404, 200, "/index.html"]]);
    });

    it("reads a private, SSE-KMS, versioned bucket through origin access control; only this distribution may read, only over TLS", () => {
        const d = one("aws:cloudfront/distribution:Distribution", "lms-web").inputs;
        assert.ok(d.origins[0].originAccessControlId, "origin access control");
        assert.strictEqual(d.origins[0].s3OriginConfig, undefined, "no legacy OAI");
        const oac = one("aws:cloudfront/originAccessControl:OriginAccessControl", "lms-web-oac").inputs;
        assert.deepStrictEqual([oac.originAccessControlOriginType, oac.signingBehavior, oac.signingProtocol], ["s3", "always", "sigv4"]);
        const sse = one("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "lms-web-content").inputs.rules[0];
        assert.deepStrictEqual(sse.applyServerSideEncryptionByDefault, { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY });
        const block = one("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", "lms-web-content").inputs;
        assert.ok(block.blockPublicAcls && block.blockPublicPolicy && block.ignorePublicAcls && block.restrictPublicBuckets);
        const policy = JSON.parse(one("aws:s3/bucketPolicy:BucketPolicy", "lms-web-content").inputs.policy);
        const read = policy.Statement.find((s: any) => s.Sid === "CloudFrontReadsThroughOac");
        assert.deepStrictEqual([read.Principal, read.Action], [{ Service: "cloudfront.amazonaws.com" }, "s3:GetObject"]);
        assert.ok(read.Condition.StringEquals["AWS:SourceArn"], "scoped to the distribution");
        assert.ok(policy.Statement.some((s: any) => s.Effect === "Deny" && s.Condition?.Bool?.["aws:SecureTransport"] === "false"));
        assert.strictEqual(one("aws:s3/bucket:Bucket", "lms-web-content").options.protect, true);
    });

    it("adds security headers: HSTS, nosniff, frame options, referrer policy and the CSP", () => {
        const h = one("aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy", "lms-web-headers").inputs.securityHeadersConfig;
        assert.deepStrictEqual(h.strictTransportSecurity, { accessControlMaxAgeSec: 63072000, includeSubdomains: true, override: true });
        assert.deepStrictEqual(h.frameOptions, { frameOption: "SAMEORIGIN", override: true });
        assert.deepStrictEqual(h.contentSecurityPolicy, { contentSecurityPolicy: "default-src 'self'", override: true });
        assert.ok(h.contentTypeOptions.override && h.referrerPolicy.referrerPolicy);
        assert.strictEqual(one("aws:cloudfront/distribution:Distribution", "lms-web").inputs.defaultCacheBehavior.responseHeadersPolicyId !== undefined, true);
    });

    it("sits behind a CLOUDFRONT-scope WAF created in us-east-1 and logs requests to a private log bucket", () => {
        const acl = one("aws:wafv2/webAcl:WebAcl", "lms-web-waf");
        assert.strictEqual(acl.inputs.scope, "CLOUDFRONT");
        assert.ok(acl.inputs.rules.some((r: any) => r.statement.rateBasedStatement && r.action.block));
        const provider = recorded.find((r) => r.type === "pulumi:providers:aws" && r.name === "lms-web-us-east-1")!;
        assert.strictEqual(provider.inputs.region, "us-east-1");
        assert.ok(acl.options.provider.includes("lms-web-us-east-1"));
        const d = one("aws:cloudfront/distribution:Distribution", "lms-web");
        assert.ok(d.inputs.webAclId && d.inputs.loggingConfig.bucket !== undefined);
        assert.strictEqual(one("aws:s3/bucketOwnershipControls:BucketOwnershipControls", "lms-web-logs").inputs.rule.objectOwnership, "BucketOwnerPreferred", "legacy standard logging needs ACLs");
        assert.strictEqual(one("aws:s3/bucket:Bucket", "lms-web-logs").inputs.tags.purpose, "log-destination");
    });

    describe("configuration errors register nothing", () => {
        for (const [label, extra, message] of [
            ["a certificate outside us-east-1", { certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc" }, /CloudFront uses ACM certificates from us-east-1 only/],
            ["no host name", { domainNames: [] }, /at least one host name/],
        ] as Array<[string, Partial<StaticSiteArgs>, RegExp]>) {
            it(label, async () => {
                const errors = installMocks({ stack: "web-errors" });
                assert.throws(() => new StaticSite("bad", args(extra)), (e: Error) => e.message.startsWith("StaticSite bad: ") && message.test(e.message));
                await settle();
                assert.deepStrictEqual(errors, []);
            });
        }
    });
});
