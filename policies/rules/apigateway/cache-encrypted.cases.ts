import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of apigateway-cache-encrypted (test/policies/unit.test.ts runs them in-process). */
const MS = "aws:apigateway/methodSettings:MethodSettings";
const res = (title: string, settings: unknown) => ({ title, resource: { type: MS, props: { restApi: "a", stageName: "s", methodPath: "*/*", settings } } });

export const cases: RuleCases = {
    compliant: [res("cache encrypted", { cachingEnabled: true, cacheDataEncrypted: true }), res("no caching", { metricsEnabled: true })],
    violating: [res("caching, encryption omitted", { cachingEnabled: true }), res("caching, encryption off", { cachingEnabled: true, cacheDataEncrypted: false })],
    unknown: [{ ...res("caching flag unknown", { cachingEnabled: UNKNOWN }), expect: "not-judged" }],
};
