// io_setup's context comes from its row; io_getevents and io_pgetevents (strace's aio.c): the
// events the call returned (struct io_event), then the timeout and signal mask the kernel read at
// entry, printed whether or not the call failed.

import { arg, exiting, isError, rval } from "../call";
import { puts } from "../out";
import { putAddr, putHex, putI64 } from "../print/num";
import { argKind, argParam } from "../tables";
import { printArg } from "./args";
import { printElems } from "./elems";
import { RVAL_DECODED } from "./rval";
import { printKernelSigset } from "./select";

/** sizeof(struct io_event) (include/uapi/linux/aio_abi.h): data, obj, res, res2, every ABI. */
const IO_EVENT_SIZE: u32 = 32;

function printIoEvent(p: usize, size: u32): void {
  puts("{data=");
  putHex(load<u64>(p));
  puts(", obj=");
  putHex(load<u64>(p + 8));
  puts(", res=");
  putI64(load<i64>(p + 16));
  puts(", res2=");
  putI64(load<i64>(p + 24));
  puts("}");
  changetype<usize>(size);
}

/** io_getevents(ctx, min_nr, nr, events, timeout) and io_pgetevents(…, usig). */
export function decodeIoGetevents(r: u32, withSig: bool): i32 {
  if (!exiting) {
    putAddr(arg(0));
    puts(", ");
    putI64(<i64>arg(1));
    puts(", ");
    putI64(<i64>arg(2));
    puts(", ");
    return 0;
  }
  // print_array with tfetch_mem: NULL by name, a failed call's array by its address
  if (isError && arg(3) != 0) putAddr(arg(3));
  else printElems(3, isError ? 0 : <u64>rval, IO_EVENT_SIZE, true, printIoEvent);
  puts(", ");
  printArg(4, argKind(r, 4), argParam(r, 4));
  if (withSig) {
    puts(", ");
    printKernelSigset(5);
  }
  return RVAL_DECODED;
}
