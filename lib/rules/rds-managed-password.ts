/**
 * Where RDS can manage a master password in Secrets Manager (manageMasterUserPassword). Pure, no Pulumi import: the
 * Database component, stack config and the policy pack (deploy-replica-managed-password, and secrets-no-plaintext-secrets when
 * it asks "is a managed password possible here?") share it.
 *
 * RDS does not support "Creating a read replica when the source DB or DB cluster manages credentials with Secrets
 * Manager" for any engine but SQL Server.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html#rds-secrets-manager-limitations
 */
export const RDS_MANAGED_PASSWORD_DOC = "https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/rds-secrets-manager.html#rds-secrets-manager-limitations";

/** Whether a DB instance or cluster of `engine` may manage its master password while it has read replicas. */
export function managedPasswordAllowsReplicas(engine: string): boolean {
    return engine.startsWith("sqlserver");
}
