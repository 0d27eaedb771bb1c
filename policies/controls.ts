/**
 * The one compliance-mapping table. Every rule names the controls it supports; the pack publishes them as policy
 * `tags` in the form `<framework>:<control>` (e.g. `pci-dss-4.0:3.5.1`) and its `framework` field, so the Pulumi CLI,
 * Pulumi Cloud and the offline preview's compliance report all read the same mapping.
 */
export type Framework = "pci-dss-4.0" | "soc2" | "cis-aws-3.0" | "gdpr";

export const FRAMEWORKS: Record<Framework, { name: string; version: string; reference: string; specification: string }> = {
    "pci-dss-4.0": { name: "PCI DSS", version: "4.0", reference: "https://www.pcisecuritystandards.org/document_library/", specification: "Payment Card Industry Data Security Standard" },
    soc2: { name: "SOC 2", version: "2017 TSC", reference: "https://www.aicpa-cima.com/resources/download/2017-trust-services-criteria-with-revised-points-of-focus-2022", specification: "AICPA Trust Services Criteria" },
    "cis-aws-3.0": { name: "CIS AWS Foundations Benchmark", version: "3.0.0", reference: "https://www.cisecurity.org/benchmark/amazon_web_services", specification: "CIS Amazon Web Services Foundations Benchmark" },
    gdpr: { name: "GDPR", version: "2016/679", reference: "https://eur-lex.europa.eu/eli/reg/2016/679/oj", specification: "Art. 32 Security of processing" },
};

export type Controls = Partial<Record<Framework, string[]>>;

export const ENCRYPTION_AT_REST: Controls = { "pci-dss-4.0": ["3.5.1"], soc2: ["CC6.1"], gdpr: ["art-32"] };
export const ENCRYPTION_IN_TRANSIT: Controls = { "pci-dss-4.0": ["4.2.1"], soc2: ["CC6.7"], gdpr: ["art-32"] };
export const LOG_RETENTION: Controls = { "pci-dss-4.0": ["10.5.1"], soc2: ["CC7.2"] };
export const BACKUP: Controls = { "pci-dss-4.0": ["12.10.1"], soc2: ["A1.2", "CC9.1"], gdpr: ["art-32"] };
export const NETWORK_EXPOSURE: Controls = { "pci-dss-4.0": ["1.3.1", "1.4.1"], soc2: ["CC6.6"], gdpr: ["art-32"] };
export const AVAILABILITY: Controls = { soc2: ["A1.2"], gdpr: ["art-32"] };
/** Least privilege and no public or cross-account access (policy documents, attachments, shares). */
export const ACCESS: Controls = { "pci-dss-4.0": ["7.2.1", "7.2.2"], soc2: ["CC6.1", "CC6.3"], "cis-aws-3.0": ["1.16"], gdpr: ["art-32"] };
export const CHANGE_SAFETY: Controls = { soc2: ["CC8.1", "A1.2"] };

