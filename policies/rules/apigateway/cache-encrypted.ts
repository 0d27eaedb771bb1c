import { CheckResult, ResourceRule } from "../../framework";
import { ENCRYPTION_AT_REST } from "../../controls";

/** API Gateway method settings that cache responses encrypt the cache (cacheDataEncrypted defaults to false). */
export const rule: ResourceRule = {
    name: "apigateway-cache-encrypted",
    displayName: "API Gateway response caches encrypted",
    description: "API Gateway method settings that turn caching on also encrypt the cached responses (settings.cacheDataEncrypted; the default is false).",
    remediation: "Set settings.cacheDataEncrypted: true wherever settings.cachingEnabled is true.",
    severity: "medium",
    controls: ENCRYPTION_AT_REST,
    concern: "encryption-at-rest",
    types: ["aws:apigateway/methodSettings:MethodSettings"],
    check: (props): CheckResult => (props.settings?.cachingEnabled === true && props.settings?.cacheDataEncrypted !== true
        ? `responses of ${props.methodPath ?? "the method"} are cached unencrypted (settings.cacheDataEncrypted ${props.settings?.cacheDataEncrypted ?? "omitted: false by default"})`
        : undefined),
};
