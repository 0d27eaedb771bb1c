import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import {
    APPLICATION_COMPONENT_SUFFIXES, bucketEnvironmentName, isPlatformEnvironmentName, PLATFORM_ENVIRONMENT_NAMES, PLATFORM_ENVIRONMENT_PREFIX,
} from "../../lib/rules/application-environment";

/** The Application component's source: what it names and sets is what the lists must cover. */
const APPLICATION = fs.readFileSync(path.resolve(__dirname, "../../components/application.ts"), "utf8");

/** The body of the container's `environment: { … }` in components/application.ts (its upper-case keys). */
function environmentKeysSetByApplication(): string[] {
    const start = APPLICATION.indexOf("environment: {\n                ...svc.environment,");
    assert.ok(start >= 0, "components/application.ts: the service's environment block moved; update this test");
    const body = APPLICATION.slice(start, APPLICATION.indexOf("\n            },", start));
    return [...body.matchAll(/^\s+([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]);
}

describe("lib/rules/application-environment", () => {
    it("covers every child component the Application creates (childName(prefix, …)), and names none it does not", () => {
        const created = [...APPLICATION.matchAll(/childName\(prefix, "([a-z-]+)"\)/g)].map((m) => m[1]);
        assert.ok(created.length >= 9, created.join(", "));
        // Stack config compares by prefix (`<a>-<suffix>…`), so `db` covers `db-users`.
        for (const child of created) {
            assert.ok(APPLICATION_COMPONENT_SUFFIXES.some((s) => child === s || child.startsWith(`${s}-`)), `${child} is not covered`);
        }
        for (const suffix of APPLICATION_COMPONENT_SUFFIXES) assert.ok(created.includes(suffix), `${suffix} is not a child of the Application`);
        assert.strictEqual(new Set(APPLICATION_COMPONENT_SUFFIXES).size, APPLICATION_COMPONENT_SUFFIXES.length);
    });

    it("reserves every variable the Application sets on the container", () => {
        const keys = environmentKeysSetByApplication();
        assert.ok(keys.length >= 16, keys.join(", "));
        for (const key of keys) {
            assert.ok(isPlatformEnvironmentName(key), key);
            assert.ok((PLATFORM_ENVIRONMENT_NAMES as readonly string[]).includes(key), key);
        }
    });

    it("also reserves the password variables: the platform authenticates to the database and the cache with IAM, config may not add a password", () => {
        for (const name of ["DATABASE_PASSWORD", "REDIS_PASSWORD"]) {
            assert.ok((PLATFORM_ENVIRONMENT_NAMES as readonly string[]).includes(name), name);
            assert.ok(isPlatformEnvironmentName(name), name);
        }
        // Nothing else: each reserved name is set by the Application or is one of these two.
        assert.deepStrictEqual([...PLATFORM_ENVIRONMENT_NAMES].sort(), [...environmentKeysSetByApplication(), "DATABASE_PASSWORD", "REDIS_PASSWORD"].sort());
    });

    it("names a bucket's variable S3_BUCKET_ + its config name in upper case, every '-' as '_'", () => {
        assert.strictEqual(PLATFORM_ENVIRONMENT_PREFIX, "S3_BUCKET_");
        assert.strictEqual(bucketEnvironmentName("uploads"), "S3_BUCKET_UPLOADS");
        assert.strictEqual(bucketEnvironmentName("user-files"), "S3_BUCKET_USER_FILES");
        assert.strictEqual(bucketEnvironmentName("a-b-c-2"), "S3_BUCKET_A_B_C_2");
        assert.strictEqual(bucketEnvironmentName("Reports"), "S3_BUCKET_REPORTS");
    });

    it("reserves every bucket variable (any S3_BUCKET_ name), so config cannot shadow one", () => {
        for (const name of [bucketEnvironmentName("uploads"), bucketEnvironmentName("user-files"), "S3_BUCKET_", "S3_BUCKET_ANYTHING"]) {
            assert.strictEqual(isPlatformEnvironmentName(name), true, name);
        }
    });

    it("leaves the application's own variables to config: other names, other cases, and the prefix only at the start", () => {
        for (const name of ["NODE_ENV", "LOG_LEVEL", "DATABASE_URL", "DATABASE_POOL_SIZE", "REDIS_DB", "database_host", "Database_Host", "S3_BUCKET", "s3_bucket_uploads",
            "MY_S3_BUCKET_UPLOADS", "XS3_BUCKET_", "DATABASE_HOST_2", "", "S3_BUCKETS"]) {
            assert.strictEqual(isPlatformEnvironmentName(name), false, name);
        }
    });
});