/** Rule name → controls. A rule missing here fails the pack's own test. */
export const CONTROLS: Record<string, Controls> = {
    "rds-storage-encrypted": { ...ENCRYPTION_AT_REST, "cis-aws-3.0": ["2.3.1"] },
    "elasticache-encrypted-at-rest": ENCRYPTION_AT_REST,
    "s3-bucket-encrypted": ENCRYPTION_AT_REST,
    "ebs-volume-encrypted": { ...ENCRYPTION_AT_REST, "cis-aws-3.0": ["2.2.1"] },
    "log-group-encrypted": { "pci-dss-4.0": ["3.5.1", "10.3.2"], soc2: ["CC6.1"], "cis-aws-3.0": ["3.5"], gdpr: ["art-32"] },
    "sns-topic-encrypted": ENCRYPTION_AT_REST,
    "secret-encrypted-with-cmk": { ...ENCRYPTION_AT_REST, "pci-dss-4.0": ["3.5.1", "3.6.1"] },
    "backup-vault-encrypted": ENCRYPTION_AT_REST,
    "performance-insights-encrypted": ENCRYPTION_AT_REST,
    "lb-listener-tls-policy": ENCRYPTION_IN_TRANSIT,
    "http-listener-redirects-to-https": ENCRYPTION_IN_TRANSIT,
    "elasticache-transit-encryption": ENCRYPTION_IN_TRANSIT,
    "rds-parameter-group-forces-tls": ENCRYPTION_IN_TRANSIT,
    "s3-bucket-denies-insecure-transport": { ...ENCRYPTION_IN_TRANSIT, "cis-aws-3.0": ["2.1.1"] },
    "rds-backup-retention": BACKUP,
    "backup-plan-retention": { ...BACKUP, "pci-dss-4.0": ["3.2.1", "12.10.1"] },
    "backup-vault-locked": { ...BACKUP, soc2: ["A1.2", "CC6.1"] },
    "log-group-retention": LOG_RETENTION,
    "elasticache-snapshot-retention": BACKUP,
    "s3-bucket-versioning": { soc2: ["A1.2", "CC6.1"], gdpr: ["art-32"] },
    "rds-not-publicly-accessible": { ...NETWORK_EXPOSURE, "cis-aws-3.0": ["2.3.3"] },
    "no-open-ingress": { ...NETWORK_EXPOSURE, "cis-aws-3.0": ["5.2", "5.3"] },
    "ecs-no-public-ip": NETWORK_EXPOSURE,
    "s3-public-access-blocked": { ...NETWORK_EXPOSURE, "cis-aws-3.0": ["2.1.4"] },
    "alb-waf-protected": { "pci-dss-4.0": ["6.4.2"], soc2: ["CC6.6", "CC7.1"] },
    "rds-multi-az": AVAILABILITY,
    "elasticache-failover": AVAILABILITY,
    "ecs-circuit-breaker": CHANGE_SAFETY,
    "deletion-protection": { soc2: ["A1.2", "CC6.1"], gdpr: ["art-32"] },
    "final-snapshot": BACKUP,
    "stateful-resources-protected": { soc2: ["CC8.1", "A1.2"], gdpr: ["art-32"] },
    "required-tags": { "pci-dss-4.0": ["12.5.1"], soc2: ["CC2.1"] },
    "no-plaintext-secrets": { "pci-dss-4.0": ["8.3.2", "8.6.2"], soc2: ["CC6.1"], gdpr: ["art-32"] },
    "waived-findings": { soc2: ["CC3.4"] },
    // Deploy validity (policies/rules/deploy/): a change that AWS would refuse or ignore is a change-management failure.
    "deploy-cross-region-references": CHANGE_SAFETY,
    "deploy-replica-managed-password": CHANGE_SAFETY,
    "deploy-engine-version-auto-upgrade": CHANGE_SAFETY,
    "deploy-lb-log-bucket-ready": { ...CHANGE_SAFETY, "pci-dss-4.0": ["10.2.1"], soc2: ["CC8.1", "A1.2", "CC7.2"] },
    "deploy-backup-lifecycle": { ...BACKUP, soc2: ["CC8.1", "A1.2", "CC9.1"] },
    "deploy-backup-cold-storage-applies": CHANGE_SAFETY,
    "deploy-backup-vault-lock-bounds": { ...BACKUP, soc2: ["CC8.1", "A1.2", "CC9.1"] },
    "deploy-backup-vault-events": { ...BACKUP, soc2: ["CC8.1", "A1.2", "CC7.3"] },
    "deploy-log-group-retention-value": { ...LOG_RETENTION, soc2: ["CC8.1", "CC7.2"] },
    "deploy-fargate-task-size": CHANGE_SAFETY,
    "deploy-performance-insights-retention": CHANGE_SAFETY,
    "deploy-rds-windows": CHANGE_SAFETY,
    "deploy-rds-cluster-iops": CHANGE_SAFETY,
    "deploy-engine-standard-support": CHANGE_SAFETY,
    "deploy-parameter-values": CHANGE_SAFETY,
    "deploy-backup-copy-supported": { ...BACKUP, soc2: ["CC8.1", "A1.2", "CC9.1"] },
    "waived-stack-findings": { soc2: ["CC3.4"] },
};

/** Rule name → category tag (a tag without `:`, so it is not read as a control), for reports that group rules. */
export const CATEGORIES: Record<string, "deploy-validity"> = Object.fromEntries(
    Object.keys(CONTROLS).filter((rule) => rule.startsWith("deploy-")).map((rule) => [rule, "deploy-validity" as const]),
);

/** A rule's policy tags: `pci-dss-4.0:3.5.1`-style controls, then its category (e.g. `deploy-validity`) if it has one. */
export function controlTags(rule: string, own?: Controls): string[] {
    const controls = own ?? CONTROLS[rule];
    if (!controls) {
        throw new Error(`policy ${rule} has no entry in policies/controls.ts`);
    }
    const tags = Object.entries(controls).flatMap(([framework, ids]) => (ids ?? []).map((id) => `${framework}:${id}`));
    return CATEGORIES[rule] ? [...tags, CATEGORIES[rule]] : tags;
}

/** The framework shown first for a rule: PCI DSS when mapped (the seeds' financial data), else the first one. */
export function primaryFramework(rule: string, own?: Controls) {
    const controls = own ?? CONTROLS[rule] ?? {};
    const key = (controls["pci-dss-4.0"] ? "pci-dss-4.0" : Object.keys(controls)[0]) as Framework | undefined;
    return key ? FRAMEWORKS[key] : undefined;
}
