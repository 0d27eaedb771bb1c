import { UNKNOWN, type RuleCases } from "../../cases";

/** Cases of ecs-no-privileged-containers (test/policies/unit.test.ts runs them in-process). */
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const res = (title: string, props: Record<string, unknown>) => ({ title, resource: { type: TASK, props } });
const container = (c: Record<string, unknown>) => JSON.stringify([{ name: "app", image: "app:1", ...c }]);

export const cases: RuleCases = {
    compliant: [res("unprivileged", { containerDefinitions: container({}) }), res("privileged false", { containerDefinitions: container({ privileged: false }) })],
    violating: [res("privileged", { containerDefinitions: container({ privileged: true }) }), res("one of two privileged", { containerDefinitions: JSON.stringify([{ name: "a" }, { name: "b", privileged: true }]) }),
        // Before the JSON is rendered (e.g. from outputs), definitions may arrive as an array of objects.
        res("definitions as an array of objects", { containerDefinitions: [{ name: "app", image: "app:1", privileged: true }] })],
    unknown: [{ ...res("definitions unknown", { containerDefinitions: UNKNOWN }), expect: "not-judged" },
        { ...res("one container's privileged flag unknown, the other still flagged", { containerDefinitions: [{ name: "a", privileged: UNKNOWN }, { name: "b", privileged: true }] }), expect: "not-judged" }],
};
