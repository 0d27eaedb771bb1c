// Mutation testing (StrykerJS): do the tests fail when the code they cover changes? One configuration per area
// (MUTATION_AREA, set by scripts/mutation/run.ts: `npm run mutation [-- --area <name>]`); each area mutates its code
// and runs, for each mutant, the in-process suites that claim it. Runs are incremental (unchanged code and tests keep
// their last result) and report to reports/mutation/<area>/. Not part of `npm test` (long on two cores); the scores
// measured are in the README (Tests, "Mutation testing").
//
// Only in-process suites are listed: a pack, program or CLI started as its own process does not see Stryker's active
// mutant (the mocha runner sets it on a global, not in the environment), so its tests could only report survivors.
const AREAS = {
    // The pure tables: per-test coverage (each mutant runs only the tests that reached it).
    rules: {
        mutate: ["lib/rules/**/*.ts"],
        spec: ["test/rules/**/*.test.ts", "test/policies/unit.test.ts", "test/policies/deploy-rules.test.ts", "test/components/validation.test.ts"],
        coverageAnalysis: "perTest",
    },
    // Each rule with the cases beside it, judged in-process as the policy SDK judges them.
    policies: {
        mutate: ["policies/rules/**/*.ts", "!policies/rules/index.ts", "!policies/rules/**/*.cases.ts", "!policies/rules/**/cases-common.ts"],
        // The cases beside each rule (unit.test.ts), the deploy rules' suite, names and controls, and the messages a
        // case cannot state (test/policies/messages/<folder>.test.ts).
        spec: ["test/policies/unit.test.ts", "test/policies/deploy-rules.test.ts", "test/policies/structure.test.ts", "test/policies/messages/*.test.ts"],
        coverageAnalysis: "perTest",
        // A static mutant (module-level: a rule's metadata, its tables) restarts the runner and reruns every suite; the
        // pack's ~1,500 of them would take hours on two cores. Its names and controls are checked by structure.test.ts.
        ignoreStatic: true,
    },
    // The verdict and the report formats.
    preview: {
        mutate: ["scripts/preview/result.ts", "scripts/preview/findings.ts", "scripts/preview/compare.ts", "scripts/preview/reports/**/*.ts"],
        spec: [
            "test/preview/verdict-units.test.ts",
            "test/preview/report-contract.test.ts",
            "test/preview/reports.test.ts",
            "test/preview/compare.test.ts",
            "test/preview/compliance-view.test.ts",
        ],
        coverageAnalysis: "perTest",
        // 55 % of its mutants are static (the HTML report's style sheet and module-level templates), each a restart.
        ignoreStatic: true,
    },
    // Components register their resources in the suites' `before` hooks, which per-test coverage cannot attribute to a
    // test (every mutant would count as static and restart the runner). So one component at a time
    // (MUTATION_COMPONENT=<file name>; the run script goes through every one with a suite) against its own suite, all
    // of it for each covered mutant: mocha reruns the hooks, so the mutant is active while the resources are declared.
    components: {
        mutate: [process.env.MUTATION_COMPONENT ? `components/${process.env.MUTATION_COMPONENT}.ts` : "components/**/*.ts", "!components/database-users/handler*", "!components/index.ts"],
        spec: [process.env.MUTATION_COMPONENT ? `test/components/${process.env.MUTATION_COMPONENT}.test.ts` : "test/components/**/*.test.ts"],
        coverageAnalysis: "all",
    },
};

const name = process.env.MUTATION_AREA ?? "rules";
/** Each component's run keeps its own reports and incremental record. */
const reportDir = `reports/mutation/${name}${process.env.MUTATION_COMPONENT ? `-${process.env.MUTATION_COMPONENT}` : ""}`;
const area = AREAS[name];
if (!area) {
    throw new Error(`MUTATION_AREA=${name}: one of ${Object.keys(AREAS).join(", ")}`);
}

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
    testRunner: "mocha",
    // @stryker-mutator/mocha-runner 10 requires mocha 12's CLI helpers without their `.cjs` extension.
    testRunnerNodeArgs: ["--require", "./scripts/mutation/mocha12.cjs"],
    mochaOptions: { spec: area.spec, config: ".mocharc.json" },
    mutate: area.mutate,
    coverageAnalysis: area.coverageAnalysis,
    ignoreStatic: area.ignoreStatic ?? false,
    // Instrumented files get `// @ts-nocheck` (the pack's process tests type-check the sandbox's pack, as the CLI does),
    // except index files: none is mutated, and the generated policy registry must stay what its generator writes
    // (test/policies/structure.test.ts).
    disableTypeChecks: "{components,lib,policies,scripts}/**/!(index).ts",
    // Incremental runs reuse a mutant's result while its code and the tests that covered it are unchanged. Under "all"
    // coverage no test is tied to a mutant, so a changed suite would not retest the old survivors: components run whole.
    // Case files (policies/rules/**/*.cases.ts) are neither code nor tests to Stryker: after changing them, use --force.
    incremental: area.coverageAnalysis !== "all",
    incrementalFile: `${reportDir}/incremental.json`,
    concurrency: 2,
    timeoutMS: 30000,
    reporters: ["progress", "html", "json"],
    htmlReporter: { fileName: `${reportDir}/index.html` },
    jsonReporter: { fileName: `${reportDir}/mutation.json` },
    thresholds: { high: 90, low: 85, break: null },
    tempDirName: ".stryker-tmp",
    // Anchored at the root: scripts/preview/reports is code.
    ignorePatterns: ["/dist", "/reports", "/.stryker-tmp", "/examples", "/docs", "/.bench", "test/fixtures/**/node_modules"],
};

export { AREAS };
