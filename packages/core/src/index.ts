/**
 * @tstrace/core: Linux system-call knowledge as data. Public API; everything is re-exported from
 * the modules named here. Internal: src/raw.ts (generated row shape), src/data/* (hand-written
 * inputs), src/generated/* (generator output).
 */

export { aarch64, archTable, archTables, arm, i386, riscv64, x86_64 } from "./arch.js";
export {
  ARG_CAPTURES,
  ARRAY_CAPTURE_MAX,
  CAPTURE_BYTES_MAX,
  CAPTURE_PLAN_MAGIC,
  CAPTURE_PLAN_VERSION,
  type CapturePlanOptions,
  type CaptureSpec,
  captureBytes,
  capturesFor,
  compileCapturePlan,
  type DecodeFds,
  decodeCapturePlan,
  decodeSpec,
  encodeSpec,
  FD_PATHS_MAX,
  fdCaptures,
  IO_DUMP_CAPTURE_MAX,
  NO_LEN_ARG,
  PATH_CAPTURE_MAX,
  PATH_STRING_MAX,
  SOCKADDR_CAPTURE_MAX,
  SPEC_WORDS,
  STRING_ARRAY_SCAN_MAX,
  WHOLE_BUFFER_MAX,
} from "./capture-plan.js";
export { constTable, constTables } from "./consts.js";
export { IO_DUMP_ARG, IO_DUMP_READ, IO_DUMP_WRITE, type IoDumpShape } from "./data/io-dump.js";
export { type PidField, pidFields, type RequestPid, requestPids } from "./data/pid-fields.js";
export { type RequestArgRow, requestArgs } from "./data/request-args.js";
export { layoutsByArch } from "./data/structs.js";
export { type ValueCapture, type ValueCaptureRow, valueCaptures } from "./data/value-captures.js";
export { errnoMessage, errnoName, errnos } from "./errno.js";
export { classMembers } from "./generated/classes.js";
export {
  compileInjectTable,
  INJECT_LAST_INF,
  type InjectAction,
  InjectError,
  type InjectPokeSpec,
  type InjectRule,
  injectedNrs,
  injectWarning,
  parseInjectExpr,
} from "./inject.js";
export { syscallByName, syscallByNr } from "./lookup.js";
export {
  AT_FDCWD,
  FD_EFFECT_CALLS,
  type FdEffect,
  fdEffect,
  type PathRule,
  pathRule,
} from "./path-rules.js";
export { type DecodePids, PID_TYPE_CODES, pidCaptures, RET_PID_TYPES } from "./pid-captures.js";
export * from "./record-format.js";
export * from "./recording.js";
export { signalName, signals } from "./signals.js";
export { PERSONALITIES, parseTraceExpr, SYSCALL_CLASSES, type TraceSelection } from "./trace-expr.js";
export * from "./types.js";
