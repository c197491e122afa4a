// TEE (trusted execution environment) requests (strace 6.1's tee.c). Layouts from linux/tee.h;
// the buffer requests (OPEN_SESSION, INVOKE, SUPPL_RECV, SUPPL_SEND) pass a struct
// tee_ioctl_buf_data whose buf_ptr holds the request's own struct and its parameters, read through
// a POINTEE capture (core's data/pointees.ts). Their entry leaves the outer struct open; the exit
// (EXIT_CONTINUE) adds the kernel's answer and closes it, or only closes it after an error.

import {
  SIZEOF_TEE_IOCL_SUPP_RECV_ARG,
  SIZEOF_TEE_IOCL_SUPP_SEND_ARG,
  SIZEOF_TEE_IOCTL_BUF_DATA,
  SIZEOF_TEE_IOCTL_CANCEL_ARG,
  SIZEOF_TEE_IOCTL_CLOSE_SESSION_ARG,
  SIZEOF_TEE_IOCTL_INVOKE_ARG,
  SIZEOF_TEE_IOCTL_OPEN_SESSION_ARG,
  SIZEOF_TEE_IOCTL_PARAM,
  SIZEOF_TEE_IOCTL_SHM_ALLOC_DATA,
  SIZEOF_TEE_IOCTL_SHM_REGISTER_DATA,
  SIZEOF_TEE_IOCTL_VERSION_DATA,
  TEE_IOCL_SUPP_RECV_ARG_FUNC,
  TEE_IOCL_SUPP_RECV_ARG_NUM_PARAMS,
  TEE_IOCL_SUPP_SEND_ARG_NUM_PARAMS,
  TEE_IOCL_SUPP_SEND_ARG_RET,
  TEE_IOCTL_BUF_DATA_BUF_LEN,
  TEE_IOCTL_BUF_DATA_BUF_PTR,
  TEE_IOCTL_CANCEL_ARG_CANCEL_ID,
  TEE_IOCTL_CANCEL_ARG_SESSION,
  TEE_IOCTL_CLOSE_SESSION_ARG_SESSION,
  TEE_IOCTL_INVOKE_ARG_CANCEL_ID,
  TEE_IOCTL_INVOKE_ARG_FUNC,
  TEE_IOCTL_INVOKE_ARG_NUM_PARAMS,
  TEE_IOCTL_INVOKE_ARG_RET,
  TEE_IOCTL_INVOKE_ARG_RET_ORIGIN,
  TEE_IOCTL_INVOKE_ARG_SESSION,
  TEE_IOCTL_OPEN_SESSION_ARG_CANCEL_ID,
  TEE_IOCTL_OPEN_SESSION_ARG_CLNT_LOGIN,
  TEE_IOCTL_OPEN_SESSION_ARG_CLNT_UUID,
  TEE_IOCTL_OPEN_SESSION_ARG_NUM_PARAMS,
  TEE_IOCTL_OPEN_SESSION_ARG_RET,
  TEE_IOCTL_OPEN_SESSION_ARG_RET_ORIGIN,
  TEE_IOCTL_OPEN_SESSION_ARG_SESSION,
  TEE_IOCTL_OPEN_SESSION_ARG_UUID,
  TEE_IOCTL_PARAM_A,
  TEE_IOCTL_PARAM_ATTR,
  TEE_IOCTL_PARAM_B,
  TEE_IOCTL_PARAM_C,
  TEE_IOCTL_SHM_ALLOC_DATA_FLAGS,
  TEE_IOCTL_SHM_ALLOC_DATA_ID,
  TEE_IOCTL_SHM_ALLOC_DATA_SIZE,
  TEE_IOCTL_SHM_REGISTER_DATA_ADDR,
  TEE_IOCTL_SHM_REGISTER_DATA_FLAGS,
  TEE_IOCTL_SHM_REGISTER_DATA_ID,
  TEE_IOCTL_SHM_REGISTER_DATA_LENGTH,
  TEE_IOCTL_VERSION_DATA_GEN_CAPS,
  TEE_IOCTL_VERSION_DATA_IMPL_CAPS,
  TEE_IOCTL_VERSION_DATA_IMPL_ID,
} from "../layouts";
import { strsize, verbose } from "../options";
import { outLen, putc, puts } from "../out";
import { findPointee, ptData, ptLen, ptPtr } from "../pointee";
import { printFdElem } from "../print/fd";
import { putAddr, putHex, putI64, putU64 } from "../print/num";
import { FMT_HEX, restyle } from "../print/style";
import { printEnum, printFlags } from "../print/xlat";
import { findTable, strEq, valueOf } from "../tables";
import { isIoctlRequest } from "./ioctl-fields";

