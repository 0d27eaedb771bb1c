import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";
import { ENCRYPTION_AT_REST } from "../../controls";

export const rule = resourceRule({
    name: "ec2-ebs-volume-encrypted",
    controls: { ...ENCRYPTION_AT_REST, "cis-aws-3.0": ["2.2.1"] },
    displayName: "EBS volumes and snapshots encrypted",
    description: "EBS volumes and snapshot copies are encrypted (omitted means unencrypted unless the account default is on, which the program cannot show).",
    remediation: "Set encrypted: true (and kmsKeyId) on the volume or snapshot copy, or restore from an encrypted snapshot.",
    concern: "encryption-at-rest",
    severity: "high",
    resourceTypes: [aws.ebs.Volume, aws.ebs.SnapshotCopy],
    check: (volume) => (volume.encrypted !== true ? "volume is not encrypted (encrypted is not true)" : undefined),
});
