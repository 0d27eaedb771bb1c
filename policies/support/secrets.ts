import { isSecretLikeName, looksLikeSecretValue } from "../../lib/rules/secrets";
import { isUnknown, raw } from "../framework";

/**
 * Plaintext-secret checks on container definitions and environment maps, with lib/rules/secrets.ts (the one shared
 * secret detector). Known parts are judged; a part unknown during preview is returned as not judged, never a pass.
 */
export interface SecretScan {
    problems: string[];
    unknown: string[];
}

function scanEnvironment(where: string, entries: Array<[string, unknown]>, scan: SecretScan, path: string) {
    for (const [name, value] of entries) {
        if (isUnknown(name)) {
            scan.unknown.push(`${path}.name`);
            continue;
        }
        // An ARN is a reference to a secret (e.g. DB_SECRET_ARN), not the secret itself.
        const reference = typeof value === "string" && value.startsWith("arn:");
        if (isSecretLikeName(name) && !reference) {
            scan.problems.push(`${where} has ${name} as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)`);
        } else if (isUnknown(value)) {
            scan.unknown.push(`${path}.${name}`);
        } else if (looksLikeSecretValue(value)) {
            scan.problems.push(`${where} has a secret-looking value (credentials, key material) in the plain environment variable ${name}`);
        }
    }
}

/** `--password=x`, `PASSWORD=x`, `--db-password x`, `postgres://u:p@h`, key material. */
function scanArguments(where: string, field: string, args: unknown, scan: SecretScan, path: string) {
    if (isUnknown(args)) {
        scan.unknown.push(path);
        return;
    }
    const list = Array.isArray(args) ? args : typeof args === "string" ? [args] : [];
    list.forEach((arg, i) => {
        if (isUnknown(arg)) {
            scan.unknown.push(`${path}[${i}]`);
            return;
        }
        if (typeof arg !== "string") return;
        const tokens = arg.split(/\s+/).filter(Boolean);
        const next = typeof list[i + 1] === "string" ? list[i + 1] : undefined;
        for (const [t, token] of tokens.entries()) {
            const assignment = /^-{0,2}([A-Za-z_][A-Za-z0-9_.-]*)[=:](.+)$/.exec(token);
            const flag = /^-{1,2}([A-Za-z][A-Za-z0-9_.-]*)$/.exec(token);
            const following = tokens[t + 1] ?? (t === tokens.length - 1 ? next : undefined);
            if (looksLikeSecretValue(token) || (assignment && isSecretLikeName(assignment[1]) && assignment[2].length > 0)) {
                scan.problems.push(`${where} has a secret in its ${field} (${assignment ? assignment[1] : "argument " + (i + 1)}); read it from a secret at runtime instead`);
                return;
            }
            if (flag && isSecretLikeName(flag[1]) && following !== undefined && !following.startsWith("-") && !/^\$\{?[A-Z_]+\}?$/.test(following)) {
                scan.problems.push(`${where} passes ${token} with a literal value in its ${field}; read it from a secret at runtime instead`);
                return;
            }
        }
    });
}

/** Judges ECS container definitions: a JSON string (TaskDefinition) or an array of objects (awsx containers). */
export function scanContainerDefinitions(definitions: unknown, path = "containerDefinitions"): SecretScan {
    const scan: SecretScan = { problems: [], unknown: [] };
    const value = raw(definitions);
    if (isUnknown(value)) {
        scan.unknown.push(path);
        return scan;
    }
    let containers: unknown = value;
    if (typeof value === "string") {
        try {
            containers = JSON.parse(value);
        } catch {
            return scan;
        }
    }
    const list = Array.isArray(containers) ? containers : containers && typeof containers === "object" ? [containers] : [];
    list.forEach((container: any, i: number) => scanContainer(container, `${path}[${i}]`, scan));
    return scan;
}

export function scanContainer(containerValue: unknown, path: string, scan: SecretScan): void {
    const container = raw(containerValue) as any;
    if (isUnknown(container)) {
        scan.unknown.push(path);
        return;
    }
    if (!container || typeof container !== "object") return;
    const name = isUnknown(container.name) || container.name === undefined ? path : `container ${container.name}`;
    const environment = container.environment;
    if (isUnknown(environment)) {
        scan.unknown.push(`${path}.environment`);
    } else if (Array.isArray(environment)) {
        environment.forEach((e: any, j: number) => {
            if (isUnknown(e)) scan.unknown.push(`${path}.environment[${j}]`);
            else if (e && typeof e === "object") scanEnvironment(name, [[e.name, e.value]], scan, `${path}.environment[${j}]`);
        });
    } else if (environment && typeof environment === "object") {
        scanEnvironment(name, Object.entries(environment), scan, `${path}.environment`);
    }
    scanArguments(name, "command", container.command, scan, `${path}.command`);
    scanArguments(name, "entryPoint", container.entryPoint, scan, `${path}.entryPoint`);
}

