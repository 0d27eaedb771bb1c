// Entry point of the Pulumi program (Pulumi.yaml `main`). The stack outputs are the environment's URLs and ids.
import { main } from "./stacks";

const outputs = main();

export const environment = outputs.environment;
export const vpcId = outputs.vpcId;
export const alertTopicArn = outputs.alertTopicArn;
export const backupVaultName = outputs.backupVaultName;
export const services = outputs.services;
