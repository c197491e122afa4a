// The generic decoder: prints arguments in order from their kinds. Input arguments print at entry;
// at the first output argument it stops and resumes there at exit, as strace's decoders do.

import { arg, exiting } from "../call";
import { puts } from "../out";
import { putHex } from "../print/num";
import { argKind, argParam, rowNargs } from "../tables";
import { isOutKind, printArg } from "./args";
import { RVAL_DECODED, resumeArg, setResumeArg } from "./rval";

export function decodeGeneric(r: u32): i32 {
  const n = rowNargs(r);
  if (!exiting) {
    for (let i: u32 = 0; i < n; i++) {
      if (i > 0) puts(", ");
      const k = argKind(r, i);
      if (isOutKind(k)) {
        setResumeArg(i);
        return 0;
      }
      printArg(i, k, argParam(r, i));
    }
    return RVAL_DECODED;
  }
  for (let i = resumeArg; i < n; i++) {
    if (i > resumeArg) puts(", ");
    printArg(i, argKind(r, i), argParam(r, i));
  }
  return RVAL_DECODED;
}

/** printargs: every argument as %#lx (unknown syscalls print all six). */
export function decodeRaw(n: u32): i32 {
  for (let i: u32 = 0; i < n; i++) {
    if (i > 0) puts(", ");
    putHex(arg(i));
  }
  return RVAL_DECODED;
}
