import * as pulumi from "@pulumi/pulumi";
import { EncryptionKeys, type KeyPurpose } from "aws-platform";

/**
 * What every example shares: the four tags the platform requires on every taggable resource, and the customer-managed
 * keys a component encrypts with (components take key ARNs, they never create keys of their own).
 */
export const tags = { owner: "platform", "cost-center": "cc-1234", "data-classification": "internal", environment: "example" };

export function exampleKeys(purposes: KeyPurpose[]): EncryptionKeys {
    return new EncryptionKeys("example-keys", { namePrefix: "example", purposes, protect: true, tags });
}

export const LOGS_KEY: KeyPurpose = { name: "logs", description: "CloudWatch Logs of the example", services: ["logs"] };
export const DATA_KEY: KeyPurpose = { name: "data", description: "Data of the example" };

/** An existing VPC and two of its subnets, from the stack's config (`vpcId`, `subnetIds`): the components take IDs. */
export function existingNetwork(): { vpcId: string; subnetIds: string[] } {
    const config = new pulumi.Config();
    return { vpcId: config.require("vpcId"), subnetIds: config.requireObject<string[]>("subnetIds") };
}
