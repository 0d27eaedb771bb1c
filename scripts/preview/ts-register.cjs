// `node --require scripts/preview/ts-register.cjs`: compile required TypeScript as the Pulumi CLI does (see ts-loader.cjs).
/* global require */
"use strict";
require("./ts-loader.cjs").register();