const ARG: u32 = 2;

/**
 * The register-fd request's struct (not in the uapi headers; strace 6.1 spells it): a __s64 fd,
 * a __u64 size, a __u32 flags, 4 bytes of padding, a __s32 id, 4 more.
 */
const REGISTER_FD_FD: u32 = 0;
const REGISTER_FD_SIZE: u32 = 8;
const REGISTER_FD_FLAGS: u32 = 16;
const REGISTER_FD_ID: u32 = 24;
const SIZEOF_REGISTER_FD: u32 = 32;

function tab(name: string): i32 {
  return findTable(name);
}

function constOf(table: string, name: string): u64 {
  return valueOf(findTable(table), name, 0);
}

function field(n: string, first: bool): void {
  if (!first) puts(", ");
  puts(n);
  putc(0x3d);
}

function u32At(p: usize, off: u32): u64 {
  return <u64>load<u32>(p + <usize>off);
}

function u64At(p: usize, off: u32): u64 {
  return load<u64>(p + <usize>off);
}

function fU(n: string, v: u64, first: bool = false): void {
  field(n, first);
  putU64(v);
}

function fD(n: string, v: i64): void {
  field(n, false);
  putI64(v);
}

/** PRINT_FIELD_X (a session id prints so, as libteec prints it). */
function fX(n: string, v: u64, first: bool = false): void {
  field(n, first);
  const start = outLen;
  putHex(v);
  restyle(start, v, FMT_HEX);
}

/** PRINT_FIELD_ADDR64. */
function fAddr(n: string, v: u64, first: bool = false): void {
  field(n, first);
  putAddr(v);
}

function fFlags(n: string, v: u64, table: string): void {
  field(n, false);
  printFlags(tab(table), v);
}

function fXval(n: string, v: u64, table: string): void {
  field(n, false);
  printEnum(tab(table), v);
}

/** `{buf_len=N, buf_ptr=0x…}` (tee_print_buf). */
function printBufPlain(p: usize): void {
  putc(0x7b);
  fU("buf_len", u64At(p, TEE_IOCTL_BUF_DATA_BUF_LEN), true);
  fAddr("buf_ptr", u64At(p, TEE_IOCTL_BUF_DATA_BUF_PTR));
  putc(0x7d);
}

/** One struct tee_ioctl_param (tee_print_param_fn). */
function printParam(e: usize): void {
  const attr = u64At(e, TEE_IOCTL_PARAM_ATTR);
  const meta = constOf("tee_ioctl_param_attr_types", "TEE_IOCTL_PARAM_ATTR_META");
  puts("{attr=");
  printEnum(tab("tee_ioctl_param_attr_types"), attr & ~meta);
  if ((attr & meta) != 0) puts("|TEE_IOCTL_PARAM_ATTR_META");
  const t = "tee_ioctl_param_attr_types";
  const a = u64At(e, TEE_IOCTL_PARAM_A);
  const b = u64At(e, TEE_IOCTL_PARAM_B);
  const c = u64At(e, TEE_IOCTL_PARAM_C);
  if (attr == constOf(t, "TEE_IOCTL_PARAM_ATTR_TYPE_NONE")) {
    // nothing more
  } else if (
    attr == constOf(t, "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INPUT") ||
    attr == constOf(t, "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_OUTPUT") ||
    attr == constOf(t, "TEE_IOCTL_PARAM_ATTR_TYPE_MEMREF_INOUT")
  ) {
    fX("shm_offs", a);
    fX("size", b);
    fU("shm_id", c);
  } else {
    fX("a", a);
    fX("b", b);
    fX("c", c);
  }
  putc(0x7d);
}

/**
 * `, params=[…]`: `count` parameters at tracee address `addr`, of which the bytes from `off` in
 * the pointee (ptData, ptLen) were read (strace's print_array: `...` after -s elements without
 * -v, `... /* addr *\/` where the read stopped).
 */
