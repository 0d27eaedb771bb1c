import * as assert from "assert";
import { FargateService, FargateServiceArgs } from "../../components/fargate-service";
import { installMocks, onlyOne, RecordedResource, settle, TEST_TAGS } from "../support/mocks";

/** The FargateService component under mocks: task, container, service, roles and autoscaling, from its arguments. */
describe("FargateService component", () => {
    const tags = TEST_TAGS;
    const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf";
    const args = (extra: Partial<FargateServiceArgs> = {}): FargateServiceArgs => ({
        vpcId: "vpc-1",
        subnetIds: ["subnet-app-a", "subnet-app-b"],
        securityGroupIds: ["sg-app"],
        image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:1.2.3",
        containerPort: 3001,
        cpu: 1024,
        memory: 3072,
        desiredCount: 3,
        minCount: 2,
        maxCount: 6,
        targetCpuPercent: 65,
        targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop/1",
        environment: { NODE_ENV: "production", PORT: "3001" },
        secrets: { DATABASE_USER: `${SECRET}:username::`, DATABASE_PASSWORD: `${SECRET}:password::`, JWT: "arn:aws:secretsmanager:us-east-1:123456789012:secret:jwt-XyZ123" },
        secretKmsKeyArns: ["arn:aws:kms:us-east-1:123456789012:key/data"],
        logGroup: { name: "/platform/shop/application", arn: "arn:aws:logs:us-east-1:123456789012:log-group:/platform/shop/application" },
        taskRoleStatements: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::shop-data/*"] }],
        tags,
        ...extra,
    });
    let recorded: RecordedResource[];
    const one = (type: string, name: string) => onlyOne(recorded, type, name);

    before(async () => {
        recorded = installMocks({ stack: "fargate" });
        new FargateService("shop", args());
        new FargateService("lean", args({
            secrets: undefined, secretKmsKeyArns: undefined, taskRoleStatements: undefined, logGroup: undefined,
            logRetentionDays: 30, logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/logs",
            capacityProviderStrategy: [{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }],
            scaleOutCooldownSeconds: 120, scaleInCooldownSeconds: 600, cpuArchitecture: "ARM64",
        }));
        await settle();
    });

    it("defines a Fargate task of the given size with separate execution and task roles", () => {
        const task = one("aws:ecs/taskDefinition:TaskDefinition", "shop");
        assert.deepStrictEqual(
            [task.inputs.cpu, task.inputs.memory, task.inputs.requiresCompatibilities, task.inputs.networkMode, task.inputs.runtimePlatform],
            ["1024", "3072", ["FARGATE"], "awsvpc", { operatingSystemFamily: "LINUX", cpuArchitecture: "X86_64" }],
        );
        assert.ok(task.inputs.executionRoleArn && task.inputs.taskRoleArn && task.inputs.executionRoleArn !== task.inputs.taskRoleArn);
        assert.strictEqual(one("aws:ecs/taskDefinition:TaskDefinition", "lean").inputs.runtimePlatform.cpuArchitecture, "ARM64");
    });

    it("runs one read-only container: plain environment as given, secrets by reference, logs to the given group", () => {
        const [container, ...others] = JSON.parse(one("aws:ecs/taskDefinition:TaskDefinition", "shop").inputs.containerDefinitions);
        assert.deepStrictEqual(others, []);
        assert.deepStrictEqual([container.name, container.image, container.essential, container.readonlyRootFilesystem],
            ["app", "123456789012.dkr.ecr.us-east-1.amazonaws.com/shop:1.2.3", true, true]);
        assert.deepStrictEqual(container.portMappings, [{ containerPort: 3001, protocol: "tcp" }]);
        assert.deepStrictEqual(container.environment, [{ name: "NODE_ENV", value: "production" }, { name: "PORT", value: "3001" }]);
        assert.deepStrictEqual(container.secrets.map((s: any) => s.name), ["DATABASE_USER", "DATABASE_PASSWORD", "JWT"]);
        assert.strictEqual(container.secrets[1].valueFrom, `${SECRET}:password::`);
        assert.deepStrictEqual(container.logConfiguration, {
            logDriver: "awslogs",
            options: { "awslogs-group": "/platform/shop/application", "awslogs-region": "us-east-1", "awslogs-stream-prefix": "app" },
        });
        assert.strictEqual(recorded.filter((r) => r.type === "aws:cloudwatch/logGroup:LogGroup" && r.name.startsWith("shop")).length, 0, "uses the given group");
    });

    it("lets the execution role read exactly the referenced secrets (JSON keys stripped, once each) with the given keys", () => {
        const trust = JSON.parse(one("aws:iam/role:Role", "shop-execution").inputs.assumeRolePolicy);
        assert.deepStrictEqual(trust.Statement, [{ Effect: "Allow", Principal: { Service: "ecs-tasks.amazonaws.com" }, Action: "sts:AssumeRole" }]);
        assert.strictEqual(one("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "shop-execution").inputs.policyArn, "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy");
        const policy = JSON.parse(one("aws:iam/rolePolicy:RolePolicy", "shop-execution-secrets").inputs.policy);
        assert.deepStrictEqual(policy.Statement, [
            { Effect: "Allow", Action: ["secretsmanager:GetSecretValue"], Resource: [SECRET, "arn:aws:secretsmanager:us-east-1:123456789012:secret:jwt-XyZ123"] },
            { Effect: "Allow", Action: ["kms:Decrypt"], Resource: ["arn:aws:kms:us-east-1:123456789012:key/data"] },
        ]);
        assert.ok(!recorded.some((r) => r.name === "lean-execution-secrets"), "no secrets, no secrets policy");
    });

    it("gives the task role only the application's statements", () => {
        const policy = JSON.parse(one("aws:iam/rolePolicy:RolePolicy", "shop-task").inputs.policy);
        assert.deepStrictEqual(policy, { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: ["s3:GetObject"], Resource: ["arn:aws:s3:::shop-data/*"] }] });
        assert.ok(!recorded.some((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === "lean-task"));
        assert.ok(!recorded.some((r) => r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment" && r.name.endsWith("-task")));
    });

    it("runs the service privately with a rolling, self-reverting deployment; autoscaling owns the count", () => {
        const service = one("aws:ecs/service:Service", "shop");
        assert.deepStrictEqual(service.inputs.networkConfiguration, { subnets: ["subnet-app-a", "subnet-app-b"], securityGroups: ["sg-app"], assignPublicIp: false });
        assert.deepStrictEqual(service.inputs.loadBalancers, [{ targetGroupArn: "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/shop/1", containerName: "app", containerPort: 3001 }]);
        assert.deepStrictEqual(service.inputs.deploymentCircuitBreaker, { enable: true, rollback: true });
        assert.deepStrictEqual([service.inputs.deploymentMinimumHealthyPercent, service.inputs.deploymentMaximumPercent, service.inputs.desiredCount], [100, 200, 3]);
        assert.deepStrictEqual(service.options.ignoreChanges, ["desiredCount"]);
        assert.ok(service.options.dependencies.some((urn) => urn.endsWith("aws:iam/role:Role::shop-execution")));
        // Default: all on-demand, the autoscaling floor as base.
        assert.deepStrictEqual(service.inputs.capacityProviderStrategies, [{ capacityProvider: "FARGATE", base: 2, weight: 1 }]);
        assert.deepStrictEqual(one("aws:ecs/service:Service", "lean").inputs.capacityProviderStrategies,
            [{ capacityProvider: "FARGATE", base: 1, weight: 1 }, { capacityProvider: "FARGATE_SPOT", weight: 3 }]);
    });

    it("scales between minCount and maxCount on CPU with the seeds' cooldowns, or the given ones", () => {
        const target = one("aws:appautoscaling/target:Target", "shop");
        assert.deepStrictEqual([target.inputs.minCapacity, target.inputs.maxCapacity, target.inputs.scalableDimension], [2, 6, "ecs:service:DesiredCount"]);
        const tracking = (name: string) => one("aws:appautoscaling/policy:Policy", name).inputs.targetTrackingScalingPolicyConfiguration;
        assert.deepStrictEqual(tracking("shop-cpu"), {
            predefinedMetricSpecification: { predefinedMetricType: "ECSServiceAverageCPUUtilization" }, targetValue: 65, scaleOutCooldown: 300, scaleInCooldown: 900,
        });
        assert.deepStrictEqual([tracking("lean-cpu").scaleOutCooldown, tracking("lean-cpu").scaleInCooldown], [120, 600]);
    });

    it("creates an encrypted log group when none is given", () => {
        const group = one("aws:cloudwatch/logGroup:LogGroup", "lean-logs");
        assert.deepStrictEqual([group.inputs.namePrefix, group.inputs.retentionInDays, group.inputs.kmsKeyId], ["/platform/ecs/lean-", 30, "arn:aws:kms:us-east-1:123456789012:key/logs"]);
    });

    it("turns on Container Insights on its cluster with FARGATE and FARGATE_SPOT", () => {
        assert.deepStrictEqual(one("aws:ecs/cluster:Cluster", "shop").inputs.settings, [{ name: "containerInsights", value: "enhanced" }]);
        assert.deepStrictEqual(one("aws:ecs/clusterCapacityProviders:ClusterCapacityProviders", "shop").inputs.capacityProviders, ["FARGATE", "FARGATE_SPOT"]);
    });

    describe("configuration errors register nothing", () => {
        for (const [label, extra, message] of [
            ["a size Fargate does not run", { memory: 1024 }, /cpu 1024 with memory 1024 is not a Fargate size; memory allowed with cpu 1024: 2048, 3072, .*8192/],
            ["a CPU Fargate does not offer", { cpu: 3000 }, /memory allowed with cpu 3000: none \(cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384\)/],
            ["inverted bounds", { desiredCount: 1 }, /need minCount \(2\) <= desiredCount \(1\) <= maxCount \(6\)/],
            ["a secret in the plain environment", { environment: { API_TOKEN: "x" } }, /API_TOKEN look like secrets/],
            // The shared rule (lib/rules/secrets.ts) catches short forms the component's old pattern let through.
            ["a short-form secret name", { environment: { DB_PASS: "x", STRIPE_SK: "y", NODE_ENV: "production" } }, /variable\(s\) DB_PASS, STRIPE_SK look like secrets/],
            ["no log group and no way to create one", { logGroup: undefined }, /give logGroup, or logRetentionDays and logsKmsKeyArn/],
        ] as Array<[string, Partial<FargateServiceArgs>, RegExp]>) {
            it(label, async () => {
                const errors = installMocks({ stack: "fargate-errors" });
                assert.throws(() => new FargateService("bad", args(extra)), (e: Error) => e.message.startsWith("FargateService bad: ") && message.test(e.message));
                await settle();
                assert.deepStrictEqual(errors, []);
            });
        }
    });
});
