import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { createHash } from "crypto";
import * as path from "path";
import { awsContext } from "../lib/aws-context";
import { childName, truncateName } from "../lib/naming";
import { DatabaseEngine, sqlDialect } from "../lib/rules/engine-versions";
import { CloudWatchRetentionDays, isCloudWatchRetention, nearestCloudWatchRetention } from "../lib/rules/retention";
import { Tags } from "../lib/tags";
import { DML_PRIVILEGES, DmlPrivilege, requestProblems, UserRequest, userStatements } from "./database-users/sql";

export { DML_PRIVILEGES, identifierProblem, MAX_BINLOG_RETENTION_HOURS, requestProblems, userStatements } from "./database-users/sql";
export type { DmlPrivilege, UserEngine, UserRequest } from "./database-users/sql";

/** The committed handler bundle (`npm run build:lambdas`); beside the compiled component in dist/lib too. */
export const HANDLER_BUNDLE = path.join(__dirname, "database-users", "handler.bundle.js");

export interface DatabaseUsersArgs {
    /** The database's engine (`postgres`, `mysql`, `aurora-mysql`): the function speaks its SQL dialect. */
    engine: DatabaseEngine;
    /** Writer endpoint address (a DB instance's address, a Multi-AZ DB cluster's cluster endpoint). */
    host: pulumi.Input<string>;
    /** Port of the database. */
    port: number;
    /** The database the privileges apply to (PostgreSQL: the one the function connects to). */
    databaseName: string;
    /** The application's IAM-authenticated user (the name its `rds-db:connect` ARN ends with; same case). */
    username: string;
    /** Privileges on every table of the database (PostgreSQL: schema public, including tables created later). Default: SELECT, INSERT, UPDATE, DELETE. */
    privileges?: DmlPrivilege[];
    /** MySQL only: `binlog retention hours` to set (1–168), e.g. 168 for the LMS guide's 7 days. */
    binlogRetentionHours?: number;
    /** The RDS-managed master user secret: the only secret the function may read. */
    masterUserSecretArn: pulumi.Input<string>;
    /** The KMS key that encrypts the master user secret (and the function's environment). */
    kmsKeyArn: pulumi.Input<string>;
    /** Something that changes when the database is replaced (its resource ID): the users are created again then. */
    databaseResourceId: pulumi.Input<string>;
    /** The database's security group: it admits the function's group on `port`. */
    databaseSecurityGroupId: pulumi.Input<string>;
    /** VPC of the database. */
    vpcId: pulumi.Input<string>;
    /** Private subnets with a route to the database and to Secrets Manager (the app subnets). */
    subnetIds: pulumi.Input<string>[];
    /**
     * Security group of the VPC's Secrets Manager interface endpoint (Network's `endpointSecurityGroupId`): the function
     * may reach HTTPS only there. Without it, HTTPS goes anywhere (through the subnets' NAT).
     */
    endpointSecurityGroupId?: pulumi.Input<string>;
    /** Customer-managed key of the function's log group (its policy must grant CloudWatch Logs). */
    logsKmsKeyArn: pulumi.Input<string>;
    /** Retention of the function's log group (a CloudWatch Logs value). */
    logRetentionDays: CloudWatchRetentionDays;
    /**
     * Concurrent executions reserved for the function (default 1: runs never race on CREATE USER). An account whose
     * concurrency quota is still the new-account 10 cannot reserve any (Lambda keeps 10 unreserved): pass 0 for none.
     */
    reservedConcurrency?: number;
    /** Tags for every resource. */
    tags: Tags;
}

/** How long the function may take: long enough to wait out a database that is still becoming reachable. */
const TIMEOUT_SECONDS = 600;

/**
 * Why these arguments cannot be used, or an empty list: the same rules the handler applies to its input (sql.ts), so a
 * bad name fails `pulumi preview`, not the invocation during `up`.
 */
export function databaseUsersProblems(args: Pick<DatabaseUsersArgs, "engine" | "port" | "databaseName" | "username" | "privileges" | "binlogRetentionHours" | "logRetentionDays" | "reservedConcurrency">): string[] {
    const problems = requestProblems(requestOf(args));
    if (!isCloudWatchRetention(args.logRetentionDays)) {
        problems.push(`logRetentionDays ${args.logRetentionDays} is not a CloudWatch Logs value; nearest allowed is ${nearestCloudWatchRetention(args.logRetentionDays)}`);
    }
    const reserved = args.reservedConcurrency;
    if (reserved !== undefined && !(Number.isInteger(reserved) && reserved >= 0 && reserved <= 10)) {
        problems.push(`reservedConcurrency must be 0 (none) to 10, received ${reserved}`);
    }
    return problems;
}

