import * as fs from "fs";
import * as path from "path";
import { LineCounter, parseDocument } from "yaml";
import { ConfigCryptError, passphraseDecrypter, passphraseFromEnv, type Decrypter } from "./config-crypt";
import { PreviewInputError } from "./errors";
import type { Unchecked } from "./model";

/** A Pulumi project and stack as the CLI would see them, with config ready to hand to the program. */
export interface ProgramProject {
    directory: string;
    project: string;
    stack: string;
    runtime: string;
    /** Absolute path of the program's entry module. */
    main: string;
    /**
     * `PULUMI_CONFIG` as the CLI's engine passes it to the language host: fully qualified key → string (objects and
     * arrays as JSON; decrypted `secure:` values in plain text when the stack's passphrase was given, else
     * {@link SECRET_PLACEHOLDER}). In memory only: never written or printed.
     */
    config: Record<string, string>;
    /** `PULUMI_CONFIG_SECRET_KEYS`: keys whose stack value holds a `secure:` value (the engine's `SecureKeys()`). */
    secretKeys: string[];
    /** Secure keys whose values could not be decrypted offline: the program sees {@link SECRET_PLACEHOLDER} in them. */
    undecryptedKeys: string[];
    /** Decrypted secret plaintexts: every output of the preview replaces them by `[secret]` (see {@link redactSecrets}). */
    secretValues: string[];
    /** What the preview could not read of the stack's config (ESC environments, undecrypted secrets), for every report. */
    unchecked: Unchecked[];
    /** The stack's config file, as the CLI finds it. */
    stackFile: string;
}

/** What the program receives instead of a `secure:` value it cannot decrypt (the CLI's blinding text). */
export const SECRET_PLACEHOLDER = "[secret]";

const PROJECT_FILES = ["Pulumi.json", "Pulumi.yaml", "Pulumi.yml"];

/**
 * Parses a project or stack file. A syntax error names the file, line and column and the kind of error only: the
 * parser's own message quotes the offending lines, which in a stack file can be a `secure:` ciphertext.
 */
function readYaml(file: string): { value: any } {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
    } catch (err) {
        throw new PreviewInputError(`Cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? "unreadable"}`);
    }
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const error = doc.errors[0];
    if (error) {
        const { line, col } = lineCounter.linePos(error.pos[0]);
        throw new PreviewInputError(`${file}:${line}:${col}: invalid YAML (${error.code.toLowerCase().replace(/_/g, " ")}); the CLI cannot read this file either`);
    }
    return { value: doc.toJS({ maxAliasCount: 100 }) ?? {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{secure: "<ciphertext>"}`, as config.isSecureValue: a one-key map whose `secure` is a string. */
function isSecure(value: unknown): value is { secure: string } {
    return isRecord(value) && Object.keys(value).length === 1 && typeof value.secure === "string";
}

function hasSecure(value: unknown): boolean {
    if (isSecure(value)) return true;
    if (Array.isArray(value)) return value.some(hasSecure);
    if (isRecord(value)) return Object.values(value).some(hasSecure);
    return false;
}

/** Property paths of the `secure:` values inside a key's value (`""` for the key itself). */
function securePaths(value: unknown, prefix = ""): string[] {
    if (isSecure(value)) return [prefix];
    if (Array.isArray(value)) return value.flatMap((v, i) => securePaths(v, `${prefix}[${i}]`));
    if (isRecord(value)) return Object.entries(value).flatMap(([k, v]) => securePaths(v, prefix ? `${prefix}.${k}` : k));
    return [];
}

/** Go's json.Marshal of a config object: keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped. */
function goJson(value: unknown): string {
    const sorted = (v: unknown): unknown => {
        if (Array.isArray(v)) return v.map(sorted);
        if (isRecord(v)) return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])]));
        return v;
    };
    return JSON.stringify(sorted(value))
        .replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026")
        .replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** A config value as the engine passes it to the program: strings as they are, scalars as JSON, objects as Go's JSON. */
function configString(value: unknown): string {
    if (typeof value === "string") return value;
    if (value === undefined) return "";
    return goJson(value);
}

function resolveMain(directory: string, declaredMain: unknown): string {
    let base = directory;
    if (typeof declaredMain === "string" && declaredMain.length > 0) {
        base = path.resolve(directory, declaredMain);
        if (fs.existsSync(base) && fs.statSync(base).isFile()) {
            return base;
        }
    }
    const packageJson = path.join(base, "package.json");
    if (fs.existsSync(packageJson)) {
        const pkgMain = JSON.parse(fs.readFileSync(packageJson, "utf8")).main;
        if (typeof pkgMain === "string" && fs.existsSync(path.resolve(base, pkgMain))) {
            return path.resolve(base, pkgMain);
        }
    }
    for (const candidate of ["index.ts", "index.js"]) {
        if (fs.existsSync(path.join(base, candidate))) {
            return path.join(base, candidate);
        }
    }
    throw new PreviewInputError(`No program entry point in ${base}: set \`main\` in Pulumi.yaml or package.json, or add index.ts`);
}

