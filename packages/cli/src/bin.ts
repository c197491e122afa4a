#!/usr/bin/env node
import { restoreLauncherEnv } from "./launcher-env.js";
import { main } from "./main.js";

restoreLauncherEnv();
await main(process.argv.slice(2));
