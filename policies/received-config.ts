import * as path from "path";
import type { Level, ReceivedPolicyConfig } from "../lib/rules/policy-limits";

/**
 * The whole policy config the engine sent this pack (every policy's level and properties, after reconciliation).
 *
 * Why this exists: @pulumi/policy keeps the Configure request in a private variable and gives each policy only its own
 * properties (`getConfig()`, without its level); a disabled policy never runs at all. So no policy can see that the
 * config disabled or lowered another one. This module reads the same request the SDK reads — it wraps
 * `ConfigureAnalyzerRequest.getPolicyconfigMap` of the `@pulumi/pulumi` proto module that the pack's own
 * `@pulumi/policy` loads — and changes nothing in it. test/policies/governance.test.ts fails if an SDK update breaks it.
 */
let received: Record<string, ReceivedPolicyConfig> | undefined;
let generation = 0;

const policyDir = path.dirname(require.resolve("@pulumi/policy/package.json"));
const analyzerPb = require(require.resolve("@pulumi/pulumi/proto/analyzer_pb", { paths: [policyDir] }));
const protoutil: { convertEnforcementLevel(level: number): Level } = require("@pulumi/policy/protoutil");

const TEED = Symbol.for("aws-platform-compliance.received-config");
const Request = analyzerPb.ConfigureAnalyzerRequest;
if (Request && !Request.prototype[TEED]) {
    const original = Request.prototype.getPolicyconfigMap;
    Request.prototype.getPolicyconfigMap = function (this: unknown, ...args: unknown[]) {
        const map = original.apply(this, args);
        try {
            const config: Record<string, ReceivedPolicyConfig> = {};
            for (const [name, entry] of map.entries()) {
                config[name] = { level: protoutil.convertEnforcementLevel(entry.getEnforcementlevel()), properties: entry.getProperties()?.toJavaScript() ?? {} };
            }
            received = config;
            generation++;
        } catch {
            // Whatever this cannot read, the SDK reports itself when it reads the same map.
        }
        return map;
    };
    Request.prototype[TEED] = true;
}

/** The config of the last Configure, or undefined when the engine sent none (every policy at its default). */
export function receivedConfig(): Record<string, ReceivedPolicyConfig> | undefined {
    return received;
}

/** Bumped on every Configure, so per-configuration state (what was already reported) starts over. */
export function configGeneration(): number {
    return generation;
}
