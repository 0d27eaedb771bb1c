import { ResourceRule } from "../../framework";
import { ENGINE_SUPPORT_CHECKED_ON, lifecycleSupportProblem, STANDARD_SUPPORT_ENDS } from "../../../lib/rules/engine-support";
import { CHANGE_SAFETY } from "../../controls";

const DOC = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/extended-support.html";

/**
 * An RDS major past its standard support starts (or stays) on paid RDS Extended Support unless the program says
 * otherwise; the program must say `engineLifecycleSupport` explicitly — and cannot refuse Extended Support for such a
 * major (RDS refuses that). Dates: lib/rules/engine-support.ts. Read replicas follow their source and are not judged.
 */
export const rule: ResourceRule = {
    name: "deploy-engine-standard-support",
    controls: CHANGE_SAFETY,
    displayName: "Deploy validity: engine majors past RDS standard support say engineLifecycleSupport",
    description: `RDS instances and clusters whose engine major is past its end of RDS standard support (dated table lib/rules/engine-support.ts, checked ${ENGINE_SUPPORT_CHECKED_ON}: ${Object.keys(STANDARD_SUPPORT_ENDS).join(", ")}) set engineLifecycleSupport explicitly to open-source-rds-extended-support — by default RDS enrols them in paid Extended Support, and "-disabled" is refused for such a major (${DOC}).`,
    remediation: "Upgrade to a major in standard support (e.g. MySQL 8.4, PostgreSQL 16), or set engineLifecycleSupport: \"open-source-rds-extended-support\" to accept Extended Support and its charges knowingly.",
    severity: "high",
    config: { asOf: { type: "string", pattern: "^\\d{4}-\\d{2}-\\d{2}$", description: "The day to judge against (ISO date); default: today." } },
    types: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:rds/globalCluster:GlobalCluster"],
    check: (props, _args, config) => {
        const engine = props.engine;
        const version = props.engineVersion;
        if (typeof engine !== "string" || typeof version !== "string" || version === "") return;
        if (props.replicateSourceDb || props.replicationSourceIdentifier) return;
        const today = typeof config?.asOf === "string" ? config.asOf : new Date().toISOString().slice(0, 10);
        const lifecycle = props.engineLifecycleSupport;
        return lifecycleSupportProblem(engine, version, typeof lifecycle === "string" ? lifecycle : undefined, today);
    },
};
