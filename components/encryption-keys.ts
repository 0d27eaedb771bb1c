import * as pulumi from "@pulumi/pulumi";
import { createPlatformKey, KmsServiceGrant, PlatformKey } from "../lib/kms";
import { childName } from "../lib/naming";
import { Tags } from "../lib/tags";

/** One customer-managed key the environment needs. */
export interface KeyPurpose {
    /** Short purpose name, used in the key's logical name and alias (e.g. `logs`, `mita-api-data`). */
    name: string;
    /** What the key protects, for the KMS console. */
    description: string;
    /** AWS services that use the key directly (CloudWatch Logs, SNS, Backup…). */
    services?: KmsServiceGrant[];
    /** Services that publish to SNS topics encrypted with this key (lib/kms.ts `topicPublishers`). */
    topicPublishers?: readonly string[];
}

export interface EncryptionKeysArgs {
    /** Prefix of every key's logical name and alias, e.g. `production`. */
    namePrefix: string;
    /** The keys to create, one per purpose, so a key's blast radius (and its grants) stays small. */
    purposes: KeyPurpose[];
    /**
     * Protect the keys from `pulumi destroy` and keep them on delete. A deleted key makes every snapshot, backup and log
     * encrypted with it unreadable, so production sets this.
     */
    protect: boolean;
    /** Tags applied to every key. */
    tags: Tags;
}

/**
 * The environment's customer-managed KMS keys (rotation on), one per purpose: logs, alerting, backups, and each
 * application's data. Components receive key ARNs from here rather than creating keys of their own.
 */
export class EncryptionKeys extends pulumi.ComponentResource {
    /** Key ARN by purpose name. */
    public readonly keyArns: Record<string, pulumi.Output<string>>;
    /** Alias name by purpose name. */
    public readonly aliasNames: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: EncryptionKeysArgs, opts?: pulumi.ComponentResourceOptions) {
        const names = args.purposes.map((p) => p.name);
        const duplicate = names.find((n, i) => names.indexOf(n) !== i);
        if (duplicate) {
            throw new Error(`EncryptionKeys ${name}: purpose "${duplicate}" is listed twice`);
        }
        super("platform:security:EncryptionKeys", name, {}, opts);
        const keys: Record<string, PlatformKey> = {};
        for (const purpose of args.purposes) {
            keys[purpose.name] = createPlatformKey(
                childName(args.namePrefix, purpose.name),
                { description: purpose.description, services: purpose.services, topicPublishers: purpose.topicPublishers, tags: args.tags },
                { parent: this, protect: args.protect, retainOnDelete: args.protect },
            );
        }
        this.keyArns = Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, v.key.arn]));
        this.aliasNames = Object.fromEntries(Object.entries(keys).map(([k, v]) => [k, v.alias.name]));
        this.registerOutputs({ keyArns: this.keyArns, aliasNames: this.aliasNames });
    }

    /** The ARN of a purpose's key; throws for a purpose that was not created, so wiring mistakes fail early. */
    keyArn(purpose: string): pulumi.Output<string> {
        const arn = this.keyArns[purpose];
        if (!arn) {
            throw new Error(`no encryption key for purpose "${purpose}" (have: ${Object.keys(this.keyArns).join(", ")})`);
        }
        return arn;
    }
}
