import { PolicyResource } from "@pulumi/policy";
import { RuleFinding, StackRule } from "../../framework";
import { arnRegion, at, isUnknown, notJudged, read, regionOf } from "./common";
import { CHANGE_SAFETY } from "../../controls";

const KMS_KEY_TYPES = ["aws:kms/key:Key", "aws:kms/replicaKey:ReplicaKey", "aws:kms/alias:Alias", "aws:kms/externalKey:ExternalKey", "aws:kms/replicaExternalKey:ReplicaExternalKey"];
const RDS_INSTANCE = "aws:rds/instance:Instance";
const RDS_CLUSTER = "aws:rds/cluster:Cluster";

/**
 * Top-level properties that name the KMS key a resource encrypts with (or, for aliases and grants, the key they are
 * about). A KMS key is regional: an alias, a grant and every encrypted resource must use a key of their own region.
 * Nested key fields (replication destinations, DynamoDB replicas, copy actions) legitimately point elsewhere and
 * are not top-level, so they are not read.
 */
const KMS_PROPERTY = /^(targetKeyId|keyId|kmsKeyId|kmsKeyArn|kmsMasterKeyId|kmsKeyIdentifier|performanceInsightsKmsKeyId|masterUserSecretKmsKeyId|sseKmsKeyId|encryptionKey|kmsKey)$/;
const NAME = "deploy-cross-region-references";
/** Types judged for a source or primary reference (besides KMS key properties). */
const REFERRING_TYPES = new Set(["aws:kms/replicaKey:ReplicaKey", "aws:kms/replicaExternalKey:ReplicaExternalKey", RDS_INSTANCE, RDS_CLUSTER, "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication"]);
/** Types whose KMS key legitimately lives elsewhere (a trail's key follows its bucket's region). */
const KEY_ELSEWHERE = new Set(["aws:cloudtrail/trail:Trail"]);

const DOCS = {
    alias: "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateAlias.html",
    grant: "https://docs.aws.amazon.com/kms/latest/APIReference/API_CreateGrant.html",
    replicaKey: "https://docs.aws.amazon.com/kms/latest/APIReference/API_ReplicateKey.html",
    readReplica: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReadRepl.XRgn.html",
    backupReplication: "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_ReplicateBackups.html",
};

function what(resource: PolicyResource): string {
    return `${resource.name} (${resource.type.split(":").pop()})`;
}

/**
 * Cross-region references AWS refuses. Regions come from each resource's provider (`region` of an explicit provider, or
 * `aws:region` for the default one) and references from property dependencies (literal ARNs by their region part):
 * - a KMS alias (CreateAlias), grant (CreateGrant) or any resource's KMS key property in a region other than the key's;
 * - a KMS replica key in the same region as its primary key (ReplicateKey needs another region);
 * - an RDS read replica of a source in another region given by identifier rather than ARN (cross-region replicas
 *   name their source by ARN), and RDS automated-backup replication into the source's own region.
 */
