// Tracers started in sessions of their own, so what they leave behind (survivors, their states)
// can be found through /proc and cleaned up by pid, whatever the tracer did to them.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** A process's one-letter state, or "gone". */
export function procState(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.[0] ?? "gone";
  } catch {
    return "gone";
  }
}

/** Whether `pid` lives, runs or sleeps, and nobody traces it. */
export function untracedAndRunning(pid: number): boolean {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    return /TracerPid:\s+0\n/.test(status) && ["S", "R"].includes(procState(pid));
  } catch {
    return false;
  }
}

interface ProcInfo {
  readonly pid: number;
  readonly comm: string;
  readonly state: string;
  readonly ppid: number;
  readonly sid: number;
}

function procInfo(pid: number): ProcInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { pid, comm, state: f[0] as string, ppid: Number(f[1]), sid: Number(f[3]) };
  } catch {
    return undefined;
  }
}

function allProcs(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const p = procInfo(Number(name));
    if (p) out.push(p);
  }
  return out;
}

/** Where the kernel has `pid` waiting (/proc/PID/wchan), or "" when gone. */
export function wchan(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/wchan`, "utf8");
  } catch {
    return "";
  }
}

/**
 * `sh -c 'sleep … & sleep … & wait'` under way in session `sid`: the shell in its wait, both
 * sleeps asleep (what the kernel says, not the trace: tstrace prints a line once finished).
 */
export function shellWaitingOnSleeps(sid: number): boolean {
  const procs = sessionProcs(sid);
  const waiting = (comm: string, where: string): number =>
    procs.filter((p) => p.comm === comm && wchan(p.pid).includes(where)).length;
  return waiting("sh", "sigsuspend") === 1 && waiting("sleep", "nanosleep") === 2;
}

/** Processes of session `sid` (its leader included). */
export function sessionProcs(sid: number): ProcInfo[] {
  return allProcs().filter((p) => p.sid === sid);
}

/** Children of `ppid`. */
export function childrenOf(ppid: number): ProcInfo[] {
  return allProcs().filter((p) => p.ppid === ppid);
}

export function killQuietly(pid: number): void {
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // gone already
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function until(what: () => boolean, ms = 30_000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) return false;
    await sleep(25);
  }
  return true;
}

/** A tracer run in a session of its own, its stderr collected. */
export interface Running {
  readonly child: ChildProcess;
  readonly pid: number;
  stderr(): string;
  /** Resolves with the exit status as a shell reports it (128+N for death by signal N). */
  readonly exited: Promise<number>;
  /** Trace text: the -o file when there is one, else stderr. */
  trace(): string;
}

const SIGNALS: Record<string, number> = {
  SIGHUP: 1,
  SIGINT: 2,
  SIGQUIT: 3,
  SIGKILL: 9,
  SIGPIPE: 13,
  SIGTERM: 15,
};

export function startDetached(file: string, args: string[], cwd: string, outFile?: string): Running {
  const child = spawn(file, args, { cwd, detached: true, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr?.on("data", (d: Buffer) => {
    err += d.toString();
  });
  const exited = new Promise<number>((resolve) =>
    child.once("exit", (code, signal) =>
      resolve(code ?? 128 + (signal === null ? 0 : (SIGNALS[signal] ?? 0))),
    ),
  );
  return {
    child,
    pid: child.pid as number,
    stderr: () => err,
    exited,
    trace: () => (outFile === undefined ? err : existsSync(outFile) ? readFileSync(outFile, "utf8") : ""),
  };
}

/**
 * Waits until the states of `procs()` stop changing (a process that got a fatal signal as it was
 * let go dies a moment later), then returns them as sorted `comm:class` words, class being `live`
 * (S, R), `stopped` (T, t) or `dead` (Z, gone).
 */
export async function settledSurvivors(procs: () => ProcInfo[]): Promise<string[]> {
  const snapshot = (): string[] =>
    procs()
      .map((p) => {
        const cls = ["S", "R", "D"].includes(p.state)
          ? "live"
          : ["T", "t"].includes(p.state)
            ? "stopped"
            : "dead";
        return `${p.comm}:${cls}`;
      })
      .filter((w) => !w.endsWith(":dead"))
      .sort();
  let last = snapshot();
  for (let i = 0; i < 40; i++) {
    await sleep(150);
    const now = snapshot();
    if (now.join() === last.join()) return now;
    last = now;
  }
  return last;
}
