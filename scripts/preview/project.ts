import * as fs from "fs";
import * as path from "path";
import { parse } from "yaml";
import { PreviewInputError } from "./errors";

/** A Pulumi project and stack as the CLI would see them, with config ready to hand to the program. */
export interface ProgramProject {
    directory: string;
    project: string;
    stack: string;
    runtime: string;
    /** Absolute path of the program's entry module. */
    main: string;
    /** `PULUMI_CONFIG`: fully qualified key → string (structured values as JSON, as the CLI passes them). */
    config: Record<string, string>;
    /** Keys whose value was `secure:` in the stack file. The program sees them as unknown secrets. */
    secretKeys: string[];
}

/** What the program receives instead of a `secure:` value: the ciphertext is never decrypted, passed on or printed. */
export const SECRET_PLACEHOLDER = "[secret]";

function readYaml(file: string): any {
    try {
        return parse(fs.readFileSync(file, "utf8")) ?? {};
    } catch (err) {
        throw new PreviewInputError(`Cannot read ${file}: ${(err as Error).message}`);
    }
}

function isSecure(value: unknown): boolean {
    return typeof value === "object" && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && "secure" in value;
}

/** Replaces nested `secure:` values by the placeholder; reports whether any was found. */
function stripSecure(value: unknown): { value: unknown; secret: boolean } {
    if (isSecure(value)) {
        return { value: SECRET_PLACEHOLDER, secret: true };
    }
    if (Array.isArray(value)) {
        const items = value.map(stripSecure);
        return { value: items.map((i) => i.value), secret: items.some((i) => i.secret) };
    }
    if (typeof value === "object" && value !== null) {
        const entries = Object.entries(value).map(([k, v]) => [k, stripSecure(v)] as const);
        return { value: Object.fromEntries(entries.map(([k, v]) => [k, v.value])), secret: entries.some(([, v]) => v.secret) };
    }
    return { value, secret: false };
}

function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function asConfigString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
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

/**
 * Reads `Pulumi.yaml` and `Pulumi.<stack>.yaml` like the CLI: project-level `config:` defaults, then the stack's values;
 * keys without a namespace get the project name; objects and arrays become JSON strings.
 */
export function loadProject(programDir: string, stack: string): ProgramProject {
    const directory = path.resolve(programDir);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(directory, f)).find((f) => fs.existsSync(f));
    if (!projectFile) {
        throw new PreviewInputError(`No Pulumi.yaml in ${directory}: --program must point at a Pulumi project directory`);
    }
    const projectYaml = readYaml(projectFile);
    const project = projectYaml.name;
    if (typeof project !== "string" || project.length === 0) {
        throw new PreviewInputError(`${projectFile} has no project \`name\``);
    }
    const runtime = typeof projectYaml.runtime === "string" ? projectYaml.runtime : projectYaml.runtime?.name;
    if (runtime !== "nodejs") {
        throw new PreviewInputError(`${projectFile}: runtime is ${JSON.stringify(runtime)}; the offline preview runs nodejs programs only`);
    }
    const stackFile = path.join(directory, `Pulumi.${stack}.yaml`);
    if (!fs.existsSync(stackFile)) {
        const known = fs.readdirSync(directory).map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1]).filter((s): s is string => !!s);
        throw new PreviewInputError(`Unknown stack "${stack}": no ${path.basename(stackFile)} in ${directory} (stacks: ${known.join(", ") || "none"})`);
    }
    const config: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const set = (key: string, raw: unknown) => {
        const fullKey = qualify(key, project);
        const { value, secret } = stripSecure(raw);
        config[fullKey] = asConfigString(value);
        if (secret) {
            secretKeys.add(fullKey);
        } else {
            secretKeys.delete(fullKey);
        }
    };
    for (const [key, declaration] of Object.entries<any>(projectYaml.config ?? {})) {
        const isDeclaration = typeof declaration === "object" && declaration !== null && !Array.isArray(declaration) && ("default" in declaration || "value" in declaration || "type" in declaration);
        const value = isDeclaration ? (declaration.value ?? declaration.default) : declaration;
        if (value !== undefined) {
            set(key, value);
        }
    }
    for (const [key, value] of Object.entries<unknown>(readYaml(stackFile).config ?? {})) {
        set(key, value);
    }
    return { directory, project, stack, runtime, main: resolveMain(directory, projectYaml.main), config, secretKeys: [...secretKeys].sort() };
}
