// --json from the decoder itself: the same records decoded as text and as JSON. Every event must
// validate against the published schema (ajv, draft 2020-12) and render back (TextRenderer) to
// the text decoder's line; a call that other processes interleave with is one object. Cases
// the conformance corpus rarely meets: bytes that are not UTF-8, integers past 2^53, -x, -X
// verbose, a core dump, an unfinished call at the end.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createDecoderSync, type DecoderOptions, type JsonEvent, TextRenderer } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bufArg, concat, cstr, enter, exit, exited, newProcess, signal } from "./helpers/records.js";

const require = createRequire(import.meta.url);
const Ajv2020 = require("ajv/dist/2020").default;
const schema = JSON.parse(
  readFileSync(join(import.meta.dirname, "..", "schema", "event.schema.json"), "utf8"),
);
const validate = new Ajv2020().compile(schema);

/** The batch as JSON events (each schema-valid) and as the text decoder's lines. */
function both(batch: Uint8Array, o: DecoderOptions = {}): { events: JsonEvent[]; text: string } {
  const json = createDecoderSync({ ...o, json: true });
  const lines = (json.decodeToString(batch) + new TextDecoder().decode(json.finish())).split("\n");
  const events = lines.filter(Boolean).map((l) => JSON.parse(l) as JsonEvent);
  for (const e of events) expect(validate(e), JSON.stringify(validate.errors)).toBe(true);
  const text = createDecoderSync(o);
  return { events, text: text.decodeToString(batch) + new TextDecoder().decode(text.finish()) };
}

const render = (events: readonly JsonEvent[], o: DecoderOptions = {}): string => {
  const r = new TextRenderer(o);
  return events.map((e) => r.render(e, o.pidPrefix ?? "none")).join("");
};

/** Each pid's lines (-o's `N     ` prefix), unfinished/resumed pairs joined, padding aside. */
function byPid(text: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of text.split("\n").filter(Boolean)) {
    const pid = line.slice(0, 6);
    out[pid] ??= [];
    const list = out[pid];
    const body = line.slice(6).replace(/\) +=/, ") =");
    const resumed = /^<\.\.\. \w+ resumed>/.exec(body);
    const last = list.length - 1;
    if (resumed && list[last]?.endsWith(" <unfinished ...>"))
      list[last] = list[last].slice(0, -" <unfinished ...>".length) + body.slice(resumed[0].length);
    else list.push(body);
  }
  return out;
}

