#!/usr/bin/env node
// Writes the C++ header and the AssemblyScript module that spell core's binary contracts (record
// format, capture kinds, capture plan constants) in native's and the decoder's languages.
// Run after core's TypeScript is built (core's build runs it): node scripts/gen-contracts.mjs
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as core from "../dist/index.js";
import {
  ASSEMBLY_LAYOUTS,
  ASSEMBLY_MODULE,
  NATIVE_HEADER,
  renderAssembly,
  renderLayouts,
  renderNativeHeader,
} from "./contracts.mjs";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
writeFileSync(join(ROOT, NATIVE_HEADER), renderNativeHeader(core));
writeFileSync(join(ROOT, ASSEMBLY_MODULE), renderAssembly(core));
writeFileSync(join(ROOT, ASSEMBLY_LAYOUTS), renderLayouts(core));
console.log(`generated ${NATIVE_HEADER}, ${ASSEMBLY_MODULE} and ${ASSEMBLY_LAYOUTS}`);
