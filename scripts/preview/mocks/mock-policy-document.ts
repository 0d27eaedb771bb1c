/**
 * `aws.iam.getPolicyDocument` computed as the AWS provider computes it, so that policies (and the pack) read the real
 * JSON offline. Semantics follow the provider's data source (terraform-provider-aws `aws_iam_policy_document`):
 * - `version` defaults to "2012-10-17"; `policyId` becomes `Id`; a statement's `effect` defaults to "Allow";
 * - `actions`, `notActions`, `resources`, `notResources` and principal `identifiers` are sets: de-duplicated, a single
 *   element is written as a string, several as a list sorted in descending order;
 * - principals of one type are merged into one list; a single principal of type "*" with identifiers ["*"] is `"*"`;
 * - conditions: `{ [test]: { [variable]: values } }`, values of one test and variable accumulate in order, a single
 *   value is a string;
 * - `&{…}` in resources, identifiers and condition values is written as `${…}` (IAM policy variables);
 * - `sourcePolicyDocuments` are merged first, then this document's statements, then `overridePolicyDocuments`; a
 *   statement with a `Sid` replaces an earlier one with the same `Sid`;
 * - JSON keys in the provider's order (Go struct fields; map keys sorted), `json` indented by 2, `minifiedJson` compact,
 *   `<`, `>` and `&` escaped as Go's encoder does; `id` is the CRC-32 of `json`.
 * No Pulumi import: a pure function, unit-tested against those rules.
 */
import { crc32 } from "zlib";

export interface PolicyDocumentStatementArgs {
    sid?: string;
    effect?: string;
    actions?: string[];
    notActions?: string[];
    resources?: string[];
    notResources?: string[];
    principals?: Array<{ type: string; identifiers: string[] }>;
    notPrincipals?: Array<{ type: string; identifiers: string[] }>;
    conditions?: Array<{ test: string; variable: string; values: string[] }>;
}

export interface PolicyDocumentArgs {
    version?: string;
    policyId?: string;
    statements?: PolicyDocumentStatementArgs[];
    sourcePolicyDocuments?: string[];
    overridePolicyDocuments?: string[];
}

type Json = string | Json[] | { [key: string]: Json };
interface Statement { [key: string]: Json | undefined; Sid?: string }
interface Doc { Version?: string; Id?: string; Statement: Statement[] }

const replaceVars = (value: string) => value.replace(/&\{/g, "${");

/** A set attribute: unique, one → string, several → descending order. */
function setValue(values: string[] | undefined, vars = false): Json | undefined {
    const unique = [...new Set((values ?? []).map((v) => (vars ? replaceVars(v) : v)))];
    if (unique.length === 0) {
        return undefined;
    }
    return unique.length === 1 ? unique[0] : unique.sort().reverse();
}

function principalSet(principals: Array<{ type: string; identifiers: Json }> | undefined): Json | undefined {
    if (!principals || principals.length === 0) {
        return undefined;
    }
    if (principals.length === 1 && principals[0].type === "*") {
        const ids = principals[0].identifiers;
        if (ids === "*" || (Array.isArray(ids) && ids.length === 1 && ids[0] === "*")) {
            return "*";
        }
    }
    const merged: Record<string, Json> = {};
    for (const { type, identifiers } of principals) {
        const existing = merged[type];
        if (Array.isArray(identifiers)) {
            const sorted = [...(identifiers as string[])].sort().reverse();
            merged[type] = existing === undefined ? sorted : [...(Array.isArray(existing) ? existing : [existing]), ...sorted];
        } else {
            merged[type] = existing === undefined ? identifiers : [...(Array.isArray(existing) ? existing : [existing]), identifiers];
        }
    }
    return sortKeys(merged);
}

function conditionSet(conditions: Array<{ test: string; variable: string; values: Json }> | undefined): Json | undefined {
    if (!conditions || conditions.length === 0) {
        return undefined;
    }
    // Values of the same test and variable accumulate in order; a single value is then written as a string.
    const raw: Record<string, Record<string, Json[]>> = {};
    for (const { test, variable, values } of conditions) {
        raw[test] ??= {};
        raw[test][variable] = [...(raw[test][variable] ?? []), ...(Array.isArray(values) ? values : [values])];
    }
    const flat = (v: Record<string, Json[]>) => sortKeys(Object.fromEntries(Object.entries(v).map(([k, items]) => [k, items.length === 1 ? items[0] : items])));
    return sortKeys(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, flat(v)])));
}

function sortKeys<T extends Json>(o: Record<string, T>): Record<string, T> {
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
}

/** Field order of the provider's statement struct; empty fields are omitted. */
function statement(s: Statement): Statement {
    const out: Statement = {};
    for (const key of ["Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition"]) {
        if (s[key] !== undefined && s[key] !== "") {
            out[key] = s[key];
        }
    }
    return out;
}

