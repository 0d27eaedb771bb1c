import * as assert from "assert";
import { Storage } from "../../components/storage";
import { installMocks, ofType, RecordedResource, settle, valueOf } from "../support/mocks";

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
});
