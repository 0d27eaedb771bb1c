import * as assert from "assert";
import * as fs from "fs";
import * as path from "path";

/** The README's claims that code can check: the test layout it describes and the component table's type tokens. */
const ROOT = path.resolve(__dirname, "..");
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The text of a `## <title>` section, up to the next `## `. */
function section(title: string): string {
    const start = README.indexOf(`\n## ${title}`);
    assert.ok(start >= 0, `README has no "## ${title}" section`);
    const end = README.indexOf("\n## ", start + 1);
    return README.slice(start, end < 0 ? undefined : end);
}

describe("README stays true", () => {
    it("every test path the Tests section names exists, and every test directory or file under test/ is named", () => {
        const tests = section("Tests");
        const named = [...tests.matchAll(/`(test\/[^`]*)`/g)].map((m) => m[1]);
        for (const p of named) {
            assert.ok(fs.existsSync(path.join(ROOT, p)), `README names ${p}, which does not exist`);
        }
        const topLevel = fs.readdirSync(path.join(ROOT, "test"), { withFileTypes: true })
            .map((entry) => entry.isDirectory() ? `test/${entry.name}/` : `test/${entry.name}`);
        const unnamed = topLevel.filter((entry) => !named.some((p) => p === entry || p.startsWith(entry)));
        assert.deepStrictEqual(unnamed, [], "test entries the README's Tests section does not describe");
    });

    it("each directory's bullet names exactly the .ts files in that directory, and every test file is named", () => {
        // Bullets start with "- `test/<dir>/`"; the files a bullet names are the backticked `*.ts` names in it.
        const bullets = section("Tests").split(/\n- /).slice(1);
        const described = new Map<string, string[]>();
        for (const bullet of bullets) {
            const dir = /^`test\/([a-z-]+)\/`/.exec(bullet)?.[1];
            if (dir) described.set(dir, [...bullet.matchAll(/`([a-z-]+(?:\.test)?\.ts)`/g)].map((m) => m[1]));
        }
        const testDirs = fs.readdirSync(path.join(ROOT, "test"), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
        // Shared helpers and fixtures are described as directories; every other directory lists its files.
        for (const dir of testDirs.filter((d) => d !== "support" && d !== "fixtures")) {
            const files = fs.readdirSync(path.join(ROOT, "test", dir)).filter((f) => f.endsWith(".ts")).sort();
            assert.deepStrictEqual([...new Set(described.get(dir) ?? [])].sort(), files, `README's bullet for test/${dir}/`);
        }
    });

    it("the component table lists every component class with the type token its constructor registers", () => {
        const table = section("Architecture");
        const rows = [...table.matchAll(/^\| `([A-Za-z]+)` \| `(platform:[a-z]+:[A-Za-z]+)` \|/gm)].map((m) => [m[1], m[2]]);
        const declared: string[][] = [];
        for (const file of fs.readdirSync(path.join(ROOT, "components")).filter((f) => f.endsWith(".ts"))) {
            const source = fs.readFileSync(path.join(ROOT, "components", file), "utf8");
            for (const match of source.matchAll(/export class (\w+) extends pulumi\.ComponentResource \{[\s\S]*?super\("(platform:[^"]+)"/g)) {
                declared.push([match[1], match[2]]);
            }
        }
        assert.ok(declared.length >= 12, `found only ${declared.length} component classes`);
        assert.deepStrictEqual(rows.sort(), declared.sort());
    });
});
