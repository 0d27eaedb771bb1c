import * as fs from "fs";
import * as path from "path";
import { awsPackageDir, AwsResourceType, awsResourceTypes } from "./aws-inventory";

/**
 * The plaintext-secrets concern's inventory, derived from @pulumi/aws's types: every input path (top level and nested
 * blocks, from types/input.d.ts) that carries an environment (`environment`, `variables`, `environmentVariables`,
 * `defaultArguments`, `runtimeEnvironmentVariables`, …), container definitions as JSON (`containerDefinitions`,
 * `containerProperties`, `ecsProperties`), or instance user data. Paths through lists are written `a[].b`.
 */
export type SecretCarrier = "environment" | "containers" | "userData" | "userDataBase64";

const ENVIRONMENT = /^(environment|environments|environmentVariables?|variables|defaultArguments|nonOverridableArguments|runtimeEnvironmentVariables|runtimeEnvironmentSecrets|environmentVariablesMap)$/;
const CONTAINERS = /^(containerDefinitions|containerProperties|ecsProperties)$/;

interface Field { type: string }

/** Nested input interfaces of types/input.d.ts: `lambda.FunctionEnvironment` → its fields. */
function nestedInterfaces(root: string = awsPackageDir()): Map<string, Record<string, Field>> {
    const text = fs.readFileSync(path.join(root, "types/input.d.ts"), "utf8");
    const out = new Map<string, Record<string, Field>>();
    let namespace = "";
    let current: Record<string, Field> | undefined;
    for (const line of text.split("\n")) {
        const ns = /^export declare namespace (\w+) \{/.exec(line) ?? /^ {4}namespace (\w+) \{/.exec(line);
        if (ns && line.startsWith("export")) namespace = ns[1];
        const iface = /^ {4}interface (\w+) \{/.exec(line);
        if (iface) {
            current = {};
            out.set(`${namespace}.${iface[1]}`, current);
            continue;
        }
        if (/^ {4}\}/.test(line)) current = undefined;
        const field = current && /^ {8}"?([A-Za-z0-9_]+)"?\??: (.*);?$/.exec(line);
        if (field && current) current[field[1]] = { type: field[2] };
    }
    return out;
}

export function secretInputs(types: AwsResourceType[] = awsResourceTypes()): Record<string, Array<{ path: string; carrier: SecretCarrier }>> {
    const nested = nestedInterfaces();
    const out: Record<string, Array<{ path: string; carrier: SecretCarrier }>> = {};
    const visit = (token: string, name: string, type: string, at: string, depth: number) => {
        const carrier: SecretCarrier | undefined = ENVIRONMENT.test(name) ? "environment" : CONTAINERS.test(name) && /string/.test(type) ? "containers"
            : name === "userData" ? "userData" : name === "userDataBase64" ? "userDataBase64" : undefined;
        if (carrier) {
            // An `environment` block (CodeBuild, Lambda) is a carrier through its own variables; name the leaf where there is one.
            const ref = /inputs\.(\w+)\.(\w+)/.exec(type);
            const fields = ref ? nested.get(`${ref[1]}.${ref[2]}`) : undefined;
            const inner = fields ? Object.keys(fields).filter((f) => ENVIRONMENT.test(f)) : [];
            if (inner.length > 0 && depth < 4) {
                for (const f of inner) visit(token, f, fields![f].type, `${at}${/\[\]>|\[\] \|/.test(type) ? "[]" : ""}.${f}`, depth + 1);
            } else if (!fields || carrier !== "environment" || Object.keys(fields).some((f) => f === "name" || f === "value")) {
                (out[token] ??= []).push({ path: at, carrier });
            }
            return;
        }
        const ref = /inputs\.(\w+)\.(\w+)/.exec(type);
        if (!ref || depth >= 4) return;
        const fields = nested.get(`${ref[1]}.${ref[2]}`);
        if (!fields) return;
        const list = /\[\]/.test(type);
        for (const [f, { type: t }] of Object.entries(fields)) visit(token, f, t, `${at}${list ? "[]" : ""}.${f}`, depth + 1);
    };
    for (const t of types) {
        for (const input of t.inputs) visit(t.token, input, t.details[input]?.type ?? "", input, 0);
    }
    // Launch templates take user data base64-encoded (their doc says so; the input is a plain string).
    for (const entry of out["aws:ec2/launchTemplate:LaunchTemplate"] ?? []) {
        if (entry.path === "userData") entry.carrier = "userDataBase64";
    }
    return out;
}
