import * as aws from "../../support/aws";
import { CheckResult, isSet, resourceRule } from "../../framework";
import { scanContainerDefinitions, scanEnvironmentMap, SecretScan } from "../../support/secrets";

/**
 * Where a managed password is possible, a password input set at all (known, secret or unknown during preview) is a
 * violation: it lands in state and config. Containers and functions: secret-looking names or values in the plain
 * environment, command or entryPoint. Parts unknown during preview are reported as not judged.
 */
const MANAGED_PASSWORD: Record<string, { inputs: string[]; managed: string }> = {
    "aws:rds/instance:Instance": { inputs: ["password", "passwordWo"], managed: "manageMasterUserPassword: true" },
    "aws:rds/cluster:Cluster": { inputs: ["masterPassword", "masterPasswordWo"], managed: "manageMasterUserPassword: true" },
    "aws:docdb/cluster:Cluster": { inputs: ["masterPassword", "masterPasswordWo"], managed: "manageMasterUserPassword: true" },
    "aws:redshift/cluster:Cluster": { inputs: ["masterPassword", "masterPasswordWo"], managed: "manageMasterPassword: true" },
};

function result(scan: SecretScan): CheckResult {
    return [...scan.problems, ...(scan.unknown.length > 0 ? [{ notJudged: scan.unknown }] : [])];
}

export const rule = resourceRule({
    name: "no-plaintext-secrets",
    displayName: "No plaintext secrets",
    description: "Secrets reach containers and functions from Secrets Manager, and databases use managed master passwords, so no secret sits in code, config, state or task definitions.",
    remediation: "Move the value to Secrets Manager and reference it in the container's `secrets` (or read it at runtime); use manageMasterUserPassword: true (Redshift: manageMasterPassword) for databases.",
    severity: "critical",
    resourceTypes: [aws.ecs.TaskDefinition, aws.rds.Instance, aws.rds.Cluster, aws.docdb.Cluster, aws.redshift.Cluster, aws.lambda.Function],
    check: (resource, args) => {
        if (args.type === "aws:ecs/taskDefinition:TaskDefinition") {
            return result(scanContainerDefinitions(resource.containerDefinitions));
        }
        if (args.type === "aws:lambda/function:Function") {
            const environment = resource.environment;
            return environment ? result(scanEnvironmentMap(`function ${args.name}`, environment.variables, "environment.variables")) : undefined;
        }
        const managed = MANAGED_PASSWORD[args.type];
        const set = managed.inputs.filter((input) => isSet(resource, input));
        return set.length > 0 ? `master password is set as an input (${set.join(", ")}; it lands in state and config); use ${managed.managed}` : undefined;
    },
});
