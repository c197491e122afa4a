// bpf(cmd, attr, size) as strace 6.1's bpf.c prints it: the command by name, then the part of
// union bpf_attr that command uses, read as `size` bytes (all or nothing, at most a page) from
// core's sized capture. Each command is a list of fields; a field that starts a group (the
// fields one kernel release added) is printed only when the caller's size reaches its offset,
// as strace does. Past the command's struct, bytes that are not zeros print as `...` (with -v
// as `extra_data="\x.." /* bytes N..M */`). What fields point at (strings, instructions, id
// arrays, the info struct) comes from core's command-chosen POINTEE captures (data/bpf-attr.ts);
// fields the kernel writes back print at exit, from the attribute read again then. Commands
// without a list print the attribute's address.

import { arg, capData, capLen, capNth, exiting, findCap, isError } from "../call";
import { strsize, verbose, xflag, xlatStyle } from "../options";
import { putc, puts } from "../out";
import {
  findPointee,
  findPointeeEach,
  nextPointeeEach,
  peData,
  peGot,
  pePtr,
  ptData,
  ptLen,
  ptPtr,
  ptWanted,
} from "../pointee";
import { printFdElem } from "../print/fd";
import { putAddr, putHex, putU64 } from "../print/num";
import { HEX_ALL, printBuffer, printCString, quote } from "../print/quote";
import { putMakedev } from "../print/structs";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CAP_HEADER, CAP_LENGTH, CAP_STATUS, CK_FD_PATHS, CK_STRUCT_IF, CS_FAULT } from "../record";
import { findTable, lookup, NO_REF, valueOf } from "../tables";
import { printEbpfInsns } from "./bpf-filter";
import { extData, extLen, extWhole, findExt } from "./ext-struct";
import { F_CSTRING, F_D, F_FLAGS, F_PTR, F_U, F_X, F_XVAL, Field, printValue } from "./ioctl-fields";
import { printIfindex } from "./nl-print";
import { RVAL_DECODED, RVAL_FD } from "./rval";

/** strace's get_pagesize(): the most of an attribute it reads. */
const PAGE: u64 = 4096;

/** Formats beyond ioctl-fields' (codes well above its own). */
/** An fd (PRINT_FIELD_FD): a signed int. */
const B_FD: u8 = 100;
/** A char array printed up to its NUL, or its size less one and `...` (PRINT_FIELD_CSTRING_SZ). */
const B_NAME: u8 = 101;
/** KERNEL_VERSION(a, b, c) of a u32 (print_kernel_version). */
const B_KVER: u8 = 102;
/** An interface index, `if_nametoindex("lo")` when it names one (PRINT_FIELD_IFINDEX). */
const B_IFINDEX: u8 = 103;
/** A pointer to a NUL-terminated string (printstr; RAW_TRACEPOINT_OPEN's name: at most 128 bytes). */
const B_STR: u8 = 104;
/** A pointer to a string of at most the u32 before it bytes (printstr_ex, QUOTE_0_TERMINATED). */
const B_STRN: u8 = 105;
/** A pointer to a path (printpath). */
const B_PATH: u8 = 106;
/** A pointer to a buffer of btf_size bytes (printstrn). */
const B_BUF: u8 = 107;
/** BPF_MAP_CREATE's numa_node: only with BPF_F_NUMA_NODE, `N /* NUMA_NO_NODE *\/` (XVAL_U_VERBOSE). */
const B_NUMA: u8 = 108;
/** A u32 the kernel writes back: `old => new` at exit. Fields after it print at exit. */
const B_CHANGED: u8 = 109;
/** BPF_OBJ_GET_INFO_BY_FD's info: the map's info struct (with -v), else the address. */
const B_INFO: u8 = 110;
/** A u64 device number, `makedev(0, 0)` (PRINT_FIELD_DEV). */
const B_DEV: u8 = 111;
/** PROG_LOAD's instructions: with -v each one (the u32 before the pointer counts them), else the address. */
const B_INSNS: u8 = 112;
/** PROG_QUERY's prog_ids: printed at exit, as many u32 as prog_cnt (8 bytes on) says then. */
const B_IDS_EXIT: u8 = 113;
/** A u32 printed at exit: `old => new` when the kernel changed it (PROG_QUERY's prog_cnt). */
const B_CHANGED_EXIT: u8 = 114;
/** TASK_FD_QUERY's buf at exit: a string of at most buf_len bytes (before and after). */
const B_STR_EXIT: u8 = 115;
/** LINK_UPDATE's old_prog_fd: an fd, shown only with BPF_F_REPLACE in flags. */
const B_FD_REPLACE: u8 = 116;
/** A u64 in hex (PRINT_FIELD_X of a __u64). */
const B_X64: u8 = 117;

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

/**
 * A command: its name in bpf_commands, the size of strace's struct for it, its fields, and the
 * name of the struct they print inside (`{test={…}}`), if any.
 */
