// keyctl(cmd, ...) as strace 6.1's keyctl.c prints it: the command by name, then its arguments
// by command: key serial numbers (KEY_SPEC_* or decimal), permissions and move flags by name,
// uids, timeouts, the error a key is rejected with, the strings the commands that take one pass
// (core's value captures: a keyring's name, a key's type and description, a restriction), the
// payloads UPDATE and INSTANTIATE pass and the buffers DESCRIBE, READ and GET_SECURITY fill.
// Not decoded yet (printed as addresses where strace shows their contents): INSTANTIATE_IOV's
// iovecs and the structs of DH_COMPUTE, the PKEY_* commands and CAPABILITIES.

import { arg, capData, capLen, capPartial, exiting, findCap, isError, rval } from "../call";
import { strsize, xflag, xlatStyle } from "../options";
import { outLen, puts } from "../out";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { HEX_ALL, HEX_NON_ASCII, printBuffer, quote } from "../print/quote";
import { FMT_DEC, restyle } from "../print/style";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { errnoName, findTable, lookup, NO_REF, valueOf } from "../tables";
import { warnShortRead } from "../warn";
import { printUid } from "./args";
import { printKeySerial } from "./keys";
import { printPageString } from "./page-string";
import { RVAL_DECODED } from "./rval";

let ready = false;
let T_CMDS: i32 = -1;
let T_PERMS: i32 = -1;
let T_REQKEYS: i32 = -1;
let T_MOVE: i32 = -1;
/** Command values by name (include/uapi/linux/keyctl.h through core's table). */
let GET_KEYRING_ID: u32 = 0;
let JOIN_SESSION_KEYRING: u32 = 0;
let UPDATE: u32 = 0;
let REVOKE: u32 = 0;
let CHOWN: u32 = 0;
let SETPERM: u32 = 0;
let DESCRIBE: u32 = 0;
let CLEAR: u32 = 0;
let LINK: u32 = 0;
let UNLINK: u32 = 0;
let SEARCH: u32 = 0;
let READ: u32 = 0;
let INSTANTIATE: u32 = 0;
let NEGATE: u32 = 0;
let SET_REQKEY_KEYRING: u32 = 0;
let SET_TIMEOUT: u32 = 0;
let ASSUME_AUTHORITY: u32 = 0;
let GET_SECURITY: u32 = 0;
let SESSION_TO_PARENT: u32 = 0;
let REJECT: u32 = 0;
let INSTANTIATE_IOV: u32 = 0;
let INVALIDATE: u32 = 0;
let GET_PERSISTENT: u32 = 0;
let DH_COMPUTE: u32 = 0;
let PKEY_QUERY: u32 = 0;
let PKEY_ENCRYPT: u32 = 0;
let PKEY_DECRYPT: u32 = 0;
let PKEY_SIGN: u32 = 0;
let PKEY_VERIFY: u32 = 0;
let RESTRICT_KEYRING: u32 = 0;
let MOVE: u32 = 0;
let CAPABILITIES: u32 = 0;

function cmd(name: string): u32 {
  return <u32>valueOf(T_CMDS, name, 0xffffffff);
}

