// mremap: the new address is an argument only when MREMAP_FIXED asks for one.

import { arg } from "../call";
import { T_MREMAP_FLAGS } from "../known";
import { puts } from "../out";
import { putAddr, putU64 } from "../print/num";
import { printFlags } from "../print/xlat";
import { RVAL_DECODED, RVAL_HEX } from "./rval";

const MREMAP_MAYMOVE: u64 = 1;
const MREMAP_FIXED: u64 = 2;

export function decodeMremap(): i32 {
  putAddr(arg(0));
  puts(", ");
  putU64(arg(1));
  puts(", ");
  putU64(arg(2));
  puts(", ");
  const flags = arg(3);
  printFlags(T_MREMAP_FLAGS, flags);
  if ((flags & (MREMAP_MAYMOVE | MREMAP_FIXED)) == (MREMAP_MAYMOVE | MREMAP_FIXED)) {
    puts(", ");
    putAddr(arg(4));
  }
  return RVAL_DECODED | RVAL_HEX;
}
