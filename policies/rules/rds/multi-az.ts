import * as aws from "../../support/aws";
import { resourceRule } from "../../framework";
import { isReplica } from "./common";
import { AVAILABILITY } from "../../controls";

export const rule = resourceRule({
    name: "rds-multi-az",
    controls: AVAILABILITY,
    displayName: "Multi-AZ databases",
    description: "RDS instances have a synchronous standby in another AZ (read replicas excepted).",
    remediation: "Set multiAz: true.",
    severity: "high",
    resourceTypes: [aws.rds.Instance],
    check: (db) => (!isReplica(db) && db.multiAz !== true ? "instance is single-AZ" : undefined),
});
