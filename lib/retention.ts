/**
 * Moved to lib/rules/retention.ts (one home per rule, no Pulumi import, shared with the policy pack). This re-export
 * keeps imports of other lanes' branches working until they are updated; import from lib/rules/retention.ts.
 */
export * from "./rules/retention";
