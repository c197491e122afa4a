// bpf(2)'s command-chosen captures (data/bpf-attr.ts): the offsets written there agree with the
// uapi header (compiled with offsetof), and the plan reads each pointee, fd and written-back
// field only for its command, the fds only under -y (but the one strace picks a printer by).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bpfAttrCommands } from "../src/data/bpf-attr.js";
import {
  CaptureKind,
  CaptureWhen,
  compileCapturePlan,
  constTables,
  decodeCapturePlan,
  x86_64,
} from "../src/index.js";

/** The named member of union bpf_attr a command's fields live in (the others are anonymous). */
const MEMBER: Record<string, string> = {
  BPF_OBJ_GET_INFO_BY_FD: "info.",
  BPF_RAW_TRACEPOINT_OPEN: "raw_tracepoint.",
  BPF_PROG_TEST_RUN: "test.",
  BPF_PROG_QUERY: "query.",
  BPF_TASK_FD_QUERY: "task_fd_query.",
  BPF_MAP_LOOKUP_BATCH: "batch.",
  BPF_MAP_LOOKUP_AND_DELETE_BATCH: "batch.",
  BPF_MAP_UPDATE_BATCH: "batch.",
  BPF_MAP_DELETE_BATCH: "batch.",
  BPF_LINK_CREATE: "link_create.",
  BPF_LINK_UPDATE: "link_update.",
};

const HEADER = "/usr/include/linux/bpf.h";

describe("bpf attribute captures", () => {
  it.skipIf(!existsSync(HEADER))("names fields at the offsets linux/bpf.h gives them", () => {
    const fields = new Map<string, number>();
    for (const [cmd, c] of Object.entries(bpfAttrCommands)) {
      const at = (name: string, off: number) => fields.set(`${MEMBER[cmd] ?? ""}${name}`, off);
      for (const p of c.pointers ?? []) {
        at(p.field, p.offset);
        if (p.count) at(p.count.field, p.count.offset);
      }
      if (c.printerFd) at(c.printerFd.field, c.printerFd.offset);
    }
    const names = [...fields.keys()];
    const dir = mkdtempSync(join(tmpdir(), "tstrace-bpf-attr-"));
    writeFileSync(
      join(dir, "off.c"),
      `#include <stddef.h>\n#include <stdio.h>\n#include <linux/bpf.h>\nint main(void) {\n${names
        .map((n) => `  printf("%zu\\n", offsetof(union bpf_attr, ${n}));`)
        .join("\n")}\n  return 0;\n}\n`,
    );
    execFileSync("gcc", ["-o", join(dir, "off"), join(dir, "off.c")]);
    const got = execFileSync(join(dir, "off"), { encoding: "utf8" }).trim().split("\n").map(Number);
    expect(Object.fromEntries(names.map((n, i) => [n, got[i]]))).toEqual(Object.fromEntries(fields));
  });

  const nr = x86_64.syscalls.find((s) => s.name === "bpf")?.nr ?? -1;
  const cmd = (name: string) =>
    (constTables.find((t) => t.name === "bpf_commands")?.entries.find(([, n]) => n === name)?.[0] ?? -1) >>>
    0;
  const specs = (decodeFds: "none" | "path") =>
    decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32, decodeFds })).get(nr) ?? [];

  it("reads PROG_LOAD's license and log buffer at entry, -s and one more byte at most", () => {
    const load = specs("none").filter(
      (c) =>
        c.kind === CaptureKind.POINTEE && "selectorValue" in c && c.selectorValue === cmd("BPF_PROG_LOAD"),
    );
    expect(load).toEqual([
      expect.objectContaining({ arg: 1, when: CaptureWhen.ENTRY, ptrOffset: 16, countSize: 0, max: 33 }),
      expect.objectContaining({
        arg: 1,
        when: CaptureWhen.ENTRY,
        ptrOffset: 32,
        countOffset: 28,
        countSize: 4,
      }),
    ]);
  });

  it("reads every fd's path under -y, and OBJ_GET_INFO_BY_FD's bpf_fd's always", () => {
    const fds = (d: "none" | "path") => specs(d).filter((c) => c.kind === CaptureKind.FD_PATHS);
    expect(fds("none")).toEqual([
      expect.objectContaining({ countArg: "field", offset: 0, selectorValue: cmd("BPF_OBJ_GET_INFO_BY_FD") }),
    ]);
    expect(fds("path")).toEqual([expect.objectContaining({ countArg: "all", when: CaptureWhen.ENTRY })]);
  });

  it("reads the attribute again at exit for the commands the kernel writes back to", () => {
    expect(bpfAttrCommands.BPF_OBJ_GET_INFO_BY_FD?.exitSize).toBe(16);
    const exits = specs("none").filter((c) => c.kind === CaptureKind.STRUCT_IF);
    expect(exits.map((c) => ("selectorValue" in c ? c.selectorValue : -1)).sort()).toEqual(
      Object.entries(bpfAttrCommands)
        .filter(([, c]) => c.exitSize)
        .map(([name]) => name)
        .map(cmd)
        .sort(),
    );
    expect(exits.every((c) => c.when === CaptureWhen.EXIT && c.arg === 1)).toBe(true);
  });

  it("follows LINK_CREATE's kprobe_multi syms: the pointer array, then each string right after it", () => {
    const link = specs("none").filter(
      (c) =>
        (c.kind === CaptureKind.POINTEE || c.kind === CaptureKind.POINTEE_EACH) &&
        "selectorValue" in c &&
        c.selectorValue === cmd("BPF_LINK_CREATE"),
    );
    const at = link.findIndex((c) => c.kind === CaptureKind.POINTEE && c.ptrOffset === 24);
    expect(link[at]).toEqual(
      expect.objectContaining({ when: CaptureWhen.ENTRY, countOffset: 20, countSize: 4, elemSize: 8 }),
    );
    // -s 32 and the byte that tells a longer string apart
    expect(link[at + 1]).toEqual(
      expect.objectContaining({
        kind: CaptureKind.POINTEE_EACH,
        when: CaptureWhen.ENTRY,
        ptrOffset: 0,
        countSize: 0,
        max: 33,
      }),
    );
    expect(link.filter((c) => c.kind === CaptureKind.POINTEE_EACH)).toHaveLength(1);
  });
});
