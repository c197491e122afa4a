// Loop devices (strace 6.1's loop.c): LOOP_[GS]ET_STATUS's struct loop_info, LOOP_[GS]ET_STATUS64's
// loop_info64 and LOOP_CONFIGURE's loop_config. Without -v strace leaves out the devices, the
// inode and the init vectors, and the cipher unless one is set.

import {
  LOOP_CONFIG_BLOCK_SIZE,
  LOOP_CONFIG_FD,
  LOOP_CONFIG_INFO,
  LOOP_CONFIG_RESERVED,
  LOOP_INFO_LO_DEVICE,
  LOOP_INFO_LO_ENCRYPT_KEY,
  LOOP_INFO_LO_ENCRYPT_KEY_SIZE,
  LOOP_INFO_LO_ENCRYPT_TYPE,
  LOOP_INFO_LO_FLAGS,
  LOOP_INFO_LO_INIT,
  LOOP_INFO_LO_INODE,
  LOOP_INFO_LO_NAME,
  LOOP_INFO_LO_NUMBER,
  LOOP_INFO_LO_OFFSET,
  LOOP_INFO_LO_RDEVICE,
  LOOP_INFO_RESERVED,
  LOOP_INFO64_LO_CRYPT_NAME,
  LOOP_INFO64_LO_DEVICE,
  LOOP_INFO64_LO_ENCRYPT_KEY,
  LOOP_INFO64_LO_ENCRYPT_KEY_SIZE,
  LOOP_INFO64_LO_ENCRYPT_TYPE,
  LOOP_INFO64_LO_FILE_NAME,
  LOOP_INFO64_LO_FLAGS,
  LOOP_INFO64_LO_INIT,
  LOOP_INFO64_LO_INODE,
  LOOP_INFO64_LO_NUMBER,
  LOOP_INFO64_LO_OFFSET,
  LOOP_INFO64_LO_RDEVICE,
  LOOP_INFO64_LO_SIZELIMIT,
  SIZEOF_LOOP_CONFIG,
  SIZEOF_LOOP_INFO,
  SIZEOF_LOOP_INFO64,
} from "../layouts";
import { strsize, verbose, xflag } from "../options";
import { outLen, putc, puts } from "../out";
import { putHex, putI64, putU64 } from "../print/num";
import { quote } from "../print/quote";
import { putMakedev } from "../print/structs";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags } from "../print/xlat";
import { nlTable } from "./nl-print";

/** LO_NAME_SIZE and LO_KEY_SIZE (linux/loop.h). */
const NAME_SIZE: u32 = LOOP_INFO_LO_ENCRYPT_KEY - LOOP_INFO_LO_NAME;
const KEY_SIZE: u32 = LOOP_INFO_LO_INIT - LOOP_INFO_LO_ENCRYPT_KEY;

function hex(v: u64): void {
  const start = outLen;
  putHex(v);
  restyle(start, v, FMT_HEX);
}

/** PRINT_FIELD_CSTRING: the bytes before a NUL; `...` when the array holds none. */
function cstring(name: string, p: usize, size: u32): void {
  puts(name);
  const noNul = quote(p, size - 1, true, xflag);
  if (noNul && load<u8>(p + <usize>(size - 1)) != 0) puts("...");
}

/** The key: printstrn of min(key size, LO_KEY_SIZE) bytes, cut at -s. */
function key(p: usize, keySize: u32): void {
  const n = min<u32>(keySize, KEY_SIZE);
  puts(", lo_encrypt_key=");
  const shown = min<u32>(n, <u32>strsize);
  quote(p, shown, false, xflag);
  if (n > shown) puts("...");
}

/** `[0x…, 0x…]`: `n` elements of `size` bytes each, in hex. */
function xArray(p: usize, n: u32, size: u32): void {
  putc(0x5b);
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    const at = p + <usize>(i * size);
    hex(size == 8 ? load<u64>(at) : <u64>load<u8>(at));
  }
  putc(0x5d);
}

function crypt(type: u32, keySize: u32): void {
  puts(", lo_encrypt_type=");
  printEnum(nlTable("loop_crypt_type_options"), <u64>type);
  puts(", lo_encrypt_key_size=");
  putU64(<u64>keySize);
}

function flags(v: u32): void {
  puts(", lo_flags=");
  printFlags(nlTable("loop_flags_options"), <u64>v);
}

