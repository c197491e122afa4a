import { callersFds, openFds } from "./inherited-fds.js";

/**
 * bin/tstrace starts node without NODE_EXTRA_CA_CERTS (Node would parse that CA bundle at every
 * start, ~80 ms) and hands over the environment it was given, in order, as base64 of
 * /proc/self/environ in TSTRACE_ENVIRON. It is reinstated before anything is spawned, so the
 * traced command gets that environment exactly: same variables, same values, same order.
 */
export const LAUNCHER_ENVIRON = "TSTRACE_ENVIRON";

/**
 * Node resets every signal's action at start-up; bin/tstrace passes the ones it was started with
 * ignored (/proc/self/status SigIgn, hex) here, so a spawned command inherits them as from strace.
 */
export const LAUNCHER_SIGIGN = "TSTRACE_SIGIGN";

/** The signals tstrace was started with ignored, from the launcher (none when run otherwise). */
export function launcherIgnoredSignals(env: NodeJS.ProcessEnv = process.env): number[] {
  const mask = env[LAUNCHER_SIGIGN];
  if (mask === undefined || !/^[0-9a-f]{1,16}$/i.test(mask)) return [];
  const bits = BigInt(`0x${mask}`);
  const out: number[] = [];
  for (let sig = 1; sig <= 64; sig++) if ((bits >> BigInt(sig - 1)) & 1n) out.push(sig);
  return out;
}

/**
 * bin/tstrace also lists the descriptors from 3 up that tstrace inherited (comma-separated, read
 * before node started, which marks the low ones close-on-exec): the traced command gets exactly
 * these, as under strace.
 */
export const LAUNCHER_FDS = "TSTRACE_FDS";

let inherited: number[] | undefined;

/**
 * `{ inheritFds }` for spawnTraced/execCommand: the descriptors the launcher listed or, when
 * tstrace was started without it (`node bin/tstrace`), those restoreLauncherEnv found not to be
 * Node's own; nothing (those not marked close-on-exec are inherited) when neither ran.
 */
export function inheritFds(): { inheritFds?: readonly number[] } {
  return inherited === undefined ? {} : { inheritFds: inherited };
}

/**
 * Undoes what bin/tstrace's sh line did to start node, and notes the descriptors tstrace
 * inherited: call it first, before tstrace opens any descriptor of its own.
 */
export function restoreLauncherEnv(env: NodeJS.ProcessEnv = process.env): void {
  delete env[LAUNCHER_SIGIGN];
  const fds = env[LAUNCHER_FDS];
  if (fds === undefined) {
    // `node bin/tstrace`: Node has marked them close-on-exec already; tell them by what they are.
    inherited = callersFds(openFds());
  } else {
    delete env[LAUNCHER_FDS];
    inherited = fds
      .split(",")
      .filter((n) => /^\d+$/.test(n))
      .map(Number)
      .filter((n) => n > 2);
  }
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
