/**
 * Generates scripts/preview/mocks/mock-shapes.json: the result shape of every @pulumi/aws data source (`aws:<mod>/get<X>:get<X>`), read
 * from the package's own `Get<X>Result` interfaces with the TypeScript compiler. `npm run mocks:shapes` after upgrading
 * @pulumi/aws.
 *
 * Why a committed table instead of parsing at run time: building a TypeScript program over @pulumi/aws's 670 get*.d.ts
 * files takes seconds and hundreds of MB, which every preview would pay; the table is ~200 KB of JSON read once.
 *
 * Encoding (compact on purpose): a field's shape is "s" (string), "n" (number), "b" (boolean), "a" (anything),
 * [shape] (list), {"*": shape} (map), or "#<TypeName>" (an object type from `types`). Only required fields are kept;
 * optional ones are left unset in answers, as the provider leaves them when no value exists.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";

type Shape = string | Shape[] | { "*": Shape };

export interface MockShapes {
    awsVersion: string;
    /** token → { result: fields of Get<X>Result } */
    functions: Record<string, Record<string, Shape>>;
    types: Record<string, Record<string, Shape>>;
}

const ROOT = path.resolve(__dirname, "..");
const AWS_DIR = path.dirname(require.resolve("@pulumi/aws/package.json", { paths: [ROOT] }));
const OUT = path.join(ROOT, "scripts", "preview", "mocks", "mock-shapes.json");

function dataSourceFiles(): Array<{ dts: string; js: string }> {
    const files: Array<{ dts: string; js: string }> = [];
    const visit = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && entry.name !== "node_modules" && entry.name !== "types") {
                visit(full);
            } else if (/^get[A-Z].*\.d\.ts$/.test(entry.name)) {
                files.push({ dts: full, js: full.replace(/\.d\.ts$/, ".js") });
            }
        }
    };
    visit(AWS_DIR);
    return files.sort((a, b) => a.dts.localeCompare(b.dts));
}

function generate(): MockShapes {
    const files = dataSourceFiles();
    const program = ts.createProgram(files.map((f) => f.dts), { strict: true, noEmit: true, skipLibCheck: true, types: [] });
    const checker = program.getTypeChecker();
    const types: MockShapes["types"] = {};

    const shapeOf = (type: ts.Type): Shape => {
        const nonNull = checker.getNonNullableType(type);
        if (nonNull.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) {
            return "a";
        }
        if (nonNull.flags & ts.TypeFlags.BooleanLike || (nonNull.isUnion() && nonNull.types.every((t) => t.flags & ts.TypeFlags.BooleanLiteral))) {
            return "b";
        }
        if (nonNull.flags & ts.TypeFlags.StringLike || (nonNull.isUnion() && nonNull.types.every((t) => t.flags & ts.TypeFlags.StringLike))) {
            return "s";
        }
        if (nonNull.flags & ts.TypeFlags.NumberLike) {
            return "n";
        }
        if (checker.isArrayType(nonNull)) {
            return [shapeOf(checker.getTypeArguments(nonNull as ts.TypeReference)[0])];
        }
        const index = checker.getIndexInfoOfType(nonNull, ts.IndexKind.String);
        if (index && nonNull.getProperties().length === 0) {
            return { "*": shapeOf(index.type) };
        }
        const symbol = nonNull.getSymbol() ?? nonNull.aliasSymbol;
        if (nonNull.flags & ts.TypeFlags.Object && symbol && symbol.getName() !== "__type") {
            // Qualify by module (outputs.ec2.GetVpcFilter → ec2.GetVpcFilter): type names repeat across modules.
            const decl = symbol.declarations?.[0];
            const namespace = decl?.parent && ts.isModuleBlock(decl.parent) ? (decl.parent.parent as ts.ModuleDeclaration).name.getText() : "";
            const name = namespace ? `${namespace}.${symbol.getName()}` : symbol.getName();
            if (!(name in types)) {
                types[name] = {};
                types[name] = fieldsOf(nonNull);
            }
            return `#${name}`;
        }
        return "a";
    };
    const fieldsOf = (type: ts.Type): Record<string, Shape> => {
        const fields: Record<string, Shape> = {};
        for (const property of type.getProperties()) {
            if (property.flags & ts.SymbolFlags.Optional) {
                continue;
            }
            const decl = property.valueDeclaration ?? property.declarations?.[0];
            fields[property.getName()] = shapeOf(decl ? checker.getTypeOfSymbolAtLocation(property, decl) : checker.getDeclaredTypeOfSymbol(property));
        }
        return fields;
    };

    const functions: MockShapes["functions"] = {};
    for (const file of files) {
        const js = fs.existsSync(file.js) ? fs.readFileSync(file.js, "utf8") : "";
        const token = /invoke\("(aws:[^"]+)"/.exec(js)?.[1];
        const source = program.getSourceFile(file.dts);
        if (!token || !source) {
            continue;
        }
        const result = source.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && /^Get\w*Result$/.test(s.name.text));
        if (!result) {
            continue;
        }
        functions[token] = fieldsOf(checker.getTypeAtLocation(result.name));
    }
    const awsVersion = JSON.parse(fs.readFileSync(path.join(AWS_DIR, "package.json"), "utf8")).version;
    const sorted = (o: Record<string, any>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    return { awsVersion, functions: sorted(functions), types: sorted(types) };
}

if (require.main === module) {
    const shapes = generate();
    // One line per function/type: diffable on upgrade, still compact.
    const lines = (o: Record<string, unknown>) => Object.entries(o).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n");
    fs.writeFileSync(OUT, `{\n  "awsVersion": ${JSON.stringify(shapes.awsVersion)},\n  "functions": {\n${lines(shapes.functions)}\n  },\n  "types": {\n${lines(shapes.types)}\n  }\n}\n`);
    console.log(`${path.relative(ROOT, OUT)}: ${Object.keys(shapes.functions).length} data sources, ${Object.keys(shapes.types).length} nested types (@pulumi/aws ${shapes.awsVersion})`);
}
