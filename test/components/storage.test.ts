import * as assert from "assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Storage } from "../../components/storage";
import { installMocks, ofType, onlyOne, RecordedResource, settle, TEST_TAGS, valueOf } from "../support/mocks";

const tags = { owner: "data", "cost-center": "cc-1", "data-classification": "confidential", environment: "test" };
const KEY = "arn:aws:kms:us-east-1:123456789012:key/s3-key";
const ACCOUNT = "123456789012";

describe("Storage component", () => {
    let recorded: RecordedResource[];
    let storage: Storage;
    const mine = () => recorded.filter((r) => r.name.startsWith("st"));
    const of = (type: string, logical: string) => {
        const found = ofType(mine(), type).find((r) => r.name === logical);
        assert.ok(found, `no ${type} ${logical}`);
        return found.inputs;
    };
    const policyOf = (logical: string) => JSON.parse(of("aws:s3/bucketPolicy:BucketPolicy", logical).policy);
    const DATA = ["st-receipts", "st-uploads"];
    const LOGS = ["st-access-logs", "st-alb-logs"];

    before(async () => {
        recorded = installMocks({ stack: "storage-test" });
        storage = new Storage("st", {
            buckets: [
                { name: "receipts", purpose: "financial records" },
                { name: "uploads", purpose: "user uploads", transitionToIaDays: 60, noncurrentVersionExpirationDays: 90 },
            ],
            kmsKeyArn: KEY,
            albAccessLogs: { enabled: true, expirationDays: 90 },
            protect: true,
            tags,
        });
        await settle();
    });

    it("encrypts data buckets with the CMK and bucket keys", () => {
        for (const logical of DATA) {
            const rule = of("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", logical).rules[0];
            assert.strictEqual(rule.applyServerSideEncryptionByDefault.sseAlgorithm, "aws:kms");
            assert.strictEqual(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId, KEY);
            assert.strictEqual(rule.bucketKeyEnabled, true);
        }
    });

    it("uses SSE-S3 on the log buckets, which S3 logging and ELB delivery require", () => {
        for (const logical of LOGS) {
            const rule = of("aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration", logical).rules[0];
            assert.strictEqual(rule.applyServerSideEncryptionByDefault.sseAlgorithm, "AES256");
            assert.strictEqual(rule.applyServerSideEncryptionByDefault.kmsMasterKeyId, undefined);
        }
    });

    it("versions, blocks public access and enforces bucket-owner ownership on every bucket", () => {
        for (const logical of [...DATA, ...LOGS]) {
            assert.strictEqual(of("aws:s3/bucketVersioning:BucketVersioning", logical).versioningConfiguration.status, "Enabled");
            const block = of("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", logical);
            for (const flag of ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"]) {
                assert.strictEqual(block[flag], true, `${logical} ${flag}`);
            }
            assert.strictEqual(of("aws:s3/bucketOwnershipControls:BucketOwnershipControls", logical).rule.objectOwnership, "BucketOwnerEnforced");
            assert.strictEqual(of("aws:s3/bucket:Bucket", logical).forceDestroy, false);
        }
    });

    it("denies plain HTTP and TLS below 1.2 on every bucket", () => {
        for (const logical of [...DATA, ...LOGS]) {
            const statements = policyOf(logical).Statement;
            const insecure = statements.find((s: any) => s.Condition?.Bool?.["aws:SecureTransport"] === "false");
            assert.ok(insecure, `${logical} allows plain HTTP`);
            assert.strictEqual(insecure.Effect, "Deny");
            assert.strictEqual(insecure.Principal, "*");
            assert.strictEqual(insecure.Action, "s3:*");
            const oldTls = statements.find((s: any) => s.Condition?.NumericLessThan?.["s3:TlsVersion"] === "1.2");
            assert.ok(oldTls, `${logical} allows TLS < 1.2`);
            assert.strictEqual(oldTls.Effect, "Deny");
        }
    });

    it("moves data to STANDARD_IA after 30 days by default, aborts stale uploads and expires noncurrent versions", () => {
        const rules = of("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "st-receipts").rules;
        const ia = rules.find((r: any) => r.transitions);
        assert.deepStrictEqual(ia.transitions, [{ days: 30, storageClass: "STANDARD_IA" }]);
        assert.strictEqual(ia.status, "Enabled");
        assert.strictEqual(ia.noncurrentVersionTransitions[0].storageClass, "STANDARD_IA");
        assert.strictEqual(ia.noncurrentVersionExpiration.noncurrentDays, 365);
        const abort = rules.find((r: any) => r.abortIncompleteMultipartUpload);
        assert.strictEqual(abort.abortIncompleteMultipartUpload.daysAfterInitiation, 7);
        const custom = of("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "st-uploads").rules.find((r: any) => r.transitions);
        assert.strictEqual(custom.transitions[0].days, 60);
        assert.strictEqual(custom.noncurrentVersionExpiration.noncurrentDays, 90);
    });

    it("expires the log buckets' objects", () => {
        const alb = of("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "st-alb-logs").rules.find((r: any) => r.expiration);
        assert.strictEqual(alb.expiration.days, 90);
        const access = of("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", "st-access-logs").rules.find((r: any) => r.expiration);
        assert.ok(access.expiration.days > 0);
    });

    it("logs data-bucket access to the access-log bucket, which only S3 logging from this account may write", async () => {
        for (const logical of DATA) {
            const logging = ofType(mine(), "aws:s3/bucketLogging:BucketLogging").find((r) => r.name === logical);
            assert.ok(logging, `${logical} has no access logging`);
            // The target is the log bucket's id (unknown during a preview), so follow the dependency instead.
            assert.ok(logging.options.dependencies.some((urn) => urn.endsWith("aws:s3/bucket:Bucket::st-access-logs")), `${logical} logs elsewhere`);
            assert.strictEqual(logging.inputs.targetPrefix, `${logical.replace("st-", "")}/`);
        }
        const allow = policyOf("st-access-logs").Statement.find((s: any) => s.Effect === "Allow");
        assert.deepStrictEqual(allow.Principal, { Service: "logging.s3.amazonaws.com" });
        assert.strictEqual(allow.Action, "s3:PutObject");
        assert.strictEqual(allow.Condition.StringEquals["aws:SourceAccount"], ACCOUNT);
    });

    it("lets ELB log delivery (service principal and regional account) write the ALB logs, nothing else", () => {
        const allows = policyOf("st-alb-logs").Statement.filter((s: any) => s.Effect === "Allow");
        assert.strictEqual(allows.length, 2);
        const service = allows.find((s: any) => s.Principal.Service);
        assert.strictEqual(service.Principal.Service, "logdelivery.elasticloadbalancing.amazonaws.com");
        const regional = allows.find((s: any) => s.Principal.AWS);
        assert.match(regional.Principal.AWS, /^arn:aws:iam::\d{12}:root$/);
        for (const s of allows) {
            assert.strictEqual(s.Action, "s3:PutObject");
            assert.ok(s.Resource.endsWith(`/AWSLogs/${ACCOUNT}/*`), s.Resource);
        }
        assert.strictEqual(policyOf("st-receipts").Statement.filter((s: any) => s.Effect === "Allow").length, 0, "data buckets grant nothing");
    });

    it("exports names and ARNs by logical name", async () => {
        assert.deepStrictEqual(Object.keys(storage.bucketNames).sort(), ["receipts", "uploads"]);
        assert.strictEqual(storage.dataBucketArns.length, 2);
        assert.ok((await valueOf(storage.bucketArns.receipts)).startsWith("arn:aws:s3:::"));
        assert.ok((await valueOf(storage.albLogBucketName)).length > 0);
    });

    it("protects the data buckets and the log buckets (audit evidence) when asked", async () => {
        for (const logical of [...DATA, ...LOGS]) {
            const bucket = ofType(mine(), "aws:s3/bucket:Bucket").find((r) => r.name === logical)!;
            assert.strictEqual(bucket.options.protect, true, logical);
            assert.strictEqual(bucket.options.retainOnDelete, true, logical);
        }
        new Storage("unprotected", { buckets: [{ name: "docs", purpose: "documents" }], kmsKeyArn: KEY, albAccessLogs: { enabled: true, expirationDays: 30 }, protect: false, tags });
        await settle();
        for (const bucket of recorded.filter((r) => r.type === "aws:s3/bucket:Bucket" && r.name.startsWith("unprotected"))) {
            assert.strictEqual(bucket.options.protect, false, bucket.name);
        }
    });

    it("exposes the ALB log bucket's policy, which a logging load balancer must wait for", () => {
        assert.ok(storage.albLogBucketPolicy, "no policy to depend on");
        assert.ok(ofType(mine(), "aws:s3/bucketPolicy:BucketPolicy").some((r) => r.name === "st-alb-logs"));
    });

    it("tags every bucket with the standard tags and its purpose, and parents every child", () => {
        for (const bucket of ofType(mine(), "aws:s3/bucket:Bucket")) {
            assert.strictEqual(bucket.inputs.tags.owner, "data");
            assert.strictEqual(bucket.inputs.tags.environment, "test");
            assert.ok(bucket.inputs.tags.purpose, `${bucket.name} has no purpose tag`);
        }
        assert.strictEqual(of("aws:s3/bucket:Bucket", "st-receipts").tags.purpose, "financial records");
        for (const r of mine().filter((r) => r.type.startsWith("aws:"))) {
            assert.ok(r.options.parent.includes("platform:data:Storage"), `${r.key} not parented`);
        }
    });

    it("creates no ALB log bucket unless asked", async () => {
        const quiet = new Storage("quiet", { buckets: [{ name: "docs", purpose: "documents" }], kmsKeyArn: KEY, protect: false, tags });
        await settle();
        assert.strictEqual(recorded.filter((r) => r.name === "quiet-alb-logs").length, 0);
        assert.strictEqual(await valueOf(quiet.albLogBucketName), "");
    });

    // The inputs each child gives AWS, checked field by field against the AWS references (cited per test).
    describe("what it gives AWS", () => {
        const T = {
            component: "platform:data:Storage",
            bucket: "aws:s3/bucket:Bucket",
            sse: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
            versioning: "aws:s3/bucketVersioning:BucketVersioning",
            block: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
            ownership: "aws:s3/bucketOwnershipControls:BucketOwnershipControls",
            policy: "aws:s3/bucketPolicy:BucketPolicy",
            lifecycle: "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration",
            logging: "aws:s3/bucketLogging:BucketLogging",
        };
        // ELB's account in us-east-1 (ELB User Guide, "Enable access logs", regions available before August 2022).
        const ELB_US_EAST_1 = "arn:aws:iam::127311923021:root";
        let all: RecordedResource[];
        let full: Storage;
        let bare: Storage;
        let off: Storage;
        /** Outputs registered per URN (ComponentResource.registerOutputs), as the engine receives them. */
        const registered = new Map<string, any>();
        const get = (type: string, name: string) => onlyOne(all, type, name);
        const mine = (prefix: string) => all.filter((r) => r.name === prefix || r.name.startsWith(`${prefix}-`));
        /** The physical bucket name, as every per-bucket resource receives it (`bucket: bucket.id`). */
        const nameOf = (logical: string) => get(T.sse, logical).inputs.bucket as string;
        const s3Arn = (bucketName: string) => `arn:aws:s3:::${bucketName}`;
        const policy = (logical: string) => JSON.parse(get(T.policy, logical).inputs.policy);
        const lifecycle = (logical: string) => get(T.lifecycle, logical).inputs;
        /** S3 User Guide, "enforce encryption of data in transit" and "s3:TlsVersion": both deny on the bucket and its objects. */
        const transportDenies = (bucketName: string) => [
            { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [s3Arn(bucketName), `${s3Arn(bucketName)}/*`], Condition: { Bool: { "aws:SecureTransport": "false" } } },
            { Sid: "DenyOutdatedTls", Effect: "Deny", Principal: "*", Action: "s3:*", Resource: [s3Arn(bucketName), `${s3Arn(bucketName)}/*`], Condition: { NumericLessThan: { "s3:TlsVersion": "1.2" } } },
        ];
        const abortUploads = { id: "abort-incomplete-uploads", status: "Enabled", filter: {}, abortIncompleteMultipartUpload: { daysAfterInitiation: 7 } };

        before(async () => {
            all = installMocks({ stack: "storage-inputs", region: "us-east-1" });
            const monitor = pulumi.runtime.getMonitor() as any;
            const registerResourceOutputs = monitor.registerResourceOutputs.bind(monitor);
            monitor.registerResourceOutputs = (req: any, callback: any) => {
                const rpc = require("@pulumi/pulumi/runtime/rpc");
                registered.set(req.getUrn(), rpc.deserializeProperties(req.getOutputs()));
                return registerResourceOutputs(req, callback);
            };
            full = new Storage("full", {
                buckets: [
                    { name: "receipts", purpose: "financial records" },
                    { name: "uploads", purpose: "user uploads", transitionToIaDays: 60, noncurrentVersionExpirationDays: 90 },
                ],
                kmsKeyArn: KEY, albAccessLogs: { enabled: true, expirationDays: 90 }, accessLogExpirationDays: 400, protect: true, tags: TEST_TAGS,
            });
            // Defaults everywhere; 0 noncurrent days means "keep noncurrent versions" (S3 requires a positive NoncurrentDays).
            bare = new Storage("bare", { buckets: [{ name: "docs", purpose: "documents", noncurrentVersionExpirationDays: 0 }], kmsKeyArn: KEY, protect: false, tags: TEST_TAGS });
            off = new Storage("off", { buckets: [], kmsKeyArn: KEY, albAccessLogs: { enabled: false, expirationDays: 90 }, protect: false, tags: TEST_TAGS });
            // Through an explicit provider in another region: lookups must go through it too (the component is their parent).
            new Storage("eu", { buckets: [], kmsKeyArn: KEY, albAccessLogs: { enabled: true, expirationDays: 30 }, protect: false, tags: TEST_TAGS },
                { provider: new aws.Provider("eu-west-1", { region: "eu-west-1" }) });
            await settle();
        });

        it("declares each child once under its own logical name (renaming one replaces it in the state)", () => {
            const perBucket = (logical: string) => [T.bucket, T.sse, T.versioning, T.block, T.ownership, T.policy, T.lifecycle].map((t) => `${t} ${logical}`);
            const keys = (prefix: string) => mine(prefix).map((r) => `${r.type} ${r.name}`).sort();
            assert.deepStrictEqual(keys("full"), [
                `${T.component} full`,
                ...perBucket("full-access-logs"), ...perBucket("full-alb-logs"), ...perBucket("full-receipts"), ...perBucket("full-uploads"),
                `${T.logging} full-receipts`, `${T.logging} full-uploads`,
            ].sort());
            assert.deepStrictEqual(keys("bare"), [`${T.component} bare`, ...perBucket("bare-access-logs"), ...perBucket("bare-docs"), `${T.logging} bare-docs`].sort());
            // `enabled: false` creates no ALB log bucket, exactly like leaving albAccessLogs out.
            assert.deepStrictEqual(keys("off"), [`${T.component} off`, ...perBucket("off-access-logs")].sort());
        });

        it("is a top-level platform:data:Storage that parents every child to itself", async () => {
            for (const [storage, name] of [[full, "full"], [bare, "bare"], [off, "off"]] as Array<[Storage, string]>) {
                const urn = await valueOf(storage.urn);
                assert.ok(urn.endsWith(`::platform:data:Storage::${name}`), urn);
                const component = get(T.component, name);
                assert.strictEqual(component.options.parent, "", "a top-level component");
                for (const child of mine(name).filter((r) => r !== component)) {
                    assert.strictEqual(child.options.parent, urn, `${child.type} ${child.name} is parented to the component`);
                }
            }
        });

        it("registers its outputs: names and ARNs by logical name, the log buckets' names", async () => {
            const urn = await valueOf(full.urn);
            const [receipts, uploads] = [nameOf("full-receipts"), nameOf("full-uploads")];
            assert.deepStrictEqual(registered.get(urn), {
                bucketNames: { receipts, uploads },
                bucketArns: { receipts: s3Arn(receipts), uploads: s3Arn(uploads) },
                accessLogBucketName: nameOf("full-access-logs"),
                albLogBucketName: nameOf("full-alb-logs"),
            });
            assert.deepStrictEqual(await Promise.all(full.dataBucketArns.map((a) => valueOf(a))), [s3Arn(receipts), s3Arn(uploads)]);
            assert.strictEqual(await valueOf(full.accessLogBucketName), nameOf("full-access-logs"));
            assert.strictEqual(await valueOf(full.bucketNames.receipts), receipts);
            assert.strictEqual(await valueOf(full.bucketArns.uploads), s3Arn(uploads));
            // No ALB log bucket: an empty name, no policy to wait for.
            const bareUrn = await valueOf(bare.urn);
            assert.strictEqual(registered.get(bareUrn).albLogBucketName, "");
            assert.strictEqual(bare.albLogBucketPolicy, undefined);
            assert.strictEqual(off.albLogBucketPolicy, undefined);
            assert.strictEqual(await valueOf(off.albLogBucketName), "");
            assert.deepStrictEqual(off.dataBucketArns, []);
        });

        it("the ALB log bucket's policy it exposes is the one ELB checks: that bucket's policy resource", async () => {
            const exposed = await valueOf(full.albLogBucketPolicy!.urn);
            assert.ok(exposed.endsWith(`${T.policy}::full-alb-logs`), exposed);
        });

        it("tags every bucket with the required tags and its purpose (log buckets: the pack's log-destination marker)", () => {
            for (const [logical, purpose] of [
                ["full-receipts", "financial records"], ["full-uploads", "user uploads"], ["full-access-logs", "log-destination"], ["full-alb-logs", "log-destination"],
                ["bare-docs", "documents"], ["bare-access-logs", "log-destination"],
            ]) {
                assert.deepStrictEqual(get(T.bucket, logical).inputs.tags, { ...TEST_TAGS, purpose }, logical);
            }
        });

        it("keeps every bucket (no forceDestroy) and protects and retains them only when asked", () => {
            for (const [logical, protect] of [
                ["full-receipts", true], ["full-uploads", true], ["full-access-logs", true], ["full-alb-logs", true],
                ["bare-docs", false], ["bare-access-logs", false], ["off-access-logs", false],
            ] as Array<[string, boolean]>) {
                const bucket = get(T.bucket, logical);
                assert.strictEqual(bucket.inputs.forceDestroy, false, `${logical}: deleting a non-empty bucket must fail, not empty it`);
                assert.deepStrictEqual([bucket.options.protect, bucket.options.retainOnDelete], [protect, protect], logical);
            }
        });

        it("data buckets: SSE-KMS with the customer key and an S3 Bucket Key; log buckets: SSE-S3 (what S3 logging and ELB delivery accept)", () => {
            for (const logical of ["full-receipts", "full-uploads", "bare-docs"]) {
                assert.ok(nameOf(logical).startsWith(logical), `${logical} configures its own bucket`);
                // S3 API ServerSideEncryptionByDefault: SSEAlgorithm aws:kms + KMSMasterKeyID; BucketKeyEnabled cuts KMS requests.
                assert.deepStrictEqual(get(T.sse, logical).inputs.rules, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: KEY }, bucketKeyEnabled: true }], logical);
            }
            for (const logical of ["full-access-logs", "full-alb-logs", "bare-access-logs"]) {
                assert.ok(nameOf(logical).startsWith(logical), `${logical} configures its own bucket`);
                // Bucket keys apply to SSE-KMS only.
                assert.deepStrictEqual(get(T.sse, logical).inputs.rules, [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "AES256" }, bucketKeyEnabled: false }], logical);
            }
        });

        it("every bucket: versioned, ACLs disabled (BucketOwnerEnforced), all four public-access blocks on", () => {
            for (const logical of ["full-receipts", "full-uploads", "full-access-logs", "full-alb-logs", "bare-docs", "bare-access-logs", "off-access-logs"]) {
                const bucket = nameOf(logical);
                assert.deepStrictEqual(get(T.versioning, logical).inputs, { bucket, versioningConfiguration: { status: "Enabled" } }, logical);
                // BucketOwnerEnforced: S3 server access logging and ELB delivery both work with ACLs disabled (bucket policy grants).
                assert.deepStrictEqual(get(T.ownership, logical).inputs, { bucket, rule: { objectOwnership: "BucketOwnerEnforced" } }, logical);
                assert.deepStrictEqual(get(T.block, logical).inputs, { bucket, blockPublicAcls: true, blockPublicPolicy: true, ignorePublicAcls: true, restrictPublicBuckets: true }, logical);
            }
        });

        it("data bucket policies grant nothing and deny plain HTTP and TLS below 1.2; each waits for its public access block", () => {
            for (const logical of ["full-receipts", "full-uploads", "bare-docs"]) {
                const bucket = nameOf(logical);
                assert.strictEqual(get(T.policy, logical).inputs.bucket, bucket);
                assert.deepStrictEqual(policy(logical), { Version: "2012-10-17", Statement: transportDenies(bucket) }, logical);
            }
            // Concurrent bucket-level writes conflict (and a public-access block set after the policy would judge it anew).
            for (const logical of ["full-receipts", "full-access-logs", "full-alb-logs", "bare-docs"]) {
                const deps = get(T.policy, logical).options.dependencies;
                assert.ok(deps.some((urn) => urn.endsWith(`$${T.block}::${logical}`)), `${logical}: ${deps.join()}`);
            }
        });

        it("access-log bucket policy: only S3 server access logging, for this account's buckets, may put objects (S3 User Guide, ServerLogs)", () => {
            for (const prefix of ["full", "bare", "off"]) {
                const bucket = nameOf(`${prefix}-access-logs`);
                assert.strictEqual(get(T.policy, `${prefix}-access-logs`).inputs.bucket, bucket);
                assert.deepStrictEqual(policy(`${prefix}-access-logs`), {
                    Version: "2012-10-17",
                    Statement: [
                        {
                            Sid: "AllowS3ServerAccessLogs", Effect: "Allow", Principal: { Service: "logging.s3.amazonaws.com" }, Action: "s3:PutObject",
                            Resource: `${s3Arn(bucket)}/*`, Condition: { StringEquals: { "aws:SourceAccount": ACCOUNT } },
                        },
                        ...transportDenies(bucket),
                    ],
                }, prefix);
            }
        });

        it("ALB log bucket policy: ELB's log-delivery principal and the regional ELB account may put objects under <prefix>/AWSLogs/<account>/ only", () => {
            const bucket = nameOf("full-alb-logs");
            assert.strictEqual(get(T.policy, "full-alb-logs").inputs.bucket, bucket);
            // ELB User Guide, "Enable access logs for your Application Load Balancer": arn:aws:s3:::bucket/prefix/AWSLogs/account/*.
            const objects = `${s3Arn(bucket)}/*/AWSLogs/${ACCOUNT}/*`;
            assert.deepStrictEqual(policy("full-alb-logs"), {
                Version: "2012-10-17",
                Statement: [
                    { Sid: "AllowElbLogDelivery", Effect: "Allow", Principal: { Service: "logdelivery.elasticloadbalancing.amazonaws.com" }, Action: "s3:PutObject", Resource: objects },
                    { Sid: "AllowRegionalElbAccount", Effect: "Allow", Principal: { AWS: ELB_US_EAST_1 }, Action: "s3:PutObject", Resource: objects },
                    ...transportDenies(bucket),
                ],
            });
        });

        it("names the ELB account of the region the component deploys to (its provider's), not the default provider's", () => {
            // ELB User Guide: eu-west-1 (Ireland) delivers as account 156460612806.
            const regional = policy("eu-alb-logs").Statement.find((s: any) => s.Sid === "AllowRegionalElbAccount");
            assert.deepStrictEqual(regional.Principal, { AWS: "arn:aws:iam::156460612806:root" });
        });

        it("server access logging: each data bucket logs to the access-log bucket under its own prefix", () => {
            const target = nameOf("full-access-logs");
            for (const [logical, prefix] of [["full-receipts", "receipts/"], ["full-uploads", "uploads/"]]) {
                // S3 API LoggingEnabled: TargetBucket + TargetPrefix (a trailing "/" keeps each bucket's logs in a folder).
                assert.deepStrictEqual(get(T.logging, logical).inputs, { bucket: nameOf(logical), targetBucket: target, targetPrefix: prefix }, logical);
            }
            assert.deepStrictEqual(get(T.logging, "bare-docs").inputs, { bucket: nameOf("bare-docs"), targetBucket: nameOf("bare-access-logs"), targetPrefix: "docs/" });
        });

        it("data lifecycle: abort stale multipart uploads after 7 days; STANDARD_IA after 30 days by default (S3's minimum for it), noncurrent versions too", () => {
            const ia = (days: number, noncurrentVersionExpiration?: object) => ({
                id: "infrequent-access", status: "Enabled", filter: {},
                transitions: [{ days, storageClass: "STANDARD_IA" }],
                // S3: a noncurrent transition to STANDARD_IA needs at least 30 noncurrent days as well.
                noncurrentVersionTransitions: [{ noncurrentDays: 30, storageClass: "STANDARD_IA" }],
                ...(noncurrentVersionExpiration ? { noncurrentVersionExpiration } : {}),
            });
            assert.deepStrictEqual(lifecycle("full-receipts"), { bucket: nameOf("full-receipts"), rules: [abortUploads, ia(30, { noncurrentDays: 365 })] });
            assert.deepStrictEqual(lifecycle("full-uploads"), { bucket: nameOf("full-uploads"), rules: [abortUploads, ia(60, { noncurrentDays: 90 })] });
            // NoncurrentDays "must be a non-zero positive integer": 0 leaves noncurrent versions in place rather than sending 0.
            assert.deepStrictEqual(lifecycle("bare-docs"), { bucket: nameOf("bare-docs"), rules: [abortUploads, ia(30)] });
        });

        it("log lifecycle: objects expire after the days asked (server access logs: 365 by default), noncurrent versions after 30, nothing moves to IA", () => {
            const expire = (days: number) => ({ id: "expire-logs", status: "Enabled", filter: {}, expiration: { days }, noncurrentVersionExpiration: { noncurrentDays: 30 } });
            assert.deepStrictEqual(lifecycle("full-access-logs"), { bucket: nameOf("full-access-logs"), rules: [abortUploads, expire(400)] });
            assert.deepStrictEqual(lifecycle("full-alb-logs"), { bucket: nameOf("full-alb-logs"), rules: [abortUploads, expire(90)] });
            assert.deepStrictEqual(lifecycle("bare-access-logs"), { bucket: nameOf("bare-access-logs"), rules: [abortUploads, expire(365)] });
        });
    });
});
