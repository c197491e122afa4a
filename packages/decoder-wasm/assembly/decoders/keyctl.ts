// keyctl(cmd, ...) as strace 6.1's keyctl.c prints it: the command by name, then its arguments
// by command: key serial numbers (KEY_SPEC_* or decimal), permissions and move flags by name,
// uids, timeouts, the error a key is rejected with, the strings the commands that take one pass
// (core's value captures: a keyring's name, a key's type and description, a restriction), the
// payloads UPDATE and INSTANTIATE pass and the buffers DESCRIBE, READ and GET_SECURITY fill,
// INSTANTIATE_IOV's iovecs, DH_COMPUTE's parameters, KDF and secret, the PKEY_* commands'
// parameters, strings and data, and the capability bytes CAPABILITIES returns.

import { arg, capData, capLen, capPartial, exiting, findCap, isError, rval } from "../call";
import {
  KEYCTL_DH_PARAMS_BASE,
  KEYCTL_DH_PARAMS_PRIME,
  KEYCTL_DH_PARAMS_PRIVATE,
  KEYCTL_KDF_PARAMS_HASHNAME,
  KEYCTL_KDF_PARAMS_OTHERINFO,
  KEYCTL_KDF_PARAMS_OTHERINFOLEN,
  KEYCTL_KDF_PARAMS_SPARE,
  KEYCTL_PKEY_PARAMS_IN_LEN,
  KEYCTL_PKEY_PARAMS_KEY_ID,
  KEYCTL_PKEY_PARAMS_OUT_LEN,
  KEYCTL_PKEY_PARAMS_SPARE,
  KEYCTL_PKEY_QUERY_KEY_SIZE,
  KEYCTL_PKEY_QUERY_MAX_DATA_SIZE,
  KEYCTL_PKEY_QUERY_MAX_DEC_SIZE,
  KEYCTL_PKEY_QUERY_MAX_ENC_SIZE,
  KEYCTL_PKEY_QUERY_MAX_SIG_SIZE,
  KEYCTL_PKEY_QUERY_SPARE,
  KEYCTL_PKEY_QUERY_SUPPORTED_OPS,
  SIZEOF_KEYCTL_DH_PARAMS,
  SIZEOF_KEYCTL_KDF_PARAMS,
  SIZEOF_KEYCTL_PKEY_PARAMS,
  SIZEOF_KEYCTL_PKEY_QUERY,
} from "../layouts";
import { strsize, verbose, xflag, xlatStyle } from "../options";
import { outLen, putc, puts } from "../out";
import { findPointee, ptData, ptLen } from "../pointee";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { HEX_ALL, HEX_NON_ASCII, printBuffer, quote } from "../print/quote";
import { FMT_DEC, FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags, putRef } from "../print/xlat";
import { CK_STRUCT_IF } from "../record";
import { errnoName, findTable, lookup, NO_REF, valueOf } from "../tables";
import { warnShortRead } from "../warn";
import { printIovec, printUid } from "./args";
import { F_FLAGS, F_U, Field, isZero, printFields, printNumArray } from "./ioctl-fields";
import { printKeySerial } from "./keys";
import { printPageString } from "./page-string";
import { RVAL_DECODED } from "./rval";

let ready = false;
let T_CMDS: i32 = -1;
let T_PERMS: i32 = -1;
let T_REQKEYS: i32 = -1;
let T_MOVE: i32 = -1;
let T_CAPS0: i32 = -1;
let T_CAPS1: i32 = -1;
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
  T_CAPS0 = findTable("keyctl_caps0");
  T_CAPS1 = findTable("keyctl_caps1");
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
  // umoven of nothing succeeds wherever it points
  if (want == 0) {
    puts('""');
    return;
  }
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

/** The struct argument i points at (its STRUCT_IF capture), or 0 with its address printed. */
function structArg(i: u32, size: u32, atExit: bool): usize {
  const a = arg(i);
  if (a != 0 && findCap(i, CK_STRUCT_IF, atExit) && capLen >= size) return capData;
  if (a != 0 && capPartial()) warnShortRead("umoven", capLen, size, a);
  putAddr(a);
  return 0;
}

/** `name=` and the key serial number at p. */
function serialField(name: string, p: usize): void {
  puts(name);
  putc(0x3d);
  printKeySerial(<u64>load<i32>(p));
}

/** `, __spare=[…]` when a reserved u32 array of `n` elements at p is not all zeros. */
function spare(p: usize, n: u32): void {
  if (isZero(p, n * 4)) return;
  puts(", __spare=");
  printNumArray(p, n, 4, true);
}

