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
        // Validate before registering anything: a rejected configuration leaves nothing behind.
        const problem = appSecretsProblem(args);
        if (problem) {
            throw new Error(`AppSecrets ${name}: ${problem}`);
        }
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

/**
 * Why these secrets cannot be created, or undefined: names must be environment-variable names (they become the
 * container's variables and part of the secret's name), each once (two would collide in name and URN), and the
 * recovery window within what Secrets Manager accepts (DeleteSecret: 7–30 days).
 */
export function appSecretsProblem(args: Pick<AppSecretsArgs, "names" | "recoveryWindowInDays">): string | undefined {
    const invalid = args.names.filter((n) => !/^[A-Z][A-Z0-9_]*$/.test(n));
    if (invalid.length > 0) {
        return `secret names must be upper-case environment-variable names (A-Z, 0-9, _), received ${invalid.join(", ")}`;
    }
    const twice = args.names.find((n, i) => args.names.indexOf(n) !== i);
    if (twice) {
        return `secret ${twice} is listed twice`;
    }
    const window = args.recoveryWindowInDays;
    if (window !== undefined && !(Number.isInteger(window) && window >= 7 && window <= 30)) {
        return `recoveryWindowInDays must be 7 to 30 days, received ${window}`;
    }
    return undefined;
}
