import { StaticSite } from "aws-platform";
import { exampleKeys, tags } from "../common";

// The site bucket's key must let CloudFront decrypt what it serves through origin access control.
const keys = exampleKeys([{ name: "web", description: "Static site of the example", services: ["cloudfront"] }]);
const site = new StaticSite("example-site", {
    domainNames: ["www.example.com"],
    // CloudFront takes certificates from us-east-1 only.
    certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/00000000-1111-2222-3333-444444444444",
    kmsKeyArn: keys.keyArn("web"),
    contentSecurityPolicy: "default-src 'self'",
    protect: true,
    tags,
});

export const bucketName = site.bucketName;
export const distributionDomainName = site.distributionDomainName;
