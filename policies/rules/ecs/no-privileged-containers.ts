import * as aws from "../../support/aws";
import { isUnknown, NotJudged, raw, resourceRule } from "../../framework";

export const rule = resourceRule({
    name: "ecs-no-privileged-containers",
    displayName: "No privileged containers",
    description: "ECS container definitions do not run privileged (root on the host).",
    remediation: "Remove privileged: true; grant the specific Linux capabilities the container needs (linuxParameters.capabilities).",
    severity: "high",
    controls: { "pci-dss-4.0": ["2.2.1", "7.2.1"], soc2: ["CC6.1"] },
    resourceTypes: [aws.ecs.TaskDefinition],
    check: (task) => {
        const value = raw(task).containerDefinitions;
        if (isUnknown(value)) return { notJudged: ["containerDefinitions"] };
        let containers: any = value;
        if (typeof value === "string") {
            try {
                containers = JSON.parse(value);
            } catch {
                return undefined;
            }
        }
        return (Array.isArray(containers) ? containers : []).flatMap((c: any, i: number): Array<string | NotJudged> => {
            if (isUnknown(c) || isUnknown(c?.privileged)) return [{ notJudged: [`containerDefinitions[${i}].privileged`] }];
            return c?.privileged === true ? [`container ${c.name ?? i} runs privileged`] : [];
        });
    },
});
