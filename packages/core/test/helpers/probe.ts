/** Shared by the strace-class and tracefs tests: the probe plan (data/probe-plan.txt) and runner. */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ArchTable } from "../../src/index.js";

export const PKG = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const PROBE = join(PKG, "test", "helpers", "syscall-probe.py");

/** One row of data/probe-plan.txt. */
export interface PlanRow {
  readonly action: "skip" | "ns" | "args";
  readonly args?: string;
  readonly reason: string;
}

/** data/probe-plan.txt by syscall name. */
export function planRows(): ReadonlyMap<string, PlanRow> {
  const m = new Map<string, PlanRow>();
  for (const line of readFileSync(join(PKG, "data", "probe-plan.txt"), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [name, action, reason] = line.split("\t") as [string, string, string];
    const args = action.match(/(?:^|,)args=(\S+)/)?.[1];
    const base = action.startsWith("ns") ? "ns" : action.startsWith("skip") ? "skip" : "args";
    m.set(name, { action: base, ...(args !== undefined ? { args } : {}), reason });
  }
  return m;
}

/** The probe's argument for `table`: every syscall except the skipped ones. */
export function probePlan(table: ArchTable): string {
  const rows = planRows();
  const items: string[] = [];
  for (const s of table.syscalls) {
    const r = rows.get(s.name);
    if (r?.action === "skip") continue;
    const item = r?.args !== undefined ? `${s.nr}:${r.args}` : String(s.nr);
    items.push(r?.action === "ns" ? `ns:${item}` : item);
  }
  return items.join(",");
}

/** Runs `cmd args` and resolves with its stdout; rejects with stderr on a non-zero exit. */
export function run(cmd: string, args: readonly string[], timeoutMs = 60_000): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(cmd, args, { timeout: timeoutMs, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.slice(0, 8).join(" ")}: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
    child.stdin?.end();
  });
}

/** The numbers the probe reports it called ("probed 0,1,2"). */
export function probedNrs(stdout: string): number[] {
  const m = stdout.match(/^probed ([\d,]*)$/m);
  if (!m) throw new Error(`probe did not finish: ${stdout}`);
  return (m[1] as string).split(",").filter(Boolean).map(Number);
}
