// Mutation testing (StrykerJS): do the tests fail when the code they cover changes? `npm run mutation` mutates the
// pure rule tables (lib/rules/) against the fast suites that claim to cover them; narrow or widen with
// `npm run mutation -- --mutate "policies/rules/s3/**/*.ts"`. Not part of `npm test` (minutes to hours); the scores
// measured are in the README (Tests, "Mutation testing").
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
    // The command runner: @stryker-mutator/mocha-runner 10 deep-imports mocha/lib/cli/run-helpers, which mocha 12
    // renamed (.cjs). Each mutant runs the fast suites that claim to cover the rule tables (no per-test coverage).
    testRunner: "command",
    commandRunner: { command: "node node_modules/mocha/bin/mocha.js --reporter dot 'test/rules/**/*.test.ts' test/policies/unit.test.ts" },
    mutate: ["lib/rules/**/*.ts"],
    coverageAnalysis: "off",
    concurrency: 2,
    timeoutMS: 60000,
    reporters: ["clear-text", "progress", "html", "json"],
    htmlReporter: { fileName: "reports/mutation/index.html" },
    jsonReporter: { fileName: "reports/mutation/mutation.json" },
    thresholds: { high: 90, low: 80, break: null },
    tempDirName: ".stryker-tmp",
    ignorePatterns: ["dist", "reports", ".stryker-tmp", "examples", "docs"],
};
