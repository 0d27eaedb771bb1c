import { Rule } from "../framework";
import { deployRules } from "./deploy";
import { rule as apigatewayCacheEncrypted } from "./apigateway/cache-encrypted";
import { rule as apigatewayDomainTls } from "./apigateway/domain-tls";
import { rule as apigatewayStage } from "./apigateway/stage";
import { rule as apigatewayStageWaf } from "./apigateway/stage-waf";
import { rule as awsxApplicationLoadBalancer } from "./awsx/application-load-balancer";
import { rule as awsxEcsService } from "./awsx/ecs-service";
import { rule as awsxVpc } from "./awsx/vpc";
import { rule as backupPlanRetention } from "./backup/plan-retention";
import { rule as backupVaultEncrypted } from "./backup/vault-encrypted";
import { rule as backupVaultLocked } from "./backup/vault-locked";
import { rule as cloudfrontDistribution } from "./cloudfront/distribution";
import { rule as cloudtrailLogFileValidation } from "./cloudtrail/log-file-validation";
import { rule as cloudwatchLogGroupEncrypted } from "./cloudwatch/log-group-encrypted";
import { rule as cloudwatchLogGroupRetention } from "./cloudwatch/log-group-retention";
import { rule as dynamodbPointInTimeRecovery } from "./dynamodb/point-in-time-recovery";
import { rule as ec2EbsVolumeEncrypted } from "./ec2/ebs-volume-encrypted";
import { rule as ec2InstanceHardening } from "./ec2/instance-hardening";
import { rule as ec2NoOpenIngress } from "./ec2/no-open-ingress";
import { rule as ecrImageScanningImmutable } from "./ecr/image-scanning-immutable";
import { rule as ecsCircuitBreaker } from "./ecs/circuit-breaker";
import { rule as ecsNoPrivilegedContainers } from "./ecs/no-privileged-containers";
import { rule as ecsNoPublicIp } from "./ecs/no-public-ip";
import { rule as elasticacheEncryptedAtRest } from "./elasticache/encrypted-at-rest";
import { rule as elasticacheFailover } from "./elasticache/failover";
import { rule as elasticacheSnapshotRetention } from "./elasticache/snapshot-retention";
import { rule as elasticacheTransitEncryption } from "./elasticache/transit-encryption";
import { rule as elbClassicListenerTls } from "./elb/classic-listener-tls";
import { rule as generalBackupRetention } from "./general/backup-retention";
import { rule as generalDeletionProtection } from "./general/deletion-protection";
import { rule as generalEncryptionAtRest } from "./general/encryption-at-rest";
import { rule as generalPublicExposure } from "./general/public-exposure";
import { rule as generalRequiredTags } from "./general/required-tags";
import { rule as generalResourceSharing } from "./general/resource-sharing";
import { rule as generalSingleAz } from "./general/single-az";
import { rule as generalStatefulResourcesProtected } from "./general/stateful-resources-protected";
import { rule as generalTlsRequired } from "./general/tls-required";
import { rule as iamPolicyDocuments } from "./iam/policy-documents";
import { rule as kmsCustomerManagedKeys } from "./kms/customer-managed-keys";
import { rule as kmsKeyRotation } from "./kms/key-rotation";
import { rule as lambdaNotPublic } from "./lambda/not-public";
import { rule as lbAccessLogs } from "./lb/access-logs";
import { rule as lbAlbWafProtected } from "./lb/alb-waf-protected";
import { rule as lbHttpListenerRedirectsToHttps } from "./lb/http-listener-redirects-to-https";
import { rule as lbListenerTlsPolicy } from "./lb/listener-tls-policy";
import { rule as opensearchDomainTls } from "./opensearch/domain-tls";
import { rule as rdsBackupRetention } from "./rds/backup-retention";
import { rule as rdsFinalSnapshot } from "./rds/final-snapshot";
import { rule as rdsMultiAz } from "./rds/multi-az";
import { rule as rdsNotPubliclyAccessible } from "./rds/not-publicly-accessible";
import { rule as rdsParameterGroupForcesTls } from "./rds/parameter-group-forces-tls";
import { rule as rdsPerformanceInsightsEncrypted } from "./rds/performance-insights-encrypted";
import { rule as rdsStorageEncrypted } from "./rds/storage-encrypted";
import { rule as s3BucketDeniesInsecureTransport } from "./s3/bucket-denies-insecure-transport";
import { rule as s3BucketEncrypted } from "./s3/bucket-encrypted";
import { rule as s3BucketVersioning } from "./s3/bucket-versioning";
import { rule as s3LogDestinationExemptions } from "./s3/log-destination-exemptions";
import { rule as s3PublicAccessBlocked } from "./s3/public-access-blocked";
import { rule as secretsNoPlaintextSecrets } from "./secrets/no-plaintext-secrets";
import { rule as secretsmanagerSecretEncryptedWithCmk } from "./secretsmanager/secret-encrypted-with-cmk";
import { rule as snsTopicEncrypted } from "./sns/topic-encrypted";
import { rule as vpcFlowLogs } from "./vpc/flow-logs";

/** Every rule of the pack (one file each under policies/rules/<service>/). Order does not matter. */
export const rules: Rule[] = [
    apigatewayCacheEncrypted,
    apigatewayDomainTls,
    apigatewayStage,
    apigatewayStageWaf,
    awsxApplicationLoadBalancer,
    awsxEcsService,
    awsxVpc,
    backupPlanRetention,
    backupVaultEncrypted,
    backupVaultLocked,
    cloudfrontDistribution,
    cloudtrailLogFileValidation,
    cloudwatchLogGroupEncrypted,
    cloudwatchLogGroupRetention,
    dynamodbPointInTimeRecovery,
    ec2EbsVolumeEncrypted,
    ec2InstanceHardening,
    ec2NoOpenIngress,
    ecrImageScanningImmutable,
    ecsCircuitBreaker,
    ecsNoPrivilegedContainers,
    ecsNoPublicIp,
    elasticacheEncryptedAtRest,
    elasticacheFailover,
    elasticacheSnapshotRetention,
    elasticacheTransitEncryption,
    elbClassicListenerTls,
    generalBackupRetention,
    generalDeletionProtection,
    generalEncryptionAtRest,
    generalPublicExposure,
    generalRequiredTags,
    generalResourceSharing,
    generalSingleAz,
    generalStatefulResourcesProtected,
    generalTlsRequired,
    iamPolicyDocuments,
    kmsCustomerManagedKeys,
    kmsKeyRotation,
    lambdaNotPublic,
    lbAccessLogs,
    lbAlbWafProtected,
    lbHttpListenerRedirectsToHttps,
    lbListenerTlsPolicy,
    opensearchDomainTls,
    rdsBackupRetention,
    rdsFinalSnapshot,
    rdsMultiAz,
    rdsNotPubliclyAccessible,
    rdsParameterGroupForcesTls,
    rdsPerformanceInsightsEncrypted,
    rdsStorageEncrypted,
    s3BucketDeniesInsecureTransport,
    s3BucketEncrypted,
    s3BucketVersioning,
    s3LogDestinationExemptions,
    s3PublicAccessBlocked,
    secretsNoPlaintextSecrets,
    secretsmanagerSecretEncryptedWithCmk,
    snsTopicEncrypted,
    vpcFlowLogs,
];

/**
 * What the pack registers: the rules above and the deploy-validity rules (policies/rules/deploy/, category
 * `deploy-validity`: what AWS would refuse or ignore on `pulumi up`). Cases for both live in test/policies/.
 */
export const packRules: Rule[] = [...rules, ...deployRules];
