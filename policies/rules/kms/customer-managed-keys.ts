import * as fs from "fs";
import * as path from "path";
import { CheckResult, isUnknown, raw, ResourceRule } from "../../framework";
import { ENCRYPTION_AT_REST } from "../../controls";

/**
 * Keys, for every @pulumi/aws type with a key input (policies/data/at-rest-inputs.json, generated from @pulumi/aws)
 * and the S3 encryption configurations: with requireCustomerManagedKey (production), a key that names an AWS-managed
 * key (`alias/aws/<service>`, by alias or alias ARN) is a violation, wherever it sits in the encryption settings.
 * An omitted key (the service's AWS-owned or AWS-managed default) is general-encryption-at-rest's and the dedicated
 * encryption rules' to judge; bypassPolicyLockoutSafetyCheck is iam-policy-documents'.
 */
const DATA: Record<string, { keys: string[]; settings: string[] }> = JSON.parse(fs.readFileSync(path.join(__dirname, "../../data/at-rest-inputs.json"), "utf8")).types;

/** Encryption settings the at-rest inventory does not list (S3 keeps them on companion resources). */
const EXTRA: Record<string, string[]> = {
    "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration": ["rules"],
    "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": ["rules"],
    "aws:s3/bucketV2:BucketV2": ["serverSideEncryptionConfigurations"],
    "aws:s3/bucket:Bucket": ["serverSideEncryptionConfiguration"],
    "aws:s3/bucketObjectv2:BucketObjectv2": ["kmsKeyId"],
    "aws:ec2/launchTemplate:LaunchTemplate": ["blockDeviceMappings"],
    "aws:ec2/instance:Instance": ["rootBlockDevice", "ebsBlockDevices"],
    "aws:ec2/spotInstanceRequest:SpotInstanceRequest": ["rootBlockDevice", "ebsBlockDevices"],
    "aws:ec2/launchConfiguration:LaunchConfiguration": ["rootBlockDevice", "ebsBlockDevices"],
};

const AWS_MANAGED = /^(arn:aws[a-z-]*:kms:[^:]*:[^:]*:)?alias\/aws\/[\w-]+$/;

/** `[path, alias]` for every AWS-managed key named anywhere inside `value`. */
function awsManaged(value: unknown, at: string): Array<[string, string]> {
    const v = raw(value);
    if (isUnknown(v) || v === null || v === undefined) return [];
    if (typeof v === "string") return AWS_MANAGED.test(v.trim()) ? [[at, v]] : [];
    if (Array.isArray(v)) return v.flatMap((x, i) => awsManaged(x, `${at}[${i}]`));
    if (typeof v === "object") return Object.entries(v).flatMap(([k, x]) => awsManaged(x, `${at}.${k}`));
    return [];
}

const inputsOf = (type: string) => [...new Set([...(DATA[type]?.keys ?? []), ...(DATA[type]?.settings ?? []), ...(EXTRA[type] ?? [])])];

export const rule: ResourceRule = {
    name: "kms-customer-managed-keys",
    displayName: "Customer-managed keys, not AWS-managed ones, where the stack requires them",
    description: "With requireCustomerManagedKey (production), no encryption setting of any AWS type names an AWS-managed key (alias/aws/<service>): its key policy cannot be changed, access to it cannot be revoked and it cannot be disabled or scheduled for deletion.",
    remediation: "Point the key input at a customer-managed KMS key (aws.kms.Key with rotation and a key policy) instead of alias/aws/<service>.",
    severity: "high",
    controls: { ...ENCRYPTION_AT_REST, "pci-dss-4.0": ["3.5.1", "3.6.1"] },
    concern: "keys",
    types: [...new Set([...Object.keys(DATA).filter((t) => inputsOf(t).length > 0), ...Object.keys(EXTRA)])],
    config: { requireCustomerManagedKey: { type: "boolean", default: false } },
    check: (props, args, config): CheckResult => {
        if (!config.requireCustomerManagedKey) return undefined;
        return inputsOf(args.type).flatMap((input) => awsManaged(raw(props)[input], input))
            .map(([at, alias]) => `${at} names the AWS-managed key ${alias}; the stack requires customer-managed keys`);
    },
};
