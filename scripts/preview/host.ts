import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parse } from "yaml";
import { PreviewInputError } from "./errors";
import type { ProgramProject } from "./project";

/**
 * How the CLI starts a Node program, from pulumi/pulumi: the engine's working directory and entry point
 * (pkg/engine/project.go `getPwdMain`), then the Node language host's command line and environment
 * (sdk/nodejs/cmd/pulumi-language-nodejs/main.go `Run`, `execRuntime`, `constructArguments`, `parseOptions`):
 * `node <nodeargs…> <program's @pulumi/pulumi/cmd/run> --monitor … --engine … --project … --root-directory …
 * --stack … --pwd … --dry-run --parallel … <entry>` with PULUMI_CONFIG, PULUMI_CONFIG_SECRET_KEYS,
 * PULUMI_NODEJS_TYPESCRIPT and PULUMI_NODEJS_TSCONFIG_PATH.
 */
export interface HostCommand {
    /** Node's arguments: `nodeargs` split as the host splits them, the runner, its flags and the entry. */
    args: string[];
    env: Record<string, string>;
    /** The program's working directory (the engine starts the host there; the runner also gets it as --pwd). */
    cwd: string;
    /** `runtime.options.typescript` (default true): the runner registers ts-node. */
    typescript: boolean;
}

export interface RuntimeOptions {
    typescript: boolean;
    tsconfig?: string;
    nodeargs: string;
}

function projectYaml(directory: string): Record<string, any> {
    const file = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(directory, f)).find((f) => fs.existsSync(f));
    return file ? (parse(fs.readFileSync(file, "utf8")) ?? {}) : {};
}

/** `runtime.options` as the Node host's parseOptions reads them (same types required, same messages). */
export function runtimeOptions(directory: string): RuntimeOptions {
    const runtime = projectYaml(directory).runtime;
    const options: Record<string, unknown> = typeof runtime === "object" && runtime !== null ? (runtime.options ?? {}) : {};
    const result: RuntimeOptions = { typescript: true, nodeargs: "" };
    if ("typescript" in options) {
        if (typeof options.typescript !== "boolean") throw new PreviewInputError("Pulumi.yaml: typescript option must be a boolean");
        result.typescript = options.typescript;
    }
    if ("tsconfig" in options) {
        if (typeof options.tsconfig !== "string") throw new PreviewInputError("Pulumi.yaml: tsconfigpath option must be a string");
        result.tsconfig = options.tsconfig;
    }
    if ("nodeargs" in options) {
        if (typeof options.nodeargs !== "string") throw new PreviewInputError("Pulumi.yaml: nodeargs option must be a string");
        result.nodeargs = options.nodeargs;
    }
    return result;
}

/** The engine's `getPwdMain`: `main` unset → the project directory and "."; a directory → it and "."; a file → its directory and its name. */
export function pwdMain(root: string, main: unknown): { pwd: string; main: string } {
    if (typeof main !== "string" || main === "") {
        return { pwd: root, main: "." };
    }
    const target = path.resolve(root, main);
    let stat: fs.Stats;
    try {
        stat = fs.statSync(target);
    } catch (err) {
        throw new PreviewInputError(`project 'main' could not be read: ${(err as Error).message}`);
    }
    return stat.isDirectory() ? { pwd: target, main: "." } : { pwd: path.dirname(target), main: path.basename(target) };
}

/**
 * Splits `nodeargs` as github.com/google/shlex does (the host's splitter): whitespace separates words, single quotes
 * keep everything, double quotes keep everything but backslash escapes, a backslash escapes the next character, `#`
 * at the start of a word begins a comment.
 */
export function splitArgs(text: string): string[] {
    const words: string[] = [];
    let word: string | undefined;
    let i = 0;
    const push = (c: string) => (word = (word ?? "") + c);
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            if (word !== undefined) words.push(word);
            word = undefined;
            i++;
        } else if (c === "#" && word === undefined) {
            while (i < text.length && text[i] !== "\n") i++;
        } else if (c === "'") {
            const end = text.indexOf("'", i + 1);
            if (end < 0) throw new PreviewInputError(`Pulumi.yaml nodeargs: EOF found when expecting closing quote`);
            push(text.slice(i + 1, end));
            i = end + 1;
        } else if (c === '"') {
            i++;
            let closed = false;
            push("");
            while (i < text.length) {
                if (text[i] === "\\" && i + 1 < text.length) {
                    push(text[i + 1]);
                    i += 2;
                } else if (text[i] === '"') {
                    closed = true;
                    i++;
                    break;
                } else {
                    push(text[i++]);
                }
            }
            if (!closed) throw new PreviewInputError(`Pulumi.yaml nodeargs: EOF found when expecting closing quote`);
        } else if (c === "\\") {
            if (i + 1 >= text.length) throw new PreviewInputError("Pulumi.yaml nodeargs: EOF found after escape character");
            push(text[i + 1]);
            i += 2;
        } else {
            push(c);
            i++;
        }
    }
    if (word !== undefined) words.push(word);
    return words;
}

/** Where the host finds the runner: `require.resolve('@pulumi/pulumi/cmd/run')` from the program's directory. */
export function locateRunner(pwd: string): string | undefined {
    try {
        return require.resolve("@pulumi/pulumi/cmd/run", { paths: [pwd] });
    } catch {
        return undefined;
    }
}

export function hostCommand(
    project: ProgramProject,
    addresses: { monitor: string; engine: string },
    options: { runPath: string; dryRun: boolean; execArgv?: string[] },
): HostCommand {
    const yaml = projectYaml(project.directory);
    const runtime = runtimeOptions(project.directory);
    const { pwd, main } = pwdMain(project.directory, yaml.main);
    const env: Record<string, string> = {
        PULUMI_CONFIG: JSON.stringify(project.config),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(project.secretKeys),
    };
    if (runtime.typescript) env.PULUMI_NODEJS_TYPESCRIPT = "true";
    if (runtime.tsconfig) env.PULUMI_NODEJS_TSCONFIG_PATH = runtime.tsconfig;
    const flag = (name: string, value: string) => (value ? [`--${name}`, value] : []);
    const args = [
        ...(options.execArgv ?? []),
        ...splitArgs(runtime.nodeargs),
        options.runPath,
        ...flag("monitor", addresses.monitor),
        ...flag("engine", addresses.engine),
        // A self-managed backend's organization, as `pulumi preview` with a local or S3 backend passes it.
        ...flag("organization", "organization"),
        ...flag("project", project.project),
        ...flag("root-directory", project.directory),
        ...flag("stack", project.stack),
        ...flag("pwd", pwd),
        ...(options.dryRun ? ["--dry-run"] : []),
        // The CLI's default --parallel: 4 × GOMAXPROCS.
        ...flag("parallel", String(4 * os.availableParallelism())),
        main,
    ];
    return { args, env, cwd: pwd, typescript: runtime.typescript };
}
