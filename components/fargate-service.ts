import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../lib/naming";
import { FARGATE_CPU_VALUES, isValidFargateSize, validFargateMemory } from "../lib/rules/fargate";
import { CloudWatchRetentionDays } from "../lib/rules/retention";
import { isSecretLikeName } from "../lib/rules/secrets";
import { Tags } from "../lib/tags";
import { DEFAULT_WRITABLE_PATHS } from "../lib/defaults";

export { FARGATE_CPU_VALUES, isValidFargateSize, validFargateMemory } from "../lib/rules/fargate";

export interface FargateServiceArgs {
    /** VPC of the service. */
    vpcId: pulumi.Input<string>;
    /** Private app subnets the tasks run in (no public IPs). */
    subnetIds: pulumi.Input<string>[];
    /** Security groups of the tasks (the app group from the Edge component). */
    securityGroupIds: pulumi.Input<string>[];
    /** Container image, ideally by digest or immutable tag. */
    image: pulumi.Input<string>;
    /** Port the container listens on. */
    containerPort: number;
    /** Task CPU units (a Fargate size). */
    cpu: number;
    /** Task memory in MiB (valid with `cpu`). */
    memory: number;
    /** Tasks at creation; afterwards autoscaling owns the count. */
    desiredCount: number;
    /** Autoscaling floor. */
    minCount: number;
    /** Autoscaling ceiling. */
    maxCount: number;
    /** Average service CPU % that target tracking holds. */
    targetCpuPercent: number;
    /** Cooldown after scaling out, seconds (seed: 300). */
    scaleOutCooldownSeconds?: number;
    /** Cooldown after scaling in, seconds (seed: 900). */
    scaleInCooldownSeconds?: number;
    /** Seconds the scheduler ignores failing load-balancer health checks after a task starts. */
    healthCheckGracePeriodSeconds?: number;
    /** Target group the service registers its tasks in. */
    targetGroupArn: pulumi.Input<string>;
    /** Plain (non-secret) environment variables. Secret-looking names are rejected. */
    environment?: Record<string, pulumi.Input<string>>;
    /** Env var → Secrets Manager ARN (optionally `arn:jsonKey::`), injected by ECS at start. */
    secrets?: Record<string, pulumi.Input<string>>;
    /** KMS keys the execution role may decrypt the secrets with. */
    secretKmsKeyArns?: pulumi.Input<string>[];
    /** Existing KMS-encrypted log group for the container's logs; otherwise one is created. */
    logGroup?: { name: pulumi.Input<string>; arn: pulumi.Input<string> };
    /** Retention of the created log group (when `logGroup` is not given). */
    logRetentionDays?: CloudWatchRetentionDays;
    /** KMS key of the created log group (when `logGroup` is not given). */
    logsKmsKeyArn?: pulumi.Input<string>;
    /** Capacity provider mix; default all on-demand FARGATE. */
    capacityProviderStrategy?: Array<{ capacityProvider: "FARGATE" | "FARGATE_SPOT"; base?: number; weight: number }>;
    /** IAM statements the application itself needs (its buckets, keys). Nothing else is granted. */
    taskRoleStatements?: pulumi.Input<object[]>;
    /** Container root filesystem read-only (default true). */
    readonlyRootFilesystem?: boolean;
    /**
     * Directories the application writes to (logs, temp files). Each gets a task-local scratch volume (Fargate
     * ephemeral storage) mounted read-write, so the root filesystem can stay read-only. Default: `/tmp`.
     */
    writablePaths?: string[];
    /**
     * What the service must wait for besides the cluster's capacity providers: the listener that forwards to its
     * target group (ECS refuses a target group that no load balancer uses yet).
     */
    dependsOn?: pulumi.Resource[];
    /** CPU architecture of the image. */
    cpuArchitecture?: "X86_64" | "ARM64";
    /** Tags for every resource (and propagated to tasks). */
    tags: Tags;
}

/**
 * An ECS Fargate service behind a target group: its own cluster (Container Insights, FARGATE and FARGATE_SPOT),
 * a task definition that logs to a KMS-encrypted group and takes secrets from Secrets Manager, least-privilege roles,
 * a service in private subnets with the deployment circuit breaker, and CPU target-tracking autoscaling.
 */
export class FargateService extends pulumi.ComponentResource {
    public readonly clusterName: pulumi.Output<string>;
    public readonly clusterArn: pulumi.Output<string>;
    public readonly serviceName: pulumi.Output<string>;
    public readonly serviceArn: pulumi.Output<string>;
    public readonly taskDefinitionArn: pulumi.Output<string>;
    public readonly taskRoleArn: pulumi.Output<string>;
    public readonly executionRoleArn: pulumi.Output<string>;
    public readonly logGroupName: pulumi.Output<string>;

