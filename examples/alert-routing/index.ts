import { AlertRouting } from "aws-platform";
import { exampleKeys, tags } from "../common";

const keys = exampleKeys([{ name: "alerts", description: "Alert topic", services: ["sns", "cloudwatch", "events"] }]);
const alerts = new AlertRouting("example-alerts", {
    emailAddresses: ["oncall@example.com"],
    kmsKeyArn: keys.keyArn("alerts"),
    tags,
});

export const topicArn = alerts.topicArn;
