import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of lb-listener-tls-policy (test/policies/unit.test.ts runs them in-process). */
const LISTENER = "aws:lb/listener:Listener";
const ALB_LISTENER = "aws:alb/listener:Listener";
const TLS13 = "ELBSecurityPolicy-TLS13-1-2-2021-06";

export const cases: RuleCases = {
    compliant: [res("TLS 1.3", LISTENER, { protocol: "HTTPS", sslPolicy: TLS13 }), res("HTTP listener (judged elsewhere)", LISTENER, { protocol: "HTTP" }), res("alb alias, TLS 1.3", ALB_LISTENER, { protocol: "https", sslPolicy: TLS13 }),
        res("FIPS TLS 1.3 policy (as strict as an allowed one)", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04" }),
        res("FIPS TLS 1.3-only policy", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04" }),
        res("post-quantum restricted policy", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" })],
    violating: [res("old policy", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08" }),
        res("FIPS policy that still accepts TLS 1.0", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04" }),
        res("FIPS policy with extended (SHA-1) ciphers", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04" }),
        res("undocumented policy name", LISTENER, { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-TLS13-9-9-2099-01" }), res("lower-case https with old policy", LISTENER, { protocol: "https", sslPolicy: "ELBSecurityPolicy-2016-08" }),
        res("no policy (provider default 2016-08)", ALB_LISTENER, { protocol: "HTTPS" }), res("NLB TLS listener", LISTENER, { protocol: "tls", sslPolicy: "ELBSecurityPolicy-TLS-1-1-2017-01" })],
    unknown: [unk("protocol unknown", "not-judged", res("", LISTENER, { protocol: UNKNOWN }))],
    messages: {
        "old policy": ["sslPolicy ELBSecurityPolicy-2016-08 accepts TLS 1.0+, no TLS 1.3 with extended ciphers, which none of the allowed policies (ELBSecurityPolicy-TLS13-1-3-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, ELBSecurityPolicy-TLS13-1-2-2021-06) accepts"],
        "FIPS policy that still accepts TLS 1.0": ["sslPolicy ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04 accepts TLS 1.0+ and 1.3 with extended ciphers, which none of the allowed policies (ELBSecurityPolicy-TLS13-1-3-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, ELBSecurityPolicy-TLS13-1-2-2021-06) accepts"],
        "FIPS policy with extended (SHA-1) ciphers": ["sslPolicy ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-2023-04 accepts TLS 1.2+ and 1.3 with extended ciphers, which none of the allowed policies (ELBSecurityPolicy-TLS13-1-3-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, ELBSecurityPolicy-TLS13-1-2-2021-06) accepts"],
        "undocumented policy name": ["sslPolicy ELBSecurityPolicy-TLS13-9-9-2099-01 is not a documented ELB security policy, which none of the allowed policies (ELBSecurityPolicy-TLS13-1-3-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, ELBSecurityPolicy-TLS13-1-2-2021-06) accepts"],
        "lower-case https with old policy": ["sslPolicy ELBSecurityPolicy-2016-08 accepts TLS 1.0+, no TLS 1.3 with extended ciphers, which none of the allowed policies (ELBSecurityPolicy-TLS13-1-3-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, ELBSecurityPolicy-TLS13-1-2-2021-06) accepts"],
        "no policy (provider default 2016-08)": ["HTTPS listener has no sslPolicy (the provider's default ELBSecurityPolicy-2016-08 allows TLS 1.0/1.1)"],
        "NLB TLS listener": ["sslPolicy ELBSecurityPolicy-TLS-1-1-2017-01 accepts TLS 1.1+, no TLS 1.3 with extended ciphers, which none of the allowed policies (ELBSecurityPolicy-TLS13-1-3-2021-06, ELBSecurityPolicy-TLS13-1-2-Res-2021-06, ELBSecurityPolicy-TLS13-1-2-2021-06) accepts"],
        "protocol unknown": ["not judged: protocol unknown during preview"],
    },
};
