#!/usr/bin/env node
// Writes assembly/kind-codes.ts from the built src/tables-blob.ts: node scripts/gen-kind-codes.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as blob from "../dist/tables-blob.js";
import { KIND_CODES_MODULE, renderKindCodes } from "./kind-codes.mjs";

const PKG = join(dirname(fileURLToPath(import.meta.url)), "..");
writeFileSync(join(PKG, KIND_CODES_MODULE), renderKindCodes(blob));
console.log(`generated ${KIND_CODES_MODULE}`);
