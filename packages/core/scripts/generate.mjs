#!/usr/bin/env node
// Generates packages/core/src/generated/*.ts from authoritative sources on this machine:
//   - the Linux kernel source tarball (syscall tables, SYSCALL_DEFINEn signatures, errno, signal and
//     constant headers),
//   - glibc's strerror() (through python3's os.strerror) for errno messages,
//   - the hand-written data files in packages/core/data/ (newer syscalls, classes, xlat name lists).
//
// Usage: node scripts/generate.mjs [outDir]     (outDir defaults to src/generated)
// Environment: TSTRACE_KERNEL_TARBALL (default /usr/src/linux-source-6.12.tar.xz),
//              TSTRACE_KERNEL_CACHE   (default /tmp/tstrace-kernel-cache; extracted once, outside the repo).
//
// Pinned source: Linux 6.12 (Debian's linux-source-6.12 package). Why 6.12: it is the newest
// kernel source packaged for this distribution (apt installs it, no network fetch of kernel.org
// needed), it is an LTS series, and strace 6.1, our behavioural oracle, knows every syscall up to
// 6.1 so 6.12 covers all of them. Syscalls added after 6.12 (463-469) come from
// data/syscalls-extra.tbl, which names its upstream source. The exact sublevel read is written into
// every generated header, so a changed package shows up as a diff in the reproducibility test.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const PINNED_SERIES = "6.12";
const TARBALL = process.env.TSTRACE_KERNEL_TARBALL ?? `/usr/src/linux-source-${PINNED_SERIES}.tar.xz`;
const CACHE = process.env.TSTRACE_KERNEL_CACHE ?? "/tmp/tstrace-kernel-cache";
const PKG = join(dirname(fileURLToPath(import.meta.url)), "..");
const DATA = join(PKG, "data");
const OUT = process.argv[2] ?? join(PKG, "src", "generated");

/**
 * Architectures: which table file and which ABI column values to take. The entry point column is
 * the native one (column 4); for i386 that is the ia32 native entry (sys_ia32_pread64 has the split
 * 64-bit arguments already as separate registers).
 */
/**
 * `config`: the Kconfig symbols that choose between variants of one SYSCALL_DEFINE (kernel/fork.c
 * has four clones, kernel/signal.c two sigsuspends), as each architecture's Kconfig selects them:
 * arch/x86/Kconfig (X86_32 selects CLONE_BACKWARDS; COMPAT_32 selects OLD_SIGSUSPEND3),
 * arch/arm/Kconfig, arch/arm64/Kconfig and arch/riscv/Kconfig (CLONE_BACKWARDS). A symbol not
 * listed is taken as unset.
 */
const ARCHES = [
  {
    arch: "x86_64",
    karch: "x86",
    table: "arch/x86/entry/syscalls/syscall_64.tbl",
    abis: ["common", "64"],
    extra: "x86_64",
    config: [],
  },
  {
    arch: "i386",
    karch: "x86",
    table: "arch/x86/entry/syscalls/syscall_32.tbl",
    abis: ["i386"],
    extra: "i386",
    config: ["CONFIG_CLONE_BACKWARDS", "CONFIG_OLD_SIGSUSPEND3"],
  },
  // arm: EABI only; oabi-only entries are not reachable from EABI binaries.
  {
    arch: "arm",
    karch: "arm",
    table: "arch/arm/tools/syscall.tbl",
    abis: ["common", "eabi"],
    extra: "arm",
    config: ["CONFIG_CLONE_BACKWARDS", "CONFIG_OLD_SIGSUSPEND3"],
  },
  // arm64/riscv: the generic table; ABI lists from arch/{arm64,riscv}/kernel/Makefile.syscalls.
  {
    arch: "aarch64",
    karch: "arm64",
    table: "arch/arm64/tools/syscall_64.tbl",
    abis: ["common", "64", "renameat", "rlimit", "memfd_secret"],
    extra: "generic",
    config: ["CONFIG_CLONE_BACKWARDS"],
  },
  {
    arch: "riscv64",
    karch: "riscv",
    table: "scripts/syscall.tbl",
    abis: ["common", "64", "riscv", "rlimit", "memfd_secret"],
    extra: "generic",
    config: ["CONFIG_CLONE_BACKWARDS"],
  },
];

