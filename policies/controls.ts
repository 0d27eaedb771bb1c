/**
 * Control definitions: the frameworks and the named sets of controls rules share. Which controls a rule supports is
 * declared in one place only, the rule's own metadata (`controls`, required by `RuleMeta` in framework.ts: a rule
 * without it does not compile), usually one of the sets below, extended where the rule maps further. The pack
 * publishes them as policy `tags` in the form `<framework>:<control>` (e.g. `pci-dss-4.0:3.5.1`) and its `framework`
 * field, so the Pulumi CLI, Pulumi Cloud and the offline preview's compliance report all read the same mapping.
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

/**
 * A rule's category tag (a tag without `:`, so it is not read as a control), for reports that group rules: the rules of
 * policies/rules/deploy/ (named `deploy-<file>`, test/policies/structure.test.ts) are `deploy-validity`.
 */
export function categoryOf(rule: string): "deploy-validity" | undefined {
    return rule.startsWith("deploy-") ? "deploy-validity" : undefined;
}

/** A rule's policy tags: `pci-dss-4.0:3.5.1`-style controls, then its category (e.g. `deploy-validity`) if it has one. */
export function controlTags(rule: string, controls: Controls): string[] {
    if (Object.values(controls).every((ids) => !ids || ids.length === 0)) {
        throw new Error(`policy ${rule} maps to no control: give it \`controls\` in its metadata`);
    }
    const tags = Object.entries(controls).flatMap(([framework, ids]) => (ids ?? []).map((id) => `${framework}:${id}`));
    const category = categoryOf(rule);
    return category ? [...tags, category] : tags;
}

/** The framework shown first for a rule: PCI DSS when mapped (the seeds' financial data), else the first one. */
export function primaryFramework(controls: Controls) {
    const key = (controls["pci-dss-4.0"] ? "pci-dss-4.0" : Object.keys(controls)[0]) as Framework | undefined;
    return key ? FRAMEWORKS[key] : undefined;
}
