/**
 * Rules renamed in pack 2.0.0 so that every name is its file's path, `<folder>-<file>`: old name → new name. A policy
 * config still keyed by an old name would otherwise be ignored (the engine passes unknown keys on and no policy reads
 * them), dropping its level, thresholds and waivers unseen — so the pack reports it (framework.ts, `policy-weakened`).
 */
export const RENAMED_POLICIES: Readonly<Record<string, string>> = {
    "log-group-encrypted": "cloudwatch-log-group-encrypted",
    "log-group-retention": "cloudwatch-log-group-retention",
    "ebs-volume-encrypted": "ec2-ebs-volume-encrypted",
    "no-open-ingress": "ec2-no-open-ingress",
    "deletion-protection": "general-deletion-protection",
    "encryption-at-rest": "general-encryption-at-rest",
    "required-tags": "general-required-tags",
    "stateful-resources-protected": "general-stateful-resources-protected",
    "tls-required": "general-tls-required",
    "alb-waf-protected": "lb-alb-waf-protected",
    "http-listener-redirects-to-https": "lb-http-listener-redirects-to-https",
    "final-snapshot": "rds-final-snapshot",
    "performance-insights-encrypted": "rds-performance-insights-encrypted",
    "no-plaintext-secrets": "secrets-no-plaintext-secrets",
    "secret-encrypted-with-cmk": "secretsmanager-secret-encrypted-with-cmk",
};
