import * as pulumi from "@pulumi/pulumi";
import { newUrn, qualifiedType } from "../../scripts/preview/urn";
import { installMocks, settle } from "./mocks";
import { setStackConfig } from "./stack";

/** One registration with the URN the engine would give it and every former URN its aliases resolve to. */
export interface Registered {
    urn: string;
    type: string;
    name: string;
    parentUrn: string;
    aliasUrns: Set<string>;
}

export { qualifiedType };

/** The name part of a URN (after its last `::`). */
function lastName(urn: string): string {
    return urn ? urn.slice(urn.lastIndexOf("::") + 2) : "";
}

/**
 * The URN the engine gives a resource, computed as the preview's engine does (scripts/preview/urn.ts): the SDK's mock
 * monitor keeps only the parent's last type, which would hide a re-parenting deeper in the tree.
 */
export const engineUrn = newUrn;

/** Runs this repository's program for `stack` under the mocks, with engine URNs and resolved aliases. */
export async function runStackWithUrns(stack: string, edit?: (doc: any) => void): Promise<Registered[]> {
    return runWithUrns(stack, () => {
        setStackConfig(stack, edit);
        const { main } = require("../../stacks") as typeof import("../../stacks");
        return main();
    });
}

/**
 * Runs `program` and returns each registration with its engine URN and the URNs its aliases resolve to, with the
 * engine's rules for alias specs: omitted name/type/stack/project/parent default to the resource's own, and a child
 * inherits one alias per alias of its parent (re-parenting a component carries its children along).
 */
export async function runWithUrns(stack: string, program: () => unknown): Promise<Registered[]> {
    const project = "platform";
    installMocks({ project, stack });
    const monitor = pulumi.runtime.getMonitor() as any;
    monitor.newUrn = (parent: string, type: string, name: string) => engineUrn(stack, project, parent, type, name);

    const registered: Registered[] = [];
    const byUrn = new Map<string, Registered>();
    const recordingRegister = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req: any, callback: any) => {
        const type: string = req.getType();
        const name: string = req.getName();
        const parentUrn: string = req.getParent();
        const urn = engineUrn(stack, project, parentUrn, type, name);
        const parent = byUrn.get(parentUrn);
        const parentAliases = parent ? [...parent.aliasUrns] : [];
        const aliasUrns = new Set<string>();
        // Inherited: the same type under each of the parent's former URNs; a name that starts with the parent's
        // name follows the parent's former name (the engine's and SDKs' inheritedChildAlias rule).
        const inheritedName = (childName: string, parentAlias: string) =>
            childName.startsWith(lastName(parentUrn)) ? lastName(parentAlias) + childName.slice(lastName(parentUrn).length) : childName;
        for (const p of parentAliases) aliasUrns.add(engineUrn(stack, project, p, type, inheritedName(name, p)));
        for (const alias of req.getAliasesList()) {
            if (alias.hasUrn && alias.hasUrn()) {
                aliasUrns.add(alias.getUrn());
                continue;
            }
            const spec = alias.getSpec();
            if (!spec) continue;
            const aName = spec.getName() || name;
            const aType = spec.getType() || type;
            const aStack = spec.getStack() || stack;
            const aProject = spec.getProject() || project;
            if (spec.getNoparent()) {
                aliasUrns.add(engineUrn(aStack, aProject, "", aType, aName));
                continue;
            }
            // The SDK fills in the resource's own parent when the alias names none; then the parent's aliases apply too.
            const aliasParent = spec.getParenturn() || parentUrn;
            aliasUrns.add(engineUrn(aStack, aProject, aliasParent, aType, aName));
            if (aliasParent === parentUrn) {
                for (const p of parentAliases) aliasUrns.add(engineUrn(aStack, aProject, p, aType, inheritedName(aName, p)));
            }
        }
        aliasUrns.delete(urn);
        const entry = { urn, type, name, parentUrn, aliasUrns };
        registered.push(entry);
        byUrn.set(urn, entry);
        return recordingRegister(req, callback);
    };

    await program();
    await settle();
    return registered;
}

const APPLICATION = "platform:app:Application";

/**
 * Applications the identity records know: each recorded tree (test/stacks/all-urns.json) has one ECS service named
 * `<stack>-<application>-service` per application.
 */
export function recordedApplications(recordedUrns: string[], stack: string): Set<string> {
    const apps = recordedUrns
        .filter((urn) => qualifiedType(urn).endsWith("aws:ecs/service:Service"))
        .map((urn) => new RegExp(`^${stack}-(.+)-service$`).exec(lastName(urn))?.[1])
        .filter((name): name is string => name !== undefined);
    return new Set(apps);
}

/**
 * URNs that exist only because the stack file configures applications the records do not know (added in config
 * alone): the plan with those services left out is run too, and what it lacks is theirs — their Application trees
 * and what shared components create for them (a data key, a restore-testing selection). New identities, not changed
 * ones, so the guards allow them. Empty when every configured application is recorded.
 */
export async function addedApplicationIdentities(stack: string, runs: Registered[], recorded: Set<string>): Promise<Set<string>> {
    const added = runs.filter((r) => r.type === APPLICATION && !recorded.has(r.name)).map((r) => r.name);
    if (added.length === 0) return new Set();
    const baseline = new Set((await runStackWithUrns(stack, (doc) => {
        for (const name of added) delete doc.config["platform:services"][name];
    })).map((r) => r.urn));
    return new Set(runs.filter((r) => !baseline.has(r.urn)).map((r) => r.urn));
}
