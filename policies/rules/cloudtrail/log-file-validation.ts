import { CheckResult, ResourceRule } from "../../framework";

/** CloudTrail trails validate their log files (enableLogFileValidation defaults to false), so tampering is detectable. */
export const rule: ResourceRule = {
    name: "cloudtrail-log-file-validation",
    displayName: "CloudTrail log file integrity validation on",
    description: "CloudTrail trails turn on log file integrity validation (enableLogFileValidation; the default is false), so a deleted or altered log file is detectable from the signed digest files.",
    remediation: "Set enableLogFileValidation: true on the trail.",
    severity: "high",
    controls: { "pci-dss-4.0": ["10.3.2", "10.3.4"], soc2: ["CC7.2"], "cis-aws-3.0": ["3.2"] },
    concern: "integrity",
    types: ["aws:cloudtrail/trail:Trail"],
    check: (props): CheckResult => (props.enableLogFileValidation === true ? undefined : `log file validation is off (enableLogFileValidation ${props.enableLogFileValidation ?? "omitted: false by default"})`),
};
