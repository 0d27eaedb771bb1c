import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "./naming";
import { Tags } from "./tags";

export interface ClientOnlySecurityGroupArgs {
    vpcId: pulumi.Input<string>;
    /** The one port the data service listens on. */
    port: number;
    /** The only group allowed in (the application's tasks). */
    clientSecurityGroupId: pulumi.Input<string>;
    /** What the group protects, for descriptions (e.g. `Redis production-mita-api-cache`). */
    service: string;
    /** Suffix of the client-side egress rule's logical name (e.g. `app-to-db`). */
    egressRuleName: string;
    tags: Tags;
}

/**
 * The last link of the security-group chain, shared by the database and cache: a group that admits only the client
 * group on one port and has no egress of its own, plus the matching egress rule on the client group, so the
 * application's egress is exactly its data stores (LMS guide's security-group table).
 */
export function clientOnlySecurityGroup(name: string, args: ClientOnlySecurityGroupArgs, parent: pulumi.Resource): aws.ec2.SecurityGroup {
    const opts = { parent };
    const sg = new aws.ec2.SecurityGroup(childName(name, "sg"), {
        vpcId: args.vpcId,
        description: `${args.service}: port ${args.port} from the application only`,
        tags: args.tags,
    }, opts);
    new aws.vpc.SecurityGroupIngressRule(childName(name, "from-app"), {
        securityGroupId: sg.id, description: "From the application tasks", ipProtocol: "tcp",
        fromPort: args.port, toPort: args.port, referencedSecurityGroupId: args.clientSecurityGroupId, tags: args.tags,
    }, opts);
    new aws.vpc.SecurityGroupEgressRule(childName(name, args.egressRuleName), {
        securityGroupId: args.clientSecurityGroupId, description: `To ${args.service}`, ipProtocol: "tcp",
        fromPort: args.port, toPort: args.port, referencedSecurityGroupId: sg.id, tags: args.tags,
    }, opts);
    return sg;
}
