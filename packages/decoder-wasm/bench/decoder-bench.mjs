// Decoder benchmark: records decoded to text per second for a realistic mix, and the hot
// primitives (quoting a 4 KiB buffer, a stat struct, open flags) in WebAssembly against the same
// primitives written plainly in JavaScript (bench/baseline.mjs). Run after `pnpm build`:
// `pnpm bench` (node bench/decoder-bench.mjs; `--json` prints the rows as JSON, for tools/bench).
// Rates are per second of this thread's CPU time (process.cpuUsage), not of wall time: on a shared
// machine a preempted round would otherwise count its wait as decoding time.
import { createDecoder, init, quoteString } from "../dist/index.js";
import { openFlagsText, quote, statText } from "./baseline.mjs";

const X86_64 = 0xc000003e;
const enc = new TextEncoder();
const pad8 = (n) => (n + 7) & ~7;

function record(type, pid, body, t) {
  const size = pad8(24 + body.length);
  const out = new Uint8Array(size);
  const v = new DataView(out.buffer);
  v.setUint32(0, size, true);
  v.setUint16(4, type, true);
  v.setUint32(8, pid, true);
  v.setBigUint64(16, BigInt(t), true);
  out.set(body, 24);
  return out;
}
function caps(list) {
  return concat(
    ...list.map((c) => {
      const b = new Uint8Array(8 + pad8(c.data.length));
      b[0] = c.arg;
      b[1] = c.kind;
      new DataView(b.buffer).setUint32(4, c.data.length, true);
      b.set(c.data, 8);
      return b;
    }),
  );
}
function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
function enter(nr, args, list = [], t = 0) {
  const c = caps(list);
  const body = new Uint8Array(80 + c.length);
  const v = new DataView(body.buffer);
  v.setUint32(0, X86_64, true);
  v.setUint32(4, nr, true);
  for (const [i, a] of args.entries()) v.setBigUint64(8 + i * 8, BigInt.asUintN(64, BigInt(a)), true);
  v.setUint32(72, list.length, true);
  body.set(c, 80);
  return record(1, 100, body, t);
}
function exit(nr, rval, list = [], t = 0) {
  const c = caps(list);
  const body = new Uint8Array(24 + c.length);
  const v = new DataView(body.buffer);
  v.setUint32(0, X86_64, true);
  v.setUint32(4, nr, true);
  v.setBigInt64(8, BigInt(rval), true);
  v.setUint32(16, rval < 0 ? 1 : 0, true);
  v.setUint32(20, list.length, true);
  body.set(c, 24);
  return record(2, 100, body, t);
}
const cstr = (s) => ({ arg: 1, kind: 1, data: enc.encode(s) });
function statBytes(size) {
  const b = new Uint8Array(144);
  const v = new DataView(b.buffer);
  v.setUint32(24, 0o100644, true);
  v.setBigInt64(48, BigInt(size), true);
  return b;
}

// A realistic mix: what `cat file` and `ls -l` do most (openat, fstat, read, write, close, mmap).
function mixBatch(n) {
  const parts = [];
  const text = enc.encode("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin\n");
  for (let i = 0; i < n; i++) {
    parts.push(
      enter(257, [-100, 0x1000, 0o2000000, 0], [cstr("/usr/lib/x86_64-linux-gnu/libc.so.6")]),
      exit(257, 3),
    );
    parts.push(enter(5, [3, 0x2000]), exit(5, 0, [{ arg: 1, kind: 4, data: statBytes(1234 + i) }]));
    parts.push(enter(0, [3, 0x3000, 131072]), exit(0, 33, [{ arg: 1, kind: 3, data: text.subarray(0, 33) }]));
    parts.push(enter(1, [1, 0x3000, 64], [{ arg: 1, kind: 2, data: text.subarray(0, 33) }]), exit(1, 64));
    parts.push(enter(9, [0, 8192, 3, 0x22, -1, 0]), exit(9, 0x7f0000001000));
    parts.push(enter(3, [3]), exit(3, 0));
  }
  return { batch: concat(...parts), records: n * 12 };
}

