// getrandom(buf, count, flags): the buffer is random bytes, so strace prints it in hex.

import { arg, exiting } from "../call";
import { T_GETRANDOM_FLAGS } from "../known";
import { puts } from "../out";
import { putU64 } from "../print/num";
import { HEX_ALL } from "../print/quote";
import { printFlags } from "../print/xlat";
import { printBufOut } from "./args";
import { RVAL_DECODED } from "./rval";

export function decodeGetrandom(): i32 {
  if (!exiting) return 0;
  printBufOut(0, HEX_ALL);
  puts(", ");
  putU64(arg(1));
  puts(", ");
  printFlags(T_GETRANDOM_FLAGS, <u64>(<u32>arg(2)));
  return RVAL_DECODED;
}
