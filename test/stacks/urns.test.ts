import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { addedApplicationIdentities, engineUrn, qualifiedType, recordedApplications, Registered, runStackWithUrns, runWithUrns } from "../support/urns";

/**
 * Identity guard for stateful resources. Renaming or re-parenting a database, bucket, key, vault, log group or
 * secret makes `pulumi up` replace it (delete + create: data loss) unless the resource carries an alias to its old
 * URN. This test runs both stacks under the mocks, computes each stateful resource's URN as the engine does, and
 * compares it with the list recorded in stateful-urns.json: every recorded URN must still be the URN of a resource
 * or one of its aliases.
 *
 * Re-record (only when a stateful resource is deliberately added or removed):
 *   RECORD_STATEFUL_URNS=1 npx mocha test/stacks/urns.test.ts
 */

/** Types that hold data or identity AWS cannot give back once deleted. Chosen by type, never by name. */
export const STATEFUL_TYPES: readonly string[] = [
    "aws:rds/instance:Instance",
    "aws:rds/cluster:Cluster",
    "aws:rds/clusterInstance:ClusterInstance",
    "aws:rds/globalCluster:GlobalCluster",
    "aws:elasticache/replicationGroup:ReplicationGroup",
    "aws:elasticache/cluster:Cluster",
    "aws:elasticache/serverlessCache:ServerlessCache",
    "aws:s3/bucket:Bucket",
    "aws:s3/bucketV2:BucketV2",
    "aws:kms/key:Key",
    "aws:kms/replicaKey:ReplicaKey",
    "aws:backup/vault:Vault",
    "aws:cloudwatch/logGroup:LogGroup",
    "aws:secretsmanager/secret:Secret",
    "aws:efs/fileSystem:FileSystem",
    "aws:dynamodb/table:Table",
];

const RECORD_FILE = path.join(__dirname, "stateful-urns.json");
/** The tree recorded before the Application component (application.test.ts): which applications the records know. */
const ALL_URNS = JSON.parse(fs.readFileSync(path.join(__dirname, "all-urns.json"), "utf8")) as Record<string, string[]>;
const STACKS = ["production", "staging"] as const;

function readRecorded(): Record<string, string[]> {
    return JSON.parse(fs.readFileSync(RECORD_FILE, "utf8"));
}

