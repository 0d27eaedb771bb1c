import * as fs from "fs";
import { PreviewInputError } from "./errors";
import type { ConfiguredWaiver, Finding, PreviewResult } from "./model";
import { mdCode, mdText } from "./reports/markdown";
import { shortHash } from "./provenance";
import { verdictLine } from "./result";

/**
 * `platform-preview --compare-base <preview.json> --compare-head <preview.json>`: what a pull request's change to the
 * pack, its config or the tool does. The same program judged twice — under the base branch's rules (the verdict that
 * gates the PR) and under the PR's own — side by side, with every policy whose level, config or waivers differ, and
 * the findings the PR's rules would no longer report.
 */

type RawConfig = Record<string, unknown>;

/** A policy's entry in a config file as the engine reads it: its level (own, else `all`) and its properties. */
function entryOf(config: RawConfig | undefined, policy: string): { level?: string; properties: Record<string, unknown> } {
    if (!config) return { properties: {} };
    const all = config.all;
    const allLevel = typeof all === "string" ? all : (all as { enforcementLevel?: string } | undefined)?.enforcementLevel;
    const own = config[policy];
    if (typeof own === "string") return { level: own, properties: {} };
    if (own && typeof own === "object") {
        const { enforcementLevel, ...properties } = own as Record<string, unknown>;
        return { level: (enforcementLevel as string | undefined) ?? allLevel, properties };
    }
    return { level: allLevel, properties: {} };
}

function readConfig(file: string | undefined): RawConfig | undefined {
    if (!file || !fs.existsSync(file)) return undefined;
    try {
        return JSON.parse(fs.readFileSync(file, "utf8"));
    } catch {
        return undefined;
    }
}

const canonical = (value: unknown): string => JSON.stringify(value, (_k, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));

export interface PolicyChange {
    policy: string;
    base: { level?: string; defaultLevel?: string; config: string; waivers: ConfiguredWaiver[] } | undefined;
    head: { level?: string; defaultLevel?: string; config: string; waivers: ConfiguredWaiver[] } | undefined;
    changes: string[];
}

/** Every policy whose existence, default or effective level, config properties or waivers differ between the runs. */
export function policyChanges(base: PreviewResult, head: PreviewResult): PolicyChange[] {
    const side = (run: PreviewResult, config: RawConfig | undefined, policy: string) => {
        const summary = run.policyPack?.policies.find((p) => p.name === policy);
        if (!summary) return undefined;
        const { waivers: _w, ...properties } = entryOf(config, policy).properties;
        return {
            level: summary.enforcementLevel, defaultLevel: summary.defaultEnforcementLevel, config: canonical(properties),
            waivers: (run.policyPack?.relaxed.waivers ?? []).filter((w) => w.rule === policy),
        };
    };
    const baseConfig = readConfig(base.policyPack?.configFile);
    const headConfig = readConfig(head.policyPack?.configFile);
    const names = [...new Set([...(base.policyPack?.policies ?? []), ...(head.policyPack?.policies ?? [])].map((p) => p.name))].sort();
    const out: PolicyChange[] = [];
    for (const policy of names) {
        const b = side(base, baseConfig, policy);
        const h = side(head, headConfig, policy);
        const changes: string[] = [];
        if (!b) changes.push("added by the PR");
        else if (!h) changes.push("removed by the PR");
        else {
            if (b.defaultLevel !== h.defaultLevel) changes.push(`default level ${b.defaultLevel} → ${h.defaultLevel}`);
            if (b.level !== h.level) changes.push(`level ${b.level} → ${h.level}`);
            if (b.config !== h.config) changes.push(`config ${b.config} → ${h.config}`);
            if (canonical(b.waivers) !== canonical(h.waivers)) changes.push(`waivers ${b.waivers.length} → ${h.waivers.length}`);
        }
        if (changes.length > 0) out.push({ policy, base: b, head: h, changes });
    }
    return out;
}

const key = (f: Finding) => `${f.policyName}\n${f.urn ?? ""}\n${f.message}`;
const blocking = (f: Finding) => !f.waiver && f.enforcementLevel === "mandatory";

