import { spawnSync } from "node:child_process";

/** Wall time of one run of argv in milliseconds; stdout and stderr are discarded. */
export function timeOnce(argv: readonly string[]): number {
  const [file, ...args] = argv as [string, ...string[]];
  const start = process.hrtime.bigint();
  const r = spawnSync(file, args, { stdio: "ignore" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.error) throw r.error;
  return ms;
}

/** Median of `runs` timings; the variants of one workload are interleaved so load drifts hit all alike. */
export function medians(variants: readonly (readonly string[])[], runs: number): number[] {
  const samples = variants.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [v, argv] of variants.entries()) samples[v]?.push(timeOnce(argv));
  }
  return samples.map((s) => {
    const sorted = [...s].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)] as number;
  });
}
