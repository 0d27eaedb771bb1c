import type { RuleCases, StackResource } from "../../cases";
import { RDS, UNKNOWN, unk } from "./cases-common";

/** Cases of rds-parameter-group-forces-tls (test/policies/unit.test.ts runs them in-process). */
const PG = "aws:rds/parameterGroup:ParameterGroup";
const group = (parameters: unknown, name = "pg", props: Record<string, unknown> = {}): StackResource => ({ type: PG, name, props: { family: "postgres16", ...props, ...(parameters === undefined ? {} : { parameters }) } });
const db = (props: Record<string, unknown> = {}, name = "db"): StackResource => ({ type: RDS, name, deps: { parameterGroupName: ["pg"] }, props: { parameterGroupName: UNKNOWN, ...props } });

export const cases: RuleCases = {
    compliant: [{ title: "force_ssl group", stack: [group([{ name: "rds.force_ssl", value: "1" }]), db()] },
        { title: "MySQL require_secure_transport on (any case)", stack: [group([{ name: "require_secure_transport", value: "on" }], "pg", { family: "mysql8.0" }), { type: RDS, name: "db", deps: { parameterGroupName: ["pg"] }, props: {} }] },
        { title: "MySQL require_secure_transport 1", stack: [group([{ name: "require_secure_transport", value: "1" }], "pg", { family: "mysql8.4" }), db()] },
        { title: "force_ssl among other parameters", stack: [group([{ name: "log_min_duration_statement", value: "1000" }, { name: "rds.force_ssl", value: "1" }]), db()] },
        // A literal parameterGroupName also matches an option group of the same name: only the parameter group counts.
        { title: "option group named like the parameter group, by literal names", stack: [
            { type: "aws:rds/optionGroup:OptionGroup", name: "og", props: { name: "app", engineName: "mysql", majorEngineVersion: "8.0" } },
            { type: PG, name: "pg", props: { name: "app", family: "mysql8.0", parameters: [{ name: "require_secure_transport", value: "1" }] } },
            { type: RDS, name: "db", props: { engine: "mysql", parameterGroupName: "app", optionGroupName: "app" } }] }],
    violating: [{ title: "default group", stack: [{ type: RDS, name: "db", props: { parameterGroupName: "default.postgres16" } }], flagged: ["db"] },
        { title: "group without TLS", stack: [group([{ name: "rds.force_ssl", value: "0" }]), { type: RDS, name: "db", deps: { parameterGroupName: ["pg"] }, props: {} }], flagged: ["db"] },
        { title: "another parameter set to 1 does not force TLS", stack: [group([{ name: "log_connections", value: "1" }]), db()], flagged: ["db"] },
        { title: "MySQL require_secure_transport OFF", stack: [group([{ name: "require_secure_transport", value: "OFF" }], "pg", { family: "mysql8.0" }), db()], flagged: ["db"] },
        { title: "group without parameters (all defaults: rds.force_ssl 0 before PostgreSQL 15)", stack: [group(undefined, "pg", { family: "postgres14" }), db()], flagged: ["db"] }],
    unknown: [unk("one group's parameters unknown: the other instance is still judged", "not-judged", {
        title: "", flagged: ["plain"], stack: [
            group(UNKNOWN), { type: RDS, name: "db", deps: { parameterGroupName: ["pg"] }, props: {} },
            { type: RDS, name: "plain", props: { parameterGroupName: "default.mysql8.0" } }],
    })],
};
