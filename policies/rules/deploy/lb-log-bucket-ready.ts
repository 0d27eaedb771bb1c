import { PolicyResource } from "@pulumi/policy";
import { RuleFinding, StackRule } from "../../framework";
import { at, isUnknown, notJudged, read, regionOf, transitiveDependencies } from "./common";
import { CHANGE_SAFETY } from "../../controls";

const LOAD_BALANCERS = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
const BUCKETS = ["aws:s3/bucket:Bucket", "aws:s3/bucketV2:BucketV2"];
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const SSE = ["aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2"];
const NAME = "deploy-lb-log-bucket-ready";
const ALB_DOC = "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html";
const NLB_DOC = "https://docs.aws.amazon.com/elasticloadbalancing/latest/network/load-balancer-access-logs.html";

/** Log settings of a load balancer that deliver to S3 (access logs; ALB connection and health-check logs need the same grant). */
const LOG_SETTINGS = ["accessLogs", "connectionLogs", "healthCheckLogs"];

/** Whether a bucket companion (policy, encryption) belongs to `bucket`: by property dependency or literal name. */
function belongsTo(companion: PolicyResource, bucket: PolicyResource): boolean {
    const deps = companion.propertyDependencies.bucket ?? [];
    if (deps.length > 0) return deps.some((d) => d.urn === bucket.urn);
    const name = read(() => companion.props.bucket);
    return typeof name === "string" && name.length > 0 && [read(() => bucket.props.bucket), bucket.name].includes(name);
}

/**
 * Elastic Load Balancing checks that it may write to the log bucket when logging is turned on: the bucket's policy must
 * exist before the load balancer (else "Access Denied for bucket … Please check S3bucket permission" on the first
 * create). Pulumi creates resources in dependency order, so the load balancer must depend on the bucket's policy,
 * not only on the bucket. The bucket must also be in the load balancer's region and use SSE-S3 (a Network Load
 * Balancer's may also use SSE-KMS with a customer managed key).
 */
export const rule: StackRule = {
    name: NAME,
    controls: { ...CHANGE_SAFETY, "pci-dss-4.0": ["10.2.1"], soc2: ["CC8.1", "A1.2", "CC7.2"] },
    displayName: "Deploy validity: load balancer logs wait for the log bucket's policy",
    description: `A load balancer that writes access or connection logs to a bucket of the same program depends on that bucket's policy (which must grant Elastic Load Balancing s3:PutObject), so the policy exists when logging is switched on; the bucket is in the load balancer's region and encrypted with SSE-S3 (a Network Load Balancer's may use a customer managed KMS key) (AWS: "The bucket must have a bucket policy that grants Elastic Load Balancing permission to write to the bucket", ${ALB_DOC}; ${NLB_DOC}).`,
    remediation: "Add the bucket's aws.s3.BucketPolicy to the load balancer's dependsOn (or expose the policy from the storage component and depend on it); keep the log bucket in the same region, with SSE-S3 (AES256) default encryption.",
    severity: "high",
    check: (resources) => {
        const findings: RuleFinding[] = [];
        for (const lb of resources.filter((r) => LOAD_BALANCERS.includes(r.type))) {
            for (const setting of LOG_SETTINGS) {
                const logs = read(() => lb.props[setting]);
                if (isUnknown(logs)) {
                    findings.push(...notJudged(NAME, lb, [setting]));
                    continue;
                }
                if (!logs || typeof logs !== "object") continue;
                const enabled = read(() => (logs as any).enabled);
                if (isUnknown(enabled)) {
                    findings.push(...notJudged(NAME, lb, [`${setting}.enabled`]));
                    continue;
                }
                // The provider's default is off, "even when bucket is specified".
                if (enabled !== true) continue;
                const bucketName = read(() => (logs as any).bucket);
                const deps = (lb.propertyDependencies[setting] ?? []).filter((d) => BUCKETS.includes(d.type));
                const buckets = deps.length > 0 ? deps : resources.filter((b) => BUCKETS.includes(b.type) && !isUnknown(bucketName) && typeof bucketName === "string" && read(() => b.props.bucket) === bucketName);
                if (buckets.length === 0) {
                    // A bucket outside this program (or one fed by a non-bucket resource): nothing here orders it.
                    if (isUnknown(bucketName) && (lb.propertyDependencies[setting] ?? []).length > 0) findings.push(...notJudged(NAME, lb, [`${setting}.bucket`]));
                    continue;
                }
                const before = transitiveDependencies(lb, resources);
                for (const bucket of buckets) {
                    const policies = resources.filter((p) => p.type === BUCKET_POLICY && belongsTo(p, bucket));
                    if (policies.length === 0) {
                        findings.push(at(lb, `${lb.name} writes ${setting} to ${bucket.name}, which has no bucket policy in this program: Elastic Load Balancing cannot write there ("Access Denied for bucket"); add a policy granting log delivery (${ALB_DOC})`));
                    } else if (!policies.some((p) => before.has(p.urn))) {
                        findings.push(at(lb, `${lb.name} turns on ${setting} to ${bucket.name} without depending on its bucket policy ${policies.map((p) => p.name).join(", ")}: on the first create the load balancer may come first and fail with "Access Denied for bucket"; add the policy to the load balancer's dependsOn`));
                    }
                    const lbRegion = regionOf(lb);
                    const bucketRegion = regionOf(bucket);
                    if (typeof lbRegion === "string" && typeof bucketRegion === "string" && lbRegion !== bucketRegion) {
                        findings.push(at(lb, `${lb.name} in ${lbRegion} writes ${setting} to ${bucket.name} in ${bucketRegion}: the log bucket must be in the load balancer's region`));
                    }
                    // ALB logs take SSE-S3 only; NLB logs also SSE-KMS with a customer managed key (not the AWS managed
                    // aws/s3 key, which a default rule without kmsMasterKeyId uses).
                    const network = read(() => lb.props.loadBalancerType) === "network";
                    const refused = resources.filter((c) => SSE.includes(c.type) && belongsTo(c, bucket)).some((c) => {
                        const kms = read(() => [c.props.rules].flat().map((r: any) => r?.applyServerSideEncryptionByDefault)
                            .filter((d: any) => String(d?.sseAlgorithm ?? "").startsWith("aws:kms"))
                            .map((d: any) => ({ customerKey: Boolean(d.kmsMasterKeyId) })));
                        return !isUnknown(kms) && kms.some((d) => !network || !d.customerKey);
                    });
                    if (refused) {
                        findings.push(at(lb, network
                            ? `${lb.name} writes ${setting} to ${bucket.name}, which defaults to SSE-KMS with the AWS managed key: Network Load Balancer logs take SSE-S3 or a customer managed key (${NLB_DOC})`
                            : `${lb.name} writes ${setting} to ${bucket.name}, which defaults to SSE-KMS: load balancer logs support SSE-S3 (AES256) only`));
                    }
                }
            }
        }
        return findings;
    },
};
