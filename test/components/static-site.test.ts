import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { StaticSite, StaticSiteArgs } from "../../components/static-site";
import { DEFAULT_WAF_RATE_LIMIT_PER_IP } from "../../lib/defaults";
import { installMocks, onlyOne, RecordedResource, settle, TEST_TAGS, valueOf } from "../support/mocks";

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

    // The inputs each child gives AWS, checked field by field against the AWS references (below, per test).
    describe("what it gives AWS", () => {
        const T = {
            bucket: "aws:s3/bucket:Bucket",
            sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            versioning: "aws:s3/bucketVersioning:BucketVersioning",
            block: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
            policy: "aws:s3/bucketPolicy:BucketPolicy",
            provider: "pulumi:providers:aws",
            acl: "aws:wafv2/webAcl:WebAcl",
            oac: "aws:cloudfront/originAccessControl:OriginAccessControl",
            headers: "aws:cloudfront/responseHeadersPolicy:ResponseHeadersPolicy",
            distribution: "aws:cloudfront/distribution:Distribution",
            component: "platform:web:StaticSite",
        };
        const LONG = `shop.${"x".repeat(130)}`;
        let all: RecordedResource[];
        let site: StaticSite;
        /** Outputs registered per URN (ComponentResource.registerOutputs), as the engine receives them. */
        const registered = new Map<string, any>();
        const mine = (prefix: string) => all.filter((r) => r.name === prefix || r.name.startsWith(`${prefix}-`));
        const get = (type: string, name: string) => onlyOne(all, type, name);
        const statements = (name: string) => JSON.parse(get(T.policy, name).inputs.policy).Statement;
        /** An S3 bucket's ARN from its name (arn:aws:s3:::<bucket>), the form bucket policies use for Resource. */
        const s3Arn = (bucketName: string) => `arn:aws:s3:::${bucketName}`;
        /** A child's URN: `<component URN's type path>$<child type>::<child name>`, as the engine builds it. */
        const childUrn = (type: string, name: string) => `${get(T.bucket, "lms-web-content").options.parent.replace(/::lms-web$/, "")}$${type}::${name}`;

        before(async () => {
            all = installMocks({ stack: "web-inputs" });
            const monitor = pulumi.runtime.getMonitor() as any;
            const registerResourceOutputs = monitor.registerResourceOutputs.bind(monitor);
            monitor.registerResourceOutputs = (req: any, callback: any) => {
                const rpc = require("@pulumi/pulumi/runtime/rpc");
                registered.set(req.getUrn(), rpc.deserializeProperties(req.getOutputs()));
                return registerResourceOutputs(req, callback);
            };
            site = new StaticSite("lms-web", args());
            // Every optional input set otherwise (or left to its default), a long dotted name, and not protected.
            new StaticSite(LONG, args({ contentSecurityPolicy: undefined, frameOptions: undefined, rateLimitPerIp: 500, accessLogExpirationDays: 90, priceClass: "PriceClass_All", protect: false }));
            await settle();
        });

        it("declares each child once under its own logical name (renaming one replaces it in the state)", () => {
            const keys = mine("lms-web").map((r) => `${r.type} ${r.name}`).sort();
            assert.deepStrictEqual(keys, [
                `${T.acl} lms-web-waf`,
                `${T.distribution} lms-web`,
                `${T.headers} lms-web-headers`,
                `${T.oac} lms-web-oac`,
                `${T.bucket} lms-web-content`, `${T.bucket} lms-web-logs`,
                `${T.lifecycle} lms-web-logs`,
                `${T.ownership} lms-web-content`, `${T.ownership} lms-web-logs`,
                `${T.block} lms-web-content`, `${T.block} lms-web-logs`,
                `${T.policy} lms-web-content`, `${T.policy} lms-web-logs`,
                `${T.sse} lms-web-content`, `${T.sse} lms-web-logs`,
                `${T.versioning} lms-web-content`, `${T.versioning} lms-web-logs`,
                `${T.component} lms-web`,
                `${T.provider} lms-web-us-east-1`,
            ].sort());
        });

        it("is a platform:web:StaticSite and parents every child to itself; registers its four outputs", async () => {
            const component = get(T.component, "lms-web");
            const urn = await valueOf(site.urn);
            assert.ok(urn.endsWith("::platform:web:StaticSite::lms-web"), urn);
            assert.strictEqual(component.options.parent, "", "a top-level component");
            for (const child of mine("lms-web").filter((r) => r !== component)) {
                assert.strictEqual(child.options.parent, urn, `${child.type} ${child.name} is parented to the component`);
            }
            const [bucketName, distributionId, webAclArn] = await Promise.all([valueOf(site.bucketName), valueOf(site.distributionId), valueOf(site.webAclArn)]);
            // The distribution's domain name is known only once CloudFront creates it (unknown in a mocked preview).
            const { distributionDomainName, ...known } = registered.get(urn);
            assert.deepStrictEqual(known, { bucketName, distributionId, webAclArn });
            assert.ok(pulumi.isUnknown(distributionDomainName), "the distribution's domain name is registered too");
            // The outputs are the content bucket (the deploy pipeline syncs to it), the distribution and its web ACL.
            assert.strictEqual(bucketName, get(T.policy, "lms-web-content").inputs.bucket);
            assert.strictEqual(webAclArn, get(T.distribution, "lms-web").inputs.webAclId);
            assert.ok(webAclArn.startsWith("arn:aws:wafv2:"), webAclArn);
            assert.ok(distributionId.length > 0);
        });

        it("tags every taggable resource (buckets, web ACL, distribution) with the required tags, and marks each bucket's purpose", () => {
            for (const [type, name] of [[T.bucket, "lms-web-content"], [T.bucket, "lms-web-logs"], [T.acl, "lms-web-waf"], [T.distribution, "lms-web"]]) {
                const tags = get(type, name).inputs.tags;
                for (const [k, v] of Object.entries(TEST_TAGS)) assert.strictEqual(tags[k], v, `${type} ${name} tag ${k}`);
            }
            assert.strictEqual(get(T.bucket, "lms-web-content").inputs.tags.purpose, "static site content");
        });

        it("keeps both buckets (no forceDestroy) and protects and retains them only when asked", () => {
            for (const [name, protect] of [["lms-web-content", true], ["lms-web-logs", true], [`${LONG}-content`, false], [`${LONG}-logs`, false]] as Array<[string, boolean]>) {
                const bucket = get(T.bucket, name);
                assert.strictEqual(bucket.inputs.forceDestroy, false, `${name}: deleting a non-empty bucket must fail, not empty it`);
                assert.deepStrictEqual([bucket.options.protect, bucket.options.retainOnDelete], [protect, protect], name);
            }
        });

        it("content bucket: SSE-KMS with the customer key and an S3 Bucket Key, versioned, ACLs disabled, all public access blocked", () => {
            const id = get(T.sse, "lms-web-content").inputs.bucket;
            assert.ok(id.startsWith("lms-web-content"), "configures the content bucket");
            // S3 API: ServerSideEncryptionByDefault SSEAlgorithm aws:kms + KMSMasterKeyID; BucketKeyEnabled cuts KMS requests.
            assert.deepStrictEqual(get(T.sse, "lms-web-content").inputs.rules, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }]);
            assert.deepStrictEqual(get(T.versioning, "lms-web-content").inputs, { bucket: id, versioningConfiguration: { status: "Enabled" } });
            // BucketOwnerEnforced: ACLs disabled, the bucket owner owns every object (AWS's recommended setting).
            assert.deepStrictEqual(get(T.ownership, "lms-web-content").inputs, { bucket: id, rule: { objectOwnership: "BucketOwnerEnforced" } });
            assert.deepStrictEqual(get(T.block, "lms-web-content").inputs, { bucket: id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
        });

        it("log bucket: SSE-S3, versioned, ACLs kept for CloudFront's log delivery, public access blocked, logs expire", () => {
            const id = get(T.sse, "lms-web-logs").inputs.bucket;
            assert.ok(id.startsWith("lms-web-logs"), "configures the log bucket");
            assert.deepStrictEqual(get(T.sse, "lms-web-logs").inputs.rules, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" } }]);
            assert.deepStrictEqual(get(T.versioning, "lms-web-logs").inputs, { bucket: id, versioningConfiguration: { status: "Enabled" } });
            assert.deepStrictEqual(get(T.block, "lms-web-logs").inputs, { bucket: id, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true });
            const lifecycle = (name: string, days: number) => {
                const { bucket, rules } = get(T.lifecycle, name).inputs;
                assert.strictEqual(bucket, get(T.sse, name).inputs.bucket);
                assert.strictEqual(rules.length, 1);
                const [{ id: ruleId, ...rule }] = rules;
                assert.ok(typeof ruleId === "string" && ruleId.length > 0, "a named rule");
                // An empty filter applies the rule to every object; noncurrent versions (versioning is on) go too.
                assert.deepStrictEqual(rule, { status: "Enabled", filter: {}, expiration: { days }, noncurrentVersionExpiration: { noncurrentDays: 30 } });
            };
            lifecycle("lms-web-logs", 365);
            lifecycle(`${LONG}-logs`, 90);
        });

        it("bucket policies: CloudFront's service principal reads objects for this distribution only (OAC), and every non-TLS request is denied", () => {
            const content = get(T.policy, "lms-web-content");
            const logs = get(T.policy, "lms-web-logs");
            for (const policy of [content, logs]) assert.strictEqual(JSON.parse(policy.inputs.policy).Version, "2012-10-17");
            const bucket = content.inputs.bucket;
            // CloudFront Developer Guide, "Restricting access to an Amazon S3 origin" (OAC bucket policy).
            const [read, deny] = statements("lms-web-content");
            const { Condition, ...allow } = read;
            assert.deepStrictEqual(allow, { Sid: "CloudFrontReadsThroughOac", Effect: "Allow", Principal: { Service: "cloudfront.amazonaws.com" }, Action: "s3:GetObject", Resource: `${s3Arn(bucket)}/*` });
            assert.deepStrictEqual(Object.keys(Condition), ["StringEquals"]);
            assert.deepStrictEqual(Object.keys(Condition.StringEquals), ["AWS:SourceArn"]);
            assert.match(Condition.StringEquals["AWS:SourceArn"], /^arn:aws:cloudfront:[^:]*:\d{12}:distribution\/[^/*]+$/);
            // S3 User Guide, "enforce encryption of data in transit": deny aws:SecureTransport false on the bucket and its objects.
            const tlsOnly = (name: string) => ({ Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [s3Arn(name), `${s3Arn(name)}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } });
            assert.deepStrictEqual(deny, tlsOnly(bucket));
            assert.strictEqual(statements("lms-web-content").length, 2);
            // The log bucket grants nothing: CloudFront's log delivery writes through the bucket ACL.
            assert.deepStrictEqual(statements("lms-web-logs"), [tlsOnly(logs.inputs.bucket)]);
            // Each policy waits for its bucket's public access block (concurrent bucket-level writes conflict).
            assert.ok(content.options.dependencies.includes(childUrn(T.block, "lms-web-content")), content.options.dependencies.join());
            assert.ok(logs.options.dependencies.includes(childUrn(T.block, "lms-web-logs")), logs.options.dependencies.join());
        });

        it("origin access control: S3 origin, every request signed with SigV4", () => {
            // CloudFront API, OriginAccessControlConfig: "Specify always for the most common use case".
            const { description, ...oac } = get(T.oac, "lms-web-oac").inputs;
            assert.deepStrictEqual(oac, { originAccessControlOriginType: "s3", signingBehavior: "always", signingProtocol: "sigv4" });
            assert.ok(description.includes("lms-web"), description);
        });

        it("distribution: enabled, IPv6, HTTP/2 and 3, the S3 origin through OAC, read-only methods, compression, the managed CachingOptimized policy", () => {
            const d = get(T.distribution, "lms-web").inputs;
            assert.deepStrictEqual([d.enabled, d.isIpv6Enabled, d.httpVersion], [true, true, "http2and3"]);
            assert.ok(d.comment.includes("lms-web"), d.comment);
            assert.strictEqual(d.origins.length, 1);
            const [origin] = d.origins;
            assert.ok(origin.originId.length > 0, "an origin needs an Id");
            assert.strictEqual(d.defaultCacheBehavior.targetOriginId, origin.originId);
            assert.ok(origin.domainName.startsWith(get(T.sse, "lms-web-content").inputs.bucket) && /\.s3\.[a-z0-9-]+\.amazonaws\.com$/.test(origin.domainName), "the bucket's regional domain name");
            // CloudFront accepts [GET, HEAD], [GET, HEAD, OPTIONS] or all seven; a static site writes nothing.
            assert.deepStrictEqual([...d.defaultCacheBehavior.allowedMethods].sort(), ["GET", "HEAD", "OPTIONS"]);
            assert.deepStrictEqual([...d.defaultCacheBehavior.cachedMethods].sort(), ["GET", "HEAD"]);
            assert.strictEqual(d.defaultCacheBehavior.compress, true);
            // AWS managed cache policy "CachingOptimized".
            assert.strictEqual(d.defaultCacheBehavior.cachePolicyId, "658327ea-f89d-4fab-a63d-7e88639e58f6");
            assert.deepStrictEqual(d.restrictions, { geoRestriction: { restrictionType: "none" } });
            assert.deepStrictEqual(d.customErrorResponses.map((e: any) => e.errorCachingMinTtl), [10, 10]);
            assert.strictEqual(d.priceClass, "PriceClass_100", "default: North America and Europe");
            assert.strictEqual(get(T.distribution, LONG).inputs.priceClass, "PriceClass_All");
        });

        it("distribution: standard logs to the log bucket's domain name under the site's prefix, without cookies, once its ACLs are enabled", () => {
            const d = get(T.distribution, "lms-web");
            const logBucket = get(T.sse, "lms-web-logs").inputs.bucket;
            // CloudFront DistributionConfig Logging: Bucket is "the Amazon S3 bucket ... for example, amzn-s3-demo-bucket.s3.amazonaws.com".
            assert.deepStrictEqual(d.inputs.loggingConfig, { bucket: `${logBucket}.s3.amazonaws.com`, prefix: "lms-web/", includeCookies: false });
            assert.ok(d.options.dependencies.includes(childUrn(T.ownership, "lms-web-logs")), "log delivery needs ACLs enabled before the distribution logs");
        });

        it("security headers: each with override, so the origin cannot weaken them; the frame option defaults to DENY; no CSP unless given", () => {
            // CloudFront API, ResponseHeadersPolicySecurityHeadersConfig (the managed SecurityHeadersPolicy sets the same headers).
            const h = get(T.headers, "lms-web-headers").inputs;
            assert.ok(h.comment.includes("lms-web"), h.comment);
            assert.deepStrictEqual(h.securityHeadersConfig, {
                strictTransportSecurity: { accessControlMaxAgeSec: 63072000, includeSubdomains: true, override: true },
                contentTypeOptions: { override: true },
                frameOptions: { frameOption: "SAMEORIGIN", override: true },
                referrerPolicy: { referrerPolicy: "strict-origin-when-cross-origin", override: true },
                xssProtection: { protection: true, modeBlock: true, override: true },
                contentSecurityPolicy: { contentSecurityPolicy: "default-src 'self'", override: true },
            });
            const defaults = get(T.headers, `${LONG}-headers`).inputs.securityHeadersConfig;
            assert.deepStrictEqual(defaults.frameOptions, { frameOption: "DENY", override: true });
            assert.strictEqual(defaults.contentSecurityPolicy, undefined);
        });

        it("web ACL: allows by default, the AWS managed common and known-bad-inputs rule groups with their own actions, then a per-IP rate limit that blocks", () => {
            const acl = get(T.acl, "lms-web-waf").inputs;
            assert.deepStrictEqual(acl.defaultAction, { allow: {} });
            assert.ok(acl.description.includes("lms-web"), acl.description);
            const rules = acl.rules;
            assert.strictEqual(rules.length, 3);
            // WAF: rule names 1-128 characters and unique; priorities unique, non-negative, evaluated lowest first.
            assert.strictEqual(new Set(rules.map((r: any) => r.name)).size, 3);
            assert.ok(rules.every((r: any) => r.name.length > 0));
            const priorities = rules.map((r: any) => r.priority);
            assert.strictEqual(new Set(priorities).size, 3, `unique priorities ${priorities}`);
            assert.ok(priorities.every((p: number) => Number.isInteger(p) && p >= 0), `${priorities}`);
            const groups = rules.filter((r: any) => r.statement.managedRuleGroupStatement);
            // Rule group references take overrideAction (none: keep the group's own actions), never action.
            assert.deepStrictEqual(groups.map((r: any) => [r.statement.managedRuleGroupStatement, r.overrideAction, r.action]), [
                [{ vendorName: "AWS", name: "AWSManagedRulesCommonRuleSet" }, { none: {} }, undefined],
                [{ vendorName: "AWS", name: "AWSManagedRulesKnownBadInputsRuleSet" }, { none: {} }, undefined],
            ]);
            const rate = (name: string) => get(T.acl, name).inputs.rules.find((r: any) => r.statement.rateBasedStatement);
            assert.deepStrictEqual([rate("lms-web-waf").statement.rateBasedStatement, rate("lms-web-waf").action], [{ limit: DEFAULT_WAF_RATE_LIMIT_PER_IP, aggregateKeyType: "IP" }, { block: {} }]);
            assert.deepStrictEqual(rate(`${LONG}-waf`).statement.rateBasedStatement, { limit: 500, aggregateKeyType: "IP" });
            assert.ok(Math.max(...groups.map((r: any) => r.priority)) < rate("lms-web-waf").priority, "the managed groups first");
        });

        it("web ACL: CloudWatch metrics and sampled requests on the ACL and each rule, under valid, distinct names that say which site and rule", () => {
            // WAF VisibilityConfig MetricName: 1-128 characters of [\w#:.\-/]; AWS suggests no whitespace.
            for (const name of ["lms-web-waf", `${LONG}-waf`]) {
                const acl = get(T.acl, name).inputs;
                const configs = [acl.visibilityConfig, ...acl.rules.map((r: any) => r.visibilityConfig)];
                for (const c of configs) {
                    assert.strictEqual(c.cloudwatchMetricsEnabled, true);
                    assert.strictEqual(c.sampledRequestsEnabled, true);
                    assert.match(c.metricName, /^[\w#:.\-/]{1,128}$/);
                }
            }
            const acl = get(T.acl, "lms-web-waf").inputs;
            const metricNames = [acl.visibilityConfig, ...acl.rules.map((r: any) => r.visibilityConfig)].map((c) => c.metricName);
            assert.strictEqual(new Set(metricNames).size, metricNames.length, `distinct metric names ${metricNames}`);
            // `<site>-<part>`: no part left empty (a name ending in the separator says nothing about what it measures).
            for (const m of metricNames) assert.ok(!m.endsWith("-"), m);
            assert.ok(acl.visibilityConfig.metricName.startsWith("lms-web"), acl.visibilityConfig.metricName);
            for (const r of acl.rules) assert.ok(r.visibilityConfig.metricName.startsWith("lms-web"), r.visibilityConfig.metricName);
            for (const r of acl.rules.filter((r: any) => r.statement.managedRuleGroupStatement)) assert.ok(r.visibilityConfig.metricName.includes(r.name), r.visibilityConfig.metricName);
            // A long site name is cut to the limit, still naming its site, and the rules' metrics stay apart.
            const long = get(T.acl, `${LONG}-waf`).inputs;
            assert.ok(long.visibilityConfig.metricName.startsWith("shop-xxxx"));
            const longNames = [long.visibilityConfig, ...long.rules.map((r: any) => r.visibilityConfig)].map((c) => c.metricName);
            assert.strictEqual(new Set(longNames).size, longNames.length, `distinct metric names ${longNames}`);
            for (const m of longNames) assert.strictEqual(m.length <= 128, true, m);
        });
    });

    describe("configuration errors register nothing", () => {
        for (const [label, extra, message] of [
            ["a certificate outside us-east-1", { certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc" }, /CloudFront uses ACM certificates from us-east-1 only/],
            ["no host name", { domainNames: [] }, /at least one host name/],
            // Every problem at once, each readable on its own: "; " between them.
            ["no host name and a certificate outside us-east-1", { domainNames: [], certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc" },
                /host name \([^)]*\); certificateArn is in eu-west-1; CloudFront uses ACM certificates from us-east-1 only$/],
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
