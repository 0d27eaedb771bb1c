import * as assert from "assert";
import { Database, DatabaseArgs, DatabaseEngine, engineFamily } from "../../components/database";
import { installMocks, ofType, RecordedResource, settle } from "../support/mocks";

const tags = { owner: "data", "cost-center": "cc-1", "data-classification": "confidential", environment: "test" };
const KEY = "arn:aws:kms:us-east-1:123456789012:key/db-key";
const CLIENT_SG = "sg-client";

function args(engine: DatabaseEngine): DatabaseArgs {
    return {
        engine,
        engineVersion: engine === "postgres" ? "15.8" : "8.0.40",
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
        readReplicas: 2,
        replicaAvailabilityZones: ["us-east-1b", "us-east-1c"],
        performanceInsightsRetentionDays: 31,
        protect: true,
        tags,
    };
}

const cases: Array<{ engine: DatabaseEngine; port: number; family: string; tls: [string, string]; logs: string[]; logging: Record<string, string> }> = [
    {
        engine: "postgres", port: 5432, family: "postgres15", tls: ["rds.force_ssl", "1"], logs: ["postgresql", "upgrade"],
        logging: { log_statement: "ddl", log_connections: "1", log_disconnections: "1", log_min_duration_statement: "1000" },
    },
    {
        engine: "mysql", port: 3306, family: "mysql8.0", tls: ["require_secure_transport", "ON"], logs: ["error", "slowquery"],
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
                assert.strictEqual(p.finalSnapshotIdentifier, `${name}-final`);
            });

            it("creates the read replicas from the primary, with the key, across the other AZs", () => {
                const reps = replicas();
                assert.strictEqual(reps.length, 2);
                assert.deepStrictEqual(reps.map((r) => r.inputs.availabilityZone).sort(), ["us-east-1b", "us-east-1c"]);
                for (const r of reps) {
                    assert.strictEqual(r.inputs.replicateSourceDb, primary().inputs.identifier);
                    assert.strictEqual(r.inputs.kmsKeyId, KEY);
                    assert.strictEqual(r.inputs.storageEncrypted, true);
                    assert.strictEqual(r.inputs.publiclyAccessible, false);
                    assert.strictEqual(r.inputs.performanceInsightsEnabled, true);
                    assert.strictEqual(r.inputs.monitoringInterval, 60);
                    assert.strictEqual(r.inputs.deletionProtection, true);
                    assert.strictEqual(r.inputs.parameterGroupName, primary().inputs.parameterGroupName);
                    assert.strictEqual(r.inputs.password, undefined);
                }
            });

            it("protects the primary and replicas when asked", () => {
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

    it("does not protect a non-production database", async () => {
        new Database("dbtest-staging", { ...args("postgres"), protect: false, readReplicas: 0 });
        await settle();
        const instance = recorded.find((r) => r.type === "aws:rds/instance:Instance" && r.name === "dbtest-staging")!;
        assert.strictEqual(instance.options.protect, false);
    });
});
