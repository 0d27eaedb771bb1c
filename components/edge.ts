import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../lib/naming";
import { CloudWatchRetentionDays } from "../lib/rules/retention";
import { DEFAULT_TLS_POLICY, tlsPolicyProblem } from "../lib/rules/tls";
import { PathRateLimit, pathRateLimitProblem, pathRateLimitRuleName, wafMetricName } from "../lib/rules/waf";
import { Tags } from "../lib/tags";
import { DEFAULT_FRAME_OPTIONS, DEFAULT_HEALTH_CHECK_PATH, DEFAULT_HSTS, DEFAULT_WAF_RATE_LIMIT_PER_IP } from "../lib/defaults";

export const DEFAULT_SSL_POLICY = DEFAULT_TLS_POLICY;
export const DEFAULT_MANAGED_RULE_GROUPS = [
    "AWSManagedRulesCommonRuleSet",
    "AWSManagedRulesSQLiRuleSet",
    "AWSManagedRulesKnownBadInputsRuleSet",
];

export interface EdgeWafArgs {
    /** Requests per IP per 5-minute window before the IP is blocked (MITA guide: 2000). */
    rateLimitPerIp?: number;
    /** ISO 3166-1 alpha-2 countries to block (MITA: CN, RU, KP). */
    geoBlockCountries?: string[];
    /** AWS managed rule groups, evaluated in this order. */
    managedRuleGroups?: string[];
    /**
     * Per-IP limits on one path each (the login endpoint: MITA 10 per 120 s, its guide's 5 per minute at WAF's floor of
     * 10): a rate-based rule whose scope-down statement counts only requests whose URI path starts with `path`.
     */
    pathRateLimits?: PathRateLimit[];
}

export interface EdgeArgs {
    /** VPC of the load balancer and the app security group. */
    vpcId: pulumi.Input<string>;
    /** Public subnets, one per AZ. */
    publicSubnetIds: pulumi.Input<string>[];
    /** Port the application listens on; the only port the ALB reaches. */
    appPort: number;
    /** Target-group health-check path. */
    healthCheckPath?: string;
    /** Existing ACM certificate for HTTPS. Exactly one of this and `domainName`. */
    certificateArn?: pulumi.Input<string>;
    /** Domain for a new DNS-validated ACM certificate. */
    domainName?: string;
    /** Route 53 zone for the validation records of `domainName`; without it, validation records are created by hand. */
    hostedZoneId?: string;
    /** TLS policy of the HTTPS listener (TLS 1.3 policies only; default TLS 1.3 + 1.2 restricted ciphers). */
    sslPolicy?: string;
    /** ALB deletion protection (production). */
    deletionProtection: boolean;
    /**
     * Access-log bucket (SSE-S3, ELB delivery allowed), key prefix, and what the load balancer must wait for: ELB
     * checks the bucket policy when logging is turned on, so pass the policy (Storage.albLogBucketPolicy).
     */
    accessLogs: { bucket: pulumi.Input<string>; prefix?: string; dependsOn?: pulumi.Resource[] };
    /**
     * Start of the ALB's and target group's AWS names (at most 6 characters; AWS appends a unique suffix). No fixed
     * names: a replacement is created before the old one is deleted, which a fixed name would forbid.
     */
    namePrefix?: string;
    /**
     * Security headers the HTTPS listener adds to every response (ALB response-header modification), so they hold
     * even where the application forgets them. HSTS defaults to two years with subdomains; `X-Content-Type-Options:
     * nosniff` is always set and the `Server` header removed; `Content-Security-Policy` is added when given (ALB HTTP
     * header modification supports it: routing.http.response.content_security_policy.header_value).
     */
    responseHeaders?: { strictTransportSecurity?: string; frameOptions?: "DENY" | "SAMEORIGIN"; contentSecurityPolicy?: string };
    /** Idle timeout of connections, seconds. */
    idleTimeoutSeconds?: number;
    /** WAF options. */
    waf?: EdgeWafArgs;
    /** Retention of the WAF log group. */
    wafLogRetentionDays: CloudWatchRetentionDays;
    /** Key of the WAF log group. */
    logsKmsKeyArn: pulumi.Input<string>;
    /** Tags for every resource. */
    tags: Tags;
}

