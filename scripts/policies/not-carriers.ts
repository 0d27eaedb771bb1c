/**
 * Types whose input names match a setting family (`SETTING_FAMILIES`, scripts/policies/aws-inventory.ts) but that carry
 * no such setting, reviewed against their inputs' docs in @pulumi/aws and the AWS API reference. `npm run
 * policies:coverage` counts them apart (classified, not a carrier) and lists them with `--list`; test/policies/unit.test.ts
 * fails when a type carries a family by name and is neither judged nor listed here, when an entry here names a type
 * that no longer matches or that a rule judges, and when the matching inputs of a listed type change (a new input may
 * carry the concern after all).
 */
export interface NotCarrier {
    /** The inputs that match the family's regex, as reviewed. */
    inputs: string[];
    reason: string;
}

export const NOT_CARRIERS: Record<string, Record<string, NotCarrier>> = {
    "public-exposure": {
        "aws:appfabric/appAuthorization:AppAuthorization": {
            inputs: ["authType"],
            reason: "authType is the kind of credential AppFabric uses to reach the SaaS app (oauth2, apiKey); it opens nothing",
        },
        "aws:cloudwatch/eventConnection:EventConnection": {
            inputs: ["authorizationType"],
            reason: "authorizationType is the credential EventBridge sends to an outbound API destination (API_KEY, BASIC, OAUTH_CLIENT_CREDENTIALS); it admits nobody",
        },
        "aws:codebuild/sourceCredential:SourceCredential": {
            inputs: ["authType"],
            reason: "authType is how CodeBuild authenticates to GitHub/Bitbucket (token, basic auth, connection); an outbound credential",
        },
        "aws:datazone/policyGrant:PolicyGrant": {
            inputs: ["principal"],
            reason: "principal is a DataZone user, group, project or domain unit of the same domain; no anonymous or cross-account principal exists in the block",
        },
        "aws:docdb/elasticCluster:ElasticCluster": {
            inputs: ["authType"],
            reason: "authType is how the admin password is supplied (PLAIN_TEXT in adminUserPassword, or SECRET_ARN); elastic clusters are VPC-only (subnetIds, vpcSecurityGroupIds) with no public endpoint setting",
        },
        "aws:ec2/trafficMirrorFilterRule:TrafficMirrorFilterRule": {
            inputs: ["ruleAction"],
            reason: "ruleAction accept/reject chooses which traffic is copied to a mirror target; it admits no traffic",
        },
        "aws:iot/thingPrincipalAttachment:ThingPrincipalAttachment": {
            inputs: ["principal"],
            reason: "principal is an IoT certificate ARN or Cognito identity attached to a thing; access comes from IoT policies, not from this link",
        },
        "aws:licensemanager/licenseGrant:LicenseGrant": {
            inputs: ["principal"],
            reason: "principal is the one account (root ARN) a license entitlement is granted to; no wildcard or public principal is accepted",
        },
        "aws:ram/principalAssociation:PrincipalAssociation": {
            inputs: ["principal"],
            reason: "principal is an account ID, organization or OU ARN; RAM cannot share publicly, and outsiders are allowed only by the share's allowExternalPrincipals",
        },
        "aws:route53/cidrLocation:CidrLocation": {
            inputs: ["cidrBlocks"],
            reason: "cidrBlocks are client ranges for IP-based DNS routing; they answer queries differently and admit nothing",
        },
        "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": {
            inputs: ["cidrIpv4", "cidrIpv6"],
            reason: "an egress rule's CIDR is a destination; ingress rules are ec2-no-open-ingress's",
        },
    },
    retention: {
        "aws:cloudtrail/eventDataStore:EventDataStore": {
            inputs: ["retentionPeriod"],
            reason: "how long CloudTrail Lake keeps the audit events themselves (2555 days, seven years, by default); a log retention like a log group's retentionInDays, not how long a backup of other data is kept",
        },
        "aws:kinesis/stream:Stream": {
            inputs: ["retentionPeriod"],
            reason: "hours a record stays readable in the stream (24 to 8760) for its consumers; the stream's data retention, not a backup, and no floor in days applies to a buffer",
        },
        "aws:rbin/rule:Rule": {
            inputs: ["retentionPeriod"],
            reason: "days a deleted EBS snapshot or AMI stays recoverable in the Recycle Bin: a guard against deletion on top of backups, which no rule requires; how long backups are kept is their own retention's (AWS Backup plans, snapshot lifecycles)",
        },
    },
    tls: {
        "aws:alb/loadBalancer:LoadBalancer": {
            inputs: ["enableTlsVersionAndCipherSuiteHeaders"],
            reason: "the switch only adds x-amzn-tls-version/-cipher-suite headers for the targets; a load balancer's TLS is its listeners' (lb-listener-tls-policy, http-listener-redirects-to-https)",
        },
        "aws:lb/loadBalancer:LoadBalancer": {
            inputs: ["enableTlsVersionAndCipherSuiteHeaders"],
            reason: "the switch only adds x-amzn-tls-version/-cipher-suite headers for the targets; a load balancer's TLS is its listeners' (lb-listener-tls-policy, http-listener-redirects-to-https)",
        },
        "aws:dms/s3Endpoint:S3Endpoint": {
            inputs: ["sslMode"],
            reason: "DMS reaches S3 through its HTTPS API; sslMode does not apply to S3 endpoints (DMS shows none for them, AWS DMS user guide)",
        },
        "aws:networkfirewall/tlsInspectionConfiguration:TlsInspectionConfiguration": {
            inputs: ["tlsInspectionConfiguration"],
            reason: "certificates and scopes for decrypting and re-encrypting inspected traffic; it turns no traffic's encryption off",
        },
        "aws:odb/cloudAutonomousVmCluster:CloudAutonomousVmCluster": {
            inputs: ["isMtlsEnabledVmCluster", "scanListenerPortNonTls", "scanListenerPortTls"],
            reason: "the SCAN ports only number the TLS and non-TLS listeners, which both exist; mTLS adds client certificates on top of TLS; Oracle Net encryption is set in the database, not here",
        },
    },
};