class BpfCmd {
  constructor(
    public name: string,
    public size: u32,
    public fields: BpfField[],
    public wrap: string = "",
  ) {}
}

/** The commands whose return value is an fd (strace's RVAL_FD). */
const FD_COMMANDS: string[] = [
  "BPF_MAP_CREATE",
  "BPF_PROG_LOAD",
  "BPF_OBJ_PIN",
  "BPF_OBJ_GET",
  "BPF_PROG_GET_FD_BY_ID",
  "BPF_MAP_GET_FD_BY_ID",
  "BPF_BTF_LOAD",
  "BPF_BTF_GET_FD_BY_ID",
  "BPF_LINK_CREATE",
  "BPF_LINK_GET_FD_BY_ID",
];

// Offsets and sizes: include/uapi/linux/bpf.h, union bpf_attr's anonymous struct of each command
// (the kernel's BTF flattens them into one namespace, so they are spelled out here; core's
// data/bpf-attr.ts names the pointer and fd fields among them, checked against the header).
// A command's size is strace 6.1's struct for it: past it, the tail.
const COMMANDS: BpfCmd[] = [
  new BpfCmd("BPF_MAP_CREATE", 72, [
    f("map_type", 0, 4, F_XVAL, "bpf_map_types"),
    f("key_size", 4, 4, F_U),
    f("value_size", 8, 4, F_U),
    f("max_entries", 12, 4, F_U),
    g("map_flags", 16, 4, F_FLAGS, "bpf_map_flags"),
    g("inner_map_fd", 20, 4, B_FD),
    g("numa_node", 24, 4, B_NUMA, "numa_node"),
    g("map_name", 28, 16, B_NAME),
    g("map_ifindex", 44, 4, B_IFINDEX),
    g("btf_fd", 48, 4, B_FD),
    f("btf_key_type_id", 52, 4, F_U),
    f("btf_value_type_id", 56, 4, F_U),
    g("btf_vmlinux_value_type_id", 60, 4, F_U),
    g("map_extra", 64, 8, F_U),
  ]),
  new BpfCmd("BPF_MAP_LOOKUP_ELEM", 32, elemFields("value", "bpf_map_lookup_elem_flags", F_FLAGS, true)),
  new BpfCmd(
    "BPF_MAP_LOOKUP_AND_DELETE_ELEM",
    32,
    elemFields("value", "bpf_map_lookup_elem_flags", F_FLAGS, true),
  ),
  new BpfCmd("BPF_MAP_UPDATE_ELEM", 32, elemFields("value", "bpf_map_update_elem_flags", F_XVAL, false)),
  new BpfCmd("BPF_MAP_DELETE_ELEM", 16, [f("map_fd", 0, 4, B_FD), f("key", 8, 8, F_PTR)]),
  new BpfCmd("BPF_MAP_GET_NEXT_KEY", 24, [
    f("map_fd", 0, 4, B_FD),
    f("key", 8, 8, F_PTR),
    f("next_key", 16, 8, F_PTR),
  ]),
  new BpfCmd("BPF_MAP_FREEZE", 4, [f("map_fd", 0, 4, B_FD)]),
  new BpfCmd("BPF_PROG_LOAD", 128, [
    f("prog_type", 0, 4, F_XVAL, "bpf_prog_types"),
    f("insn_cnt", 4, 4, F_U),
    f("insns", 8, 8, B_INSNS),
    f("license", 16, 8, B_STR),
    g("log_level", 24, 4, F_U),
    f("log_size", 28, 4, F_U),
    f("log_buf", 32, 8, B_STRN),
    g("kern_version", 40, 4, B_KVER),
    g("prog_flags", 44, 4, F_FLAGS, "bpf_prog_flags"),
    g("prog_name", 48, 16, B_NAME),
    g("prog_ifindex", 64, 4, B_IFINDEX),
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
  new BpfCmd("BPF_OBJ_PIN", 16, objFields()),
  new BpfCmd("BPF_OBJ_GET", 16, objFields()),
  new BpfCmd("BPF_PROG_ATTACH", 20, [
    f("target_fd", 0, 4, B_FD),
    f("attach_bpf_fd", 4, 4, B_FD),
    f("attach_type", 8, 4, F_XVAL, "bpf_attach_type"),
    f("attach_flags", 12, 4, F_FLAGS, "bpf_attach_flags"),
    g("replace_bpf_fd", 16, 4, B_FD),
  ]),
  new BpfCmd("BPF_PROG_DETACH", 12, [
    f("target_fd", 0, 4, B_FD),
    f("attach_type", 8, 4, F_XVAL, "bpf_attach_type"),
  ]),
  new BpfCmd(
    "BPF_PROG_TEST_RUN",
    76,
    [
      f("prog_fd", 0, 4, B_FD),
      f("retval", 4, 4, F_U),
      f("data_size_in", 8, 4, F_U),
      f("data_size_out", 12, 4, F_U),
      f("data_in", 16, 8, F_PTR),
      f("data_out", 24, 8, F_PTR),
      f("repeat", 32, 4, F_U),
      f("duration", 36, 4, F_U),
      g("ctx_size_in", 40, 4, F_U),
      f("ctx_size_out", 44, 4, F_U),
      f("ctx_in", 48, 8, F_PTR),
      f("ctx_out", 56, 8, F_PTR),
      g("flags", 64, 4, F_FLAGS, "bpf_test_run_flags"),
      f("cpu", 68, 4, F_U),
      g("batch_size", 72, 4, F_U),
    ],
    "test",
  ),
  new BpfCmd("BPF_PROG_GET_NEXT_ID", 12, nextIdFields()),
  new BpfCmd("BPF_MAP_GET_NEXT_ID", 12, nextIdFields()),
  new BpfCmd("BPF_BTF_GET_NEXT_ID", 12, nextIdFields()),
  new BpfCmd("BPF_LINK_GET_NEXT_ID", 12, nextIdFields()),
  new BpfCmd("BPF_PROG_GET_FD_BY_ID", 12, byIdFields("prog_id")),
  new BpfCmd("BPF_MAP_GET_FD_BY_ID", 12, byIdFields("map_id")),
  new BpfCmd("BPF_BTF_GET_FD_BY_ID", 4, [f("btf_id", 0, 4, F_U)]),
  new BpfCmd("BPF_LINK_GET_FD_BY_ID", 4, [f("link_id", 0, 4, F_U)]),
  new BpfCmd(
    "BPF_OBJ_GET_INFO_BY_FD",
    16,
    [f("bpf_fd", 0, 4, B_FD), f("info_len", 4, 4, B_CHANGED), f("info", 8, 8, B_INFO)],
    "info",
  ),
  new BpfCmd(
    "BPF_RAW_TRACEPOINT_OPEN",
    12,
    [f("name", 0, 8, B_STR), f("prog_fd", 8, 4, B_FD)],
    "raw_tracepoint",
  ),
  new BpfCmd(
    "BPF_PROG_QUERY",
    28,
    [
      f("target_fd", 0, 4, B_FD),
      f("attach_type", 4, 4, F_XVAL, "bpf_attach_type"),
      f("query_flags", 8, 4, F_FLAGS, "bpf_query_flags"),
      f("attach_flags", 12, 4, F_FLAGS, "bpf_attach_flags"),
      f("prog_ids", 16, 8, B_IDS_EXIT),
      f("prog_cnt", 24, 4, B_CHANGED_EXIT),
    ],
    "query",
  ),
  new BpfCmd(
    "BPF_TASK_FD_QUERY",
    48,
    [
      f("pid", 0, 4, F_D),
      f("fd", 4, 4, B_FD),
      f("flags", 8, 4, F_U),
      f("buf_len", 12, 4, B_CHANGED),
      f("buf", 16, 8, B_STR_EXIT),
      f("prog_id", 24, 4, F_U),
      f("fd_type", 28, 4, F_XVAL, "bpf_task_fd_type"),
      f("probe_offset", 32, 8, B_X64),
      f("probe_addr", 40, 8, B_X64),
    ],
    "task_fd_query",
  ),
  new BpfCmd("BPF_MAP_LOOKUP_BATCH", 56, batchFields(true, true), "batch"),
  new BpfCmd("BPF_MAP_LOOKUP_AND_DELETE_BATCH", 56, batchFields(true, true), "batch"),
  new BpfCmd("BPF_MAP_UPDATE_BATCH", 56, batchFields(false, true), "batch"),
  new BpfCmd("BPF_MAP_DELETE_BATCH", 56, batchFields(false, false), "batch"),
  // the union after flags is printed by decodeLinkCreate
  new BpfCmd(
    "BPF_LINK_CREATE",
    48,
    [
      f("prog_fd", 0, 4, B_FD),
      f("target_fd", 4, 4, B_FD),
      f("attach_type", 8, 4, F_XVAL, "bpf_attach_type"),
      f("flags", 12, 4, F_X),
    ],
    "link_create",
  ),
  new BpfCmd(
    "BPF_LINK_UPDATE",
    16,
    [
      f("link_fd", 0, 4, B_FD),
      f("new_prog_fd", 4, 4, B_FD),
      f("flags", 8, 4, F_FLAGS, "bpf_attach_flags"),
      f("old_prog_fd", 12, 4, B_FD_REPLACE),
    ],
    "link_update",
  ),
  new BpfCmd("BPF_BTF_LOAD", 28, [
    f("btf", 0, 8, B_BUF),
    f("btf_log_buf", 8, 8, F_PTR),
    f("btf_size", 16, 4, F_U),
    f("btf_log_size", 20, 4, F_U),
    f("btf_log_level", 24, 4, F_U),
  ]),
];

/** The map commands' map_fd, key, value pointer (`value` or another name) and flags. */
function elemFields(value: string, table: string, fmt: u8, flagsGroup: bool): BpfField[] {
  const flags = flagsGroup ? g("flags", 24, 8, fmt, table) : f("flags", 24, 8, fmt, table);
  return [f("map_fd", 0, 4, B_FD), f("key", 8, 8, F_PTR), f(value, 16, 8, F_PTR), flags];
}

/** The batch commands: the lookups' batch cursors, keys and values (the update's), count, the map. */
function batchFields(cursors: bool, values: bool): BpfField[] {
  const out: BpfField[] = [];
  if (cursors) {
    out.push(f("in_batch", 0, 8, F_PTR));
    out.push(f("out_batch", 8, 8, F_PTR));
  }
  out.push(f("keys", 16, 8, F_PTR));
  if (values) out.push(f("values", 24, 8, F_PTR));
  out.push(f("count", 32, 4, F_U));
  out.push(f("map_fd", 36, 4, B_FD));
  out.push(f("elem_flags", 40, 8, F_FLAGS, "bpf_map_lookup_elem_flags"));
  out.push(f("flags", 48, 8, B_X64));
  return out;
}

/** BPF_OBJ_PIN and BPF_OBJ_GET: a path and an fd, then the open flags. */
function objFields(): BpfField[] {
  return [
    f("pathname", 0, 8, B_PATH),
    f("bpf_fd", 8, 4, B_FD),
    g("file_flags", 12, 4, F_FLAGS, "bpf_file_mode_flags"),
  ];
}

/** The *_GET_NEXT_ID commands: next_id is what the kernel writes back. */
function nextIdFields(): BpfField[] {
  return [
    f("start_id", 0, 4, F_U),
    f("next_id", 4, 4, B_CHANGED),
    g("open_flags", 8, 4, F_FLAGS, "bpf_file_mode_flags"),
  ];
}

/** The *_GET_FD_BY_ID commands of progs and maps. */
function byIdFields(id: string): BpfField[] {
  return [f(id, 0, 4, F_U), f("next_id", 4, 4, F_U), g("open_flags", 8, 4, F_FLAGS, "bpf_file_mode_flags")];
}

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

/** The attribute's pointer fields' pointees are the second argument's. */
const ATTR_ARG: u32 = 1;
/** strace's PATH_MAX: the most of a path printpath prints. */
const PATH_MAX: u32 = 4096;
/** RAW_TRACEPOINT_OPEN's name: strace reads at most this many bytes of it. */
const TP_NAME_SIZE: u32 = 128;
/** include/uapi/linux/bpf.h: BPF_F_NUMA_NODE, the map flag that makes numa_node meaningful. */
const BPF_F_NUMA_NODE: u32 = 4;
/** include/uapi/linux/bpf.h: BPF_F_REPLACE, the attach flag that makes old_prog_fd meaningful. */
const BPF_F_REPLACE: u32 = 4;

/** The pointee of the pointer at `off`, read at entry; false: print the pointer (NULL or address). */
function pointee(off: u32, atExit: bool = false): bool {
  return findPointee(ATTR_ARG, off, atExit) && ptPtr != 0;
}

/**
 * printstr_ex(addr, len, QUOTE_0_TERMINATED) of the pointee at `off`: at most `len` bytes (-s
 * and one more read), up to the NUL; the address when memory ends before either.
 */
function printStrField(ptr: u64, off: u32, len: u64, atExit: bool = false): void {
  if (!pointee(off, atExit)) {
    putAddr(ptr);
    return;
  }
  printStrRead(ptr, ptData, ptLen, len);
}

/** printstr_ex's text of the string at `ptr`, of which `got` bytes at `data` were read (`len` as above). */
function printStrRead(ptr: u64, data: usize, got: u32, len: u64): void {
  let size = <u64>strsize + 1;
  if (size > len) size = len;
  let n: u32 = 0;
  while (<u64>n < size && n < got && load<u8>(data + <usize>n) != 0) n++;
  if (<u64>n < size && n >= got) {
    putAddr(ptr);
    return;
  }
  const shown = n < <u32>strsize ? n : <u32>strsize;
  quote(data, shown, false, xflag);
  // no NUL within what was read: more follows
  if (<u64>n == size && len != 0) puts("...");
}

/** printstrn(addr, len): `len` bytes (at most -s), all readable or the address. */
function printBufField(ptr: u64, off: u32, len: u64): void {
  if (!pointee(off)) {
    putAddr(ptr);
    return;
  }
  let size = <u64>strsize + 1;
  if (size > len) size = len;
  if (<u64>ptLen < size) {
    putAddr(ptr);
    return;
  }
  printBuffer(ptData, <u32>size, len);
}

/** printpath: the path up to its NUL (at most PATH_MAX bytes), or the address. */
function printPathField(ptr: u64, off: u32): void {
  if (!pointee(off)) {
    putAddr(ptr);
    return;
  }
  let n: u32 = 0;
  while (n < ptLen && load<u8>(ptData + <usize>n) != 0) n++;
  if (n >= ptLen && ptLen < ptWanted) {
    putAddr(ptr);
    return;
  }
  printCString(ptData, n, n >= PATH_MAX, PATH_MAX);
}

/** `N /* NAME *\/` when the table names N, else N (PRINT_FIELD_XVAL_U_VERBOSE without a default). */
function printUVerbose(table: string, v: u64): void {
  putU64(v);
  const ref = lookup(findTable(table), v);
  if (ref == NO_REF) return;
  puts(" /* ");
  putRef(ref);
  puts(" */");
}

/** Whether field `bf` prints at all (numa_node only with its map flag). */
function shows(bf: BpfField, p: usize): bool {
  if (bf.fmt == B_NUMA) return (load<u32>(p + 16) & BPF_F_NUMA_NODE) != 0;
  if (bf.fmt == B_FD_REPLACE) return (load<u32>(p + 8) & BPF_F_REPLACE) != 0;
  return true;
}

/** Array elements: u32 in decimal, u64 in hex, BPF_TRACE_ITER's `{map={map_fd=…}}`. */
const EL_U32: u32 = 0;
const EL_X64: u32 = 1;
const EL_ITER_MAP: u32 = 2;
/** A string pointer, its string followed (POINTEE_EACH): printstr's NULL, text or address. */
const EL_STR: u32 = 3;

/**
 * print_array of `count` elements at `ptr` (the pointee at `off`, at entry or exit): NULL, `[]`,
 * the address when nothing is readable (or, at exit, the call failed), `... /* addr *\/` where
 * reading stopped, `...` past -s elements unless -v.
 */
function printArray(ptr: u64, count: u64, off: u32, kind: u32, atExit: bool): void {
  if (ptr == 0) {
    puts("NULL");
    return;
  }
  if (count == 0) {
    puts("[]");
    return;
  }
  if ((atExit && isError) || !findPointee(ATTR_ARG, off, atExit)) {
    putAddr(ptr);
    return;
  }
  const size: u32 = kind == EL_X64 || kind == EL_STR ? 8 : 4;
  // the strings, element by element, in the order the array was read
  const strings = kind == EL_STR && findPointeeEach(ATTR_ARG, atExit);
  for (let i: u64 = 0; i < count; i++) {
    if (i > 0) puts(", ");
    if ((i + 1) * <u64>size > <u64>ptLen) {
      if (i == 0) {
        putAddr(ptr);
        return;
      }
      puts("... /* ");
      putAddr(ptr + i * <u64>size);
      puts(" */]");
      return;
    }
    if (i == 0) putc(0x5b);
    if (!verbose && i >= <u64>strsize) {
      puts("...");
      break;
    }
    const e = ptData + <usize>(i * <u64>size);
    if (kind == EL_X64) putXVal(load<u64>(e));
    else if (kind == EL_STR) {
      // every element has its entry, a NULL one too: step past it either way
      const sp = load<u64>(e);
      const read = strings && nextPointeeEach() && pePtr == sp;
      if (sp == 0) puts("NULL");
      else if (read) printStrRead(sp, peData, peGot, 0xffffffffffffffff);
      else putAddr(sp);
    } else if (kind == EL_U32) putU64(<u64>load<u32>(e));
    else {
      puts("{map={map_fd=");
      printFdElem(load<i32>(e));
      puts("}}");
    }
  }
  putc(0x5d);
}

/** PRINT_VAL_X: 0, or the value in hex. */
function putXVal(v: u64): void {
  if (v == 0) putc(0x30);
  else putHex(v);
}

/** The field's value; `limit`: the bytes of the attribute the caller passed past the field's start. */
function printField(bf: BpfField, p: usize, limit: u64): void {
  const fl = bf.field;
  const at = p + <usize>fl.off;
  if (bf.fmt == B_FD) printFdElem(load<i32>(at));
  else if (bf.fmt == B_KVER) printKernelVersion(load<u32>(at));
  else if (bf.fmt == B_IFINDEX) printIfindex(load<u32>(at));
  else if (bf.fmt == B_NUMA) printUVerbose(fl.table, <u64>load<u32>(at));
  else if (bf.fmt == B_CHANGED) putU64(<u64>load<u32>(at));
  else if (bf.fmt == B_INFO) printInfo(p);
  else if (bf.fmt == B_FD_REPLACE) printFdElem(load<i32>(at));
  else if (bf.fmt == B_X64) putXVal(load<u64>(at));
  else if (bf.fmt == B_IDS_EXIT) printArray(load<u64>(at), <u64>load<u32>(at + 8), fl.off, EL_U32, true);
  else if (bf.fmt == B_CHANGED_EXIT) {
    const old = load<u32>(entryAttr + <usize>fl.off);
    const now = load<u32>(at);
    if (old != now) {
      putU64(<u64>old);
      puts(" => ");
    }
    putU64(<u64>now);
  } else if (bf.fmt == B_STR_EXIT) {
    // as much as both the caller's and the kernel's buf_len say
    const before = load<u32>(entryAttr + <usize>(fl.off - 4));
    const after = load<u32>(at - 4);
    // a failed call's buffer as the caller passed it (the tracer reads no memory after a failure)
    const exitRead = findPointee(ATTR_ARG, fl.off, true);
    printStrField(load<u64>(at), fl.off, <u64>min<u32>(before, after), exitRead);
  } else if (bf.fmt == B_INSNS) {
    const ptr = load<u64>(at);
    if (verbose && ptr != 0 && findPointee(ATTR_ARG, fl.off, false))
      printEbpfInsns(ptr, load<u32>(at - 4), ptData, ptLen);
    else putAddr(ptr);
  } else if (bf.fmt == B_DEV) putMakedev(load<u64>(at));
  else if (bf.fmt == B_STR) {
    // RAW_TRACEPOINT_OPEN's name is its only B_STR field at offset 0
    const cap: u64 = fl.off == 0 ? <u64>TP_NAME_SIZE : 0xffffffffffffffff;
    printStrField(load<u64>(at), fl.off, cap);
  } else if (bf.fmt == B_STRN) printStrField(load<u64>(at), fl.off, <u64>load<u32>(at - 4));
  else if (bf.fmt == B_PATH) printPathField(load<u64>(at), fl.off);
  else if (bf.fmt == B_BUF) printBufField(load<u64>(at), fl.off, <u64>load<u32>(p + 16));
  else if (bf.fmt == B_NAME) {
    // PRINT_FIELD_CSTRING_SZ: the array, or as much of it as the caller passed
    const sz = <u64>fl.size < limit ? fl.size : <u32>limit;
    let n: u32 = 0;
    while (n < sz && load<u8>(at + <usize>n) != 0) n++;
    if (n < sz) printCString(at, n, false, sz);
    else printCString(at, sz - 1, true, sz);
  } else printValue(fl, p);
}

/**
 * decode_attr_extra_data: when the `size` bytes at `data` hold non-zero bytes past `known`,
 * `, ...` (abbreviated) or `, extra_data="\x.." /* bytes K..N *\/` (every byte, -v).
 */
function printTail(data: usize, known: u32, size: u64): void {
  if (size <= <u64>known) return;
  const total = <u32>(size < PAGE ? size : PAGE);
  let zero = true;
  for (let j = known; j < total; j++)
    if (load<u8>(data + <usize>j) != 0) {
      zero = false;
      break;
    }
  if (zero) return;
  if (!verbose) {
    puts(", ...");
    return;
  }
  puts(", extra_data=");
  quote(data + <usize>known, total - known, false, HEX_ALL);
  puts(" /* bytes ");
  putU64(<u64>known);
  puts("..");
  putU64(<u64>(total - 1));
  puts(" */");
}

/** include/uapi/linux/bpf.h struct bpf_map_info as strace 6.1 prints it (88 bytes, map_extra unprinted). */
const MAP_INFO = new BpfCmd("bpf_map_info", 88, [
  f("type", 0, 4, F_XVAL, "bpf_map_types"),
  f("id", 4, 4, F_U),
  f("key_size", 8, 4, F_U),
  f("value_size", 12, 4, F_U),
  f("max_entries", 16, 4, F_U),
  f("map_flags", 20, 4, F_FLAGS, "bpf_map_flags"),
  g("name", 24, 16, F_CSTRING),
  g("ifindex", 40, 4, B_IFINDEX),
  f("btf_vmlinux_value_type_id", 44, 4, F_U),
  f("netns_dev", 48, 8, B_DEV),
  f("netns_ino", 56, 8, F_U),
  g("btf_id", 64, 4, F_U),
  f("btf_key_type_id", 68, 4, F_U),
  f("btf_value_type_id", 72, 4, F_U),
]);

/** What fd `fd` names (an FD_PATHS capture at entry: the field's, or every fd's under -y) is `name`. */
function fdPathIs(fd: i32, name: string): bool {
  for (let nth: u32 = 0; nth < 64; nth++) {
    const c = capNth(<u32>CK_FD_PATHS, false, nth);
    if (c == 0) break;
    if (<u32>load<u16>(c + CAP_STATUS) == <u32>CS_FAULT) continue;
    const data = c + CAP_HEADER;
    const len = <u64>load<u32>(c + CAP_LENGTH);
    if (len < 8) continue;
    // count, pad, then each: fd, missing, form, path length, detail length, path, detail (4-aligned)
    const count = load<u32>(data);
    let off: u64 = 8;
    for (let i: u32 = 0; i < count; i++) {
      if (off + 20 > len) break;
      const e = data + <usize>off;
      const pathLen = load<u32>(e + 12);
      const end = off + 20 + <u64>pathLen + <u64>load<u32>(e + 16);
      if (end > len) break;
      if (load<i32>(e) == fd && load<u32>(e + 4) == 0) return pathEq(e + 20, pathLen, name);
      off = (end + 3) & ~(<u64>3);
    }
  }
  return false;
}

function pathEq(p: usize, n: u32, name: string): bool {
  if (n != <u32>name.length) return false;
  for (let i: u32 = 0; i < n; i++) if (<u32>load<u8>(p + <usize>i) != <u32>name.charCodeAt(i)) return false;
  return true;
}

/**
 * BPF_OBJ_GET_INFO_BY_FD's info at exit: with -v, a map's bpf_map_info as long as info_len says
 * (read at exit); a program's info and anything unreadable print the address.
 */
function printInfo(p: usize): void {
  const ptr = load<u64>(p + 8);
  const len = load<u32>(p + 4);
  if (
    !verbose ||
    len == 0 ||
    <u64>len > PAGE ||
    !fdPathIs(load<i32>(p), "anon_inode:bpf-map") ||
    // a failed call's info as it was at entry (the tracer reads no memory after a failure)
    !(findPointee(ATTR_ARG, 8, true) || (isError && findPointee(ATTR_ARG, 8, false))) ||
    ptLen < len
  ) {
    putAddr(ptr);
    return;
  }
  const info = scratchInfo(MAP_INFO.size);
  memory.copy(info, ptData, <usize>min<u32>(len, MAP_INFO.size));
  putc(0x7b);
  if (printFields(MAP_INFO, info, <u64>len, 0, MAP_INFO.fields.length))
    printTail(ptData, MAP_INFO.size, <u64>len);
  putc(0x7d);
}

/** Formats that print at exit (the first one ends the entry's part). */
function atExit(fmt: u8): bool {
  return fmt == B_CHANGED || fmt == B_IDS_EXIT || fmt == B_STR_EXIT || fmt == B_CHANGED_EXIT;
}

/** Index of the command's first field printed (or finished) at exit, or -1. */
function splitAt(c: BpfCmd): i32 {
  for (let i = 0; i < c.fields.length; i++) if (atExit(c.fields[i].fmt)) return i;
  return -1;
}

/** Prints fields [from, to) of `c`, stopping at a group the caller's size does not reach. */
function printFields(c: BpfCmd, p: usize, size: u64, from: i32, to: i32): bool {
  for (let i = from; i < to; i++) {
    const bf = c.fields[i];
    if (bf.group && size <= <u64>bf.field.off) return false;
    if (!shows(bf, p)) continue;
    if (i > 0) puts(", ");
    puts(bf.field.name);
    putc(0x3d);
    printField(bf, p, size - <u64>bf.field.off);
  }
  return true;
}

/** include/uapi/linux/bpf.h: link_create's target_btf_id, iter_info, iter_info_len, perf_event, kprobe_multi. */
let A_TRACE_ITER: u64 = 0;
let A_PERF_EVENT: u64 = 0;
let A_KPROBE_MULTI: u64 = 0;
let T_KPROBE_FLAGS: i32 = -2;

/**
 * BPF_LINK_CREATE's union after flags, chosen by attach_type as strace 6.1 guesses it; returns
 * where the union's printed part ends (the tail starts there).
 */
function printLinkCreateUnion(p: usize, size: u64): u32 {
  if (T_KPROBE_FLAGS == -2) {
    const t = findTable("bpf_attach_type");
    A_TRACE_ITER = valueByName(t, "BPF_TRACE_ITER");
    A_PERF_EVENT = valueByName(t, "BPF_PERF_EVENT");
    A_KPROBE_MULTI = valueByName(t, "BPF_TRACE_KPROBE_MULTI");
    T_KPROBE_FLAGS = findTable("bpf_link_create_kprobe_multi_flags");
  }
  if (size <= 16) return 48;
  const type = <u64>load<u32>(p + 8);
  if (type == 0) {
    // BPF_CGROUP_INET_INGRESS's value: a BPF_PROG_TYPE_EXT program's target_btf_id
    if (load<u32>(p + 16) != 0) {
      puts(", target_btf_id=");
      putU64(<u64>load<u32>(p + 16));
    }
    return 20;
  }
  if (type == A_TRACE_ITER) {
    puts(", iter_info=");
    printArray(load<u64>(p + 16), <u64>load<u32>(p + 24), 16, EL_ITER_MAP, false);
    puts(", iter_info_len=");
    putU64(<u64>load<u32>(p + 24));
    return 28;
  }
  if (type == A_PERF_EVENT) {
    puts(", perf_event={bpf_cookie=");
    putXVal(load<u64>(p + 16));
    putc(0x7d);
    return 24;
  }
  if (type == A_KPROBE_MULTI) {
    const cnt = <u64>load<u32>(p + 20);
    puts(", kprobe_multi={flags=");
    printFlags(T_KPROBE_FLAGS, <u64>load<u32>(p + 16));
    puts(", cnt=");
    putU64(cnt);
    puts(", syms=");
    printArray(load<u64>(p + 24), cnt, 24, EL_STR, false);
    puts(", addrs=");
    printArray(load<u64>(p + 32), cnt, 32, EL_X64, false);
    puts(", cookies=");
    printArray(load<u64>(p + 40), cnt, 40, EL_X64, false);
    putc(0x7d);
    return 48;
  }
  return 16;
}

export function decodeBpf(): i32 {
  const cmd = <u64>(<u32>arg(0));
  const size = <u64>(<u32>arg(2));
  const c = findCmd(cmd);
  if (!exiting) {
    printEnum(T_COMMANDS, cmd);
    puts(", ");
  }
  if (c == null || size == 0 || size > PAGE || !findExt(1, <u32>size) || !extWhole || <u64>extLen < size) {
    if (!exiting) putAddr(arg(1));
    return finish(size, c);
  }
  // what the caller passed, zeros past it (strace's attr starts zeroed)
  const p = scratch(c.size);
  const n = <usize>(size < <u64>c.size ? size : <u64>c.size);
  memory.copy(p, extData, n);
  entryAttr = scratchEntry(c.size);
  memory.copy(entryAttr, extData, n);
  const batch = c.wrap == "batch";
  if (exiting && batch) {
    // the count the kernel wrote back, as a struct of its own
    if (findCap(ATTR_ARG, CK_STRUCT_IF, true) && capLen >= 36 && size >= 36) {
      const now = load<u32>(capData + 32);
      if (now != load<u32>(p + 32)) {
        puts(" => {batch={count=");
        putU64(<u64>now);
        puts("}}");
      }
    }
    return finish(size, c);
  }
  const split = splitAt(c);
  let known = c.size;
  if (!exiting) {
    putc(0x7b);
    if (c.wrap.length > 0) {
      puts(c.wrap);
      puts("={");
    }
    if (split >= 0) {
      if (printFields(c, p, size, 0, split)) {
        const bf = c.fields[split];
        if (bf.fmt == B_CHANGED) printFields(c, p, size, split, split + 1);
        else {
          if (split > 0) puts(", ");
          puts(bf.field.name);
          putc(0x3d);
        }
      }
      return 0;
    }
    printFields(c, p, size, 0, c.fields.length);
    if (c.name == "BPF_LINK_CREATE") known = printLinkCreateUnion(p, size);
  } else {
    // the fields the kernel wrote back, as the attribute reads at exit
    if (findCap(ATTR_ARG, CK_STRUCT_IF, true)) {
      const m = capLen < <u32>size ? capLen : <u32>size;
      memory.copy(p, capData, <usize>min<u32>(m, c.size));
    }
    const bf = c.fields[split];
    if (bf.fmt == B_CHANGED) {
      const old = load<u32>(entryAttr + <usize>bf.field.off);
      const now = load<u32>(p + <usize>bf.field.off);
      if (now != old) {
        puts(" => ");
        putU64(<u64>now);
      }
    } else printField(bf, p, size - <u64>bf.field.off);
    printFields(c, p, size, split + 1, c.fields.length);
  }
  if (c.wrap.length > 0) putc(0x7d);
  printTail(extData, known, size);
  putc(0x7d);
  if (batch) return 0;
  return finish(size, c);
}

/** `, size` and the return value's form. */
function finish(size: u64, c: BpfCmd | null): i32 {
  puts(", ");
  putU64(size);
  if (c != null && FD_COMMANDS.includes(c.name)) return RVAL_DECODED | RVAL_FD;
  return RVAL_DECODED;
}

/** The attribute as the caller passed it (a command's fields printed at exit compare with it). */
let entryAttr: usize = 0;
let entryBuf: usize = 0;
let entryLen: u32 = 0;

function scratchEntry(n: u32): usize {
  if (entryLen < n) {
    entryBuf = heap.alloc(<usize>n);
    entryLen = n;
  }
  memory.fill(entryBuf, 0, <usize>n);
  return entryBuf;
}

let infoBuf: usize = 0;
let infoLen: u32 = 0;

/** A zeroed buffer for an info struct, apart from the attribute's. */
function scratchInfo(n: u32): usize {
  if (infoLen < n) {
    infoBuf = heap.alloc(<usize>n);
    infoLen = n;
  }
  memory.fill(infoBuf, 0, <usize>n);
  return infoBuf;
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
