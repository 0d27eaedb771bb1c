import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "ebs-volume-encrypted",
    displayName: "EBS volumes and snapshots encrypted",
    description: "EBS volumes and snapshot copies are encrypted (omitted means unencrypted unless the account default is on, which the program cannot show).",
    remediation: "Set encrypted: true (and kmsKeyId) on the volume or snapshot copy, or restore from an encrypted snapshot.",
    concern: "encryption-at-rest",
    severity: "high",
    resourceTypes: [aws.ebs.Volume, aws.ebs.SnapshotCopy],
    check: (volume) => (volume.encrypted !== true ? "volume is not encrypted (encrypted is not true)" : undefined),
});
