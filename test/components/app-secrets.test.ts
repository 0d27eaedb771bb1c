import * as assert from "assert";
import { AppSecrets, AppSecretsArgs, randomAlphanumeric } from "../../components/app-secrets";
import { installMocks, RecordedResource, settle } from "../support/mocks";

const { specialSigKey: SPECIAL_SIG_KEY, specialSecretSig: SECRET_SIG } = require("@pulumi/pulumi/runtime/rpc") as { specialSigKey: string; specialSecretSig: string };

/** The AppSecrets component under mocks: empty, customer-key-encrypted secrets, named by environment and app. */
describe("AppSecrets component", () => {
    const tags = { owner: "t", "cost-center": "c", "data-classification": "confidential", environment: "test" };
    const args = (extra: Partial<AppSecretsArgs> = {}): AppSecretsArgs => ({
        application: "shop",
        environment: "production",
        names: ["JWT_SECRET_KEY", "STRIPE_SECRET_KEY"],
        kmsKeyArn: "arn:aws:kms:us-east-1:123456789012:key/data",
        protect: true,
        tags,
        ...extra,
    });
    let recorded: RecordedResource[];
    let secrets: AppSecrets;

    before(async () => {
        recorded = installMocks({ stack: "secrets" });
        secrets = new AppSecrets("production-shop-secrets", args());
        new AppSecrets("staging-shop-secrets", args({ environment: "staging", names: ["JWT_SECRET_KEY"], protect: false, recoveryWindowInDays: 7 }));
        await settle();
    });

    it("creates one secret per name, named <environment>/<application>/<NAME>, encrypted with the data key", () => {
        const created = recorded.filter((r) => r.type === "aws:secretsmanager/secret:Secret");
        assert.deepStrictEqual(created.map((s) => [s.name, s.inputs.name, s.inputs.kmsKeyId]), [
            ["production-shop-secrets-jwt-secret-key", "production/shop/JWT_SECRET_KEY", "arn:aws:kms:us-east-1:123456789012:key/data"],
            ["production-shop-secrets-stripe-secret-key", "production/shop/STRIPE_SECRET_KEY", "arn:aws:kms:us-east-1:123456789012:key/data"],
            ["staging-shop-secrets-jwt-secret-key", "staging/shop/JWT_SECRET_KEY", "arn:aws:kms:us-east-1:123456789012:key/data"],
        ]);
    });

    it("holds no value: no secret version is created, values are put out of band", () => {
        assert.strictEqual(recorded.filter((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion").length, 0);
        assert.ok(recorded.filter((r) => r.type === "aws:secretsmanager/secret:Secret").every((s) => !("secretString" in s.inputs)));
    });

    it("keeps production secrets on destroy with the longest recovery window; staging as configured", () => {
        const byName = (n: string) => recorded.find((r) => r.name === n)!;
        const prod = byName("production-shop-secrets-jwt-secret-key");
        assert.deepStrictEqual([prod.options.protect, prod.options.retainOnDelete, prod.inputs.recoveryWindowInDays], [true, true, 30]);
        const staging = byName("staging-shop-secrets-jwt-secret-key");
        assert.deepStrictEqual([staging.options.protect, staging.options.retainOnDelete, staging.inputs.recoveryWindowInDays], [false, false, 7]);
        assert.deepStrictEqual(prod.inputs.tags, tags);
    });

    it("exposes each secret's ARN under its environment-variable name", () => {
        assert.deepStrictEqual(Object.keys(secrets.secretArns), ["JWT_SECRET_KEY", "STRIPE_SECRET_KEY"]);
    });

    describe("configuration errors register nothing", () => {
        for (const [label, extra, message] of [
            ["a name that is not an environment variable", { names: ["jwt-secret", "OK"] }, /upper-case environment-variable names .*received jwt-secret$/],
            ["a name listed twice", { names: ["JWT", "JWT"] }, /secret JWT is listed twice/],
            ["a recovery window Secrets Manager refuses", { recoveryWindowInDays: 0 }, /recoveryWindowInDays must be 7 to 30 days, received 0/],
            ["a recovery window too long", { recoveryWindowInDays: 31 }, /received 31/],
            ["a name both generated and put out of band", { generate: { JWT_SECRET_KEY: 64 } }, /secret JWT_SECRET_KEY is listed twice/],
            ["a generated secret too short", { names: [], generate: { JWT_SECRET_KEY: 8 } }, /generated secret JWT_SECRET_KEY must be 16–1024 characters long, received 8/],
        ] as Array<[string, Partial<AppSecretsArgs>, RegExp]>) {
            it(label, async () => {
                const errors = installMocks({ stack: "secrets-errors" });
                assert.throws(() => new AppSecrets("bad", args(extra)), (e: Error) => e.message.startsWith("AppSecrets bad: ") && message.test(e.message));
                await settle();
                assert.deepStrictEqual(errors, []);
            });
        }
    });

    describe("generated secrets (the application's own keys: no hand step)", () => {
        let generated: RecordedResource[];
        before(async () => {
            generated = installMocks({ stack: "secrets-generated" });
            new AppSecrets("production-gen-secrets", args({ names: ["STRIPE_SECRET_KEY"], generate: { JWT_SECRET_KEY: 64, ENCRYPTION_KEY: 32 } }));
            await settle();
        });

        it("gives each a secret and a version holding a random value of its length, written once (write-only, version 1, changes ignored)", () => {
            const versions = generated.filter((r) => r.type === "aws:secretsmanager/secretVersion:SecretVersion");
            assert.deepStrictEqual(versions.map((v) => v.name).sort(), ["production-gen-secrets-encryption-key", "production-gen-secrets-jwt-secret-key"]);
            for (const v of versions) {
                const length = v.name.endsWith("jwt-secret-key") ? 64 : 32;
                assert.match(v.inputs.secretStringWo.value, new RegExp(`^[A-Za-z0-9]{${length}}$`));
                assert.strictEqual(v.inputs.secretStringWoVersion, 1);
                assert.ok(!("secretString" in v.inputs), "the value is not a regular (read-back, diffed) input");
                assert.deepStrictEqual(v.options.ignoreChanges, ["secretStringWo"]);
            }
            const described = generated.filter((r) => r.type === "aws:secretsmanager/secret:Secret").map((r) => [r.inputs.name, /generated by the platform/.test(r.inputs.description)]);
            assert.deepStrictEqual(described, [["production/shop/STRIPE_SECRET_KEY", false], ["production/shop/JWT_SECRET_KEY", true], ["production/shop/ENCRYPTION_KEY", true]]);
        });

        it("the value is a secret in the registration (encrypted in state, masked in previews)", () => {
            const version = generated.find((r) => r.name === "production-gen-secrets-jwt-secret-key" && r.type === "aws:secretsmanager/secretVersion:SecretVersion")!;
            // Pulumi's wire form of a secret: the special signature key with the secret signature.
            assert.strictEqual(version.inputs.secretStringWo[SPECIAL_SIG_KEY], SECRET_SIG);
        });

        it("random letters and digits, every character equally likely", () => {
            const sample = randomAlphanumeric(62_000);
            assert.match(sample, /^[A-Za-z0-9]{62000}$/);
            const counts = new Map<string, number>();
            for (const c of sample) counts.set(c, (counts.get(c) ?? 0) + 1);
            assert.strictEqual(counts.size, 62);
            // Expected 1000 each; a modulo bias (256 % 62) would put the first 8 characters near 1.2× the others.
            assert.ok([...counts.values()].every((n) => n > 820 && n < 1180), JSON.stringify([...counts]));
            assert.notStrictEqual(randomAlphanumeric(32), randomAlphanumeric(32));
        });
    });
});
