import { PolicyPack } from "@pulumi/policy";

const name: number = "type-error-pack";

new PolicyPack(String(name), { policies: [] });