function printParams(off: u32, addr: u64, count: u32): void {
  puts(", params=");
  if (addr == 0) {
    puts("NULL");
    return;
  }
  if (count == 0) {
    puts("[]");
    return;
  }
  const sz = SIZEOF_TEE_IOCTL_PARAM;
  for (let i: u32 = 0; i < count; i++) {
    if (i > 0) puts(", ");
    const at = off + i * sz;
    if (at + sz > ptLen) {
      if (i == 0) {
        putAddr(addr);
        return;
      }
      puts("... /* ");
      putAddr(addr + <u64>(i * sz));
      puts(" */");
      break;
    }
    if (i == 0) putc(0x5b);
    if (!verbose && i >= <u32>strsize) {
      puts("...");
      break;
    }
    printParam(ptData + <usize>at);
  }
  putc(0x5d);
}

/** The open-session request's client data: a group id for the group logins, else its bytes. */
function printClntUuid(a: usize, login: u64): void {
  const t = "tee_ioctl_login_types";
  if (
    login == constOf(t, "TEE_IOCTL_LOGIN_GROUP") ||
    login == constOf(t, "TEE_IOCTL_LOGIN_GROUP_APPLICATION")
  ) {
    const gid = load<u32>(a + TEE_IOCTL_OPEN_SESSION_ARG_CLNT_UUID);
    field("clnt_uuid", false);
    if (gid == 0xffffffff) puts("-1");
    else putU64(<u64>gid);
    return;
  }
  if (
    login == constOf(t, "TEE_IOCTL_LOGIN_PUBLIC") ||
    login == constOf(t, "TEE_IOCTL_LOGIN_USER") ||
    login == constOf(t, "TEE_IOCTL_LOGIN_APPLICATION") ||
    login == constOf(t, "TEE_IOCTL_LOGIN_USER_APPLICATION")
  )
    return;
  field("clnt_uuid", false);
  putc(0x5b);
  for (let i: u32 = 0; i < 16; i++) {
    if (i > 0) puts(", ");
    const v = <u64>load<u8>(a + <usize>(TEE_IOCTL_OPEN_SESSION_ARG_CLNT_UUID + i));
    const start = outLen;
    putHex(v);
    restyle(start, v, FMT_HEX);
  }
  putc(0x5d);
}

function putUuid(a: usize, off: u32): void {
  const h = "0123456789abcdef";
  for (let i: u32 = 0; i < 16; i++) {
    if (i == 4 || i == 6 || i == 8 || i == 10) putc(0x2d);
    const c = <u32>load<u8>(a + <usize>(off + i));
    putc(<u32>h.charCodeAt(c >> 4));
    putc(<u32>h.charCodeAt(c & 15));
  }
}

/** The request's own struct size and its num_params offset (by request), 0 when not a buffer request. */
function bufArgSize(): u32 {
  if (isIoctlRequest("TEE_IOC_OPEN_SESSION")) return SIZEOF_TEE_IOCTL_OPEN_SESSION_ARG;
  if (isIoctlRequest("TEE_IOC_INVOKE")) return SIZEOF_TEE_IOCTL_INVOKE_ARG;
  if (isIoctlRequest("TEE_IOC_SUPPL_RECV")) return SIZEOF_TEE_IOCL_SUPP_RECV_ARG;
  if (isIoctlRequest("TEE_IOC_SUPPL_SEND")) return SIZEOF_TEE_IOCL_SUPP_SEND_ARG;
  return 0;
}

function numParamsOff(): u32 {
  if (isIoctlRequest("TEE_IOC_OPEN_SESSION")) return TEE_IOCTL_OPEN_SESSION_ARG_NUM_PARAMS;
  if (isIoctlRequest("TEE_IOC_INVOKE")) return TEE_IOCTL_INVOKE_ARG_NUM_PARAMS;
  if (isIoctlRequest("TEE_IOC_SUPPL_RECV")) return TEE_IOCL_SUPP_RECV_ARG_NUM_PARAMS;
  return TEE_IOCL_SUPP_SEND_ARG_NUM_PARAMS;
}

let entryClosed = false;

/** The TEE entry printed the whole call (the buffer was not decodable): no exit to show. */
export function teeEntryClosed(): bool {
  const c = entryClosed;
  entryClosed = false;
  return c;
}

