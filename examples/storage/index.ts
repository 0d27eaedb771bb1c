import { Storage } from "aws-platform";
import { DATA_KEY, exampleKeys, tags } from "../common";

const keys = exampleKeys([DATA_KEY]);
const storage = new Storage("example-storage", {
    buckets: [{ name: "uploads", purpose: "user uploads" }],
    kmsKeyArn: keys.keyArn("data"),
    protect: true,
    tags,
});

export const bucketNames = storage.bucketNames;
