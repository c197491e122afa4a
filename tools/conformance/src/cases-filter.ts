import type { ConformanceCase } from "./cases.js";

/** Filtering, statistics and timing: -e trace=, -z/-Z, -P, -c, -t/-T. */
export const FILTER_CASES: readonly ConformanceCase[] = [];
