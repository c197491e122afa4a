import type { ConformanceCase } from "./cases.js";

/** Process control: -f, signals, exits, multi-process output. */
export const PROCESS_CASES: readonly ConformanceCase[] = [];
