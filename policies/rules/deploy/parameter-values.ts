import { ResourceRule } from "../../framework";
import { PARAMETER_RULES, parameterValueProblem } from "../../../lib/rules/parameter-values";
import { CHANGE_SAFETY } from "../../controls";

/**
 * A parameter group's known parameters hold values their engine accepts (lib/rules/parameter-values.ts): RDS refuses
 * others at ModifyDBParameterGroup, or stores a normalised value the provider then diffs on every `up`
 * (require_secure_transport "ON" on MySQL 8.0, whose allowed values are 0 and 1).
 */
export const rule: ResourceRule = {
    name: "deploy-parameter-values",
    controls: CHANGE_SAFETY,
    displayName: "Deploy validity: known parameters hold allowed values",
    description: `RDS (cluster) and ElastiCache parameter groups set known parameters (${Object.keys(PARAMETER_RULES).join(", ")}) only to values their family allows, e.g. require_secure_transport 0|1 on MySQL 8.0/8.4 (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html); other values are refused or drift on every update.`,
    remediation: "Use the value the engine documents (require_secure_transport: \"1\", rds.force_ssl: \"1\", tls_version: \"TLSv1.2,TLSv1.3\"…); see lib/rules/parameter-values.ts for each parameter's source.",
    severity: "high",
    types: ["aws:rds/parameterGroup:ParameterGroup", "aws:rds/clusterParameterGroup:ClusterParameterGroup", "aws:elasticache/parameterGroup:ParameterGroup"],
    check: (props) => {
        const family = props.family;
        if (typeof family !== "string") return;
        const problems: string[] = [];
        for (const parameter of Array.isArray(props.parameters) ? props.parameters : []) {
            const name = parameter?.name;
            const value = parameter?.value;
            if (typeof name !== "string" || value === undefined || value === null) continue;
            const problem = parameterValueProblem(family, name, String(value));
            if (problem) problems.push(problem);
        }
        return problems;
    },
};
