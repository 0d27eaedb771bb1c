import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../lib/naming";
import { Tags } from "../lib/tags";

export interface AppSecretsArgs {
    /** Application name; secrets are named `<environment>/<application>/<SECRET_NAME>`. */
    application: string;
    /** Environment name, first part of each secret's name. */
    environment: string;
    /** Environment-variable names of the secrets the application reads (e.g. `JWT_SECRET_KEY`). */
    names: string[];
    /**
     * Secrets whose values come from stack config (`secure:` values): env-var name → value, kept `pulumi.secret` end to
     * end. Each becomes a secret and a secret version; the container reads it by ARN, never as a plain variable.
     */
    values?: Record<string, pulumi.Input<string>>;
    /** Customer-managed KMS key the secrets are encrypted with. */
    kmsKeyArn: pulumi.Input<string>;
    /** Days Secrets Manager keeps a deleted secret recoverable (7–30). */
    recoveryWindowInDays?: number;
    /** Keep the secrets on `pulumi destroy` (production). */
    protect: boolean;
    /** Tags applied to every secret. */
    tags: Tags;
}

/**
 * Secrets Manager entries for an application's own secrets (JWT keys, encryption keys, API keys). Only the
 * containers exist in code: values are put by the platform team out of band, so no secret value is ever in
 * config, code or Pulumi state. `values` (from `secure:` stack config) are the exception: they stay `pulumi.secret`,
 * encrypted in state. The Fargate service injects them all by ARN.
 */
export class AppSecrets extends pulumi.ComponentResource {
    /** Secret ARN by environment-variable name. */
    public readonly secretArns: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: AppSecretsArgs, opts?: pulumi.ComponentResourceOptions) {
        super("platform:security:AppSecrets", name, {}, opts);
        this.secretArns = {};
        const fromConfig = args.values ?? {};
        for (const secretName of [...args.names, ...Object.keys(fromConfig)]) {
            const secret = new aws.secretsmanager.Secret(
                childName(name, secretName.toLowerCase().replace(/_/g, "-")),
                {
                    name: `${args.environment}/${args.application}/${secretName}`,
                    description: `${secretName} for ${args.application} (${args.environment}); ${Object.prototype.hasOwnProperty.call(fromConfig, secretName) ? "value from a secure stack config value" : "value set out of band"}`,
                    kmsKeyId: args.kmsKeyArn,
                    recoveryWindowInDays: args.recoveryWindowInDays ?? 30,
                    tags: args.tags,
                },
                { parent: this, protect: args.protect, retainOnDelete: args.protect },
            );
            if (Object.prototype.hasOwnProperty.call(fromConfig, secretName)) {
                new aws.secretsmanager.SecretVersion(
                    childName(name, secretName.toLowerCase().replace(/_/g, "-")),
                    { secretId: secret.id, secretString: pulumi.secret(fromConfig[secretName]) },
                    { parent: this },
                );
            }
            this.secretArns[secretName] = secret.arn;
        }
        this.registerOutputs({ secretArns: this.secretArns });
    }
}