export function printLoopInfo(p: usize, len: u32): bool {
  if (len < SIZEOF_LOOP_INFO) return false;
  const type = load<u32>(p + LOOP_INFO_LO_ENCRYPT_TYPE);
  const keySize = load<u32>(p + LOOP_INFO_LO_ENCRYPT_KEY_SIZE);
  const cipher = verbose || type != 0;
  puts("{lo_number=");
  putI64(<i64>load<i32>(p + LOOP_INFO_LO_NUMBER));
  if (verbose) {
    puts(", lo_device=");
    putMakedev(load<u64>(p + LOOP_INFO_LO_DEVICE));
    puts(", lo_inode=");
    putU64(load<u64>(p + LOOP_INFO_LO_INODE));
    puts(", lo_rdevice=");
    putMakedev(load<u64>(p + LOOP_INFO_LO_RDEVICE));
  }
  puts(", lo_offset=");
  hex(<u64>load<u32>(p + LOOP_INFO_LO_OFFSET));
  if (cipher) crypt(type, keySize);
  flags(load<u32>(p + LOOP_INFO_LO_FLAGS));
  cstring(", lo_name=", p + LOOP_INFO_LO_NAME, NAME_SIZE);
  if (cipher) key(p + LOOP_INFO_LO_ENCRYPT_KEY, keySize);
  if (verbose) {
    puts(", lo_init=");
    xArray(p + LOOP_INFO_LO_INIT, 2, 8);
    puts(", reserved=");
    xArray(p + LOOP_INFO_RESERVED, 4, 1);
  } else puts(", ...");
  putc(0x7d);
  return true;
}

function loopInfo64(p: usize): void {
  const type = load<u32>(p + LOOP_INFO64_LO_ENCRYPT_TYPE);
  const keySize = load<u32>(p + LOOP_INFO64_LO_ENCRYPT_KEY_SIZE);
  const cipher = verbose || type != 0;
  putc(0x7b);
  if (verbose) {
    puts("lo_device=");
    putMakedev(load<u64>(p + LOOP_INFO64_LO_DEVICE));
    puts(", lo_inode=");
    putU64(load<u64>(p + LOOP_INFO64_LO_INODE));
    puts(", lo_rdevice=");
    putMakedev(load<u64>(p + LOOP_INFO64_LO_RDEVICE));
    puts(", lo_offset=");
    hex(load<u64>(p + LOOP_INFO64_LO_OFFSET));
    puts(", lo_sizelimit=");
    putU64(load<u64>(p + LOOP_INFO64_LO_SIZELIMIT));
  } else {
    puts("lo_offset=");
    hex(load<u64>(p + LOOP_INFO64_LO_OFFSET));
  }
  puts(", lo_number=");
  putU64(<u64>load<u32>(p + LOOP_INFO64_LO_NUMBER));
  if (cipher) crypt(type, keySize);
  flags(load<u32>(p + LOOP_INFO64_LO_FLAGS));
  cstring(", lo_file_name=", p + LOOP_INFO64_LO_FILE_NAME, NAME_SIZE);
  if (cipher) {
    cstring(", lo_crypt_name=", p + LOOP_INFO64_LO_CRYPT_NAME, NAME_SIZE);
    key(p + LOOP_INFO64_LO_ENCRYPT_KEY, keySize);
  }
  if (verbose) {
    puts(", lo_init=");
    xArray(p + LOOP_INFO64_LO_INIT, 2, 8);
  } else puts(", ...");
  putc(0x7d);
}

export function printLoopInfo64(p: usize, len: u32): bool {
  if (len < SIZEOF_LOOP_INFO64) return false;
  loopInfo64(p);
  return true;
}

export function printLoopConfig(p: usize, len: u32): bool {
  if (len < SIZEOF_LOOP_CONFIG) return false;
  puts("{fd=");
  putI64(<i64>load<i32>(p + LOOP_CONFIG_FD));
  puts(", block_size=");
  putU64(<u64>load<u32>(p + LOOP_CONFIG_BLOCK_SIZE));
  puts(", info=");
  loopInfo64(p + LOOP_CONFIG_INFO);
  let zero = true;
  for (let i: u32 = 0; i < 8; i++)
    if (load<u64>(p + LOOP_CONFIG_RESERVED + <usize>(i * 8)) != 0) zero = false;
  if (!zero) {
    puts(", __reserved=");
    xArray(p + LOOP_CONFIG_RESERVED, 8, 8);
  }
  putc(0x7d);
  return true;
}