export const rule: StackRule = {
    name: NAME,
    controls: CHANGE_SAFETY,
    displayName: "Deploy validity: references stay within their region",
    description: `A KMS alias, grant or encrypting resource uses a key of its own region (AWS CreateAlias: "The alias and its associated KMS key must be in the same AWS account and Region", ${DOCS.alias}; CreateGrant, ${DOCS.grant}); a KMS replica key lives in another region than its primary (ReplicateKey, ${DOCS.replicaKey}); a cross-region RDS read replica names its source by ARN (${DOCS.readReplica}).`,
    remediation: "Create the dependent resource with the same provider (region) as the key it uses — e.g. pass the key's `provider` to its alias as well as `parent` — or use a key of the resource's own region (a KMS multi-Region replica key). Give cross-region replicas their source's ARN.",
    severity: "critical",
    check: (resources) => {
        const findings: RuleFinding[] = [];
        const regions = new Map<string, string | undefined | symbol>();
        const region = (r: PolicyResource) => {
            if (!regions.has(r.urn)) regions.set(r.urn, regionOf(r));
            return regions.get(r.urn);
        };
        const kmsProperties = (resource: PolicyResource) => KEY_ELSEWHERE.has(resource.type) ? [] :
            Object.keys(resource.propertyDependencies).concat(Object.keys(resource.props)).filter((p, i, all) => KMS_PROPERTY.test(p) && all.indexOf(p) === i);
        for (const resource of resources) {
            const properties = kmsProperties(resource);
            // Only resources with a reference this rule judges need a region (keeps "not judged" to those).
            if (properties.length === 0 && !REFERRING_TYPES.has(resource.type)) continue;
            const own = region(resource);
            if (isUnknown(own)) {
                findings.push(...notJudged(NAME, resource, ["provider.region"]));
                continue;
            }
            if (own === undefined) continue;
            if (resource.type === "aws:kms/replicaKey:ReplicaKey" || resource.type === "aws:kms/replicaExternalKey:ReplicaExternalKey") {
                findings.push(...sameRegionAsPrimary(resource, own as string, region));
                continue;
            }
            for (const property of properties) {
                const keys = (resource.propertyDependencies[property] ?? []).filter((d) => KMS_KEY_TYPES.includes(d.type));
                if (keys.length > 0) {
                    for (const key of keys) {
                        const keyRegion = region(key);
                        if (isUnknown(keyRegion)) {
                            findings.push(...notJudged(NAME, resource, [`${property}.provider.region`]));
                        } else if (keyRegion !== undefined && keyRegion !== own) {
                            findings.push(at(resource, `${what(resource)} is created in ${own as string} but its ${property} is ${key.name}, a KMS key in ${keyRegion as string}: KMS keys are regional (${resource.type === "aws:kms/alias:Alias" ? "CreateAlias" : resource.type === "aws:kms/grant:Grant" ? "CreateGrant" : "the service"} refuses a key of another region)`));
                        }
                    }
                } else if ((resource.propertyDependencies[property] ?? []).length === 0) {
                    const literal = read(() => resource.props[property]);
                    const isKmsArn = typeof literal === "string" && literal.split(":")[2] === "kms";
                    const keyRegion = isKmsArn ? arnRegion(literal) : undefined;
                    if (keyRegion && keyRegion !== own) {
                        findings.push(at(resource, `${what(resource)} is created in ${own as string} but its ${property} is a KMS key ARN in ${keyRegion}: KMS keys are regional`));
                    }
                }
            }
            if (resource.type === RDS_INSTANCE || resource.type === RDS_CLUSTER) {
                findings.push(...replicaSource(resource, own as string, region, resources));
            }
            if (resource.type === "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication") {
                for (const source of (resource.propertyDependencies.sourceDbInstanceArn ?? []).filter((d) => d.type === RDS_INSTANCE)) {
                    const sourceRegion = region(source);
                    if (!isUnknown(sourceRegion) && sourceRegion === own) {
                        findings.push(at(resource, `${what(resource)} replicates the automated backups of ${source.name} into its own region ${own as string}: backup replication needs a provider for another region (${DOCS.backupReplication})`));
                    }
                }
            }
        }
        return findings;
    },
};

function sameRegionAsPrimary(replica: PolicyResource, own: string, region: (r: PolicyResource) => unknown): RuleFinding[] {
    const primaries = (replica.propertyDependencies.primaryKeyArn ?? []).filter((d) => d.type.startsWith("aws:kms/"));
    const regions = primaries.length > 0 ? primaries.map(region) : [arnRegion(read(() => replica.props.primaryKeyArn))];
    return regions.some((r) => r === own)
        ? [at(replica, `${what(replica)} is created in ${own}, the region of its primary key: a replica key must be in another region (ReplicateKey, ${DOCS.replicaKey})`)]
        : [];
}

function replicaSource(replica: PolicyResource, own: string, region: (r: PolicyResource) => unknown, resources: PolicyResource[]): RuleFinding[] {
    const property = replica.type === RDS_INSTANCE ? "replicateSourceDb" : "replicationSourceIdentifier";
    const value = read(() => replica.props[property]);
    if (value === undefined || value === null || value === "") return [];
    const deps = (replica.propertyDependencies[property] ?? []).filter((d) => d.type === RDS_INSTANCE || d.type === RDS_CLUSTER);
    const sources = deps.length > 0 ? deps : resources.filter((r) => (r.type === RDS_INSTANCE || r.type === RDS_CLUSTER) && !isUnknown(value) && read(() => r.props.identifier) === value);
    const findings: RuleFinding[] = [];
    for (const source of sources) {
        const sourceRegion = region(source);
        if (isUnknown(sourceRegion) || sourceRegion === undefined || sourceRegion === own) continue;
        if (isUnknown(value)) {
            findings.push(...notJudged(NAME, replica, [property]));
        } else if (!String(value).startsWith("arn:")) {
            findings.push(at(replica, `${what(replica)} in ${own} replicates ${source.name} in ${sourceRegion as string} by identifier (${String(value)}): a cross-region replica's ${property} must be the source's ARN (${DOCS.readReplica})`));
        }
    }
    return findings;
}
