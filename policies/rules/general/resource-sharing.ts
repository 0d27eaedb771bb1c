import * as fs from "fs";
import * as path from "path";
import { CheckResult, isSet, raw, ResourceRule } from "../../framework";
import { ACCESS } from "../../controls";

/**
 * Sharing by other means than a policy document: every `*Permission` type of @pulumi/aws that names who may use a
 * resource (policies/data/access-inputs.json, `sharing`). Public: an AMI launch permission for group `all`, a snapshot
 * volume permission for `all`, a Lambda, layer, EventBridge bus, signing profile or Private CA permission for principal
 * `*` without a source, account or organization condition. Confused deputy: a Lambda or Private CA permission for an
 * AWS service principal without sourceArn or sourceAccount lets that service act for any account's resources.
 */
const DATA: { types: Record<string, { sharing?: string[] }> } = JSON.parse(fs.readFileSync(path.join(__dirname, "../../data/access-inputs.json"), "utf8"));

const str = (v: unknown) => (typeof v === "string" ? v : "");

export const rule: ResourceRule = {
    name: "general-resource-sharing",
    displayName: "Resources are not shared with everyone",
    description: "No AMI or snapshot is shared with all accounts, no Lambda function or layer, EventBridge bus, signing profile or Private CA permission is granted to principal * without a source, account or organization condition, and no AWS service principal gets a Lambda or Private CA permission without sourceArn or sourceAccount (confused deputy). Every `*Permission` type of @pulumi/aws that shares a resource is judged.",
    remediation: "Share with named accounts or the organization (organizationArn, principalOrgId, organizationId); give service principals sourceArn (the calling resource) and sourceAccount.",
    severity: "critical",
    controls: ACCESS,
    concern: ["access", "public-exposure"],
    types: Object.keys(DATA.types).filter((t) => DATA.types[t].sharing),
    check: (props, args): CheckResult => {
        const p = raw(props);
        const principal = str(p.principal);
        const scoped = ["sourceArn", "sourceAccount", "principalOrgId", "organizationId", "condition"].some((k) => isSet(props, k));
        switch (args.type) {
            case "aws:ec2/amiLaunchPermission:AmiLaunchPermission":
                return str(props.group).toLowerCase() === "all" ? "launch permission group \"all\": the AMI is public (any AWS account can launch it and read its snapshots)" : undefined;
            case "aws:ec2/snapshotCreateVolumePermission:SnapshotCreateVolumePermission":
                return str(props.accountId).toLowerCase() === "all" ? "create-volume permission for \"all\": the snapshot is public" : undefined;
            default: {
                if (principal === "" && !isSet(props, "principal")) return undefined;
                // Reading principal through the proxy raises "not judged" when it is unknown.
                const who = String(props.principal);
                if (who === "*" && !scoped) return `${args.type.split(":").pop()} grants principal "*" (every AWS account${args.type.startsWith("aws:lambda/permission") ? " and, for function URLs, the internet" : ""}) with no sourceArn, sourceAccount or organization condition`;
                if (/\.amazonaws\.com(\.cn)?$/.test(who) && /^aws:(lambda\/permission|acmpca\/permission):/.test(args.type) && !isSet(props, "sourceArn") && !isSet(props, "sourceAccount")) {
                    return `permission for the service principal ${who} has no sourceArn or sourceAccount: that service can invoke it on behalf of any account's resources (confused deputy)`;
                }
                return undefined;
            }
        }
    },
};
