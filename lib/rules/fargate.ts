/**
 * Task sizes Fargate runs: CPU units and the memory (MiB) each accepts. Pure, no Pulumi import: the Fargate component,
 * stack config and the policy pack read the same table.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html
 */
export const FARGATE_CPU_VALUES = [256, 512, 1024, 2048, 4096, 8192, 16384] as const;

function range(from: number, to: number, step: number): number[] {
    return Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
}

const FARGATE_MEMORY: Record<number, number[]> = {
    256: [512, 1024, 2048],
    512: range(1024, 4096, 1024),
    1024: range(2048, 8192, 1024),
    2048: range(4096, 16384, 1024),
    4096: range(8192, 30720, 1024),
    8192: range(16384, 61440, 4096),
    16384: range(32768, 122880, 8192),
};

/** Memory sizes (MiB) Fargate accepts with `cpu` units; empty for a CPU value Fargate does not offer. */
export function validFargateMemory(cpu: number): number[] {
    return FARGATE_MEMORY[cpu] ?? [];
}

export function isValidFargateSize(cpu: number, memory: number): boolean {
    return validFargateMemory(cpu).includes(memory);
}