function time(fn, minMs = 400) {
  let iters = 0;
  const start = performance.now();
  const cpu = process.cpuUsage();
  while (performance.now() - start < minMs) {
    fn();
    iters++;
  }
  const used = process.cpuUsage(cpu);
  return iters / ((used.user + used.system) / 1e6);
}

const results = [];
let jsonRow;
// Both sides leave their output bytes in memory they reuse, as tstrace's sink takes them: the
// decoder through decodeTransient (what the cli calls), the baseline through encodeInto a buffer
// kept across calls.
const sinkBuf = new Uint8Array(1 << 20);
const toSink = (s) => enc.encodeInto(s, sinkBuf).written;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
/**
 * WASM and JS measured in alternating short rounds, so a noisy neighbour hits both alike; the
 * figures are medians over the rounds, the ratio the median of the per-round ratios.
 */
const row = (name, wasmFn, jsFn, scale, unit, rounds = 9) => {
  const w = [];
  const j = [];
  for (let i = 0; i < rounds; i++) {
    w.push(time(wasmFn, 120) * scale);
    j.push(time(jsFn, 120) * scale);
  }
  results.push({ name, wasm: median(w), js: median(j), ratio: median(w.map((x, i) => x / j[i])), unit });
};

// 1. Realistic mix, whole lines. JS baseline: the same lines from the same bytes, plainly.
{
  const { batch, records } = mixBatch(500);
  const d = await createDecoder();
  const wasmFn = () => d.decodeTransient(batch);
  const jsDecode = () => {
    const v = new DataView(batch.buffer, batch.byteOffset, batch.byteLength);
    let off = 0;
    let out = "";
    let open = "";
    while (off < batch.length) {
      const size = v.getUint32(off, true);
      const type = v.getUint16(off + 4, true);
      const b = off + 24;
      const nr = v.getUint32(b + 4, true);
      const capAt = type === 1 ? b + 80 : b + 24;
      const nCaps = v.getUint32(type === 1 ? b + 72 : b + 20, true);
      const capLen = nCaps > 0 ? v.getUint32(capAt + 4, true) : 0;
      const cap = batch.subarray(capAt + 8, capAt + 8 + capLen);
      const a = (i) => v.getBigUint64(b + 8 + i * 8, true);
      if (type === 1) {
        if (nr === 257) open = `openat(AT_FDCWD, ${quote(cap, 4096)}, ${openFlagsText(Number(a(2)))}`;
        else if (nr === 5) open = `fstat(${a(0)}, `;
        else if (nr === 0) open = `read(${a(0)}, `;
        else if (nr === 1) open = `write(${a(0)}, ${quote(cap)}${Number(a(2)) > 32 ? "..." : ""}, ${a(2)}`;
        else if (nr === 9)
          open = `mmap(NULL, ${a(1)}, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0`;
        else open = `close(${a(0)}`;
      } else {
        const rv = v.getBigInt64(b + 8, true);
        let line = open;
        if (nr === 5) line += statText(v, capAt + 8);
        if (nr === 0) line += `${quote(cap)}, 131072`;
        line += ")";
        out += `${line.padEnd(39)} = ${nr === 9 ? `0x${rv.toString(16)}` : rv}\n`;
      }
      off += size;
    }
    return toSink(out);
  };
  row("records → text (mix)", wasmFn, jsDecode, records, "records/s");
}

// 2. Quoting a 4 KiB buffer, -s 4096: binary-ish bytes (most escaped), then text (a read(2) of a
// text file, the common case). Rates in bytes of input per second.
{
  const buf = new Uint8Array(4096);
  for (let i = 0; i < buf.length; i++) buf[i] = (i * 37) & 0xff;
  const text = enc
    .encode("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin\n".repeat(70))
    .subarray(0, 4096);
  await init();
  for (const [name, bytes] of [
    ["quote 4 KiB binary", buf],
    ["quote 4 KiB text", text],
  ]) {
    quoteString(bytes, { strsize: 4096 });
    row(
      name,
      () => quoteString(bytes, { strsize: 4096 }),
      () => quote(bytes, 4096),
      bytes.length,
      "bytes/s",
    );
  }
}

