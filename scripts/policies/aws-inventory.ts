import * as fs from "fs";
import * as path from "path";

/**
 * The @pulumi/aws resource types and the input properties of each, read from the package's own files: the type token
 * from each class's `__pulumiType`, the inputs from its `<Class>Args` interface in the matching `.d.ts`.
 */
export interface AwsResourceType {
    token: string;
    /** Top-level input property names. */
    inputs: string[];
    /** Each input's TypeScript type text and its doc comment (whitespace collapsed), by name. */
    details: Record<string, { type: string; doc: string }>;
}

export function awsPackageDir(): string {
    return path.dirname(require.resolve("@pulumi/aws/package.json"));
}

const cache = new Map<string, AwsResourceType[]>();

export function awsResourceTypes(root: string = awsPackageDir()): AwsResourceType[] {
    const cached = cache.get(root);
    if (cached) return cached;
    const out: AwsResourceType[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== "node_modules" && entry.name !== "types") walk(full);
                continue;
            }
            if (!entry.name.endsWith(".js")) continue;
            const js = fs.readFileSync(full, "utf8");
            const token = /static __pulumiType = '([^']+)'/.exec(js)?.[1];
            const className = /class (\w+) extends pulumi\.CustomResource/.exec(js)?.[1];
            if (!token || !className) continue;
            const dts = fs.readFileSync(full.replace(/\.js$/, ".d.ts"), "utf8");
            const start = dts.indexOf(`export interface ${className}Args {`);
            if (start < 0) {
                out.push({ token, inputs: [], details: {} });
                continue;
            }
            const end = dts.indexOf("\n}", start);
            const body = dts.slice(start, end);
            const inputs = [...body.matchAll(/^ {4}(?:readonly )?"?([A-Za-z0-9_]+)"?\??:/gm)].map((m) => m[1]);
            const details: AwsResourceType["details"] = {};
            for (const m of body.matchAll(/(?:\/\*\*((?:(?!\*\/)[\s\S])*)\*\/\s*\n)? {4}(?:readonly )?"?([A-Za-z0-9_]+)"?\??: ([^\n]*);/g)) {
                details[m[2]] = { type: m[3], doc: (m[1] ?? "").replace(/\s*\*\s*/g, " ").replace(/\s+/g, " ").trim() };
            }
            out.push({ token, inputs, details });
        }
    };
    walk(root);
    cache.set(root, out.sort((a, b) => a.token.localeCompare(b.token)));
    return out;
}

/**
 * Setting families the coverage number counts, matched on input property names. `retention` (the framework's concern
 * name) is backup retention: how long automated backups, snapshots and their cross-region copies are kept, and
 * whether continuous backups (point-in-time recovery) are on.
 */
export const SETTING_FAMILIES: Record<"encryption-at-rest" | "public-exposure" | "tls" | "retention", RegExp> = {
    "encryption-at-rest": /^(kms\w*|\w*KmsKey\w*|encrypted|storageEncrypted|\w*[Ee]ncryptionAtRest\w*|atRestEncryption\w*|serverSideEncryption\w*|sseSpecification|sse\w*|encryptionConfig\w*|encryptionConfiguration|encryptionKey\w*|encryptionInfo|encryptionType|encryptAtRest|cmkArn)$/,
    "public-exposure": /^(publiclyAccessible|associatePublicIpAddress|mapPublicIpOnLaunch|assignPublicIp|cidrBlocks|ipv6CidrBlocks|cidrIpv4|cidrIpv6|acl|blockPublic\w*|restrictPublicBuckets|ignorePublicAcls|authorizationType|publicAccess\w*|internal|principal|authType|publicAccessBlockConfiguration|ingress|ruleAction|directInternetAccess|appNetworkAccessType|remoteAccess|blockPublicSecurityGroupRules)$/,
    "tls": /^(sslPolicy|sslMode|\w*[Tt]ls\w*|transitEncryption\w*|inTransit\w*|nodeToNodeEncryption|domainEndpointOptions|enforceHttps|minimumProtocolVersion|viewerCertificate|securityPolicy|requireSsl|sslEnforcement\w*|encryptionInTransit\w*|listeners)$/,
    "retention": /^(backupRetention\w*|snapshotRetentionLimit|automaticBackupRetentionDays|automatedSnapshotRetentionPeriod|manualSnapshotRetentionPeriod|retentionPeriod|pointInTimeRecovery)$/,
};

export function families(type: AwsResourceType): string[] {
    return Object.entries(SETTING_FAMILIES).filter(([, re]) => type.inputs.some((i) => re.test(i))).map(([name]) => name);
}
