import type { FargateServiceArgs } from "@pulumi/awsx/ecs/fargateService";
import type { EC2ServiceArgs } from "@pulumi/awsx/ecs/ec2service";
import { Unwrap } from "@pulumi/pulumi";
import { NETWORK_EXPOSURE } from "../../controls";
import { CheckResult, isUnknown, NotJudged, raw, ResourceRule } from "../../framework";
import { scanContainer, SecretScan } from "../../support/secrets";

type ServiceArgs = Partial<Unwrap<FargateServiceArgs>> & Partial<Unwrap<EC2ServiceArgs>>;

/**
 * awsx:ecs:FargateService / EC2Service are remote components: in a real preview their inputs reach the pack (their
 * children too); offline their children are not planned, so the inputs are judged here: public IPs and plaintext
 * secrets in the containers of `taskDefinitionArgs`.
 */
export const rule: ResourceRule = {
    name: "awsx-ecs-service-secure",
    displayName: "awsx ECS services: no public IP, no plaintext secrets",
    description: "awsx:ecs:FargateService and EC2Service give tasks no public IP (assignPublicIp or networkConfiguration) and keep secrets out of container environment, command and entryPoint.",
    remediation: "Set assignPublicIp: false; pass secrets through the container's `secrets` (Secrets Manager) instead of `environment`.",
    severity: "high",
    concern: "public-exposure",
    controls: { ...NETWORK_EXPOSURE, "pci-dss-4.0": ["1.3.1", "8.3.2"] },
    types: ["awsx:ecs:FargateService", "awsx:ecs:EC2Service"],
    check: (props): CheckResult => {
        const service = props as ServiceArgs;
        const problems: Array<string | NotJudged> = [];
        if (service.assignPublicIp === true || service.networkConfiguration?.assignPublicIp === true) problems.push("tasks get public IP addresses");
        const scan: SecretScan = { problems: [], unknown: [] };
        const task = raw(props).taskDefinitionArgs;
        if (isUnknown(task)) scan.unknown.push("taskDefinitionArgs");
        else if (task) {
            if (task.container !== undefined) scanContainer(task.container, "taskDefinitionArgs.container", scan);
            const containers = task.containers;
            if (isUnknown(containers)) scan.unknown.push("taskDefinitionArgs.containers");
            else for (const [name, c] of Object.entries(containers ?? {})) scanContainer(c, `taskDefinitionArgs.containers.${name}`, scan);
        }
        problems.push(...scan.problems);
        if (scan.unknown.length > 0) problems.push({ notJudged: scan.unknown });
        return problems;
    },
};