function tables(): void {
  if (ready) return;
  ready = true;
  T_CMDS = findTable("keyctl_commands");
  T_PERMS = findTable("key_perms");
  T_REQKEYS = findTable("key_reqkeys");
  T_MOVE = findTable("keyctl_move_flags");
  GET_KEYRING_ID = cmd("KEYCTL_GET_KEYRING_ID");
  JOIN_SESSION_KEYRING = cmd("KEYCTL_JOIN_SESSION_KEYRING");
  UPDATE = cmd("KEYCTL_UPDATE");
  REVOKE = cmd("KEYCTL_REVOKE");
  CHOWN = cmd("KEYCTL_CHOWN");
  SETPERM = cmd("KEYCTL_SETPERM");
  DESCRIBE = cmd("KEYCTL_DESCRIBE");
  CLEAR = cmd("KEYCTL_CLEAR");
  LINK = cmd("KEYCTL_LINK");
  UNLINK = cmd("KEYCTL_UNLINK");
  SEARCH = cmd("KEYCTL_SEARCH");
  READ = cmd("KEYCTL_READ");
  INSTANTIATE = cmd("KEYCTL_INSTANTIATE");
  NEGATE = cmd("KEYCTL_NEGATE");
  SET_REQKEY_KEYRING = cmd("KEYCTL_SET_REQKEY_KEYRING");
  SET_TIMEOUT = cmd("KEYCTL_SET_TIMEOUT");
  ASSUME_AUTHORITY = cmd("KEYCTL_ASSUME_AUTHORITY");
  GET_SECURITY = cmd("KEYCTL_GET_SECURITY");
  SESSION_TO_PARENT = cmd("KEYCTL_SESSION_TO_PARENT");
  REJECT = cmd("KEYCTL_REJECT");
  INSTANTIATE_IOV = cmd("KEYCTL_INSTANTIATE_IOV");
  INVALIDATE = cmd("KEYCTL_INVALIDATE");
  GET_PERSISTENT = cmd("KEYCTL_GET_PERSISTENT");
  DH_COMPUTE = cmd("KEYCTL_DH_COMPUTE");
  PKEY_QUERY = cmd("KEYCTL_PKEY_QUERY");
  PKEY_ENCRYPT = cmd("KEYCTL_PKEY_ENCRYPT");
  PKEY_DECRYPT = cmd("KEYCTL_PKEY_DECRYPT");
  PKEY_SIGN = cmd("KEYCTL_PKEY_SIGN");
  PKEY_VERIFY = cmd("KEYCTL_PKEY_VERIFY");
  RESTRICT_KEYRING = cmd("KEYCTL_RESTRICT_KEYRING");
  MOVE = cmd("KEYCTL_MOVE");
  CAPABILITIES = cmd("KEYCTL_CAPABILITIES");
}

function sep(): void {
  puts(", ");
}

function serial(i: u32): void {
  printKeySerial(arg(i));
}

/** printstr: the string argument i points at (core's page_str capture), NULL, or its address. */
function str(i: u32): void {
  const a = arg(i);
  if (a == 0) {
    puts("NULL");
    return;
  }
  const read = findCap(i, CK_STRUCT_IF, false) || capPartial();
  if (!read || !printPageString(capData, capLen, a)) putAddr(a);
}

/** printstrn: `len` bytes of the buffer argument i points at (-s of them), NULL, or its address. */
function buf(i: u32, len: u64, atExit: bool, omitTrailingNul: bool): void {
  const a = arg(i);
  if (a == 0) {
    puts("NULL");
    return;
  }
  // strace reads one byte more than -s shows, at most the length
  const want = len < <u64>strsize + 1 ? <u32>len : <u32>strsize + 1;
  const read = findCap(i, CK_STRUCT_IF, atExit) || capPartial();
  if (!read || capLen < want) {
    if (read && capPartial()) warnShortRead("umoven", capLen, want, a);
    putAddr(a);
    return;
  }
  const n = min<u32>(want, <u32>strsize);
  // QUOTE_OMIT_TRAILING_0: a description's NUL as the last byte shown is left out (not in hex)
  const hex = xflag == HEX_ALL || xflag == HEX_NON_ASCII;
  if (omitTrailingNul && !hex && n > 0 && <u64>n == len && load<u8>(capData + <usize>(n - 1)) == 0) {
    quote(capData, n - 1, false, xflag);
    return;
  }
  printBuffer(capData, <u64>capLen < len ? capLen : <u32>len, len);
}

function u32At(i: u32): void {
  putU64(<u64>(<u32>arg(i)));
}

/** print_err(error, false): the errno by name (ENODEV), else in decimal. */
function printErrno(e: u32): void {
  const ref = errnoName(<u64>e);
  if (ref == NO_REF || xlatStyle != 0) putU64(<u64>e);
  if (ref == NO_REF || xlatStyle == 1) return;
  if (xlatStyle == 2) puts(" /* ");
  putRef(ref);
  if (xlatStyle == 2) puts(" */");
}

/** printxvals_ex(..., XLAT_STYLE_FMT_D): the default keyring by name, else signed decimal. */
function printReqkey(v: i32): void {
  const start = outLen;
  const ref = lookup(T_REQKEYS, <u64>(<u32>v));
  if (ref != NO_REF) putRef(ref);
  else {
    putI64(<i64>v);
    puts(" /* KEY_REQKEY_DEFL_??? */");
  }
  restyle(start, <u64>(<i64>v), FMT_DEC);
}

