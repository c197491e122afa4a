// Dedicated decoders by name. A syscall row names its decoder (core's `decoder` field); a row
// without one, or naming a decoder not listed here, is printed by the generic kind-driven decoder.
import { strEq } from "../tables";
import { decodeFutex } from "./futex";
import { decodeGeneric } from "./generic";
import { decodeGetdents } from "./getdents";
import { decodeGetrandom } from "./getrandom";
import { decodeIoctl } from "./ioctl";
import { decodeOpen, decodeOpenat } from "./open";
import { decodeRtSigaction, decodeRtSigprocmask } from "./signal";

export const D_GENERIC: u8 = 0;
export const D_OPEN: u8 = 1;
export const D_OPENAT: u8 = 2;
export const D_GETRANDOM: u8 = 3;
export const D_GETDENTS: u8 = 4;
export const D_IOCTL: u8 = 5;
export const D_FUTEX: u8 = 6;
export const D_RT_SIGACTION: u8 = 7;
export const D_RT_SIGPROCMASK: u8 = 8;

/** Decoder id for a decoder (or syscall) name; D_GENERIC when there is no dedicated one. */
export function decoderIdByName(ref: u32): u8 {
  if (strEq(ref, "open")) return D_OPEN;
  if (strEq(ref, "openat")) return D_OPENAT;
  if (strEq(ref, "getrandom")) return D_GETRANDOM;
  if (strEq(ref, "getdents64") || strEq(ref, "getdents")) return D_GETDENTS;
  if (strEq(ref, "ioctl")) return D_IOCTL;
  if (strEq(ref, "futex") || strEq(ref, "futex_time64")) return D_FUTEX;
  if (strEq(ref, "rt_sigaction")) return D_RT_SIGACTION;
  if (strEq(ref, "rt_sigprocmask")) return D_RT_SIGPROCMASK;
  return D_GENERIC;
}

/** Runs decoder `id` for row `r` (entry or exit, per call.ts). Returns RVAL_* bits. */
export function runDecoder(id: u8, r: u32): i32 {
  switch (id) {
    case D_OPEN:
      return decodeOpen();
    case D_OPENAT:
      return decodeOpenat();
    case D_GETRANDOM:
      return decodeGetrandom();
    case D_GETDENTS:
      return decodeGetdents();
    case D_IOCTL:
      return decodeIoctl();
    case D_FUTEX:
      return decodeFutex();
    case D_RT_SIGACTION:
      return decodeRtSigaction();
    case D_RT_SIGPROCMASK:
      return decodeRtSigprocmask();
  }
  return decodeGeneric(r);
}
