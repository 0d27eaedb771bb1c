import * as assert from "assert";
import { arnRegionOf, CLOUDFRONT_CACHING_OPTIMIZED_POLICY_ID, CLOUDFRONT_MIN_TLS, isModernCloudFrontTls, staticSiteProblems } from "../../lib/rules/static-site";

const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/0d3c7a6e-1111-2222-3333-444455556666";
const ok = { domainNames: ["www.example.com"], certificateArn: CERT };

describe("lib/rules/static-site", () => {
    it("uses CloudFront's TLS 1.2 (2021) viewer policy and the managed CachingOptimized policy's documented ID", () => {
        // CloudFront developer guide, "Use managed cache policies": CachingOptimized.
        assert.strictEqual(CLOUDFRONT_CACHING_OPTIMIZED_POLICY_ID, "658327ea-f89d-4fab-a63d-7e88639e58f6");
        // ViewerCertificate.MinimumProtocolVersion values: …, TLSv1.2_2019, TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025.
        assert.strictEqual(CLOUDFRONT_MIN_TLS, "TLSv1.2_2021");
    });

    describe("arnRegionOf", () => {
        it("reads the fourth field of arn:partition:service:region:account:resource", () => {
            assert.strictEqual(arnRegionOf(CERT), "us-east-1");
            assert.strictEqual(arnRegionOf("arn:aws:acm:eu-west-1:123456789012:certificate/abc"), "eu-west-1");
            assert.strictEqual(arnRegionOf("arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/abc"), "us-gov-west-1");
            // Exactly six fields is enough; a resource with colons of its own adds more.
            assert.strictEqual(arnRegionOf("arn:aws:logs:ap-south-1:123456789012:log-group:/app:*"), "ap-south-1");
        });

        it("is undefined for a global resource (empty region field) and for text that is not an ARN", () => {
            assert.strictEqual(arnRegionOf("arn:aws:s3:::my-bucket"), undefined);
            assert.strictEqual(arnRegionOf("arn:aws:iam::123456789012:server-certificate/site"), undefined);
            assert.strictEqual(arnRegionOf("arn:aws:acm:us-east-1:123456789012"), undefined, "five fields: no resource");
            assert.strictEqual(arnRegionOf("arn:aws:acm:us-east-1"), undefined);
            assert.strictEqual(arnRegionOf("xarn:aws:acm:us-east-1:123456789012:certificate/abc"), undefined);
            assert.strictEqual(arnRegionOf("ARN:aws:acm:us-east-1:123456789012:certificate/abc"), undefined);
            assert.strictEqual(arnRegionOf("us-east-1"), undefined);
            assert.strictEqual(arnRegionOf(""), undefined);
        });
    });

    describe("staticSiteProblems", () => {
        it("passes one or more DNS names with an ACM certificate from us-east-1 and a one-line CSP", () => {
            assert.deepStrictEqual(staticSiteProblems(ok), []);
            assert.deepStrictEqual(staticSiteProblems({
                domainNames: ["example.com", "www.example.co.uk", "a.io", "static-1.cdn.example.org", "xn--bcher-kva.example", "*.example.com"],
                certificateArn: CERT,
                contentSecurityPolicy: "default-src 'self'; img-src 'self' data:",
            }), []);
            assert.deepStrictEqual(staticSiteProblems({ ...ok, contentSecurityPolicy: "" }), []);
            assert.deepStrictEqual(staticSiteProblems({ ...ok, contentSecurityPolicy: undefined }), []);
        });

        it("asks for a host name when there is none (CloudFront serves the certificate only for aliases)", () => {
            assert.deepStrictEqual(staticSiteProblems({ ...ok, domainNames: [] }), [
                "domainNames: give at least one host name (CloudFront uses the certificate only for aliases)",
            ]);
        });

        it("names each domain that is not a lower-case DNS name with a top-level domain of two letters or more", () => {
            const bad = ["example", "example.c", "example.com.", ".example.com", "ex_ample.com", "exa mple.com", "Example.com", "example.com1",
                " example.com", "example.com ", "https://example.com", "example..com", "example.com/path", "", "*example.com", "www.*.example.com", "*.*.example.com", "*"];
            assert.deepStrictEqual(staticSiteProblems({ ...ok, domainNames: bad }), bad.map((d) => `domainNames: ${JSON.stringify(d)} is not a DNS name`));
            // One bad name among good ones: only it is named.
            assert.deepStrictEqual(staticSiteProblems({ ...ok, domainNames: ["example.com", "bad_name.com", "www.example.com"] }), [
                'domainNames: "bad_name.com" is not a DNS name',
            ]);
        });

        it("refuses a certificate that is not from ACM", () => {
            for (const certificateArn of [
                "arn:aws:iam::123456789012:server-certificate/site",
                "xarn:aws:acm:us-east-1:123456789012:certificate/abc",
                "arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/abc",
                "arn:AWS:acm:us-east-1:123456789012:certificate/abc",
                "0d3c7a6e-1111-2222-3333-444455556666",
                "",
            ]) {
                assert.deepStrictEqual(staticSiteProblems({ ...ok, certificateArn }), ["certificateArn must be an ACM certificate ARN"], certificateArn);
            }
        });

        it("refuses an ACM certificate from any Region but us-east-1, naming the Region", () => {
            assert.deepStrictEqual(staticSiteProblems({ ...ok, certificateArn: "arn:aws:acm:eu-west-1:123456789012:certificate/abc" }), [
                "certificateArn is in eu-west-1; CloudFront uses ACM certificates from us-east-1 only",
            ]);
            // Other partitions are ACM too (the partition may contain letters and dashes), and never us-east-1.
            assert.deepStrictEqual(staticSiteProblems({ ...ok, certificateArn: "arn:aws-us-gov:acm:us-gov-west-1:123456789012:certificate/abc" }), [
                "certificateArn is in us-gov-west-1; CloudFront uses ACM certificates from us-east-1 only",
            ]);
            assert.deepStrictEqual(staticSiteProblems({ ...ok, certificateArn: "arn:aws-cn:acm:cn-north-1:123456789012:certificate/abc" }), [
                "certificateArn is in cn-north-1; CloudFront uses ACM certificates from us-east-1 only",
            ]);
            assert.deepStrictEqual(staticSiteProblems({ ...ok, certificateArn: "arn:aws:acm::123456789012:certificate/abc" }), [
                "certificateArn names no Region; CloudFront uses ACM certificates from us-east-1 only",
            ]);
        });

        it("refuses a Content-Security-Policy with a line break (a header value is one line)", () => {
            for (const csp of ["default-src 'self';\nimg-src *", "default-src 'self';\r\nimg-src *", "default-src 'self';\rimg-src *", "\n"]) {
                assert.deepStrictEqual(staticSiteProblems({ ...ok, contentSecurityPolicy: csp }), ["contentSecurityPolicy must be one line"], JSON.stringify(csp));
            }
        });

        it("reports every problem at once, in the order of the arguments", () => {
            assert.deepStrictEqual(staticSiteProblems({ domainNames: ["Bad"], certificateArn: "arn:aws:acm:eu-west-2:1:certificate/x", contentSecurityPolicy: "a\nb" }), [
                'domainNames: "Bad" is not a DNS name',
                "certificateArn is in eu-west-2; CloudFront uses ACM certificates from us-east-1 only",
                "contentSecurityPolicy must be one line",
            ]);
            assert.deepStrictEqual(staticSiteProblems({ domainNames: [], certificateArn: "nope" }), [
                "domainNames: give at least one host name (CloudFront uses the certificate only for aliases)",
                "certificateArn must be an ACM certificate ARN",
            ]);
        });
    });
    it("CloudFront security policies: TLS 1.2 with modern ciphers (2019, 2021, 2025) or TLS 1.3; the platform's default among them", () => {
        for (const policy of ["TLSv1.2_2019", "TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"]) assert.strictEqual(isModernCloudFrontTls(policy), true, policy);
        for (const policy of ["SSLv3", "TLSv1", "TLSv1_2016", "TLSv1.1_2016", "TLSv1.2_2018", "TLSv1.2_2021x", "xTLSv1.2_2021", "TLSv1.3", ""]) {
            assert.strictEqual(isModernCloudFrontTls(policy), false, policy);
        }
        assert.ok(isModernCloudFrontTls(CLOUDFRONT_MIN_TLS));
    });
});
