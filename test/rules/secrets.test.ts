import * as assert from "assert";
import { GENERATED_LENGTH, hasUrlCredentials, isSecretLikeName, isSecretLikePath, looksLikeSecretValue, nameWords, urlCarriesToken } from "../../lib/rules/secrets";

/*
 * Test values are synthetic: documentation examples (AWS's AKIAIOSFODNN7EXAMPLE) or strings built for one rule. The
 * assertion messages name the input only, as the detector's callers must never print a real secret.
 */

describe("lib/rules/secrets", () => {
    describe("nameWords", () => {
        it("splits snake, kebab, dotted and camel case into lower-case words", () => {
            assert.deepStrictEqual(nameWords("DB_PASS"), ["db", "pass"]);
            assert.deepStrictEqual(nameWords("dbPassword"), ["db", "password"]);
            assert.deepStrictEqual(nameWords("api-key"), ["api", "key"]);
            assert.deepStrictEqual(nameWords("Stripe.SK"), ["stripe", "sk"]);
            assert.deepStrictEqual(nameWords("oauth2ClientSecret"), ["oauth2", "client", "secret"]);
        });

        it("drops empty parts and keeps a run of capitals together", () => {
            assert.deepStrictEqual(nameWords("__db__pass__"), ["db", "pass"]);
            assert.deepStrictEqual(nameWords("DBPassword"), ["dbpassword"]);
            assert.deepStrictEqual(nameWords(""), []);
            assert.deepStrictEqual(nameWords("---"), []);
        });
    });

    describe("isSecretLikeName", () => {
        it("recognises each secret word on its own, in any case", () => {
            for (const name of ["password", "PASSWD", "pass", "pwd", "secret", "SECRETS", "token", "credential", "credentials", "creds",
                "PRIVATEKEY", "apikey", "sk", "authtoken", "passphrase", "signingkey", "SECRETKEY", "accesskey", "clientsecret", "webhook",
                "dsn", "connectionstring"]) {
                assert.ok(isSecretLikeName(name), name);
            }
        });

        it("recognises the names in common use, whatever their separator", () => {
            for (const name of ["DB_PASS", "dbPassword", "STRIPE_SK", "api-key", "AWS_SECRET_ACCESS_KEY", "PRIVATE_KEY", "API_KEY", "ACCESS_KEY",
                "SIGNING_KEY", "CONNECTION_STRING", "connectionString", "SENTRY_DSN", "SLACK_WEBHOOK", "GITHUB_TOKEN", "JWT_SECRET_KEY",
                "private.key", "Api.Key"]) {
                assert.ok(isSecretLikeName(name), name);
            }
        });

        it("recognises run-together names of well-known variables (two or more letters before the secret word)", () => {
            for (const name of ["PGPASSWORD", "MYSQLPASSWORD", "DBSECRET", "GITHUBTOKEN", "stripeapikey", "awscredentials", "gcpcredential", "ldappasswd", "abtoken"]) {
                assert.ok(isSecretLikeName(name), name);
            }
            // One letter before is a word of its own kind, not a prefix.
            // The secret word must end the name: DETOKENIZE is no token.
            for (const name of ["atoken", "xpassword", "tokens", "passwords", "DETOKENIZE_MODE", "UNDERSECRETARY_NAME", "mytokenizer"]) {
                assert.strictEqual(isSecretLikeName(name), false, name);
            }
        });

        it("leaves words that merely contain a secret word, and keys that are not secret, alone", () => {
            for (const name of ["PASSENGER_COUNT", "TOKENIZER_MODE", "compass", "bypass", "TASK", "KEY", "PUBLIC_KEY", "KEY_ID", "PRIVATE",
                "ACCESS_LOG", "SIGNING_REGION", "CONNECTION_TIMEOUT", "API_URL", "AUTH_MODE", "CLIENT_ID", "DATABASE_NAME", "PORT", ""]) {
                assert.strictEqual(isSecretLikeName(name), false, name);
            }
        });
    });

    describe("isSecretLikePath", () => {
        it("flags a path when any string segment names a secret, ignoring indexes and symbols", () => {
            assert.ok(isSecretLikePath(["appSecrets", 0, "name"]));
            assert.ok(isSecretLikePath(["services", "api", "environment", "JWT_SECRET_KEY"]));
            assert.strictEqual(isSecretLikePath(["services", "api", "environment", "LOG_LEVEL"]), false);
            assert.strictEqual(isSecretLikePath([0, 1, Symbol("password")]), false);
            assert.strictEqual(isSecretLikePath([]), false);
        });
    });

    describe("hasUrlCredentials", () => {
        it("finds a user and password before the host", () => {
            for (const url of ["postgres://app:hunter2@db.internal:5432/orders", "https://user:tok3n@example.com/", "mongodb+srv://u:p@cluster0.example.net",
                "HTTPS://U:P@EXAMPLE.COM", "  redis://default:pw@cache:6379  ", "git+ssh://git:pw@host"]) {
                assert.ok(hasUrlCredentials(url), url);
            }
        });

        it("needs a scheme, a user, a colon and a password", () => {
            for (const url of ["https://example.com/a:b@c", "https://user@example.com", "https://:pw@example.com", "https://user:@example.com",
                "user:pw@example.com", "1http://u:p@example.com", "https://us er:pw@example.com", "https://user:p w@example.com", "x https://u:p@h", ""]) {
                assert.strictEqual(hasUrlCredentials(url), false, url);
            }
        });
    });

    describe("looksLikeSecretValue", () => {
        it("only judges strings", () => {
            for (const value of [undefined, null, 123456789012345, true, { password: "x" }, ["sk_live_aaaaaaaaaa"]]) {
                assert.strictEqual(looksLikeSecretValue(value), false, String(value));
            }
        });

        it("finds credentials in a URL and private-key PEM blocks, but not certificates or public keys", () => {
            assert.ok(looksLikeSecretValue("postgres://app:pw@db:5432/orders"));
            for (const header of ["RSA PRIVATE KEY", "PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY", "ENCRYPTED PRIVATE KEY"]) {
                assert.ok(looksLikeSecretValue(`-----BEGIN ${header}-----\nMIIB\n-----END ${header}-----`), header);
            }
            assert.ok(looksLikeSecretValue("key: |\n  -----BEGIN PRIVATE KEY-----\n"), "a PEM block anywhere in the value");
            for (const header of ["CERTIFICATE", "PUBLIC KEY", "RSA PUBLIC KEY"]) {
                assert.strictEqual(looksLikeSecretValue(`-----BEGIN ${header}-----\nMIIB\n-----END ${header}-----`), false, header);
            }
        });

        // The token formats below are isolated with low-entropy bodies, so only the prefix rule can flag them.
        it("finds Stripe keys: sk/rk/pk, live/test, then at least 10 letters and digits", () => {
            for (const key of ["sk_live_aaaaaaaaaa", "sk_test_aaaaaaaaaa", "rk_live_aaaaaaaaaaaaaaaa", "pk_test_aaaaaaaaaa", "  sk_live_aaaaaaaaaa\n"]) {
                assert.ok(looksLikeSecretValue(key), key);
            }
            for (const key of ["sk_live_aaaaaaaaa", "ak_live_aaaaaaaaaa", "sk_prod_aaaaaaaaaa", "sk_live_aaaaaaaaaa-", "xsk_live_aaaaaaaaaa"]) {
                assert.strictEqual(looksLikeSecretValue(key), false, key);
            }
        });

        it("finds AWS access key IDs: AKIA (long-term) or ASIA (temporary) and 16 more capitals or digits", () => {
            assert.ok(looksLikeSecretValue("AKIAIOSFODNN7EXAMPLE"));
            assert.ok(looksLikeSecretValue("AKIAAAAAAAAAAAAAAAAA"));
            assert.ok(looksLikeSecretValue("ASIAAAAAAAAAAAAAAAAA"));
            for (const id of ["AKIAAAAAAAAAAAAAAAA", "AKIAAAAAAAAAAAAAAAAAA", "AIDAAAAAAAAAAAAAAAAA", "xAKIAAAAAAAAAAAAAAAAA", "AKIAaaaaaaaaaaaaaaaa"]) {
                assert.strictEqual(looksLikeSecretValue(id), false, id);
            }
        });

        it("finds GitHub tokens (ghp_, gho_, ghu_, ghs_, ghr_ and 20 or more characters) and Slack tokens (xoxa-, xoxb-, xoxp-, xoxr-)", () => {
            for (const prefix of ["ghp_", "gho_", "ghu_", "ghs_", "ghr_"]) assert.ok(looksLikeSecretValue(`${prefix}${"a".repeat(20)}`), prefix);
            for (const token of ["ghp_aaaaaaaaaaaaaaaaaaa", "ghx_aaaaaaaaaaaaaaaaaaaa", "ghp_aaaaaaaaaaaaaaaaaaaa!", "my ghp_aaaaaaaaaaaaaaaaaaaa"]) {
                assert.strictEqual(looksLikeSecretValue(token), false, token);
            }
            for (const prefix of ["xoxa-", "xoxb-", "xoxp-", "xoxr-"]) assert.ok(looksLikeSecretValue(`${prefix}1`), prefix);
            for (const token of ["xoxc-1", "xox-1", "see xoxb-1"]) assert.strictEqual(looksLikeSecretValue(token), false, token);
        });

        it("finds long random-looking runs: 20+ letters and digits, two classes, a digit, entropy of at least 3.5 bits", () => {
            assert.ok(looksLikeSecretValue("aB3dE5fG7hJ9kL1mN2pQ"));
            assert.ok(looksLikeSecretValue("a1b2c3d4e5f6g7h8i9j0"), "lower case and digits");
            assert.ok(looksLikeSecretValue("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"), "AWS's example secret access key");
            assert.ok(looksLikeSecretValue("value=aB3dE5fG7hJ9kL1mN2pQ;"), "a run inside other text");
            // Exactly 3.5 bits: 4 symbols of 4 and 8 symbols of 2 in 32 characters.
            assert.ok(looksLikeSecretValue("aaaabbbbcccc1111ddeeffgghh223344"));
            assert.strictEqual(looksLikeSecretValue("aaaabbbbcccc1111ddeeffgghh22334"), false, "3.47 bits");
            assert.strictEqual(looksLikeSecretValue("aB3dE5fG7hJ9kL1mN2p"), false, "19 characters");
            assert.strictEqual(looksLikeSecretValue("AbCdEfGhIjKlMnOpQrStUv"), false, "no digit");
            assert.strictEqual(looksLikeSecretValue("12345678901234567890"), false, "digits only");
            // Digits and base64 punctuation reach 3.7 bits but use one letter-or-digit class: a number, not a key.
            assert.strictEqual(looksLikeSecretValue("1234567890+/=1234567890+/="), false, "one class");
            assert.strictEqual(looksLikeSecretValue("a1a1a1a1a1a1a1a1a1a1a1"), false, "low entropy");
            assert.strictEqual(looksLikeSecretValue(""), false);
            assert.strictEqual(looksLikeSecretValue("production"), false);
        });

        it("leaves configuration alone: ARNs, URLs without credentials, TLS policy names and image digests", () => {
            for (const value of [
                "arn:aws:secretsmanager:eu-west-1:123456789012:secret:aB3dE5fG7hJ9kL1mN2pQ",
                "https://example.com/aB3dE5fG7hJ9kL1mN2pQ",
                "HTTPS://example.com/aB3dE5fG7hJ9kL1mN2pQ",
                "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
                `123456789012.dkr.ecr.eu-west-1.amazonaws.com/api@sha256:${"0a1b2c3d4e5f6789".repeat(4)}`,
                `app@sha256:${"0a1b2c3d4e5f6789".repeat(4)} sidecar@sha256:${"9876f5e4d3c2b1a0".repeat(4)}`,
            ]) {
                assert.strictEqual(looksLikeSecretValue(value), false, value);
            }
            // The ARN and URL exemptions apply at the start only.
            assert.ok(looksLikeSecretValue("see arn:aws:x aB3dE5fG7hJ9kL1mN2pQ"));
            assert.ok(looksLikeSecretValue("link https://x aB3dE5fG7hJ9kL1mN2pQ"));
        });
    });

    describe("urlCarriesToken", () => {
        it("is false for anything that is not an absolute URL, and for a plain endpoint", () => {
            for (const value of ["not a url", "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "", "https://example.com/health", "https://example.com/alerts?page=2&format=json"]) {
                assert.strictEqual(urlCarriesToken(value), false, value);
            }
        });

        it("is true for credentials in the URL", () => {
            assert.ok(urlCarriesToken("https://user:pw@example.com/hook"));
            assert.ok(urlCarriesToken("https://user@example.com/hook"), "a user name alone");
            assert.ok(urlCarriesToken("https://:pw@example.com/hook"), "a password alone");
            assert.ok(urlCarriesToken("  https://user:pw@example.com/  "));
        });

        it("is true for chat and paging webhook paths carrying a key of 16 or more characters", () => {
            assert.ok(urlCarriesToken("https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX"));
            for (const kind of ["services", "hooks", "webhook", "webhooks", "integration", "integrations", "Services"]) {
                assert.ok(urlCarriesToken(`https://example.com/${kind}/aaaaaaaaaaaaaaaa`), kind);
                assert.strictEqual(urlCarriesToken(`https://example.com/${kind}/aaaaaaaaaaaaaaa`), false, `${kind}: 15 characters`);
            }
            assert.ok(urlCarriesToken("https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue"));
            assert.strictEqual(urlCarriesToken("https://example.com/api/services/aaaaaaaaaaaaaaaaaaaa"), false, "only as the first path segment");
            assert.strictEqual(urlCarriesToken("https://example.com/servicesx/aaaaaaaaaaaaaaaaaaaa"), false);
        });

        it("is true when a path segment, decoded, looks like a secret", () => {
            assert.ok(urlCarriesToken("https://example.com/api/aB3dE5fG7hJ9kL1mN2pQ/run"));
            assert.ok(urlCarriesToken("https://example.com/x/%73k_live_aaaaaaaaaa"), "percent-encoded");
            assert.strictEqual(urlCarriesToken("https://example.com/api/v1/alerts"), false);
        });

        it("is true for a secret-like query parameter name or value", () => {
            for (const query of ["token=abc", "api_key=abc", "key=1", "KEY=1", "sig=1", "signature=1", "code=1", "q=aB3dE5fG7hJ9kL1mN2pQ", "a=1&access_token=x"]) {
                assert.ok(urlCarriesToken(`https://example.com/alert?${query}`), query);
            }
            for (const query of ["keys=1", "mykey=1", "codes=1", "signed=1", "page=2", "sigs"]) {
                assert.strictEqual(urlCarriesToken(`https://example.com/alert?${query}`), false, query);
            }
        });
    });

    it("generated application secrets: at least 16 characters (about 95 bits of letters and digits), at most 1024", () => {
        assert.deepStrictEqual(GENERATED_LENGTH, { min: 16, max: 1024 });
        // 16 characters from 62 symbols: 16 × log2(62) ≈ 95 bits.
        assert.strictEqual(Math.round(GENERATED_LENGTH.min * Math.log2(62)), 95);
    });
});
