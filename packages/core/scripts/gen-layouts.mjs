#!/usr/bin/env node
// Generates src/layouts/x86_64.generated.ts: the layout (size; each field's name, offset, size and
// type) of every struct data/struct-layouts.txt names, read from the kernel's BTF with bpftool.
// The decoder's field offsets and native's capture sizes come from it (see scripts/contracts.mjs).
// A row that names a uapi header is a type the running kernel's BTF may lack (a driver built as
// a module, or not at all: v4l2, gpio, counter): its BTF is the compiler's, from that header
// compiled with gcc -gbtf (GCC 12+), read by the same parser.
//
// Usage: node scripts/gen-layouts.mjs [outFile]
// Environment: TSTRACE_BTF (default /sys/kernel/btf/vmlinux), TSTRACE_BPFTOOL (default bpftool;
// Debian: apt-get install bpftool), CC (default gcc).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const PKG = join(dirname(fileURLToPath(import.meta.url)), "..");
const BTF = process.env.TSTRACE_BTF ?? "/sys/kernel/btf/vmlinux";
const BPFTOOL = process.env.TSTRACE_BPFTOOL ?? "bpftool";
const OUT = process.argv[2] ?? join(PKG, "src", "layouts", "x86_64.generated.ts");

/** id → { kind, name, size?, type?, members?, elems? } from `bpftool btf dump format raw` of `file`. */
function readBtf(file) {
  const text = execFileSync(BPFTOOL, ["btf", "dump", "file", file, "format", "raw"], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });
  const types = new Map();
  const byName = new Map();
  let cur;
  for (const line of text.split("\n")) {
    const t = line.match(/^\[(\d+)\] (\w+) '([^']*)'(.*)$/);
    if (t) {
      const [, id, kind, name, rest] = t;
      const attr = (k) => (rest.match(new RegExp(`\\b${k}=(\\d+)`)) ?? [])[1];
      cur = { kind, name, size: attr("size"), type: attr("type_id"), elems: attr("nr_elems"), members: [] };
      if (cur.size !== undefined) cur.size = Number(cur.size);
      types.set(Number(id), cur);
      if ((kind === "STRUCT" || kind === "UNION") && !byName.has(`struct ${name}`))
        byName.set(`struct ${name}`, cur);
      continue;
    }
    const m = line.match(/^\t'([^']*)' type_id=(\d+) bits_offset=(\d+)(?: bitfield_size=(\d+))?/);
    if (m && cur) cur.members.push({ name: m[1], type: Number(m[2]), bits: Number(m[3]), bitfield: m[4] });
  }
  return { types, byName };
}

/** The size in bytes and a short C spelling of type `id`. */
function describe(types, id) {
  const t = types.get(id);
  if (!t) throw new Error(`BTF type ${id} missing`);
  switch (t.kind) {
    case "INT":
    case "ENUM":
    case "ENUM64":
    case "FLOAT":
      return { size: t.size, type: t.name };
    case "PTR":
      return { size: 8, type: "pointer" };
    case "STRUCT":
    case "UNION":
      return { size: t.size, type: `${t.kind === "UNION" ? "union" : "struct"} ${t.name}` };
    case "ARRAY": {
      const e = describe(types, Number(t.type));
      return { size: e.size * Number(t.elems), type: `${e.type}[${t.elems}]` };
    }
    case "TYPEDEF": {
      const d = describe(types, Number(t.type));
      return { size: d.size, type: t.name };
    }
    case "CONST":
    case "VOLATILE":
    case "RESTRICT":
    case "TYPE_TAG":
      return describe(types, Number(t.type));
    default:
      throw new Error(`BTF type ${id}: unexpected kind ${t.kind}`);
  }
}

/** The fields of a struct, anonymous struct/union members flattened into it. */
function fields(types, t, base = 0) {
  const out = [];
  for (const m of t.members) {
    if (m.bitfield) throw new Error(`${t.name}.${m.name}: bitfields are not described`);
    const offset = base + m.bits / 8;
    const mt = types.get(m.type);
    if (m.name === "" || m.name === "(anon)") {
      out.push(...fields(types, mt, offset));
      continue;
    }
    const d = describe(types, m.type);
    out.push([m.name, offset, d.size, d.type]);
  }
  return out;
}

const wanted = readFileSync(join(PKG, "data", "struct-layouts.txt"), "utf8")
  .split("\n")
  .filter((l) => l.trim() && !l.startsWith("#"))
  .map((l) => l.split("\t"));

/** The BTF gcc writes for `headers` (each type a row names gets a variable, so it is emitted). */
function headerBtf(rows) {
  if (rows.length === 0) return { types: new Map(), byName: new Map() };
  const dir = mkdtempSync(join(tmpdir(), "tstrace-layouts-"));
  try {
    const src = join(dir, "l.c");
    const obj = join(dir, "l.o");
    const headers = [...new Set(rows.map((r) => r[2]))];
    const text = [
      "#include <linux/types.h>",
      ...headers.map((h) => `#include <${h}>`),
      ...rows.map((r, i) => `${r[1]} v${i};`),
    ].join("\n");
    writeFileSync(src, `${text}\n`);
    execFileSync(process.env.CC ?? "gcc", ["-gbtf", "-c", "-o", obj, src], { stdio: "pipe" });
    return readBtf(obj);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const kernel = readBtf(BTF);
const compiled = headerBtf(wanted.filter((r) => r[2]));

const q = (s) => JSON.stringify(s);
let text =
  "// Generated by scripts/gen-layouts.mjs from the kernel's BTF (/sys/kernel/btf/vmlinux, bpftool), or the uapi header's (gcc -gbtf) where a row names one, for the structs data/struct-layouts.txt names. Do not edit.\n";
text += `import type { StructLayout } from "../types.js";\n\n`;
text += "/** x86_64 struct layouts: size, then [name, offset, size, C type] per field. */\n";
text += "export const layouts: readonly StructLayout[] = [\n";
for (const [name, type, header] of wanted) {
  const { types, byName } = header ? compiled : kernel;
  const t = byName.get(type);
  if (!t) throw new Error(`${type} is not in ${header ?? BTF}`);
  text += `  {\n    name: ${q(name)},\n    kernel: ${q(type)},\n    size: ${t.size},\n    fields: [\n`;
  for (const [f, off, size, type] of fields(types, t))
    text += `      [${q(f)}, ${off}, ${size}, ${q(type)}],\n`;
  text += "    ],\n  },\n";
}
text += "];\n";
writeFileSync(OUT, text);
console.log(`generated ${OUT} from ${BTF}`);
