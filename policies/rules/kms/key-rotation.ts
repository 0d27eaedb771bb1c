import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";

/** Only symmetric encryption keys can rotate automatically; asymmetric and HMAC keys are out of scope. */
export const rule = resourceRule({
    name: "kms-key-rotation",
    displayName: "KMS keys rotate",
    description: "Customer-managed symmetric KMS keys have automatic rotation on (omitted is off).",
    remediation: "Set enableKeyRotation: true (and rotationPeriodInDays, 90–2560, if the default 365 is too long).",
    severity: "medium",
    controls: { "pci-dss-4.0": ["3.6.1", "3.7.4"], soc2: ["CC6.1"], "cis-aws-3.0": ["3.6"] },
    resourceTypes: [aws.kms.Key],
    check: (key) => {
        const spec = String(key.customerMasterKeySpec ?? key.keySpec ?? "SYMMETRIC_DEFAULT").toUpperCase();
        if (spec !== "SYMMETRIC_DEFAULT") return undefined;
        return key.enableKeyRotation === true ? undefined : "automatic key rotation is off (enableKeyRotation is not true)";
    },
});
