import * as assert from "assert";
import { ENGINE_MAJORS } from "../../lib/rules/engine-versions";
import { AURORA_CLUSTER_PARAMETERS, PARAMETER_RULES, parameterValueProblem } from "../../lib/rules/parameter-values";

/** The parameter-group families the platform creates (lib/rules/engine-versions.ts). */
const MYSQL_FAMILIES = ["mysql8.0", "mysql8.4", "aurora-mysql8.0"];
const POSTGRES_FAMILIES = ["postgres14", "postgres15", "postgres16", "postgres17", "aurora-postgresql16"];
/** Families outside a rule: another engine, an older major, or a name the anchors must refuse. */
const NOT_MYSQL = ["mysql5.7", "mysql8.1", "aurora-mysql8.4", "aurora-mysql5.7", "xmysql8.0", "mysql8.0x", "mysql8x0", "postgres15", "redis7"];
const NOT_POSTGRES = ["postgres", "postgresql", "aurora-postgres", "xpostgres15", "postgres15x", "postgres15.4", "mysql8.0", "redis7"];

/** Every refusal cites the page that documents the allowed values. */
const CITES_SOURCE = /\((https:\/\/(docs\.aws\.amazon\.com\/(AmazonRDS|AmazonElastiCache)|www\.postgresql\.org\/docs|dev\.mysql\.com\/doc)\/\S+)\)$/;

function refused(family: string, name: string, value: string): string {
    const problem = parameterValueProblem(family, name, value);
    assert.ok(problem, `${family} ${name}=${value} should be refused`);
    assert.match(problem, CITES_SOURCE, `${family} ${name}`);
    assert.ok(problem.startsWith(`${name} = ${JSON.stringify(value)} is not allowed in ${family}; `), problem);
    return problem;
}

function accepted(family: string, name: string, values: readonly string[]): void {
    for (const value of values) assert.strictEqual(parameterValueProblem(family, name, value), undefined, `${family} ${name}=${value}`);
}

