import * as aws from "../../support/aws";
import { judgeEach, refersTo, stackRule, typeOf } from "../../framework";
import { ENCRYPTION_IN_TRANSIT } from "../../controls";

const INSTANCE = typeOf(aws.rds.Instance);
const PARAMETER_GROUP = typeOf(aws.rds.ParameterGroup);

const forcesTls = (p: any) => (p.name === "rds.force_ssl" && String(p.value) === "1") || (p.name === "require_secure_transport" && ["ON", "1"].includes(String(p.value).toUpperCase()));

export const rule = stackRule({
    name: "rds-parameter-group-forces-tls",
    controls: ENCRYPTION_IN_TRANSIT,
    displayName: "Databases force TLS through their parameter group",
    description: "Every RDS instance uses a parameter group that forces TLS (rds.force_ssl=1 for PostgreSQL, require_secure_transport=ON for MySQL); a default parameter group does not.",
    remediation: "Create an aws.rds.ParameterGroup with the TLS parameter and set it as the instance's parameterGroupName.",
    concern: "tls",
    severity: "high",
    types: [INSTANCE],
    check: (resources) => judgeEach(resources.filter((r) => r.type === INSTANCE), (db) => {
        const at = { urn: db.urn, name: db.name };
        const groups = resources.filter((g) => g.type === PARAMETER_GROUP && refersTo(db, "parameterGroupName", g));
        if (groups.length === 0) return { ...at, message: `instance ${db.name} uses a parameter group outside this stack or the default one, which does not force TLS` };
        const forces = groups.some((g) => (g.props.parameters ?? []).some(forcesTls));
        return forces ? undefined : { ...at, message: `parameter group ${groups[0].name} of instance ${db.name} does not force TLS` };
    }),
});
