import { UNKNOWN, type StackResource } from "../../cases";

/** What the s3 rules' cases share (a helper of the cases files: it exports no `rule`, so it is not part of the pack). */
export const TAGS = { owner: "team", "cost-center": "cc", "data-classification": "restricted", environment: "production" };
export const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k";
export const BUCKET = "aws:s3/bucket:Bucket";
/** A complete secure bucket with its companions (names prefixed by `name`). */
export function bucket(name: string, o: { sse?: string; tags?: Record<string, string>; versioning?: string; block?: boolean; policy?: unknown; extra?: StackResource[] } = {}): StackResource[] {
    const dep = { bucket: [name] };
    return [
        { type: BUCKET, name, props: { bucket: UNKNOWN, tags: { ...TAGS, ...o.tags } } },
        { type: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", name: `${name}-sse`, deps: dep, props: { bucket: UNKNOWN, rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: o.sse ?? "aws:kms", kmsMasterKeyId: KEY } }] } },
        { type: "aws:s3/bucketVersioning:BucketVersioning", name: `${name}-ver`, deps: dep, props: { bucket: UNKNOWN, versioningConfiguration: { status: o.versioning ?? "Enabled" } } },
        { type: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", name: `${name}-pab`, deps: dep, props: { bucket: UNKNOWN, blockPublicAcls: true, blockPublicPolicy: o.block ?? true, ignorePublicAcls: true, restrictPublicBuckets: true } },
        { type: "aws:s3/bucketPolicy:BucketPolicy", name: `${name}-pol`, deps: dep, props: { bucket: UNKNOWN, policy: o.policy ?? JSON.stringify({ Statement: [{ Effect: "Deny", Principal: "*", Action: "s3:*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": "false" } } }] }) } },
        ...(o.extra ?? []),
    ];
}
