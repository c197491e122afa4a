/**
 * strace -D: the process the user started (this one) becomes the command, so the command stays
 * its shell's child and its exit status is the shell's to see; the tracer is a new tstrace in a
 * detached grandchild that attaches to this process before its execve.
 *
 * This process: resolve the command, start the grandchild, wait until it says it is attached,
 * exec. The grandchild finds this process's pid in {@link DAEMON_TRACEE_ENV} and its end of the
 * handshake pipe as fd 3.
 */
import { closeSync, writeSync } from "node:fs";
import * as native from "@tstrace/native";
import type { DaemonMode } from "./args.js";
import { inheritFds } from "./launcher-env.js";

/** Set in the grandchild's environment: the pid it is to attach to. */
export const DAEMON_TRACEE_ENV = "TSTRACE_DAEMON_TRACEE";

/** The handshake's fd in the grandchild. */
const HANDSHAKE_FD = 3;
const ATTACHED = "ok";

/**
 * Runs `command` in this process with a grandchild tstrace (given `tstraceArgs`) tracing it.
 * Returns only with an error message when that could not be set up (this process then exits 1).
 */
export function execUnderGrandchild(
  command: readonly string[],
  tstraceArgs: readonly string[],
  mode: DaemonMode,
  ignoredSignals: readonly number[] = [],
): string {
  let path: string;
  try {
    path = native.resolveCommand(command[0] as string);
  } catch (err) {
    return (err as Error).message;
  }
  const env = process.env as Record<string, string>;
  const tracerEnv: Record<string, string> = { ...env, [DAEMON_TRACEE_ENV]: String(process.pid) };
  // The tracer makes no TLS connection; Node would spend ~80 ms parsing this bundle at start-up
  // while the command waits.
  delete tracerEnv.NODE_EXTRA_CA_CERTS;
  const script = process.argv[1] as string;
  let said: string;
  try {
    said = native.startGrandchild({
      path: process.execPath,
      argv: [process.execPath, script, ...tstraceArgs],
      env: tracerEnv,
      mode,
    });
  } catch (err) {
    return (err as Error).message;
  }
  if (said !== ATTACHED) return said === "" ? "the tracer process ended before it attached" : said;
  try {
    native.execCommand({ path, argv: command, env, ignoredSignals, ...inheritFds() });
  } catch {
    // The tracer saw the failed execve and reports it as strace does ("exec: …", +++ exited).
    process.exit(1);
  }
}

/** The pid a grandchild tracer is to attach to, or undefined when this is no such grandchild. */
export function daemonTracee(): number | undefined {
  const value = process.env[DAEMON_TRACEE_ENV];
  if (value === undefined) return undefined;
  delete process.env[DAEMON_TRACEE_ENV];
  const pid = Number(value);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** The grandchild's half of the handshake: attached (or why not); the parent then goes on. */
export function answerParent(error?: string): void {
  try {
    writeSync(HANDSHAKE_FD, error ?? ATTACHED);
    closeSync(HANDSHAKE_FD);
  } catch {
    // The parent is gone: nothing waits for the answer.
  }
}
