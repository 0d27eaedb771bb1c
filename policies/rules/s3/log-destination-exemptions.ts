import { judgeEach, stackRule } from "../../framework";
import { isLogDestination, LOG_DESTINATION_TAG } from "../../support/log-destination";
import { BUCKET_TYPES, isBucket } from "./common";

/** Makes the log-destination exemption visible: every bucket that uses it is reported (advisory), with the tag that grants it. */
export const rule = stackRule({
    name: "s3-log-destination-exemptions",
    displayName: "Log-destination exemptions in use",
    description: `Lists every bucket tagged ${LOG_DESTINATION_TAG.key}: ${LOG_DESTINATION_TAG.value}, which s3-bucket-encrypted (SSE-S3 allowed) and general-stateful-resources-protected (protect not required) exempt, so reviewers see each exemption.`,
    remediation: `Check that the bucket only receives logs (S3 server access logs, ELB access logs); remove the ${LOG_DESTINATION_TAG.key} tag from any bucket that holds application data.`,
    severity: "low",
    enforcementLevel: "advisory",
    controls: { soc2: ["CC3.4"] },
    types: BUCKET_TYPES,
    check: (resources) => judgeEach(resources.filter(isBucket), (bucket) => isLogDestination(bucket.props)
        ? { urn: bucket.urn, name: bucket.name, message: `exempt as a log destination (tag ${LOG_DESTINATION_TAG.key}: ${LOG_DESTINATION_TAG.value}): SSE-S3 allowed, protect not required` }
        : undefined),
});
