import * as assert from "assert";
import { defaultGroupFamily, familyForcesTlsByDefault, implicitGroupFamily, parameterForcesTls, POSTGRES_FORCE_SSL_DEFAULT_FROM, tlsParameterSetting } from "../../lib/rules/db-tls";

/**
 * RDS's TLS defaults (RDS user guide, "Updating applications to use new SSL/TLS certificates", PostgreSQL): rds.force_ssl
 * is 0 in the default groups before PostgreSQL 15 and 1 from 15; MySQL and MariaDB leave require_secure_transport off.
 */
describe("lib/rules/db-tls", () => {
    it("PostgreSQL 15 and later force TLS by default; 14 and earlier, MySQL, MariaDB and Aurora families do not", () => {
        assert.strictEqual(POSTGRES_FORCE_SSL_DEFAULT_FROM, 15);
        for (const family of ["postgres15", "postgres16", "postgres17", "postgres18"]) assert.strictEqual(familyForcesTlsByDefault(family), true, family);
        for (const family of ["postgres14", "postgres13", "postgres9.6", "mysql8.0", "mysql8.4", "mariadb10.11", "aurora-postgresql16", "postgres", "", "postgres16x", "xpostgres16"]) {
            assert.strictEqual(familyForcesTlsByDefault(family), false, family);
        }
    });

    it("reads the family of a default group from its name, and nothing from a custom group's", () => {
        assert.strictEqual(defaultGroupFamily("default.postgres16"), "postgres16");
        assert.strictEqual(defaultGroupFamily("default.mysql8.0"), "mysql8.0");
        assert.strictEqual(defaultGroupFamily("shared-postgres16"), undefined);
        assert.strictEqual(defaultGroupFamily("my.default.postgres16"), undefined);
    });

    it("an instance that names no group gets its engine's default group: PostgreSQL's by major (RDS's default version is 15+)", () => {
        assert.strictEqual(implicitGroupFamily("postgres", "16.4"), "postgres16");
        assert.strictEqual(implicitGroupFamily("postgres", "15"), "postgres15");
        assert.strictEqual(implicitGroupFamily("postgres", "14.12"), "postgres14");
        assert.strictEqual(implicitGroupFamily("postgres", undefined), "postgres15");
        assert.strictEqual(implicitGroupFamily("postgres", "latest"), undefined);
        assert.strictEqual(implicitGroupFamily("postgres", "x16"), undefined);
        assert.strictEqual(implicitGroupFamily("postgres", "16x"), undefined);
        assert.strictEqual(implicitGroupFamily("mysql", "8.0.39"), undefined);
        assert.strictEqual(implicitGroupFamily(undefined, "16.4"), undefined);
    });

    it("a TLS parameter forces TLS only when it is on (rds.force_ssl 1; require_secure_transport ON or 1, any case)", () => {
        assert.strictEqual(parameterForcesTls("rds.force_ssl", "1"), true);
        assert.strictEqual(parameterForcesTls("rds.force_ssl", 1), true);
        assert.strictEqual(parameterForcesTls("rds.force_ssl", "0"), false);
        assert.strictEqual(parameterForcesTls("rds.force_ssl", "ON"), false);
        for (const on of ["ON", "on", "On", "1"]) assert.strictEqual(parameterForcesTls("require_secure_transport", on), true, on);
        for (const off of ["OFF", "0", "", "true"]) assert.strictEqual(parameterForcesTls("require_secure_transport", off), false, off);
        assert.strictEqual(parameterForcesTls("log_connections", "1"), false);
    });

    it("a group's own TLS parameter wins over its family's default; a group that sets neither leaves it to the default", () => {
        assert.strictEqual(tlsParameterSetting([]), undefined);
        assert.strictEqual(tlsParameterSetting([{ name: "log_connections", value: "1" }]), undefined);
        assert.strictEqual(tlsParameterSetting([{ name: "rds.force_ssl", value: "0" }]), false);
        assert.strictEqual(tlsParameterSetting([{ name: "log_connections", value: "1" }, { name: "rds.force_ssl", value: "1" }]), true);
        assert.strictEqual(tlsParameterSetting([{ name: "require_secure_transport", value: "OFF" }]), false);
        assert.strictEqual(tlsParameterSetting([{ name: "require_secure_transport", value: "ON" }]), true);
    });
});
