import { FargateService } from "aws-platform";
import { exampleKeys, existingNetwork, LOGS_KEY, tags } from "../common";

const network = existingNetwork();
const keys = exampleKeys([LOGS_KEY]);
const service = new FargateService("example-service", {
    vpcId: network.vpcId,
    subnetIds: network.subnetIds,
    securityGroupIds: ["sg-0123456789abcdef0"],
    image: "public.ecr.aws/nginx/nginx:1.27",
    containerPort: 8080,
    cpu: 256,
    memory: 512,
    desiredCount: 2,
    minCount: 2,
    maxCount: 4,
    targetCpuPercent: 70,
    targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/example/0123456789abcdef",
    logRetentionDays: 30,
    logsKmsKeyArn: keys.keyArn("logs"),
    writablePaths: ["/tmp"],
    tags,
});

export const serviceName = service.serviceName;
