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

/**
 * `runs` rounds; each round times every variant once, in turn, so a load drift hits all alike.
 * Returns samples[variant][round].
 */
export function rounds(variants: readonly (readonly string[])[], runs: number): number[][] {
  const samples = variants.map(() => [] as number[]);
  for (let i = 0; i < runs; i++) {
    for (const [v, argv] of variants.entries()) samples[v]?.push(timeOnce(argv));
  }
  return samples;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
