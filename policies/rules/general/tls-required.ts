import { ENCRYPTION_IN_TRANSIT } from "../../controls";
import { CheckResult, ResourceRule } from "../../framework";

/**
 * In-transit encryption switches of services without a dedicated rule, judged on effective values (omitted = the
 * provider's default, spellings compared case-insensitively).
 */
const upper = (v: unknown) => String(v ?? "").toUpperCase();
const DMS_DATABASE_ENGINES = new Set(["postgres", "mysql", "aurora", "aurora-postgresql", "aurora-serverless", "aurora-postgresql-serverless", "mariadb", "oracle",
    "sqlserver", "mongodb", "docdb", "redshift", "redshift-serverless", "sybase", "db2", "db2-zos", "babelfish"]);

const CHECKS: Record<string, (p: Record<string, any>) => string | undefined> = {
    // MemoryDB: TLS defaults to on; turning it off is plain text.
    "aws:memorydb/cluster:Cluster": (p) => (p.tlsEnabled === false ? "TLS is off (tlsEnabled false)" : undefined),
    "aws:memorydb/multiRegionCluster:MultiRegionCluster": (p) => (p.tlsEnabled === false ? "TLS is off (tlsEnabled false)" : undefined),
    // RDS Proxy: requireTls defaults to false.
    "aws:rds/proxy:Proxy": (p) => (p.requireTls === true ? undefined : "clients may connect without TLS (requireTls is not true)"),
    // DMS database endpoints: sslMode defaults to none.
    "aws:dms/endpoint:Endpoint": (p) => (DMS_DATABASE_ENGINES.has(String(p.engineName ?? "").toLowerCase()) && ["", "NONE"].includes(upper(p.sslMode)) ? `database endpoint without TLS (sslMode ${p.sslMode ?? "none (default)"})` : undefined),
    // AppSync API cache: transit encryption defaults to off.
    "aws:appsync/apiCache:ApiCache": (p) => (p.transitEncryptionEnabled === true ? undefined : "cache traffic is not encrypted in transit (transitEncryptionEnabled is not true)"),
    // SES receipt rules: tlsPolicy defaults to Optional (mail accepted in plain text).
    "aws:ses/receiptRule:ReceiptRule": (p) => (upper(p.tlsPolicy) === "REQUIRE" ? undefined : `mail is accepted without TLS (tlsPolicy ${p.tlsPolicy ?? "Optional (default)"})`),
    // API Gateway REST integrations: skipping certificate verification defeats TLS to the backend.
    "aws:apigateway/integration:Integration": (p) => (p.tlsConfig?.insecureSkipVerification === true ? "backend TLS certificate is not verified (tlsConfig.insecureSkipVerification)" : undefined),
    // DataSync EFS locations: inTransitEncryption defaults to NONE.
    "aws:datasync/efsLocation:EfsLocation": (p) => (upper(p.inTransitEncryption) === "TLS1_2" ? undefined : `transfers to EFS are not encrypted in transit (inTransitEncryption ${p.inTransitEncryption ?? "NONE (default)"})`),
    // CloudFront multi-tenant distributions: the same viewer rules as distributions.
    "aws:cloudfront/multitenantDistribution:MultitenantDistribution": (p) => {
        const behaviors = [p.defaultCacheBehavior, ...(Array.isArray(p.cacheBehaviors) ? p.cacheBehaviors : [])];
        return behaviors.some((b) => String(b?.viewerProtocolPolicy ?? "allow-all").toLowerCase() === "allow-all") ? "a cache behavior allows plain HTTP (viewerProtocolPolicy allow-all)" : undefined;
    },
};

export const rule: ResourceRule = {
    name: "tls-required",
    displayName: "Traffic encrypted in transit (services without a dedicated rule)",
    description: "MemoryDB, RDS Proxy, DMS database endpoints, AppSync caches, SES receipt rules, API Gateway integrations, DataSync EFS locations and CloudFront multi-tenant distributions require TLS with their effective settings.",
    remediation: "Turn the service's TLS setting on (the message names it): tlsEnabled, requireTls, sslMode require/verify-full, transitEncryptionEnabled, tlsPolicy Require, inTransitEncryption TLS1_2, viewerProtocolPolicy redirect-to-https.",
    severity: "high",
    concern: "tls",
    controls: ENCRYPTION_IN_TRANSIT,
    types: Object.keys(CHECKS),
    check: (props, args): CheckResult => CHECKS[args.type](props),
};
