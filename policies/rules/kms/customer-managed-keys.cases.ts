import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of kms-customer-managed-keys (test/policies/unit.test.ts runs them in-process). */
const CMK = { requireCustomerManagedKey: true };
const res = (title: string, type: string, props: Record<string, unknown>, config: Record<string, unknown> = CMK) => ({ title, resource: { type, props, config } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", type: string, props: Record<string, unknown>) => ({ ...res(title, type, props), expect });
const KEY = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";

export const cases: RuleCases = {
    compliant: [
        res("instance root device with a customer alias ARN", "aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", rootBlockDevice: { encrypted: true, kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:alias/app-ebs" } }),
        res("a setting holding a key created in the program, and an empty one", "aws:ec2/launchTemplate:LaunchTemplate", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: UNKNOWN } }, { deviceName: "/dev/xvdb", ebs: { encrypted: "true", kmsKeyId: null } }] }),
        res("a look-alike customer alias (aws/ not at the start)", "aws:sns/topic:Topic", { kmsMasterKeyId: "alias/team-aws/sns" }),
        res("customer-managed key by ARN", "aws:sns/topic:Topic", { kmsMasterKeyId: KEY }),
        res("customer alias", "aws:sqs/queue:Queue", { kmsMasterKeyId: "alias/app-data" }),
        res("AWS-managed key where the stack does not require CMKs (staging)", "aws:sns/topic:Topic", { kmsMasterKeyId: "alias/aws/sns" }, {}),
        res("S3 SSE-KMS with a customer key", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", { bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY } }] }),
    ],
    violating: [
        res("instance root device with alias/aws/ebs", "aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", rootBlockDevice: { encrypted: true, kmsKeyId: "alias/aws/ebs" } }),
        res("instance second EBS device with alias/aws/ebs", "aws:ec2/instance:Instance", { ami: "ami-1", instanceType: "t3.micro", ebsBlockDevices: [{ deviceName: "/dev/sdf", encrypted: true, kmsKeyId: KEY }, { deviceName: "/dev/sdg", encrypted: true, kmsKeyId: "alias/aws/ebs" }] }),
        res("EFS with the AWS-managed key's alias ARN (GovCloud partition)", "aws:efs/fileSystem:FileSystem", { encrypted: true, kmsKeyId: "arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/elasticfilesystem" }),
        res("SNS with alias/aws/sns", "aws:sns/topic:Topic", { kmsMasterKeyId: "alias/aws/sns" }),
        res("EBS volume with the AWS-managed key's alias ARN", "aws:ebs/volume:Volume", { encrypted: true, kmsKeyId: "arn:aws:kms:eu-west-1:111122223333:alias/aws/ebs" }),
        res("S3 SSE-KMS with alias/aws/s3", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2", { bucket: "b", rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: "alias/aws/s3" } }] }),
        res("launch template block device with alias/aws/ebs", "aws:ec2/launchTemplate:LaunchTemplate", { blockDeviceMappings: [{ deviceName: "/dev/xvda", ebs: { encrypted: "true", kmsKeyId: "alias/aws/ebs" } }] }),
        res("Secrets Manager secret with alias/aws/secretsmanager", "aws:secretsmanager/secret:Secret", { kmsKeyId: "alias/aws/secretsmanager" }),
    ],
    unknown: [unk("key from a key created in the program", "compliant", "aws:sns/topic:Topic", { kmsMasterKeyId: UNKNOWN })],
    ignored: [res("KMS alias resource itself", "aws:kms/alias:Alias", { name: "alias/app", targetKeyId: KEY })],
    messages: {
        "instance root device with alias/aws/ebs": ["rootBlockDevice.kmsKeyId names the AWS-managed key alias/aws/ebs; the stack requires customer-managed keys"],
        "instance second EBS device with alias/aws/ebs": ["ebsBlockDevices[1].kmsKeyId names the AWS-managed key alias/aws/ebs; the stack requires customer-managed keys"],
        "EFS with the AWS-managed key's alias ARN (GovCloud partition)": ["kmsKeyId names the AWS-managed key arn:aws-us-gov:kms:us-gov-west-1:111122223333:alias/aws/elasticfilesystem; the stack requires customer-managed keys"],
        "SNS with alias/aws/sns": ["kmsMasterKeyId names the AWS-managed key alias/aws/sns; the stack requires customer-managed keys"],
        "EBS volume with the AWS-managed key's alias ARN": ["kmsKeyId names the AWS-managed key arn:aws:kms:eu-west-1:111122223333:alias/aws/ebs; the stack requires customer-managed keys"],
        "S3 SSE-KMS with alias/aws/s3": ["rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId names the AWS-managed key alias/aws/s3; the stack requires customer-managed keys"],
        "launch template block device with alias/aws/ebs": ["blockDeviceMappings[0].ebs.kmsKeyId names the AWS-managed key alias/aws/ebs; the stack requires customer-managed keys"],
        "Secrets Manager secret with alias/aws/secretsmanager": ["kmsKeyId names the AWS-managed key alias/aws/secretsmanager; the stack requires customer-managed keys"],
    },
};
