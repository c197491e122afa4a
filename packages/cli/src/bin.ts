import { launcherIgnoredSignals, restoreLauncherEnv } from "./launcher-env.js";
import { main } from "./main.js";

/** Runs the tstrace command: what dist/tstrace-main.cjs, the bundle of this file, exports. */
export function run(): Promise<never> {
  const ignoredSignals = launcherIgnoredSignals();
  restoreLauncherEnv();
  return main(process.argv.slice(2), ignoredSignals);
}