interface ConfigType {
    type?: string;
    items?: { type?: string; items?: ConfigType["items"] };
    default?: unknown;
    value?: unknown;
    secret?: boolean;
}

/** The key namespaced as the CLI does: a key without `:` belongs to the project. */
function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function namespacedByProject(project: string, key: string): boolean {
    return !key.includes(":") || key.startsWith(`${project}:`);
}

function typeName(type: string | undefined, items: ConfigType["items"]): string {
    return items ? `array<${typeName(items.type, items.items)}>` : type ?? "";
}

/** workspace.ValidateConfigValue. */
function validConfigValue(type: string | undefined, items: ConfigType["items"], value: unknown): boolean {
    switch (type) {
        case "string":
            return typeof value === "string";
        case "integer":
            return (typeof value === "number" && Number.isInteger(value)) || (typeof value === "string" && /^[+-]?\d+$/.test(value));
        case "boolean":
            return typeof value === "boolean" || value === "true" || value === "false";
        case "object":
            return isRecord(value);
        default:
            return Array.isArray(value) && items !== undefined && value.every((item) => validConfigValue(items.type, items.items, item));
    }
}

/**
 * Pulumi.yaml's `config:` as LoadProject reads it (RewriteShorthandConfigValues, Project.Validate): a scalar or array
 * under the project's namespace is a `default`, under another namespace a `value`; a map is a declaration.
 */
function projectConfig(projectFile: string, project: string, raw: unknown): Map<string, ConfigType> {
    const declarations = new Map<string, ConfigType>();
    if (!isRecord(raw)) return declarations;
    const problem = (message: string) => new PreviewInputError(`${projectFile}: ${message}`);
    for (const [key, entry] of Object.entries(raw)) {
        const primitive = typeof entry === "string" || typeof entry === "boolean" || (typeof entry === "number" && Number.isInteger(entry));
        const declaration: ConfigType = primitive || Array.isArray(entry)
            ? (namespacedByProject(project, key) ? { default: entry } : { value: entry })
            : isRecord(entry) ? (entry as ConfigType) : { default: entry };
        if (declaration.default !== undefined && declaration.value !== undefined) {
            throw problem(`project config '${key}' cannot have both a 'default' and 'value' attribute`);
        }
        if (namespacedByProject(project, key)) {
            if (declaration.type === "array" && !declaration.items) {
                throw problem(`The configuration key '${key}' declares an array but does not specify the underlying type via the 'items' attribute`);
            }
            if (declaration.type !== undefined && declaration.default !== undefined && !validConfigValue(declaration.type, declaration.items, declaration.default)) {
                throw problem(`The default value specified for configuration key '${key}' is not of the expected type '${typeName(declaration.type, declaration.items)}'`);
            }
        } else {
            if (declaration.type !== undefined) throw problem(`Configuration key '${key}' is not namespaced by the project and should not define a type`);
            if (declaration.default !== undefined) throw problem(`Configuration key '${key}' is not namespaced by the project and should not define a default value. Did you mean to use the 'value' attribute instead of 'default'?`);
            if (declaration.value === undefined) throw problem(`Configuration key '${key}' is namespaced and must provide an attribute 'value'`);
        }
        declarations.set(key, declaration);
    }
    return declarations;
}

