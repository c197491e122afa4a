// Signal names and sigset_t printing (strace's signame / sprintsigmask_n).
import { jsonMode, SK_SIGNAL, SK_SIGSET, spanClose, spanOpen } from "../json/spans";
import { outLen, putc, putName, puts } from "../out";
import { NO_REF, signalName, strLen, strPtr } from "../tables";
import { putI64, putU64 } from "./num";
import { FMT_DEC, FMT_UDEC, restyle } from "./style";

const SIGRTMIN: u32 = 32;

/** A signal argument or field, styled by -X (`17 /* SIGCHLD *\/`). */
export function printSignal(sig: u64, withPrefix: bool = true): void {
  const s = jsonMode ? spanOpen() : 0;
  const start = outLen;
  printSignalName(sig, withPrefix);
  // -X raw prints the number as strace's signame does: an unknown one as a C int
  const known = signalName(sig) != NO_REF || (sig >= <u64>SIGRTMIN && sig <= 64);
  if (known) restyle(start, sig, FMT_UDEC);
  else restyle(start, <u64>(<i64>(<i32>sig)), FMT_DEC);
  if (jsonMode) spanClose(s, SK_SIGNAL, sig, -1, 0, 0, 0, 0, 0);
}

/** `SIGCHLD`; real-time signals `SIGRTMIN`, `SIGRT_1`…; unknown → the number. -X never applies. */
export function printSignalName(sig: u64, withPrefix: bool = true): void {
  const ref = signalName(sig);
  if (ref != NO_REF && strLen(ref) > 0) {
    let p = strPtr(ref);
    let n = strLen(ref);
    if (!withPrefix && n > 3 && load<u8>(p) == 0x53 && load<u8>(p + 1) == 0x49 && load<u8>(p + 2) == 0x47) {
      p += 3;
      n -= 3;
    }
    putName(p, <usize>n);
    return;
  }
  if (sig >= <u64>SIGRTMIN && sig <= 64) {
    if (withPrefix) puts("SIG");
    if (sig == <u64>SIGRTMIN) puts("RTMIN");
    else {
      puts("RT_");
      putU64(sig - <u64>SIGRTMIN);
    }
    return;
  }
  // strace's signame: an unknown number as a C int (`kill(1, -889262067)`).
  putI64(<i64>(<i32>sig));
}

/** `[INT CHLD]`, `[]`, or `~[KILL STOP]` when more than half of the bits are set. */
export function printSigset(p: usize, bytes: u32): void {
  const s = jsonMode ? spanOpen() : 0;
  printSigsetText(p, bytes);
  if (jsonMode) spanClose(s, SK_SIGSET, 0, -1, 0, 0, 0, 0, 0);
}

function printSigsetText(p: usize, bytes: u32): void {
  const nsig = bytes * 8;
  let pop: u32 = 0;
  for (let i: u32 = 0; i < bytes; i++) pop += <u32>popcnt<u32>(<u32>load<u8>(p + <usize>i));
  const invert = pop * 2 > nsig;
  if (invert) putc(0x7e);
  putc(0x5b);
  let first = true;
  for (let i: u32 = 0; i < nsig; i++) {
    let bit = (<u32>load<u8>(p + <usize>(i >> 3)) >> (i & 7)) & 1;
    if (invert) bit ^= 1;
    if (bit == 0) continue;
    if (!first) putc(0x20);
    first = false;
    printSignal(<u64>(i + 1), false);
  }
  putc(0x5d);
}
