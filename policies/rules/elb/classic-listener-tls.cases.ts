import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of elb-classic-listener-tls (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [
        res("SSL (any case) and HTTPS listeners", "aws:elb/loadBalancer:LoadBalancer", { listeners: [{ lbPort: 443, lbProtocol: "HTTPS", instancePort: 8443, instanceProtocol: "https", sslCertificateId: "arn:aws:acm:eu-west-1:111122223333:certificate/c" }, { lbPort: 8443, lbProtocol: "ssl", instancePort: 8443, instanceProtocol: "ssl", sslCertificateId: "arn:aws:acm:eu-west-1:111122223333:certificate/c" }] }),
        res("HTTPS", "aws:elb/loadBalancer:LoadBalancer", { listeners: [{ lbPort: 443, lbProtocol: "https", instancePort: 80, instanceProtocol: "http" }] })],
    violating: [
        res("an HTTP listener beside an HTTPS one", "aws:elb/loadBalancer:LoadBalancer", { listeners: [{ lbPort: 443, lbProtocol: "https", instancePort: 80, instanceProtocol: "http", sslCertificateId: "arn:aws:acm:eu-west-1:111122223333:certificate/c" }, { lbPort: 80, lbProtocol: "HTTP", instancePort: 80, instanceProtocol: "HTTP" }] }),
        res("HTTP", "aws:elb/loadBalancer:LoadBalancer", { listeners: [{ lbPort: 80, lbProtocol: "http", instancePort: 80, instanceProtocol: "http" }] }),
        res("TCP", "aws:elb/loadBalancer:LoadBalancer", { listeners: [{ lbPort: 443, lbProtocol: "TCP", instancePort: 443, instanceProtocol: "TCP" }] })],
    unknown: [unk("unknown", "not-judged", res("", "aws:elb/loadBalancer:LoadBalancer", { listeners: UNKNOWN }))],
    messages: {
        "an HTTP listener beside an HTTPS one": ["listener on port 80 uses HTTP, not HTTPS/SSL"],
        "HTTP": ["listener on port 80 uses http, not HTTPS/SSL"],
        "TCP": ["listener on port 443 uses TCP, not HTTPS/SSL"],
        "unknown": ["not judged: listeners unknown during preview"],
    },
};
