import { Rule } from "../framework";
import { rule as backupPlanRetention } from "./backup/plan-retention";
import { rule as backupVaultEncrypted } from "./backup/vault-encrypted";
import { rule as backupVaultLocked } from "./backup/vault-locked";
import { rule as cloudwatchLogGroupEncrypted } from "./cloudwatch/log-group-encrypted";
import { rule as cloudwatchLogGroupRetention } from "./cloudwatch/log-group-retention";
import { rule as ec2EbsVolumeEncrypted } from "./ec2/ebs-volume-encrypted";
import { rule as ec2NoOpenIngress } from "./ec2/no-open-ingress";
import { rule as ecsCircuitBreaker } from "./ecs/circuit-breaker";
import { rule as ecsNoPublicIp } from "./ecs/no-public-ip";
import { rule as elasticacheEncryptedAtRest } from "./elasticache/encrypted-at-rest";
import { rule as elasticacheFailover } from "./elasticache/failover";
import { rule as elasticacheSnapshotRetention } from "./elasticache/snapshot-retention";
import { rule as elasticacheTransitEncryption } from "./elasticache/transit-encryption";
import { rule as generalEncryptionAtRest } from "./general/encryption-at-rest";
import { rule as generalDeletionProtection } from "./general/deletion-protection";
import { rule as generalRequiredTags } from "./general/required-tags";
import { rule as generalStatefulResourcesProtected } from "./general/stateful-resources-protected";
import { rule as lbAlbWafProtected } from "./lb/alb-waf-protected";
import { rule as lbHttpListenerRedirectsToHttps } from "./lb/http-listener-redirects-to-https";
import { rule as lbListenerTlsPolicy } from "./lb/listener-tls-policy";
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

/** Every rule of the pack (one file each under policies/rules/<service>/). Order does not matter. */
export const rules: Rule[] = [
    backupPlanRetention,
    backupVaultEncrypted,
    backupVaultLocked,
    cloudwatchLogGroupEncrypted,
    cloudwatchLogGroupRetention,
    ec2EbsVolumeEncrypted,
    ec2NoOpenIngress,
    ecsCircuitBreaker,
    ecsNoPublicIp,
    elasticacheEncryptedAtRest,
    elasticacheFailover,
    elasticacheSnapshotRetention,
    elasticacheTransitEncryption,
    generalDeletionProtection,
    generalEncryptionAtRest,
    generalRequiredTags,
    generalStatefulResourcesProtected,
    lbAlbWafProtected,
    lbHttpListenerRedirectsToHttps,
    lbListenerTlsPolicy,
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
];

// Deploy-validity rules (policies/rules/deploy/index.ts, H8) join here: `export const rules: Rule[] = [...ownRules, ...deployRules]`
// — ResourceRule/StackRule from ../framework are accepted as they are.