// ---------------------------------------------------------------------------------------------
// Kernel source

function kernelTree() {
  if (!existsSync(TARBALL))
    throw new Error(
      `kernel source tarball not found: ${TARBALL} (apt-get install linux-source-${PINNED_SERIES})`,
    );
  const root = join(CACHE, `linux-source-${PINNED_SERIES}`);
  if (!existsSync(join(root, "Makefile")) || !existsSync(join(root, "scripts", "syscall.tbl"))) {
    mkdirSync(CACHE, { recursive: true });
    execFileSync(
      "tar",
      [
        "-xJf",
        TARBALL,
        "-C",
        CACHE,
        "--wildcards",
        "*.c",
        "*.h",
        "*.tbl",
        "*/Makefile",
        "*/Makefile.syscalls",
      ],
      { stdio: "inherit" },
    );
  }
  const mk = readFileSync(join(root, "Makefile"), "utf8");
  const v = (k) => (mk.match(new RegExp(`^${k}[ \\t]*=[ \\t]*(\\S*)`, "m")) ?? [])[1] ?? "";
  const version = `${v("VERSION")}.${v("PATCHLEVEL")}.${v("SUBLEVEL")}${v("EXTRAVERSION")}`;
  if (!version.startsWith(`${PINNED_SERIES}.`))
    throw new Error(`expected Linux ${PINNED_SERIES}.x, found ${version}`);
  return { root, version };
}

const K = kernelTree();
const KSRC = `Linux ${K.version}`;
const kread = (p) => readFileSync(join(K.root, p), "utf8");

function header(source) {
  return `// Generated by scripts/generate.mjs from ${source}. Do not edit.\n`;
}

function write(name, text) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, name), text);
}

const q = (s) => JSON.stringify(s);

// ---------------------------------------------------------------------------------------------
// SYSCALL_DEFINEn signatures across the tree

function walk(dir, out) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) {
      if (["Documentation", "tools", "samples", "scripts", "usr"].includes(name) && dir === K.root) continue;
      walk(p, out);
    } else if (name.endsWith(".c") || name.endsWith(".h")) out.push(p);
  }
  return out;
}

function normType(t) {
  return t
    .replace(/\s+/g, " ")
    .replace(/\s*\*\s*/g, " *")
    .replace(/\* \*/g, "**")
    .trim()
    .replace(/ \*$/, " *");
}

/**
 * Files no architecture here builds: user-mode Linux (arch/x86/um), the !MMU memory code, the
 * !POSIX_TIMERS stubs. Their SYSCALL_DEFINEs lose to any other of the same name (i386's
 * sigreturn, a SYSCALL32_DEFINE0 this script does not read, still takes um's: both have none).
 */
const NOT_BUILT = ["arch/x86/um/", "mm/nommu.c", "kernel/time/posix-stubs.c"];

/**
 * For each line of a C file, the preprocessor conditions it sits under, outermost first: `#if E`
 * gives `(E)`, each `#elif`/`#else` the negations of the branches before it.
 */
