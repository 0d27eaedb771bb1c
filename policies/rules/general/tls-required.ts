import { ENCRYPTION_IN_TRANSIT } from "../../controls";
import { CheckResult, isSet, ResourceRule } from "../../framework";

/**
 * In-transit encryption switches of services without a dedicated rule, judged on effective values (omitted = the
 * provider's default, spellings compared case-insensitively).
 */
const upper = (v: unknown) => String(v ?? "").toUpperCase();
const DMS_DATABASE_ENGINES = new Set(["postgres", "mysql", "aurora", "aurora-postgresql", "aurora-serverless", "aurora-postgresql-serverless", "mariadb", "oracle",
    "sqlserver", "azuredb", "azure-sql-managed-instance", "mongodb", "docdb", "redshift", "redshift-serverless", "sybase", "db2", "db2-zos", "babelfish"]);
/** DMS Kafka security protocols that use TLS (`plaintext`, and an omitted protocol, do not). */
const DMS_KAFKA_TLS = new Set(["SSL-ENCRYPTION", "SSL-AUTHENTICATION", "SASL-SSL"]);

/** Why a DMS endpoint talks to its data store in plain text, or undefined (S3, DynamoDB, Kinesis, Neptune: AWS APIs over HTTPS). */
function dmsEndpoint(p: Record<string, any>): string | undefined {
    const engine = lower(p.engineName);
    if (DMS_DATABASE_ENGINES.has(engine)) return ["", "NONE"].includes(upper(p.sslMode)) ? `database endpoint without TLS (sslMode ${p.sslMode ?? "none (default)"})` : undefined;
    if (engine === "kafka") {
        const protocol = p.kafkaSettings?.securityProtocol;
        return DMS_KAFKA_TLS.has(upper(protocol)) ? undefined : `Kafka endpoint without TLS (kafkaSettings.securityProtocol ${protocol ?? "omitted: plain text unless set"}): use ssl-encryption, ssl-authentication or sasl-ssl`;
    }
    if (engine === "redis") return lower(p.redisSettings?.sslSecurityProtocol) === "plaintext" ? "Redis endpoint without TLS (redisSettings.sslSecurityProtocol plaintext; the default is ssl-encryption)" : undefined;
    if (engine === "elasticsearch" || engine === "opensearch") return /^http:\/\//i.test(String(p.elasticsearchSettings?.endpointUri ?? "")) ? "OpenSearch endpoint reached over plain HTTP (elasticsearchSettings.endpointUri http://)" : undefined;
    return undefined;
}

/**
 * AWS IoT Core domain-configuration security policies (AWS IoT developer guide, "Transport security", security policies
 * table): the 2022-10 policies are current; the TLS12_1_0 2015/2016 ones are the legacy policies (marked so in the
 * table, kept for old endpoints and regions, no TLS 1.3). The default is IoTSecurityPolicy_TLS13_1_2_2022_10. A policy
 * not in the table is judged as unknown to the pack.
 */
const IOT_TLS_POLICIES: Record<string, "current" | "legacy"> = {
    IoTSecurityPolicy_TLS13_1_3_2022_10: "current",
    IoTSecurityPolicy_TLS13_1_2_2022_10: "current",
    IoTSecurityPolicy_TLS12_1_2_2022_10: "current",
    IoTSecurityPolicy_TLS12_1_0_2016_01: "legacy",
    IoTSecurityPolicy_TLS12_1_0_2015_01: "legacy",
};
function iotDomainPolicy(p: Record<string, any>): string | undefined {
    const policy = p.tlsConfig?.securityPolicy;
    if (policy === undefined || policy === null || policy === "") return undefined;
    const kind = IOT_TLS_POLICIES[String(policy)];
    if (kind === "current") return undefined;
    return kind === "legacy"
        ? `domain accepts devices on the legacy security policy ${policy} (AWS keeps the 2015/2016 policies for old endpoints; no TLS 1.3): use IoTSecurityPolicy_TLS13_1_2_2022_10 (the default) or IoTSecurityPolicy_TLS13_1_3_2022_10`
        : `tlsConfig.securityPolicy ${policy} is not a documented AWS IoT Core security policy`;
}

