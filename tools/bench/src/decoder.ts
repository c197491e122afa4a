/**
 * The decoder rows of `pnpm bench`: @tstrace/decoder-wasm's own benchmark (records per second on
 * a realistic mix, quoting, structs, flags; WebAssembly against plain JavaScript), run as its
 * `--json` and printed here so one run of `pnpm bench` holds every figure. Its rates are per
 * second of CPU time, so a busy machine slows them less than wall-time rates.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** One primitive: rates of the WebAssembly decoder and of the plain-JS baseline, per CPU second. */
export interface DecoderRow {
  readonly name: string;
  readonly wasm: number;
  readonly js: number;
  /** Median of the per-round wasm / js ratios. */
  readonly ratio: number;
  readonly unit: string;
}

/** decoder-wasm's bench script (tools/bench/dist → packages/decoder-wasm/bench). */
const SCRIPT = join(
  import.meta.dirname,
  "..",
  "..",
  "..",
  "packages",
  "decoder-wasm",
  "bench",
  "decoder-bench.mjs",
);

/** Runs the decoder benchmark; undefined (with the reason printed) when it fails. */
export function decoderBench(): DecoderRow[] | undefined {
  const r = spawnSync(process.execPath, [SCRIPT, "--json"], { encoding: "utf8", timeout: 600_000 });
  if (r.status !== 0) {
    process.stdout.write(
      `decoder benchmark failed: ${(r.stderr || String(r.error)).trim().split("\n")[0]}\n`,
    );
    return undefined;
  }
  return JSON.parse(r.stdout.trim().split("\n").at(-1) as string) as DecoderRow[];
}

export function formatDecoder(rows: readonly DecoderRow[]): string {
  const rate = (v: number, unit: string): string =>
    unit === "bytes/s" ? `${(v / 1e6).toFixed(0)} MB/s` : `${(v / 1e6).toFixed(2)} M/s`;
  const lines = [
    "decoder (per second of CPU time; ratio = wasm / js, median of per-round ratios)",
    `${"primitive".padEnd(28)}${"wasm".padStart(12)}${"js".padStart(12)}${"ratio".padStart(8)}`,
  ];
  for (const r of rows)
    lines.push(
      `${r.name.padEnd(28)}${rate(r.wasm, r.unit).padStart(12)}${rate(r.js, r.unit).padStart(12)}${`${r.ratio.toFixed(2)}x`.padStart(8)}`,
    );
  return `${lines.join("\n")}\n`;
}