function conditionsByLine(text) {
  const out = [];
  const stack = []; // { taken: string[] (branch conditions so far), current: string[] }
  const lines = text.replace(/\\\n/g, " ").split("\n");
  for (const line of lines) {
    const d = line.match(/^\s*#\s*(ifdef|ifndef|if|elif|else|endif)\b\s*(.*?)\s*(\/[/*].*)?$/);
    if (d) {
      const [, dir, rest] = d;
      if (dir === "ifdef" || dir === "ifndef" || dir === "if") {
        const c = dir === "ifdef" ? `defined(${rest})` : dir === "ifndef" ? `!defined(${rest})` : `(${rest})`;
        stack.push({ taken: [c], current: [c] });
      } else if (dir === "elif" && stack.length) {
        const f = stack[stack.length - 1];
        f.current = [...f.taken.map((t) => `!${t}`), `(${rest})`];
        f.taken.push(`(${rest})`);
      } else if (dir === "else" && stack.length) {
        const f = stack[stack.length - 1];
        f.current = f.taken.map((t) => `!${t}`);
      } else if (dir === "endif") stack.pop();
    }
    out.push(stack.flatMap((f) => f.current));
  }
  return out;
}

/** Whether preprocessor condition `c` holds when exactly the symbols in `config` are set. */
function holds(c, config) {
  const e = c
    .replace(/\b(?:defined|IS_ENABLED)\s*\(\s*(\w+)\s*\)/g, (_, x) => (config.includes(x) ? "1" : "0"))
    .replace(/\bdefined\s+(\w+)/g, (_, x) => (config.includes(x) ? "1" : "0"))
    .replace(/\b[A-Za-z_]\w*\b/g, (x) => (config.includes(x) ? "1" : "0"));
  if (!/^[\s\d()!&|=<>]*$/.test(e)) throw new Error(`cannot evaluate preprocessor condition ${c}`);
  return Boolean(Function(`"use strict"; return (${e});`)());
}

/** name → list of { file, args: [type, name][], conds: string[] } */
function collectDefines() {
  const defs = new Map();
  const re = /\b(SYSCALL_DEFINE|COMPAT_SYSCALL_DEFINE)(\d)\s*\(\s*(\w+)\s*([^)]*)\)/g;
  for (const file of walk(K.root, [])) {
    const text = readFileSync(file, "utf8");
    if (!text.includes("SYSCALL_DEFINE")) continue;
    const rel = relative(K.root, file);
    if (rel.startsWith("include/linux/syscalls.h") || rel.startsWith("include/linux/compat.h")) continue;
    const conds = conditionsByLine(text);
    for (const m of text.matchAll(re)) {
      const [, macro, n, name, rest] = m;
      if (macro === "COMPAT_SYSCALL_DEFINE") continue;
      const parts = rest
        .split(",")
        .map((s) => s.trim())
        .filter((s, i) => i > 0 || s !== "");
      if (parts[0] === "") parts.shift();
      const args = [];
      for (let i = 0; i + 1 < parts.length; i += 2) args.push([normType(parts[i]), parts[i + 1]]);
      if (args.length !== Number(n)) continue; // a macro definition or unusual form
      if (!defs.has(name)) defs.set(name, []);
      const line = text.slice(0, m.index).split("\n").length - 1;
      defs.get(name).push({ file: rel, args, conds: conds[line] });
    }
  }
  return defs;
}

/** asmlinkage prototypes (arch-specific entry points that are not SYSCALL_DEFINEd, e.g. sys_arm_fadvise64_64). */
function collectAsmlinkage() {
  const protos = new Map();
  const files = ["arch/arm/kernel/sys_arm.c", "arch/arm/include/asm/syscalls.h", "include/linux/syscalls.h"];
  for (const f of files) {
    if (!existsSync(join(K.root, f))) continue;
    const text = kread(f);
    for (const m of text.matchAll(/asmlinkage\s+long\s+(sys_\w+)\s*\(([^)]*)\)/g)) {
      const name = m[1].slice(4);
      if (protos.has(name)) continue;
      const raw = m[2].trim();
      if (raw === "void" || raw === "") {
        protos.set(name, { file: f, args: [] });
        continue;
      }
      const args = raw.split(",").map((s) => {
        const a = s.trim().match(/^(.*?)(\w+)$/);
        return a ? [normType(a[1]), a[2]] : [normType(s), "arg"];
      });
      protos.set(name, { file: f, args });
    }
  }
  return protos;
}

const DEFINES = collectDefines();
const PROTOS = collectAsmlinkage();

