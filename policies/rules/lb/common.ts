import * as aws from "../../support/aws";
import { typesOf } from "../../framework";

export const LISTENER_TYPES = typesOf(aws.lb.Listener, aws.alb.Listener);
export const LISTENER_RULE_TYPES = typesOf(aws.lb.ListenerRule, aws.alb.ListenerRule);
export const LOAD_BALANCER_TYPES = typesOf(aws.lb.LoadBalancer, aws.alb.LoadBalancer);

/** A listener's effective protocol: the provider accepts any case and defaults an omitted protocol to HTTP (ALB). */
export function effectiveProtocol(protocol: unknown): string {
    return protocol === undefined || protocol === null || protocol === "" ? "HTTP" : String(protocol).toUpperCase();
}

/** An action that only sends clients to HTTPS (the redirect's protocol defaults to `#{protocol}`, i.e. stays HTTP). */
export function redirectsToHttps(action: any): boolean {
    return String(action?.type ?? "").toLowerCase() === "redirect" && String(action?.redirect?.protocol ?? "").toUpperCase() === "HTTPS";
}
