import { PolicyResource } from "@pulumi/policy";
import { RuleFinding, StackRule } from "../../framework";
import { managedPasswordAllowsReplicas, RDS_MANAGED_PASSWORD_DOC as DOC } from "../../../lib/rules/rds-managed-password";
import { at, isUnknown, notJudged, read } from "./common";
import { CHANGE_SAFETY } from "../../controls";

const RDS_INSTANCE = "aws:rds/instance:Instance";
const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const NAME = "deploy-replica-managed-password";

/** The source DB instance or cluster a replica names, by property dependency or by literal identifier/ARN. */
function sourcesOf(replica: PolicyResource, property: string, resources: PolicyResource[]): PolicyResource[] {
    const deps = (replica.propertyDependencies[property] ?? []).filter((d) => d.type === RDS_INSTANCE || d.type === RDS_CLUSTER);
    if (deps.length > 0) return deps;
    const value = read(() => replica.props[property]);
    if (typeof value !== "string") return [];
    return resources.filter((r) => (r.type === RDS_INSTANCE || r.type === RDS_CLUSTER) &&
        ["identifier", "clusterIdentifier"].some((key) => read(() => r.props[key]) === value));
}

/**
 * RDS refuses to create a read replica of a DB instance or cluster whose master password RDS manages in Secrets
 * Manager (every engine except SQL Server). The replica would fail on the first `pulumi up`.
 */
export const rule: StackRule = {
    name: NAME,
    controls: CHANGE_SAFETY,
    displayName: "Deploy validity: no read replicas of a managed-password source",
    description: `A read replica's source does not manage its master password in Secrets Manager (manageMasterUserPassword): RDS does not support "Creating a read replica when the source DB or DB cluster manages credentials with Secrets Manager" for any engine but SQL Server (${DOC}).`,
    remediation: "Keep the replicas and give the source a password RDS does not manage: generate it (e.g. random.RandomPassword) into a Secrets Manager secret with its own rotation, pass it as a secret input, and let applications use IAM database authentication or their own least-privilege users — or drop the replicas.",
    severity: "critical",
    check: (resources) => {
        const findings: RuleFinding[] = [];
        for (const replica of resources) {
            const property = replica.type === RDS_INSTANCE ? "replicateSourceDb" : replica.type === RDS_CLUSTER ? "replicationSourceIdentifier" : undefined;
            if (!property) continue;
            const value = read(() => replica.props[property]);
            if (value === undefined || value === null || value === "") continue;
            for (const source of sourcesOf(replica, property, resources)) {
                const engine = read(() => source.props.engine);
                if (typeof engine === "string" && managedPasswordAllowsReplicas(engine)) continue;
                const managed = read(() => source.props.manageMasterUserPassword);
                if (isUnknown(managed)) {
                    findings.push(...notJudged(NAME, replica, [`${property}.manageMasterUserPassword`]));
                } else if (managed === true) {
                    findings.push(at(replica, `${replica.name} is a read replica of ${source.name}, which has manageMasterUserPassword: true; RDS refuses to create replicas of a source whose master password Secrets Manager manages (${DOC})`));
                }
            }
        }
        return findings;
    },
};
