import * as assert from "assert";
import type { PlannedResource } from "../../scripts/preview/model";
import { runPlan, type Plan } from "../../scripts/preview/plan";
import { loadProject } from "../../scripts/preview/project";
import { toPlannedResource } from "../../scripts/preview/result";

/**
 * A fixture program planned once, in the calling `describe`'s `before`: its plan, its resources as reports show them,
 * and one of them by name (failing the test when it was not planned).
 */
export function plannedFixture(directory: string, stack: string): { plan: Plan; resources: PlannedResource[]; byName(name: string): PlannedResource } {
    const fixture = {
        plan: undefined as unknown as Plan,
        resources: [] as PlannedResource[],
        byName(name: string): PlannedResource {
            const found = fixture.resources.find((r) => r.name === name);
            assert.ok(found, `${name} was not planned`);
            return found;
        },
    };
    before(async () => {
        fixture.plan = await runPlan(loadProject(directory, stack));
        fixture.resources = fixture.plan.resources.map(toPlannedResource);
    });
    return fixture;
}
