import { UNKNOWN, res, unk, type RuleCases } from "../../cases";

/** Cases of ec2-instance-hardening (test/policies/unit.test.ts runs them in-process). */

export const cases: RuleCases = {
    compliant: [
        res("metadata endpoint disabled (no IMDS at all)", "aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", metadataOptions: { httpEndpoint: "disabled" }, rootBlockDevice: { encrypted: true } }),
        res("EBS device restored from a snapshot (inherits its encryption)", "aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", metadataOptions: { httpTokens: "required" }, rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }, { deviceName: "/dev/sdg", snapshotId: "snap-1" }] }),
        res("launch template: snapshot mapping, instance-store mapping, private interfaces", "aws:ec2/launchTemplate:LaunchTemplate", { metadataOptions: { httpTokens: "required" }, blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { snapshotId: "snap-1" } }, { deviceName: "/dev/sdb", virtualName: "ephemeral0" }], networkInterfaces: [{ deviceIndex: 0 }, { deviceIndex: 1, associatePublicIpAddress: false }] }),
        res("IMDSv2, encrypted, private", "aws:ec2/instance:Instance", { metadataOptions: { httpTokens: "required" }, rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ encrypted: true }] }),
        res("launch template with string flags", "aws:ec2/launchTemplate:LaunchTemplate", { metadataOptions: { httpTokens: "required" }, blockDeviceMappings: [{ ebs: { encrypted: "true" } }], networkInterfaces: [{ associatePublicIpAddress: "false" }] })],
    violating: [
        res("IMDS endpoint enabled explicitly, tokens optional", "aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", metadataOptions: { httpEndpoint: "enabled", httpTokens: "optional" }, rootBlockDevice: { encrypted: true } }),
        res("one unencrypted EBS device among encrypted ones", "aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", metadataOptions: { httpTokens: "required" }, rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true }, { deviceName: "/dev/sdg", volumeSize: 100 }] }),
        res("launch template: one unencrypted EBS mapping, one public interface of two", "aws:ec2/launchTemplate:LaunchTemplate", { metadataOptions: { httpTokens: "required" }, blockDeviceMappings: [{ deviceName: "/dev/sdf", ebs: { encrypted: "true" } }, { deviceName: "/dev/sdg", ebs: { volumeSize: 100 } }], networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false" }, { deviceIndex: 1, associatePublicIpAddress: true }] }),
        res("launch template with IMDS defaults", "aws:ec2/launchTemplate:LaunchTemplate", { imageId: "ami-1" }),
        res("launch configuration with defaults", "aws:ec2/launchConfiguration:LaunchConfiguration", { imageId: "ami-1", instanceType: "t3.micro", rootBlockDevice: { encrypted: false } }),
        res("defaults (IMDSv1, unencrypted root)", "aws:ec2/instance:Instance", {}), res("public IP", "aws:ec2/instance:Instance", { metadataOptions: { httpTokens: "required" }, rootBlockDevice: { encrypted: true }, associatePublicIpAddress: true }),
        res("launch template public IP (string)", "aws:ec2/launchTemplate:LaunchTemplate", { metadataOptions: { httpTokens: "required" }, networkInterfaces: [{ associatePublicIpAddress: "true" }] }),
        res("spot request with IMDSv1", "aws:ec2/spotInstanceRequest:SpotInstanceRequest", { rootBlockDevice: { encrypted: true } })],
    unknown: [unk("metadata options unknown", "not-judged", res("", "aws:ec2/instance:Instance", { metadataOptions: UNKNOWN }))],
    messages: {
        "IMDS endpoint enabled explicitly, tokens optional": ["IMDSv1 is allowed (metadataOptions.httpTokens is not required)"],
        "one unencrypted EBS device among encrypted ones": ["an EBS block device is not encrypted"],
        "launch template: one unencrypted EBS mapping, one public interface of two": ["a block device mapping is not encrypted", "network interfaces get a public IP address"],
        "launch template with IMDS defaults": ["IMDSv1 is allowed (metadataOptions.httpTokens is not required)"],
        "launch configuration with defaults": ["IMDSv1 is allowed (metadataOptions.httpTokens is not required)", "the root volume is not encrypted (rootBlockDevice.encrypted is not true)"],
        "defaults (IMDSv1, unencrypted root)": ["IMDSv1 is allowed (metadataOptions.httpTokens is not required)", "the root volume is not encrypted (rootBlockDevice.encrypted is not true)"],
        "public IP": ["the instance gets a public IP address"],
        "launch template public IP (string)": ["network interfaces get a public IP address"],
        "spot request with IMDSv1": ["IMDSv1 is allowed (metadataOptions.httpTokens is not required)"],
        "metadata options unknown": ["not judged: metadataOptions unknown during preview"],
    },
};