/** The stack name as the stack file names it: `org/project/dev` is the stack `dev`. */
function stackName(stack: string): string {
    return stack.split("/").pop() ?? stack;
}

/** The stack's secrets provider, when the stack file says which (ProjectStack: secretsprovider, encryptionsalt). */
function secretsProviderOf(stackYaml: Record<string, unknown>): { passphrase: true; salt?: string } | { passphrase: false; provider: string } {
    const provider = typeof stackYaml.secretsprovider === "string" ? stackYaml.secretsprovider : "";
    const salt = typeof stackYaml.encryptionsalt === "string" && stackYaml.encryptionsalt ? stackYaml.encryptionsalt : undefined;
    if (provider === "passphrase" || (provider === "" && salt)) return { passphrase: true, salt };
    return { passphrase: false, provider: provider || "the Pulumi Cloud service" };
}

/** The `environment:` of a stack file: a list of environment names, or an inline definition with `imports`. */
function environmentImports(environment: unknown): string[] {
    if (Array.isArray(environment)) return environment.map(String);
    if (isRecord(environment)) {
        const imports = Array.isArray(environment.imports) ? environment.imports.map((i) => (isRecord(i) ? Object.keys(i)[0] : String(i))) : [];
        return Object.keys(environment).some((k) => k !== "imports") ? [...imports, "yaml"] : imports;
    }
    return [];
}

export interface LoadOptions {
    /** Where PULUMI_CONFIG_PASSPHRASE / PULUMI_CONFIG_PASSPHRASE_FILE are read; default process.env. */
    env?: NodeJS.ProcessEnv;
}

/**
 * Reads the project and the stack's config as `pulumi preview` does (pkg/cmd/pulumi/config, pkg/workspace/config.go):
 * the project file (`Pulumi.yaml`, `.yml` or `.json`), the stack file `Pulumi.<stack>.<the project file's extension>`
 * in `stackConfigDir`, stack keys namespaced by the project, then the project's `config:` values and defaults for keys
 * the stack does not set, required keys and declared types checked. `secure:` values are decrypted when the stack uses
 * the passphrase provider and the passphrase is in the environment; else the program sees {@link SECRET_PLACEHOLDER}
 * and the reports list each such key (`secret-config`).
 */
