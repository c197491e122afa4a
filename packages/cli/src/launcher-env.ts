/**
 * bin/tstrace starts node without NODE_EXTRA_CA_CERTS (Node would parse that CA bundle at every
 * start, ~80 ms) and saves its value here; it goes back into the environment before anything is
 * spawned, so the traced command gets the environment tstrace was given.
 */
export const SAVED_CA_CERTS = "TSTRACE_SAVED_NODE_EXTRA_CA_CERTS";

export function restoreLauncherEnv(env: NodeJS.ProcessEnv = process.env): void {
  const saved = env[SAVED_CA_CERTS];
  if (saved === undefined) return;
  env.NODE_EXTRA_CA_CERTS = saved;
  delete env[SAVED_CA_CERTS];
}
