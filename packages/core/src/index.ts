/**
 * @tstrace/core: Linux system-call knowledge as data. Public API; everything is re-exported from
 * the modules named here. Internal: src/raw.ts (generated row shape), src/data/* (hand-written
 * inputs), src/generated/* (generator output).
 */
export * from "./types.js";
export * from "./record-format.js";
export { x86_64, i386, aarch64, arm, riscv64, archTables, archTable } from "./arch.js";
export { syscallByName, syscallByNr } from "./lookup.js";
export { constTables, constTable } from "./consts.js";
export { errnos, errnoName, errnoMessage } from "./errno.js";
export { signals, signalName } from "./signals.js";
export {
  compileCapturePlan,
  decodeCapturePlan,
  captureFor,
  capturesFor,
  ARRAY_CAPTURE_MAX,
  SOCKADDR_CAPTURE_MAX,
  CAPTURE_PLAN_MAGIC,
  CAPTURE_PLAN_VERSION,
  PATH_CAPTURE_MAX,
  WHOLE_BUFFER_MAX,
  NO_LEN_ARG,
  type CaptureSpec,
  type CapturePlanOptions,
} from "./capture-plan.js";
export { classMembers } from "./generated/classes.js";
export { parseTraceExpr, type TraceSelection } from "./trace-expr.js";
