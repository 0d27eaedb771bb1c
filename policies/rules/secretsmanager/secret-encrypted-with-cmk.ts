import * as aws from "../../support/aws";
import { isSet, resourceRule } from "../../framework";
import { ENCRYPTION_AT_REST } from "../../controls";

export const rule = resourceRule({
    name: "secretsmanager-secret-encrypted-with-cmk",
    controls: { ...ENCRYPTION_AT_REST, "pci-dss-4.0": ["3.5.1", "3.6.1"] },
    displayName: "Secrets encrypted with a customer key",
    description: "Secrets Manager secrets use a customer-managed KMS key, so access to the key is auditable and revocable.",
    remediation: "Set kmsKeyId on the secret to a customer-managed key.",
    concern: "encryption-at-rest",
    severity: "medium",
    resourceTypes: [aws.secretsmanager.Secret],
    check: (secret) => (!isSet(secret, "kmsKeyId") ? "secret uses the AWS-managed key (no kmsKeyId)" : undefined),
});
