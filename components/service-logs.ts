import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../lib/naming";
import { cloudWatchRetentionAtLeast, isCloudWatchRetention, nearestCloudWatchRetention, SEVEN_YEARS_DAYS } from "../lib/rules/retention";
import { Tags } from "../lib/tags";
import { DEFAULT_APPLICATION_LOG_RETENTION_DAYS, DEFAULT_ERROR_LOG_RETENTION_DAYS } from "../lib/defaults";

export interface LogGroupRef {
    name: pulumi.Output<string>;
    arn: pulumi.Output<string>;
}

export interface ServiceLogsArgs {
    /** Name used in the log-group paths, e.g. `production-mita-api`. */
    serviceName: string;
    /** Customer-managed key of the log groups (its policy must grant CloudWatch Logs). */
    kmsKeyArn: pulumi.Input<string>;
    /** Application logs (MITA guide: 14 days). */
    applicationRetentionDays?: number;
    /** Error logs (MITA guide: 30 days). */
    errorRetentionDays?: number;
    /** Audit logs (MITA guide: 7 years → 2557, the nearest allowed CloudWatch value above). */
    auditRetentionDays?: number;
    /** Keep the audit log group on delete (production: a 7-year record must survive a destroy). */
    protect: boolean;
    /** Tags for every resource. */
    tags: Tags;
}

/** An application's KMS-encrypted log groups for application, error and audit logs, with the seeds' retentions. */
export class ServiceLogs extends pulumi.ComponentResource {
    public readonly applicationLogGroup: LogGroupRef;
    public readonly errorLogGroup: LogGroupRef;
    public readonly auditLogGroup: LogGroupRef;

    constructor(name: string, args: ServiceLogsArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate every retention before registering anything: a rejected configuration leaves nothing behind.
        const days = {
            application: args.applicationRetentionDays ?? DEFAULT_APPLICATION_LOG_RETENTION_DAYS,
            error: args.errorRetentionDays ?? DEFAULT_ERROR_LOG_RETENTION_DAYS,
            audit: args.auditRetentionDays ?? cloudWatchRetentionAtLeast(SEVEN_YEARS_DAYS),
        };
        for (const [kind, value] of Object.entries(days)) {
            if (!isCloudWatchRetention(value)) {
                throw new Error(`ServiceLogs ${name}: ${kind} retention ${value} is not a CloudWatch Logs value; nearest allowed is ${nearestCloudWatchRetention(value)}`);
            }
        }
        super("platform:observability:ServiceLogs", name, {}, opts);
        const group = (kind: string, days: number, keep: boolean): LogGroupRef => {
            const logGroup = new aws.cloudwatch.LogGroup(childName(name, kind), {
                name: `/platform/${args.serviceName}/${kind}`,
                retentionInDays: days,
                kmsKeyId: args.kmsKeyArn,
                tags: { ...args.tags, "log-kind": kind },
            }, { parent: this, protect: keep, retainOnDelete: keep });
            return { name: logGroup.name, arn: logGroup.arn };
        };
        this.applicationLogGroup = group("application", days.application, false);
        this.errorLogGroup = group("error", days.error, false);
        this.auditLogGroup = group("audit", days.audit, args.protect);
        this.registerOutputs({
            applicationLogGroup: this.applicationLogGroup.name,
            errorLogGroup: this.errorLogGroup.name,
            auditLogGroup: this.auditLogGroup.name,
        });
    }
}
