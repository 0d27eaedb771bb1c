import type { Case, ResourceCase, RuleCases } from "../../cases";

/** Cases of ec2-instance-hardening (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<ResourceCase> = {}): Case => ({ title, resource: { type, props, ...extra } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });

export const cases: RuleCases = {
    compliant: [res("IMDSv2, encrypted, private", "aws:ec2/instance:Instance", { metadataOptions: { httpTokens: "required" }, rootBlockDevice: { encrypted: true }, ebsBlockDevices: [{ encrypted: true }] }),
        res("launch template with string flags", "aws:ec2/launchTemplate:LaunchTemplate", { metadataOptions: { httpTokens: "required" }, blockDeviceMappings: [{ ebs: { encrypted: "true" } }], networkInterfaces: [{ associatePublicIpAddress: "false" }] })],
    violating: [res("defaults (IMDSv1, unencrypted root)", "aws:ec2/instance:Instance", {}), res("public IP", "aws:ec2/instance:Instance", { metadataOptions: { httpTokens: "required" }, rootBlockDevice: { encrypted: true }, associatePublicIpAddress: true }),
        res("launch template public IP (string)", "aws:ec2/launchTemplate:LaunchTemplate", { metadataOptions: { httpTokens: "required" }, networkInterfaces: [{ associatePublicIpAddress: "true" }] }),
        res("spot request with IMDSv1", "aws:ec2/spotInstanceRequest:SpotInstanceRequest", { rootBlockDevice: { encrypted: true } })],
    unknown: [unk("metadata options unknown", "not-judged", res("", "aws:ec2/instance:Instance", { metadataOptions: UNKNOWN }))],
    messages: {
        "defaults (IMDSv1, unencrypted root)": ["IMDSv1 is allowed (metadataOptions.httpTokens is not required)", "the root volume is not encrypted (rootBlockDevice.encrypted is not true)"],
        "public IP": ["the instance gets a public IP address"],
        "launch template public IP (string)": ["network interfaces get a public IP address"],
        "spot request with IMDSv1": ["IMDSv1 is allowed (metadataOptions.httpTokens is not required)"],
        "metadata options unknown": ["not judged: metadataOptions unknown during preview"],
    },
};
