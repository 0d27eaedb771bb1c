import type { Case, ResourceCase, RuleCases } from "../../cases";

/** Cases of secrets-no-plaintext-secrets (test/policies/unit.test.ts runs them in-process). */
const UNKNOWN: any = require("@pulumi/policy/proxy").unknownStringValue;
const KEY = "arn:aws:kms:eu-west-1:111122223333:key/k";
const res = (title: string, type: string, props: Record<string, unknown>, extra: Partial<ResourceCase> = {}): Case => ({ title, resource: { type, props, ...extra } });
const unk = (title: string, expect: "not-judged" | "compliant" | "violating", c: Case) => ({ ...c, title, expect });
const RDS = "aws:rds/instance:Instance";
const RDS_CLUSTER = "aws:rds/cluster:Cluster";
const GOOD_DB = {
    engine: "postgres", storageEncrypted: true, kmsKeyId: KEY, multiAz: true, backupRetentionPeriod: 30, deletionProtection: true, skipFinalSnapshot: false,
    finalSnapshotIdentifier: "final", publiclyAccessible: false, manageMasterUserPassword: true, performanceInsightsEnabled: true, performanceInsightsKmsKeyId: KEY,
};
const TASK = "aws:ecs/taskDefinition:TaskDefinition";
const container = (c: Record<string, unknown>) => JSON.stringify([{ name: "app", image: "app:1", ...c }]);

