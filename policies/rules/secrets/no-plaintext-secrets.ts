import * as fs from "fs";
import * as path from "path";
import { CheckResult, isSet, isUnknown, raw, ResourceRule } from "../../framework";
import { isSecretLikeName, looksLikeSecretValue } from "../../../lib/rules/secrets";
import { scanContainerDefinitions, scanContainerJson, scanEnvironmentMap, scanUserData, scanVariableList, SecretScan } from "../../support/secrets";

/**
 * Plaintext secrets, for every @pulumi/aws type that carries them: every input path holding an environment, container
 * definitions or instance user data (policies/data/secret-inputs.json, generated from @pulumi/aws's types by
 * `npm run policies:data`), judged by one detector (lib/rules/secrets.ts: secret-like names, credentials in URLs, key
 * material, known token shapes, high-entropy strings); SSM parameters of type String with a secret-like name or
 * value; and, where a managed password is possible, a password input set at all (known, secret or unknown during
 * preview: it lands in state and config). Parts unknown during preview are reported as not judged.
 */
const MANAGED_PASSWORD: Record<string, { inputs: string[]; managed: string }> = {
    "aws:rds/instance:Instance": { inputs: ["password", "passwordWo"], managed: "manageMasterUserPassword: true" },
    "aws:rds/cluster:Cluster": { inputs: ["masterPassword", "masterPasswordWo"], managed: "manageMasterUserPassword: true" },
    "aws:docdb/cluster:Cluster": { inputs: ["masterPassword", "masterPasswordWo"], managed: "manageMasterUserPassword: true" },
    "aws:redshift/cluster:Cluster": { inputs: ["masterPassword", "masterPasswordWo"], managed: "manageMasterPassword: true" },
    "aws:redshiftserverless/namespace:Namespace": { inputs: ["adminUserPassword", "adminUserPasswordWo"], managed: "manageAdminPassword: true" },
    "aws:dms/endpoint:Endpoint": { inputs: ["password"], managed: "secretsManagerArn with secretsManagerAccessRoleArn" },
};

type Carrier = "environment" | "containers" | "userData" | "userDataBase64";
const DATA: { types: Record<string, Array<{ path: string; carrier: Carrier }>> } =
    JSON.parse(fs.readFileSync(path.join(__dirname, "../../data/secret-inputs.json"), "utf8"));

const SSM_PARAMETER = "aws:ssm/parameter:Parameter";

/** The values at a path (`a[].b` reads every element), each with its concrete path; an unknown step is returned as is. */
function valuesAt(props: Record<string, any>, at: string): Array<[string, unknown]> {
    let nodes: Array<[string, unknown]> = [["", props]];
    for (const step of at.split(".")) {
        const list = step.endsWith("[]");
        const key = list ? step.slice(0, -2) : step;
        nodes = nodes.flatMap(([where, node]): Array<[string, unknown]> => {
            const n = raw(node);
            if (isUnknown(n)) return [[where, n]];
            if (n === undefined || n === null || typeof n !== "object") return [];
            const next = raw((n as Record<string, unknown>)[key]);
            const here = where ? `${where}.${key}` : key;
            if (!list) return next === undefined ? [] : [[here, next]];
            if (isUnknown(next)) return [[here, next]];
            return (Array.isArray(next) ? next : []).map((x, i): [string, unknown] => [`${here}[${i}]`, x]);
        });
    }
    return nodes;
}

function scanEntry(where: string, at: string, value: unknown, carrier: Carrier): SecretScan {
    switch (carrier) {
        case "containers":
            return at === "containerDefinitions" ? scanContainerDefinitions(value, at) : scanContainerJson(value, at);
        case "userData":
        case "userDataBase64":
            return scanUserData(where, value, at, carrier === "userDataBase64");
        default:
            return Array.isArray(raw(value)) ? scanVariableList(where, value, at) : scanEnvironmentMap(where, value, at);
    }
}

function ssmParameter(p: Record<string, any>): string | undefined {
    if (String(p.type ?? "").toLowerCase() === "securestring") return undefined;
    const name = raw(p).name;
    if (typeof name === "string" && isSecretLikeName(name)) return `SSM parameter ${name} has a secret-like name but type ${p.type ?? "String"}: its value is stored and shown in plain text; use SecureString with a KMS key`;
    const value = raw(p).value ?? raw(p).insecureValue;
    if (looksLikeSecretValue(value)) return `SSM parameter of type ${p.type ?? "String"} holds a secret-looking value; use SecureString with a KMS key`;
    return undefined;
}

export const rule: ResourceRule = {
    name: "secrets-no-plaintext-secrets",
    controls: { "pci-dss-4.0": ["8.3.2", "8.6.2"], soc2: ["CC6.1"], gdpr: ["art-32"] },
    displayName: "No plaintext secrets",
    description: "No secret sits in plain text in any environment, container definition or user data of any AWS type (derived from @pulumi/aws: Lambda, ECS, Batch, CodeBuild, App Runner, Glue, SageMaker, EC2 and launch templates…), no SSM parameter of type String holds one, and databases and DMS endpoints use managed passwords, so no secret sits in code, config, state or task definitions.",
    remediation: "Move the value to Secrets Manager (or SSM SecureString) and reference it (ECS/Batch `secrets`, CodeBuild type SECRETS_MANAGER, App Runner runtimeEnvironmentSecrets) or read it at runtime; use manageMasterUserPassword: true (Redshift: manageMasterPassword) for databases.",
    severity: "critical",
    concern: "secrets",
    types: [...new Set([...Object.keys(DATA.types), ...Object.keys(MANAGED_PASSWORD), SSM_PARAMETER])],
    check: (props, args): CheckResult => {
        const out: Array<string | { notJudged: string[] }> = [];
        const unknown: string[] = [];
        const where = args.type === "aws:ecs/taskDefinition:TaskDefinition" ? "" : `${args.type.split(":").pop()} ${args.name}`;
        for (const { path: at, carrier } of DATA.types[args.type] ?? []) {
            for (const [concrete, value] of valuesAt(props, at)) {
                const scan = scanEntry(where, concrete || at, value, carrier);
                out.push(...scan.problems);
                unknown.push(...scan.unknown);
            }
        }
        const managed = MANAGED_PASSWORD[args.type];
        if (managed) {
            const set = managed.inputs.filter((input) => isSet(props, input));
            // A write-only input (`…Wo`) stays out of state, but the program or its config still holds the value.
            const lands = set.every((input) => /Wo$/.test(input)) ? "the program or its config holds it" : "it lands in state and config";
            if (set.length > 0) out.push(`password is set as an input (${set.join(", ")}; ${lands}); use ${managed.managed}`);
        }
        if (args.type === SSM_PARAMETER) {
            const problem = ssmParameter(props);
            if (problem) out.push(problem);
        }
        if (unknown.length > 0) out.push({ notJudged: unknown });
        return out;
    },
};