    constructor(name: string, args: FargateServiceArgs, opts?: pulumi.ComponentResourceOptions) {
        if (!isValidFargateSize(args.cpu, args.memory)) {
            throw new Error(`FargateService ${name}: cpu ${args.cpu} with memory ${args.memory} is not a Fargate size; memory allowed with cpu ${args.cpu}: ${validFargateMemory(args.cpu).join(", ") || "none (cpu must be one of " + FARGATE_CPU_VALUES.join(", ") + ")"}`);
        }
        if (!(args.minCount <= args.desiredCount && args.desiredCount <= args.maxCount)) {
            throw new Error(`FargateService ${name}: need minCount (${args.minCount}) <= desiredCount (${args.desiredCount}) <= maxCount (${args.maxCount})`);
        }
        const leaked = Object.keys(args.environment ?? {}).filter((k) => isSecretLikeName(k));
        if (leaked.length > 0) {
            throw new Error(`FargateService ${name}: environment variable(s) ${leaked.join(", ")} look like secrets; pass them in \`secrets\` (Secrets Manager ARNs), never as plain values`);
        }
        const badPaths = (args.writablePaths ?? []).filter((p) => !/^\/[A-Za-z0-9._/-]+$/.test(p) || p.split("/").includes(".."));
        if (badPaths.length > 0 || new Set(args.writablePaths ?? []).size !== (args.writablePaths ?? []).length) {
            throw new Error(`FargateService ${name}: writablePaths must be distinct absolute paths; got ${JSON.stringify(args.writablePaths)}`);
        }
        if (!args.logGroup && (!args.logRetentionDays || !args.logsKmsKeyArn)) {
            throw new Error(`FargateService ${name}: give logGroup, or logRetentionDays and logsKmsKeyArn for a new one`);
        }
        // Everything above only validates: a rejected input registers nothing.
        super("platform:compute:FargateService", name, {}, opts);
        const parent = { parent: this };

        const cluster = new aws.ecs.Cluster(name, {
            settings: [{ name: "containerInsights", value: "enhanced" }],
            tags: args.tags,
        }, parent);
        const capacityProviders = new aws.ecs.ClusterCapacityProviders(name, {
            clusterName: cluster.name,
            capacityProviders: ["FARGATE", "FARGATE_SPOT"],
        }, parent);

        let logGroup = args.logGroup;
        if (!logGroup) {
            const created = new aws.cloudwatch.LogGroup(childName(name, "logs"), {
                namePrefix: `/platform/ecs/${name}-`,
                retentionInDays: args.logRetentionDays,
                kmsKeyId: args.logsKmsKeyArn,
                tags: args.tags,
            }, parent);
            logGroup = { name: created.name, arn: created.arn };
        }

        const assumeByTasks = JSON.stringify({
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }],
        });
        const executionRole = new aws.iam.Role(childName(name, "execution"), {
            assumeRolePolicy: assumeByTasks,
            description: `Pulls the image, writes logs and reads the secrets of ${name}`,
            tags: args.tags,
        }, parent);
        new aws.iam.RolePolicyAttachment(childName(name, "execution"), {
            role: executionRole.name,
            policyArn: aws.iam.ManagedPolicy.AmazonECSTaskExecutionRolePolicy,
        }, parent);
        const secretArns = Object.values(args.secrets ?? {});
        if (secretArns.length > 0) {
            new aws.iam.RolePolicy(childName(name, "execution-secrets"), {
                role: executionRole.id,
                policy: pulumi.all([pulumi.all(secretArns), pulumi.all(args.secretKmsKeyArns ?? [])]).apply(([arns, keys]) => JSON.stringify({
                    Version: "2012-10-17",
                    Statement: [
                        // `arn:...:secret:name:jsonKey::` references name the secret by its ARN prefix.
                        { Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [...new Set(arns.map(secretArnOf))] },
                        ...(keys.length > 0 ? [{ Effect: "Allow", Action: ["kms:Decrypt"], Resource: keys }] : []),
                    ],
                })),
            }, parent);
        }

        const taskRole = new aws.iam.Role(childName(name, "task"), {
            assumeRolePolicy: assumeByTasks,
            description: `Application role of ${name}: only what the application itself needs`,
            tags: args.tags,
        }, parent);
        if (args.taskRoleStatements) {
            new aws.iam.RolePolicy(childName(name, "task"), {
                role: taskRole.id,
                policy: pulumi.output(args.taskRoleStatements).apply((statements) => JSON.stringify({ Version: "2012-10-17", Statement: statements })),
            }, parent);
        }

        const region = aws.getRegionOutput({}, parent).region;
        const containerName = "app";
        const writablePaths = args.writablePaths ?? DEFAULT_WRITABLE_PATHS;
        const scratchVolumes = writablePaths.map((containerPath, i) => ({ name: `scratch-${i + 1}`, containerPath }));
        const containerDefinitions = pulumi
            .all([args.image, logGroup.name, region, pulumi.output(args.environment ?? {}), pulumi.output(args.secrets ?? {})])
            .apply(([image, logGroupName, regionName, environment, secrets]) => JSON.stringify([{
                name: containerName,
                image,
                essential: true,
                readonlyRootFilesystem: args.readonlyRootFilesystem ?? true,
                mountPoints: scratchVolumes.map((v) => ({ sourceVolume: v.name, containerPath: v.containerPath, readOnly: false })),
                portMappings: [{ containerPort: args.containerPort, protocol: "tcp" }],
                environment: Object.entries(environment).map(([key, value]) => ({ name: key, value })),
                secrets: Object.entries(secrets).map(([key, valueFrom]) => ({ name: key, valueFrom })),
                logConfiguration: {
                    logDriver: "awslogs",
                    options: { "awslogs-group": logGroupName, "awslogs-region": regionName, "awslogs-stream-prefix": containerName },
                },
            }]));
        const taskDefinition = new aws.ecs.TaskDefinition(name, {
            family: name,
            requiresCompatibilities: ["FARGATE"],
            networkMode: "awsvpc",
            cpu: String(args.cpu),
            memory: String(args.memory),
            runtimePlatform: { operatingSystemFamily: "LINUX", cpuArchitecture: args.cpuArchitecture ?? "X86_64" },
            executionRoleArn: executionRole.arn,
            taskRoleArn: taskRole.arn,
            containerDefinitions,
            // Without a host path, a Fargate volume is scratch space on the task's ephemeral storage.
            volumes: scratchVolumes.map((v) => ({ name: v.name })),
            tags: args.tags,
        }, parent);

        const service = new aws.ecs.Service(name, {
            cluster: cluster.arn,
            taskDefinition: taskDefinition.arn,
            desiredCount: args.desiredCount,
            capacityProviderStrategies: (args.capacityProviderStrategy ?? [{ capacityProvider: "FARGATE", base: args.minCount, weight: 1 }])
                .map((s) => ({ capacityProvider: s.capacityProvider, base: s.base, weight: s.weight })),
            networkConfiguration: { subnets: args.subnetIds, securityGroups: args.securityGroupIds, assignPublicIp: false },
            loadBalancers: [{ targetGroupArn: args.targetGroupArn, containerName, containerPort: args.containerPort }],
            deploymentCircuitBreaker: { enable: true, rollback: true },
            deploymentMinimumHealthyPercent: 100,
            deploymentMaximumPercent: 200,
            healthCheckGracePeriodSeconds: args.healthCheckGracePeriodSeconds ?? 60,
            enableEcsManagedTags: true,
            propagateTags: "SERVICE",
            waitForSteadyState: false,
            tags: args.tags,
        }, {
            parent: this,
            // A capacity-provider strategy needs the providers attached to the cluster first; the target group needs
            // its listener. Neither is an input of the service, so the order is explicit.
            dependsOn: [executionRole, capacityProviders, ...(args.dependsOn ?? [])],
            // Autoscaling owns the task count after creation; re-applying desiredCount would fight it (terraform-aws-ecs #346).
            ignoreChanges: ["desiredCount"],
        });

        const scalingTarget = new aws.appautoscaling.Target(name, {
            serviceNamespace: "ecs",
            scalableDimension: "ecs:service:DesiredCount",
            resourceId: pulumi.interpolate`service/${cluster.name}/${service.name}`,
            minCapacity: args.minCount,
            maxCapacity: args.maxCount,
            tags: args.tags,
        }, parent);
        new aws.appautoscaling.Policy(childName(name, "cpu"), {
            policyType: "TargetTrackingScaling",
            serviceNamespace: scalingTarget.serviceNamespace,
            scalableDimension: scalingTarget.scalableDimension,
            resourceId: scalingTarget.resourceId,
            targetTrackingScalingPolicyConfiguration: {
                predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" },
                targetValue: args.targetCpuPercent,
                scaleOutCooldown: args.scaleOutCooldownSeconds ?? 300,
                scaleInCooldown: args.scaleInCooldownSeconds ?? 900,
            },
        }, parent);

        this.clusterName = cluster.name;
        this.clusterArn = cluster.arn;
        this.serviceName = service.name;
        this.serviceArn = service.id;
        this.taskDefinitionArn = taskDefinition.arn;
        this.taskRoleArn = taskRole.arn;
        this.executionRoleArn = executionRole.arn;
        this.logGroupName = pulumi.output(logGroup.name);
        this.registerOutputs({
            clusterName: this.clusterName,
            serviceName: this.serviceName,
            taskDefinitionArn: this.taskDefinitionArn,
            logGroupName: this.logGroupName,
        });
    }
}

/** `arn:aws:secretsmanager:r:a:secret:name-AbCdEf:jsonKey::` → `arn:aws:secretsmanager:r:a:secret:name-AbCdEf`. */
function secretArnOf(reference: string): string {
    return reference.split(":").slice(0, 7).join(":");
}
