import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";
import { effectiveProtocol } from "./common";
import { APPROVED_TLS_POLICIES, tlsPolicyNotAllowed } from "../../../lib/rules/tls";
import { ENCRYPTION_IN_TRANSIT } from "../../controls";

/** The provider's default sslPolicy (ELBSecurityPolicy-2016-08) allows TLS 1.0/1.1, so an omitted policy fails. */
export const rule = resourceRule({
    name: "lb-listener-tls-policy",
    controls: ENCRYPTION_IN_TRANSIT,
    displayName: "Load balancer listeners use an approved TLS policy",
    description: "HTTPS and TLS listeners (any spelling) use an approved security policy: no TLS 1.0/1.1; production allows TLS 1.3 policies only. A policy passes when it is allowed or accepts nothing an allowed policy refuses (FIPS and post-quantum variants of allowed policies), judged from AWS's documented policy table.",
    remediation: "Set sslPolicy to an allowed policy, e.g. ELBSecurityPolicy-TLS13-1-2-Res-2021-06 or ELBSecurityPolicy-TLS13-1-3-2021-06.",
    concern: "tls",
    severity: "high",
    resourceTypes: [aws.lb.Listener, aws.alb.Listener],
    config: {
        allowedSslPolicies: { type: "array", items: { type: "string" }, default: [...APPROVED_TLS_POLICIES] },
    },
    check: (listener, _args, config) => {
        const protocol = effectiveProtocol(listener.protocol);
        if (protocol !== "HTTPS" && protocol !== "TLS") return;
        const allowed: string[] = config.allowedSslPolicies;
        if (!listener.sslPolicy) return `${protocol} listener has no sslPolicy (the provider's default ELBSecurityPolicy-2016-08 allows TLS 1.0/1.1)`;
        // Judged by what the policy accepts (lib/rules/tls.ts ELB_TLS_POLICIES): a FIPS or post-quantum variant at least as
        // strict as an allowed policy passes.
        const problem = tlsPolicyNotAllowed(listener.sslPolicy, allowed);
        return problem ? `sslPolicy ${problem}` : undefined;
    },
});
