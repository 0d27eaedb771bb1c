import { PolicyResource } from "@pulumi/policy";
import { RuleFinding, StackRule } from "../../framework";
import { arnService, BACKUP_DOCS, COLD_STORAGE_UNSUPPORTED_SERVICES, movesToColdStorage } from "../../../lib/rules/backup-limits";
import { at, isUnknown, notJudged, read } from "./common";
import { CHANGE_SAFETY } from "../../controls";

const NAME = "deploy-backup-cold-storage-applies";

/** The service (ARN segment) of a selected resource, from its resource type or a literal ARN. */
const TYPE_SERVICE: Record<string, string> = {
    "aws:rds/instance:Instance": "rds", "aws:rds/cluster:Cluster": "rds", "aws:docdb/cluster:Cluster": "rds", "aws:neptune/cluster:Cluster": "rds",
    "aws:s3/bucket:Bucket": "s3", "aws:s3/bucketV2:BucketV2": "s3",
};

function selectedServices(selection: PolicyResource): Set<string> {
    const services = new Set<string>();
    for (const dep of selection.propertyDependencies.resources ?? []) {
        const service = TYPE_SERVICE[dep.type];
        if (service) services.add(service);
    }
    const arns = read(() => selection.props.resources);
    if (!isUnknown(arns) && Array.isArray(arns)) {
        for (const arn of arns) {
            const service = typeof arn === "string" ? arnService(arn) : undefined;
            if (service) services.add(service);
        }
    }
    return services;
}

/**
 * Advisory: coldStorageAfter is silently ignored for resource types without cold-storage support ("AWS Backup ignores
 * this expression for other resource types"), so a plan that relies on it for RDS or S3 recovery points pays warm
 * storage for the whole retention and its documentation promises a tier that never happens.
 */
export const rule: StackRule = {
    name: NAME,
    controls: CHANGE_SAFETY,
    displayName: "Deploy validity: cold storage only where it applies",
    description: `A Backup rule with lifecycle.coldStorageAfter selects resources that support cold storage; for RDS/Aurora and S3 recovery points AWS Backup ignores it (AWS Backup Lifecycle, ${BACKUP_DOCS.lifecycle}; feature availability by resource, ${BACKUP_DOCS.featureAvailability}).`,
    remediation: "Drop coldStorageAfter from rules that back up only RDS/Aurora or S3 (keep deleteAfter), or state in the plan's documentation that those recovery points stay in warm storage; put resources that support cold storage (EFS, DynamoDB with advanced features, EBS…) in their own rule if tiering matters.",
    severity: "low",
    enforcementLevel: "advisory",
    check: (resources) => {
        const findings: RuleFinding[] = [];
        const selections = resources.filter((r) => r.type === "aws:backup/selection:Selection");
        for (const plan of resources.filter((r) => r.type === "aws:backup/plan:Plan")) {
            const rules = read(() => plan.props.rules);
            if (isUnknown(rules)) {
                findings.push(...notJudged(NAME, plan, ["rules"]));
                continue;
            }
            if (!Array.isArray(rules)) continue;
            const cold = rules.filter((r: any) => { return movesToColdStorage(read(() => r?.lifecycle?.coldStorageAfter)); });
            if (cold.length === 0) continue;
            const services = new Set<string>();
            for (const selection of selections.filter((s) => (s.propertyDependencies.planId ?? []).some((d) => d.urn === plan.urn))) {
                selectedServices(selection).forEach((s) => services.add(s));
            }
            const ignored = [...services].filter((s) => COLD_STORAGE_UNSUPPORTED_SERVICES[s]).map((s) => COLD_STORAGE_UNSUPPORTED_SERVICES[s]);
            if (ignored.length === 0) continue;
            const names = cold.map((r: any) => read(() => r.ruleName)).filter((n) => typeof n === "string").join(", ");
            findings.push(at(plan, `${plan.name}: rule(s) ${names} set coldStorageAfter, but the plan backs up ${ignored.join(" and ")}, whose recovery points cannot move to cold storage (AWS Backup ignores coldStorageAfter for them)`));
        }
        return findings;
    },
};
