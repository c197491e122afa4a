// perf_event_open(2) and the perf ioctls that carry a struct perf_event_attr, as strace 6.1's perf.c
// prints them. The attr is read as the caller's `size` says (clamped to strace's struct, 128 bytes,
// PERF_ATTR_SIZE_VER0 when 0), all or nothing; without -v only up to the flag bits, then `...`.
// Fields past PERF_ATTR_SIZE_VER0 print only when that size reaches them. The tables are core's
// data/xlat/perf_*.in.

import { arg, capData, capLen, capPartial, exiting, findCap, isError, rval } from "../call";
import { strsize, verbose } from "../options";
import { outLen, putc, puts } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CK_STRUCT, CK_STRUCT_IF } from "../record";
import { findTable, lookup, NO_REF } from "../tables";
import { warnShortRead } from "../warn";
import { printFd } from "./args";
import { RVAL_DECODED, RVAL_FD } from "./rval";

/** strace 6.1's sizeof(struct perf_event_attr) (PERF_ATTR_SIZE_VER7): the most it reads. */
const ATTR_MAX: u32 = 128;
/** PERF_ATTR_SIZE_VER0: the kernel's (and strace's) smallest attr. */
const ATTR_VER0: u32 = 64;
/** offsetof(wakeup_events): what strace reads without -v. */
const ATTR_ABBREV: u32 = 48;
const E2BIG: i64 = 7;

// enum perf_type_id
const TYPE_HARDWARE: u32 = 0;
const TYPE_SOFTWARE: u32 = 1;
const TYPE_TRACEPOINT: u32 = 2;
const TYPE_HW_CACHE: u32 = 3;
const TYPE_BREAKPOINT: u32 = 5;
/** PERF_SAMPLE_BRANCH_STACK and PERF_SAMPLE_STACK_USER: the fields they make meaningful. */
const SAMPLE_BRANCH_STACK: u64 = 1 << 11;
const SAMPLE_STACK_USER: u64 = 1 << 13;
/** HW_BREAKPOINT_X | HW_BREAKPOINT_RW: types up to it are combinations the kernel rejects. */
const BP_LAST_COMBINATION: u64 = 7;

/** The attr's one-bit flags (offset 40) by bit number; "" at precise_ip's two bits (15, 16). */
const FLAG_BITS: string[] = [
  "disabled",
  "inherit",
  "pinned",
  "exclusive",
  "exclude_user",
  "exclude_kernel",
  "exclude_hv",
  "exclude_idle",
  "mmap",
  "comm",
  "freq",
  "inherit_stat",
  "enable_on_exec",
  "task",
  "watermark",
  "",
  "",
  "mmap_data",
  "sample_id_all",
  "exclude_host",
  "exclude_guest",
  "exclude_callchain_kernel",
  "exclude_callchain_user",
  "mmap2",
  "comm_exec",
  "use_clockid",
  "context_switch",
  "write_backward",
  "namespaces",
  "ksymbol",
  "bpf_event",
  "aux_output",
  "cgroup",
  "text_poke",
  "build_id",
  "inherit_thread",
  "remove_on_exec",
  "sigtrap",
];
const PRECISE_IP_SHIFT: u64 = 15;
const FREQ_BIT: u64 = 10;
const WATERMARK_BIT: u64 = 14;
const USE_CLOCKID_BIT: u64 = 25;
/** __reserved_1: the flag word's bits 38..63. */
const RESERVED_1_SHIFT: u64 = 38;
const PRECISE_IP_DESC: string[] = [
  "arbitrary skid",
  "constant skid",
  "requested to have 0 skid",
  "must have 0 skid",
];

let ready = false;
let T_TYPE: i32 = -1;
let T_SIZE: i32 = -1;
let T_HW: i32 = -1;
let T_SW: i32 = -1;
let T_CACHE: i32 = -1;
let T_CACHE_OP: i32 = -1;
let T_CACHE_RESULT: i32 = -1;
let T_SAMPLE: i32 = -1;
let T_READ: i32 = -1;
let T_BRANCH: i32 = -1;
let T_BP_TYPE: i32 = -1;
let T_CLOCKS: i32 = -1;
let T_OPEN_FLAGS: i32 = -1;