describe("decoder json", () => {
  it("strings keep their exact bytes; -x and integers past 2^53 round-trip", () => {
    const bad = new Uint8Array([0x61, 0xff, 0xc3, 0xa9, 0x0a, 0]);
    const batch = concat(
      enter(7, nr("write"), [1, 0x1000, 5], [bufArg(1, bad.subarray(0, 5))]),
      exit(7, nr("write"), 5),
      enter(7, nr("mmap"), [0, 4096, 3, 0x22, -1, 0]),
      exit(7, nr("mmap"), 0xffffffffff600000n),
      enter(7, nr("openat"), [-100, 0x2000, 0o2000000], [cstr(1, "/etc/hostname")]),
      exit(7, nr("openat"), -2),
    );
    for (const hex of [0, 1, 2] as const) {
      const { events, text } = both(batch, { hex });
      expect(render(events, { hex })).toBe(text);
    }
    const { events } = both(batch);
    const write = events[0] as { args: { type: string; value: string; bytes?: string }[] };
    expect(write.args[1]).toMatchObject({ type: "str", value: "a\ufffdé\n", bytes: "61ffc3a90a" });
    expect((events[1] as { ret: unknown }).ret).toEqual({ type: "hex", value: "18446744073699065856" });
    expect(events[2]).toMatchObject({ ret: -1, errno: "ENOENT", error: "No such file or directory" });
  });

  it("-X verbose and -T: flags keep names, value and text", () => {
    const batch = concat(
      enter(7, nr("openat"), [-100, 0x2000, 0o2000000], [cstr(1, "/etc/hostname")]),
      exit(7, nr("openat"), 3),
    );
    const o: DecoderOptions = { constStyle: "verbose", syscallTimes: "ns" };
    const { events, text } = both(batch, o);
    expect(render(events, o)).toBe(text);
    const flags = (events[0] as { args: unknown[] }).args[2];
    expect(flags).toEqual({
      type: "flags",
      names: ["O_RDONLY", "O_CLOEXEC"],
      value: 0o2000000,
      text: "0x80000 /* O_RDONLY|O_CLOEXEC */",
    });
  });

  it("-f: an interleaved call is one object; a signal, a core dump, a call open at the end", () => {
    const batch = concat(
      newProcess(10, 11),
      enter(10, nr("wait4"), [-1, 0x1000, 0, 0]),
      enter(11, nr("getpid"), []),
      exit(11, nr("getpid"), 11),
      exited(11, 0x8b), // SIGSEGV, core dumped
      exit(10, nr("wait4"), 11),
      signal(10, 17, (v) => {
        v.setInt32(8, 2, true); // CLD_KILLED
        v.setInt32(16, 11, true);
        v.setInt32(24, 11, true);
      }),
      enter(10, nr("read"), [0, 0x1000, 10]),
    );
    const o: DecoderOptions = { pidPrefix: "plain" };
    const { events, text } = both(batch, o);
    expect(events.map((e) => e.type)).toEqual(["syscall", "killed", "syscall", "signal", "syscall"]);
    expect(events[1]).toMatchObject({ pid: 11, signal: "SIGSEGV", core_dumped: true });
    expect(events[2]).toMatchObject({ pid: 10, name: "wait4", ret: 11 });
    expect(events[4]).toMatchObject({ name: "read", unfinished: true, args_open: true });
    // The text splits wait4 around pid 11's lines; per process, joined, the lines are the same.
    expect(byPid(render(events, o))).toEqual(byPid(text));
  });
});

// The schema and the TypeScript types (src/json-events.ts) describe the same objects: the `type`
// names each lists must agree, and the renderer must know every leaf the schema allows.
describe("event.schema.json and the types", () => {
  const consts = (node: unknown, out: Set<string>): Set<string> => {
    if (Array.isArray(node)) for (const n of node) consts(n, out);
    else if (node && typeof node === "object") {
      const o = node as Record<string, unknown>;
      const t = (o.properties as Record<string, { const?: string; enum?: string[] }> | undefined)?.type;
      if (t?.const !== undefined) out.add(t.const);
      for (const e of t?.enum ?? []) out.add(e);
      for (const v of Object.values(o)) consts(v, out);
    }
    return out;
  };
  const source = readFileSync(join(import.meta.dirname, "..", "src", "json-events.ts"), "utf8");
  const typed = new Set(
    [...source.matchAll(/type: ((?:"\w+"(?: \| )?)+)/g)].flatMap((m) => m[1]?.match(/\w+/g) ?? []),
  );

  it("names the same event and leaf types", () => {
    expect(typed.size).toBeGreaterThan(25);
    expect([...consts(schema, new Set())].sort()).toEqual([...typed].sort());
  });

  it("every leaf type renders without its text", () => {
    const leaves = consts(schema.$defs.leaf, new Set());
    const sample: Record<string, unknown> = {
      str: { value: "a" },
      hex: { value: 1 },
      oct: { value: 8 },
      name: { name: "X" },
      named: { name: "x", value: 1 },
      call: { name: "f", args: [1] },
      more: {},
      comment: { text: "c" },
      annotated: { value: 1, comment: "c" },
      changed: { before: 1, after: 2 },
    };
    for (const type of leaves) {
      const leaf = { type, text: "TEXT", ...(sample[type] as object) };
      const out = new TextRenderer().render({
        type: "syscall",
        pid: 1,
        ts: 0,
        ts_ns: 0,
        rel_ns: 0,
        nr: 0,
        name: "f",
        args: [leaf as never],
        ret: 0,
      });
      // Leaves with a `text` render it; the others must render from their own fields.
      expect(out.includes("TEXT"), type).toBe(!(type in sample));
    }
  });
});