/**
 * The public edge of one application: an internet-facing ALB (HTTPS with a TLS 1.3 policy, HTTP only redirecting),
 * the first two links of the security-group chain (ALB ← internet on 443/80; app ← ALB only on the app port), and a
 * WAFv2 web ACL (AWS managed rules, per-IP rate limit, geo block) with logging.
 */
export class Edge extends pulumi.ComponentResource {
    public readonly loadBalancerArn: pulumi.Output<string>;
    public readonly loadBalancerArnSuffix: pulumi.Output<string>;
    public readonly dnsName: pulumi.Output<string>;
    public readonly zoneId: pulumi.Output<string>;
    public readonly targetGroupArn: pulumi.Output<string>;
    public readonly targetGroupArnSuffix: pulumi.Output<string>;
    public readonly httpsListenerArn: pulumi.Output<string>;
    /** The HTTPS listener: an ECS service registering in the target group must wait for it. */
    public readonly httpsListener: aws.lb.Listener;
    public readonly albSecurityGroupId: pulumi.Output<string>;
    public readonly appSecurityGroupId: pulumi.Output<string>;
    public readonly webAclArn: pulumi.Output<string>;
    public readonly webAclName: pulumi.Output<string>;
    public readonly certificateArn: pulumi.Output<string>;

    constructor(name: string, args: EdgeArgs, opts?: pulumi.ComponentResourceOptions) {
        if (!args.certificateArn === !args.domainName) {
            throw new Error(`Edge ${name}: set exactly one of certificateArn or domainName`);
        }
        const namePrefix = args.namePrefix ?? "app-";
        if (!/^[a-zA-Z0-9-]{1,6}$/.test(namePrefix) || namePrefix.startsWith("internal-")) {
            throw new Error(`Edge ${name}: namePrefix ${namePrefix} must be 1–6 letters, digits or dashes (AWS appends a unique suffix)`);
        }
        const sslPolicy = args.sslPolicy ?? DEFAULT_SSL_POLICY;
        const tlsProblem = tlsPolicyProblem(sslPolicy);
        if (tlsProblem) {
            throw new Error(`Edge ${name}: sslPolicy ${sslPolicy} ${tlsProblem}`);
        }
        const pathLimits = args.waf?.pathRateLimits ?? [];
        const limitProblems = pathLimits.map(pathRateLimitProblem).filter((p): p is string => !!p);
        const ruleNames = pathLimits.map((l) => pathRateLimitRuleName(l.path));
        if (new Set(ruleNames).size !== ruleNames.length) limitProblems.push(`waf.pathRateLimits repeats a path (${ruleNames.join(", ")})`);
        if (limitProblems.length > 0) {
            throw new Error(`Edge ${name}: ${limitProblems.join("; ")}`);
        }
        const csp = args.responseHeaders?.contentSecurityPolicy;
        if (csp !== undefined && (csp.length === 0 || /[\r\n]/.test(csp))) {
            throw new Error(`Edge ${name}: responseHeaders.contentSecurityPolicy must be one non-empty line`);
        }
        // Everything above only validates: a rejected input registers nothing.
        super("platform:edge:Edge", name, {}, opts);
        const parent = { parent: this };

        const albSg = new aws.ec2.SecurityGroup(childName(name, "alb-sg"), {
            vpcId: args.vpcId,
            description: "ALB: HTTPS and HTTP (redirect only) from the internet",
            tags: args.tags,
        }, parent);
        const appSg = new aws.ec2.SecurityGroup(childName(name, "app-sg"), {
            vpcId: args.vpcId,
            description: `Application tasks: port ${args.appPort} from the ALB only`,
            tags: args.tags,
        }, parent);
        for (const [port, purpose] of [[443, "HTTPS"], [80, "HTTP, redirected to HTTPS"]] as const) {
            new aws.vpc.SecurityGroupIngressRule(childName(name, `alb-${port}-v4`), {
                securityGroupId: albSg.id, description: `${purpose} from anywhere (IPv4)`, ipProtocol: "tcp", fromPort: port, toPort: port, cidrIpv4: "0.0.0.0/0", tags: args.tags,
            }, parent);
            new aws.vpc.SecurityGroupIngressRule(childName(name, `alb-${port}-v6`), {
                securityGroupId: albSg.id, description: `${purpose} from anywhere (IPv6)`, ipProtocol: "tcp", fromPort: port, toPort: port, cidrIpv6: "::/0", tags: args.tags,
            }, parent);
        }
        new aws.vpc.SecurityGroupEgressRule(childName(name, "alb-to-app"), {
            securityGroupId: albSg.id, description: "To the application tasks only", ipProtocol: "tcp",
            fromPort: args.appPort, toPort: args.appPort, referencedSecurityGroupId: appSg.id, tags: args.tags,
        }, parent);
        new aws.vpc.SecurityGroupIngressRule(childName(name, "app-from-alb"), {
            securityGroupId: appSg.id, description: "From the ALB only", ipProtocol: "tcp",
            fromPort: args.appPort, toPort: args.appPort, referencedSecurityGroupId: albSg.id, tags: args.tags,
        }, parent);
        new aws.vpc.SecurityGroupEgressRule(childName(name, "app-https-out"), {
            securityGroupId: appSg.id, description: "HTTPS to AWS APIs and external APIs", ipProtocol: "tcp",
            fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0", tags: args.tags,
        }, parent);

        const certificateArn = args.certificateArn ? pulumi.output(args.certificateArn) : this.createCertificate(name, args);

        const alb = new aws.lb.LoadBalancer(name, {
            namePrefix,
            internal: false,
            loadBalancerType: "application",
            securityGroups: [albSg.id],
            subnets: args.publicSubnetIds,
            dropInvalidHeaderFields: true,
            enableDeletionProtection: args.deletionProtection,
            enableHttp2: true,
            desyncMitigationMode: "strictest",
            idleTimeout: args.idleTimeoutSeconds ?? 60,
            accessLogs: { enabled: true, bucket: args.accessLogs.bucket, prefix: args.accessLogs.prefix },
            tags: args.tags,
        }, { parent: this, dependsOn: args.accessLogs.dependsOn ?? [] });

        const targetGroup = new aws.lb.TargetGroup(name, {
            namePrefix,
            vpcId: args.vpcId,
            targetType: "ip",
            protocol: "HTTP",
            port: args.appPort,
            deregistrationDelay: 30,
            healthCheck: {
                enabled: true,
                path: args.healthCheckPath ?? DEFAULT_HEALTH_CHECK_PATH,
                protocol: "HTTP",
                matcher: "200-399",
                interval: 15,
                timeout: 5,
                healthyThreshold: 2,
                unhealthyThreshold: 3,
            },
            tags: args.tags,
        }, parent);

        const https = new aws.lb.Listener(childName(name, "https"), {
            loadBalancerArn: alb.arn,
            port: 443,
            protocol: "HTTPS",
            sslPolicy,
            certificateArn,
            defaultActions: [{ type: "forward", targetGroupArn: targetGroup.arn }],
            routingHttpResponseStrictTransportSecurityHeaderValue: args.responseHeaders?.strictTransportSecurity ?? DEFAULT_HSTS,
            routingHttpResponseXContentTypeOptionsHeaderValue: "nosniff",
            routingHttpResponseXFrameOptionsHeaderValue: args.responseHeaders?.frameOptions ?? DEFAULT_FRAME_OPTIONS,
            routingHttpResponseServerEnabled: false,
            routingHttpResponseContentSecurityPolicyHeaderValue: csp,
            tags: args.tags,
        }, parent);
        new aws.lb.Listener(childName(name, "http"), {
            loadBalancerArn: alb.arn,
            port: 80,
            protocol: "HTTP",
            defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }],
            tags: args.tags,
        }, parent);

        const waf = args.waf ?? {};
        const metric = (suffix: string) => ({
            cloudwatchMetricsEnabled: true,
            sampledRequestsEnabled: true,
            metricName: wafMetricName(name, suffix),
        });
        const managed = waf.managedRuleGroups ?? DEFAULT_MANAGED_RULE_GROUPS;
        const rules: aws.types.input.wafv2.WebAclRule[] = managed.map((group, i) => ({
            name: group,
            priority: i + 1,
            overrideAction: { none: {} },
            statement: { managedRuleGroupStatement: { vendorName: "AWS", name: group } },
            visibilityConfig: metric(group),
        }));
        rules.push({
            name: "rate-limit-per-ip",
            priority: managed.length + 1,
            action: { block: {} },
            statement: { rateBasedStatement: { limit: waf.rateLimitPerIp ?? DEFAULT_WAF_RATE_LIMIT_PER_IP, aggregateKeyType: "IP" } },
            visibilityConfig: metric("rate-limit"),
        });
        if ((waf.geoBlockCountries ?? []).length > 0) {
            rules.push({
                name: "geo-block",
                priority: managed.length + 2,
                action: { block: {} },
                statement: { geoMatchStatement: { countryCodes: waf.geoBlockCountries! } },
                visibilityConfig: metric("geo-block"),
            });
        }
        // After the existing rules, so their priorities (and the ACL's existing rules) stay as they were.
        pathLimits.forEach((limit, i) => {
            rules.push({
                name: ruleNames[i],
                priority: managed.length + 3 + i,
                action: { block: {} },
                statement: {
                    rateBasedStatement: {
                        limit: limit.limit,
                        evaluationWindowSec: limit.windowSeconds,
                        aggregateKeyType: "IP",
                        scopeDownStatement: {
                            byteMatchStatement: {
                                searchString: limit.path,
                                fieldToMatch: { uriPath: {} },
                                positionalConstraint: "STARTS_WITH",
                                textTransformations: [{ priority: 0, type: "NONE" }],
                            },
                        },
                    },
                },
                visibilityConfig: metric(ruleNames[i]),
            });
        });
        const webAcl = new aws.wafv2.WebAcl(name, {
            scope: "REGIONAL",
            description: `Edge protection for ${name}`,
            defaultAction: { allow: {} },
            rules,
            visibilityConfig: metric("web-acl"),
            tags: args.tags,
        }, parent);
        new aws.wafv2.WebAclAssociation(name, { resourceArn: alb.arn, webAclArn: webAcl.arn }, parent);

        // WAF only logs to groups whose name starts with aws-waf-logs-.
        const wafLogs = new aws.cloudwatch.LogGroup(childName(name, "waf-logs"), {
            namePrefix: `aws-waf-logs-${name}-`,
            retentionInDays: args.wafLogRetentionDays,
            kmsKeyId: args.logsKmsKeyArn,
            tags: args.tags,
        }, parent);
        new aws.wafv2.WebAclLoggingConfiguration(name, {
            resourceArn: webAcl.arn,
            logDestinationConfigs: [wafLogs.arn],
            redactedFields: [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }],
        }, parent);

        this.loadBalancerArn = alb.arn;
        this.loadBalancerArnSuffix = alb.arnSuffix;
        this.dnsName = alb.dnsName;
        this.zoneId = alb.zoneId;
        this.targetGroupArn = targetGroup.arn;
        this.targetGroupArnSuffix = targetGroup.arnSuffix;
        this.httpsListenerArn = https.arn;
        this.httpsListener = https;
        this.albSecurityGroupId = albSg.id;
        this.appSecurityGroupId = appSg.id;
        this.webAclArn = webAcl.arn;
        this.webAclName = webAcl.name;
        this.certificateArn = certificateArn;
        this.registerOutputs({
            loadBalancerArn: this.loadBalancerArn,
            dnsName: this.dnsName,
            targetGroupArn: this.targetGroupArn,
            appSecurityGroupId: this.appSecurityGroupId,
            webAclArn: this.webAclArn,
        });
    }

    private createCertificate(name: string, args: EdgeArgs): pulumi.Output<string> {
        const certificate = new aws.acm.Certificate(childName(name, "cert"), {
            domainName: args.domainName!,
            validationMethod: "DNS",
            tags: args.tags,
        }, { parent: this });
        if (!args.hostedZoneId) {
            return certificate.arn;
        }
        const records = certificate.domainValidationOptions.apply((options) =>
            options.map((option, i) => new aws.route53.Record(childName(name, "cert-validation", String(i)), {
                zoneId: args.hostedZoneId!,
                name: option.resourceRecordName,
                type: option.resourceRecordType,
                records: [option.resourceRecordValue],
                ttl: 300,
                allowOverwrite: true,
            }, { parent: this })));
        const validation = new aws.acm.CertificateValidation(childName(name, "cert"), {
            certificateArn: certificate.arn,
            validationRecordFqdns: records.apply((rs) => pulumi.all(rs.map((r) => r.fqdn))),
        }, { parent: this });
        return validation.certificateArn;
    }
}