/**
 * Of several SYSCALL_DEFINEs of one name, those whose preprocessor conditions hold under
 * `config`; conditions all of them share (`#ifdef __ARCH_WANT_SYS_CLONE`) are not asked.
 */
function underConfig(all, config) {
  const built = all.filter((d) => !NOT_BUILT.some((p) => d.file.startsWith(p)));
  const cands = built.length > 0 ? built : all;
  if (cands.length < 2) return cands;
  const shared = (c) => cands.every((o) => o.conds.includes(c));
  const kept = cands.filter((d) => d.conds.every((c) => shared(c) || holds(c, config)));
  const sig = (d) => JSON.stringify(d.args);
  if (kept.length > 1 && new Set(kept.map(sig)).size > 1)
    throw new Error(`${kept.map((d) => d.file).join(", ")}: variants of one syscall differ under ${config}`);
  if (kept.length === 0) throw new Error(`no variant of ${cands[0].file}'s syscall holds under ${config}`);
  return kept;
}

function signature(karch, entry, config) {
  if (!entry || entry === "sys_ni_syscall") return undefined;
  let name = entry
    .replace(/^__/, "")
    .replace(/^sys_/, "")
    .replace(/_wrapper$/, "");
  // arm's sys_mmap2 is an assembly alias of sys_mmap_pgoff (arch/arm/kernel/entry-common.S).
  if (karch === "arm" && name === "mmap2") name = "mmap_pgoff";
  const cands = DEFINES.get(name);
  if (cands) {
    const own = underConfig(
      cands.filter((c) => c.file.startsWith(`arch/${karch}/`)),
      config,
    );
    const generic = underConfig(
      cands.filter((c) => !c.file.startsWith("arch/")),
      config,
    );
    const pick = own[0] ?? generic[0];
    if (pick) return pick;
  }
  return PROTOS.get(name);
}

// ---------------------------------------------------------------------------------------------
// Syscall tables