function tables(): void {
  if (ready) return;
  ready = true;
  T_TYPE = findTable("perf_type_id");
  T_SIZE = findTable("perf_attr_size");
  T_HW = findTable("perf_hw_id");
  T_SW = findTable("perf_sw_ids");
  T_CACHE = findTable("perf_hw_cache_id");
  T_CACHE_OP = findTable("perf_hw_cache_op_id");
  T_CACHE_RESULT = findTable("perf_hw_cache_op_result_id");
  T_SAMPLE = findTable("perf_event_sample_format");
  T_READ = findTable("perf_event_read_format");
  T_BRANCH = findTable("perf_branch_sample_type");
  T_BP_TYPE = findTable("hw_breakpoint_type");
  T_CLOCKS = findTable("clocknames");
  T_OPEN_FLAGS = findTable("perf_event_open_flags");
}

let attrBuf: usize = 0;

function fieldName(name: string): void {
  puts(", ");
  puts(name);
  putc(0x3d);
}

function hexField(name: string, v: u64): void {
  fieldName(name);
  const start = outLen;
  putHex(v);
  restyle(start, v, FMT_HEX);
}

function uField(name: string, v: u64): void {
  fieldName(name);
  putU64(v);
}

/** `<<N|` after a part of a composite config value. */
function shiftOr(n: u32): void {
  puts("<<");
  putU64(<u64>n);
  putc(0x7c);
}

function printConfig(type: u32, config: u64): void {
  fieldName("config");
  if (type == TYPE_HARDWARE || type == TYPE_HW_CACHE) {
    // the PMU type in the high half, then the event (HW) or its cache id, op and result
    if (config >> 32) {
      putHex(config >> 32);
      shiftOr(32);
    }
    if (type == TYPE_HARDWARE) {
      printEnum(T_HW, config & 0xffffffff);
      return;
    }
    if ((config & 0xffffffff) >> 24) {
      putHex((config & 0xffffffff) >> 24);
      shiftOr(24);
    }
    printEnum(T_CACHE_RESULT, (config >> 16) & 0xff);
    shiftOr(16);
    printEnum(T_CACHE_OP, (config >> 8) & 0xff);
    shiftOr(8);
    printEnum(T_CACHE, config & 0xff);
  } else if (type == TYPE_SOFTWARE) printEnum(T_SW, config);
  else if (type == TYPE_TRACEPOINT) putU64(config);
  else {
    const start = outLen;
    putHex(config);
    restyle(start, config, FMT_HEX);
  }
}

/** A breakpoint type: by name, else a combination the kernel rejects or an unknown value. */
function printBpType(v: u64): void {
  const start = outLen;
  const ref = lookup(T_BP_TYPE, v);
  if (ref != NO_REF) putRef(ref);
  else {
    putHex(v);
    puts(v <= BP_LAST_COMBINATION ? " /* HW_BREAKPOINT_INVALID */" : " /* HW_BREAKPOINT_??? */");
  }
  restyle(start, v, FMT_HEX);
}

/**
 * The attr whose readable bytes are at p (`len` of them) as strace prints it; false, printing
 * nothing, when strace would print its address. `newSize`: the size field re-read after E2BIG
 * (-1: unreadable then; -2: not re-read).
 */