export const cases: RuleCases = {
    compliant: [
        res("Redshift with a managed admin password", "aws:redshift/cluster:Cluster", { clusterIdentifier: "dw", nodeType: "ra3.xlplus", masterUsername: "admin", manageMasterPassword: true }),
        res("Lambda without an environment", "aws:lambda/function:Function", { runtime: "nodejs20.x", handler: "index.handler", role: "arn:aws:iam::111122223333:role/fn" }),
        res("SageMaker model containers without secrets", "aws:sagemaker/model:Model", { executionRoleArn: "arn:aws:iam::111122223333:role/sm", containers: [{ image: "i", environment: { SAGEMAKER_PROGRAM: "serve.py" } }, { image: "j" }] }),
        res("Lightsail container deployment reading nothing secret", "aws:lightsail/containerServiceDeploymentVersion:ContainerServiceDeploymentVersion", { serviceName: "s", containers: [{ containerName: "app", image: "i", environment: { PORT: "8080" } }] }),
        res("SSM String holding a plain setting", "aws:ssm/parameter:Parameter", { name: "/app/feature/region", type: "String", value: "eu-west-1" }),
        res("secrets from Secrets Manager", TASK, { containerDefinitions: container({ environment: [{ name: "NODE_ENV", value: "production" }, { name: "DB_SECRET_ARN", value: "arn:aws:secretsmanager:eu-west-1:1:secret:x" }], secrets: [{ name: "DB_PASSWORD", valueFrom: "arn:x" }], command: ["node", "server.js", "--port", "8080"] }) }),
        res("managed master password", RDS, GOOD_DB), res("DATABASE_URL without credentials", TASK, { containerDefinitions: container({ environment: [{ name: "DATABASE_URL", value: "postgres://db.internal:5432/app" }] }) }),
        res("CodeBuild password from Secrets Manager", "aws:codebuild/project:Project", { environment: { image: "i", environmentVariables: [{ name: "DB_PASSWORD", value: "prod/db:password", type: "SECRETS_MANAGER" }, { name: "STAGE", value: "prod" }] } }),
        res("SSM String parameter holding no secret", "aws:ssm/parameter:Parameter", { name: "/app/feature/new-checkout", type: "String", value: "enabled" }),
        res("SSM SecureString with a secret name", "aws:ssm/parameter:Parameter", { name: "/app/db/password", type: "SecureString", value: "x" }),
        res("user data reading the secret at boot", "aws:ec2/instance:Instance", { userData: "#!/bin/bash\nexport DB_PASSWORD=$(aws secretsmanager get-secret-value --secret-id db --query SecretString --output text)\n" }),
        res("App Runner secret by reference", "aws:apprunner/service:Service", { sourceConfiguration: { imageRepository: { imageIdentifier: "i", imageRepositoryType: "ECR", imageConfiguration: { runtimeEnvironmentSecrets: { DB_PASSWORD: "arn:aws:secretsmanager:eu-west-1:1:secret:db" } } } } })],
    violating: [
        res("Redshift master password input", "aws:redshift/cluster:Cluster", { clusterIdentifier: "dw", nodeType: "ra3.xlplus", masterUsername: "admin", masterPassword: "Hunter2hunter2" }),
        res("Redshift Serverless admin password input", "aws:redshiftserverless/namespace:Namespace", { namespaceName: "ns", adminUsername: "admin", adminUserPassword: "Hunter2hunter2" }),
        res("DocumentDB master password and its write-only twin", "aws:docdb/cluster:Cluster", { masterUsername: "admin", masterPassword: "hunter2hunter2", masterPasswordWo: "hunter2hunter2" }),
        res("RDS write-only password only (kept out of state, still in the program)", "aws:rds/instance:Instance", { username: "admin", passwordWo: "hunter2hunter2", passwordWoVersion: 1 }),
        res("EC2 userDataBase64 with a literal password", "aws:ec2/instance:Instance", { userDataBase64: "IyEvYmluL2Jhc2gKZXhwb3J0IERCX1BBU1NXT1JEPWh1bnRlcjIK" }),
        res("SageMaker model second container with a plain API key", "aws:sagemaker/model:Model", { executionRoleArn: "arn:aws:iam::111122223333:role/sm", containers: [{ image: "i" }, { image: "j", environment: { API_KEY: "abc123" } }] }),
        res("spot fleet launch specification user data with a password", "aws:ec2/spotFleetRequest:SpotFleetRequest", { iamFleetRole: "arn:aws:iam::111122223333:role/fleet", targetCapacity: 1, launchSpecifications: [{ ami: "ami-1", instanceType: "t3.micro", userData: "#!/bin/bash\nexport DB_PASSWORD=hunter2\n" }] }),
        res("SSM String with a secret-looking value under a plain name", "aws:ssm/parameter:Parameter", { name: "/app/stripe", type: "String", value: "sk_live_abcdefghijklmnop" }),
        res("SSM StringList with an AWS access key in insecureValue", "aws:ssm/parameter:Parameter", { name: "/app/config", type: "StringList", insecureValue: "AKIAABCDEFGHIJKLMNOP" }),
        res("DB_PASS", TASK, { containerDefinitions: container({ environment: [{ name: "DB_PASS", value: "x" }] }) }),
        res("DATABASE_URL with credentials", TASK, { containerDefinitions: container({ environment: [{ name: "DATABASE_URL", value: "postgres://app:hunter2@db:5432/app" }] }) }),
        res("password in command", TASK, { containerDefinitions: container({ command: ["server", "--db-password=hunter2"] }) }),
        res("password flag and value in entryPoint", TASK, { containerDefinitions: container({ entryPoint: ["sh", "-c", "app --password hunter2"] }) }),
        res("credential (any case)", TASK, { containerDefinitions: container({ environment: [{ name: "smtpCredential", value: "x" }] }) }),
        res("password as a secret input", RDS, { password: "hunter2" }), res("password unknown (from random)", RDS_CLUSTER, { masterPassword: UNKNOWN }),
        res("Lambda env secret", "aws:lambda/function:Function", { environment: { variables: { API_KEY: "abc" } } }),
        res("CodeBuild PLAINTEXT (default type) password", "aws:codebuild/project:Project", { environment: { image: "i", environmentVariables: [{ name: "DB_PASSWORD", value: "hunter2" }] } }),
        res("Batch container environment", "aws:batch/jobDefinition:JobDefinition", { type: "container", containerProperties: JSON.stringify({ image: "i", environment: [{ name: "STRIPE_SECRET_KEY", value: "sk_live_abcdefghijklmnop" }] }) }),
        res("App Runner plain variable", "aws:apprunner/service:Service", { sourceConfiguration: { imageRepository: { imageIdentifier: "i", imageRepositoryType: "ECR", imageConfiguration: { runtimeEnvironmentVariables: { API_TOKEN: "t0k3n" } } } } }),
        res("Glue job argument", "aws:glue/job:Job", { defaultArguments: { "--db_password": "hunter2" } }),
        res("DMS endpoint password input", "aws:dms/endpoint:Endpoint", { engineName: "postgres", password: "hunter2" }),
        res("SSM String with a secret-like name", "aws:ssm/parameter:Parameter", { name: "/app/db/password", type: "String", value: "hunter2" }),
        res("EC2 user data with a literal password", "aws:ec2/instance:Instance", { userData: "#!/bin/bash\nexport DB_PASSWORD=hunter2\n" }),
        res("launch template base64 user data with an AWS key", "aws:ec2/launchTemplate:LaunchTemplate", { userData: Buffer.from("#!/bin/bash\naws configure set aws_access_key_id AKIAABCDEFGHIJKLMNOP\n").toString("base64") })],
    unknown: [
        unk("Lambda variables unknown (a nested path)", "not-judged", res("", "aws:lambda/function:Function", { runtime: "nodejs20.x", handler: "index.handler", role: "arn:aws:iam::111122223333:role/fn", environment: { variables: UNKNOWN } })),
        unk("SageMaker container environment unknown (a path through a list)", "not-judged", res("", "aws:sagemaker/model:Model", { executionRoleArn: "arn:aws:iam::111122223333:role/sm", containers: [{ image: "i" }, { image: "j", environment: UNKNOWN }] })),
        unk("SageMaker model containers unknown", "not-judged", res("", "aws:sagemaker/model:Model", { executionRoleArn: "arn:aws:iam::111122223333:role/sm", containers: UNKNOWN })),
        unk("one SageMaker container unknown", "not-judged", res("", "aws:sagemaker/model:Model", { executionRoleArn: "arn:aws:iam::111122223333:role/sm", containers: [UNKNOWN] })),
        unk("whole container definitions unknown", "not-judged", res("", TASK, { containerDefinitions: UNKNOWN })),
        unk("one value unknown, a known DB_PASS still flagged", "violating", res("", TASK, { containerDefinitions: [{ name: "app", environment: [{ name: "DB_HOST", value: UNKNOWN }, { name: "DB_PASS", value: "x" }] }] })),
        unk("user data unknown (rendered from outputs)", "not-judged", res("", "aws:ec2/instance:Instance", { userData: UNKNOWN }))],
    messages: {
        "Redshift master password input": ["password is set as an input (masterPassword; it lands in state and config); use manageMasterPassword: true"],
        "Redshift Serverless admin password input": ["password is set as an input (adminUserPassword; it lands in state and config); use manageAdminPassword: true"],
        "DocumentDB master password and its write-only twin": ["password is set as an input (masterPassword, masterPasswordWo; it lands in state and config); use manageMasterUserPassword: true"],
        "RDS write-only password only (kept out of state, still in the program)": ["password is set as an input (passwordWo; the program or its config holds it); use manageMasterUserPassword: true"],
        "EC2 userDataBase64 with a literal password": ["Instance subject sets DB_PASSWORD to a literal value in its userDataBase64; read it from Secrets Manager or SSM SecureString at boot instead"],
        "SageMaker model second container with a plain API key": ["Model subject has API_KEY as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)"],
        "spot fleet launch specification user data with a password": ["SpotFleetRequest subject sets DB_PASSWORD to a literal value in its launchSpecifications[0].userData; read it from Secrets Manager or SSM SecureString at boot instead"],
        "SSM String with a secret-looking value under a plain name": ["SSM parameter of type String holds a secret-looking value; use SecureString with a KMS key"],
        "SSM StringList with an AWS access key in insecureValue": ["SSM parameter of type StringList holds a secret-looking value; use SecureString with a KMS key"],
        "DB_PASS": ["container app has DB_PASS as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)"],
        "DATABASE_URL with credentials": ["container app has a secret-looking value (credentials, key material) in the plain environment variable DATABASE_URL"],
        "password in command": ["container app has a secret in its command (db-password); read it from a secret at runtime instead"],
        "password flag and value in entryPoint": ["container app passes --password with a literal value in its entryPoint; read it from a secret at runtime instead"],
        "credential (any case)": ["container app has smtpCredential as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)"],
        "password as a secret input": ["password is set as an input (password; it lands in state and config); use manageMasterUserPassword: true"],
        "password unknown (from random)": ["password is set as an input (masterPassword; it lands in state and config); use manageMasterUserPassword: true"],
        "Lambda env secret": ["Function subject has API_KEY as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)"],
        "CodeBuild PLAINTEXT (default type) password": ["Project subject has DB_PASSWORD as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)"],
        "Batch container environment": ["containerProperties has STRIPE_SECRET_KEY as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)"],
        "App Runner plain variable": ["Service subject has API_TOKEN as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)"],
        "Glue job argument": ["Job subject has --db_password as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)"],
        "DMS endpoint password input": ["password is set as an input (password; it lands in state and config); use secretsManagerArn with secretsManagerAccessRoleArn"],
        "SSM String with a secret-like name": ["SSM parameter /app/db/password has a secret-like name but type String: its value is stored and shown in plain text; use SecureString with a KMS key"],
        "EC2 user data with a literal password": ["Instance subject sets DB_PASSWORD to a literal value in its userData; read it from Secrets Manager or SSM SecureString at boot instead"],
        "launch template base64 user data with an AWS key": ["LaunchTemplate subject has a secret-looking value (credentials, key material) in its userData"],
        "Lambda variables unknown (a nested path)": ["not judged: environment.variables unknown during preview"],
        "SageMaker container environment unknown (a path through a list)": ["not judged: containers[1].environment unknown during preview"],
        "SageMaker model containers unknown": ["not judged: containers unknown during preview"],
        "one SageMaker container unknown": ["not judged: containers[0] unknown during preview"],
        "whole container definitions unknown": ["not judged: containerDefinitions unknown during preview"],
        "one value unknown, a known DB_PASS still flagged": ["container app has DB_PASS as a plain environment variable; pass it as a secret (Secrets Manager / SSM reference)", "not judged: containerDefinitions[0].environment[0].DB_HOST unknown during preview"],
        "user data unknown (rendered from outputs)": ["not judged: userData unknown during preview"],
    },
};
