// The landlock calls as strace 6.1's landlock.c prints them: the ruleset's handled access rights
// (and `...` when the caller's struct is longer than strace knows), a path-beneath rule, flags in hex.

import { arg, capData, capLen, findCap } from "../call";
import {
  LANDLOCK_PATH_BENEATH_ATTR_ALLOWED_ACCESS,
  LANDLOCK_PATH_BENEATH_ATTR_PARENT_FD,
  LANDLOCK_RULESET_ATTR_HANDLED_ACCESS_FS,
  SIZEOF_LANDLOCK_PATH_BENEATH_ATTR,
} from "../layouts";
import { putc, puts } from "../out";
import { printFdElem } from "../print/fd";
import { putAddr, putHex, putU64 } from "../print/num";
import { printEnum, printFlags } from "../print/xlat";
import { CK_STRUCT } from "../record";
import { findTable } from "../tables";
import { printFd } from "./args";
import { extData, findExt } from "./ext-struct";
import { RVAL_DECODED, RVAL_FD } from "./rval";

let tablesReady = false;
let T_CREATE_FLAGS: i32 = -1;
let T_RULE_TYPES: i32 = -1;
let T_ACCESS_FS: i32 = -1;

function tables(): void {
  if (tablesReady) return;
  tablesReady = true;
  T_CREATE_FLAGS = findTable("landlock_create_ruleset_flags");
  T_RULE_TYPES = findTable("landlock_rule_types");
  T_ACCESS_FS = findTable("landlock_ruleset_access_fs");
}

/** The end of handled_access_fs: all of struct landlock_ruleset_attr strace 6.1 knows. */
const RULESET_ATTR_KNOWN: u32 = LANDLOCK_RULESET_ATTR_HANDLED_ACCESS_FS + 8;
const LANDLOCK_CREATE_RULESET_VERSION: u32 = 1;
const LANDLOCK_RULE_PATH_BENEATH: u32 = 1;

export function decodeLandlockCreateRuleset(): i32 {
  tables();
  const size = arg(1);
  const flags = <u32>arg(2);
  if (size < <u64>RULESET_ATTR_KNOWN || !findExt(0, RULESET_ATTR_KNOWN)) putAddr(arg(0));
  else {
    puts("{handled_access_fs=");
    printFlags(T_ACCESS_FS, load<u64>(extData + LANDLOCK_RULESET_ATTR_HANDLED_ACCESS_FS));
    if (size > <u64>RULESET_ATTR_KNOWN) puts(", ...");
    putc(0x7d);
  }
  puts(", ");
  putU64(size);
  puts(", ");
  printFlags(T_CREATE_FLAGS, <u64>flags);
  // With LANDLOCK_CREATE_RULESET_VERSION the call returns the ABI version, not an fd.
  return (flags & LANDLOCK_CREATE_RULESET_VERSION) != 0 ? RVAL_DECODED : RVAL_DECODED | RVAL_FD;
}

export function decodeLandlockAddRule(): i32 {
  tables();
  printFd(0);
  puts(", ");
  const type = <u32>arg(1);
  printEnum(T_RULE_TYPES, <u64>type);
  puts(", ");
  if (
    type == LANDLOCK_RULE_PATH_BENEATH &&
    arg(2) != 0 &&
    findCap(2, CK_STRUCT, false) &&
    capLen >= SIZEOF_LANDLOCK_PATH_BENEATH_ATTR
  ) {
    const p = capData;
    puts("{allowed_access=");
    printFlags(T_ACCESS_FS, load<u64>(p + LANDLOCK_PATH_BENEATH_ATTR_ALLOWED_ACCESS));
    puts(", parent_fd=");
    printFdElem(load<i32>(p + LANDLOCK_PATH_BENEATH_ATTR_PARENT_FD));
    putc(0x7d);
  } else putAddr(arg(2));
  puts(", ");
  putHex(<u64>(<u32>arg(3)));
  return RVAL_DECODED;
}

export function decodeLandlockRestrictSelf(): i32 {
  printFd(0);
  puts(", ");
  putHex(<u64>(<u32>arg(1)));
  return RVAL_DECODED;
}