export function printPerfEventAttr(p: usize, len: u32, newSize: i64): bool {
  tables();
  const size = attrReadSize(p, len);
  if (size == 0) return false;
  const rawSize = load<u32>(p + 4);
  // what the caller passed, zeros past it (strace's attr starts zeroed)
  if (attrBuf == 0) attrBuf = heap.alloc(<usize>ATTR_MAX);
  memory.fill(attrBuf, 0, <usize>ATTR_MAX);
  memory.copy(attrBuf, p, <usize>size);
  const a = attrBuf;
  const type = load<u32>(a);
  puts("{type=");
  printEnum(T_TYPE, <u64>type);
  puts(", size=");
  printEnum(T_SIZE, <u64>rawSize);
  if (newSize != -2) {
    puts(" => ");
    if (newSize >= 0) printEnum(T_SIZE, <u64>newSize);
    else puts("???");
  }
  printConfig(type, load<u64>(a + 8));
  const flags = load<u64>(a + 40);
  uField((flags >> FREQ_BIT) & 1 ? "sample_freq" : "sample_period", load<u64>(a + 16));
  const sampleType = load<u64>(a + 24);
  fieldName("sample_type");
  printFlags(T_SAMPLE, sampleType);
  fieldName("read_format");
  printFlags(T_READ, load<u64>(a + 32));
  for (let bit = 0; bit < FLAG_BITS.length; bit++) {
    if (<u64>bit == PRECISE_IP_SHIFT) {
      const ip = <i32>((flags >> PRECISE_IP_SHIFT) & 3);
      uField("precise_ip", <u64>ip);
      puts(" /* ");
      puts(PRECISE_IP_DESC[ip]);
      puts(" */");
      continue;
    }
    if (FLAG_BITS[bit].length == 0) continue;
    const v = (flags >> <u64>bit) & 1;
    if (verbose || v != 0) uField(FLAG_BITS[bit], v);
  }
  // bits the kernel may have added since: shown only when set
  if (flags >> RESERVED_1_SHIFT) {
    hexField("__reserved_1", flags >> RESERVED_1_SHIFT);
    puts(" /* Bits 63..38 */");
  }
  if (verbose) printVerboseTail(a, size, type, flags, sampleType);
  if ((rawSize != 0 && rawSize > size) || (rawSize == 0 && size < ATTR_VER0)) puts(", ...");
  putc(0x7d);
  return true;
}

/** The fields past the flags (-v only), each as far as the size read reaches. */
function printVerboseTail(a: usize, size: u32, type: u32, flags: u64, sampleType: u64): void {
  uField((flags >> WATERMARK_BIT) & 1 ? "wakeup_watermark" : "wakeup_events", <u64>load<u32>(a + 48));
  const bp = type == TYPE_BREAKPOINT;
  if (bp) {
    fieldName("bp_type");
    printBpType(<u64>load<u32>(a + 52));
  }
  hexField(bp ? "bp_addr" : "config1", load<u64>(a + 56));
  if (size <= 64) return;
  if (bp) uField("bp_len", load<u64>(a + 64));
  else hexField("config2", load<u64>(a + 64));
  if (size <= 72) return;
  if (sampleType & SAMPLE_BRANCH_STACK) {
    fieldName("branch_sample_type");
    printFlags(T_BRANCH, load<u64>(a + 72));
  }
  if (size <= 80) return;
  hexField("sample_regs_user", load<u64>(a + 80));
  if (size <= 88) return;
  if (sampleType & SAMPLE_STACK_USER) hexField("sample_stack_user", <u64>load<u32>(a + 88));
  if ((flags >> USE_CLOCKID_BIT) & 1) {
    if (size <= 92) return;
    fieldName("clockid");
    printEnum(T_CLOCKS, <u64>load<u32>(a + 92));
  }
  if (size <= 96) return;
  hexField("sample_regs_intr", load<u64>(a + 96));
  if (size <= 104) return;
  uField("aux_watermark", <u64>load<u32>(a + 104));
  if (size <= 108) return;
  uField("sample_max_stack", <u64>load<u16>(a + 108));
  if (size <= 110) return;
  const r2 = load<u16>(a + 110);
  if (r2 != 0) {
    puts(" /* bytes 110..111: ");
    putHex(<u64>r2);
    puts(" */");
  }
  if (size <= 112) return;
  uField("aux_sample_size", <u64>load<u32>(a + 112));
  if (size <= 116) return;
  const r3 = load<u32>(a + 116);
  if (r3 != 0) {
    puts(" /* bytes 116..119: ");
    putHex(<u64>r3);
    puts(" */");
  }
  if (size <= 120) return;
  hexField("sig_data", load<u64>(a + 120));
}

