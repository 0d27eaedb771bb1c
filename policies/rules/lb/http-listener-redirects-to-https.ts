import { PolicyResource } from "@pulumi/policy";
import { asArray, RuleFinding, judgeEach, refersTo, stackRule } from "../../framework";
import { effectiveProtocol, LISTENER_RULE_TYPES, LISTENER_TYPES, redirectsToHttps } from "./common";
import { ENCRYPTION_IN_TRANSIT } from "../../controls";

/**
 * A plain-HTTP listener (protocol HTTP in any case, or omitted: the provider's default) may only redirect to HTTPS —
 * its default actions and every listener rule attached to it. A rule on a listener outside the stack is not judged.
 */
export const rule = stackRule({
    name: "lb-http-listener-redirects-to-https",
    controls: ENCRYPTION_IN_TRANSIT,
    displayName: "Plain HTTP listeners only redirect to HTTPS",
    description: "A listener on HTTP serves nothing: its default action and all its listener rules only redirect to HTTPS.",
    remediation: "Make the HTTP listener's default action a redirect with protocol HTTPS, port 443, status HTTP_301, drop forwarding rules from it, and serve traffic on the HTTPS listener.",
    concern: "tls",
    severity: "high",
    types: [...LISTENER_TYPES, ...LISTENER_RULE_TYPES],
    check: (resources) => {
        const isHttp = (listener: PolicyResource) => effectiveProtocol(listener.props.protocol) === "HTTP" && !isGateway(listener);
        const listeners = resources.filter((r) => LISTENER_TYPES.includes(r.type));
        const fromListeners = judgeEach(listeners, (listener): RuleFinding | undefined => {
            if (!isHttp(listener)) return undefined;
            const actions: any[] = asArray(listener.props.defaultActions);
            return actions.length > 0 && actions.every(redirectsToHttps) ? undefined : {
                urn: listener.urn, name: listener.name,
                message: `HTTP listener on port ${listener.props.port ?? 80} serves traffic (actions: ${actions.map((a) => a.type).join(", ") || "none"}) instead of redirecting to HTTPS`,
            };
        });
        const fromRules = judgeEach(resources.filter((r) => LISTENER_RULE_TYPES.includes(r.type)), (listenerRule): RuleFinding | undefined => {
            const listener = listeners.find((l) => refersTo(listenerRule, "listenerArn", l));
            if (!listener || !isHttp(listener)) return undefined;
            const actions: any[] = asArray(listenerRule.props.actions);
            return actions.every(redirectsToHttps) ? undefined : {
                urn: listenerRule.urn, name: listenerRule.name,
                message: `listener rule ${listenerRule.name} on HTTP listener ${listener.name} serves traffic (actions: ${actions.map((a) => a.type).join(", ") || "none"}) instead of redirecting to HTTPS`,
            };
        });
        return [...fromListeners, ...fromRules];
    },
});

/** Gateway Load Balancer listeners carry no protocol at all (GENEVE); they are not HTTP. */
function isGateway(listener: PolicyResource): boolean {
    const actions = asArray<any>(listener.props.defaultActions);
    return actions.length > 0 && actions.every((a) => a?.type === "forward") && listener.props.port === undefined && listener.props.protocol === undefined;
}
