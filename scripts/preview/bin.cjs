#!/usr/bin/env node
// `platform-preview` bin: runs the TypeScript entry on Node >= 22 (the SDK needs it; on an older Node, on the
// repository's own Node 22 from the `node` package), compiled by the preview's loader (the TypeScript compiler, output
// cached on disk: a warm start loads no compiler at all).
/* global require, process, __dirname */
"use strict";
const { spawnSync } = require("child_process");
const path = require("path");

const root = path.resolve(__dirname, "../..");
if (Number(process.versions.node.split(".")[0]) >= 22) {
    // Already on a Node the SDK runs on: run here (a second Node process only costs its start).
    require("./ts-register.cjs");
    require(path.join(root, "scripts/preview.ts"));
} else {
    let node = process.execPath;
    try {
        node = require.resolve("node/bin/node", { paths: [root] });
    } catch {
        // No `node` devDependency installed: use the Node running this shim.
    }
    const result = spawnSync(node, ["--require", path.join(__dirname, "ts-register.cjs"), path.join(root, "scripts/preview.ts"), ...process.argv.slice(2)], { stdio: "inherit" });
    process.exit(result.status ?? 3);
}
