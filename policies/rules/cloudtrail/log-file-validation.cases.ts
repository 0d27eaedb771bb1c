import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of cloudtrail-log-file-validation (test/policies/unit.test.ts runs them in-process). */
const TRAIL = "aws:cloudtrail/trail:Trail";
const res = (title: string, props: Record<string, unknown>) => ({ title, resource: { type: TRAIL, props } });

export const cases: RuleCases = {
    compliant: [res("validation on", { s3BucketName: "b", enableLogFileValidation: true })],
    violating: [res("omitted (default false)", { s3BucketName: "b" }), res("false", { s3BucketName: "b", enableLogFileValidation: false })],
    unknown: [{ ...res("validation flag unknown", { s3BucketName: "b", enableLogFileValidation: UNKNOWN }), expect: "not-judged" }],
    ignored: [{ title: "event data store is another type", resource: { type: "aws:cloudtrail/eventDataStore:EventDataStore", props: {} } }],
};