/** Backends reached by URL over plain HTTP (API Gateway REST `uri`, HTTP API / WebSocket `integrationUri`). */
const PLAIN_HTTP = (uri: unknown) => /^http:\/\//i.test(String(uri ?? ""));

const lower = (v: unknown) => String(v ?? "").toLowerCase();
const params = (p: Record<string, any>): Array<{ name: string; value: string }> => (Array.isArray(p.parameters) ? p.parameters : []).map((x: any) => ({ name: lower(x?.name), value: lower(x?.value) }));
const param = (p: Record<string, any>, name: string) => params(p).find((x) => x.name === name)?.value;
const ON = new Set(["1", "on", "true"]);

/**
 * Database TLS by parameter: what a parameter group sets, and what the engine's default group does when a cluster
 * names none (MySQL-compatible: require_secure_transport OFF; Aurora PostgreSQL and PostgreSQL < 15: rds.force_ssl 0;
 * PostgreSQL ≥ 15: 1; DocumentDB: tls enabled; Neptune: neptune_enforce_ssl 1; Redshift: require_ssl false).
 */
function mysqlFamily(family: string): boolean {
    return /^(aurora-mysql|aurora\d|mysql|mariadb)/.test(family) || family === "aurora";
}
function postgresForcedByDefault(engine: string, version: string): boolean {
    return engine === "postgres" && Number.parseInt(version, 10) >= 15;
}
function clusterParameterGroup(p: Record<string, any>): string | undefined {
    const family = lower(p.family);
    if (mysqlFamily(family)) return ON.has(param(p, "require_secure_transport") ?? "") ? undefined : `does not force TLS (require_secure_transport ${param(p, "require_secure_transport") ?? "OFF (default)"})`;
    if (/^aurora-postgresql/.test(family)) return param(p, "rds.force_ssl") === "1" ? undefined : `does not force TLS (rds.force_ssl ${param(p, "rds.force_ssl") ?? "0 (default)"})`;
    return param(p, "rds.force_ssl") === "0" || ["off", "0"].includes(param(p, "require_secure_transport") ?? "") ? "turns TLS enforcement off" : undefined;
}