describe("stateful resources keep their URNs (stateful-urns.json)", function () {
    const runs: Record<string, Registered[]> = {};
    const added: Record<string, Set<string>> = {};
    before(async () => {
        for (const stack of STACKS) runs[stack] = await runStackWithUrns(stack);
        for (const stack of STACKS) added[stack] = await addedApplicationIdentities(stack, runs[stack], recordedApplications(ALL_URNS[stack], stack));
        if (process.env.RECORD_STATEFUL_URNS === "1") {
            const recorded = Object.fromEntries(STACKS.map((stack) => [
                stack,
                runs[stack].filter((r) => STATEFUL_TYPES.includes(r.type)).map((r) => r.urn).sort(),
            ]));
            fs.writeFileSync(RECORD_FILE, JSON.stringify(recorded, null, 2) + "\n");
        }
    });

    it("computes URNs as the engine does (whole parent type chain), so nested re-parenting is visible", () => {
        assert.strictEqual(
            engineUrn("s", "p", "urn:pulumi:s::p::a:b:A$a:b:B::outer-inner", "aws:kms/key:Key", "k"),
            "urn:pulumi:s::p::a:b:A$a:b:B$aws:kms/key:Key::k",
        );
    });

    describe("the guard itself", () => {
        class Holder extends pulumi.ComponentResource {
            constructor(type: string, name: string, opts?: pulumi.ComponentResourceOptions) {
                super(type, name, {}, opts);
            }
        }
        class Key extends pulumi.CustomResource {
            constructor(name: string, opts: pulumi.CustomResourceOptions) {
                super("aws:kms/key:Key", name, {}, opts);
            }
        }
        /** v1: a key inside a component; v2: that component moved under a new application component. */
        const v1 = () => {
            const data = new Holder("test:data:Data", "shop-data");
            new Key("shop-data-key", { parent: data });
        };
        const v2 = (withAlias: boolean) => () => {
            const app = new Holder("test:app:Application", "shop");
            const data = new Holder("test:data:Data", "shop-data", { parent: app, aliases: withAlias ? [{ parent: pulumi.rootStackResource }] : [] });
            new Key("shop-data-key", { parent: data });
        };
        const keyOf = (rs: Registered[]) => rs.find((r) => r.type === "aws:kms/key:Key")!;

        it("sees a re-parented key as a new URN, and an alias on its component as identity kept", async () => {
            const before = keyOf(await runWithUrns("guard", v1));
            assert.strictEqual(before.urn, "urn:pulumi:guard::platform::test:data:Data$aws:kms/key:Key::shop-data-key");
            const moved = keyOf(await runWithUrns("guard", v2(false)));
            assert.strictEqual(moved.urn, "urn:pulumi:guard::platform::test:app:Application$test:data:Data$aws:kms/key:Key::shop-data-key");
            assert.ok(!moved.aliasUrns.has(before.urn), "without an alias the old URN is lost");
            const aliased = keyOf(await runWithUrns("guard", v2(true)));
            assert.ok(aliased.aliasUrns.has(before.urn), "the component's alias carries its child");
        });

        it("follows a renamed parent's name prefix in inherited child aliases", async () => {
            const renamed = keyOf(await runWithUrns("guard", () => {
                const data = new Holder("test:data:Data", "store-data", { aliases: [{ name: "shop-data" }] });
                new Key("store-data-key", { parent: data });
            }));
            assert.ok(renamed.aliasUrns.has("urn:pulumi:guard::platform::test:data:Data$aws:kms/key:Key::shop-data-key"));
        });
    });

    for (const stack of STACKS) {
        describe(stack, () => {
            it("has a recorded list with stateful resources of several kinds", () => {
                const types = new Set(readRecorded()[stack].map((urn) => qualifiedType(urn).split("$").pop()));
                for (const type of ["aws:rds/instance:Instance", "aws:kms/key:Key", "aws:s3/bucket:Bucket", "aws:cloudwatch/logGroup:LogGroup"]) {
                    assert.ok(types.has(type), `${stack}: recorded list has no ${type}`);
                }
            });

            it("every recorded stateful URN is still a resource's URN or one of its aliases", () => {
                const current = runs[stack];
                const missing = readRecorded()[stack].filter((old) => !current.some((r) => r.urn === old || r.aliasUrns.has(old)));
                assert.deepStrictEqual(missing, [], `${stack}: these stateful resources would be replaced (add aliases to their old URNs):\n  ${missing.join("\n  ")}`);
            });

            it("no old URN is claimed by two resources (an alias must point at one successor)", () => {
                const claims = new Map<string, string[]>();
                for (const r of runs[stack]) {
                    for (const u of [r.urn, ...r.aliasUrns]) claims.set(u, [...(claims.get(u) ?? []), r.urn]);
                }
                const doubled = readRecorded()[stack].filter((old) => (claims.get(old) ?? []).length > 1);
                assert.deepStrictEqual(doubled, []);
            });

            it("every stateful resource of the plan is in the recorded list (re-record when adding one on purpose; applications added in config are new identities)", () => {
                const recorded = new Set(readRecorded()[stack]);
                const newApps = added[stack];
                const unrecorded = runs[stack]
                    .filter((r) => STATEFUL_TYPES.includes(r.type) && !newApps.has(r.urn))
                    .filter((r) => !recorded.has(r.urn) && ![...r.aliasUrns].some((a) => recorded.has(a)))
                    .map((r) => r.urn);
                assert.deepStrictEqual(unrecorded, [], `${stack}: stateful resources not in stateful-urns.json; if intended, re-record with RECORD_STATEFUL_URNS=1`);
            });
        });
    }
});
