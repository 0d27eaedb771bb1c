import * as assert from "assert";
import { rule as cacheEncrypted } from "../../../policies/rules/apigateway/cache-encrypted";
import { rule as domainTls } from "../../../policies/rules/apigateway/domain-tls";
import { rule as stageLogging } from "../../../policies/rules/apigateway/stage-logging";
import { rule as stageWaf } from "../../../policies/rules/apigateway/stage-waf";
import type { ResourceRule } from "../../../policies/framework";
import { runResourceRule, runStackRule } from "../harness";

/** The apigateway rules' messages, which a reader of the report acts on (the decisions are in the rules' cases beside them). */
const messages = (rule: ResourceRule, type: string, props: Record<string, unknown>) => runResourceRule(rule, { type, props }).violations.map((v) => v.message);
const MS = "aws:apigateway/methodSettings:MethodSettings";

describe("apigateway rules: messages", () => {
    it("apigateway-cache-encrypted names the method and the setting (or that it was omitted)", () => {
        assert.deepStrictEqual(messages(cacheEncrypted, MS, { restApi: "a", stageName: "prod", methodPath: "*/*", settings: { cachingEnabled: true } }),
            ["responses of */* are cached unencrypted (settings.cacheDataEncrypted omitted: false by default)"]);
        assert.deepStrictEqual(messages(cacheEncrypted, MS, { restApi: "a", stageName: "prod", methodPath: "orders/GET", settings: { cachingEnabled: true, cacheDataEncrypted: false } }),
            ["responses of orders/GET are cached unencrypted (settings.cacheDataEncrypted false)"]);
    });

    it("apigateway-domain-tls names the policy, or that it was omitted", () => {
        assert.deepStrictEqual(messages(domainTls, "aws:apigateway/domainName:DomainName", { domainName: "api.example.com" }), ["security policy (omitted) is not TLS 1.2+"]);
        assert.deepStrictEqual(messages(domainTls, "aws:apigateway/domainName:DomainName", { securityPolicy: "TLS_1_0" }), ["security policy TLS_1_0 is not TLS 1.2+"]);
    });

    it("apigateway-stage-logging and apigateway-stage-waf", () => {
        assert.deepStrictEqual(messages(stageLogging, "aws:apigatewayv2/stage:Stage", { apiId: "a", name: "$default" }), ["access logging is off (no accessLogSettings)"]);
        assert.deepStrictEqual(runStackRule(stageWaf, [{ type: "aws:apigateway/stage:Stage", name: "prod", props: {} }]).violations.map((v) => v.message), ["stage prod has no WAF web ACL association"]);
    });
});
