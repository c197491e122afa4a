// --json end to end: the built bin, the real addon, real programs. Every line is one JSON object;
// a call is one object however other processes interleave; -ff, -c, -p, -e filters and --replay
// give JSON too, and a replay gives the JSON of the live run.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { trace } from "../src/index.js";
import { BIN } from "./helpers/tracers.js";

const dir = mkdtempSync(join(tmpdir(), "tstrace-json-"));
function tstrace(...args: string[]) {
  return spawnSync(BIN, args, { encoding: "utf8", timeout: 60_000, cwd: dir });
}
/** The objects of a JSON Lines file (each line must parse). */
function events(name: string): Record<string, unknown>[] {
  return readFileSync(join(dir, name), "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}
const calls = (list: Record<string, unknown>[], name: string) =>
  list.filter((e) => e.type === "syscall" && e.name === name);

describe("--json", () => {
  it("one object per event: typed arguments, errno, exit", () => {
    const r = tstrace("--json", "-o", "cat.jsonl", "cat", "/etc/hostname", "/nonexistent");
    expect(r.status).toBe(1);
    const list = events("cat.jsonl");
    const opens = calls(list, "openat").map((e) => e.args as { value?: string }[]);
    expect(opens.map((a) => a[1]?.value)).toContain("/etc/hostname");
    const failed = calls(list, "openat").find(
      (e) => (e.args as { value?: string }[])[1]?.value === "/nonexistent",
    );
    expect(failed).toMatchObject({ ret: -1, errno: "ENOENT", error: "No such file or directory" });
    expect(failed?.dur_ns).toBeTypeOf("number");
    expect(typeof failed?.ts_ns).toBe("string"); // > 2^53: digits, by the integer rule
    expect(list.at(-1)).toMatchObject({ type: "exited", code: 1 });
    const write = calls(list, "write")[0] as { args: unknown[] };
    expect(write.args[0]).toMatchObject({ type: "fd", fd: 1 });
    expect(write.args[1]).toMatchObject({ type: "str", value: readFileSync("/etc/hostname", "utf8") });
  });

  it("-f: a call other processes interrupted is one object; -e trace= and -yy apply", () => {
    const r = tstrace(
      "--json",
      "-f",
      "-yy",
      "-e",
      "trace=wait4,write",
      "-o",
      "f.jsonl",
      "sh",
      "-c",
      "echo hi; sleep 0.2",
    );
    expect(r.status).toBe(0);
    const list = events("f.jsonl");
    expect(new Set(list.filter((e) => e.type === "syscall").map((e) => e.name))).toEqual(
      new Set(["wait4", "write"]),
    );
    const wait = calls(list, "wait4")[0] as { ret: number; args: unknown[] };
    expect(wait.ret).toBeGreaterThan(0);
    expect(wait.args).toHaveLength(4);
    const child = list.find((e) => e.type === "exited" && e.pid === wait.ret);
    expect(child).toMatchObject({ code: 0 });
  });

  it("-ff: one JSON Lines file per process", () => {
    const r = tstrace("--json", "-ff", "-o", "ff", "sh", "-c", "/bin/true; /bin/true");
    expect(r.status).toBe(0);
    const files = readdirSync(dir).filter((f) => f.startsWith("ff."));
    expect(files.length).toBeGreaterThanOrEqual(3);
    // rel_ns counts from the trace's start in every file, not from each file's first event.
    const firsts = files.map((f) => events(f)[0]?.rel_ns as number).sort((a, b) => a - b);
    expect(firsts[0]).toBe(0);
    expect(firsts.at(-1)).toBeGreaterThan(0);
    for (const f of files) {
      const list = events(f);
      const pid = Number(f.slice(3));
      expect(list.every((e) => e.pid === pid)).toBe(true);
      expect(list.at(-1)).toMatchObject({ type: "exited", pid });
    }
  });

  it("-c: one summary object", () => {
    const r = tstrace("--json", "-c", "-o", "c.json", "cat", "/etc/hostname");
    expect(r.status).toBe(0);
    const [summary, ...rest] = events("c.json");
    expect(rest).toEqual([]);
    expect(summary).toMatchObject({ type: "summary", total: { name: "total" } });
    const rows = (summary as { syscalls: { name: string; calls: number }[] }).syscalls;
    expect(rows.find((x) => x.name === "execve")?.calls).toBe(1);
  });

  it("-p: the attach and detach notices are objects in the stream", async () => {
    const target = spawn("sh", ["-c", "sleep 1.5; exit 0"], { stdio: "ignore" });
    await new Promise((ok) => setTimeout(ok, 150));
    const r = tstrace("--json", "-o", "p.jsonl", "-p", String(target.pid));
    expect(r.status).toBe(0);
    const list = events("p.jsonl");
    expect(list[0]).toEqual({ type: "attached", pid: target.pid });
    expect(list.some((e) => e.type === "exited" && e.pid === target.pid)).toBe(true);
  });

  it("--replay --json prints the live run's JSON", () => {
    const live = tstrace(
      "--json",
      "-f",
      "-o",
      "live.jsonl",
      "--record=r.tsr",
      "sh",
      "-c",
      "ls / > /dev/null",
    );
    expect(live.status).toBe(0);
    const replay = tstrace("--json", "-f", "-o", "replay.jsonl", "--replay=r.tsr");
    expect(replay.status).toBe(0);
    expect(readFileSync(join(dir, "replay.jsonl"), "utf8")).toBe(
      readFileSync(join(dir, "live.jsonl"), "utf8"),
    );
  });

  it("the library's trace() streams the events as objects", async () => {
    const t = await trace({
      argv: ["cat", "/etc/hostname"],
      options: ["-e", "trace=openat"],
      mode: "events",
    });
    const got = [];
    for await (const e of t) got.push(e);
    const opened = got
      .filter((e) => e.type === "syscall")
      .map((e) => (e as { args: { value?: string }[] }).args[1]?.value);
    expect(opened).toContain("/etc/hostname");
    expect(got.at(-1)).toMatchObject({ type: "exited", code: 0 });
  });
});