// 3. A stat struct: 1000 fstat calls per batch, decoded whole vs the plain JS struct printer.
{
  const parts = [];
  for (let i = 0; i < 1000; i++)
    parts.push(enter(5, [3, 0x2000]), exit(5, 0, [{ arg: 1, kind: 4, data: statBytes(i) }]));
  const batch = concat(...parts);
  const d = await createDecoder();
  const wasmFn = () => d.decodeTransient(batch);
  const v = new DataView(batch.buffer);
  // The baseline walks the same records (as the decoder must) and prints from their bytes.
  const jsFn = () => {
    let s = "";
    let line = "";
    for (let off = 0; off < batch.length; ) {
      const size = v.getUint32(off, true);
      if (v.getUint16(off + 4, true) === 1) line = `fstat(${v.getBigUint64(off + 24 + 8, true)}, `;
      else s += `${line}${statText(v, off + 24 + 24 + 8)}) = ${v.getBigInt64(off + 24 + 8, true)}\n`;
      off += size;
    }
    return toSink(s);
  };
  row("stat struct (fstat lines)", wasmFn, jsFn, 1000, "structs/s");
}

// 4. Open flags: 1000 openat calls with different flag sets.
{
  const flagSets = [0o2000000, 0o2000101, 0o2202000, 0o1102, 0o2400000 | 0o200000];
  const parts = [];
  for (let i = 0; i < 1000; i++) {
    parts.push(
      enter(257, [-100, 0x1000, flagSets[i % flagSets.length], 0o644], [cstr("a.txt")]),
      exit(257, 3),
    );
  }
  const batch = concat(...parts);
  const d = await createDecoder();
  const wasmFn = () => d.decodeTransient(batch);
  const v = new DataView(batch.buffer);
  const jsFn = () => {
    let s = "";
    let line = "";
    for (let off = 0; off < batch.length; ) {
      const size = v.getUint32(off, true);
      if (v.getUint16(off + 4, true) === 1) {
        const capLen = v.getUint32(off + 24 + 80 + 4, true);
        const path = quote(batch.subarray(off + 24 + 88, off + 24 + 88 + capLen), 4096);
        line = `openat(AT_FDCWD, ${path}, ${openFlagsText(Number(v.getBigUint64(off + 24 + 24, true)))}`;
      } else s += `${line}) = ${v.getBigInt64(off + 24 + 8, true)}\n`;
      off += size;
    }
    return toSink(s);
  };
  row("open flags (openat lines)", wasmFn, jsFn, 1000, "calls/s");
}

// 5. The same mix as JSON Lines (--json) against it as text, both in WebAssembly: what JSON costs.
{
  const { batch, records } = mixBatch(500);
  const text = await createDecoder();
  const json = await createDecoder({ json: true });
  const t = [];
  const j = [];
  for (let i = 0; i < 9; i++) {
    t.push(time(() => text.decode(batch), 120) * records);
    j.push(time(() => json.decode(batch), 120) * records);
  }
  jsonRow = { json: median(j), text: median(t), ratio: median(j.map((x, i) => x / t[i])) };
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(results));
  process.exit(0);
}
console.log("decoder-wasm benchmark (higher is better; ratio = wasm / js; per second of CPU time)");
for (const r of results) {
  console.log(
    `${r.name.padEnd(28)} wasm ${Math.round(r.wasm).toLocaleString("en").padStart(12)} ${r.unit.padEnd(10)} js ${Math.round(r.js).toLocaleString("en").padStart(12)}  ratio ${r.ratio.toFixed(2)}x`,
  );
}
console.log(
  `${"records → JSON (mix)".padEnd(28)} wasm ${Math.round(jsonRow.json).toLocaleString("en").padStart(12)} records/s  text ${Math.round(jsonRow.text).toLocaleString("en").padStart(10)}  json/text ${jsonRow.ratio.toFixed(2)}x`,
);
const slower = results.filter((r) => r.ratio < 1);
if (slower.length) {
  console.log(`WASM slower on: ${slower.map((r) => r.name).join(", ")}`);
  process.exitCode = 1;
}
