import * as aws from "../../support/aws";
import { PolicyResource } from "@pulumi/policy";
import { asArray, refersTo, typesOf } from "../../framework";

export const BUCKET_TYPES = typesOf(aws.s3.Bucket, aws.s3.BucketV2);
export const isBucket = (r: PolicyResource) => BUCKET_TYPES.includes(r.type);

/** The companion resources of a bucket of `type` (e.g. its versioning config) and its legacy `…V2` twin, by reference. */
export function bucketCompanions(resources: PolicyResource[], bucket: PolicyResource, type: string): PolicyResource[] {
    const legacyV2 = type.replace(/^(aws:s3\/\w+):(\w+)$/, "$1V2:$2V2");
    return resources.filter((r) => (r.type === type || r.type === legacyV2) && refersTo(r, "bucket", bucket));
}

export function statementsOf(policy: unknown): any[] {
    let doc: any = policy;
    if (typeof policy === "string") {
        try {
            doc = JSON.parse(policy);
        } catch {
            return [];
        }
    }
    return asArray(doc?.Statement);
}

const lowerKeys = (o: unknown): Record<string, any> => (o && typeof o === "object" ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v])) : {});

/** A Deny of every S3 action (or `*`) when aws:SecureTransport is false (keys in any case, value string or boolean). */
export function deniesInsecureTransport(policy: unknown): boolean {
    return statementsOf(policy).some((s) => {
        const bool = lowerKeys(lowerKeys(s.Condition).bool);
        return s.Effect === "Deny" &&
            asArray(bool["aws:securetransport"]).some((v) => String(v).toLowerCase() === "false") &&
            asArray<string>(s.Action).some((a) => ["s3:*", "*"].includes(String(a).toLowerCase()));
    });
}

/** Whether a principal is everyone (`"*"`, `{ AWS: "*" }`). */
export function isEveryone(principal: unknown): boolean {
    if (principal === "*") return true;
    const aws = lowerKeys(principal).aws;
    return asArray(aws).includes("*");
}

/** Allow statements to everyone without a condition that narrows who (any condition counts as narrowing, conservatively not). */
export function publicAllowStatements(policy: unknown): any[] {
    return statementsOf(policy).filter((s) => s.Effect === "Allow" && (isEveryone(s.Principal) || s.NotPrincipal !== undefined) && s.Condition === undefined);
}