const CHECKS: Record<string, (p: Record<string, any>) => string | undefined> = {
    // Parameter groups judged on their own, each against its engine's default.
    "aws:rds/clusterParameterGroup:ClusterParameterGroup": clusterParameterGroup,
    "aws:rds/parameterGroup:ParameterGroup": (p) => (param(p, "rds.force_ssl") === "0" || ["off", "0"].includes(param(p, "require_secure_transport") ?? "") ? "parameter group turns TLS enforcement off (rds.force_ssl 0 / require_secure_transport OFF)" : undefined),
    "aws:docdb/clusterParameterGroup:ClusterParameterGroup": (p) => (param(p, "tls") === "disabled" ? "parameter group turns TLS off (tls disabled; the default is enabled)" : undefined),
    "aws:neptune/clusterParameterGroup:ClusterParameterGroup": (p) => (param(p, "neptune_enforce_ssl") === "0" ? "parameter group lets clients connect without TLS (neptune_enforce_ssl 0; the default is 1)" : undefined),
    "aws:redshift/parameterGroup:ParameterGroup": (p) => (param(p, "require_ssl") === "true" ? undefined : `parameter group does not require TLS (require_ssl ${param(p, "require_ssl") ?? "false (default)"})`),
    // Clusters without a parameter group get the engine's default one.
    "aws:redshift/cluster:Cluster": (p) => (isSet(p, "clusterParameterGroupName") ? undefined : "cluster uses the default parameter group, whose require_ssl is false: set clusterParameterGroupName to a group with require_ssl true"),
    "aws:rds/cluster:Cluster": (p) => {
        if (isSet(p, "dbClusterParameterGroupName")) return undefined;
        const engine = lower(p.engine || "aurora");
        if (postgresForcedByDefault(engine, String(p.engineVersion ?? ""))) return undefined;
        return mysqlFamily(engine) || /postgres/.test(engine) ? `cluster uses the default cluster parameter group of ${engine}, which does not force TLS: set dbClusterParameterGroupName to a group with ${mysqlFamily(engine) ? "require_secure_transport ON" : "rds.force_ssl 1"}` : undefined;
    },
    // MSK: client-broker defaults to TLS, in-cluster to true; plaintext listeners and unauthenticated access are opt-in.
    "aws:msk/cluster:Cluster": (p) => {
        const transit = p.encryptionInfo?.encryptionInTransit;
        const clientBroker = upper(transit?.clientBroker || "TLS");
        if (clientBroker !== "TLS") return `clients may connect in plain text (encryptionInfo.encryptionInTransit.clientBroker ${clientBroker})`;
        if (transit?.inCluster === false) return "brokers replicate in plain text (encryptionInfo.encryptionInTransit.inCluster false)";
        if (p.clientAuthentication?.unauthenticated === true) return "clients may connect without authentication (clientAuthentication.unauthenticated true)";
        return undefined;
    },
    // CloudFront to its origins: plain HTTP or TLS 1.0/1.1/SSLv3.
    "aws:cloudfront/distribution:Distribution": (p) => {
        const problems = (Array.isArray(p.origins) ? p.origins : []).flatMap((o: any) => {
            const custom = o?.customOriginConfig;
            if (!custom) return [];
            const policy = lower(custom.originProtocolPolicy);
            const old = (Array.isArray(custom.originSslProtocols) ? custom.originSslProtocols : []).filter((x: unknown) => /^(SSLv3|TLSv1|TLSv1\.1)$/i.test(String(x)));
            return [
                ...(policy === "http-only" || policy === "match-viewer" ? [`origin ${o.originId ?? ""} is reached over plain HTTP (originProtocolPolicy ${policy})`] : []),
                ...(old.length > 0 ? [`origin ${o.originId ?? ""} accepts ${old.join(", ")} (originSslProtocols)`] : []),
            ];
        });
        return problems.length > 0 ? problems.join("; ") : undefined;
    },
    // Transfer Family: FTP is plain text (the default protocol list is SFTP).
    "aws:transfer/server:Server": (p) => ((Array.isArray(p.protocols) ? p.protocols : []).some((x: unknown) => upper(x) === "FTP") ? "server accepts FTP (plain text credentials and data); use SFTP or FTPS" : undefined),
    // ECS: EFS volumes mount without TLS unless transitEncryption is ENABLED (default DISABLED).
    "aws:ecs/taskDefinition:TaskDefinition": (p) => {
        const plain = (Array.isArray(p.volumes) ? p.volumes : []).filter((v: any) => v?.efsVolumeConfiguration && upper(v.efsVolumeConfiguration.transitEncryption) !== "ENABLED");
        return plain.length > 0 ? `EFS volume(s) ${plain.map((v: any) => v.name).join(", ")} mount without TLS (efsVolumeConfiguration.transitEncryption not ENABLED; the default is DISABLED)` : undefined;
    },
    // SES Mail Manager ingress points: OPTIONAL accepts mail in plain text.
    "aws:mailmanager/ingressPoint:IngressPoint": (p) => (["REQUIRED", "FIPS"].includes(upper(p.tlsPolicy)) ? undefined : `mail is accepted without TLS (tlsPolicy ${p.tlsPolicy ?? "unset"})`),
    // API Gateway REST APIs: an explicit TLS 1.0 security policy on the execute-api endpoint.
    "aws:apigateway/restApi:RestApi": (p) => (upper(p.securityPolicy) === "TLS_1_0" ? "the execute-api endpoint accepts TLS 1.0 (securityPolicy TLS_1_0)" : undefined),
    // MemoryDB: TLS defaults to on; turning it off is plain text.
    "aws:memorydb/cluster:Cluster": (p) => (p.tlsEnabled === false ? "TLS is off (tlsEnabled false)" : undefined),
    "aws:memorydb/multiRegionCluster:MultiRegionCluster": (p) => (p.tlsEnabled === false ? "TLS is off (tlsEnabled false)" : undefined),
    // RDS Proxy: requireTls defaults to false.
    "aws:rds/proxy:Proxy": (p) => (p.requireTls === true ? undefined : "clients may connect without TLS (requireTls is not true)"),
    // DMS endpoints: database sslMode defaults to none; Kafka, Redis and OpenSearch have their own settings.
    "aws:dms/endpoint:Endpoint": dmsEndpoint,
    // AppSync API cache: transit encryption defaults to off.
    "aws:appsync/apiCache:ApiCache": (p) => (p.transitEncryptionEnabled === true ? undefined : "cache traffic is not encrypted in transit (transitEncryptionEnabled is not true)"),
    // SES receipt rules: tlsPolicy defaults to Optional (mail accepted in plain text).
    "aws:ses/receiptRule:ReceiptRule": (p) => (upper(p.tlsPolicy) === "REQUIRE" ? undefined : `mail is accepted without TLS (tlsPolicy ${p.tlsPolicy ?? "Optional (default)"})`),
    // API Gateway REST integrations: an http:// backend (over the internet or a VPC link's NLB) is plain text, and
    // skipping certificate verification defeats TLS to the backend.
    "aws:apigateway/integration:Integration": (p) => {
        if (["HTTP", "HTTP_PROXY"].includes(upper(p.type)) && PLAIN_HTTP(p.uri)) return `the backend is reached over plain HTTP (uri ${p.uri})`;
        return p.tlsConfig?.insecureSkipVerification === true ? "backend TLS certificate is not verified (tlsConfig.insecureSkipVerification)" : undefined;
    },
    // HTTP API / WebSocket integrations: an HTTP API private integration (VPC_LINK to a listener or Cloud Map ARN)
    // uses HTTPS only with a tlsConfig; a WebSocket one, and an internet one (the default), follow their URL.
    "aws:apigatewayv2/integration:Integration": (p) => {
        if (!["HTTP", "HTTP_PROXY"].includes(upper(p.integrationType))) return undefined;
        if (upper(p.connectionType || "INTERNET") === "VPC_LINK") {
            if (isSet(p, "tlsConfig")) return undefined;
            if (!/^https?:\/\//i.test(String(p.integrationUri ?? ""))) return "private integration traffic goes over plain HTTP (no tlsConfig; with one, API Gateway uses HTTPS): set tlsConfig.serverNameToVerify";
        }
        return PLAIN_HTTP(p.integrationUri) ? `the backend is reached over plain HTTP (integrationUri ${p.integrationUri})` : undefined;
    },
    // AWS IoT Core custom domains: the TLS security policy devices negotiate (omitted = TLS13_1_2, the default).
    "aws:iot/domainConfiguration:DomainConfiguration": iotDomainPolicy,
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
    description: "MemoryDB, RDS Proxy, DMS endpoints (database sslMode, Kafka, Redis, OpenSearch), AppSync caches, SES receipt rules and Mail Manager ingress points, API Gateway REST and HTTP/WebSocket integrations (plain-HTTP backends, VPC-link integrations without tlsConfig, skipped verification) and REST APIs, IoT Core domain configurations (legacy security policies), DataSync EFS locations, CloudFront distributions (to their origins) and multi-tenant distributions, MSK (client-broker, in-cluster, authentication), Transfer Family servers, ECS EFS volumes, and the parameter groups of RDS/Aurora, DocumentDB, Neptune and Redshift (and clusters on their engine's default group) require TLS with their effective settings.",
    remediation: "Turn the service's TLS setting on (the message names it): tlsEnabled, requireTls, sslMode require/verify-full, transitEncryptionEnabled, tlsPolicy Require, inTransitEncryption TLS1_2, viewerProtocolPolicy redirect-to-https, https:// backends and a tlsConfig on private integrations, a TLS13 IoT security policy.",
    severity: "high",
    concern: "tls",
    controls: ENCRYPTION_IN_TRANSIT,
    types: Object.keys(CHECKS),
    check: (props, args): CheckResult => CHECKS[args.type](props),
};
