import { UNKNOWN, unk, type RuleCases } from "../../cases";

/** Cases of lb-http-listener-redirects-to-https (test/policies/unit.test.ts runs them in-process). */
const LISTENER = "aws:lb/listener:Listener";
const ALB_LISTENER = "aws:alb/listener:Listener";
const LISTENER_RULE = "aws:lb/listenerRule:ListenerRule";
const REDIRECT = { type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } };

export const cases: RuleCases = {
    compliant: [
        { title: "Gateway Load Balancer listener (no port, no protocol, forward)", stack: [{ type: LISTENER, name: "gwlb", props: { loadBalancerArn: "arn:gwlb", defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }] } }] },
        { title: "redirect to https (any case) on an alb listener, with a redirecting rule", stack: [{ type: ALB_LISTENER, name: "http", props: { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirect: { protocol: "https", port: "443", statusCode: "HTTP_301" } }] } }, { type: "aws:alb/listenerRule:ListenerRule", name: "r", deps: { listenerArn: ["http"] }, props: { actions: [REDIRECT] } }] },
        { title: "a rule of a listener outside the plan", stack: [{ type: LISTENER_RULE, name: "r", props: { listenerArn: "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/a/1/2", actions: [{ type: "forward", targetGroupArn: "arn:tg" }] } }] },
        { title: "redirecting listener with a redirect rule", stack: [{ type: LISTENER, name: "http", props: { protocol: "HTTP", port: 80, defaultActions: [REDIRECT] } }, { type: LISTENER_RULE, name: "r", deps: { listenerArn: ["http"] }, props: { actions: [REDIRECT] } }] },
        { title: "forwarding rule on an HTTPS listener", stack: [{ type: LISTENER, name: "https", props: { protocol: "HTTPS", port: 443, defaultActions: [{ type: "forward" }] } }, { type: LISTENER_RULE, name: "r", deps: { listenerArn: ["https"] }, props: { actions: [{ type: "forward" }] } }] }],
    violating: [
        { title: "port given, protocol omitted (HTTP), forwarding", stack: [{ type: LISTENER, name: "l", props: { port: 8080, defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }] } }], flagged: ["l"] },
        { title: "HTTP protocol, port omitted, forwarding", stack: [{ type: LISTENER, name: "l", props: { protocol: "HTTP", defaultActions: [{ type: "forward", targetGroupArn: "arn:tg" }] } }], flagged: ["l"] },
        { title: "fixed response on HTTP", stack: [{ type: LISTENER, name: "l", props: { protocol: "HTTP", port: 80, defaultActions: [{ type: "fixed-response", fixedResponse: { contentType: "text/plain", statusCode: "200" } }] } }], flagged: ["l"] },
        { title: "alb listener rule forwarding on an HTTP alb listener", stack: [{ type: ALB_LISTENER, name: "http", props: { protocol: "HTTP", port: 80, defaultActions: [REDIRECT] } }, { type: "aws:alb/listenerRule:ListenerRule", name: "r", deps: { listenerArn: ["http"] }, props: { actions: [{ type: "forward", targetGroupArn: "arn:tg" }] } }], flagged: ["r"] },
        { title: "protocol omitted (default HTTP) forwarding", stack: [{ type: LISTENER, name: "l", props: { port: 80, defaultActions: [{ type: "forward" }] } }], flagged: ["l"] },
        { title: "lower-case http forwarding", stack: [{ type: ALB_LISTENER, name: "l", props: { protocol: "http", port: 80, defaultActions: [{ type: "forward" }] } }], flagged: ["l"] },
        { title: "redirect keeping HTTP (#{protocol} default)", stack: [{ type: LISTENER, name: "l", props: { protocol: "HTTP", port: 80, defaultActions: [{ type: "redirect", redirect: { port: "8080" } }] } }], flagged: ["l"] },
        { title: "listener rule forwarding /* on a redirecting HTTP listener", stack: [{ type: LISTENER, name: "http", props: { protocol: "HTTP", port: 80, defaultActions: [REDIRECT] } }, { type: LISTENER_RULE, name: "r", deps: { listenerArn: ["http"] }, props: { actions: [{ type: "forward" }], conditions: [{ pathPattern: { values: ["/*"] } }] } }], flagged: ["r"] }],
    unknown: [unk("one listener's protocol unknown; a literal HTTP forwarder still flagged", "not-judged", { title: "", flagged: ["l"], stack: [{ type: LISTENER, name: "u", props: { protocol: UNKNOWN } }, { type: LISTENER, name: "l", props: { protocol: "HTTP", defaultActions: [{ type: "forward" }] } }] })],
    messages: {
        "port given, protocol omitted (HTTP), forwarding": ["HTTP listener on port 8080 serves traffic (actions: forward) instead of redirecting to HTTPS"],
        "HTTP protocol, port omitted, forwarding": ["HTTP listener on port 80 serves traffic (actions: forward) instead of redirecting to HTTPS"],
        "fixed response on HTTP": ["HTTP listener on port 80 serves traffic (actions: fixed-response) instead of redirecting to HTTPS"],
        "alb listener rule forwarding on an HTTP alb listener": ["listener rule r on HTTP listener http serves traffic (actions: forward) instead of redirecting to HTTPS"],
        "protocol omitted (default HTTP) forwarding": ["HTTP listener on port 80 serves traffic (actions: forward) instead of redirecting to HTTPS"],
        "lower-case http forwarding": ["HTTP listener on port 80 serves traffic (actions: forward) instead of redirecting to HTTPS"],
        "redirect keeping HTTP (#{protocol} default)": ["HTTP listener on port 80 serves traffic (actions: redirect) instead of redirecting to HTTPS"],
        "listener rule forwarding /* on a redirecting HTTP listener": ["listener rule r on HTTP listener http serves traffic (actions: forward) instead of redirecting to HTTPS"],
        "one listener's protocol unknown; a literal HTTP forwarder still flagged": ["HTTP listener on port 80 serves traffic (actions: forward) instead of redirecting to HTTPS", "not judged: u: protocol unknown during preview"],
    },
};
