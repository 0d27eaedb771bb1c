import { AppSecrets } from "aws-platform";
import { DATA_KEY, exampleKeys, tags } from "../common";

const keys = exampleKeys([DATA_KEY]);
const secrets = new AppSecrets("example-secrets", {
    application: "example-api",
    environment: "example",
    names: ["JWT_SECRET_KEY"],
    kmsKeyArn: keys.keyArn("data"),
    protect: true,
    tags,
});

export const secretArns = secrets.secretArns;
