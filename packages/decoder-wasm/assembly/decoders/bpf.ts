// bpf(cmd, attr, size) as strace 6.1's bpf.c prints it: the command by name, then the part of
// union bpf_attr that command uses, read as `size` bytes (all or nothing, at most a page) from
// core's sized capture. Each command is a list of fields; a field that starts a group (the
// fields one kernel release added) is printed only when the caller's size reaches its offset,
// as strace does. Past the command's struct, bytes that are not zeros print as `...` (with -v
// as `/* bytes N..M */ "\x.."`). Commands without a list print the attribute's address.

import { arg } from "../call";
import { verbose, xlatStyle } from "../options";
import { putc, puts } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { printCString } from "../print/quote";
import { printEnum } from "../print/xlat";
import { findTable, valueOf } from "../tables";
import { extData, extLen, extWhole, findExt, printExtTail } from "./ext-struct";
import { F_FLAGS, F_PTR, F_U, F_XVAL, Field, printValue } from "./ioctl-fields";
import { RVAL_DECODED } from "./rval";

/** strace's get_pagesize(): the most of an attribute it reads. */
const PAGE: u64 = 4096;

/** Formats beyond ioctl-fields' (codes well above its own). */
/** An fd (PRINT_FIELD_FD): a signed int. */
const B_FD: u8 = 100;
/** A char array printed up to its NUL, or its size less one and `...` (PRINT_FIELD_CSTRING_SZ). */
const B_NAME: u8 = 101;
/** KERNEL_VERSION(a, b, c) of a u32 (print_kernel_version). */
const B_KVER: u8 = 102;

/** One field of a command's attribute; `group`: printed only when the size reaches it. */
class BpfField {
  constructor(
    public group: bool,
    public field: Field,
    public fmt: u8,
  ) {}
}

/** A field of the first group, printed whatever the size. */
function f(name: string, off: u32, size: u32, fmt: u8, table: string = ""): BpfField {
  return new BpfField(false, new Field(name, off, size, fmt < 100 ? fmt : F_U, table), fmt);
}

/** A field that starts a group. */
function g(name: string, off: u32, size: u32, fmt: u8, table: string = ""): BpfField {
  return new BpfField(true, new Field(name, off, size, fmt < 100 ? fmt : F_U, table), fmt);
}

/** A command: its name in bpf_commands, the size of its part of bpf_attr, its fields. */
class BpfCmd {
  constructor(
    public name: string,
    public size: u32,
    public fields: BpfField[],
  ) {}
}

// Offsets and sizes: include/uapi/linux/bpf.h, union bpf_attr's anonymous struct of each command
// (the kernel's BTF flattens them into one namespace, so they are spelled out here).
const COMMANDS: BpfCmd[] = [
  new BpfCmd("BPF_PROG_LOAD", 128, [
    f("prog_type", 0, 4, F_XVAL, "bpf_prog_types"),
    f("insn_cnt", 4, 4, F_U),
    f("insns", 8, 8, F_PTR),
    // the license string: its address (strace reads the string; tstrace does not capture it yet)
    f("license", 16, 8, F_PTR),
    g("log_level", 24, 4, F_U),
    f("log_size", 28, 4, F_U),
    f("log_buf", 32, 8, F_PTR),
    g("kern_version", 40, 4, B_KVER),
    g("prog_flags", 44, 4, F_FLAGS, "bpf_prog_flags"),
    g("prog_name", 48, 16, B_NAME),
    g("prog_ifindex", 64, 4, F_U),
    g("expected_attach_type", 68, 4, F_XVAL, "bpf_attach_type"),
    g("prog_btf_fd", 72, 4, B_FD),
    f("func_info_rec_size", 76, 4, F_U),
    f("func_info", 80, 8, F_PTR),
    f("func_info_cnt", 88, 4, F_U),
    f("line_info_rec_size", 92, 4, F_U),
    f("line_info", 96, 8, F_PTR),
    f("line_info_cnt", 104, 4, F_U),
    g("attach_btf_id", 108, 4, F_U),
    g("attach_prog_fd", 112, 4, B_FD),
    g("fd_array", 120, 8, F_PTR),
  ]),
];

