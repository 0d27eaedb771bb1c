/**
 * What CloudFront requires of a static site's settings. Pure, no Pulumi import: stack config and the StaticSite
 * component read the same rules.
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/cnames-and-https-requirements.html
 */

/**
 * CloudFront viewer security policies of TLS 1.2 or later with modern ciphers only (TLSv1.2_2018 and older still
 * offer CBC/SHA-1 suites); TLSv1.2_2025 and TLSv1.3_2025 are the ones AWS recommends now. A custom certificate is
 * needed for any of them (the default certificate allows TLSv1).
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
 */
export function isModernCloudFrontTls(policy: string): boolean {
    return /^TLSv1\.2_(2019|2021|2025)$|^TLSv1\.3_\d{4}$/.test(policy);
}

/** The platform's viewer TLS policy (one of the modern ones). */
export const CLOUDFRONT_MIN_TLS = "TLSv1.2_2021";
/** The managed cache policy CachingOptimized. */
export const CLOUDFRONT_CACHING_OPTIMIZED_POLICY_ID = "658327ea-f89d-4fab-a63d-7e88639e58f6";

/**
 * A host name CloudFront takes as an alias (lower case, as the stack files write them): a wildcard only as the whole
 * first label (`*.example.com`, not `*example.com`).
 */
export const CLOUDFRONT_ALIAS_PATTERN = /^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,}$/;

/** The region of an ARN (`arn:aws:acm:us-east-1:…` → `us-east-1`). */
export function arnRegionOf(arn: string): string | undefined {
    const parts = arn.split(":");
    return parts[0] === "arn" && parts.length >= 6 ? parts[3] || undefined : undefined;
}

/** Why CloudFront would refuse these settings, or an empty list. */
export function staticSiteProblems(args: { domainNames: string[]; certificateArn: string; contentSecurityPolicy?: string }): string[] {
    const problems: string[] = [];
    if (args.domainNames.length === 0) problems.push("domainNames: give at least one host name (CloudFront uses the certificate only for aliases)");
    for (const d of args.domainNames) {
        if (!CLOUDFRONT_ALIAS_PATTERN.test(d)) problems.push(`domainNames: ${JSON.stringify(d)} is not a DNS name`);
    }
    if (!/^arn:aws[a-z-]*:acm:/.test(args.certificateArn)) problems.push("certificateArn must be an ACM certificate ARN");
    else {
        const region = arnRegionOf(args.certificateArn);
        if (region !== "us-east-1") problems.push(`certificateArn ${region ? `is in ${region}` : "names no Region"}; CloudFront uses ACM certificates from us-east-1 only`);
    }
    if (args.contentSecurityPolicy !== undefined && /[\r\n]/.test(args.contentSecurityPolicy)) problems.push("contentSecurityPolicy must be one line");
    return problems;
}
