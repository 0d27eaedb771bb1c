import * as assert from "assert";
import { Database, DatabaseArgs, DatabaseEngine, engineFamily, multiAzClusterGp3Iops } from "../../components/database";
import * as pulumi from "@pulumi/pulumi";
import { installMocks, ofType, onlyOne, RecordedResource, settle, TEST_TAGS, valueOf } from "../support/mocks";

const tags = { owner: "data", "cost-center": "cc-1", "data-classification": "confidential", environment: "test" };
const KEY = "arn:aws:kms:us-east-1:123456789012:key/db-key";
const CLIENT_SG = "sg-client";

function args(engine: DatabaseEngine): DatabaseArgs {
    return {
        engine,
        engineVersion: engine === "postgres" ? "15" : "8.0",
        instanceClass: "db.r6g.large",
        allocatedStorageGb: 100,
        maxAllocatedStorageGb: 1000,
        multiAz: true,
        vpcId: "vpc-1",
        subnetIds: ["subnet-iso-a", "subnet-iso-b", "subnet-iso-c"],
        clientSecurityGroupId: CLIENT_SG,
        kmsKeyArn: KEY,
        databaseName: "app",
        masterUsername: "app_admin",
        backupRetentionDays: 30,
        readReplicas: 0,
        performanceInsightsRetentionDays: 31,
        parameters: engine === "postgres" ? { max_connections: "200", log_statement: "all" } : { max_connections: "500" },
        protect: true,
        tags,
    };
}

const cases: Array<{ engine: DatabaseEngine; port: number; family: string; tls: [string, string]; logs: string[]; logging: Record<string, string> }> = [
    {
        engine: "postgres", port: 5432, family: "postgres15", tls: ["rds.force_ssl", "1"], logs: ["postgresql", "upgrade"],
        // The application's max_connections applies; its log_statement=all does not override the platform's ddl.
        logging: { log_statement: "ddl", log_connections: "1", log_disconnections: "1", log_min_duration_statement: "1000", max_connections: "200" },
    },
    {
        engine: "mysql", port: 3306, family: "mysql8.0", tls: ["require_secure_transport", "1"], logs: ["error", "slowquery"],
        logging: { slow_query_log: "1", long_query_time: "1", log_output: "FILE", max_connections: "500" },
    },
];

