import type { ApplicationLoadBalancerArgs } from "@pulumi/awsx/lb/applicationLoadBalancer";
import { Unwrap } from "@pulumi/pulumi";
import { ENCRYPTION_IN_TRANSIT } from "../../controls";
import { asArray, CheckResult, ResourceRule } from "../../framework";
import { effectiveProtocol, redirectsToHttps } from "../lb/common";
import { APPROVED_TLS_POLICIES, tlsPolicyNotAllowed } from "../../../lib/rules/tls";

type AlbArgs = Partial<Unwrap<ApplicationLoadBalancerArgs>>;

/**
 * awsx:lb:ApplicationLoadBalancer: without `listener`/`listeners` it creates a plain HTTP listener on port 80 that
 * forwards, and a default security group open to the internet on its listener ports. Judged on its inputs.
 */
export const rule: ResourceRule = {
    name: "awsx-alb-secure",
    displayName: "awsx ALBs: HTTPS with an approved policy, HTTP only redirects",
    description: "awsx:lb:ApplicationLoadBalancer declares its listeners (the default is plain HTTP on 80, forwarding), every HTTP listener only redirects to HTTPS and every HTTPS listener sets an approved sslPolicy.",
    remediation: "Pass listeners: an HTTPS listener (certificateArn, sslPolicy ELBSecurityPolicy-TLS13-1-2-2021-06) and an HTTP listener whose defaultActions redirect to HTTPS.",
    severity: "high",
    concern: ["tls", "public-exposure"],
    controls: ENCRYPTION_IN_TRANSIT,
    types: ["awsx:lb:ApplicationLoadBalancer"],
    config: {
        allowedSslPolicies: { type: "array", items: { type: "string" }, default: [...APPROVED_TLS_POLICIES] },
    },
    check: (props, _args, config): CheckResult => {
        const alb = props as AlbArgs;
        const listeners = [...asArray<any>(alb.listener), ...asArray<any>(alb.listeners)];
        if (listeners.length === 0) return "no listeners declared: awsx creates a plain HTTP listener on port 80 that forwards traffic";
        const problems: string[] = [];
        for (const l of listeners) {
            const protocol = effectiveProtocol(l?.protocol);
            if (protocol === "HTTP") {
                const actions = asArray<any>(l.defaultActions);
                if (actions.length === 0 || !actions.every(redirectsToHttps)) problems.push(`HTTP listener on port ${l.port ?? 80} serves traffic instead of redirecting to HTTPS`);
            } else if (protocol === "HTTPS" && tlsPolicyNotAllowed(l.sslPolicy, config.allowedSslPolicies) !== undefined) {
                problems.push(`HTTPS listener on port ${l.port ?? 443} uses sslPolicy ${l.sslPolicy ?? "(default ELBSecurityPolicy-2016-08)"}, not an approved one`);
            }
        }
        return problems;
    },
};