function fromArgs(s: PolicyDocumentStatementArgs): Statement {
    const principals = (list: PolicyDocumentStatementArgs["principals"]) =>
        principalSet(list?.map((p) => ({ type: p.type, identifiers: setValue(p.identifiers, true) ?? [] })));
    return statement({
        Sid: s.sid,
        Effect: s.effect ?? "Allow",
        Action: setValue(s.actions),
        NotAction: setValue(s.notActions),
        Resource: setValue(s.resources, true),
        NotResource: setValue(s.notResources, true),
        Principal: principals(s.principals),
        NotPrincipal: principals(s.notPrincipals),
        Condition: conditionSet(s.conditions?.map((c) => {
            const values = (c.values ?? []).map(replaceVars);
            return { test: c.test, variable: c.variable, values: values.length === 1 ? values[0] : values };
        })),
    });
}

/** A statement read from a source/override JSON document, re-encoded as the provider re-encodes it. */
function fromJson(s: any): Statement {
    const principals = (p: any) => {
        if (p === undefined) {
            return undefined;
        }
        if (typeof p === "string") {
            return principalSet([{ type: "*", identifiers: ["*"] }]);
        }
        return principalSet(Object.entries(p).map(([type, identifiers]) => ({ type, identifiers: identifiers as Json })));
    };
    const conditions = (c: any) =>
        c === undefined ? undefined : conditionSet(Object.entries(c).flatMap(([test, vars]) => Object.entries(vars as object).map(([variable, values]) => ({ test, variable, values: (typeof values === "boolean" ? String(values) : values) as Json }))));
    return statement({
        Sid: s.Sid,
        Effect: s.Effect,
        Action: s.Action,
        NotAction: s.NotAction,
        Resource: s.Resource,
        NotResource: s.NotResource,
        Principal: principals(s.Principal),
        NotPrincipal: principals(s.NotPrincipal),
        Condition: conditions(s.Condition),
    });
}

function merge(into: Doc, doc: Doc): void {
    if (doc.Id) {
        into.Id = doc.Id;
    }
    if ((doc.Version ?? "") > (into.Version ?? "")) {
        into.Version = doc.Version;
    }
    for (const s of doc.Statement) {
        const index = s.Sid ? into.Statement.findIndex((e) => e.Sid === s.Sid) : -1;
        if (index >= 0) {
            into.Statement[index] = s;
        } else {
            into.Statement.push(s);
        }
    }
}

function parseDocument(text: string, what: string): Doc {
    let parsed: any;
    try {
        parsed = JSON.parse(text);
    } catch (err) {
        throw new Error(`writing IAM Policy Document: merging ${what}: ${(err as Error).message}`, { cause: err });
    }
    const statements = parsed.Statement === undefined ? [] : Array.isArray(parsed.Statement) ? parsed.Statement : [parsed.Statement];
    return { Version: parsed.Version, Id: parsed.Id, Statement: statements.map(fromJson) };
}

/** Go's encoding/json escapes these for HTML safety; the provider's JSON carries the escapes. */
function goEscape(json: string): string {
    return json.replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

export function policyDocument(args: PolicyDocumentArgs): { json: string; minifiedJson: string; id: string } {
    const merged: Doc = { Statement: [] };
    (args.sourcePolicyDocuments ?? []).forEach((text, i) => {
        if (text) {
            const source = parseDocument(text, `source document ${i}`);
            for (const s of source.Statement) {
                if (s.Sid && merged.Statement.some((e) => e.Sid === s.Sid)) {
                    throw new Error(`writing IAM Policy Document: merging source document ${i}: duplicate Sid (${s.Sid}) in source_policy_documents. Remove the Sid or ensure Sids are unique.`);
                }
            }
            merge(merged, source);
        }
    });
    const sids = new Set<string>();
    for (const s of args.statements ?? []) {
        if (s.sid) {
            if (sids.has(s.sid)) {
                throw new Error(`writing IAM Policy Document: duplicate Sid (${s.sid}). Remove the Sid or ensure the Sid is unique.`);
            }
            sids.add(s.sid);
        }
    }
    merge(merged, { Version: args.version ?? "2012-10-17", Id: args.policyId, Statement: (args.statements ?? []).map(fromArgs) });
    (args.overridePolicyDocuments ?? []).forEach((text, i) => {
        if (text) {
            merge(merged, parseDocument(text, `override document ${i}`));
        }
    });
    const ordered: Record<string, unknown> = {};
    if (merged.Version) {
        ordered.Version = merged.Version;
    }
    if (merged.Id) {
        ordered.Id = merged.Id;
    }
    // `Statement,omitempty` in the provider's model: no statement anywhere, no key.
    if (merged.Statement.length > 0) {
        ordered.Statement = merged.Statement;
    }
    const json = goEscape(JSON.stringify(ordered, null, 2));
    return { json, minifiedJson: goEscape(JSON.stringify(ordered)), id: String(crc32(json)) };
}
