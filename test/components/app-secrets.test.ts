import * as assert from "assert";
import { AppSecrets, AppSecretsArgs } from "../../components/app-secrets";
import { installMocks, RecordedResource, settle } from "../support/mocks";

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
        ] as Array<[string, Partial<AppSecretsArgs>, RegExp]>) {
            it(label, async () => {
                const errors = installMocks({ stack: "secrets-errors" });
                assert.throws(() => new AppSecrets("bad", args(extra)), (e: Error) => e.message.startsWith("AppSecrets bad: ") && message.test(e.message));
                await settle();
                assert.deepStrictEqual(errors, []);
            });
        }
    });
});
