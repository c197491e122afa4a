// Plain JavaScript versions of the decoder's hot primitives, written the obvious way, as the
// benchmark's baseline: strace quoting, the stat struct, open flags, and whole lines.
import { constTable } from "@tstrace/core";

const esc = { 34: '\\"', 92: "\\\\", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v" };

/** strace's string_quote for `bytes` (no -x), cut at strsize with `...`. */
export function quote(bytes, strsize = 32) {
  const n = Math.min(bytes.length, strsize);
  let s = '"';
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    const e = esc[c];
    if (e) s += e;
    else if (c >= 0x20 && c < 0x7f) s += String.fromCharCode(c);
    else {
      const next = i + 1 < n ? bytes[i + 1] : 0;
      if (i + 1 < n && next >= 0x30 && next <= 0x37) s += `\\${c.toString(8).padStart(3, "0")}`;
      else s += `\\${c.toString(8)}`;
    }
  }
  s += '"';
  return bytes.length > n ? `${s}...` : s;
}

const openFlags = constTable("open_flags");
/** Open flags: the access mode, then the other bits by name, leftover in hex. */
export function openFlagsText(v) {
  const mask = openFlags.typeMask ?? 0;
  const parts = [openFlags.entries.find(([x]) => x === (v & mask))?.[1] ?? `0x${(v & mask).toString(16)}`];
  let rest = v & ~mask;
  for (const [x, name] of openFlags.entries) {
    if (x === 0 || (x & mask) === x || (rest & x) !== x) continue;
    parts.push(name);
    rest &= ~x;
  }
  if (rest) parts.push(`0x${rest.toString(16)}`);
  return parts.join("|");
}

const types = {
  9604: "S_IFDIR",
  16807: "S_IFREG",
  21609: "S_IFLNK",
  4802: "S_IFCHR",
  14406: "S_IFBLK",
  2401: "S_IFIFO",
  26411: "S_IFSOCK",
};
/** x86_64 struct stat (144 bytes) as strace abbreviates it. */
export function statText(view, off) {
  const mode = view.getUint32(off + 24, true);
  const t = types[mode & 0o170000];
  const perm = mode & 0o7777;
  const m = `${t ? `${t}|` : ""}0${perm.toString(8).padStart(3, "0")}`;
  return `{st_mode=${m}, st_size=${view.getBigInt64(off + 48, true)}, ...}`;
}
