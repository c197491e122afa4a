#!/usr/bin/env node
// The tstrace command: the one-file bundle `pnpm build` makes (scripts/bundle.mjs). This launcher
// is committed so the bin exists before the first build and the package manager links it at
// install time.
import "../dist/tstrace.mjs";
