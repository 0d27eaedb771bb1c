import type { RuleCases } from "../../../test/policies/cases";

/** Cases of general-public-exposure (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const res = (title: string, type: string, props: Record<string, unknown>) => ({ title, resource: { type, props } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", type: string, props: Record<string, unknown>) => ({ ...res(title, type, props), expect });
const NACL = "aws:ec2/networkAcl:NetworkAcl";
const PAB = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
const SUBNET = "aws:ec2/subnet:Subnet";
const DEFAULT_SUBNET = "aws:ec2/defaultSubnet:DefaultSubnet";
const ELB = "aws:elb/loadBalancer:LoadBalancer";
const SECRET_POLICY = "aws:secretsmanager/secretPolicy:SecretPolicy";
const ROUTE = "aws:apigatewayv2/route:Route";
const LATTICE = "aws:vpclattice/service:Service";
const LATTICE_NETWORK = "aws:vpclattice/serviceNetwork:ServiceNetwork";
const HTTP_LISTENER = { instancePort: 8080, instanceProtocol: "http", lbPort: 80, lbProtocol: "http" };
const POLICY = JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111122223333:role/app" }, Action: "secretsmanager:GetSecretValue", Resource: "*" }] });
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
        res("public-tier subnet without public IPs on launch (the network component's)", SUBNET, { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", mapPublicIpOnLaunch: false }),
        res("subnet with mapPublicIpOnLaunch omitted (default false)", SUBNET, { vpcId: "vpc-1", cidrBlock: "10.0.1.0/24" }),
        res("default subnet adopted with public IPs off", DEFAULT_SUBNET, { availabilityZone: "eu-west-1a", mapPublicIpOnLaunch: false }),
        res("internal classic ELB", ELB, { internal: true, listeners: [HTTP_LISTENER] }),
        res("internet-facing classic ELB passing TCP through (as an NLB)", ELB, { listeners: [{ instancePort: 5432, instanceProtocol: "tcp", lbPort: 5432, lbProtocol: "tcp" }] }),
        res("secret policy blocking public policies", SECRET_POLICY, { secretArn: "arn:s", policy: POLICY, blockPublicPolicy: true }),
        res("HTTP route with a JWT authorizer", ROUTE, { apiId: "a", routeKey: "GET /orders", authorizationType: "JWT", authorizerId: "au" }),
        res("WebSocket $connect with IAM (any case)", ROUTE, { apiId: "a", routeKey: "$connect", authorizationType: "aws_iam" }),
        res("WebSocket message route (authorization lives on $connect)", ROUTE, { apiId: "a", routeKey: "sendMessage" }),
        res("WebSocket $disconnect", ROUTE, { apiId: "a", routeKey: "$disconnect", authorizationType: "NONE" }),
        res("WebSocket $default message route (WebSocket-only route response expression)", ROUTE, { apiId: "a", routeKey: "$default", routeResponseSelectionExpression: "$default" }),
        res("CORS preflight route without an authorizer", ROUTE, { apiId: "a", routeKey: "OPTIONS /{proxy+}" }),
        res("Lattice service with IAM auth", LATTICE, { name: "orders", authType: "AWS_IAM" }),
        res("Lattice service network with IAM auth", LATTICE_NETWORK, { name: "net", authType: "AWS_IAM" }),
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
        res("subnet assigning public IPs on launch", SUBNET, { vpcId: "vpc-1", cidrBlock: "10.0.0.0/24", mapPublicIpOnLaunch: true }),
        res("default subnet adopted as is (AWS default true)", DEFAULT_SUBNET, { availabilityZone: "eu-west-1a" }),
        res("default subnet with public IPs on", DEFAULT_SUBNET, { availabilityZone: "eu-west-1a", mapPublicIpOnLaunch: true }),
        res("classic ELB with internal omitted (internet-facing) serving HTTP", ELB, { listeners: [HTTP_LISTENER] }),
        res("classic ELB internal false serving HTTPS", ELB, { internal: false, listeners: [{ instancePort: 8080, instanceProtocol: "http", lbPort: 443, lbProtocol: "https", sslCertificateId: "c" }] }),
        res("secret policy with blockPublicPolicy omitted (not blocked by default)", SECRET_POLICY, { secretArn: "arn:s", policy: POLICY }),
        res("secret policy with blockPublicPolicy false", SECRET_POLICY, { secretArn: "arn:s", policy: POLICY, blockPublicPolicy: false }),
        res("HTTP route with authorizationType omitted (NONE)", ROUTE, { apiId: "a", routeKey: "POST /orders" }),
        res("HTTP $default catch-all open", ROUTE, { apiId: "a", routeKey: "$default", authorizationType: "NONE" }),
        res("WebSocket $connect open", ROUTE, { apiId: "a", routeKey: "$connect", authorizationType: "NONE" }),
        res("Lattice service with authType omitted (NONE)", LATTICE, { name: "orders" }),
        res("Lattice service network with authType NONE", LATTICE_NETWORK, { name: "net", authType: "NONE" }),
    ],
    unknown: [
        unk("NACL ingress unknown", "not-judged", NACL, { ingress: UNKNOWN }),
        unk("SSH key from another resource counts as set", "violating", "aws:eks/nodeGroup:NodeGroup", { remoteAccess: { ec2SshKey: UNKNOWN } }),
        unk("subnet mapPublicIpOnLaunch unknown", "not-judged", SUBNET, { vpcId: "vpc-1", mapPublicIpOnLaunch: UNKNOWN }),
        unk("default subnet mapPublicIpOnLaunch unknown", "not-judged", DEFAULT_SUBNET, { availabilityZone: "eu-west-1a", mapPublicIpOnLaunch: UNKNOWN }),
        unk("classic ELB internal unknown", "not-judged", ELB, { internal: UNKNOWN, listeners: [HTTP_LISTENER] }),
        unk("internal classic ELB with listeners unknown", "compliant", ELB, { internal: true, listeners: UNKNOWN }),
        unk("secret policy blockPublicPolicy unknown", "not-judged", SECRET_POLICY, { secretArn: UNKNOWN, policy: POLICY, blockPublicPolicy: UNKNOWN }),
        unk("secret ARN unknown, block on", "compliant", SECRET_POLICY, { secretArn: UNKNOWN, policy: POLICY, blockPublicPolicy: true }),
        unk("route key unknown", "not-judged", ROUTE, { apiId: UNKNOWN, routeKey: UNKNOWN }),
        unk("route authorizationType unknown", "not-judged", ROUTE, { apiId: "a", routeKey: "GET /x", authorizationType: UNKNOWN }),
        unk("authorizer from the program, type set", "compliant", ROUTE, { apiId: UNKNOWN, routeKey: "GET /x", authorizationType: "CUSTOM", authorizerId: UNKNOWN }),
        unk("Lattice authType unknown", "not-judged", LATTICE, { name: "orders", authType: UNKNOWN }),
        unk("Lattice network authType unknown", "not-judged", LATTICE_NETWORK, { name: "net", authType: UNKNOWN }),
    ],
    ignored: [res("egress rules expose nothing (a security group egress rule to anywhere)", "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", { securityGroupId: "sg-1", ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }),
        res("IoT thing principal is a certificate ARN", "aws:iot/thingPrincipalAttachment:ThingPrincipalAttachment", { thing: "t", principal: "arn:aws:iot:eu-west-1:111122223333:cert/abc" }),
        res("security groups are no-open-ingress's", "aws:ec2/securityGroup:SecurityGroup", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] })],
};