/**
 * A buffer request (tee_fetch_buf_data and its callers): the request's struct through buf_ptr,
 * or `{buf_len, buf_ptr}` when buf_len is out of range, the struct unreadable or (at entry) the
 * parameter count disagrees with buf_len. Entry leaves the outer struct open.
 */
function printBufRequest(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_TEE_IOCTL_BUF_DATA) return false;
  const bufLen = u64At(p, TEE_IOCTL_BUF_DATA_BUF_LEN);
  const bufPtr = u64At(p, TEE_IOCTL_BUF_DATA_BUF_PTR);
  const size = bufArgSize();
  if (atExit) puts(" => ");
  const max = constOf("tee_ioctl_max_arg_size", "TEE_MAX_ARG_SIZE");
  const read = findPointee(ARG, TEE_IOCTL_BUF_DATA_BUF_PTR, atExit) && ptPtr == bufPtr;
  if (bufLen > max || bufLen < <u64>size || !read || ptLen < size) {
    printBufPlain(p);
    if (!atExit) entryClosed = true;
    return true;
  }
  const a = ptData;
  const num = load<u32>(a + <usize>numParamsOff());
  if (!atExit && <u64>size + <u64>num * <u64>SIZEOF_TEE_IOCTL_PARAM != bufLen) {
    printBufPlain(p);
    entryClosed = true;
    return true;
  }
  const params = num != 0 ? bufPtr + <u64>size : 0;
  if (!atExit) {
    putc(0x7b);
    fU("buf_len", bufLen, true);
    puts(", buf_ptr={");
    if (isIoctlRequest("TEE_IOC_OPEN_SESSION")) {
      const login = u32At(a, TEE_IOCTL_OPEN_SESSION_ARG_CLNT_LOGIN);
      puts("uuid=");
      putUuid(a, TEE_IOCTL_OPEN_SESSION_ARG_UUID);
      fXval("clnt_login", login, "tee_ioctl_login_types");
      printClntUuid(a, login);
      fU("cancel_id", u32At(a, TEE_IOCTL_OPEN_SESSION_ARG_CANCEL_ID));
    } else if (isIoctlRequest("TEE_IOC_INVOKE")) {
      fU("func", u32At(a, TEE_IOCTL_INVOKE_ARG_FUNC), true);
      fX("session", u32At(a, TEE_IOCTL_INVOKE_ARG_SESSION));
      fU("cancel_id", u32At(a, TEE_IOCTL_INVOKE_ARG_CANCEL_ID));
    } else if (isIoctlRequest("TEE_IOC_SUPPL_RECV")) {
      fU("func", u32At(a, TEE_IOCL_SUPP_RECV_ARG_FUNC), true);
    }
    fU("num_params", <u64>num, isIoctlRequest("TEE_IOC_SUPPL_SEND"));
    printParams(size, params, num);
    putc(0x7d);
    return true;
  }
  putc(0x7b);
  if (isIoctlRequest("TEE_IOC_OPEN_SESSION")) {
    fX("session", u32At(a, TEE_IOCTL_OPEN_SESSION_ARG_SESSION), true);
    fU("ret", u32At(a, TEE_IOCTL_OPEN_SESSION_ARG_RET));
    fXval("ret_origin", u32At(a, TEE_IOCTL_OPEN_SESSION_ARG_RET_ORIGIN), "tee_ioctl_origins");
  } else if (isIoctlRequest("TEE_IOC_INVOKE")) {
    fU("ret", u32At(a, TEE_IOCTL_INVOKE_ARG_RET), true);
    fXval("ret_origin", u32At(a, TEE_IOCTL_INVOKE_ARG_RET_ORIGIN), "tee_ioctl_origins");
  } else if (isIoctlRequest("TEE_IOC_SUPPL_RECV")) {
    fU("num_params", <u64>num, true);
  } else fU("ret", u32At(a, TEE_IOCL_SUPP_SEND_ARG_RET), true);
  printParams(size, params, num);
  puts("}}");
  return true;
}