export function decodeKeyctl(): i32 {
  tables();
  const c = <u32>arg(0);
  if (exiting) {
    // DESCRIBE, READ, GET_SECURITY: the buffer the kernel filled (as much as it holds), its length
    if (isError) putAddr(arg(2));
    else {
      const n = rval >= 0 && <u64>rval > arg(3) ? arg(3) : <u64>rval;
      buf(2, n, true, c != READ);
    }
    sep();
    putU64(arg(3));
    return RVAL_DECODED;
  }
  printEnum(T_CMDS, <u64>c);
  if (c == SESSION_TO_PARENT) return RVAL_DECODED;
  sep();
  if (c == GET_KEYRING_ID) {
    serial(1);
    sep();
    putI64(<i64>(<i32>arg(2)));
  } else if (c == JOIN_SESSION_KEYRING) str(1);
  else if (c == UPDATE) {
    serial(1);
    sep();
    buf(2, arg(3), false, false);
    sep();
    putU64(arg(3));
  } else if (c == REVOKE || c == CLEAR || c == INVALIDATE || c == ASSUME_AUTHORITY) serial(1);
  else if (c == LINK || c == UNLINK) {
    serial(1);
    sep();
    serial(2);
  } else if (c == DESCRIBE || c == READ || c == GET_SECURITY) {
    serial(1);
    sep();
    return 0;
  } else if (c == SEARCH) {
    serial(1);
    sep();
    str(2);
    sep();
    str(3);
    sep();
    serial(4);
  } else if (c == CHOWN) {
    serial(1);
    sep();
    printUid(<u32>arg(2));
    sep();
    printUid(<u32>arg(3));
  } else if (c == SETPERM) {
    serial(1);
    sep();
    printFlags(T_PERMS, <u64>(<u32>arg(2)));
  } else if (c == INSTANTIATE || c == INSTANTIATE_IOV) {
    serial(1);
    sep();
    if (c == INSTANTIATE) buf(2, arg(3), false, false);
    else putAddr(arg(2));
    sep();
    putU64(arg(3));
    sep();
    serial(4);
  } else if (c == NEGATE) {
    serial(1);
    sep();
    u32At(2);
    sep();
    serial(3);
  } else if (c == SET_REQKEY_KEYRING) printReqkey(<i32>arg(1));
  else if (c == SET_TIMEOUT) {
    serial(1);
    sep();
    u32At(2);
  } else if (c == REJECT) {
    serial(1);
    sep();
    u32At(2);
    sep();
    printErrno(<u32>arg(3));
    sep();
    serial(4);
  } else if (c == GET_PERSISTENT) {
    printUid(<u32>arg(1));
    sep();
    serial(2);
  } else if (c == RESTRICT_KEYRING) {
    serial(1);
    sep();
    str(2);
    sep();
    str(3);
  } else if (c == MOVE) {
    serial(1);
    sep();
    serial(2);
    sep();
    serial(3);
    sep();
    printFlags(T_MOVE, <u64>(<u32>arg(4)));
  } else if (
    c == DH_COMPUTE ||
    c == PKEY_ENCRYPT ||
    c == PKEY_DECRYPT ||
    c == PKEY_SIGN ||
    c == PKEY_VERIFY
  ) {
    // params, then three buffers or strings; their contents are not decoded yet
    putAddr(arg(1));
    sep();
    putAddr(arg(2));
    sep();
    if (c == DH_COMPUTE) putU64(arg(3));
    else putAddr(arg(3));
    sep();
    putAddr(arg(4));
  } else if (c == PKEY_QUERY) {
    serial(1);
    sep();
    putHex(arg(2));
    sep();
    putAddr(arg(3));
    sep();
    putAddr(arg(4));
  } else if (c == CAPABILITIES) {
    putAddr(arg(1));
    sep();
    putU64(arg(2));
  } else {
    for (let i: u32 = 1; i <= 4; i++) {
      if (i > 1) sep();
      putHex(arg(i));
    }
  }
  return RVAL_DECODED;
}
