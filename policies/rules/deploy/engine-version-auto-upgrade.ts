import { ResourceRule } from "../../framework";
import { elastiCacheVersionProblem, pinsRdsMinor, rdsMajorVersion } from "../../../lib/rules/engine-version-form";
import { CHANGE_SAFETY } from "../../controls";

const RDS_DOC = "https://www.pulumi.com/registry/packages/aws/api-docs/rds/instance/#engineversion_nodejs";
const RDS_UPGRADE_DOC = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_UpgradeDBInstance.Upgrading.html";
const ELASTICACHE_DOC = "https://www.pulumi.com/registry/packages/aws/api-docs/elasticache/replicationgroup/#engineversion_nodejs";

/**
 * A database that upgrades its own minor version must not name a minor: once RDS moves it on, the program asks for a
 * downgrade on every `up` (refused), and a retired minor can no longer be created at all. ElastiCache (Redis OSS 6+,
 * Valkey) takes major.minor only. `ignoreChanges: ["engineVersion"]` opts a resource out knowingly.
 */
export const rule: ResourceRule = {
    name: "deploy-engine-version-auto-upgrade",
    controls: CHANGE_SAFETY,
    displayName: "Deploy validity: no pinned minor with automatic minor upgrades",
    description: `RDS instances, clusters and cluster instances with autoMinorVersionUpgrade (the default) give the major version only (e.g. 15, 8.0) — the AWS provider's documented form, with the running version in engineVersionActual (${RDS_DOC}; ${RDS_UPGRADE_DOC}); ElastiCache Redis OSS 6+/Valkey takes major.minor (${ELASTICACHE_DOC}).`,
    remediation: "Set engineVersion to the major (PostgreSQL 15, MySQL 8.0) and read engineVersionActual for the running version; or set autoMinorVersionUpgrade: false and own minor upgrades; or ignoreChanges: [\"engineVersion\"]. ElastiCache: give major.minor (7.1).",
    severity: "high",
    types: ["aws:rds/instance:Instance", "aws:rds/cluster:Cluster", "aws:rds/clusterInstance:ClusterInstance", "aws:elasticache/replicationGroup:ReplicationGroup", "aws:elasticache/cluster:Cluster"],
    check: (props, args) => {
        const version = props.engineVersion;
        if (typeof version !== "string" || version.length === 0) return;
        const engine = String(props.engine ?? (args.type.startsWith("aws:elasticache/") ? "redis" : ""));
        if (args.type.startsWith("aws:elasticache/")) {
            return elastiCacheVersionProblem(engine, version);
        }
        if ((args.opts.ignoreChanges ?? []).includes("engineVersion")) return;
        // RDS instances, Multi-AZ/Aurora clusters and cluster instances default to automatic minor upgrades.
        if (props.autoMinorVersionUpgrade === false) return;
        if (!pinsRdsMinor(engine, version)) return;
        return `${engine} engineVersion ${version} pins a minor while autoMinorVersionUpgrade is on: after RDS upgrades the minor, every later update asks for a downgrade to ${version} (refused), and retired minors cannot be created; set engineVersion to ${rdsMajorVersion(engine, version)}`;
    },
};
