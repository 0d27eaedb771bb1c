import * as aws from "../../support/aws";
import { ENCRYPTION_IN_TRANSIT } from "../../controls";
import { asArray, resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "elb-classic-listener-tls",
    displayName: "Classic load balancers listen on TLS only",
    description: "Classic ELB listeners use HTTPS or SSL towards clients (HTTP and TCP listeners are plain text).",
    remediation: "Use lbProtocol https/ssl with sslCertificateId, or move to an ALB/NLB with an approved TLS policy.",
    severity: "high",
    concern: "tls",
    controls: ENCRYPTION_IN_TRANSIT,
    resourceTypes: [aws.elb.LoadBalancer],
    check: (elb) => asArray<any>(elb.listeners)
        .filter((l) => !["HTTPS", "SSL"].includes(String(l?.lbProtocol ?? "").toUpperCase()))
        .map((l) => `listener on port ${l.lbPort} uses ${l.lbProtocol}, not HTTPS/SSL`),
});