/**
 * printstr (`len` < 0) or printstrn (`len` bytes) of the pointer `ptr` held `off` bytes into the
 * struct argument i points at, from its POINTEE capture: NULL, the string, or the address.
 */
function pointeeStr(i: u32, off: u32, ptr: u64, len: i64, atExit: bool): void {
  if (ptr == 0) {
    puts("NULL");
    return;
  }
  if (!findPointee(i, off, atExit)) {
    putAddr(ptr);
    return;
  }
  if (len < 0) {
    if (!printPageString(ptData, ptLen, ptr)) putAddr(ptr);
    return;
  }
  const want = <u64>len < <u64>strsize + 1 ? <u64>len : <u64>strsize + 1;
  if (<u64>ptLen < want) putAddr(ptr);
  else printBuffer(ptData, <u64>ptLen < <u64>len ? ptLen : <u32>len, <u64>len);
}

/** struct keyctl_dh_params: the three keys DH_COMPUTE combines. */
function printDhParams(): void {
  const p = structArg(1, SIZEOF_KEYCTL_DH_PARAMS, false);
  if (p == 0) return;
  putc(0x7b);
  serialField("private", p + KEYCTL_DH_PARAMS_PRIVATE);
  sep();
  serialField("prime", p + KEYCTL_DH_PARAMS_PRIME);
  sep();
  serialField("base", p + KEYCTL_DH_PARAMS_BASE);
  putc(0x7d);
}

/** struct keyctl_kdf_params (read at entry): the hash's name, the other info by its length. */
function printKdfParams(): void {
  const p = structArg(4, SIZEOF_KEYCTL_KDF_PARAMS, false);
  if (p == 0) return;
  puts("{hashname=");
  pointeeStr(4, KEYCTL_KDF_PARAMS_HASHNAME, load<u64>(p + KEYCTL_KDF_PARAMS_HASHNAME), -1, false);
  puts(", otherinfo=");
  const len = load<u32>(p + KEYCTL_KDF_PARAMS_OTHERINFOLEN);
  const other = load<u64>(p + KEYCTL_KDF_PARAMS_OTHERINFO);
  // the kernel leaves otherinfo alone when otherinfolen is 0: strace shows the bare pointer then
  if (len != 0) pointeeStr(4, KEYCTL_KDF_PARAMS_OTHERINFO, other, <i64>len, false);
  else putAddr(other);
  puts(", otherinfolen=");
  putU64(<u64>len);
  spare(p + KEYCTL_KDF_PARAMS_SPARE, (SIZEOF_KEYCTL_KDF_PARAMS - KEYCTL_KDF_PARAMS_SPARE - 4) / 4);
  putc(0x7d);
}

/** struct keyctl_pkey_query's fields before its reserved words. */
const PKEY_QUERY_FIELDS: Field[] = [
  new Field("supported_ops", KEYCTL_PKEY_QUERY_SUPPORTED_OPS, 4, F_FLAGS, "keyctl_pkey_ops"),
  new Field("key_size", KEYCTL_PKEY_QUERY_KEY_SIZE, 4, F_U),
  new Field("max_data_size", KEYCTL_PKEY_QUERY_MAX_DATA_SIZE, 2, F_U),
  new Field("max_sig_size", KEYCTL_PKEY_QUERY_MAX_SIG_SIZE, 2, F_U),
  new Field("max_enc_size", KEYCTL_PKEY_QUERY_MAX_ENC_SIZE, 2, F_U),
  new Field("max_dec_size", KEYCTL_PKEY_QUERY_MAX_DEC_SIZE, 2, F_U),
];

/** PKEY_QUERY's answer (a failed call's by its address). */
function printPkeyQuery(): void {
  if (isError) {
    putAddr(arg(4));
    return;
  }
  const p = structArg(4, SIZEOF_KEYCTL_PKEY_QUERY, true);
  if (p == 0) return;
  putc(0x7b);
  printFields(p, PKEY_QUERY_FIELDS);
  spare(p + KEYCTL_PKEY_QUERY_SPARE, (SIZEOF_KEYCTL_PKEY_QUERY - KEYCTL_PKEY_QUERY_SPARE) / 4);
  putc(0x7d);
}

/** struct keyctl_pkey_params: the key, the input's length and the output's (VERIFY: the second input's). */
function printPkeyParams(p: usize, verify: bool): void {
  putc(0x7b);
  serialField("key_id", p + KEYCTL_PKEY_PARAMS_KEY_ID);
  puts(", in_len=");
  putU64(<u64>load<u32>(p + KEYCTL_PKEY_PARAMS_IN_LEN));
  puts(verify ? ", in2_len=" : ", out_len=");
  putU64(<u64>load<u32>(p + KEYCTL_PKEY_PARAMS_OUT_LEN));
  spare(p + KEYCTL_PKEY_PARAMS_SPARE, (SIZEOF_KEYCTL_PKEY_PARAMS - KEYCTL_PKEY_PARAMS_SPARE) / 4);
  putc(0x7d);
}