describe("lib/rules/parameter-values", () => {
    it("judges nothing it has no rule for: unknown parameters, or a family outside the rule", () => {
        assert.strictEqual(parameterValueProblem("mysql8.0", "long_query_time", "anything"), undefined);
        for (const family of NOT_MYSQL) assert.strictEqual(parameterValueProblem(family, "require_secure_transport", "ON"), undefined, family);
        for (const family of NOT_POSTGRES) assert.strictEqual(parameterValueProblem(family, "rds.force_ssl", "true"), undefined, family);
        for (const family of ["mysql5.7", "aurora-mysql8.4", "xmysql8.4", "mysql8.4x", "xmysql8.0", "mysql8.0x", "xaurora-mysql8.0", "aurora-mysql8.0x"]) {
            assert.strictEqual(parameterValueProblem(family, "tls_version", "SSLv3"), undefined, family);
        }
        for (const family of ["memcached1.6", "redis", "xredis7", "mysql8.0"]) assert.strictEqual(parameterValueProblem(family, "maxmemory-policy", "lru"), undefined, family);
    });

    it("require_secure_transport: 0|1 on RDS for MySQL 8.0/8.4 and Aurora MySQL 3 (not ON/OFF)", () => {
        for (const family of MYSQL_FAMILIES) {
            accepted(family, "require_secure_transport", ["0", "1"]);
            for (const value of ["ON", "OFF", "true", "2", ""]) {
                assert.strictEqual(refused(family, "require_secure_transport", value),
                    `require_secure_transport = ${JSON.stringify(value)} is not allowed in ${family}; allowed: 0, 1 (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.require-ssl.html)`);
            }
        }
    });

    it("rds.force_ssl: 0|1 on RDS and Aurora PostgreSQL", () => {
        for (const family of POSTGRES_FAMILIES) {
            accepted(family, "rds.force_ssl", ["0", "1"]);
            assert.strictEqual(refused(family, "rds.force_ssl", "on"),
                `rds.force_ssl = "on" is not allowed in ${family}; allowed: 0, 1 (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.html)`);
        }
    });

    it("tls_version on MySQL 8.4: TLSv1.2 and TLSv1.3 only (8.4 dropped 1.0/1.1), as a comma-separated list", () => {
        accepted("mysql8.4", "tls_version", ["TLSv1.2", "TLSv1.3", "TLSv1.2,TLSv1.3", "TLSv1.3, TLSv1.2"]);
        for (const value of ["TLSv1.1", "TLSv1", "TLSv1.2,TLSv1.1", "TLSv1.2,", "", "tlsv1.2"]) {
            assert.strictEqual(refused("mysql8.4", "tls_version", value),
                `tls_version = ${JSON.stringify(value)} is not allowed in mysql8.4; expected a comma-separated list of TLSv1.2, TLSv1.3 (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/mysql-ssl-connections.tls-versions.html)`);
        }
    });

    it("tls_version on MySQL 8.0 and Aurora MySQL 3: the parameter group still lists TLSv1 and TLSv1.1", () => {
        for (const family of ["mysql8.0", "aurora-mysql8.0"]) {
            accepted(family, "tls_version", ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "TLSv1.2,TLSv1.3", "TLSv1,TLSv1.1,TLSv1.2,TLSv1.3"]);
            assert.match(refused(family, "tls_version", "SSLv3"), /; expected a comma-separated list of TLSv1, TLSv1\.1, TLSv1\.2, TLSv1\.3 \(/);
        }
    });

    it("ssl_min_protocol_version on PostgreSQL: one protocol, not a list", () => {
        for (const family of POSTGRES_FAMILIES) accepted(family, "ssl_min_protocol_version", ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"]);
        for (const value of ["TLSv1.2,TLSv1.3", "1.2", "SSLv3"]) {
            assert.match(refused("postgres16", "ssl_min_protocol_version", value), /; allowed: TLSv1, TLSv1\.1, TLSv1\.2, TLSv1\.3 \(https:\/\/docs\.aws\.amazon\.com\/AmazonRDS\/latest\/UserGuide\/PostgreSQL\.Concepts\.General\.SSL\.html\)$/);
        }
    });

    it("log_statement on PostgreSQL: none, ddl, mod or all (PostgreSQL runtime-config-logging)", () => {
        for (const family of POSTGRES_FAMILIES) accepted(family, "log_statement", ["none", "ddl", "mod", "all"]);
        assert.match(refused("postgres15", "log_statement", "DDL"), /; allowed: none, ddl, mod, all \(https:\/\/www\.postgresql\.org\//);
        assert.strictEqual(parameterValueProblem("mysql8.0", "log_statement", "DDL"), undefined, "not a MySQL parameter");
    });

    it("MySQL logging and durability: innodb_flush_log_at_trx_commit 0|1|2, general_log and slow_query_log 0|1, log_output TABLE|FILE|NONE", () => {
        for (const family of MYSQL_FAMILIES) {
            accepted(family, "innodb_flush_log_at_trx_commit", ["0", "1", "2"]);
            accepted(family, "general_log", ["0", "1"]);
            accepted(family, "slow_query_log", ["0", "1"]);
            accepted(family, "log_output", ["TABLE", "FILE", "NONE"]);
        }
        assert.match(refused("mysql8.0", "innodb_flush_log_at_trx_commit", "3"), /; allowed: 0, 1, 2 \(https:\/\/dev\.mysql\.com\//);
        assert.match(refused("mysql8.0", "general_log", "ON"), /; allowed: 0, 1 \(https:\/\/docs\.aws\.amazon\.com\/AmazonRDS\/latest\/UserGuide\/USER_LogAccess\.MySQL\.LogFileSize\.html\)$/);
        assert.match(refused("mysql8.4", "slow_query_log", "ON"), /; allowed: 0, 1 \(https:\/\/docs\.aws\.amazon\.com\/AmazonRDS\/latest\/UserGuide\/USER_LogAccess\.MySQL\.LogFileSize\.html\)$/);
        assert.match(refused("aurora-mysql8.0", "log_output", "file"), /; allowed: TABLE, FILE, NONE \(https:\/\/docs\.aws\.amazon\.com\/AmazonRDS\/latest\/UserGuide\/USER_LogAccess\.MySQL\.LogFileSize\.html\)$/);
    });

    describe("max_connections: an integer in the engine's range, or an RDS formula", () => {
        const FORMULA_HINT = "or an RDS formula such as {DBInstanceClassMemory/12582880}";

        it("MySQL: 1 to 100000", () => {
            for (const family of MYSQL_FAMILIES) accepted(family, "max_connections", ["1", "100000", "500", "{DBInstanceClassMemory/12582880}"]);
            for (const value of ["0", "100001", "-1", "1.5", "1e3", "lots", "", "12a", "a12"]) {
                assert.strictEqual(refused("mysql8.0", "max_connections", value),
                    `max_connections = ${JSON.stringify(value)} is not allowed in mysql8.0; expected an integer 1–100000 ${FORMULA_HINT} (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.MaxConnections)`);
            }
        });

        it("PostgreSQL: 6 to 262143 (the server's MAX_BACKENDS)", () => {
            for (const family of POSTGRES_FAMILIES) accepted(family, "max_connections", ["6", "262143", "{DBInstanceClassMemory/9531392}", "{LEAST({DBInstanceClassMemory/9531392},5000)}"]);
            for (const value of ["5", "262144", "0"]) {
                assert.strictEqual(refused("postgres15", "max_connections", value),
                    `max_connections = ${JSON.stringify(value)} is not allowed in postgres15; expected an integer 6–262143 ${FORMULA_HINT} (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/CHAP_Limits.html#RDS_Limits.MaxConnections)`);
            }
        });

        it("a formula is a whole {…} expression, not an empty or partial one", () => {
            for (const value of ["{}", "x{DBInstanceClassMemory/12582880}", "{DBInstanceClassMemory/12582880}x", "{DBInstanceClassMemory/12582880"]) {
                refused("mysql8.0", "max_connections", value);
            }
        });
    });

    it("maxmemory-policy on ElastiCache Redis OSS and Valkey: the eight eviction policies", () => {
        const policies = ["noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random", "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"];
        for (const family of ["redis6.x", "redis7", "valkey7", "valkey8"]) accepted(family, "maxmemory-policy", policies);
        assert.strictEqual(refused("redis7", "maxmemory-policy", "allkeys-ttl"),
            "maxmemory-policy = \"allkeys-ttl\" is not allowed in redis7; allowed: volatile-lru, allkeys-lru, volatile-lfu, allkeys-lfu, volatile-random, allkeys-random, volatile-ttl, noeviction (https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/ParameterGroups.Engine.html)");
    });

    it("holds the values the Database component sets, in every family the platform creates", () => {
        const families = Object.values(ENGINE_MAJORS).flat().map((m) => m.family);
        for (const family of families) {
            const settings: Record<string, string> = family.includes("postgres")
                ? { "rds.force_ssl": "1", log_statement: "ddl" }
                : { require_secure_transport: "1", slow_query_log: "1", log_output: "FILE", tls_version: "TLSv1.2,TLSv1.3" };
            for (const [name, value] of Object.entries(settings)) {
                assert.ok(PARAMETER_RULES[name].some((r) => r.families.test(family)), `${family} ${name}: judged`);
                assert.strictEqual(parameterValueProblem(family, name, value), undefined, `${family} ${name}`);
            }
        }
    });

    it("Aurora MySQL cluster-level parameters: TLS and binlog settings go in the cluster parameter group", () => {
        for (const name of ["require_secure_transport", "tls_version", "binlog_format"]) assert.ok(AURORA_CLUSTER_PARAMETERS.includes(name), name);
        // Instance-level: the slow log, log output and connection limit stay in the instances' DB parameter group.
        for (const name of ["slow_query_log", "log_output", "max_connections", "general_log"]) assert.ok(!AURORA_CLUSTER_PARAMETERS.includes(name), name);
    });
    it("a parameter named like an Object property is not in the table (judged as unknown to it, not a crash)", () => {
        for (const name of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
            assert.strictEqual(parameterValueProblem("postgres16", name, "1"), undefined, name);
        }
    });
});
