import { ResourceRule } from "../../framework";
import { NETWORK_EXPOSURE } from "../../controls";

/** Every @pulumi/aws type with a `publiclyAccessible` input (the provider's default is false for all of them). */
const TYPES = ["aws:dms/instanceProfile:InstanceProfile", "aws:dms/replicationInstance:ReplicationInstance", "aws:lightsail/database:Database", "aws:m2/environment:Environment",
    "aws:mq/broker:Broker", "aws:neptune/clusterInstance:ClusterInstance", "aws:rds/clusterInstance:ClusterInstance", "aws:rds/instance:Instance", "aws:rds/shardGroup:ShardGroup",
    "aws:redshift/cluster:Cluster", "aws:redshiftserverless/workgroup:Workgroup", "aws:timestreaminfluxdb/dbCluster:DbCluster", "aws:timestreaminfluxdb/dbInstance:DbInstance"];

export const rule: ResourceRule = {
    name: "rds-not-publicly-accessible",
    controls: { ...NETWORK_EXPOSURE, "cis-aws-3.0": ["2.3.3"] },
    displayName: "Databases not publicly accessible",
    description: "No database or data service (RDS, Aurora, Neptune, Redshift, DMS, Amazon MQ, Timestream for InfluxDB, Lightsail…: every type with a publiclyAccessible input) gets a public address.",
    remediation: "Set publiclyAccessible: false and reach the database from inside the VPC.",
    concern: "public-exposure",
    severity: "critical",
    types: TYPES,
    check: (db) => (db.publiclyAccessible === true ? "database is publicly accessible" : undefined),
};
