import { ResourceRule } from "../../framework";
import { FARGATE_CPU_VALUES, isValidFargateSize, validFargateMemory } from "../../../lib/rules/fargate";
import { CHANGE_SAFETY } from "../../controls";

const DOC = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html";
/** CPU values Fargate offers Windows containers (the table's "Operating systems supported" column). */
const WINDOWS_CPU_VALUES = [1024, 2048, 4096];

/** Task-level cpu as CPU units: `1024`, `"1024"`, `"1 vCPU"`, `"0.25 vcpu"`; undefined when not parseable. */
export function cpuUnits(value: unknown): number | undefined {
    if (typeof value === "number") return value;
    if (typeof value !== "string") return undefined;
    const match = /^\s*(\d+(?:\.\d+)?)\s*(vcpu)?\s*$/i.exec(value);
    if (!match) return undefined;
    return match[2] ? Math.round(Number(match[1]) * 1024) : Number(match[1]);
}

/** Task-level memory in MiB: `2048`, `"2048"`, `"2 GB"`, `"2GB"`; undefined when not parseable. */
export function memoryMiB(value: unknown): number | undefined {
    if (typeof value === "number") return value;
    if (typeof value !== "string") return undefined;
    const match = /^\s*(\d+(?:\.\d+)?)\s*(gb|mib|mb)?\s*$/i.exec(value);
    if (!match) return undefined;
    return match[2]?.toLowerCase() === "gb" ? Math.round(Number(match[1]) * 1024) : Number(match[1]);
}

/**
 * A task definition that requires FARGATE compatibility registers only with a CPU/memory pair from Fargate's table
 * (RegisterTaskDefinition: "Invalid 'cpu' setting for task"; the provider: "No Fargate configuration exists for given
 * values").
 */
export const rule: ResourceRule = {
    name: "deploy-fargate-task-size",
    controls: CHANGE_SAFETY,
    displayName: "Deploy validity: Fargate task size is a supported CPU/memory pair",
    description: `Task definitions that require FARGATE set task-level cpu and memory to a pair Fargate supports (256: 512–2048 MiB; 512: 1–4 GB; 1024: 2–8 GB; 2048: 4–16 GB; 4096: 8–30 GB; 8192: 16–60 GB in 4 GB steps; 16384: 32–120 GB in 8 GB steps; Windows: 1024–4096 only) — AWS ECS task CPU and memory (${DOC}).`,
    remediation: "Pick cpu and memory from the Fargate table (e.g. 4096 CPU with 8192 MiB for 4 vCPU / 8 GB).",
    severity: "high",
    types: ["aws:ecs/taskDefinition:TaskDefinition"],
    check: (props) => {
        const compat: string[] = props.requiresCompatibilities ?? [];
        if (!compat.includes("FARGATE")) return;
        if (props.cpu === undefined || props.memory === undefined) {
            return "a FARGATE task definition needs task-level cpu and memory";
        }
        const cpu = cpuUnits(props.cpu);
        const memory = memoryMiB(props.memory);
        if (cpu === undefined || memory === undefined) return `cpu ${String(props.cpu)} / memory ${String(props.memory)} cannot be read as CPU units and MiB`;
        if (!isValidFargateSize(cpu, memory)) {
            const allowed = validFargateMemory(cpu);
            return `cpu ${cpu} with memory ${memory} MiB is not a Fargate size; ${allowed.length > 0 ? `memory allowed with cpu ${cpu}: ${allowed[0]}–${allowed[allowed.length - 1]} MiB (${allowed.join(", ")})` : `cpu must be one of ${FARGATE_CPU_VALUES.join(", ")}`}`;
        }
        const os = String(props.runtimePlatform?.operatingSystemFamily ?? "LINUX");
        if (os.startsWith("WINDOWS") && !WINDOWS_CPU_VALUES.includes(cpu)) {
            return `cpu ${cpu} is not offered for Windows containers on Fargate (${WINDOWS_CPU_VALUES.join(", ")} only)`;
        }
        return undefined;
    },
};
