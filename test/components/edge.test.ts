import * as assert from "assert";
import { DEFAULT_MANAGED_RULE_GROUPS, DEFAULT_SSL_POLICY, Edge, EdgeArgs } from "../../components/edge";
import { installMocks, onlyOne, RecordedResource, settle, TEST_TAGS } from "../support/mocks";

/** The Edge component under mocks: the security-group chain, listeners, ALB settings and a WAF that blocks. */
describe("Edge component", () => {
    const tags = TEST_TAGS;
    const CERT = "arn:aws:acm:us-east-1:123456789012:certificate/abc";
    const args = (extra: Partial<EdgeArgs> = {}): EdgeArgs => ({
        vpcId: "vpc-1",
        publicSubnetIds: ["subnet-a", "subnet-b"],
        appPort: 8080,
        certificateArn: CERT,
        deletionProtection: true,
        accessLogs: { bucket: "alb-logs", prefix: "shop" },
        waf: { rateLimitPerIp: 1500, geoBlockCountries: ["CN", "KP"] },
        wafLogRetentionDays: 365,
        logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/logs",
        tags,
        ...extra,
    });
    let recorded: RecordedResource[];
    const one = (type: string, name: string) => onlyOne(recorded, type, name);
    const refersTo = (r: RecordedResource, name: string) => r.options.dependencies.some((urn) => urn.endsWith(`::${name}`));

    before(async () => {
        recorded = installMocks({ stack: "edge" });
        new Edge("shop", args());
        new Edge("plain", args({ certificateArn: undefined, domainName: "plain.example.com", waf: undefined, deletionProtection: false }));
        new Edge("guarded", args({
            responseHeaders: { contentSecurityPolicy: "default-src 'self'; frame-ancestors 'none'" },
            waf: { pathRateLimits: [{ path: "/auth/login", limit: 10, windowSeconds: 120 }, { path: "/api/", limit: 100, windowSeconds: 60 }] },
        }));
        await settle();
    });

    it("opens the ALB to the internet on 443 and 80 only, over IPv4 and IPv6", () => {
        const ingress = recorded.filter((r) => r.type === "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule" && r.name.startsWith("shop-alb-"));
        assert.deepStrictEqual(ingress.map((r) => [r.inputs.fromPort, r.inputs.toPort, r.inputs.ipProtocol, r.inputs.cidrIpv4 ?? r.inputs.cidrIpv6]), [
            [443, 443, "tcp", "0.0.0.0/0"], [443, 443, "tcp", "::/0"], [80, 80, "tcp", "0.0.0.0/0"], [80, 80, "tcp", "::/0"],
        ]);
        assert.ok(ingress.every((r) => refersTo(r, "shop-alb-sg")));
    });

    it("chains ALB → app on the app port by security group, never by CIDR; the app reaches out on 443 only", () => {
        const albOut = one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "shop-alb-to-app");
        assert.deepStrictEqual([albOut.inputs.fromPort, albOut.inputs.toPort, albOut.inputs.cidrIpv4], [8080, 8080, undefined]);
        assert.ok(refersTo(albOut, "shop-app-sg") && albOut.inputs.referencedSecurityGroupId);
        const appIn = one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "shop-app-from-alb");
        assert.deepStrictEqual([appIn.inputs.fromPort, appIn.inputs.toPort, appIn.inputs.cidrIpv4], [8080, 8080, undefined]);
        assert.ok(refersTo(appIn, "shop-alb-sg") && appIn.inputs.referencedSecurityGroupId);
        const appOut = one("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "shop-app-https-out");
        assert.deepStrictEqual([appOut.inputs.fromPort, appOut.inputs.toPort, appOut.inputs.ipProtocol], [443, 443, "tcp"]);
        const rules = recorded.filter((r) => r.type.startsWith("aws:vpc/securityGroup") && r.name.startsWith("shop-"));
        assert.strictEqual(rules.length, 4 + 3, "no other rule");
    });

    it("serves HTTPS with the default TLS 1.3 policy and the given certificate; HTTP only redirects with a 301", () => {
        const https = one("aws:lb/listener:Listener", "shop-https");
        assert.deepStrictEqual([https.inputs.port, https.inputs.protocol, https.inputs.sslPolicy, https.inputs.certificateArn], [443, "HTTPS", DEFAULT_SSL_POLICY, CERT]);
        assert.strictEqual(DEFAULT_SSL_POLICY, "ELBSecurityPolicy-TLS13-1-2-Res-2021-06");
        assert.deepStrictEqual(https.inputs.defaultActions.map((a: any) => a.type), ["forward"]);
        const http = one("aws:lb/listener:Listener", "shop-http");
        assert.deepStrictEqual([http.inputs.port, http.inputs.protocol, http.inputs.defaultActions],
            [80, "HTTP", [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }]]);
    });

    it("hardens the ALB and logs its access; the target group checks the app's health on the app port", () => {
        const alb = recorded.find((r) => r.type === "aws:lb/loadBalancer:LoadBalancer" && refersTo(r, "shop-alb-sg"))!;
        assert.deepStrictEqual(
            [alb.inputs.internal, alb.inputs.loadBalancerType, alb.inputs.dropInvalidHeaderFields, alb.inputs.enableDeletionProtection, alb.inputs.desyncMitigationMode, alb.inputs.subnets],
            [false, "application", true, true, "strictest", ["subnet-a", "subnet-b"]],
        );
        assert.deepStrictEqual(alb.inputs.accessLogs, { enabled: true, bucket: "alb-logs", prefix: "shop" });
        const plainAlb = recorded.find((r) => r.type === "aws:lb/loadBalancer:LoadBalancer" && refersTo(r, "plain-alb-sg"))!;
        assert.strictEqual(plainAlb.inputs.enableDeletionProtection, false);
        const tg = recorded.find((r) => r.type === "aws:lb/targetGroup:TargetGroup" && r.name === "shop")!;
        assert.deepStrictEqual([tg.inputs.targetType, tg.inputs.protocol, tg.inputs.port, tg.inputs.healthCheck.path, tg.inputs.healthCheck.matcher], ["ip", "HTTP", 8080, "/health", "200-399"]);
    });

    it("has a WAF whose rules block: managed groups without count overrides, the per-IP rate limit, the geo block", () => {
        const acl = one("aws:wafv2/webAcl:WebAcl", "shop");
        assert.deepStrictEqual(acl.inputs.defaultAction, { allow: {} });
        assert.deepStrictEqual(acl.inputs.rules.map((r: any) => [r.priority, r.name, r.overrideAction ?? r.action]), [
            ...DEFAULT_MANAGED_RULE_GROUPS.map((group, i) => [i + 1, group, { none: {} }]),
            [4, "rate-limit-per-ip", { block: {} }],
            [5, "geo-block", { block: {} }],
        ]);
        const [rate, geo] = acl.inputs.rules.slice(3).map((r: any) => r.statement);
        assert.deepStrictEqual(rate, { rateBasedStatement: { limit: 1500, aggregateKeyType: "IP" } });
        assert.deepStrictEqual(geo, { geoMatchStatement: { countryCodes: ["CN", "KP"] } });
        one("aws:wafv2/webAclAssociation:WebAclAssociation", "shop");
    });

    it("without WAF options: the managed groups and a 2000/IP limit, no geo rule", () => {
        const acl = one("aws:wafv2/webAcl:WebAcl", "plain");
        assert.deepStrictEqual(acl.inputs.rules.map((r: any) => r.name), [...DEFAULT_MANAGED_RULE_GROUPS, "rate-limit-per-ip"]);
        assert.strictEqual(acl.inputs.rules[3].statement.rateBasedStatement.limit, 2000);
    });

    it("adds the given Content-Security-Policy at the HTTPS listener (ALB header modification), none by default", () => {
        assert.strictEqual(one("aws:lb/listener:Listener", "guarded-https").inputs.routingHttpResponseContentSecurityPolicyHeaderValue, "default-src 'self'; frame-ancestors 'none'");
        assert.strictEqual(one("aws:lb/listener:Listener", "shop-https").inputs.routingHttpResponseContentSecurityPolicyHeaderValue, undefined);
    });

    it("sets the security headers at the HTTPS listener and drops the Server header (README: Edge)", () => {
        const https = one("aws:lb/listener:Listener", "shop-https").inputs;
        assert.deepStrictEqual(
            [https.routingHttpResponseServerEnabled, https.routingHttpResponseXContentTypeOptionsHeaderValue, https.routingHttpResponseXFrameOptionsHeaderValue, https.routingHttpResponseStrictTransportSecurityHeaderValue],
            [false, "nosniff", "DENY", "max-age=63072000; includeSubDomains"],
        );
    });

    it("limits requests per IP to one path with a rate-based rule scoped down to the path prefix and its own window (login: 10 per 120 s)", () => {
        const rules = one("aws:wafv2/webAcl:WebAcl", "guarded").inputs.rules as any[];
        // The existing rules keep their priorities; path limits come after them.
        assert.deepStrictEqual(rules.map((r) => [r.priority, r.name]), [
            ...DEFAULT_MANAGED_RULE_GROUPS.map((group, i) => [i + 1, group]), [4, "rate-limit-per-ip"], [6, "rate-limit-path-auth-login"], [7, "rate-limit-path-api"],
        ]);
        const login = rules.find((r) => r.name === "rate-limit-path-auth-login");
        assert.deepStrictEqual(login.action, { block: {} });
        assert.deepStrictEqual(login.statement, { rateBasedStatement: {
            limit: 10, evaluationWindowSec: 120, aggregateKeyType: "IP",
            scopeDownStatement: { byteMatchStatement: { searchString: "/auth/login", fieldToMatch: { uriPath: {} }, positionalConstraint: "STARTS_WITH", textTransformations: [{ priority: 0, type: "NONE" }] } },
        } });
        assert.strictEqual(rules.find((r) => r.name === "rate-limit-path-api").statement.rateBasedStatement.evaluationWindowSec, 60);
    });

    it("logs the WAF to an encrypted aws-waf-logs-* group, redacting credentials", () => {
        const group = one("aws:cloudwatch/logGroup:LogGroup", "shop-waf-logs");
        assert.deepStrictEqual([group.inputs.namePrefix, group.inputs.retentionInDays, group.inputs.kmsKeyId], ["aws-waf-logs-shop-", 365, "arn:aws:kms:us-east-1:123456789012:key/logs"]);
        const logging = one("aws:wafv2/webAclLoggingConfiguration:WebAclLoggingConfiguration", "shop");
        assert.deepStrictEqual(logging.inputs.redactedFields, [{ singleHeader: { name: "authorization" } }, { singleHeader: { name: "cookie" } }]);
    });

    it("with a domain name instead of a certificate, requests a DNS-validated certificate", () => {
        const cert = one("aws:acm/certificate:Certificate", "plain-cert");
        assert.deepStrictEqual([cert.inputs.domainName, cert.inputs.validationMethod], ["plain.example.com", "DNS"]);
        assert.ok(refersTo(one("aws:lb/listener:Listener", "plain-https"), "plain-cert"));
        assert.strictEqual(recorded.filter((r) => r.type === "aws:acm/certificate:Certificate").length, 1, "none for the given certificate");
    });

    describe("configuration errors register nothing", () => {
        for (const [label, extra, message] of [
            ["no certificate source", { certificateArn: undefined }, /set exactly one of certificateArn or domainName/],
            ["two certificate sources", { domainName: "a.example.com" }, /set exactly one of certificateArn or domainName/],
            ["a TLS 1.2 policy", { sslPolicy: "ELBSecurityPolicy-2016-08" }, /sslPolicy ELBSecurityPolicy-2016-08 is not a TLS 1\.3 policy/],
            ["a path limit under WAF's floor of 10 (5 per minute must be 10 per 120 s)", { waf: { pathRateLimits: [{ path: "/auth/login", limit: 5, windowSeconds: 60 }] } }, /limit 5 is outside 10–2000000000 .* 10 per 120 s/],
            ["a window WAF does not offer", { waf: { pathRateLimits: [{ path: "/auth/login", limit: 10, windowSeconds: 90 }] } }, /windowSeconds 90 is not a WAF evaluation window; allowed: 60, 120, 300, 600/],
            ["the same path twice", { waf: { pathRateLimits: [{ path: "/login", limit: 10, windowSeconds: 60 }, { path: "/login", limit: 20, windowSeconds: 60 }] } }, /repeats a path/],
            ["a CSP over two lines", { responseHeaders: { contentSecurityPolicy: "default-src 'self';\nscript-src 'self'" } }, /contentSecurityPolicy must be one non-empty line/],
            ["a TLS 1.3 policy that still accepts TLS 1.1", { sslPolicy: "ELBSecurityPolicy-TLS13-1-1-2021-06" }, /sslPolicy ELBSecurityPolicy-TLS13-1-1-2021-06 is a TLS 1\.3 policy that still accepts older protocols/],
        ] as Array<[string, Partial<EdgeArgs>, RegExp]>) {
            it(label, async () => {
                const errors = installMocks({ stack: "edge-errors" });
                assert.throws(() => new Edge("bad", args(extra)), (e: Error) => e.message.startsWith("Edge bad: ") && message.test(e.message));
                await settle();
                assert.deepStrictEqual(errors, []);
            });
        }
    });
});
