#!/usr/bin/env node
import { launcherIgnoredSignals, restoreLauncherEnv } from "./launcher-env.js";
import { main } from "./main.js";

const ignoredSignals = launcherIgnoredSignals();
restoreLauncherEnv();
await main(process.argv.slice(2), ignoredSignals);