/** Judges a plain `{ NAME: value }` environment map (Lambda, App Runner…). */
export function scanEnvironmentMap(where: string, variables: unknown, path: string): SecretScan {
    const scan: SecretScan = { problems: [], unknown: [] };
    const value = raw(variables);
    if (isUnknown(value)) {
        scan.unknown.push(path);
    } else if (value && typeof value === "object") {
        scanEnvironment(where, Object.entries(value), scan, path);
    }
    return scan;
}

/** Judges a list of `{ name, value, type? }` variables (CodeBuild, ECS overrides…); typed references are not values. */
export function scanVariableList(where: string, list: unknown, path: string): SecretScan {
    const scan: SecretScan = { problems: [], unknown: [] };
    const value = raw(list);
    if (isUnknown(value)) {
        scan.unknown.push(path);
        return scan;
    }
    (Array.isArray(value) ? value : []).forEach((item: any, i: number) => {
        const v = raw(item);
        if (isUnknown(v)) scan.unknown.push(`${path}[${i}]`);
        else if (v && typeof v === "object" && !/^(PARAMETER_STORE|SECRETS_MANAGER)$/i.test(String(v.type ?? ""))) {
            scanEnvironment(where, [[v.name, v.value ?? v.defaultValue]], scan, `${path}[${i}]`);
        }
    });
    return scan;
}

/** Every container-like object (one with environment, command or entryPoint) anywhere in parsed JSON (Batch ECS/EKS properties). */
export function scanContainerJson(json: unknown, path: string): SecretScan {
    const value = raw(json);
    const scan: SecretScan = { problems: [], unknown: [] };
    if (isUnknown(value)) {
        scan.unknown.push(path);
        return scan;
    }
    let parsed: unknown = value;
    if (typeof value === "string") {
        try {
            parsed = JSON.parse(value);
        } catch {
            return scan;
        }
    }
    const walk = (node: unknown, at: string) => {
        if (Array.isArray(node)) node.forEach((x, i) => walk(x, `${at}[${i}]`));
        else if (node && typeof node === "object") {
            const o = node as Record<string, unknown>;
            if ("environment" in o || "command" in o || "entryPoint" in o) scanContainer(o, at, scan);
            for (const [k, v] of Object.entries(o)) if (k !== "environment" && k !== "command" && k !== "entryPoint") walk(v, `${at}.${k}`);
        }
    };
    walk(parsed, path);
    return scan;
}

/**
 * Instance user data (a shell script or cloud-init): `NAME=value` assignments with a secret-like name and a literal
 * value (not `$(…)`, `${…}` or a reference), and secret-looking values anywhere. Base64 input is decoded first.
 */
export function scanUserData(where: string, userData: unknown, path: string, base64: boolean): SecretScan {
    const scan: SecretScan = { problems: [], unknown: [] };
    const value = raw(userData);
    if (isUnknown(value)) {
        scan.unknown.push(path);
        return scan;
    }
    if (typeof value !== "string" || value.length === 0) return scan;
    const text = base64 && /^[A-Za-z0-9+/=\s]+$/.test(value) ? Buffer.from(value, "base64").toString("utf8") : value;
    if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) scan.problems.push(`${where} carries a private key in its ${path}`);
    for (const line of text.split(/\r?\n/)) {
        const assignment = /^\s*(?:export\s+|-\s+)?["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*[=:]\s*(.+)$/.exec(line);
        if (assignment && isSecretLikeName(assignment[1])) {
            const literal = assignment[2].trim().replace(/^["']|["']$/g, "");
            if (literal.length > 0 && !/^[$`]|^\{\{|^arn:|^(null|~)$/.test(literal)) {
                scan.problems.push(`${where} sets ${assignment[1]} to a literal value in its ${path}; read it from Secrets Manager or SSM SecureString at boot instead`);
                continue;
            }
        }
        const token = line.split(/\s+/).find((t) => looksLikeSecretValue(t.replace(/^["']|["']$/g, "")));
        if (token) scan.problems.push(`${where} has a secret-looking value (credentials, key material) in its ${path}`);
    }
    return scan;
}
