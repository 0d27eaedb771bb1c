import { PolicyResource } from "@pulumi/policy";
import { RuleFinding, StackRule } from "../../framework";
import { BACKUP_COPY_DOC, BACKUP_DOCS, CROSS_REGION_COPY_UNSUPPORTED } from "../../../lib/rules/backup-limits";
import { arnRegion, at, isUnknown, notJudged, read, regionOf } from "./common";
import { planTargets } from "./backup-plan-vaults";
import { BACKUP } from "../../controls";

const NAME = "deploy-backup-copy-supported";
const SELECTION = "aws:backup/selection:Selection";

/** The region a copy action writes to: its vault resource's provider region, else the region in its literal ARN. */
function destinationRegion(vault: PolicyResource | undefined, arn: unknown) {
    if (vault) return regionOf(vault);
    return isUnknown(arn) ? arn : arnRegion(arn);
}

/** Resources of the stack a selection names: by property dependency, or by a literal ARN ending in their identifier. */
function selected(selection: PolicyResource, resources: PolicyResource[]): PolicyResource[] {
    const found = new Map<string, PolicyResource>();
    for (const dep of selection.propertyDependencies.resources ?? []) found.set(dep.urn, resources.find((r) => r.urn === dep.urn) ?? dep);
    const arns = read(() => selection.props.resources);
    const count = !isUnknown(arns) && Array.isArray(arns) ? arns.length : 0;
    for (let i = 0; i < count; i++) {
        // Each element through the unknown-checking proxy: an unknown ARN is named by the dependency above, if at all.
        const arn = read(() => (arns as unknown[])[i]);
        if (typeof arn !== "string") continue;
        const id = arn.split(":").pop();
        for (const r of resources) {
            if (["clusterIdentifier", "identifier", "arn"].some((k) => { const v = read(() => r.props[k]); return typeof v === "string" && (v === id || v === arn); })) found.set(r.urn, r);
        }
    }
    return [...found.values()];
}

/**
 * A copy action to another Region fails for every recovery point of a resource type AWS Backup cannot copy there
 * (RDS Multi-AZ DB clusters, FSx for ONTAP volumes): the copy job fails daily, pages through the failed-jobs rule, and
 * the DR Region holds nothing of it. Selections by tag or condition cannot be resolved in preview and are said to be
 * not judged.
 */
export const rule: StackRule = {
    name: NAME,
    controls: { ...BACKUP, soc2: ["CC8.1", "A1.2", "CC9.1"] },
    displayName: "Deploy validity: cross-Region copies only of resources AWS Backup can copy",
    description: `A Backup plan whose rules copy to a vault in another Region selects no resource AWS Backup cannot copy across Regions (${CROSS_REGION_COPY_UNSUPPORTED.map((u) => u.what).join("; ")}) — AWS Backup: "copying a Multi-AZ DB cluster snapshot is not supported" (${BACKUP_COPY_DOC}; ${BACKUP_DOCS.featureAvailability}).`,
    remediation: "Back such resources up in a plan without the cross-Region copy and give them their own DR path (e.g. an Aurora cluster or a DB instance with cross-Region copies or a cross-Region read replica), or drop the copy action.",
    severity: "high",
    check: (resources) => {
        const findings: RuleFinding[] = [];
        for (const plan of resources.filter((r) => r.type === "aws:backup/plan:Plan")) {
            const targets = planTargets(plan, resources);
            if (!targets) {
                findings.push(...notJudged(NAME, plan, ["rules"]));
                continue;
            }
            const copies = targets.filter((t) => t.label.includes("copy"));
            if (copies.length === 0) continue;
            const planRegion = regionOf(plan);
            const rules = read(() => plan.props.rules);
            const arns = (Array.isArray(rules) ? rules : []).flatMap((r: any) => { const c = read(() => r.copyActions); return Array.isArray(c) ? c.map((a: any) => read(() => a.destinationVaultArn)) : []; });
            const crossRegion: string[] = [];
            const unknownRegion: string[] = [];
            copies.forEach((copy, i) => {
                const dest = destinationRegion(copy.vault, arns[i]);
                if (isUnknown(dest) || isUnknown(planRegion) || dest === undefined || planRegion === undefined) unknownRegion.push(copy.label);
                else if (dest !== planRegion) crossRegion.push(`${copy.label} (${planRegion} → ${dest})`);
            });
            if (crossRegion.length === 0) {
                if (unknownRegion.length > 0) findings.push(...notJudged(NAME, plan, ["rules.copyActions.destinationVaultArn"]));
                continue;
            }
            for (const selection of resources.filter((s) => s.type === SELECTION && (s.propertyDependencies.planId ?? []).some((d) => d.urn === plan.urn))) {
                const byTag = read(() => selection.props.selectionTags);
                const conditions = read(() => selection.props.conditions);
                if (isUnknown(byTag) || (Array.isArray(byTag) && byTag.length > 0) || isUnknown(conditions) || (Array.isArray(conditions) && conditions.length > 0)) {
                    findings.push(...notJudged(NAME, selection, ["selectionTags", "conditions"]));
                }
                for (const resource of selected(selection, resources)) {
                    const engine = read(() => resource.props?.engine);
                    if (isUnknown(engine)) {
                        findings.push(...notJudged(NAME, selection, [`resources.${resource.name}.engine`]));
                        continue;
                    }
                    const unsupported = CROSS_REGION_COPY_UNSUPPORTED.find((u) => u.matches(resource.type, { engine }));
                    if (unsupported) {
                        findings.push(at(selection, `${selection.name} selects ${resource.name}, ${unsupported.what}, for plan ${plan.name}, whose ${crossRegion.join(", ")} copy to another Region: AWS Backup cannot copy it there, so the copy job fails every time and the DR Region holds no copy of it`));
                    }
                }
            }
        }
        return findings;
    },
};