function requestOf(args: Pick<DatabaseUsersArgs, "engine" | "port" | "databaseName" | "username" | "privileges" | "binlogRetentionHours">): UserRequest {
    return {
        engine: sqlDialect(args.engine),
        port: args.port,
        database: args.databaseName,
        user: args.username,
        privileges: args.privileges ?? [...DML_PRIVILEGES],
        ...(args.binlogRetentionHours !== undefined ? { binlogRetentionHours: args.binlogRetentionHours } : {}),
    };
}

/**
 * Creates an application's IAM-authenticated database user during `pulumi up`, so no administrator runs SQL after the
 * first deployment: a Lambda function in the app subnets, with its own security group that the database admits,
 * connects over TLS as the master user (read from the RDS-managed secret, the only secret it may read), creates the
 * user if missing and grants its privileges (sql.ts). An `aws.lambda.Invocation` runs it once, and again when the
 * user, its privileges, the handler or the database itself change. Its input and result hold names only: both are
 * kept in Pulumi state.
 *
 * Ordering: pass `invocation` to whatever must not start before the user exists (the ECS service), so the first tasks
 * connect successfully and the service's alarms do not fire during bootstrap.
 */
export class DatabaseUsers extends pulumi.ComponentResource {
    /** The invocation that creates the user: depend on it. */
    public readonly invocation: aws.lambda.Invocation;
    public readonly functionName: pulumi.Output<string>;
    public readonly functionArn: pulumi.Output<string>;
    public readonly roleArn: pulumi.Output<string>;
    public readonly securityGroupId: pulumi.Output<string>;
    public readonly logGroupName: pulumi.Output<string>;
    /** The statements the function runs (names only), for review in previews and tests. */
    public readonly statements: string[];

