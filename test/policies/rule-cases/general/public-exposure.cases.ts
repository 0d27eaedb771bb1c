import type { RuleCases } from "../../cases";

/** Cases of general-public-exposure (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const res = (title: string, type: string, props: Record<string, unknown>) => ({ title, resource: { type, props } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", type: string, props: Record<string, unknown>) => ({ ...res(title, type, props), expect });
const NACL = "aws:ec2/networkAcl:NetworkAcl";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const ALL_ON = { bucket: "b", blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true };

export const cases: RuleCases = {
    compliant: [
        res("NACL: HTTPS and ephemeral return ports from the internet, SSH from the VPC", NACL, { vpcId: "vpc-1", ingress: [
            { ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlock: "0.0.0.0/0" },
            { ruleNo: 110, action: "allow", protocol: "tcp", fromPort: 1024, toPort: 65535, cidrBlock: "0.0.0.0/0" },
            { ruleNo: 120, action: "allow", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "10.0.0.0/16" },
            { ruleNo: 200, action: "deny", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }] }),
        res("NACL egress rule to anywhere", "aws:ec2/networkAclRule:NetworkAclRule", { networkAclId: "acl-1", ruleNumber: 100, egress: true, protocol: "-1", ruleAction: "allow", cidrBlock: "0.0.0.0/0" }),
        res("empty default security group", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", { vpcId: "vpc-1", ingress: [], egress: [] }),
        res("private EKS endpoint", "aws:eks/cluster:Cluster", { vpcConfig: { endpointPublicAccess: false, endpointPrivateAccess: true, subnetIds: ["s"] } }),
        res("EKS public endpoint restricted to an office range", "aws:eks/cluster:Cluster", { vpcConfig: { publicAccessCidrs: ["203.0.113.0/28"], subnetIds: ["s"] } }),
        res("node group SSH from a bastion group", "aws:eks/nodeGroup:NodeGroup", { remoteAccess: { ec2SshKey: "k", sourceSecurityGroupIds: ["sg-1"] } }),
        res("notebook without internet (any case)", "aws:sagemaker/notebookInstance:NotebookInstance", { directInternetAccess: "disabled", subnetId: "s" }),
        res("public access block all on", PAB, ALL_ON),
        res("private ACL", "aws:s3/bucketAclV2:BucketAclV2", { bucket: "b", acl: "private" }),
        res("log-delivery grant", "aws:s3/bucketAclV2:BucketAclV2", { bucket: "b", accessControlPolicy: { grants: [{ grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/s3/LogDelivery" }, permission: "WRITE" }] } }),
    ],
    violating: [
        res("NACL: SSH from the internet", NACL, { ingress: [{ ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlock: "0.0.0.0/0" }] }),
        res("NACL: every protocol from IPv6 anywhere", "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl", { ingress: [{ ruleNo: 100, action: "ALLOW", protocol: "-1", fromPort: 0, toPort: 0, ipv6CidrBlock: "::/0" }] }),
        res("NACL rule: RDP from the internet (egress omitted = ingress)", "aws:ec2/networkAclRule:NetworkAclRule", { ruleNumber: 100, protocol: "tcp", ruleAction: "allow", cidrBlock: "0.0.0.0/0", fromPort: 3389, toPort: 3389 }),
        res("default security group with rules", "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }] }),
        res("EKS endpoint omitted (public by default)", "aws:eks/cluster:Cluster", { vpcConfig: { subnetIds: ["s"] } }),
        res("EKS endpoint public to 0.0.0.0/0", "aws:eks/cluster:Cluster", { vpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ["0.0.0.0/0"] } }),
        res("node group SSH to the world", "aws:eks/nodeGroup:NodeGroup", { remoteAccess: { ec2SshKey: "k" } }),
        res("notebook omitted (Enabled)", "aws:sagemaker/notebookInstance:NotebookInstance", {}),
        res("SageMaker domain default PublicInternetOnly", "aws:sagemaker/domain:Domain", { domainName: "d" }),
        res("public access block with every flag off", PAB, { bucket: "b", blockPublicAcls: false, blockPublicPolicy: false, ignorePublicAcls: false, restrictPublicBuckets: false }),
        res("public access block with flags omitted (default false)", PAB, { bucket: "b", blockPublicAcls: true }),
        res("account public access block off", "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock", {}),
        res("public-read canned ACL on its own", "aws:s3/bucketAclV2:BucketAclV2", { bucket: "b", acl: "public-read" }),
        res("AllUsers grant", "aws:s3/bucketAclV2:BucketAclV2", { bucket: "b", accessControlPolicy: { grants: [{ grantee: { type: "Group", uri: "http://acs.amazonaws.com/groups/global/AllUsers" }, permission: "READ" }] } }),
        res("public-read object", "aws:s3/bucketObjectv2:BucketObjectv2", { bucket: "b", key: "k", acl: "public-read" }),
    ],
    unknown: [
        unk("NACL ingress unknown", "not-judged", NACL, { ingress: UNKNOWN }),
        unk("SSH key from another resource counts as set", "violating", "aws:eks/nodeGroup:NodeGroup", { remoteAccess: { ec2SshKey: UNKNOWN } }),
    ],
    ignored: [res("security groups are ec2-no-open-ingress's", "aws:ec2/securityGroup:SecurityGroup", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })],
};