describe("Database component", () => {
    let recorded: RecordedResource[];
    before(async () => {
        recorded = installMocks({ stack: "database-test" });
        for (const c of cases) {
            new Database(`dbtest-${c.engine}`, args(c.engine));
        }
        await settle();
    });

    for (const c of cases) {
        describe(c.engine, () => {
            const name = `dbtest-${c.engine}`;
            const mine = () => recorded.filter((r) => r.name.startsWith(name));
            const instances = () => ofType(mine(), "aws:rds/instance:Instance");
            const primary = () => instances().find((r) => r.name === name)!;
            const replicas = () => instances().filter((r) => r.name !== name);
            const securityGroup = () => ofType(mine(), "aws:ec2/securityGroup:SecurityGroup")[0];

            it("exposes the engine family", () => assert.strictEqual(engineFamily(c.engine, args(c.engine).engineVersion), c.family));

            it("encrypts storage with the CMK on gp3 with a storage-autoscaling ceiling", () => {
                const p = primary().inputs;
                assert.strictEqual(p.storageEncrypted, true);
                assert.strictEqual(p.kmsKeyId, KEY);
                assert.strictEqual(p.storageType, "gp3");
                assert.strictEqual(p.allocatedStorage, 100);
                assert.strictEqual(p.maxAllocatedStorage, 1000);
                assert.strictEqual(p.engine, c.engine);
                assert.strictEqual(p.port, c.port);
            });

            it("is Multi-AZ, private and in the isolated subnets", () => {
                const p = primary().inputs;
                assert.strictEqual(p.multiAz, true);
                assert.strictEqual(p.publiclyAccessible, false);
                const subnetGroup = ofType(mine(), "aws:rds/subnetGroup:SubnetGroup");
                assert.strictEqual(subnetGroup.length, 1);
                assert.deepStrictEqual(subnetGroup[0].inputs.subnetIds, ["subnet-iso-a", "subnet-iso-b", "subnet-iso-c"]);
                assert.ok(p.dbSubnetGroupName, "primary has no subnet group");
            });

            it("admits only the client security group on the engine port and has no egress rule of its own", () => {
                const sg = securityGroup();
                assert.strictEqual(sg.inputs.ingress, undefined);
                assert.strictEqual(sg.inputs.egress, undefined);
                const ingress = ofType(mine(), "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule");
                assert.strictEqual(ingress.length, 1);
                assert.strictEqual(ingress[0].inputs.referencedSecurityGroupId, CLIENT_SG);
                assert.strictEqual(ingress[0].inputs.cidrIpv4, undefined);
                assert.strictEqual(ingress[0].inputs.fromPort, c.port);
                assert.strictEqual(ingress[0].inputs.toPort, c.port);
                assert.strictEqual(ingress[0].inputs.ipProtocol, "tcp");
                const egress = ofType(mine(), "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule");
                assert.strictEqual(egress.length, 1, "only the client's egress rule towards the database");
                assert.strictEqual(egress[0].inputs.securityGroupId, CLIENT_SG);
                assert.strictEqual(egress[0].inputs.fromPort, c.port);
                assert.strictEqual(egress[0].inputs.toPort, c.port);
                assert.ok(egress[0].inputs.referencedSecurityGroupId, "egress must point at the database SG");
                assert.strictEqual(egress[0].inputs.cidrIpv4, undefined);
            });

            it("lets RDS manage the master password with the CMK, never a password input; IAM auth on", () => {
                const p = primary().inputs;
                assert.strictEqual(p.manageMasterUserPassword, true);
                assert.strictEqual(p.masterUserSecretKmsKeyId, KEY);
                assert.strictEqual(p.password, undefined);
                assert.strictEqual(p.passwordWo, undefined);
                assert.strictEqual(p.iamDatabaseAuthenticationEnabled, true);
                assert.strictEqual(p.username, "app_admin");
            });

            it("uses a parameter group of the engine family that forces TLS and sets the seed's logging", () => {
                const groups = ofType(mine(), "aws:rds/parameterGroup:ParameterGroup");
                assert.strictEqual(groups.length, 1);
                const group = groups[0];
                assert.strictEqual(group.inputs.family, c.family);
                assert.ok(group.name.includes(c.family.replace(/\./g, "-")), `logical name ${group.name} lacks the family`);
                const params = Object.fromEntries(group.inputs.parameters.map((p: { name: string; value: string }) => [p.name, p.value]));
                assert.strictEqual(params[c.tls[0]], c.tls[1]);
                for (const [key, value] of Object.entries(c.logging)) {
                    assert.strictEqual(params[key], value, key);
                }
                assert.ok(primary().inputs.parameterGroupName, "primary does not use the group");
            });

            it("exports the engine logs to CloudWatch", () => {
                assert.deepStrictEqual(primary().inputs.enabledCloudwatchLogsExports, c.logs);
            });

            it("turns on Performance Insights with the CMK and enhanced monitoring with its role", () => {
                const p = primary().inputs;
                assert.strictEqual(p.performanceInsightsEnabled, true);
                assert.strictEqual(p.performanceInsightsKmsKeyId, KEY);
                assert.strictEqual(p.performanceInsightsRetentionPeriod, 31);
                assert.strictEqual(p.monitoringInterval, 60);
                assert.ok(p.monitoringRoleArn);
                const role = ofType(mine(), "aws:iam/role:Role")[0];
                assert.strictEqual(JSON.parse(role.inputs.assumeRolePolicy).Statement[0].Principal.Service, "monitoring.rds.amazonaws.com");
                const attachment = ofType(mine(), "aws:iam/rolePolicyAttachment:RolePolicyAttachment")[0];
                assert.strictEqual(attachment.inputs.policyArn, "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole");
            });

            it("keeps backups in their windows and copies tags to snapshots", () => {
                const p = primary().inputs;
                assert.strictEqual(p.backupRetentionPeriod, 30);
                assert.strictEqual(p.backupWindow, "03:00-04:00");
                assert.strictEqual(p.maintenanceWindow, "sun:04:30-sun:05:30");
                assert.strictEqual(p.copyTagsToSnapshot, true);
                assert.strictEqual(p.autoMinorVersionUpgrade, true);
                assert.strictEqual(p.caCertIdentifier, "rds-ca-rsa2048-g1");
            });

            it("has deletion protection and a deterministic final snapshot", () => {
                const p = primary().inputs;
                assert.strictEqual(p.deletionProtection, true);
                assert.strictEqual(p.skipFinalSnapshot, false);
                // Point-in-time restore stays possible after a deletion (RDS deletes automated backups by default).
                assert.strictEqual(p.deleteAutomatedBackups, false);
                assert.strictEqual(p.finalSnapshotIdentifier, `${name}-final`);
            });

            it("gives RDS the major version only, so automatic minor upgrades never turn into a downgrade", () => {
                const p = primary().inputs;
                assert.strictEqual(p.engineVersion, c.engine === "postgres" ? "15" : "8.0");
                assert.strictEqual(p.autoMinorVersionUpgrade, true);
            });

            it("has no read replicas: RDS refuses them for a source with a managed master password", () => {
                assert.strictEqual(replicas().length, 0);
            });

            it("protects the primary when asked", () => {
                for (const instance of instances()) {
                    assert.strictEqual(instance.options.protect, true, instance.name);
                    assert.strictEqual(instance.options.retainOnDelete, true, instance.name);
                }
            });

            it("tags every taggable resource and parents every child to the component", () => {
                for (const r of mine().filter((r) => r.type !== "platform:data:Database")) {
                    assert.ok(r.options.parent.includes("platform:data:Database"), `${r.key} not parented`);
                    if (r.type !== "aws:iam/rolePolicyAttachment:RolePolicyAttachment") {
                        assert.strictEqual(r.inputs.tags?.owner, "data", `${r.key} untagged`);
                    }
                }
            });
        });
    }

    describe("with two readable copies (Multi-AZ DB cluster)", () => {
        const name = "dbtest-cluster";
        let cluster: RecordedResource;
        before(async () => {
            new Database(name, { ...args("mysql"), instanceClass: "db.r6gd.xlarge", readReplicas: 2, maxAllocatedStorageGb: undefined, backupManagedByAwsBackup: true, appUsername: "lms_app" });
            await settle();
            cluster = recorded.find((r) => r.type === "aws:rds/cluster:Cluster" && r.name === name)!;
        });

        it("is one Multi-AZ DB cluster with a managed master password, no replica instances and no password input", () => {
            assert.ok(cluster, "no cluster");
            assert.strictEqual(recorded.filter((r) => r.type === "aws:rds/instance:Instance" && r.name.startsWith(name)).length, 0);
            assert.strictEqual(cluster.inputs.engine, "mysql");
            assert.strictEqual(cluster.inputs.engineVersion, "8.0");
            assert.strictEqual(cluster.inputs.dbClusterInstanceClass, "db.r6gd.xlarge");
            // CreateDBCluster refuses a Multi-AZ DB cluster without iops: the gp3 baseline of its size.
            assert.strictEqual(cluster.inputs.storageType, "gp3");
            assert.strictEqual(cluster.inputs.iops, multiAzClusterGp3Iops(cluster.inputs.allocatedStorage));
            assert.strictEqual(cluster.inputs.manageMasterUserPassword, true);
            assert.strictEqual(cluster.inputs.masterPassword, undefined);
            assert.strictEqual(cluster.inputs.masterPasswordWo, undefined);
            assert.strictEqual(cluster.inputs.storageEncrypted, true);
            assert.strictEqual(cluster.inputs.kmsKeyId, KEY);
            assert.strictEqual(cluster.inputs.iamDatabaseAuthenticationEnabled, true);
            assert.strictEqual(cluster.inputs.deletionProtection, true);
            assert.strictEqual(cluster.inputs.skipFinalSnapshot, false);
            assert.ok(cluster.inputs.clusterIdentifier.length <= 52);
            assert.ok(cluster.options.protect);
        });

        it("forces TLS through a cluster parameter group of the family", () => {
            const group = recorded.find((r) => r.type === "aws:rds/clusterParameterGroup:ClusterParameterGroup" && r.name.startsWith(name))!;
            assert.strictEqual(group.inputs.family, "mysql8.0");
            // The family is in the logical name (dots as dashes), so a major upgrade creates the new group before deleting the old.
            assert.strictEqual(group.name, `${name}-cluster-mysql8-0`);
            const params = Object.fromEntries(group.inputs.parameters.map((p: { name: string; value: string }) => [p.name, p.value]));
            assert.strictEqual(params.require_secure_transport, "1");
            assert.ok(cluster.inputs.dbClusterParameterGroupName);
        });

        it("leaves backup retention and window to AWS Backup after creation (one owner, no perpetual diff)", () => {
            assert.deepStrictEqual([...cluster.options.ignoreChanges].sort(), ["backupRetentionPeriod", "preferredBackupWindow"]);
            const instance = recorded.find((r) => r.type === "aws:rds/instance:Instance" && r.name === "dbtest-postgres")!;
            assert.deepStrictEqual(instance.options.ignoreChanges, [], "RDS owns its backups when AWS Backup's continuous rule does not");
        });

        it("refuses replica counts RDS cannot create with a managed password, and classes a cluster does not offer", () => {
            assert.throws(() => new Database("bad-1", { ...args("mysql"), readReplicas: 1 }), /1 read replicas cannot be created: RDS refuses read replicas of a source with a managed master password; allowed: 0, or 2/);
            assert.throws(() => new Database("bad-2", { ...args("mysql"), instanceClass: "db.r5.xlarge", readReplicas: 2 }), /db\.r5\.xlarge is not one/);
            // A storage ceiling only where RDS autoscales: required for an instance, refused for a cluster.
            assert.throws(() => new Database("bad-3", { ...args("mysql"), instanceClass: "db.r6gd.xlarge", readReplicas: 2 }), /maxAllocatedStorageGb: is not allowed with readReplicas 2: a Multi-AZ DB cluster does not autoscale storage/);
            assert.throws(() => new Database("bad-4", { ...args("mysql"), maxAllocatedStorageGb: undefined }), /maxAllocatedStorageGb: a DB instance needs its storage-autoscaling ceiling/);
            assert.throws(() => new Database("bad-5", { ...args("mysql"), maxAllocatedStorageGb: 100 }), /maxAllocatedStorageGb: must be greater than allocatedStorageGb \(100\)/);
            assert.strictEqual(recorded.filter((r) => r.name.startsWith("bad-")).length, 0, "a rejected database registered resources");
        });
    });

    describe("Aurora MySQL: a writer and reader instances on one cluster volume", () => {
        const name = "dbtest-aurora";
        let cluster: RecordedResource;
        let instances: RecordedResource[];
        const aurora = (): DatabaseArgs => ({
            ...args("aurora-mysql"), instanceClass: "db.r5.xlarge", readerInstanceClass: "db.r5.large", readReplicas: 2,
            allocatedStorageGb: undefined, maxAllocatedStorageGb: undefined, binaryLogs: true, backupManagedByAwsBackup: true,
            parameters: { max_connections: "500", wait_timeout: "28800" },
        });
        before(async () => {
            new Database(name, aurora());
            await settle();
            cluster = recorded.find((r) => r.type === "aws:rds/cluster:Cluster" && r.name === name)!;
            instances = recorded.filter((r) => r.type === "aws:rds/clusterInstance:ClusterInstance" && r.name.startsWith(`${name}-`));
        });

        it("is an encrypted Aurora cluster with a managed master password and none of a Multi-AZ DB cluster's inputs", () => {
            assert.strictEqual(cluster.inputs.engine, "aurora-mysql");
            assert.strictEqual(cluster.inputs.engineVersion, "8.0");
            assert.strictEqual(cluster.inputs.engineMode, "provisioned");
            assert.strictEqual(cluster.inputs.manageMasterUserPassword, true);
            assert.strictEqual(cluster.inputs.masterUserSecretKmsKeyId, KEY);
            assert.strictEqual(cluster.inputs.masterPassword, undefined);
            assert.strictEqual(cluster.inputs.storageEncrypted, true);
            assert.strictEqual(cluster.inputs.kmsKeyId, KEY);
            assert.strictEqual(cluster.inputs.iamDatabaseAuthenticationEnabled, true);
            assert.strictEqual(cluster.inputs.deletionProtection, true);
            assert.strictEqual(cluster.inputs.skipFinalSnapshot, false);
            assert.strictEqual(cluster.inputs.deleteAutomatedBackups, false);
            assert.deepStrictEqual(cluster.inputs.enabledCloudwatchLogsExports, ["error", "slowquery"]);
            // CreateDBCluster refuses these for Aurora ("Valid for Cluster Type: Multi-AZ DB clusters only").
            for (const key of ["dbClusterInstanceClass", "allocatedStorage", "iops", "storageType", "performanceInsightsEnabled", "monitoringInterval", "caCertificateIdentifier"]) {
                assert.strictEqual(cluster.inputs[key], undefined, key);
            }
            assert.ok(cluster.options.protect && cluster.options.retainOnDelete);
            assert.deepStrictEqual([...cluster.options.ignoreChanges].sort(), ["backupRetentionPeriod", "preferredBackupWindow"]);
        });

        it("has a writer (tier 0) and the readers (tier 1, their own class), private, with PI on the customer key", () => {
            assert.deepStrictEqual(instances.map((i) => [i.name, i.inputs.instanceClass, i.inputs.promotionTier]).sort(), [
                [`${name}-reader-1`, "db.r5.large", 1], [`${name}-reader-2`, "db.r5.large", 1], [`${name}-writer`, "db.r5.xlarge", 0],
            ]);
            for (const instance of instances) {
                assert.strictEqual(instance.inputs.engine, "aurora-mysql");
                assert.strictEqual(instance.inputs.publiclyAccessible, false);
                assert.strictEqual(instance.inputs.autoMinorVersionUpgrade, true);
                assert.strictEqual(instance.inputs.performanceInsightsEnabled, true);
                assert.strictEqual(instance.inputs.performanceInsightsKmsKeyId, KEY);
                assert.strictEqual(instance.inputs.performanceInsightsRetentionPeriod, 31);
                assert.strictEqual(instance.inputs.monitoringInterval, 60);
                assert.strictEqual(instance.inputs.caCertIdentifier, "rds-ca-rsa2048-g1");
                assert.strictEqual(instance.inputs.identifier, undefined, "autonamed: a replacement never collides");
                assert.ok(!instance.options.protect, "instances hold no data: removing a reader shrinks the cluster");
                assert.ok(instance.inputs.dbParameterGroupName);
            }
        });

        it("puts cluster-level parameters (TLS, binlog format) in the cluster's group and the rest in the instances' group", () => {
            const clusterGroup = recorded.find((r) => r.type === "aws:rds/clusterParameterGroup:ClusterParameterGroup" && r.name.startsWith(name))!;
            const instanceGroup = recorded.find((r) => r.type === "aws:rds/parameterGroup:ParameterGroup" && r.name.startsWith(name))!;
            const params = (g: RecordedResource) => Object.fromEntries(g.inputs.parameters.map((p: { name: string; value: string }) => [p.name, p.value]));
            assert.strictEqual(clusterGroup.inputs.family, "aurora-mysql8.0");
            assert.strictEqual(instanceGroup.inputs.family, "aurora-mysql8.0");
            assert.deepStrictEqual(params(clusterGroup), { require_secure_transport: "1", binlog_format: "ROW" });
            assert.deepStrictEqual(params(instanceGroup), { slow_query_log: "1", long_query_time: "1", log_output: "FILE", max_connections: "500", wait_timeout: "28800" });
            assert.ok(clusterGroup.name.endsWith("aurora-mysql8-0") && instanceGroup.name.endsWith("aurora-mysql8-0"), "the family is in the logical names");
        });

        it("writes no binary logs unless asked, and its readers are optional", async () => {
            new Database(`${name}-single`, { ...aurora(), readReplicas: 0, multiAz: false, readerInstanceClass: undefined, binaryLogs: false });
            await settle();
            const group = recorded.find((r) => r.type === "aws:rds/clusterParameterGroup:ClusterParameterGroup" && r.name.startsWith(`${name}-single`))!;
            assert.deepStrictEqual(group.inputs.parameters.map((p: { name: string }) => p.name), ["require_secure_transport"]);
            assert.deepStrictEqual(recorded.filter((r) => r.type === "aws:rds/clusterInstance:ClusterInstance" && r.name.startsWith(`${name}-single-`)).map((r) => r.name), [`${name}-single-writer`]);
        });

        it("refuses what Aurora has no use for, before registering anything", () => {
            assert.throws(() => new Database("bad-a1", { ...aurora(), allocatedStorageGb: 500 }), /allocatedStorageGb: is not allowed with an Aurora engine/);
            assert.throws(() => new Database("bad-a2", { ...aurora(), maxAllocatedStorageGb: 1000 }), /maxAllocatedStorageGb: is not allowed with an Aurora engine/);
            assert.throws(() => new Database("bad-a3", { ...aurora(), readReplicas: 0 }), /multiAz: an Aurora cluster is Multi-AZ through a reader instance/);
            assert.throws(() => new Database("bad-a4", { ...aurora(), readReplicas: 16 }), /16 reader instances cannot be created: an Aurora cluster has 0 to 15/);
            assert.throws(() => new Database("bad-a5", { ...aurora(), engineVersion: "8.0.mysql_aurora.3.10.0" }), /give the major only: "8\.0"/);
            assert.throws(() => new Database("bad-a6", { ...args("mysql"), readerInstanceClass: "db.r5.large" }), /readerInstanceClass: is for Aurora reader instances/);
            assert.throws(() => new Database("bad-a7", { ...args("mysql"), allocatedStorageGb: undefined }), /allocatedStorageGb: is required for an RDS database/);
            assert.strictEqual(recorded.filter((r) => r.name.startsWith("bad-a")).length, 0, "a rejected database registered resources");
        });
    });

    it("refuses a pinned minor version, naming the major to give instead", () => {
        assert.throws(() => new Database("pinned", { ...args("postgres"), engineVersion: "15.12" }), /15\.12 pins a minor version .* give the major only: "15"/);
        assert.throws(() => new Database("pinned2", { ...args("mysql"), engineVersion: "8.0.40" }), /give the major only: "8\.0"/);
        assert.throws(() => new Database("old", { ...args("mysql"), engineVersion: "5.7" }), /not a major version RDS can create; allowed: 8\.0, 8\.4/);
    });

    it("does not protect a non-production database", async () => {
        new Database("dbtest-staging", { ...args("postgres"), protect: false, readReplicas: 0 });
        await settle();
        const instance = recorded.find((r) => r.type === "aws:rds/instance:Instance" && r.name === "dbtest-staging")!;
        assert.strictEqual(instance.options.protect, false);
    });
});