/** The attr capture of argument i at entry (a readable prefix counts: the printer checks it). */
function findAttr(i: u32): bool {
  return arg(i) != 0 && (findCap(i, CK_STRUCT, false) || capPartial());
}

/**
 * perf_event_open(attr, pid, cpu, group_fd, flags): strace prints the attr at exit, where an E2BIG
 * shows the size the kernel wrote back (` => `); an attr it cannot read prints at entry.
 */
export function decodePerfEventOpen(): i32 {
  tables();
  if (!exiting) {
    if (findAttr(0) && attrReadSize(capData, capLen) != 0) return 0;
    // an attr that runs into an unreadable page: strace's umoven read of it came up short
    if (arg(0) != 0 && capPartial()) {
      const want = attrWanted(capData, capLen);
      if (want > capLen) warnShortRead("umoven", capLen, want, arg(0));
    }
    putAddr(arg(0));
  } else {
    let newSize: i64 = -2;
    if (isError && rval == -E2BIG) {
      newSize = -1;
      if (findCap(0, CK_STRUCT, true) || capPartial()) if (capLen >= 8) newSize = <i64>load<u32>(capData + 4);
    }
    findAttr(0);
    if (!printPerfEventAttr(capData, capLen, newSize)) putAddr(arg(0));
  }
  puts(", ");
  putI64(<i64>(<i32>arg(1)));
  puts(", ");
  putI64(<i64>(<i32>arg(2)));
  puts(", ");
  printFd(3);
  puts(", ");
  printFlags(T_OPEN_FLAGS, arg(4));
  return RVAL_DECODED | RVAL_FD;
}

/**
 * How many bytes of the attr (`len` of them readable at p) strace asks for, or 0 when it asks for
 * none: the size field unreadable, a size below PERF_ATTR_SIZE_VER0.
 */
function attrWanted(p: usize, len: u32): u32 {
  if (len < 8) return 0;
  const rawSize = load<u32>(p + 4);
  let size = rawSize > ATTR_MAX ? ATTR_MAX : rawSize;
  if (size == 0) size = ATTR_VER0;
  if (size < ATTR_VER0) return 0;
  return verbose ? size : ATTR_ABBREV;
}

/** How many bytes of the attr strace reads, or 0 when it prints the address (also: too few readable). */
function attrReadSize(p: usize, len: u32): u32 {
  const size = attrWanted(p, len);
  return len >= size ? size : 0;
}

/** PERF_EVENT_IOC_QUERY_BPF at entry: `{ids_len=N, ` (the rest comes at exit). */
export function printPerfQueryBpfIn(p: usize, len: u32): bool {
  if (len < 4) return false;
  puts("{ids_len=");
  putU64(<u64>load<u32>(p));
  puts(", ");
  return true;
}

/**
 * PERF_EVENT_IOC_QUERY_BPF at exit, after `{ids_len=N, `: the program count and ids the kernel
 * wrote (`...}` when the call failed or the count is unreadable); ids cut at -s, an unreadable one
 * as `... /* addr *\/`, the first unreadable as the array's address.
 */
export function finishPerfQueryBpf(argIdx: u32): void {
  const addr = arg(argIdx);
  const read = !isError && (findCap(argIdx, CK_STRUCT_IF, true) || capPartial()) && capLen >= 8;
  if (!read) {
    puts("...}");
    return;
  }
  const cnt = load<u32>(capData + 4);
  puts("prog_cnt=");
  putU64(<u64>cnt);
  puts(", ids=");
  const idsAddr = addr + 8;
  if (cnt == 0) puts("[]");
  else if (capLen < 12) putAddr(idsAddr);
  else {
    putc(0x5b);
    for (let i: u32 = 0; i < cnt; i++) {
      if (i > 0) puts(", ");
      if (!verbose && i >= <u32>strsize) {
        puts("...");
        break;
      }
      const off: u32 = 8 + i * 4;
      if (off + 4 > capLen) {
        puts("... /* ");
        putAddr(idsAddr + <u64>(i * 4));
        puts(" */");
        break;
      }
      putU64(<u64>load<u32>(capData + <usize>off));
    }
    putc(0x5d);
  }
  putc(0x7d);
}
