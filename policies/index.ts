import { PolicyPack } from "@pulumi/policy";
import { resourcePolicy, stackPolicy, waivedFindingsPolicies } from "./framework";
import { deployResourceRules, deployStackRules } from "./rules/deploy";
import { resourceRules } from "./rules/resource-rules";
import { stackRules, taggingRule } from "./rules/stack-rules";

/**
 * The platform's CrossGuard pack: encryption, TLS, retention, exposure, resilience and hygiene rules for any Pulumi
 * AWS program, mapped to PCI DSS 4.0, SOC 2, CIS AWS Foundations 3.0 and GDPR Art. 32 (policies/controls.ts).
 * Levels and thresholds per stack: policies/config/<stack>.json (`--policy-pack-config`).
 */
new PolicyPack("aws-platform-compliance", {
    description: "Encryption, TLS, retention, exposure, resilience and tagging rules for AWS, mapped to PCI DSS 4.0, SOC 2, CIS AWS 3.0 and GDPR Art. 32",
    displayName: "AWS platform compliance",
    enforcementLevel: "mandatory",
    policies: [
        ...resourceRules.map(resourcePolicy),
        resourcePolicy(taggingRule),
        ...stackRules.map(stackPolicy),
        // Deploy validity: what AWS would refuse on `pulumi up` (category deploy-validity).
        ...deployResourceRules.map(resourcePolicy),
        ...deployStackRules.map(stackPolicy),
        // Last, so they see what the rules above waived in the same request.
        ...waivedFindingsPolicies(),
    ],
});
