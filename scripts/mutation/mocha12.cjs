/* global require */
// @stryker-mutator/mocha-runner 10 requires mocha's CLI helpers by extensionless paths (`lib/cli/run-helpers`), which
// mocha 12 ships as `.cjs`: let Node's CommonJS resolution try `.cjs` too (loaded with `--require` before the runner).
require.extensions[".cjs"] ??= require.extensions[".js"];