export function loadProject(programDir: string, stack: string, options: LoadOptions = {}): ProgramProject {
    const env = options.env ?? process.env;
    const directory = path.resolve(programDir);
    const projectFile = PROJECT_FILES.map((f) => path.join(directory, f)).find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (!projectFile) {
        throw new PreviewInputError(`No Pulumi.yaml in ${directory}: --program must point at a Pulumi project directory`);
    }
    const projectYaml = readYaml(projectFile).value;
    if (!isRecord(projectYaml)) throw new PreviewInputError(`${projectFile} is not a map`);
    const project = projectYaml.name;
    if (typeof project !== "string" || project.length === 0) {
        throw new PreviewInputError(`${projectFile} has no project \`name\``);
    }
    const runtimeField = projectYaml.runtime as unknown;
    const runtime = typeof runtimeField === "string" ? runtimeField : isRecord(runtimeField) ? runtimeField.name : undefined;
    if (runtime !== "nodejs") {
        throw new PreviewInputError(`${projectFile}: runtime is ${JSON.stringify(runtime)}; the offline preview runs nodejs programs only`);
    }
    // RewriteConfigPathIntoStackConfigDir: the old `config: <dir>` form.
    let stackConfigDir = typeof projectYaml.stackConfigDir === "string" ? projectYaml.stackConfigDir : "";
    let declared: unknown = projectYaml.config;
    if (typeof declared === "string") {
        if (projectYaml.stackConfigDir !== undefined) {
            throw new PreviewInputError(`${projectFile}: Should not use both config and stackConfigDir to define the stack directory. Use only stackConfigDir instead.`);
        }
        stackConfigDir = declared;
        declared = undefined;
    }
    const declarations = projectConfig(projectFile, project, declared);
    const name = stackName(stack);
    const configDir = path.join(directory, stackConfigDir);
    const extension = path.extname(projectFile);
    const stackFile = path.join(configDir, `Pulumi.${name}${extension}`);
    if (!fs.existsSync(stackFile)) {
        const pattern = new RegExp(`^Pulumi\\.(.+)${extension.replace(".", "\\.")}$`);
        const known = (fs.existsSync(configDir) ? fs.readdirSync(configDir) : []).map((f) => pattern.exec(f)?.[1]).filter((s): s is string => !!s);
        throw new PreviewInputError(`Unknown stack "${name}": no ${path.relative(directory, stackFile)} in ${directory} (stacks: ${known.join(", ") || "none"})`);
    }
    const stackYaml = readYaml(stackFile).value;
    if (!isRecord(stackYaml)) throw new PreviewInputError(`${stackFile} is not a map`);
    const stackConfig: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(isRecord(stackYaml.config) ? stackYaml.config : {})) {
        stackConfig[qualify(key, project)] = value;
    }

    // Project values and defaults for what the stack leaves unset; required keys (project namespace, no default).
    const fromProject = new Set<string>();
    const missing: string[] = [];
    for (const key of [...declarations.keys()].sort()) {
        const declaration = declarations.get(key)!;
        const full = qualify(key, project);
        if (full in stackConfig) continue;
        const value = declaration.default ?? declaration.value;
        if (value === undefined) {
            if (full.startsWith(`${project}:`)) missing.push(key);
            continue;
        }
        stackConfig[full] = value;
        fromProject.add(full);
    }
    const imports = environmentImports(stackYaml.environment);
    if (missing.length > 0 && imports.length === 0) {
        const list = missing.length === 1 ? `'${missing[0]}'` : `${missing.slice(0, -1).map((k) => `'${k}'`).join(", ")} and '${missing[missing.length - 1]}'`;
        throw new PreviewInputError(`Stack '${name}' is missing configuration value${missing.length > 1 ? "s" : ""} ${list} (${path.relative(directory, stackFile)})`);
    }

    // Decrypt as the CLI: the passphrase provider with the passphrase given; any other provider cannot be opened offline.
    const secretKeys = Object.keys(stackConfig).filter((k) => !fromProject.has(k) && hasSecure(stackConfig[k])).sort();
    const provider = secretsProviderOf(stackYaml);
    let decrypter: Decrypter | undefined;
    let passphrase: string | undefined;
    if (secretKeys.length > 0 && provider.passphrase) {
        try {
            passphrase = passphraseFromEnv(env, directory);
            if (passphrase !== undefined) {
                if (!provider.salt) throw new ConfigCryptError("the stack file has no encryptionsalt");
                decrypter = passphraseDecrypter(passphrase, provider.salt);
            }
        } catch (err) {
            throw new PreviewInputError(`Cannot decrypt the config of stack '${name}' (${path.relative(directory, stackFile)}): ${(err as Error).message}`);
        }
    }
    const secretValues = new Set<string>();
    const reveal = (value: unknown, key: string, at: string): unknown => {
        if (isSecure(value)) {
            if (!decrypter) return SECRET_PLACEHOLDER;
            try {
                const plain = decrypter.decrypt(value.secure);
                secretValues.add(plain);
                return plain;
            } catch (err) {
                throw new PreviewInputError(`Cannot decrypt the config of stack '${name}': ${key}${at}: ${(err as Error).message}`);
            }
        }
        if (Array.isArray(value)) return value.map((v, i) => reveal(v, key, `${at}[${i}]`));
        if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v, key, `${at}.${k}`)]));
        return value;
    };
    const config: Record<string, string> = {};
    const revealed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(stackConfig)) {
        revealed[key] = reveal(value, key, "");
        config[key] = configString(revealed[key]);
    }

    // Declared types and `secret: true` (validateStackConfigValues), on what the program will read.
    for (const [key, declaration] of declarations) {
        const full = qualify(key, project);
        if (!namespacedByProject(project, key) || fromProject.has(full) || !(full in stackConfig)) continue;
        if (declaration.secret && !isSecure(stackConfig[full])) {
            throw new PreviewInputError(`Stack '${name}' with configuration key '${key}' must be encrypted as it's secret`);
        }
        const undecrypted = !decrypter && hasSecure(stackConfig[full]);
        if (declaration.type !== undefined && !undecrypted) {
            const raw = revealed[full];
            const content = typeof raw === "string" || raw === null || typeof raw === "object" ? raw : String(raw);
            if (!validConfigValue(declaration.type, declaration.items, content)) {
                throw new PreviewInputError(`Stack '${name}' with configuration key '${key}' must be of type '${typeName(declaration.type, declaration.items)}'`);
            }
        }
    }

    const unchecked: Unchecked[] = [];
    const undecryptedKeys = decrypter ? [] : secretKeys;
    for (const key of undecryptedKeys) {
        const paths = securePaths(stackConfig[key]).filter((p) => p !== "");
        const how = provider.passphrase
            ? "set PULUMI_CONFIG_PASSPHRASE or PULUMI_CONFIG_PASSPHRASE_FILE to check it with its real value"
            : `its secrets provider (${provider.provider}) cannot be opened offline`;
        unchecked.push({
            kind: "secret-config",
            name: key,
            ...(paths.length > 0 ? { properties: paths } : {}),
            blocking: false,
            detail: `secure config ${key}${paths.length > 0 ? ` (${paths.join(", ")})` : ""} was not decrypted: the program got "${SECRET_PLACEHOLDER}" (getSecret: an unknown secret), so what depends on it was not judged with its real value; ${how}`,
        });
    }
    if (imports.length > 0) {
        const defaults = [...fromProject].sort();
        unchecked.push({
            kind: "esc-environment",
            name: imports.join(", "),
            blocking: false,
            ...(defaults.length + missing.length > 0 ? { properties: [...defaults, ...missing.map((k) => qualify(k, project))] } : {}),
            detail: `the stack imports Pulumi ESC environment${imports.length > 1 ? "s" : ""} ${imports.join(", ")}, which cannot be opened offline: config and environment variables it sets are not in this plan`
                + (defaults.length > 0 ? `; ${defaults.join(", ")} took the project's default${defaults.length > 1 ? "s" : ""}, which the environment may override` : "")
                + (missing.length > 0 ? `; required ${missing.map((k) => qualify(k, project)).join(", ")} must come from it and ${missing.length > 1 ? "are" : "is"} unset here` : ""),
        });
    }
    return {
        directory, project, stack: name, runtime, main: resolveMain(directory, projectYaml.main), config,
        secretKeys, undecryptedKeys, secretValues: [...secretValues], unchecked, stackFile,
    };
}

/**
 * The CLI's log filter for decrypted config (logging.AddGlobalSecretFilter): each secret of 3 characters or more, other
 * than true/false, and its JSON-escaped form, replaced by `[secret]` in every string of `value`.
 */
export function redactSecrets<T>(value: T, secrets: string[]): T {
    const needles = [...new Set(secrets.filter((s) => s.length >= 3 && !/^(true|false)$/i.test(s)).flatMap((s) => [s, JSON.stringify(s).slice(1, -1)]))]
        .sort((a, b) => b.length - a.length);
    if (needles.length === 0) return value;
    const filter = (text: string) => needles.reduce((t, needle) => t.split(needle).join("[secret]"), text);
    const walk = (v: unknown): unknown => {
        if (typeof v === "string") return filter(v);
        if (Array.isArray(v)) return v.map(walk);
        if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [filter(k), walk(x)]));
        return v;
    };
    return walk(value) as T;
}
