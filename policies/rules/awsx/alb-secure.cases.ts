import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of awsx-alb-secure (test/policies/unit.test.ts runs them in-process). */
const TLS13 = "ELBSecurityPolicy-TLS13-1-2-2021-06";
const REDIRECT = { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } };

export const cases: RuleCases = {
    compliant: [
        res("HTTPS listener with an approved policy, port omitted; redirecting HTTP, port omitted", "awsx:lb:ApplicationLoadBalancer", { listeners: [{ protocol: "HTTPS", sslPolicy: TLS13, certificateArn: "arn" }, { protocol: "HTTP", defaultActions: [REDIRECT] }] }),
        res("HTTPS + redirect", "awsx:lb:ApplicationLoadBalancer", { listeners: [{ port: 443, protocol: "HTTPS", sslPolicy: TLS13, certificateArn: "arn" }, { port: 80, protocol: "HTTP", defaultActions: [REDIRECT] }] })],
    violating: [
        res("HTTP listener, port omitted (80), forwarding", "awsx:lb:ApplicationLoadBalancer", { listener: { protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }] } }),
        res("HTTPS listener, port omitted (443), old policy", "awsx:lb:ApplicationLoadBalancer", { listener: { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08", certificateArn: "arn" } }),
        res("no listeners (default HTTP:80 forward)", "awsx:lb:ApplicationLoadBalancer", {}), res("HTTPS without policy", "awsx:lb:ApplicationLoadBalancer", { listener: { port: 443, protocol: "HTTPS", certificateArn: "arn" } }),
        res("http (lower case) forwarding", "awsx:lb:ApplicationLoadBalancer", { listeners: [{ port: 80, protocol: "http" }] })],
    unknown: [unk("listeners unknown", "not-judged", res("", "awsx:lb:ApplicationLoadBalancer", { listeners: UNKNOWN }))],
    messages: {
        "HTTP listener, port omitted (80), forwarding": ["HTTP listener on port 80 serves traffic instead of redirecting to HTTPS"],
        "HTTPS listener, port omitted (443), old policy": ["HTTPS listener on port 443 uses sslPolicy ELBSecurityPolicy-2016-08, not an approved one"],
        "no listeners (default HTTP:80 forward)": ["no listeners declared: awsx creates a plain HTTP listener on port 80 that forwards traffic"],
        "HTTPS without policy": ["HTTPS listener on port 443 uses sslPolicy (default ELBSecurityPolicy-2016-08), not an approved one"],
        "http (lower case) forwarding": ["HTTP listener on port 80 serves traffic instead of redirecting to HTTPS"],
        "listeners unknown": ["not judged: listeners unknown during preview"],
    },
};