let T_COMMANDS: i32 = -2;
const cmdValues: u64[] = [];

/** The command whose name has value `cmd` in bpf_commands, or null. */
function findCmd(cmd: u64): BpfCmd | null {
  if (T_COMMANDS == -2) {
    T_COMMANDS = findTable("bpf_commands");
    for (let i = 0; i < COMMANDS.length; i++) cmdValues.push(valueByName(T_COMMANDS, COMMANDS[i].name));
  }
  for (let i = 0; i < COMMANDS.length; i++) if (cmdValues[i] == cmd) return COMMANDS[i];
  return null;
}

function valueByName(table: i32, name: string): u64 {
  return valueOf(table, name, 0xffffffffffffffff);
}

/** print_kernel_version: `KERNEL_VERSION(5, 10, 0)`, in hex with -X raw, both with -X verbose. */
export function printKernelVersion(v: u32): void {
  if (xlatStyle == 1) {
    putHex(<u64>v);
    return;
  }
  if (xlatStyle == 2) {
    putHex(<u64>v);
    puts(" /* ");
  }
  puts("KERNEL_VERSION(");
  putU64(<u64>(v >> 16));
  puts(", ");
  putU64(<u64>((v >> 8) & 0xff));
  puts(", ");
  putU64(<u64>(v & 0xff));
  putc(0x29);
  if (xlatStyle == 2) puts(" */");
}

function printField(bf: BpfField, p: usize): void {
  const fl = bf.field;
  const at = p + <usize>fl.off;
  if (bf.fmt == B_FD) putI64(<i64>load<i32>(at));
  else if (bf.fmt == B_KVER) printKernelVersion(load<u32>(at));
  else if (bf.fmt == B_NAME) {
    let n: u32 = 0;
    while (n < fl.size && load<u8>(at + <usize>n) != 0) n++;
    if (n < fl.size) printCString(at, n, false, fl.size);
    else printCString(at, fl.size - 1, true, fl.size);
  } else printValue(fl, p);
}

/** bpf_attr tail: `...` (abbreviated) or the bytes, when the bytes past `known` are not zeros. */
function printTail(known: u32, size: u64): void {
  if (size <= <u64>known) return;
  if (verbose) {
    printExtTail(known, size);
    return;
  }
  const total = <u32>(size < PAGE ? size : PAGE);
  for (let j = known; j < total; j++)
    if (load<u8>(extData + <usize>j) != 0) {
      puts(", ...");
      return;
    }
}

export function decodeBpf(): i32 {
  const cmd = <u64>(<u32>arg(0));
  const size = <u64>(<u32>arg(2));
  const c = findCmd(cmd);
  printEnum(T_COMMANDS, cmd);
  puts(", ");
  if (c == null || size == 0 || size > PAGE || !findExt(1, <u32>size) || !extWhole || <u64>extLen < size) {
    putAddr(arg(1));
  } else {
    // what the caller passed, zeros past it (strace's attr starts zeroed)
    const p = scratch(c.size);
    memory.copy(p, extData, <usize>(size < <u64>c.size ? size : <u64>c.size));
    putc(0x7b);
    for (let i = 0; i < c.fields.length; i++) {
      const bf = c.fields[i];
      if (bf.group && size <= <u64>bf.field.off) break;
      if (i > 0) puts(", ");
      puts(bf.field.name);
      putc(0x3d);
      printField(bf, p);
    }
    printTail(c.size, size);
    putc(0x7d);
  }
  puts(", ");
  putU64(size);
  return RVAL_DECODED;
}

let scratchBuf: usize = 0;
let scratchLen: u32 = 0;

/** A zeroed buffer of `n` bytes, reused from call to call. */
function scratch(n: u32): usize {
  if (scratchLen < n) {
    scratchBuf = heap.alloc(<usize>n);
    scratchLen = n;
  }
  memory.fill(scratchBuf, 0, <usize>n);
  return scratchBuf;
}