function printVersion(p: usize, len: u32): bool {
  if (len < SIZEOF_TEE_IOCTL_VERSION_DATA) return false;
  const impl = u32At(p, TEE_IOCTL_VERSION_DATA_IMPL_ID);
  putc(0x7b);
  field("impl_id", true);
  printEnum(tab("tee_ioctl_impl_ids"), impl);
  fFlags("gen_caps", u32At(p, TEE_IOCTL_VERSION_DATA_GEN_CAPS), "tee_ioctl_gen_caps");
  const caps = u32At(p, TEE_IOCTL_VERSION_DATA_IMPL_CAPS);
  if (impl == constOf("tee_ioctl_impl_ids", "TEE_IMPL_ID_OPTEE"))
    fFlags("impl_caps", caps, "tee_ioctl_optee_caps");
  else fX("impl_caps", caps);
  putc(0x7d);
  return true;
}

function printCancel(p: usize, len: u32): bool {
  if (len < SIZEOF_TEE_IOCTL_CANCEL_ARG) return false;
  putc(0x7b);
  fU("cancel_id", u32At(p, TEE_IOCTL_CANCEL_ARG_CANCEL_ID), true);
  fX("session", u32At(p, TEE_IOCTL_CANCEL_ARG_SESSION));
  putc(0x7d);
  return true;
}

function printCloseSession(p: usize, len: u32): bool {
  if (len < SIZEOF_TEE_IOCTL_CLOSE_SESSION_ARG) return false;
  putc(0x7b);
  fX("session", u32At(p, TEE_IOCTL_CLOSE_SESSION_ARG_SESSION), true);
  putc(0x7d);
  return true;
}

function printShmAlloc(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_TEE_IOCTL_SHM_ALLOC_DATA) return false;
  putc(0x7b);
  fX("size", u64At(p, TEE_IOCTL_SHM_ALLOC_DATA_SIZE), true);
  fFlags("flags", u32At(p, TEE_IOCTL_SHM_ALLOC_DATA_FLAGS), "tee_ioctl_shm_flags");
  if (atExit) fD("id", <i64>load<i32>(p + TEE_IOCTL_SHM_ALLOC_DATA_ID));
  putc(0x7d);
  return true;
}

function printShmRegister(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_TEE_IOCTL_SHM_REGISTER_DATA) return false;
  putc(0x7b);
  if (!atExit) fAddr("addr", u64At(p, TEE_IOCTL_SHM_REGISTER_DATA_ADDR), true);
  fX("length", u64At(p, TEE_IOCTL_SHM_REGISTER_DATA_LENGTH), atExit);
  fFlags("flags", u32At(p, TEE_IOCTL_SHM_REGISTER_DATA_FLAGS), "tee_ioctl_shm_flags");
  if (atExit) fD("id", <i64>load<i32>(p + TEE_IOCTL_SHM_REGISTER_DATA_ID));
  putc(0x7d);
  return true;
}

function printShmRegisterFd(p: usize, len: u32, atExit: bool): bool {
  if (len < SIZEOF_REGISTER_FD) return false;
  putc(0x7b);
  if (!atExit) {
    field("fd", true);
    printFdElem(<i32>load<i64>(p + REGISTER_FD_FD));
    fFlags("flags", u32At(p, REGISTER_FD_FLAGS), "tee_ioctl_shm_flags");
  } else {
    fX("size", u64At(p, REGISTER_FD_SIZE), true);
    fD("id", <i64>load<i32>(p + REGISTER_FD_ID));
  }
  putc(0x7d);
  return true;
}

/** Prints a TEE request's struct: 1 printed, 0 too few bytes read, -1 not a TEE type. */
export function printTeeStruct(type: u32, p: usize, len: u32, atExit: bool): i32 {
  let ok = false;
  if (strEq(type, "tee_ioctl_buf_data")) ok = printBufRequest(p, len, atExit);
  else if (strEq(type, "tee_ioctl_version_data")) ok = printVersion(p, len);
  else if (strEq(type, "tee_ioctl_cancel_arg")) ok = printCancel(p, len);
  else if (strEq(type, "tee_ioctl_close_session_arg")) ok = printCloseSession(p, len);
  else if (strEq(type, "tee_ioctl_shm_alloc_data")) ok = printShmAlloc(p, len, atExit);
  else if (strEq(type, "tee_ioctl_shm_register_data")) ok = printShmRegister(p, len, atExit);
  else if (strEq(type, "tee_shm_register_fd")) ok = printShmRegisterFd(p, len, atExit);
  else return -1;
  return ok ? 1 : 0;
}
