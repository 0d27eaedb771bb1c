import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "ecr-scan-and-immutable-tags",
    displayName: "ECR scans on push and keeps tags immutable",
    description: "ECR repositories scan images on push and make tags immutable, so a deployed tag cannot be swapped for another image (the defaults are no scan, MUTABLE).",
    remediation: "Set imageScanningConfiguration: { scanOnPush: true } and imageTagMutability: \"IMMUTABLE\" (or IMMUTABLE_WITH_EXCLUSION).",
    severity: "medium",
    controls: { "pci-dss-4.0": ["6.3.3", "11.3.1"], soc2: ["CC7.1", "CC8.1"] },
    resourceTypes: [aws.ecr.Repository],
    check: (repo) => {
        const problems: string[] = [];
        if (repo.imageScanningConfiguration?.scanOnPush !== true) problems.push("images are not scanned on push");
        if (!String(repo.imageTagMutability ?? "MUTABLE").toUpperCase().startsWith("IMMUTABLE")) problems.push("image tags are mutable");
        return problems;
    },
});
