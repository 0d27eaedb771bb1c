import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of cloudfront-distribution-secure (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [
        res("TLSv1.2_2025 (AWS-recommended)", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/c", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2025" }, defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, webAclId: "arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1", loggingConfig: { bucket: "logs.s3.amazonaws.com" } }),
        res("TLSv1.3_2025", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/c", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.3_2025" }, defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, webAclId: "arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1", loggingConfig: { bucket: "logs.s3.amazonaws.com" } }),
        res("TLSv1.2_2019 with ordered behaviors on HTTPS", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/c", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2019" }, defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, orderedCacheBehaviors: [{ pathPattern: "/api/*", viewerProtocolPolicy: "redirect-to-https" }], webAclId: "arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1", loggingConfig: { bucket: "logs.s3.amazonaws.com" } }),
        res("TLS 1.2, HTTPS, WAF, logs", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { acmCertificateArn: "arn:acm", minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" }, defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, webAclId: UNKNOWN, loggingConfig: { bucket: "b" } })],
    violating: [
        res("custom certificate without minimumProtocolVersion", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/c", sslSupportMethod: "sni-only" }, defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, webAclId: "arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1", loggingConfig: { bucket: "logs.s3.amazonaws.com" } }),
        res("TLSv1.2_2018 (older ciphers)", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/c", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2018" }, defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, webAclId: "arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1", loggingConfig: { bucket: "logs.s3.amazonaws.com" } }),
        res("default certificate with a TLS 1.2 policy (CloudFront forces TLSv1)", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { cloudfrontDefaultCertificate: true, minimumProtocolVersion: "TLSv1.2_2021" }, defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, webAclId: "arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1", loggingConfig: { bucket: "logs.s3.amazonaws.com" } }),
        res("allow-all on the default behavior", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/c", sslSupportMethod: "sni-only", minimumProtocolVersion: "TLSv1.2_2021" }, defaultCacheBehavior: { viewerProtocolPolicy: "allow-all" }, webAclId: "arn:aws:wafv2:us-east-1:111122223333:global/webacl/w/1", loggingConfig: { bucket: "logs.s3.amazonaws.com" } }),
        res("default certificate", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { cloudfrontDefaultCertificate: true }, defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, webAclId: "w", loggingConfig: { bucket: "b" } }),
        res("allow-all behavior", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { minimumProtocolVersion: "TLSv1.2_2021" }, defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, orderedCacheBehaviors: [{ viewerProtocolPolicy: "allow-all" }], webAclId: "w", loggingConfig: { bucket: "b" } }),
        res("no WAF, no logging", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { minimumProtocolVersion: "TLSv1.2_2021" }, defaultCacheBehavior: { viewerProtocolPolicy: "https-only" } })],
    unknown: [unk("certificate unknown", "not-judged", res("", "aws:cloudfront/distribution:Distribution", { viewerCertificate: UNKNOWN }))],
    messages: {
        "custom certificate without minimumProtocolVersion": ["minimum TLS protocol is the default (TLSv1); use TLSv1.2_2021 or later"],
        "TLSv1.2_2018 (older ciphers)": ["minimum TLS protocol is TLSv1.2_2018; use TLSv1.2_2021 or later"],
        "default certificate with a TLS 1.2 policy (CloudFront forces TLSv1)": ["minimum TLS protocol is TLSv1 (default certificate); use TLSv1.2_2021 or later"],
        "allow-all on the default behavior": ["a cache behavior allows plain HTTP (viewerProtocolPolicy allow-all)"],
        "default certificate": ["minimum TLS protocol is TLSv1 (default certificate); use TLSv1.2_2021 or later"],
        "allow-all behavior": ["a cache behavior allows plain HTTP (viewerProtocolPolicy allow-all)"],
        "no WAF, no logging": ["no WAF web ACL (webAclId)", "request logging is off (no loggingConfig)"],
        "certificate unknown": ["not judged: viewerCertificate unknown during preview"],
    },
};
