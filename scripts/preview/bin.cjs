#!/usr/bin/env node
// `platform-preview` bin: runs the TypeScript entry on the repo's own Node 22 (the SDK needs >= 22), compiled by the
// preview's loader (the TypeScript compiler, output cached on disk: a warm start loads no compiler at all).
/* global require, process, __dirname */
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "../..");
let node = process.execPath;
try {
    node = require.resolve("node/bin/node", { paths: [root] });
} catch {
    // No `node` devDependency installed: use the Node running this shim.
}
const result = spawnSync(node, ["--require", path.join(__dirname, "ts-register.cjs"), path.join(root, "scripts/preview.ts"), ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 3);