/**
 * Every input the component gives AWS, per shape, with the expected values taken from the RDS API reference
 * (CreateDBInstance, CreateDBCluster, ModifyDBParameterGroup) and the Service Authorization Reference, and the
 * outputs other stacks read. Each database here takes either none of the optional inputs (the defaults) or all of them.
 */
describe("Database inputs and outputs, shape by shape", () => {
    const T = {
        component: "platform:data:Database",
        instance: "aws:rds/instance:Instance",
        cluster: "aws:rds/cluster:Cluster",
        member: "aws:rds/clusterInstance:ClusterInstance",
        subnets: "aws:rds/subnetGroup:SubnetGroup",
        params: "aws:rds/parameterGroup:ParameterGroup",
        clusterParams: "aws:rds/clusterParameterGroup:ClusterParameterGroup",
        sg: "aws:ec2/securityGroup:SecurityGroup",
        ingress: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        egress: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        role: "aws:iam/role:Role",
        attachment: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    };
    /** CreateDBInstance DBInstanceIdentifier / CreateDBCluster DBClusterIdentifier / FinalDBSnapshotIdentifier: letters,
     *  digits and hyphens, a letter first, no trailing hyphen and no two hyphens in a row (length checked apart). */
    const RDS_ID = /^[a-z](?:[a-z0-9]|-(?!-))*[a-z0-9]$/;
    /** Service Authorization Reference, rds-db `db-user`: arn:${Partition}:rds-db:${Region}:${Account}:dbuser:${DbiResourceId}/${DbUserName}. */
    const CONNECT_ARN = /^arn:aws:rds-db:us-east-1:123456789012:dbuser:([^/]+)\/(.+)$/;
    const LONG = `Ledger_${"x".repeat(70)}`;
    const base = (engine: DatabaseEngine): DatabaseArgs => ({
        engine,
        engineVersion: engine === "postgres" ? "16" : "8.0",
        instanceClass: "db.m6gd.large",
        allocatedStorageGb: 200,
        maxAllocatedStorageGb: 400,
        multiAz: true,
        vpcId: "vpc-9",
        subnetIds: ["subnet-d1", "subnet-d2"],
        clientSecurityGroupId: CLIENT_SG,
        kmsKeyArn: KEY,
        databaseName: "orders_main",
        masterUsername: "root_admin",
        backupRetentionDays: 14,
        protect: true,
        tags: TEST_TAGS,
    });
    const auroraArgs = (): DatabaseArgs => ({ ...base("aurora-mysql"), instanceClass: "db.r6g.large", allocatedStorageGb: undefined, maxAllocatedStorageGb: undefined, readReplicas: 1 });

    let all: RecordedResource[];
    const registered = new Map<string, any>();
    const dbs: Record<string, Database> = {};
    const get = (type: string, name: string) => onlyOne(all, type, name);
    const mine = (prefix: string) => all.filter((r) => r.name === prefix || r.name.startsWith(`${prefix}-`));
    const params = (g: RecordedResource) => Object.fromEntries(g.inputs.parameters.map((p: { name: string; value: string }) => [p.name, p.value]));

    before(async () => {
        all = installMocks({ stack: "database-inputs" });
        const monitor = pulumi.runtime.getMonitor() as any;
        const registerResourceOutputs = monitor.registerResourceOutputs.bind(monitor);
        monitor.registerResourceOutputs = (req: any, callback: any) => {
            const rpc = require("@pulumi/pulumi/runtime/rpc");
            registered.set(req.getUrn(), rpc.deserializeProperties(req.getOutputs()));
            return registerResourceOutputs(req, callback);
        };
        // PostgreSQL DB instance, none of the optional inputs.
        dbs.orders = new Database("Orders_DB", base("postgres"));
        // MySQL DB instance, every optional input given, AWS Backup owning its backups, not protected.
        dbs.reports = new Database("reports", {
            ...base("mysql"), multiAz: false, readReplicas: 0, iamAuthentication: false, deletionProtection: false, monitoringIntervalSeconds: 15,
            performanceInsightsRetentionDays: 731, backupWindow: "05:00-06:00", maintenanceWindow: "mon:07:00-mon:08:00", appUsername: "reporter",
            backupManagedByAwsBackup: true, parameters: { max_connections: "300", require_secure_transport: "0" }, protect: false,
        });
        // PostgreSQL Multi-AZ DB cluster, RDS owning its backups.
        dbs.pgcluster = new Database("pgcluster", { ...base("postgres"), instanceClass: "db.r6gd.large", readReplicas: 2, maxAllocatedStorageGb: undefined });
        // Aurora MySQL with one reader of the writer's class, RDS owning its backups, no binary logs asked.
        dbs.aurora = new Database("aurora", auroraArgs());
        // Aurora with the reader count omitted: a writer alone (single-AZ).
        dbs.solo = new Database("solo", { ...auroraArgs(), readReplicas: undefined, multiAz: false });
        dbs.long = new Database(LONG, base("postgres"));
        dbs.longaurora = new Database(`${LONG}-a`, auroraArgs());
        dbs.longcluster = new Database(`${LONG}-c`, { ...base("mysql"), instanceClass: "db.r6gd.large", readReplicas: 2, maxAllocatedStorageGb: undefined });
        await settle();
    });

    it("declares each child of a DB instance once under its own logical name", () => {
        assert.deepStrictEqual(mine("Orders_DB").map((r) => `${r.type} ${r.name}`).sort(), [
            `${T.component} Orders_DB`,
            `${T.subnets} Orders_DB`,
            `${T.sg} Orders_DB-sg`,
            `${T.ingress} Orders_DB-from-app`,
            `${T.egress} Orders_DB-app-to-db`,
            `${T.params} Orders_DB-postgres16`,
            `${T.role} Orders_DB-monitoring`,
            `${T.attachment} Orders_DB-monitoring`,
            `${T.instance} Orders_DB`,
        ].sort());
    });

    it("is a platform:data:Database that parents every child to itself and tags every taggable one", async () => {
        for (const db of Object.values(dbs)) {
            const urn = await valueOf(db.urn);
            const name = urn.split("::").pop()!;
            assert.ok(urn.endsWith(`::platform:data:Database::${name}`), urn);
            const children = mine(name).filter((r) => r.type !== T.component && !(name === LONG && /^Ledger_x+-[ac]\b/.test(r.name)));
            assert.ok(children.length >= 8, `${name}: ${children.length} children`);
            for (const child of children) {
                assert.strictEqual(child.options.parent, urn, `${child.type} ${child.name}`);
                // A role policy attachment has no tags in the IAM API.
                assert.deepStrictEqual(child.inputs.tags, child.type === T.attachment ? undefined : TEST_TAGS, `${child.type} ${child.name}`);
            }
        }
    });

    it("DB instance (defaults): encrypted with the CMK, private, Multi-AZ, in its subnet and parameter groups and only its own security group", async () => {
        const p = get(T.instance, "Orders_DB").inputs;
        const sgId = await valueOf(dbs.orders.securityGroupId);
        assert.deepStrictEqual(
            [p.identifier, p.engine, p.engineVersion, p.instanceClass, p.allocatedStorage, p.maxAllocatedStorage, p.storageType, p.multiAz, p.publiclyAccessible, p.port],
            ["orders-db", "postgres", "16", "db.m6gd.large", 200, 400, "gp3", true, false, 5432],
        );
        assert.deepStrictEqual([p.storageEncrypted, p.kmsKeyId, p.vpcSecurityGroupIds], [true, KEY, [sgId]]);
        assert.strictEqual(p.dbSubnetGroupName, await valueOf(dbs.orders.subnetGroupName));
        assert.strictEqual(p.parameterGroupName, await valueOf(dbs.orders.parameterGroupName));
        assert.deepStrictEqual([p.dbName, p.username, p.manageMasterUserPassword, p.masterUserSecretKmsKeyId, p.password], ["orders_main", "root_admin", true, KEY, undefined]);
        // Pulumi's DB instance takes these on the instance; CreateDBCluster names them differently.
        for (const key of ["clusterIdentifier", "dbClusterInstanceClass", "databaseName", "masterUsername", "preferredBackupWindow", "iops", "engineMode"]) {
            assert.strictEqual(p[key], undefined, key);
        }
    });

    it("DB instance (defaults): IAM authentication, deletion protection, engine logs, PI for 7 days and 60-second monitoring on by default", () => {
        const p = get(T.instance, "Orders_DB").inputs;
        assert.strictEqual(p.iamDatabaseAuthenticationEnabled, true);
        assert.strictEqual(p.deletionProtection, true);
        // RDS for PostgreSQL publishes `postgresql` and `upgrade` logs to CloudWatch Logs.
        assert.deepStrictEqual(p.enabledCloudwatchLogsExports, ["postgresql", "upgrade"]);
        // PerformanceInsightsRetentionPeriod: "Default: 7 days" (the free tier).
        assert.deepStrictEqual([p.performanceInsightsEnabled, p.performanceInsightsKmsKeyId, p.performanceInsightsRetentionPeriod], [true, KEY, 7]);
        assert.strictEqual(p.monitoringInterval, 60);
        assert.strictEqual(p.monitoringRoleArn, "arn:aws:iam::123456789012:role/Orders_DB-monitoring");
        assert.deepStrictEqual([p.autoMinorVersionUpgrade, p.caCertIdentifier], [true, "rds-ca-rsa2048-g1"]);
    });

    it("DB instance (defaults): backups kept in the default windows, a final snapshot named after the identifier, protected and retained", () => {
        const r = get(T.instance, "Orders_DB");
        const p = r.inputs;
        assert.deepStrictEqual([p.backupRetentionPeriod, p.backupWindow, p.maintenanceWindow], [14, "03:00-04:00", "sun:04:30-sun:05:30"]);
        assert.deepStrictEqual([p.copyTagsToSnapshot, p.skipFinalSnapshot, p.finalSnapshotIdentifier, p.deleteAutomatedBackups], [true, false, "orders-db-final", false]);
        assert.match(p.finalSnapshotIdentifier, RDS_ID);
        assert.deepStrictEqual([r.options.protect, r.options.retainOnDelete, r.options.ignoreChanges], [true, true, []]);
        assert.deepStrictEqual(p.tags, TEST_TAGS);
    });

    it("DB instance (every option): takes each given value, and leaves backup retention and window to AWS Backup", () => {
        const r = get(T.instance, "reports");
        const p = r.inputs;
        assert.deepStrictEqual([p.engine, p.port, p.multiAz, p.iamDatabaseAuthenticationEnabled, p.deletionProtection], ["mysql", 3306, false, false, false]);
        assert.deepStrictEqual([p.monitoringInterval, p.performanceInsightsRetentionPeriod], [15, 731]);
        assert.deepStrictEqual([p.backupWindow, p.maintenanceWindow], ["05:00-06:00", "mon:07:00-mon:08:00"]);
        // RDS for MySQL publishes `error` and `slowquery` logs (with slow_query_log on and log_output FILE).
        assert.deepStrictEqual(p.enabledCloudwatchLogsExports, ["error", "slowquery"]);
        // CreateDBInstance names: BackupRetentionPeriod and PreferredBackupWindow are Pulumi's backupRetentionPeriod and backupWindow.
        assert.deepStrictEqual([r.options.protect, r.options.retainOnDelete, [...r.options.ignoreChanges].sort()], [false, false, ["backupRetentionPeriod", "backupWindow"]]);
    });

    it("parameter group: the family's, pending-reboot for every parameter, the platform's TLS and logging over the application's", () => {
        const pg = get(T.params, "Orders_DB-postgres16");
        assert.deepStrictEqual([pg.inputs.family, pg.inputs.description], ["postgres16", "Orders_DB: TLS required, audit-friendly logging"]);
        assert.deepStrictEqual(params(pg), {
            "rds.force_ssl": "1", log_connections: "1", log_disconnections: "1", log_statement: "ddl", log_min_duration_statement: "1000",
        });
        const my = get(T.params, "reports-mysql8-0");
        assert.strictEqual(my.inputs.family, "mysql8.0");
        // The application asked require_secure_transport=0: the platform's 1 wins.
        assert.deepStrictEqual(params(my), { max_connections: "300", require_secure_transport: "1", slow_query_log: "1", long_query_time: "1", log_output: "FILE" });
        // ApplyMethod: "immediate" is for dynamic parameters only; "pending-reboot" is valid for both (ModifyDBParameterGroup).
        for (const group of [pg, my, get(T.clusterParams, "pgcluster-cluster-postgres16"), get(T.clusterParams, "aurora-cluster-aurora-mysql8-0"), get(T.params, "aurora-aurora-mysql8-0")]) {
            assert.ok(group.inputs.parameters.length > 0, group.name);
            for (const parameter of group.inputs.parameters) {
                assert.strictEqual(parameter.applyMethod, "pending-reboot", `${group.name} ${parameter.name}`);
            }
        }
    });

    it("subnet group and security group: the isolated subnets, the engine port from the client group only, described", () => {
        const subnets = get(T.subnets, "Orders_DB").inputs;
        assert.deepStrictEqual([subnets.subnetIds, subnets.description], [["subnet-d1", "subnet-d2"], "Isolated data subnets of Orders_DB"]);
        const sg = get(T.sg, "Orders_DB-sg").inputs;
        assert.deepStrictEqual([sg.vpcId, sg.description, sg.ingress, sg.egress], ["vpc-9", "the postgres database Orders_DB: port 5432 from the application only", undefined, undefined]);
        const egress = get(T.egress, "reports-app-to-db").inputs;
        assert.deepStrictEqual([egress.securityGroupId, egress.fromPort, egress.toPort, egress.description], [CLIENT_SG, 3306, 3306, "To the mysql database reports"]);
        const ingress = get(T.ingress, "reports-from-app").inputs;
        assert.deepStrictEqual([ingress.referencedSecurityGroupId, ingress.fromPort, ingress.toPort, ingress.ipProtocol], [CLIENT_SG, 3306, 3306, "tcp"]);
    });

    it("enhanced monitoring: a role only RDS monitoring may assume, with AWS's managed policy", () => {
        const role = get(T.role, "Orders_DB-monitoring").inputs;
        assert.deepStrictEqual(JSON.parse(role.assumeRolePolicy), {
            Version: "2012-10-17",
            Statement: [{ Effect: "Allow", Principal: { Service: "monitoring.rds.amazonaws.com" }, Action: "sts:AssumeRole" }],
        });
        const attachment = get(T.attachment, "Orders_DB-monitoring").inputs;
        assert.strictEqual(attachment.policyArn, "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole");
        // The role's name (autonamed from its logical name).
        assert.ok(attachment.role.startsWith("Orders_DB-monitoring-"), attachment.role);
    });

    it("DB instance outputs: identifier, ARN, endpoints, port, secret, connect ARN, registered for the engine", async () => {
        const db = dbs.orders;
        const urn = await valueOf(db.urn);
        const [identifier, arn, address, endpoint, reader, port, secret, sg, subnets, pgName, connect, resourceId] = await Promise.all([
            valueOf(db.instanceIdentifier), valueOf(db.instanceArn), valueOf(db.address), valueOf(db.endpoint), valueOf(db.readerAddress), valueOf(db.port),
            valueOf(db.masterUserSecretArn), valueOf(db.securityGroupId), valueOf(db.subnetGroupName), valueOf(db.parameterGroupName), valueOf(db.appUserConnectArn), valueOf(db.resourceId),
        ]);
        assert.strictEqual(identifier, "orders-db");
        assert.strictEqual(arn, "arn:aws:rds:us-east-1:123456789012:db:Orders_DB");
        assert.ok(address.startsWith("orders-db.") && address.endsWith(".us-east-1.rds.amazonaws.com"), address);
        assert.deepStrictEqual([endpoint, reader, port], [`${address}:5432`, address, 5432]);
        assert.ok(secret.startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-"), secret);
        assert.ok(sg.startsWith("sg-") && subnets && pgName, `${sg} ${subnets} ${pgName}`);
        // rds-db:connect names the DbiResourceId, not the identifier, and the application's user: the database name's prefix + _app.
        assert.ok(resourceId.startsWith("db-"), resourceId);
        assert.deepStrictEqual(CONNECT_ARN.exec(connect)?.slice(1), [resourceId, "orders_app"]);
        assert.deepStrictEqual([db.appUsername, db.databaseName, db.engine, db.deployment, db.backupWindow, db.maintenanceWindow], ["orders_app", "orders_main", "postgres", "instance", "03:00-04:00", "sun:04:30-sun:05:30"]);
        assert.deepStrictEqual([db.replicaIdentifiers, db.replicaEndpoints, db.clusterIdentifier, db.memberInstanceIdentifiers], [[], [], undefined, undefined]);
        assert.deepStrictEqual(registered.get(urn), {
            instanceIdentifier: identifier, endpoint, readerAddress: reader, masterUserSecretArn: secret, securityGroupId: sg, subnetGroupName: subnets,
            replicaEndpoints: [], appUserConnectArn: connect,
        });
        const reports = dbs.reports;
        assert.deepStrictEqual([reports.appUsername, reports.engine, reports.backupWindow, reports.maintenanceWindow, await valueOf(reports.port)], ["reporter", "mysql", "05:00-06:00", "mon:07:00-mon:08:00", 3306]);
        assert.strictEqual(CONNECT_ARN.exec(await valueOf(reports.appUserConnectArn))?.[2], "reporter");
    });

    it("Multi-AZ DB cluster: every CreateDBCluster input of the shape, TLS through its cluster parameter group", async () => {
        const r = get(T.cluster, "pgcluster");
        const c = r.inputs;
        assert.deepStrictEqual(
            [c.clusterIdentifier, c.engine, c.engineVersion, c.dbClusterInstanceClass, c.allocatedStorage, c.storageType, c.iops, c.port],
            ["pgcluster", "postgres", "16", "db.r6gd.large", 200, "gp3", multiAzClusterGp3Iops(200), 5432],
        );
        assert.deepStrictEqual([c.storageEncrypted, c.kmsKeyId, c.vpcSecurityGroupIds, c.manageMasterUserPassword, c.masterUserSecretKmsKeyId], [true, KEY, [await valueOf(dbs.pgcluster.securityGroupId)], true, KEY]);
        assert.deepStrictEqual([c.databaseName, c.masterUsername, c.dbSubnetGroupName, c.dbClusterParameterGroupName], ["orders_main", "root_admin", await valueOf(dbs.pgcluster.subnetGroupName), await valueOf(dbs.pgcluster.parameterGroupName)]);
        assert.deepStrictEqual([c.preferredBackupWindow, c.preferredMaintenanceWindow, c.backupRetentionPeriod, c.caCertificateIdentifier], ["03:00-04:00", "sun:04:30-sun:05:30", 14, "rds-ca-rsa2048-g1"]);
        assert.deepStrictEqual([c.performanceInsightsEnabled, c.performanceInsightsKmsKeyId, c.performanceInsightsRetentionPeriod, c.monitoringInterval, c.autoMinorVersionUpgrade], [true, KEY, 7, 60, true]);
        assert.ok(c.monitoringRoleArn, "no monitoring role");
        assert.deepStrictEqual([c.iamDatabaseAuthenticationEnabled, c.deletionProtection, c.copyTagsToSnapshot, c.skipFinalSnapshot, c.finalSnapshotIdentifier, c.deleteAutomatedBackups], [true, true, true, false, "pgcluster-final", false]);
        assert.deepStrictEqual(c.enabledCloudwatchLogsExports, ["postgresql", "upgrade"]);
        // A DB instance's names and a storage ceiling have no place in CreateDBCluster.
        for (const key of ["identifier", "instanceClass", "maxAllocatedStorage", "multiAz", "dbName", "username", "backupWindow", "parameterGroupName", "caCertIdentifier", "engineMode"]) {
            assert.strictEqual(c[key], undefined, key);
        }
        assert.deepStrictEqual([r.options.protect, r.options.retainOnDelete, r.options.ignoreChanges], [true, true, []]);
        const group = get(T.clusterParams, "pgcluster-cluster-postgres16");
        assert.deepStrictEqual([group.inputs.family, group.inputs.description], ["postgres16", "pgcluster: TLS required, audit-friendly logging"]);
        assert.deepStrictEqual(params(group), { "rds.force_ssl": "1", log_connections: "1", log_disconnections: "1", log_statement: "ddl", log_min_duration_statement: "1000" });
        assert.deepStrictEqual(ofType(mine("pgcluster"), T.params), [], "no DB parameter group for a Multi-AZ DB cluster");
        assert.deepStrictEqual(ofType(mine("pgcluster"), T.instance), []);
    });

    it("Multi-AZ DB cluster outputs: the cluster's identifier, writer and reader endpoints, its three members", async () => {
        const db = dbs.pgcluster;
        const urn = await valueOf(db.urn);
        const [identifier, clusterIdentifier, members, arn, address, endpoint, reader, port, secret, replicas, connect, resourceId] = await Promise.all([
            valueOf(db.instanceIdentifier), valueOf(db.clusterIdentifier!), valueOf(db.memberInstanceIdentifiers!), valueOf(db.instanceArn), valueOf(db.address),
            valueOf(db.endpoint), valueOf(db.readerAddress), valueOf(db.port), valueOf(db.masterUserSecretArn), valueOf(pulumi.all(db.replicaEndpoints)),
            valueOf(db.appUserConnectArn), valueOf(db.resourceId),
        ]);
        assert.deepStrictEqual([identifier, clusterIdentifier, db.deployment], ["pgcluster", "pgcluster", "multi-az-cluster"]);
        assert.deepStrictEqual(members, ["pgcluster-instance-1", "pgcluster-instance-2", "pgcluster-instance-3"]);
        assert.strictEqual(arn, "arn:aws:rds:us-east-1:123456789012:cluster:pgcluster");
        assert.ok(address.startsWith("pgcluster.cluster-c"), address);
        assert.ok(reader.startsWith("pgcluster.cluster-ro-c"), reader);
        assert.deepStrictEqual([endpoint, port, replicas], [`${address}:5432`, 5432, [reader, reader]]);
        assert.ok(secret.startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-"), secret);
        assert.ok(resourceId.startsWith("cluster-"), resourceId);
        assert.deepStrictEqual(CONNECT_ARN.exec(connect)?.slice(1), [resourceId, "orders_app"]);
        assert.deepStrictEqual(db.replicaIdentifiers, []);
        assert.deepStrictEqual(registered.get(urn), {
            instanceIdentifier: identifier, endpoint, readerAddress: reader, masterUserSecretArn: secret, securityGroupId: await valueOf(db.securityGroupId),
            subnetGroupName: await valueOf(db.subnetGroupName), replicaEndpoints: [reader, reader], appUserConnectArn: connect,
        });
    });

    it("Aurora: the cluster takes none of the per-instance inputs; RDS owns its backups; readers default to the writer's class", async () => {
        const r = get(T.cluster, "aurora");
        const c = r.inputs;
        assert.deepStrictEqual(
            [c.clusterIdentifier, c.engine, c.engineVersion, c.engineMode, c.port, c.databaseName, c.masterUsername, c.preferredBackupWindow, c.preferredMaintenanceWindow, c.backupRetentionPeriod],
            ["aurora", "aurora-mysql", "8.0", "provisioned", 3306, "orders_main", "root_admin", "03:00-04:00", "sun:04:30-sun:05:30", 14],
        );
        assert.deepStrictEqual([c.storageEncrypted, c.kmsKeyId, c.manageMasterUserPassword, c.masterUserSecretKmsKeyId, c.copyTagsToSnapshot, c.finalSnapshotIdentifier], [true, KEY, true, KEY, true, "aurora-final"]);
        assert.deepStrictEqual([c.dbSubnetGroupName, c.dbClusterParameterGroupName], [await valueOf(dbs.aurora.subnetGroupName), await valueOf(dbs.aurora.parameterGroupName)]);
        assert.deepStrictEqual(c.vpcSecurityGroupIds, [await valueOf(dbs.aurora.securityGroupId)]);
        for (const key of ["performanceInsightsKmsKeyId", "performanceInsightsRetentionPeriod", "monitoringRoleArn", "autoMinorVersionUpgrade", "maxAllocatedStorage"]) {
            assert.strictEqual(c[key], undefined, key);
        }
        assert.deepStrictEqual([r.options.protect, r.options.retainOnDelete, r.options.ignoreChanges], [true, true, []]);
        const members = ofType(mine("aurora"), T.member);
        assert.deepStrictEqual(members.map((m) => [m.name, m.inputs.instanceClass, m.inputs.promotionTier]).sort(), [["aurora-reader-1", "db.r6g.large", 1], ["aurora-writer", "db.r6g.large", 0]]);
        for (const m of members) {
            const i = m.inputs;
            assert.match(i.clusterIdentifier, /^aurora-[0-9a-f]+$/, "the cluster's id");
            assert.deepStrictEqual([i.engine, i.publiclyAccessible, i.copyTagsToSnapshot, i.preferredMaintenanceWindow, i.monitoringInterval, i.performanceInsightsRetentionPeriod], ["aurora-mysql", false, true, "sun:04:30-sun:05:30", 60, 7]);
            assert.ok(i.dbSubnetGroupName && i.dbParameterGroupName && i.monitoringRoleArn, m.name);
            assert.deepStrictEqual([m.options.protect, m.options.retainOnDelete], [false, false]);
            assert.ok(m.options.dependencies.some((d) => d.endsWith("aws:rds/cluster:Cluster::aurora")), m.name);
        }
        const clusterGroup = get(T.clusterParams, "aurora-cluster-aurora-mysql8-0");
        assert.deepStrictEqual([clusterGroup.inputs.description, params(clusterGroup)], ["aurora: TLS required (cluster-level parameters)", { require_secure_transport: "1" }]);
        const instanceGroup = get(T.params, "aurora-aurora-mysql8-0");
        assert.deepStrictEqual([instanceGroup.inputs.description, params(instanceGroup)], [
            "aurora: instance-level parameters (slow-query logging, connection settings)", { slow_query_log: "1", long_query_time: "1", log_output: "FILE" },
        ]);
    });

    it("Aurora outputs: the cluster's endpoints, one reader endpoint per reader, the members it created", async () => {
        const db = dbs.aurora;
        const urn = await valueOf(db.urn);
        const [identifier, clusterIdentifier, arn, address, endpoint, reader, port, secret, replicas, connect, resourceId] = await Promise.all([
            valueOf(db.instanceIdentifier), valueOf(db.clusterIdentifier!), valueOf(db.instanceArn), valueOf(db.address), valueOf(db.endpoint), valueOf(db.readerAddress),
            valueOf(db.port), valueOf(db.masterUserSecretArn), valueOf(pulumi.all(db.replicaEndpoints)), valueOf(db.appUserConnectArn), valueOf(db.resourceId),
        ]);
        assert.deepStrictEqual([identifier, clusterIdentifier, db.deployment, db.engine], ["aurora", "aurora", "aurora", "aurora-mysql"]);
        assert.strictEqual(arn, "arn:aws:rds:us-east-1:123456789012:cluster:aurora");
        assert.ok(address.startsWith("aurora.cluster-c") && reader.startsWith("aurora.cluster-ro-c"), `${address} ${reader}`);
        assert.deepStrictEqual([endpoint, port, replicas, db.replicaIdentifiers], [`${address}:3306`, 3306, [reader], []]);
        assert.ok(secret.startsWith("arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-"), secret);
        assert.deepStrictEqual(CONNECT_ARN.exec(connect)?.slice(1), [resourceId, "orders_app"]);
        assert.ok(resourceId.startsWith("cluster-"), resourceId);
        // Members' identifiers are autonamed (unknown in a preview): the output is made of exactly the instances created.
        const sources = await (db.memberInstanceIdentifiers as any).allResources();
        assert.deepStrictEqual([...sources].map((s: any) => s.__name).sort(), ["aurora-reader-1", "aurora-writer"]);
        assert.strictEqual((registered.get(urn) as any).readerAddress, reader);
        // Without readers, reads go to the writer: the reader endpoint would point at the writer anyway, but say so.
        const solo = dbs.solo;
        const [soloAddress, soloReader, soloReplicas] = await Promise.all([valueOf(solo.address), valueOf(solo.readerAddress), valueOf(pulumi.all(solo.replicaEndpoints))]);
        assert.deepStrictEqual([soloReader, soloReplicas], [soloAddress, []]);
        assert.deepStrictEqual(ofType(mine("solo"), T.member).map((m) => m.name), ["solo-writer"]);
    });

    it("identifiers fit RDS's limits: 63 characters for a DB instance, 52 for a Multi-AZ DB cluster, lower case, no trailing hyphen", async () => {
        const instance = get(T.instance, LONG).inputs;
        assert.strictEqual(instance.identifier, `ledger-${"x".repeat(56)}`);
        assert.strictEqual(instance.identifier.length, 63);
        assert.strictEqual(instance.finalSnapshotIdentifier, `${instance.identifier}-final`);
        const cluster = get(T.cluster, `${LONG}-c`).inputs;
        assert.strictEqual(cluster.clusterIdentifier, `ledger-${"x".repeat(45)}`);
        assert.strictEqual(cluster.clusterIdentifier.length, 52);
        // An Aurora cluster identifier may have 63.
        const aurora = get(T.cluster, `${LONG}-a`).inputs;
        assert.strictEqual(aurora.clusterIdentifier, `ledger-${"x".repeat(56)}`);
        for (const id of [instance.identifier, instance.finalSnapshotIdentifier, cluster.clusterIdentifier, aurora.clusterIdentifier]) {
            assert.match(id, RDS_ID);
        }
        assert.strictEqual(await valueOf(dbs.long.instanceIdentifier), instance.identifier);
    });

    it("names every problem of a refused configuration in one message, before registering anything", () => {
        const before = all.length;
        assert.throws(() => new Database("refused", { ...base("mysql"), readReplicas: 1, allocatedStorageGb: undefined }), (e: Error) => {
            assert.strictEqual(e.message,
                "Database refused: readReplicas: 1 read replicas cannot be created: RDS refuses read replicas of a source with a managed master password; " +
                "allowed: 0, or 2 (a Multi-AZ DB cluster with two readable standbys), or use engine aurora-mysql (0 to 15 readers); " +
                "allocatedStorageGb: is required for an RDS database (initial gp3 storage, GiB)");
            return true;
        });
        assert.throws(() => new Database("pinned", { ...base("postgres"), engineVersion: "16.4" }), (e: Error) => e.message.startsWith("Database pinned: 16.4 pins a minor version"));
        assert.strictEqual(all.length, before, "a refused database registered resources");
    });
});
