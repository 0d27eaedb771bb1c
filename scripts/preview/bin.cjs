#!/usr/bin/env node
// `platform-preview` bin: runs the TypeScript entry with tsx on the repo's own Node 22 (the SDK needs >= 22).
/* global require, process, __dirname */
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");
const { pathToFileURL } = require("url");

const root = path.resolve(__dirname, "../..");
let node = process.execPath;
try {
    node = require.resolve("node/bin/node", { paths: [root] });
} catch {
    // No `node` devDependency installed: use the Node running this shim.
}
const tsx = pathToFileURL(require.resolve("tsx", { paths: [root] })).href;
const result = spawnSync(node, ["--import", tsx, path.join(root, "scripts/preview.ts"), ...process.argv.slice(2)], { stdio: "inherit" });
process.exit(result.status ?? 3);