    constructor(name: string, args: DatabaseUsersArgs, opts?: pulumi.ComponentResourceOptions) {
        // Validate before registering anything: a rejected configuration leaves nothing behind.
        const problems = databaseUsersProblems(args);
        if (problems.length > 0) {
            throw new Error(`DatabaseUsers ${name}: ${problems.join("; ")}`);
        }
        super("platform:data:DatabaseUsers", name, {}, opts);
        const parent = { parent: this };
        const request = requestOf(args);
        this.statements = userStatements(request);
        const ctx = awsContext(this);

        const sg = new aws.ec2.SecurityGroup(childName(name, "sg"), {
            vpcId: args.vpcId,
            // EC2 group descriptions take letters, digits, spaces and ._-:/()#,@[]+=&;{}!$* only (no apostrophe).
            description: `${name}: creates the application database user, reaches only the database and Secrets Manager`,
            tags: args.tags,
        }, parent);
        new aws.vpc.SecurityGroupEgressRule(childName(name, "to-db"), {
            securityGroupId: sg.id, description: "To the database", ipProtocol: "tcp",
            fromPort: args.port, toPort: args.port, referencedSecurityGroupId: args.databaseSecurityGroupId, tags: args.tags,
        }, parent);
        new aws.vpc.SecurityGroupEgressRule(childName(name, "to-secretsmanager"), {
            securityGroupId: sg.id, description: "HTTPS to Secrets Manager", ipProtocol: "tcp", fromPort: 443, toPort: 443,
            ...(args.endpointSecurityGroupId ? { referencedSecurityGroupId: args.endpointSecurityGroupId } : { cidrIpv4: "0.0.0.0/0" }),
            tags: args.tags,
        }, parent);
        // The database's group admits this function as it admits the application (lib/security-groups.ts).
        const admitted = new aws.vpc.SecurityGroupIngressRule(childName(name, "db-from-users"), {
            securityGroupId: args.databaseSecurityGroupId, description: "From the database-users function", ipProtocol: "tcp",
            fromPort: args.port, toPort: args.port, referencedSecurityGroupId: sg.id, tags: args.tags,
        }, parent);

        const logGroup = new aws.cloudwatch.LogGroup(childName(name, "logs"), {
            namePrefix: `/platform/lambda/${name}-`,
            retentionInDays: args.logRetentionDays,
            kmsKeyId: args.logsKmsKeyArn,
            tags: args.tags,
        }, parent);

        const role = new aws.iam.Role(childName(name, "role"), {
            assumeRolePolicy: ctx.accountId.apply((accountId) => JSON.stringify({
                Version: "2012-10-17",
                Statement: [{
                    Effect: "Allow",
                    Principal: { Service: "lambda.amazonaws.com" },
                    Action: "sts:AssumeRole",
                    Condition: { StringEquals: { "aws:SourceAccount": accountId } },
                }],
            })),
            description: `Creates the application user of ${name}: reads the master user secret, writes its own logs`,
            tags: args.tags,
        }, parent);
        const policy = new aws.iam.RolePolicy(childName(name, "role"), {
            role: role.id,
            policy: databaseUsersPolicy({
                secretArn: args.masterUserSecretArn, kmsKeyArn: args.kmsKeyArn, logGroupArn: logGroup.arn, region: ctx.region,
            }),
        }, parent);

        const fn = new aws.lambda.Function(childName(name, "fn"), {
            description: truncateName(`Creates ${args.username} on ${args.databaseName} (${args.engine}), IAM-authenticated`, 256, false),
            runtime: aws.lambda.Runtime.NodeJS22dX,
            architectures: ["arm64"],
            handler: "index.handler",
            code: new pulumi.asset.AssetArchive({ "index.js": new pulumi.asset.FileAsset(HANDLER_BUNDLE) }),
            role: role.arn,
            timeout: TIMEOUT_SECONDS,
            memorySize: 256,
            reservedConcurrentExecutions: args.reservedConcurrency === 0 ? undefined : (args.reservedConcurrency ?? 1),
            vpcConfig: { subnetIds: args.subnetIds, securityGroupIds: [sg.id] },
            // References only: the password is read from Secrets Manager at run time. The variable's name says what it
            // is (an ARN in Secrets Manager) without a secret-like word, which lib/rules/secrets.ts would take for a
            // plaintext secret. Encrypted with the data key all the same.
            environment: { variables: { MASTER_SECRETSMANAGER_ARN: args.masterUserSecretArn, DB_HOST: args.host } },
            kmsKeyArn: args.kmsKeyArn,
            loggingConfig: { logFormat: "JSON", logGroup: logGroup.name },
            tags: args.tags,
        }, {
            parent: this,
            // A function in a VPC is created only if its role may already create network interfaces.
            dependsOn: [policy],
        });

        // Runs on creation and again when any trigger changes (CREATE_ONLY lifecycle): the statements, the handler's
        // code, or the database (a replaced or restored database has none of the users).
        this.invocation = new aws.lambda.Invocation(childName(name, "invoke"), {
            functionName: fn.name,
            input: JSON.stringify(request),
            triggers: {
                statements: createHash("sha256").update(JSON.stringify(this.statements)).digest("hex"),
                code: fn.codeSha256,
                database: args.databaseResourceId,
            },
        }, {
            parent: this,
            // The database's group must admit the function, and the role must be able to read the secret, first.
            dependsOn: [admitted, policy],
        });

        this.functionName = fn.name;
        this.functionArn = fn.arn;
        this.roleArn = role.arn;
        this.securityGroupId = sg.id;
        this.logGroupName = logGroup.name;
        this.registerOutputs({
            functionName: this.functionName,
            securityGroupId: this.securityGroupId,
            logGroupName: this.logGroupName,
        });
    }
}

/**
 * The function role's only permissions: read the master user secret (and decrypt it, only through Secrets Manager),
 * write its own log group, and manage the network interfaces Lambda needs in a VPC (these EC2 actions take no
 * resource-level permissions; the list is the one of AWS's AWSLambdaVPCAccessExecutionRole, without its logs:* on *).
 */
export function databaseUsersPolicy(access: {
    secretArn: pulumi.Input<string>;
    kmsKeyArn: pulumi.Input<string>;
    logGroupArn: pulumi.Input<string>;
    region: pulumi.Input<string>;
}): pulumi.Output<string> {
    return pulumi.all([access.secretArn, access.kmsKeyArn, access.logGroupArn, access.region]).apply(([secretArn, keyArn, logGroupArn, region]) => JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            { Sid: "ReadMasterSecret", Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [secretArn] },
            {
                Sid: "DecryptMasterSecretThroughSecretsManager",
                Effect: "Allow",
                Action: ["kms:Decrypt"],
                Resource: [keyArn],
                Condition: { StringEquals: { "kms:ViaService": `secretsmanager.${region}.amazonaws.com` } },
            },
            { Sid: "WriteOwnLogs", Effect: "Allow", Action: ["logs:CreateLogStream", "logs:PutLogEvents"], Resource: [`${logGroupArn}:*`] },
            {
                Sid: "VpcNetworkInterfaces",
                Effect: "Allow",
                Action: ["ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"],
                Resource: "*",
            },
        ],
    }));
}
