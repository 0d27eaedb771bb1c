import * as assert from "assert";
import * as pulumi from "@pulumi/pulumi";
import { Cache, CacheArgs, REDIS_IAM_AUTH_DOC, validateCacheTopology } from "../../components/cache";
import { installMocks, ofType, onlyOne, RecordedResource, settle, TEST_TAGS, valueOf } from "../support/mocks";

const tags = { owner: "data", "cost-center": "cc-1", "data-classification": "confidential", environment: "test" };
const KEY = "arn:aws:kms:us-east-1:123456789012:key/cache-key";
const LOGS_KEY = "arn:aws:kms:us-east-1:123456789012:key/logs-key";
const CLIENT_SG = "sg-client";

const args: CacheArgs = {
    nodeType: "cache.r7g.large",
    numCacheClusters: 3,
    vpcId: "vpc-1",
    subnetIds: ["subnet-iso-a", "subnet-iso-b", "subnet-iso-c"],
    clientSecurityGroupId: CLIENT_SG,
    kmsKeyArn: KEY,
    slowLogRetentionDays: 30,
    logsKmsKeyArn: LOGS_KEY,
    protect: true,
    tags,
};

describe("Cache component", () => {
    let recorded: RecordedResource[];
    let cache: Cache;
    const mine = () => recorded.filter((r) => r.name.startsWith("cachetest"));
    const group = () => ofType(mine(), "aws:elasticache/replicationGroup:ReplicationGroup")[0].inputs;

    before(async () => {
        recorded = installMocks({ stack: "cache-test" });
        cache = new Cache("cachetest", args);
        await settle();
    });

    it("fails over automatically across AZs with 3 nodes by default", () => {
        assert.strictEqual(group().numCacheClusters, 3);
        assert.strictEqual(group().automaticFailoverEnabled, true);
        assert.strictEqual(group().multiAzEnabled, true);
        assert.strictEqual(group().engine, "redis");
        assert.strictEqual(group().engineVersion, "7.1");
    });

    it("encrypts at rest with the CMK and requires TLS in transit", () => {
        assert.strictEqual(group().atRestEncryptionEnabled, true);
        assert.strictEqual(group().kmsKeyId, KEY);
        assert.strictEqual(group().transitEncryptionEnabled, true);
        assert.strictEqual(group().transitEncryptionMode, "required");
    });

    const user = (suffix: string) => ofType(mine(), "aws:elasticache/user:User").find((u) => u.name === `cachetest-${suffix}`)!.inputs;

    it("authenticates with IAM through a user group: no AUTH token, no password, no secret anywhere (finding 9)", async () => {
        assert.strictEqual(group().authToken, undefined, "an AUTH token would sit in Pulumi state");
        assert.strictEqual(group().authTokenUpdateStrategy, undefined);
        assert.deepStrictEqual(group().userGroupIds, ["cachetest-users"]);
        assert.deepStrictEqual(ofType(mine(), "random:index/randomPassword:RandomPassword"), []);
        assert.deepStrictEqual(ofType(mine(), "aws:secretsmanager/secret:Secret"), []);
        const users = ofType(mine(), "aws:elasticache/user:User");
        assert.ok(users.every((u) => u.inputs.passwords === undefined), "no user has a password");
        // IAM authentication requires user ID = user name; the application connects as that user.
        assert.deepStrictEqual([user("app-user").userId, user("app-user").userName, user("app-user").authenticationMode], ["cachetest-app", "cachetest-app", { type: "iam" }]);
        assert.strictEqual(await valueOf(cache.appUserId), "cachetest-app");
        assert.strictEqual(cache.clusterMode, false);
    });

    it("switches the user group's required default user off", () => {
        const def = user("default-user");
        assert.deepStrictEqual([def.userName, def.accessString, def.authenticationMode], ["default", "off -@all", { type: "no-password-required" }]);
        const users = ofType(mine(), "aws:elasticache/userGroup:UserGroup")[0].inputs;
        assert.deepStrictEqual([users.userGroupId, users.engine, users.userIds], ["cachetest-users", "redis", ["cachetest-default", "cachetest-app"]]);
    });

    it("admits only the client security group on 6379 and adds the client's egress rule", () => {
        const ingress = ofType(mine(), "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
        assert.strictEqual(ingress.length, 1);
        assert.strictEqual(ingress[0].inputs.referencedSecurityGroupId, CLIENT_SG);
        assert.strictEqual(ingress[0].inputs.fromPort, 6379);
        assert.strictEqual(ingress[0].inputs.toPort, 6379);
        assert.strictEqual(ingress[0].inputs.cidrIpv4, undefined);
        const egress = ofType(mine(), "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
        assert.strictEqual(egress.length, 1);
        assert.strictEqual(egress[0].inputs.securityGroupId, CLIENT_SG);
        assert.strictEqual(egress[0].inputs.fromPort, 6379);
        const sg = ofType(mine(), "aws:ec2/securityGroup:SecurityGroup")[0];
        assert.strictEqual(sg.inputs.egress, undefined);
        assert.deepStrictEqual(ofType(mine(), "aws:elasticache/subnetGroup:SubnetGroup")[0].inputs.subnetIds, args.subnetIds);
    });

    it("evicts with allkeys-lru from a redis7 parameter group named after its family", () => {
        const groups = ofType(mine(), "aws:elasticache/parameterGroup:ParameterGroup");
        assert.strictEqual(groups.length, 1);
        assert.strictEqual(groups[0].inputs.family, "redis7");
        assert.ok(groups[0].name.includes("redis7"));
        const policy = groups[0].inputs.parameters.find((p: { name: string }) => p.name === "maxmemory-policy");
        assert.strictEqual(policy?.value, "allkeys-lru");
    });

    it("keeps 7 days of snapshots and a final snapshot", () => {
        assert.strictEqual(group().snapshotRetentionLimit, 7);
        assert.ok(group().snapshotWindow);
        assert.strictEqual(group().finalSnapshotIdentifier, "cachetest-final");
        assert.strictEqual(group().autoMinorVersionUpgrade, true);
        assert.strictEqual(group().applyImmediately, false);
    });

    it("delivers slow and engine logs to a KMS-encrypted log group with retention", () => {
        const logGroup = ofType(mine(), "aws:cloudwatch/logGroup:LogGroup")[0];
        assert.strictEqual(logGroup.inputs.kmsKeyId, LOGS_KEY);
        assert.strictEqual(logGroup.inputs.retentionInDays, 30);
        const deliveries = group().logDeliveryConfigurations;
        assert.deepStrictEqual(deliveries.map((d: { logType: string }) => d.logType).sort(), ["engine-log", "slow-log"]);
        for (const d of deliveries) {
            assert.strictEqual(d.destinationType, "cloudwatch-logs");
            assert.ok(d.destination, "no log destination");
        }
    });

    it("protects the replication group", () => {
        for (const type of ["aws:elasticache/replicationGroup:ReplicationGroup"]) {
            const r = ofType(mine(), type)[0];
            assert.strictEqual(r.options.protect, true, type);
            assert.strictEqual(r.options.retainOnDelete, true, type);
        }
    });

    it("tags every taggable resource and parents every child to the component", () => {
        for (const r of mine().filter((r) => r.type !== "platform:data:Cache")) {
            assert.ok(r.options.parent.includes("platform:data:Cache"), `${r.key} not parented`);
            assert.strictEqual(r.inputs.tags?.owner, "data", `${r.key} untagged`);
        }
    });

    it("rejects failover or Multi-AZ with fewer than two nodes", () => {
        assert.match(validateCacheTopology(1, true, false) ?? "", /at least 2 nodes/);
        assert.match(validateCacheTopology(1, false, true) ?? "", /at least 2 nodes/);
        assert.strictEqual(validateCacheTopology(1, false, false), undefined);
        assert.strictEqual(validateCacheTopology(2, true, true), undefined);
        assert.throws(() => new Cache("cachetest-single", { ...args, numCacheClusters: 1, automaticFailover: true }), /Cache cachetest-single: automatic failover and Multi-AZ need at least 2 nodes/);
    });

    // The inputs each child gives AWS, field by field, against the ElastiCache API reference (cited per test).
    describe("what it gives AWS", () => {
        const T = {
            component: "platform:data:Cache",
            group: "aws:elasticache/replicationGroup:ReplicationGroup",
            subnets: "aws:elasticache/subnetGroup:SubnetGroup",
            params: "aws:elasticache/parameterGroup:ParameterGroup",
            user: "aws:elasticache/user:User",
            users: "aws:elasticache/userGroup:UserGroup",
            logs: "aws:cloudwatch/logGroup:LogGroup",
            sg: "aws:ec2/securityGroup:SecurityGroup",
            ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        };
        // A display name that is not an identifier (upper case, dots, underscores) and longer than ElastiCache's 40 characters.
        const LONG = `Shop.Sessions_${"x".repeat(60)}`;
        let all: RecordedResource[];
        let main: Cache;
        const registered = new Map<string, any>();
        const get = (type: string, name: string) => onlyOne(all, type, name);
        const mine = (prefix: string) => all.filter((r) => r.name === prefix || r.name.startsWith(`${prefix}-`));
        /** CreateReplicationGroup ReplicationGroupId (and CreateUser UserId, CreateUserGroup UserGroupId): 1-40 letters,
         *  digits or hyphens, a letter first, no trailing hyphen and no two hyphens in a row. */
        const ELASTICACHE_ID = /^(?=.{1,40}$)[a-z](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;

        before(async () => {
            all = installMocks({ stack: "cache-inputs" });
            const monitor = pulumi.runtime.getMonitor() as any;
            const registerResourceOutputs = monitor.registerResourceOutputs.bind(monitor);
            monitor.registerResourceOutputs = (req: any, callback: any) => {
                const rpc = require("@pulumi/pulumi/runtime/rpc");
                registered.set(req.getUrn(), rpc.deserializeProperties(req.getOutputs()));
                return registerResourceOutputs(req, callback);
            };
            // The defaults, with three nodes and protected.
            main = new Cache("sessions", { ...args, tags: TEST_TAGS });
            // Exactly two nodes, every optional input given, not protected.
            new Cache("pair", {
                ...args, numCacheClusters: 2, engineVersion: "7.0", snapshotRetentionDays: 35, snapshotWindow: "04:00-05:00",
                maintenanceWindow: "tue:06:00-tue:07:00", slowLogRetentionDays: 90, parameters: { "maxmemory-policy": "noeviction", "notify-keyspace-events": "Ex" },
                protect: false, tags: TEST_TAGS,
            });
            // One node: no failover, no Multi-AZ by default.
            new Cache("single", { ...args, numCacheClusters: 1, tags: TEST_TAGS });
            // Three nodes, failover and Multi-AZ explicitly off (allowed: a plain primary with read replicas).
            new Cache("manual", { ...args, automaticFailover: false, multiAz: false, tags: TEST_TAGS });
            new Cache(LONG, { ...args, tags: TEST_TAGS });
            await settle();
        });

        it("declares each child once under its own logical name", () => {
            assert.deepStrictEqual(mine("sessions").map((r) => `${r.type} ${r.name}`).sort(), [
                `${T.component} sessions`,
                `${T.group} sessions`,
                `${T.subnets} sessions`,
                `${T.params} sessions-redis7`,
                `${T.user} sessions-default-user`,
                `${T.user} sessions-app-user`,
                `${T.users} sessions-users`,
                `${T.logs} sessions-logs`,
                `${T.sg} sessions-sg`,
                `${T.ingress} sessions-from-app`,
                `${T.egress} sessions-app-to-cache`,
            ].sort());
        });

        it("is a platform:data:Cache, parents every child to itself and tags every one with the required tags", async () => {
            const urn = await valueOf(main.urn);
            assert.ok(urn.endsWith("::platform:data:Cache::sessions"), urn);
            const children = mine("sessions").filter((r) => r.type !== T.component);
            assert.strictEqual(children.length, 10);
            for (const child of children) {
                assert.strictEqual(child.options.parent, urn, `${child.type} ${child.name}`);
                assert.deepStrictEqual(child.inputs.tags, TEST_TAGS, `${child.type} ${child.name}`);
            }
        });

        it("registers the group id, the primary endpoint and the application's user id as outputs, and exposes the rest", async () => {
            const urn = await valueOf(main.urn);
            const [id, primary, reader, port, arn, appUserId, appUserArn, sg, members] = await Promise.all([
                valueOf(main.replicationGroupId), valueOf(main.primaryEndpointAddress), valueOf(main.readerEndpointAddress), valueOf(main.port),
                valueOf(main.replicationGroupArn), valueOf(main.appUserId), valueOf(main.appUserArn), valueOf(main.securityGroupId), valueOf(main.memberClusters),
            ]);
            assert.deepStrictEqual(registered.get(urn), { replicationGroupId: id, primaryEndpointAddress: primary, appUserId });
            assert.ok(primary.startsWith("master.sessions."), primary);
            assert.ok(reader.startsWith("replica.sessions."), reader);
            // Redis's port, the one the security group opens.
            assert.strictEqual(port, 6379);
            assert.ok(arn.startsWith("arn:aws:elasticache:"), arn);
            assert.strictEqual(appUserId, "sessions-app");
            assert.ok(appUserArn.startsWith("arn:aws:elasticache:"), appUserArn);
            assert.strictEqual(get(T.ingress, "sessions-from-app").inputs.securityGroupId, sg);
            assert.deepStrictEqual(members, ["sessions-001", "sessions-002", "sessions-003"]);
        });

        it("replication group: Redis 7 on the given nodes in the subnet and parameter groups, only the component's security group, port 6379", () => {
            const g = get(T.group, "sessions").inputs;
            assert.deepStrictEqual([g.replicationGroupId, g.engine, g.engineVersion, g.nodeType, g.numCacheClusters, g.port], ["sessions", "redis", "7.1", "cache.r7g.large", 3, 6379]);
            assert.ok(g.description.includes("sessions"), g.description);
            // Both groups are auto-named by Pulumi: `<logical name>-<random suffix>`.
            assert.match(g.parameterGroupName, /^sessions-redis7-[0-9a-f]+$/);
            assert.match(g.subnetGroupName, /^sessions-[0-9a-f]+$/);
            assert.strictEqual(g.securityGroupIds.length, 1);
            assert.strictEqual(g.securityGroupIds[0], get(T.ingress, "sessions-from-app").inputs.securityGroupId);
            assert.strictEqual(get(T.group, "pair").inputs.engineVersion, "7.0");
        });

        it("replication group: failover and Multi-AZ default on from two nodes, off with one; an explicit choice wins", () => {
            const topology = (name: string) => [get(T.group, name).inputs.automaticFailoverEnabled, get(T.group, name).inputs.multiAzEnabled];
            assert.deepStrictEqual(topology("sessions"), [true, true]);
            assert.deepStrictEqual(topology("pair"), [true, true]);
            assert.deepStrictEqual(topology("single"), [false, false]);
            assert.deepStrictEqual(topology("manual"), [false, false]);
            assert.deepStrictEqual(get(T.group, "single").inputs.numCacheClusters, 1);
        });

        it("replication group: KMS at rest with the customer key, TLS required, IAM users only (no AUTH token)", () => {
            for (const name of ["sessions", "pair", "single"]) {
                const g = get(T.group, name).inputs;
                assert.deepStrictEqual(
                    [g.atRestEncryptionEnabled, g.kmsKeyId, g.transitEncryptionEnabled, g.transitEncryptionMode, g.authToken, g.userGroupIds],
                    [true, KEY, true, "required", undefined, [`${name}-users`]], name);
            }
        });

        it("replication group: snapshots kept 7 days by default in an hour-long nightly window apart from the weekly maintenance, a final snapshot named after the group", () => {
            const g = get(T.group, "sessions").inputs;
            assert.strictEqual(g.snapshotRetentionLimit, 7);
            // SnapshotWindow hh24:mi-hh24:mi (UTC, at least 60 minutes); PreferredMaintenanceWindow ddd:hh24:mi-ddd:hh24:mi (at least 60 minutes).
            assert.match(g.snapshotWindow, /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/);
            assert.match(g.maintenanceWindow, /^(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):[0-5]\d-(sun|mon|tue|wed|thu|fri|sat):([01]\d|2[0-3]):[0-5]\d$/);
            assert.deepStrictEqual([g.snapshotWindow, g.maintenanceWindow], ["02:00-03:00", "sun:05:30-sun:06:30"]);
            assert.strictEqual(g.finalSnapshotIdentifier, "sessions-final");
            // Minor versions in the maintenance window; changes wait for it too (never a surprise restart).
            assert.deepStrictEqual([g.autoMinorVersionUpgrade, g.applyImmediately], [true, false]);
            const p = get(T.group, "pair").inputs;
            assert.deepStrictEqual([p.snapshotRetentionLimit, p.snapshotWindow, p.maintenanceWindow, p.finalSnapshotIdentifier], [35, "04:00-05:00", "tue:06:00-tue:07:00", "pair-final"]);
        });

        it("replication group: slow and engine logs as JSON to the component's CloudWatch log group", async () => {
            const g = get(T.group, "sessions").inputs;
            const logGroupName = g.logDeliveryConfigurations[0].destination;
            assert.ok(logGroupName.startsWith("/platform/elasticache/sessions-"), logGroupName);
            // LogDeliveryConfigurationRequest: LogType slow-log | engine-log, DestinationType cloudwatch-logs | kinesis-firehose, LogFormat text | json.
            assert.deepStrictEqual(g.logDeliveryConfigurations, [
                { destination: logGroupName, destinationType: "cloudwatch-logs", logFormat: "json", logType: "slow-log" },
                { destination: logGroupName, destinationType: "cloudwatch-logs", logFormat: "json", logType: "engine-log" },
            ]);
            const { tags: _tags, ...log } = get(T.logs, "sessions-logs").inputs;
            assert.deepStrictEqual(log, { namePrefix: "/platform/elasticache/sessions-", retentionInDays: 30, kmsKeyId: LOGS_KEY });
            assert.strictEqual(get(T.logs, "pair-logs").inputs.retentionInDays, 90);
        });

        it("protects and retains the replication group only when asked; the rest is re-creatable", () => {
            assert.deepStrictEqual([get(T.group, "sessions").options.protect, get(T.group, "sessions").options.retainOnDelete], [true, true]);
            assert.deepStrictEqual([get(T.group, "pair").options.protect, get(T.group, "pair").options.retainOnDelete], [false, false]);
            for (const child of mine("sessions").filter((r) => r.type !== T.group && r.type !== T.component)) {
                assert.deepStrictEqual([child.options.protect, child.options.retainOnDelete], [false, false], `${child.type} ${child.name}`);
            }
        });

        it("security groups: the cache's group admits only the client group on 6379 over TCP, and the client group may reach it there", async () => {
            const sgId = await valueOf(main.securityGroupId);
            const { tags: _s, ...sg } = get(T.sg, "sessions-sg").inputs;
            assert.deepStrictEqual(sg, { vpcId: "vpc-1", description: "the Redis cache sessions: port 6379 from the application only" });
            const { tags: _i, ...ingress } = get(T.ingress, "sessions-from-app").inputs;
            assert.deepStrictEqual(ingress, { securityGroupId: sgId, description: "From the application tasks", ipProtocol: "tcp", fromPort: 6379, toPort: 6379, referencedSecurityGroupId: CLIENT_SG });
            const { tags: _e, ...egress } = get(T.egress, "sessions-app-to-cache").inputs;
            assert.deepStrictEqual(egress, { securityGroupId: CLIENT_SG, description: "To the Redis cache sessions", ipProtocol: "tcp", fromPort: 6379, toPort: 6379, referencedSecurityGroupId: sgId });
        });

        it("subnet group: the isolated data subnets, described by the cache's name", () => {
            const { tags: _tags, description, ...subnets } = get(T.subnets, "sessions").inputs;
            assert.deepStrictEqual(subnets, { subnetIds: args.subnetIds });
            assert.ok(description.includes("sessions"), description);
        });

        it("parameter group: family redis7 (matching the engine), allkeys-lru eviction that extra parameters cannot override, extra parameters passed on", () => {
            const params = (name: string) => get(T.params, `${name}-redis7`).inputs;
            assert.strictEqual(params("sessions").family, "redis7");
            assert.ok(params("sessions").description.includes("sessions"), params("sessions").description);
            assert.deepStrictEqual(params("sessions").parameters, [{ name: "maxmemory-policy", value: "allkeys-lru" }]);
            const pairParams = [...params("pair").parameters].sort((a: any, b: any) => a.name.localeCompare(b.name));
            assert.deepStrictEqual(pairParams, [{ name: "maxmemory-policy", value: "allkeys-lru" }, { name: "notify-keyspace-events", value: "Ex" }]);
        });

        it("users: the required `default` user switched off, the application's user authenticates with IAM (user ID = user name), both Redis", () => {
            const { tags: _d, ...def } = get(T.user, "sessions-default-user").inputs;
            assert.deepStrictEqual(def, { userId: "sessions-default", userName: "default", engine: "redis", accessString: "off -@all", authenticationMode: { type: "no-password-required" } });
            const { tags: _a, ...app } = get(T.user, "sessions-app-user").inputs;
            assert.deepStrictEqual(app, { userId: "sessions-app", userName: "sessions-app", engine: "redis", accessString: "on ~* +@all", authenticationMode: { type: "iam" } });
            const { tags: _g, ...group } = get(T.users, "sessions-users").inputs;
            assert.deepStrictEqual(group, { userGroupId: "sessions-users", engine: "redis", userIds: ["sessions-default", "sessions-app"] });
        });

        it("points readers at AWS's \"Authenticating with IAM\" page of the ElastiCache developer guide", () => {
            assert.strictEqual(REDIS_IAM_AUTH_DOC, "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth-iam.html");
        });

        it("a long display name becomes valid, distinct ElastiCache identifiers (lower case, 40 characters at most, suffixes kept)", () => {
            const g = get(T.group, LONG).inputs;
            const base = `shop-sessions-${"x".repeat(26)}`;
            assert.strictEqual(g.replicationGroupId, base, "the slug, cut at 40");
            const ids = [g.replicationGroupId, get(T.user, `${LONG}-default-user`).inputs.userId, get(T.user, `${LONG}-app-user`).inputs.userId, get(T.users, `${LONG}-users`).inputs.userGroupId];
            for (const id of ids) assert.match(id, ELASTICACHE_ID);
            // User IDs are unique per account and Region: the two users of one group cannot share one.
            assert.strictEqual(new Set(ids).size, ids.length, ids.join());
            assert.ok(ids[1].endsWith("-default") && ids[2].endsWith("-app") && ids[3].endsWith("-users"), ids.join());
            // The whole 40 characters are used, so long names that differ late stay apart.
            assert.deepStrictEqual(ids.map((id) => id.length), [40, 40, 40, 40]);
            assert.strictEqual(get(T.user, `${LONG}-app-user`).inputs.userName, ids[2]);
            assert.deepStrictEqual(get(T.users, `${LONG}-users`).inputs.userIds, [ids[1], ids[2]]);
            assert.ok(g.finalSnapshotIdentifier.startsWith(base), g.finalSnapshotIdentifier);
        });
    });

    describe("configuration errors register nothing", () => {
        for (const [label, extra, message] of [
            ["failover asked for with one node", { numCacheClusters: 1, automaticFailover: true }, "Cache bad: automatic failover and Multi-AZ need at least 2 nodes, got 1"],
            ["Multi-AZ asked for with one node", { numCacheClusters: 1, multiAz: true }, "Cache bad: automatic failover and Multi-AZ need at least 2 nodes, got 1"],
            ["no nodes", { numCacheClusters: 0, automaticFailover: false, multiAz: false }, "Cache bad: a replication group has 1 to 6 nodes (a primary and up to 5 replicas), got 0"],
            ["seven nodes", { numCacheClusters: 7 }, "Cache bad: a replication group has 1 to 6 nodes (a primary and up to 5 replicas), got 7"],
        ] as Array<[string, Partial<CacheArgs>, string]>) {
            it(label, async () => {
                const errors = installMocks({ stack: "cache-errors" });
                assert.throws(() => new Cache("bad", { ...args, ...extra }), (e: Error) => e.message === message);
                await settle();
                assert.deepStrictEqual(errors, []);
            });
        }
    });
});
