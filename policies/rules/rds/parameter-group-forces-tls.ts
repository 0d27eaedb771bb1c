import * as aws from "../../support/aws";
import { judgeEach, refersTo, stackRule, typeOf } from "../../framework";
import { ENCRYPTION_IN_TRANSIT } from "../../controls";
import { defaultGroupFamily, familyForcesTlsByDefault, implicitGroupFamily, tlsParameterSetting } from "../../../lib/rules/db-tls";

const INSTANCE = typeOf(aws.rds.Instance);
const PARAMETER_GROUP = typeOf(aws.rds.ParameterGroup);

export const rule = stackRule({
    name: "rds-parameter-group-forces-tls",
    controls: ENCRYPTION_IN_TRANSIT,
    displayName: "Databases force TLS through their parameter group",
    description: "Every RDS instance uses a parameter group that forces TLS (rds.force_ssl=1 for PostgreSQL, require_secure_transport=ON for MySQL); a default parameter group does so only for PostgreSQL 15 and later.",
    remediation: "Create an aws.rds.ParameterGroup with the TLS parameter and set it as the instance's parameterGroupName.",
    concern: "tls",
    severity: "high",
    types: [INSTANCE],
    check: (resources) => judgeEach(resources.filter((r) => r.type === INSTANCE), (db) => {
        const at = { urn: db.urn, name: db.name };
        const groups = resources.filter((g) => g.type === PARAMETER_GROUP && refersTo(db, "parameterGroupName", g));
        if (groups.length === 0) {
            // A default group's family is known (named default.postgres16, or the engine's own when none is named); a
            // custom group outside the stack is not.
            const name = db.props.parameterGroupName;
            const family = name === undefined ? implicitGroupFamily(db.props.engine, db.props.engineVersion) : typeof name === "string" ? defaultGroupFamily(name) : undefined;
            if (family !== undefined && familyForcesTlsByDefault(family)) return undefined;
            return { ...at, message: `instance ${db.name} uses a parameter group outside this stack or a default one that does not force TLS` };
        }
        // A parameter the group sets wins; otherwise its family's default applies (read only then: it may be unknown).
        const forces = groups.some((g) => tlsParameterSetting(g.props.parameters ?? []) ?? familyForcesTlsByDefault(String(g.props.family)));
        return forces ? undefined : { ...at, message: `parameter group ${groups[0].name} of instance ${db.name} does not force TLS` };
    }),
});
