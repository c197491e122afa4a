/**
 * bin/tstrace starts node without NODE_EXTRA_CA_CERTS (Node would parse that CA bundle at every
 * start, ~80 ms) and hands over the environment it was given, in order, as base64 of
 * /proc/self/environ in TSTRACE_ENVIRON. It is reinstated before anything is spawned, so the
 * traced command gets that environment exactly: same variables, same values, same order.
 */
export const LAUNCHER_ENVIRON = "TSTRACE_ENVIRON";

export function restoreLauncherEnv(env: NodeJS.ProcessEnv = process.env): void {
  const saved = env[LAUNCHER_ENVIRON];
  if (saved === undefined) return;
  const entries = Buffer.from(saved, "base64")
    .toString("utf8")
    .split("\0")
    .filter((entry) => entry.includes("="));
  // Emptied and refilled in order: the environment spawned children get follows that order.
  for (const name of Object.keys(env)) delete env[name];
  for (const entry of entries) {
    const at = entry.indexOf("=");
    env[entry.slice(0, at)] = entry.slice(at + 1);
  }
}
