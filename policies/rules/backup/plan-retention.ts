import { SEVEN_YEARS_DAYS } from "../../../lib/rules/retention";
import * as aws from "../../support/aws";
import { resourceRule, tagOf } from "../../framework";
import { BACKUP } from "../../controls";

export const rule = resourceRule({
    name: "backup-plan-retention",
    controls: { ...BACKUP, "pci-dss-4.0": ["3.2.1", "12.10.1"] },
    displayName: "Backup plan retention and long-term rule",
    description: "Every Backup plan rule keeps recovery points at least the floor; plans for classified data also keep a long-term (7-year) rule.",
    remediation: `Raise lifecycle.deleteAfter on each rule; add a monthly rule with deleteAfter ≥ the long-term floor (${SEVEN_YEARS_DAYS} days, seven years, for financial records).`,
    severity: "high",
    resourceTypes: [aws.backup.Plan],
    config: {
        minimumDays: { type: "integer", minimum: 1, default: 7 },
        longTermDays: { type: "integer", minimum: 365, default: SEVEN_YEARS_DAYS },
        longTermClassifications: { type: "array", items: { type: "string" }, default: ["restricted", "confidential"] },
    },
    check: (plan, _args, config) => {
        const rules: any[] = plan.rules ?? [];
        const problems: string[] = [];
        for (const rule of rules) {
            const deleteAfter = rule.lifecycle?.deleteAfter;
            const floor = rule.enableContinuousBackup ? Math.min(config.minimumDays, 35) : config.minimumDays;
            if (deleteAfter === undefined) {
                problems.push(`rule ${rule.ruleName} never deletes recovery points: set an explicit lifecycle.deleteAfter`);
            } else if (deleteAfter < floor) {
                problems.push(`rule ${rule.ruleName} keeps recovery points ${deleteAfter} days, below the floor of ${floor}`);
            }
        }
        const classification = tagOf(plan, "data-classification");
        if (config.longTermClassifications.includes(classification) && !rules.some((r) => (r.lifecycle?.deleteAfter ?? 0) >= config.longTermDays)) {
            problems.push(`plan for ${classification} data has no long-term rule keeping recovery points ${config.longTermDays} days or more`);
        }
        return problems;
    },
});
