import * as aws from "../../support/aws";
import { asArray, isSet, resourceRule } from "../../framework";
import { CLOUDFRONT_MIN_TLS, isModernCloudFrontTls } from "../../../lib/rules/static-site";

export const rule = resourceRule({
    name: "cloudfront-distribution-secure",
    displayName: "CloudFront: TLS 1.2+, HTTPS only, WAF and logging",
    description: "CloudFront distributions use a custom certificate with a TLS 1.2+ minimum protocol (the default certificate allows TLSv1), redirect or require HTTPS on every cache behavior, sit behind a WAF web ACL and log requests.",
    remediation: `Set viewerCertificate { acmCertificateArn, sslSupportMethod: sni-only, minimumProtocolVersion: ${CLOUDFRONT_MIN_TLS} or later }, viewerProtocolPolicy redirect-to-https on every behavior, webAclId, and loggingConfig.`,
    severity: "high",
    concern: ["tls", "public-exposure"],
    controls: { "pci-dss-4.0": ["4.2.1", "6.4.2", "10.2.1"], soc2: ["CC6.6", "CC6.7", "CC7.2"], gdpr: ["art-32"] },
    resourceTypes: [aws.cloudfront.Distribution],
    check: (dist) => {
        const problems: string[] = [];
        const cert = dist.viewerCertificate;
        if (cert?.cloudfrontDefaultCertificate === true || !isModernCloudFrontTls(String(cert?.minimumProtocolVersion ?? ""))) {
            problems.push(`minimum TLS protocol is ${cert?.cloudfrontDefaultCertificate ? "TLSv1 (default certificate)" : cert?.minimumProtocolVersion ?? "the default (TLSv1)"}; use ${CLOUDFRONT_MIN_TLS} or later`);
        }
        const behaviors = [dist.defaultCacheBehavior, ...asArray<any>(dist.orderedCacheBehaviors)];
        if (behaviors.some((b) => String(b?.viewerProtocolPolicy ?? "allow-all").toLowerCase() === "allow-all")) problems.push("a cache behavior allows plain HTTP (viewerProtocolPolicy allow-all)");
        if (!isSet(dist, "webAclId")) problems.push("no WAF web ACL (webAclId)");
        if (!isSet(dist, "loggingConfig")) problems.push("request logging is off (no loggingConfig)");
        return problems;
    },
});
