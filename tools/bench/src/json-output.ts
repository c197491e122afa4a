/**
 * The --json rows of `pnpm bench`: a live trace printing JSON against the same trace printing
 * text (both to /dev/null), and the decoder alone: replaying one recording as JSON against
 * replaying it as text, net of tstrace's start-up (a one-command recording replayed in each round).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, rounds, timeOnce } from "./timing.js";

const WORKLOADS: readonly { name: string; command: readonly string[] }[] = [
  { name: "dd bs=1 full trace", command: ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000"] },
  { name: "ls -l /usr/bin", command: ["ls", "-l", "/usr/bin"] },
];

/** Replayed: 400 000 calls, so that decoding outweighs start-up. */
const REPLAYED = ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=200000"];

/** The figures, for --json FILE. */
export interface JsonFigures {
  live: { workload: string; textMs: number; jsonMs: number; ratio: number }[];
  replay: { textMs: number; jsonMs: number; startupMs: number; ratio: number };
}

export function jsonBench(bin: string, runs: number): JsonFigures {
  const dir = mkdtempSync(join(tmpdir(), "tstrace-bench-json-"));
  const out = (s: string): boolean => process.stdout.write(s);
  out(`\n--json, median of ${runs} interleaved runs (output to /dev/null)\n`);
  out(`${"workload".padEnd(24)}${"text".padStart(10)}${"--json".padStart(10)}${"ratio".padStart(8)}\n`);
  const figures: JsonFigures = { live: [], replay: { textMs: 0, jsonMs: 0, startupMs: 0, ratio: 0 } };
  for (const w of WORKLOADS) {
    const [text, json] = rounds(
      [
        [bin, "-o", "/dev/null", ...w.command],
        [bin, "-o", "/dev/null", "--json", ...w.command],
      ],
      runs,
    ).map(median) as [number, number];
    figures.live.push({ workload: w.name, textMs: text, jsonMs: json, ratio: json / text });
    out(
      `${w.name.padEnd(24)}${`${text.toFixed(1)} ms`.padStart(10)}${`${json.toFixed(1)} ms`.padStart(10)}${`${(json / text).toFixed(2)}x`.padStart(8)}\n`,
    );
  }
  // The decoder alone: the same recording printed both ways, start-up taken out in each round.
  const big = join(dir, "big.tsr");
  const small = join(dir, "small.tsr");
  timeOnce([bin, "-o", "/dev/null", `--record=${big}`, ...REPLAYED]);
  timeOnce([bin, "-o", "/dev/null", `--record=${small}`, "/bin/true"]);
  const [t, j, s] = rounds(
    [
      [bin, "-o", "/dev/null", `--replay=${big}`],
      [bin, "-o", "/dev/null", "--json", `--replay=${big}`],
      [bin, "-o", "/dev/null", `--replay=${small}`],
    ],
    runs,
  ) as [number[], number[], number[]];
  const [textMs, jsonMs, startupMs] = [median(t), median(j), median(s)];
  const ratio = (jsonMs - startupMs) / (textMs - startupMs);
  figures.replay = { textMs, jsonMs, startupMs, ratio };
  out(
    `replay of dd bs=1 count=200000: text ${(textMs - startupMs).toFixed(0)} ms, --json ${(jsonMs - startupMs).toFixed(0)} ms net of start-up (${startupMs.toFixed(0)} ms): ${ratio.toFixed(2)}x\n`,
  );
  rmSync(dir, { recursive: true, force: true });
  return figures;
}
