import * as assert from "assert";
import { Database, DatabaseArgs, DatabaseEngine, engineFamily, multiAzClusterGp3Iops } from "../../components/database";
import { installMocks, ofType, RecordedResource, settle } from "../support/mocks";

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