/** Findings that block under the base rules but not under the PR's (gone, waived or lowered). */
export function findingsRelaxed(base: PreviewResult, head: PreviewResult): Finding[] {
    const stillBlocking = new Set(head.findings.filter(blocking).map(key));
    return base.findings.filter((f) => blocking(f) && !stillBlocking.has(key(f)));
}

const LIMIT = 25;

export function renderComparison(base: PreviewResult, head: PreviewResult): string {
    const count = (r: PreviewResult, pred: (f: Finding) => boolean) => r.findings.filter(pred).length;
    const verdict = (r: PreviewResult) => `${r.gate.passed ? "✅" : "❌"} ${mdText(verdictLine(r))}`;
    const pack = (r: PreviewResult) => (r.provenance.pack ? `${mdCode(`${r.provenance.pack.name}@${r.provenance.pack.version}`)} ${mdCode(shortHash(r.provenance.pack.contentHash))}` : "none");
    const config = (r: PreviewResult) => (r.provenance.policyConfig ? mdCode(shortHash(r.provenance.policyConfig.hash)) : "none");
    const lines = [
        `## Policy change: ${mdText(base.program.stack)} judged under the base branch's rules and under this PR's`,
        "",
        "The base branch's verdict gates this pull request; the PR's own rules are shown for review only.",
        "",
        "| | Base branch's rules (gate) | This PR's rules |",
        "|---|---|---|",
        `| Verdict | ${verdict(base)} | ${verdict(head)} |`,
        `| Unwaived mandatory / advisory / waived | ${count(base, blocking)} / ${count(base, (f) => !f.waiver && f.enforcementLevel === "advisory")} / ${count(base, (f) => !!f.waiver)} | ${count(head, blocking)} / ${count(head, (f) => !f.waiver && f.enforcementLevel === "advisory")} / ${count(head, (f) => !!f.waiver)} |`,
        `| Policy pack | ${pack(base)} | ${pack(head)} |`,
        `| Policy config | ${config(base)} | ${config(head)} |`,
        `| Tool | ${mdCode(`${base.tool.name} ${base.tool.version}`)} | ${mdCode(`${head.tool.name} ${head.tool.version}`)} |`,
        "",
    ];
    const changes = policyChanges(base, head);
    lines.push(`### Policies whose level, config or waivers change (${changes.length})`, "");
    if (changes.length === 0) {
        lines.push("None.", "");
    } else {
        lines.push("| Policy | Base | This PR | What changes |", "|---|---|---|---|");
        const cell = (s: PolicyChange["base"]) => (s ? `${s.level}${s.defaultLevel && s.defaultLevel !== s.level ? ` (default ${s.defaultLevel})` : ""}${s.waivers.length ? `, ${s.waivers.length} waiver(s)` : ""}` : "—");
        for (const c of changes) lines.push(`| ${mdCode(c.policy)} | ${cell(c.base)} | ${cell(c.head)} | ${c.changes.map(mdText).join("; ")} |`);
        lines.push("");
    }
    const relaxed = findingsRelaxed(base, head);
    lines.push(`### Blocking findings under the base rules that this PR's rules would not block (${relaxed.length})`, "");
    if (relaxed.length === 0) {
        lines.push("None.", "");
    } else {
        lines.push("| Policy | Resource | Finding |", "|---|---|---|");
        for (const f of relaxed.slice(0, LIMIT)) lines.push(`| ${mdCode(f.policyName)} | ${f.resourceName ? mdCode(f.resourceName) : "stack"} | ${mdText(f.message)} |`);
        if (relaxed.length > LIMIT) lines.push("", `…and ${relaxed.length - LIMIT} more.`);
        lines.push("");
    }
    return lines.join("\n");
}

/** Reads a preview.json (or a report directory holding one); a clear input error otherwise. */
export function readResult(file: string): PreviewResult {
    const target = fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ? `${file.replace(/\/$/, "")}/preview.json` : file;
    try {
        const result = JSON.parse(fs.readFileSync(target, "utf8"));
        if (!result || typeof result !== "object" || !Array.isArray(result.findings) || !result.gate || !result.provenance) throw new Error("not a platform-preview report (schema 1.2 or later)");
        return result as PreviewResult;
    } catch (err) {
        throw new PreviewInputError(`${target}: ${(err as Error).message.split("\n")[0]}`);
    }
}
