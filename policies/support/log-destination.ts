import { tagOf } from "../framework";

/**
 * The explicit, auditable marker of a log-destination bucket: the tag `purpose: log-destination` (set by the Storage
 * component on its server-access-log and ALB-log buckets). S3 server access logging and ELB log delivery cannot write
 * to SSE-KMS buckets, so such buckets may use SSE-S3 and stay unprotected; the `s3-log-destination-exemptions` policy
 * reports every bucket that uses the exemption. Never decided by a resource's name.
 */
export const LOG_DESTINATION_TAG = { key: "purpose", value: "log-destination" } as const;

export function isLogDestination(props: Record<string, any>): boolean {
    return tagOf(props, LOG_DESTINATION_TAG.key) === LOG_DESTINATION_TAG.value;
}