/**
 * PKEY_ENCRYPT, DECRYPT, SIGN and VERIFY at entry: the parameters, the info string, the input
 * by in_len, and VERIFY's second input by in2_len (the others' output waits for the exit).
 */
function pkeyOpEntry(verify: bool): i32 {
  const p = structArg(1, SIZEOF_KEYCTL_PKEY_PARAMS, false);
  if (p != 0) printPkeyParams(p, verify);
  sep();
  str(2);
  sep();
  if (p != 0) buf(3, <u64>load<u32>(p + KEYCTL_PKEY_PARAMS_IN_LEN), false, false);
  else putAddr(arg(3));
  sep();
  if (p != 0 && !verify) return 0;
  if (p != 0) buf(4, <u64>load<u32>(p + KEYCTL_PKEY_PARAMS_OUT_LEN), false, false);
  else putAddr(arg(4));
  return RVAL_DECODED;
}

/** The output buffer of an encrypt, decrypt or sign: out_len bytes of it (strace's printstrn). */
function pkeyOpExit(): void {
  if (isError || !findCap(1, CK_STRUCT_IF, false) || capLen < SIZEOF_KEYCTL_PKEY_PARAMS) putAddr(arg(4));
  else buf(4, <u64>load<u32>(capData + KEYCTL_PKEY_PARAMS_OUT_LEN), true, false);
}

/** CAPABILITIES: one byte of KEYCTL_CAPS0_* bits, one of KEYCTL_CAPS1_*, the rest in hex. */
function printCaps(): void {
  const a = arg(1);
  if (isError) {
    putAddr(a);
    return;
  }
  const n: u64 = <u64>rval < arg(2) ? <u64>rval : arg(2);
  if (a == 0) {
    puts("NULL");
    return;
  }
  if (n == 0) {
    puts("[]");
    return;
  }
  const read = findCap(1, CK_STRUCT_IF, true) || capPartial();
  const avail: u64 = read ? <u64>capLen : 0;
  if (avail == 0) {
    putAddr(a);
    return;
  }
  putc(0x5b);
  for (let j: u64 = 0; j < n; j++) {
    if (j > 0) sep();
    if (j >= avail) {
      puts("... /* ");
      putAddr(a + j);
      puts(" */");
      break;
    }
    if (!verbose && j >= <u64>strsize) {
      puts("...");
      break;
    }
    const v = <u64>load<u8>(capData + <usize>j);
    if (j < 2) printFlags(j == 0 ? T_CAPS0 : T_CAPS1, v);
    else {
      const start = outLen;
      putHex(v);
      restyle(start, v, FMT_HEX);
    }
  }
  putc(0x5d);
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
    if (c == DH_COMPUTE) {
      // the secret the kernel computed (as much as it wrote), its length, the KDF parameters
      if (isError) putAddr(arg(2));
      else buf(2, <u64>rval > arg(3) ? arg(3) : <u64>rval, true, false);
      sep();
      putU64(arg(3));
      sep();
      printKdfParams();
      return RVAL_DECODED;
    }
    if (c == PKEY_QUERY) printPkeyQuery();
    else if (c == PKEY_ENCRYPT || c == PKEY_DECRYPT || c == PKEY_SIGN) pkeyOpExit();
    else if (c == CAPABILITIES) {
      printCaps();
      sep();
      putU64(arg(2));
    }
    if (c == PKEY_QUERY || c == PKEY_ENCRYPT || c == PKEY_DECRYPT || c == PKEY_SIGN || c == CAPABILITIES)
      return RVAL_DECODED;
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
    else printIovec(2, 3, false);
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
  } else if (c == DH_COMPUTE) {
    printDhParams();
    sep();
    return 0;
  } else if (c == PKEY_ENCRYPT || c == PKEY_DECRYPT || c == PKEY_SIGN || c == PKEY_VERIFY)
    return pkeyOpEntry(c == PKEY_VERIFY);
  else if (c == PKEY_QUERY) {
    serial(1);
    sep();
    putHex(arg(2));
    sep();
    str(3);
    sep();
    return 0;
  } else if (c == CAPABILITIES) {
    // the capability bytes are the kernel's answer
    return 0;
  } else {
    for (let i: u32 = 1; i <= 4; i++) {
      if (i > 1) sep();
      putHex(arg(i));
    }
  }
  return RVAL_DECODED;
}
