import { PolicyPack } from "@pulumi/policy";
import { buildPolicies } from "./framework";
import { packRules } from "./rules";

/**
 * The platform's CrossGuard pack: encryption, TLS, retention, exposure, resilience and hygiene rules for any Pulumi
 * AWS program, mapped to PCI DSS 4.0, SOC 2, CIS AWS Foundations 3.0 and GDPR Art. 32 (policies/controls.ts).
 * One rule per file under policies/rules/<service>/. Levels and thresholds per stack: policies/config/<stack>.json
 * (`--policy-pack-config`).
 */
new PolicyPack("aws-platform-compliance", {
    description: "Encryption, TLS, retention, exposure, resilience and tagging rules for AWS, mapped to PCI DSS 4.0, SOC 2, CIS AWS 3.0 and GDPR Art. 32",
    displayName: "AWS platform compliance",
    enforcementLevel: "mandatory",
    policies: buildPolicies(packRules),
});
