import { AlertRouting, ServiceObservability } from "aws-platform";
import { exampleKeys, tags } from "../common";

const keys = exampleKeys([{ name: "alerts", description: "Alert topic", services: ["sns", "cloudwatch"] }]);
const alerts = new AlertRouting("example-alerts", { emailAddresses: ["oncall@example.com"], kmsKeyArn: keys.keyArn("alerts"), tags });
// The names and ARN suffixes of what the service runs on (here: existing ones; in a program, the Edge and
// FargateService outputs).
new ServiceObservability("example-observability", {
    serviceName: "example-api",
    alarmTopicArn: alerts.topicArn,
    loadBalancerArnSuffix: "app/example/0123456789abcdef",
    targetGroupArnSuffix: "targetgroup/example/0123456789abcdef",
    ecsClusterName: "example",
    ecsServiceName: "example-api",
    minTasks: 2,
    tags,
});

export const topicArn = alerts.topicArn;
