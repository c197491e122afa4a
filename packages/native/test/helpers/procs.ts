// Real processes for attach and lifetime tests.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

/**
 * Starts `script` (sh) in the background of a shell that exits at once, so the process is not a
 * child of this Node process (libuv's waitpid on its own children would otherwise take the
 * ptrace stops meant for the tracer thread). Returns its pid. It runs in a session of its own:
 * in the test runner's process group, a stopped target would get the kernel's SIGHUP+SIGCONT
 * for an orphaned group whenever an unrelated process exits (seen in CI as a stopped target
 * found running).
 */
export function daemon(script: string): number {
  const out = execFileSync("sh", ["-c", 'setsid sh -c "$0" >/dev/null 2>&1 </dev/null & echo $!', script], {
    encoding: "utf8",
  });
  return Number(out.trim());
}

/** One-letter state from /proc/PID/stat, or "gone". */
export function procState(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]![0]!;
  } catch {
    return "gone";
  }
}

export const alive = (pid: number): boolean => !["gone", "Z", "X"].includes(procState(pid));

/**
 * The python3 interpreter itself: `python3` on PATH may be a shim (pyenv's is a bash script that
 * forks a dozen processes), which every followed trace would trace too, slowly on a busy machine.
 */
export const PYTHON: string = execFileSync("python3", ["-c", "import sys; print(sys.executable)"], {
  encoding: "utf8",
}).trim();

/** Pids whose command line contains `marker` (not the Node processes that merely name it). */
export function pidsWith(marker: string): number[] {
  const out: number[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const argv = readFileSync(`/proc/${name}/cmdline`, "utf8").split("\0");
      if (argv[0] !== process.execPath && argv.join(" ").includes(marker)) out.push(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

export function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** A pid that names no process now. */
export function unusedPid(): number {
  for (let pid = 999_999; ; pid--) if (!existsSync(`/proc/${pid}`)) return pid;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Polls `check` until it holds or `ms` pass. The default is wide: it returns as soon as the
 * condition holds, so only a failing test waits it out, and a busy machine (python3 start-up,
 * batches crossing to JS) can take seconds for what takes milliseconds when quiet.
 */
export async function until(check: () => boolean, ms = 20_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await sleep(20);
  }
  return check();
}

/** Threads of `pid` (its /proc/PID/task entries), 0 once it is gone. */
export function threadCount(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/task`).length;
  } catch {
    return 0;
  }
}
