import { isSet, ResourceRule } from "../../framework";
import { isMultiAzDbClusterEngine } from "../../../lib/rules/backup-limits";
import { CHANGE_SAFETY } from "../../controls";

const DOC = "https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_CreateDBCluster.html";

/** What CreateDBCluster requires of a Multi-AZ DB cluster ("This setting is required to create a Multi-AZ DB cluster"). */
const REQUIRED = ["iops", "allocatedStorage", "dbClusterInstanceClass"] as const;

/**
 * The same settings on an Aurora cluster: CreateDBCluster documents each as "Valid for Cluster Type: Multi-AZ DB
 * clusters only" and refuses them for an Aurora engine ("DBClusterInstanceClass isn't supported for DB engine
 * aurora-mysql"); Aurora's storage types are `aurora` and `aurora-iopt1` only.
 */
const AURORA_STORAGE_TYPES = ["aurora", "aurora-iopt1"];

/**
 * A Multi-AZ DB cluster (`aws.rds.Cluster` with engine mysql or postgres, not Aurora) needs provisioned IOPS, allocated
 * storage and a DB instance class at creation: CreateDBCluster refuses it otherwise. Its storage type then forces a
 * replacement, so the first `up` must be right. Restores (snapshot, point in time) and cross-Region replicas take their
 * storage from the source and are not judged.
 */
export const rule: ResourceRule = {
    name: "deploy-rds-cluster-iops",
    controls: CHANGE_SAFETY,
    displayName: "Deploy validity: Multi-AZ DB clusters set iops, allocatedStorage and a class; Aurora clusters do not",
    description: `An RDS Multi-AZ DB cluster (aws.rds.Cluster with engine mysql or postgres, any storage type io1/io2/gp3) sets iops, allocatedStorage and dbClusterInstanceClass — AWS CreateDBCluster: each "is required to create a Multi-AZ DB cluster"; an Aurora cluster sets none of them ("Valid for Cluster Type: Multi-AZ DB clusters only") and a storageType of ${AURORA_STORAGE_TYPES.join(" or ")} only (${DOC}).`,
    remediation: "Multi-AZ DB cluster: set iops (e.g. 3000 or more for gp3, per the storage type's range), allocatedStorage and dbClusterInstanceClass (a db.m6gd/r6gd/… class), or use an Aurora engine. Aurora: remove them (the class belongs to each aws.rds.ClusterInstance; the cluster volume has no size) and use storageType aurora or aurora-iopt1.",
    severity: "critical",
    types: ["aws:rds/cluster:Cluster"],
    check: (props) => {
        if (typeof props.engine === "string" && props.engine.startsWith("aurora")) {
            const refused = REQUIRED.filter((key) => isSet(props, key));
            const storage = typeof props.storageType === "string" && props.storageType !== "" && !AURORA_STORAGE_TYPES.includes(props.storageType) ? [`storageType ${props.storageType}`] : [];
            if (refused.length + storage.length === 0) return;
            return `${props.engine} cluster with ${[...refused, ...storage].join(", ")}: CreateDBCluster takes these for Multi-AZ DB clusters only and refuses them for Aurora (its instances carry the class; its storage types are ${AURORA_STORAGE_TYPES.join(", ")})`;
        }
        if (!isMultiAzDbClusterEngine(props.engine)) return;
        if (isSet(props, "snapshotIdentifier") || isSet(props, "restoreToPointInTime") || isSet(props, "replicationSourceIdentifier")) return;
        const missing = REQUIRED.filter((key) => !isSet(props, key));
        if (missing.length === 0) return;
        const storage = typeof props.storageType === "string" ? ` (storageType ${props.storageType})` : "";
        return `${props.engine} Multi-AZ DB cluster${storage} without ${missing.join(", ")}: CreateDBCluster refuses it ("required to create a Multi-AZ DB cluster"), and storageType/iops force a replacement later`;
    },
};
