/**
 * The recordings rows of `pnpm bench`: what --record costs over the same trace without it
 * (both printing to /dev/null), and how fast --replay prints a recording (records per second,
 * net of tstrace's start-up, measured as the replay of a one-command recording in each round).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { median, rounds, timeOnce } from "./timing.js";

/** Record-cost workloads: the full trace rows of the main table. */
const RECORD_WORKLOADS: readonly { name: string; command: readonly string[] }[] = [
  { name: "dd bs=1 full trace", command: ["dd", "if=/dev/zero", "of=/dev/null", "bs=1", "count=20000"] },
  { name: "ls -l /usr/bin", command: ["ls", "-l", "/usr/bin"] },
];

/** Records in a recording: the header record, then every record, each led by its u32 size. */
function countRecords(file: string): number {
  const b = readFileSync(file);
  let off = 8 + b.readUInt32LE(8);
  let n = 0;
  while (off + 4 <= b.length) {
    off += b.readUInt32LE(off);
    n++;
  }
  return n;
}

/** The figures, for --json. */
export interface RecordingFigures {
  recordOverPlain: { workload: string; plainMs: number; recordMs: number; ratio: number; bytes: number }[];
  replay: { records: number; replayMs: number; startupMs: number; recordsPerSecond: number };
}

export function recordingBench(bin: string, runs: number): RecordingFigures {
  const dir = mkdtempSync(join(tmpdir(), "tstrace-bench-rec-"));
  const out = (s: string): boolean => process.stdout.write(s);
  out(`\nrecordings, median of ${runs} interleaved runs (output to /dev/null)\n`);
  out(
    `${"workload".padEnd(24)}${"plain".padStart(10)}${"--record".padStart(10)}${"ratio".padStart(8)}${"file".padStart(12)}\n`,
  );
  const figures: RecordingFigures = {
    recordOverPlain: [],
    replay: { records: 0, replayMs: 0, startupMs: 0, recordsPerSecond: 0 },
  };
  for (const w of RECORD_WORKLOADS) {
    const file = join(dir, "w.tsr");
    const [plain, record] = rounds(
      [
        [bin, "-o", "/dev/null", ...w.command],
        [bin, "-o", "/dev/null", `--record=${file}`, ...w.command],
      ],
      runs,
    ).map(median) as [number, number];
    const bytes = readFileSync(file).length;
    figures.recordOverPlain.push({
      workload: w.name,
      plainMs: plain,
      recordMs: record,
      ratio: record / plain,
      bytes,
    });
    out(
      `${w.name.padEnd(24)}${`${plain.toFixed(1)} ms`.padStart(10)}${`${record.toFixed(1)} ms`.padStart(10)}${`${(record / plain).toFixed(2)}x`.padStart(8)}${`${(bytes / 1024).toFixed(0)} KiB`.padStart(12)}\n`,
    );
  }
  // Replay speed: a large recording against a one-command one, in the same rounds.
  const big = join(dir, "big.tsr");
  const small = join(dir, "small.tsr");
  timeOnce([bin, "-o", "/dev/null", `--record=${big}`, ...(RECORD_WORKLOADS[0]?.command ?? [])]);
  timeOnce([bin, "-o", "/dev/null", `--record=${small}`, "/bin/true"]);
  const [replayMs, startupMs] = rounds(
    [
      [bin, "-o", "/dev/null", `--replay=${big}`],
      [bin, "-o", "/dev/null", `--replay=${small}`],
    ],
    runs,
  ).map(median) as [number, number];
  const records = countRecords(big) - countRecords(small);
  const recordsPerSecond = records / ((replayMs - startupMs) / 1000);
  figures.replay = { records, replayMs, startupMs, recordsPerSecond };
  out(
    `replay: ${records} records in ${(replayMs - startupMs).toFixed(1)} ms net of start-up (${startupMs.toFixed(1)} ms) = ${(recordsPerSecond / 1e6).toFixed(2)} M records/s\n`,
  );
  rmSync(dir, { recursive: true, force: true });
  return figures;
}
