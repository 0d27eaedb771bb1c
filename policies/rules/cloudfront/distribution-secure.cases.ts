import type { Case, ResourceCase, RuleCases } from "../../cases";

/** Cases of cloudfront-distribution-secure (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<ResourceCase> = {}): Case => ({ title, resource: { type, props, ...extra } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });

export const cases: RuleCases = {
    compliant: [res("TLS 1.2, HTTPS, WAF, logs", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { acmCertificateArn: "arn:acm", minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" }, defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, webAclId: UNKNOWN, loggingConfig: { bucket: "b" } })],
    violating: [res("default certificate", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { cloudfrontDefaultCertificate: true }, defaultCacheBehavior: { viewerProtocolPolicy: "https-only" }, webAclId: "w", loggingConfig: { bucket: "b" } }),
        res("allow-all behavior", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { minimumProtocolVersion: "TLSv1.2_2021" }, defaultCacheBehavior: { viewerProtocolPolicy: "redirect-to-https" }, orderedCacheBehaviors: [{ viewerProtocolPolicy: "allow-all" }], webAclId: "w", loggingConfig: { bucket: "b" } }),
        res("no WAF, no logging", "aws:cloudfront/distribution:Distribution", { viewerCertificate: { minimumProtocolVersion: "TLSv1.2_2021" }, defaultCacheBehavior: { viewerProtocolPolicy: "https-only" } })],
    unknown: [unk("certificate unknown", "not-judged", res("", "aws:cloudfront/distribution:Distribution", { viewerCertificate: UNKNOWN }))],
    messages: {
        "default certificate": ["minimum TLS protocol is TLSv1 (default certificate); use TLSv1.2_2021"],
        "allow-all behavior": ["a cache behavior allows plain HTTP (viewerProtocolPolicy allow-all)"],
        "no WAF, no logging": ["no WAF web ACL (webAclId)", "request logging is off (no loggingConfig)"],
        "certificate unknown": ["not judged: viewerCertificate unknown during preview"],
    },
};
