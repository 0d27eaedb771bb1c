import * as assert from "assert";
import { managedPasswordAllowsReplicas, RDS_MANAGED_PASSWORD_DOC } from "../../lib/rules/rds-managed-password";

/**
 * RDS user guide, "Limitations for Secrets Manager integration with Amazon RDS": a managed master password is not
 * supported when "Creating a read replica when the source DB or DB cluster manages credentials with Secrets Manager",
 * for all DB engines except RDS for SQL Server; RDS Custom is not supported at all.
 */
describe("lib/rules/rds-managed-password", () => {
    it("allows read replicas with a managed password for RDS for SQL Server, every edition", () => {
        for (const engine of ["sqlserver-ee", "sqlserver-se", "sqlserver-ex", "sqlserver-web", "sqlserver-dev-ee"]) {
            assert.strictEqual(managedPasswordAllowsReplicas(engine), true, engine);
        }
    });

    it("refuses them for every other engine, Aurora and RDS Custom (even for SQL Server) included", () => {
        for (const engine of ["postgres", "mysql", "mariadb", "oracle-ee", "oracle-se2", "db2-se", "aurora-postgresql", "aurora-mysql",
            "custom-sqlserver-ee", "custom-oracle-ee", "SQLSERVER-EE", "", "sqlserve"]) {
            assert.strictEqual(managedPasswordAllowsReplicas(engine), false, engine);
        }
    });

    it("points at the limitations section of the RDS user guide", () => {
        assert.strictEqual(RDS_MANAGED_PASSWORD_DOC, "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html#rds-secrets-manager-limitations");
    });
});
