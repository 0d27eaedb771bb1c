import * as assert from "assert";
import fc from "fast-check";
import { FARGATE_CPU_VALUES, isValidFargateSize, validFargateMemory } from "../../lib/rules/fargate";

/**
 * The Fargate task sizes (ECS developer guide, "Task CPU and memory"): each CPU value with its memory range and step.
 * Restated here as ranges so that the table in lib/rules/fargate.ts is checked against a second reading of the docs.
 */
const DOCUMENTED: Array<[cpu: number, minGiB: number, maxGiB: number, stepGiB: number]> = [
    [256, 0.5, 2, 0.5],   // 512 MiB, 1 GB, 2 GB (1.5 GB is not offered)
    [512, 1, 4, 1],
    [1024, 2, 8, 1],
    [2048, 4, 16, 1],
    [4096, 8, 30, 1],
    [8192, 16, 60, 4],
    [16384, 32, 120, 8],
];

describe("lib/rules/fargate", () => {
    it("offers exactly the documented CPU values", () => {
        assert.deepStrictEqual([...FARGATE_CPU_VALUES], DOCUMENTED.map(([cpu]) => cpu));
    });

    for (const [cpu, min, max, step] of DOCUMENTED) {
        it(`cpu ${cpu}: ${cpu === 256 ? "memory 0.5, 1 or 2 GiB" : `memory ${min}–${max} GiB in ${step} GiB steps`}`, () => {
            const expected = cpu === 256 ? [512, 1024, 2048] : Array.from({ length: (max - min) / step + 1 }, (_, i) => (min + i * step) * 1024);
            assert.deepStrictEqual(validFargateMemory(cpu), expected);
        });
    }

    it("accepts a (cpu, memory) pair exactly when the memory is in the CPU's list (property)", () => {
        fc.assert(fc.property(fc.constantFrom(...FARGATE_CPU_VALUES, 128, 3000, 32768), fc.integer({ min: 0, max: 130_000 }), (cpu, memory) => {
            assert.strictEqual(isValidFargateSize(cpu, memory), validFargateMemory(cpu).includes(memory));
        }));
        assert.ok(isValidFargateSize(2048, 4096), "MITA and LMS production size");
        assert.ok(!isValidFargateSize(2048, 2048));
        assert.deepStrictEqual(validFargateMemory(3000), []);
    });

    it("memory grows with CPU: every list is ascending and starts at 2 × CPU MiB or more", () => {
        for (const cpu of FARGATE_CPU_VALUES) {
            const list = validFargateMemory(cpu);
            assert.deepStrictEqual([...list].sort((a, b) => a - b), list);
            assert.ok(list[0] >= cpu * 2);
        }
    });
});
