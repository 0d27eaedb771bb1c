import { EncryptionKeys } from "aws-platform";
import { tags } from "../common";

const keys = new EncryptionKeys("example-keys", {
    namePrefix: "example",
    purposes: [
        { name: "logs", description: "CloudWatch Logs", services: ["logs"] },
        { name: "data", description: "Application data" },
    ],
    protect: true,
    tags,
});

export const logsKeyArn = keys.keyArn("logs");
export const dataKeyAlias = keys.aliasNames.data;
