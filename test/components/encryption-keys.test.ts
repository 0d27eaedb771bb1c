import * as assert from "assert";
import { EncryptionKeys, EncryptionKeysArgs } from "../../components/encryption-keys";
import { installMocks, RecordedResource, settle, TEST_TAGS } from "../support/mocks";

/** The EncryptionKeys component under mocks: one rotating key per purpose, and a key policy per service principal. */
describe("EncryptionKeys component", () => {
    const tags = TEST_TAGS;
    const ACCOUNT = "123456789012";
    const purposes: EncryptionKeysArgs["purposes"] = [
        { name: "logs", description: "CloudWatch Logs", services: ["logs"] },
        { name: "alerts", description: "Alert topic", services: ["sns"], topicPublishers: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "backup.amazonaws.com"] },
        { name: "elb", description: "ELB log delivery", services: ["delivery.logs", "s3"] },
        { name: "shop-data", description: "Data of shop" },
        { name: "shop-web", description: "Frontend of shop", services: ["cloudfront"] },
    ];
    let recorded: RecordedResource[];
    let keys: EncryptionKeys;
    const key = (purpose: string) => recorded.find((r) => r.type === "aws:kms/key:Key" && r.name === `prod-${purpose}`)!;
    const policy = (purpose: string) => JSON.parse(key(purpose).inputs.policy).Statement;

    before(async () => {
        recorded = installMocks({ stack: "keys" });
        keys = new EncryptionKeys("prod-keys", { namePrefix: "prod", purposes, protect: true, tags });
        new EncryptionKeys("dev-keys", { namePrefix: "dev", purposes: purposes.slice(3, 4), protect: false, tags });
        await settle();
    });

    it("creates one symmetric key per purpose with yearly rotation, a 30-day deletion window and an alias", () => {
        const created = recorded.filter((r) => r.type === "aws:kms/key:Key" && r.name.startsWith("prod-"));
        assert.deepStrictEqual(created.map((k) => k.name), ["prod-logs", "prod-alerts", "prod-elb", "prod-shop-data", "prod-shop-web"]);
        for (const k of created) {
            assert.deepStrictEqual(
                [k.inputs.enableKeyRotation, k.inputs.rotationPeriodInDays, k.inputs.deletionWindowInDays, k.inputs.keyUsage, k.inputs.customerMasterKeySpec],
                [true, 365, 30, "ENCRYPT_DECRYPT", "SYMMETRIC_DEFAULT"],
            );
        }
        const aliases = recorded.filter((r) => r.type === "aws:kms/alias:Alias" && r.name.startsWith("prod-"));
        assert.deepStrictEqual(aliases.map((a) => a.inputs.name), ["alias/prod-logs", "alias/prod-alerts", "alias/prod-elb", "alias/prod-shop-data", "alias/prod-shop-web"]);
    });

    it("protects production keys from destroy and keeps them on delete; not elsewhere", () => {
        assert.ok(recorded.filter((r) => r.type === "aws:kms/key:Key" && r.name.startsWith("prod-")).every((k) => k.options.protect && k.options.retainOnDelete));
        const dev = recorded.find((r) => r.type === "aws:kms/key:Key" && r.name === "dev-shop-data")!;
        assert.deepStrictEqual([dev.options.protect, dev.options.retainOnDelete], [false, false]);
    });

    it("keeps administration with the account: the first statement, and the only one for a data key", () => {
        const admin = { Sid: "AccountAdministration", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "kms:*", Resource: "*" };
        for (const purpose of ["logs", "alerts", "elb", "shop-data"]) {
            assert.deepStrictEqual(policy(purpose)[0], admin);
        }
        assert.strictEqual(policy("shop-data").length, 1, "no service uses an application's data key directly");
    });

    it("lets CloudWatch Logs of this region use the logs key only for this account's log groups", () => {
        assert.deepStrictEqual(policy("logs").slice(1), [{
            Sid: "AllowUseBylogs",
            Effect: "Allow",
            Principal: { Service: "logs.us-east-1.amazonaws.com" },
            Action: ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
            Resource: "*",
            Condition: { ArnLike: { "kms:EncryptionContext:aws:logs:arn": `arn:aws:logs:us-east-1:${ACCOUNT}:*` } },
        }]);
    });

    it("grants each other service principal by name, only on behalf of this account", () => {
        const grants = (purpose: string) => policy(purpose).slice(1).map((s: any) => [s.Sid, s.Principal.Service, s.Condition]);
        const own = { StringEquals: { "aws:SourceAccount": ACCOUNT } };
        assert.deepStrictEqual(grants("alerts")[0], ["AllowUseBysns", "sns.amazonaws.com", own]);
        assert.deepStrictEqual(grants("elb"), [
            ["AllowUseBydeliverylogs", "delivery.logs.amazonaws.com", own],
            ["AllowUseBys3", "s3.amazonaws.com", own],
        ]);
        assert.ok(policy("alerts").slice(1).every((s: any) => s.Effect === "Allow" && !s.Action.includes("kms:*") && s.Resource === "*"));
    });

    it("lets topic publishers (EventBridge, CloudWatch, Backup) encrypt messages to the topic without source conditions, which SNS does not support for EventBridge (finding 6)", () => {
        const statements = policy("alerts").filter((s: any) => s.Sid === "TopicPublishersEncryptMessages");
        assert.deepStrictEqual(statements, [{
            Sid: "TopicPublishersEncryptMessages",
            Effect: "Allow",
            Principal: { Service: ["cloudwatch.amazonaws.com", "events.amazonaws.com", "backup.amazonaws.com"] },
            Action: ["kms:GenerateDataKey*", "kms:Decrypt"],
            Resource: "*",
        }]);
        // No statement naming events.amazonaws.com carries aws:SourceAccount / aws:SourceArn (the grant would never match).
        const forEvents = policy("alerts").filter((s: any) => [s.Principal?.Service].flat().includes("events.amazonaws.com"));
        assert.ok(forEvents.length > 0 && forEvents.every((s: any) => !JSON.stringify(s.Condition ?? {}).match(/aws:Source(Account|Arn)/)), JSON.stringify(forEvents));
        // Keys without topic publishers get no such statement.
        assert.ok(!policy("logs").some((s: any) => s.Sid === "TopicPublishersEncryptMessages"));
    });

    it("lets CloudFront only decrypt a frontend's key, for this account's distributions (origin access control)", () => {
        assert.deepStrictEqual(policy("shop-web").slice(1), [{
            Sid: "AllowUseBycloudfront",
            Effect: "Allow",
            Principal: { Service: "cloudfront.amazonaws.com" },
            Action: ["kms:Decrypt"],
            Resource: "*",
            Condition: { ArnLike: { "aws:SourceArn": `arn:aws:cloudfront::${ACCOUNT}:distribution/*` } },
        }]);
    });

    it("answers key ARNs by purpose and refuses an unknown purpose", () => {
        assert.ok(keys.keyArn("logs"));
        assert.throws(() => keys.keyArn("lgos"), /no encryption key for purpose "lgos" \(have: logs, alerts, elb, shop-data, shop-web\)/);
    });

    it("a purpose listed twice is refused before anything is registered", async () => {
        const errors = installMocks({ stack: "keys-errors" });
        assert.throws(() => new EncryptionKeys("bad", { namePrefix: "bad", purposes: [purposes[0], purposes[0]], protect: false, tags }),
            /^Error: EncryptionKeys bad: purpose "logs" is listed twice$/);
        await settle();
        assert.deepStrictEqual(errors, []);
    });
});
