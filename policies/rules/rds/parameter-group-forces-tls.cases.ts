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
            { type: RDS, name: "db", props: { engine: "mysql", parameterGroupName: "app", optionGroupName: "app" } }] },
        // RDS for PostgreSQL 15 and later default rds.force_ssl to 1: their default groups, and groups that leave it unset.
        { title: "default group of PostgreSQL 16, by name", stack: [{ type: RDS, name: "db", props: { engine: "postgres", parameterGroupName: "default.postgres16" } }] },
        { title: "no group named, PostgreSQL 15.7 (the engine's default group)", stack: [{ type: RDS, name: "db", props: { engine: "postgres", engineVersion: "15.7" } }] },
        { title: "no group named, no version: RDS's default PostgreSQL version", stack: [{ type: RDS, name: "db", props: { engine: "postgres" } }] },
        { title: "postgres16 group that leaves rds.force_ssl at its default", stack: [group([{ name: "log_connections", value: "1" }]), db()] }],
    violating: [{ title: "default group of PostgreSQL 14", stack: [{ type: RDS, name: "db", props: { engine: "postgres", parameterGroupName: "default.postgres14" } }], flagged: ["db"] },
        { title: "default group of MySQL 8.4 (require_secure_transport off)", stack: [{ type: RDS, name: "db", props: { engine: "mysql", parameterGroupName: "default.mysql8.4" } }], flagged: ["db"] },
        { title: "no group named, PostgreSQL 14.12", stack: [{ type: RDS, name: "db", props: { engine: "postgres", engineVersion: "14.12" } }], flagged: ["db"] },
        { title: "no group named, MySQL (default group)", stack: [{ type: RDS, name: "db", props: { engine: "mysql" } }], flagged: ["db"] },
        { title: "custom group outside the stack", stack: [{ type: RDS, name: "db", props: { engine: "postgres", engineVersion: "16.4", parameterGroupName: "shared-pg16" } }], flagged: ["db"] },
        { title: "group without TLS", stack: [group([{ name: "rds.force_ssl", value: "0" }]), { type: RDS, name: "db", deps: { parameterGroupName: ["pg"] }, props: {} }], flagged: ["db"] },
        { title: "another parameter set to 1 does not force TLS (PostgreSQL 14)", stack: [group([{ name: "log_connections", value: "1" }], "pg", { family: "postgres14" }), db()], flagged: ["db"] },
        { title: "MySQL require_secure_transport OFF", stack: [group([{ name: "require_secure_transport", value: "OFF" }], "pg", { family: "mysql8.0" }), db()], flagged: ["db"] },
        { title: "group without parameters (all defaults: rds.force_ssl 0 before PostgreSQL 15)", stack: [group(undefined, "pg", { family: "postgres14" }), db()], flagged: ["db"] }],
    unknown: [unk("engine version unknown, no group named: not judged", "not-judged", { title: "", stack: [{ type: RDS, name: "db", props: { engine: "postgres", engineVersion: UNKNOWN } }] }),
        unk("group family unknown, rds.force_ssl set: judged by the parameter", "compliant", { title: "", stack: [group([{ name: "rds.force_ssl", value: "1" }], "pg", { family: UNKNOWN }), db()] }),
        unk("one group's parameters unknown: the other instance is still judged", "not-judged", {
        title: "", flagged: ["plain"], stack: [
            group(UNKNOWN), { type: RDS, name: "db", deps: { parameterGroupName: ["pg"] }, props: {} },
            { type: RDS, name: "plain", props: { parameterGroupName: "default.mysql8.0" } }],
    })],
};