function readTable(path, abis) {
  const rows = [];
  for (const line of kread(path).split("\n")) {
    const l = line.replace(/#.*/, "").trim();
    if (!l) continue;
    const [nr, abi, name, entry] = l.split(/\s+/);
    if (!abis.includes(abi)) continue;
    rows.push({ nr: Number(nr), name, entry });
  }
  return rows;
}

function readExtra() {
  const rows = [];
  for (const line of readFileSync(join(DATA, "syscalls-extra.tbl"), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [nr, abis, name, argText] = line.split("\t");
    const args = (argText ?? "")
      .split(";")
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => {
        const a = s.match(/^(.*?)(\w+)$/);
        return [normType(a[1]), a[2]];
      });
    rows.push({ nr: Number(nr), abis: abis.split(","), name, args });
  }
  return rows;
}

/** nargs for table entries without an entry point (unimplemented); strace 6.1 prints that many. */
function readFallbackNargs() {
  const m = new Map();
  for (const line of readFileSync(join(DATA, "nargs-fallback.txt"), "utf8").split("\n")) {
    if (!line.trim() || line.startsWith("#")) continue;
    const [name, n] = line.trim().split(/\s+/);
    m.set(name, Number(n));
  }
  return m;
}

const EXTRA = readExtra();
const UNIMPL = readFallbackNargs();

function genArch(a) {
  const rows = readTable(a.table, a.abis);
  const seen = new Set(rows.map((r) => r.nr));
  const out = [];
  for (const r of rows) {
    const sig = signature(a.karch, r.entry, a.config);
    if (sig) out.push({ nr: r.nr, name: r.name, args: sig.args, from: sig.file });
    else if (UNIMPL.has(r.name)) out.push({ nr: r.nr, name: r.name, nargs: UNIMPL.get(r.name) });
    else
      throw new Error(
        `${a.arch}: no signature for ${r.nr} ${r.name} (${r.entry ?? "no entry point"}); add it to data/nargs-fallback.txt`,
      );
  }
  for (const e of EXTRA) {
    if (!e.abis.includes(a.extra) || seen.has(e.nr)) continue;
    out.push({ nr: e.nr, name: e.name, args: e.args, from: "data/syscalls-extra.tbl" });
  }
  out.sort((x, y) => x.nr - y.nr);
  let text = header(
    `${KSRC} ${a.table} (ABIs ${a.abis.join(", ")}) and SYSCALL_DEFINEn signatures, plus data/syscalls-extra.tbl`,
  );
  text += `import type { RawSyscall } from "../raw.js";\n\n`;
  text += `/** ${a.arch}: [nr, name, [C type, parameter name] pairs] or [nr, name, nargs] for unimplemented entries. */\n`;
  text += `export const rows: readonly RawSyscall[] = [\n`;
  for (const r of out) {
    if (r.args)
      text += `  [${r.nr}, ${q(r.name)}, [${r.args.map(([t, n]) => `[${q(t)}, ${q(n)}]`).join(", ")}]],\n`;
    else text += `  [${r.nr}, ${q(r.name)}, ${r.nargs}],\n`;
  }
  text += `];\n`;
  write(`syscalls-${a.arch}.ts`, text);
}

// ---------------------------------------------------------------------------------------------
// C macro evaluation for constants

function defines(files) {
  const map = new Map();
  for (const f of files) {
    for (const line of kread(f)
      .replace(/\/\*[\s\S]*?\*\//g, "")
      .replace(/\\\n/g, " ")
      .split("\n")) {
      const m = line.match(/^\s*#\s*define\s+(\w+)\s+(.+?)\s*$/);
      if (m && !map.has(m[1])) map.set(m[1], m[2]);
      // A function-like macro (keyboard.h's K(t,v), KVAL(x)): its parameters and body.
      const f = line.match(/^\s*#\s*define\s+(\w+)\(([\w\s,]*)\)\s+(.+?)\s*$/);
      if (f && !map.has(f[1])) map.set(f[1], { params: f[2].split(",").map((x) => x.trim()), body: f[3] });
    }
  }
  return map;
}

/** `expr` with each call of a function-like macro of `defs` replaced by its body (arguments substituted). */
function expandCalls(expr, defs) {
  let out = "";
  let i = 0;
  while (i < expr.length) {
    const m = /^[A-Za-z_]\w*/.exec(expr.slice(i));
    if (!m || (i > 0 && /\w/.test(expr[i - 1]))) {
      out += expr[i++];
      continue;
    }
    const name = m[0];
    const def = defs.get(name);
    let j = i + name.length;
    while (expr[j] === " ") j++;
    if (typeof def !== "object" || expr[j] !== "(") {
      out += name;
      i += name.length;
      continue;
    }
    // The arguments up to the matching parenthesis, split at top-level commas.
    const args = [];
    let depth = 0;
    let cur = "";
    for (j++; j < expr.length; j++) {
      const c = expr[j];
      if (c === "(") depth++;
      else if (c === ")" && depth-- === 0) break;
      if (c === "," && depth === 0) {
        args.push(cur);
        cur = "";
      } else cur += c;
    }
    args.push(cur);
    if (args.length !== def.params.length)
      throw new Error(`${name} takes ${def.params.length} arguments: ${expr}`);
    const body = def.body.replace(/\b[A-Za-z_]\w*\b/g, (id) => {
      const k = def.params.indexOf(id);
      return k < 0 ? id : `(${args[k].trim()})`;
    });
    out += `(${expandCalls(body, defs)})`;
    i = j + 1;
  }
  return out;
}

function evalExpr(expr, defs, depth = 0) {
  if (depth > 20) throw new Error(`macro recursion in ${expr}`);
  expr = expandCalls(expr, defs)
    // videodev2.h's v4l2_fourcc('R', 'G', 'B', '1'): character constants and (__u32) casts.
    .replace(/'(\\.|[^'\\])'/g, (_, c) => String((c.length === 2 ? c[1] : c).charCodeAt(0)))
    .replace(/\(__u32\)/g, "");
  let s = expr.replace(/\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]*\b/g, (_, n) => {
    if (/^0[0-7]+$/.test(n)) return `${BigInt(`0o${n.slice(1)}`)}n`;
    return `${BigInt(n)}n`;
  });
  s = s.replace(/\b[A-Za-z_]\w*\b/g, (id) => {
    if (!defs.has(id)) throw new Error(`unknown macro ${id} in ${expr}`);
    return `(${evalExpr(defs.get(id), defs, depth + 1)}n)`;
  });
  if (!/^[\s\dn()|&<>~+\-*^]*$/.test(s)) throw new Error(`cannot evaluate ${expr} (${s})`);
  // eslint-disable-next-line no-new-func
  const v = Function(`"use strict"; return (${s});`)();
  return BigInt.asUintN(64, v).toString();
}

function genConsts() {
  const dir = join(DATA, "xlat");
  let text = header(`${KSRC} uapi headers named in each table, by the name lists in data/xlat/*.in`);
  text += `import type { ConstTable } from "../types.js";\n\n`;
  text += `/** Constant tables, one per data/xlat/*.in file, in file-name order. */\n`;
  text += `export const generatedConstTables: readonly ConstTable[] = [\n`;
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".in"))
    .sort()) {
    const name = file.slice(0, -3);
    const from = [];
    let kind = "enum";
    let typeMask;
    let dflt;
    const names = [];
    for (const line of readFileSync(join(dir, file), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const d = line.match(/^#(\w+)\s*(.*)$/);
      if (d) {
        if (d[1] === "From") from.push(d[2].trim());
        else if (d[1] === "Kind") kind = d[2].trim();
        else if (d[1] === "TypeMask") typeMask = d[2].trim();
        else if (d[1] === "Default") dflt = d[2].trim();
        continue;
      }
      const [n, ...v] = line.trim().split(/\s+/);
      names.push([n, v.join(" ")]);
    }
    const headers = from.filter((f) => existsSync(join(K.root, f)));
    const defs = defines(headers);
    const entries = names.map(([n, explicit]) => {
      const expr = explicit || n.split("|").join(" | ");
      const exact = evalExpr(expr, defs);
      let v = Number(exact);
      // Tables hold doubles: a value above 2^53 is kept only when the double is exact (a single
      // high bit such as userfaultfd's 1<<_UFFDIO_API, bit 63), or as its negative two's-complement
      // twin when that is (btrfs's -256ULL, UINT64_MAX as -1); the decoder's blob writes it as a u64.
      if (BigInt(v) !== BigInt(exact)) v = Number(BigInt.asIntN(64, BigInt(exact)));
      if (BigInt.asUintN(64, BigInt(v)) !== BigInt(exact))
        throw new Error(`${name}: ${n} = ${exact} is not exact as a double`);
      return [v, n];
    });
    const fields = [`name: ${q(name)}`, `source: ${q(from.join(", "))}`, `kind: ${q(kind)}`];
    if (typeMask) fields.push(`typeMask: ${Number(evalExpr(typeMask, defs))}`);
    // an empty #Default: unknown values print with no comment at all
    if (dflt !== undefined) fields.push(`dflt: ${q(dflt)}`);
    text += `  {\n    ${fields.join(",\n    ")},\n    entries: [\n`;
    for (const [v, n] of entries) text += `      [${v}, ${q(n)}],\n`;
    text += `    ],\n  },\n`;
  }
  text += `];\n`;
  write("consts.ts", text);
}

// ---------------------------------------------------------------------------------------------
// errno and signals

/** strace's own texts for the kernel-internal restart codes (strace src/syscall.c, print_syscall_resume). */
const STRACE_ERRNO_TEXT = {
  ERESTARTSYS: "To be restarted if SA_RESTART is set",
  ERESTARTNOINTR: "To be restarted",
  ERESTARTNOHAND: "To be restarted if no handler",
  ERESTART_RESTARTBLOCK: "Interrupted by signal",
};

function genErrnos() {
  const list = [];
  const files = [
    "include/uapi/asm-generic/errno-base.h",
    "include/uapi/asm-generic/errno.h",
    "include/linux/errno.h",
  ];
  for (const f of files) {
    for (const m of kread(f).matchAll(/^#define\s+(E\w+)\s+(\d+)/gm)) list.push([Number(m[2]), m[1]]);
  }
  const values = list.map(([v]) => v);
  const py = `import os, json, sys\nprint(json.dumps({"libc": os.confstr("CS_GNU_LIBC_VERSION"), "m": {n: os.strerror(n) for n in ${JSON.stringify(values)}}}))`;
  const res = JSON.parse(execFileSync("python3", ["-c", py], { encoding: "utf8" }));
  let text = header(
    `${KSRC} ${files.join(", ")}; messages from ${res.libc} strerror(), strace 6.1's texts for ERESTART*`,
  );
  text += `import type { ErrnoEntry } from "../types.js";\n\n/** Every errno the kernel defines, ascending, aliases left out (EWOULDBLOCK, EDEADLOCK). */\n`;
  text += `export const errnos: readonly ErrnoEntry[] = [\n`;
  for (const [v, n] of list.sort((a, b) => a[0] - b[0])) {
    const msg = STRACE_ERRNO_TEXT[n] ?? res.m[String(v)];
    text += `  { value: ${v}, name: ${q(n)}, message: ${q(msg)} },\n`;
  }
  text += `];\n`;
  write("errnos.ts", text);
}

function genSignals() {
  const f = "arch/x86/include/uapi/asm/signal.h";
  const byValue = new Map();
  for (const m of kread(f).matchAll(/^#define\s+(SIG\w+)\s+(\d+)\s*$/gm)) {
    const v = Number(m[2]);
    if (!byValue.has(v)) byValue.set(v, m[1]); // first name wins: SIGABRT over SIGIOT, SIGSYS over SIGUNUSED
  }
  const nsig = Number((kread(f).match(/^#define\s+_NSIG\s+(\d+)/m) ?? [])[1] ?? 64);
  let text = header(
    `${KSRC} ${f} (realtime signals above SIGRTMIN named SIGRT_<n> as strace 6.1 prints them)`,
  );
  text += `import type { SignalEntry } from "../types.js";\n\n/** Signals 1.._NSIG (${nsig}) with the names strace prints. */\n`;
  text += `export const signals: readonly SignalEntry[] = [\n`;
  const rtmin = [...byValue].find(([, n]) => n === "SIGRTMIN")?.[0] ?? 32;
  for (let v = 1; v <= nsig; v++) {
    const name = byValue.get(v) ?? (v > rtmin ? `SIGRT_${v - rtmin}` : undefined);
    if (name) text += `  { value: ${v}, name: ${q(name)} },\n`;
  }
  text += `];\n`;
  write("signals.ts", text);
}

// ---------------------------------------------------------------------------------------------
// classes

function genClasses() {
  const dir = join(DATA, "classes");
  let text = header(`data/classes/*.txt (strace 6.1 syscallent.h class flags)`);
  text += `import type { SyscallClass } from "../types.js";\n\n/** Class → the syscall names strace 6.1 puts in it (all architectures). */\n`;
  text += `export const classMembers: Readonly<Record<SyscallClass, readonly string[]>> = {\n`;
  const entries = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()) {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    const cls = lines[0].replace(/^#Class\s+/, "").trim();
    const names = lines.filter((l) => l.trim() && !l.startsWith("#")).map((l) => l.trim());
    entries.push([cls, names]);
  }
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [cls, names] of entries) text += `  ${q(cls)}: [${names.map(q).join(", ")}],\n`;
  text += `};\n`;
  write("classes.ts", text);
}

for (const a of ARCHES) genArch(a);
genConsts();
genErrnos();
genSignals();
genClasses();
console.log(`generated into ${relative(process.cwd(), OUT) || "."} from ${KSRC}`);
