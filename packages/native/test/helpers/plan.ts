// Builds capture plans in the documented layout, for tests only (the real one comes from @tstrace/core).
import { CAPTURE_PLAN_MAGIC } from "../../../core/src/capture-plan.ts";
import { CaptureKind, CaptureWhen } from "../../../core/src/record-format.ts";

export const PLAN_MAGIC = CAPTURE_PLAN_MAGIC;
export const UNUSED = 0xffffffff;

export interface Spec {
  arg: number;
  kind: number;
  when: number;
  lenArg?: number;
  size?: number;
  max?: number;
}

/** x86_64 syscall numbers the tests use. */
export const NR = {
  read: 0,
  close: 3,
  write: 1,
  openat: 257,
  writev: 20,
  readv: 19,
  execve: 59,
  exit_group: 231,
  newfstatat: 262,
  uname: 63,
  nanosleep: 35,
  clock_nanosleep: 230,
  kill: 62,
} as const;

export function buildPlan(specs: Readonly<Record<number, readonly Spec[]>>, n = 512): Uint32Array {
  const words: number[] = [PLAN_MAGIC, 1, n];
  for (let i = 0; i < n; i++) words.push(0);
  for (const [nrText, list] of Object.entries(specs)) {
    const nr = Number(nrText);
    words[3 + nr] = words.length;
    words.push(list.length);
    for (const s of list) {
      words.push(s.arg | (s.kind << 8) | (s.when << 16), s.lenArg ?? UNUSED, s.size ?? 0, s.max ?? 4096);
    }
  }
  return Uint32Array.from(words);
}

/** The plan strace's default view needs for the tests: execve's path/argv/envp count, read/write buffers. */
export function defaultPlan(extra: Readonly<Record<number, readonly Spec[]>> = {}): Uint32Array {
  return buildPlan({
    [NR.execve]: [
      { arg: 0, kind: CaptureKind.CSTRING, when: CaptureWhen.ENTRY, max: 4096 },
      { arg: 1, kind: CaptureKind.STRING_ARRAY, when: CaptureWhen.ENTRY, size: 32, max: 32 },
      { arg: 2, kind: CaptureKind.STRING_ARRAY, when: CaptureWhen.ENTRY, size: 0, max: 0 },
    ],
    [NR.read]: [{ arg: 1, kind: CaptureKind.BUFFER_RET_LEN, when: CaptureWhen.EXIT, max: 65536 }],
    [NR.write]: [
      { arg: 1, kind: CaptureKind.BUFFER_ARG_LEN, when: CaptureWhen.ENTRY, lenArg: 2, max: 65536 },
    ],
    ...extra,
  });
}

export const EMPTY_PLAN: Uint32Array = Uint32Array.from([PLAN_MAGIC, 1, 0]);
