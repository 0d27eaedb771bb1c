import { ResourceRule, StackRule } from "../../framework";
import { rule as backupColdStorageApplies } from "./backup-cold-storage-applies";
import { rule as backupCopySupported } from "./backup-copy-supported";
import { rule as backupLifecycle } from "./backup-lifecycle";
import { rule as backupVaultEvents } from "./backup-vault-events";
import { rule as backupVaultLockBounds } from "./backup-vault-lock-bounds";
import { rule as crossRegionReferences } from "./cross-region-references";
import { rule as engineStandardSupport } from "./engine-standard-support";
import { rule as engineVersionAutoUpgrade } from "./engine-version-auto-upgrade";
import { rule as fargateTaskSize } from "./fargate-task-size";
import { rule as lbLogBucketReady } from "./lb-log-bucket-ready";
import { rule as logGroupRetentionValue } from "./log-group-retention-value";
import { rule as parameterValues } from "./parameter-values";
import { rule as performanceInsightsRetention } from "./performance-insights-retention";
import { rule as rdsClusterIops } from "./rds-cluster-iops";
import { rule as rdsWindows } from "./rds-windows";
import { rule as replicaManagedPassword } from "./replica-managed-password";

/**
 * Deploy-validity rules: what AWS (or the AWS provider) would refuse, or silently ignore, on `pulumi up`, caught in
 * preview — the job cfn-lint does for CloudFormation. Category `deploy-validity` (policies/controls.ts), mandatory by
 * default except the advisory cold-storage note.
 */
export const deployResourceRules: ResourceRule[] = [
    engineVersionAutoUpgrade,
    backupLifecycle,
    backupVaultEvents,
    logGroupRetentionValue,
    fargateTaskSize,
    performanceInsightsRetention,
    rdsWindows,
    rdsClusterIops,
    engineStandardSupport,
    parameterValues,
];

export const deployStackRules: StackRule[] = [
    crossRegionReferences,
    replicaManagedPassword,
    lbLogBucketReady,
    backupVaultLockBounds,
    backupColdStorageApplies,
    backupCopySupported,
];

export const deployRules: Array<ResourceRule | StackRule> = [...deployResourceRules, ...deployStackRules];

/** Stack rules have no `types`; resource rules list theirs. */
export function isResourceRule(rule: ResourceRule | StackRule): rule is ResourceRule {
    return Array.isArray((rule as ResourceRule).types);
}
