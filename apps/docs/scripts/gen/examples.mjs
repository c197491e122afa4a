// The guide's example output: each example is run with the built tstrace when the site is built, and
// its trace (stderr; the command's own output is dropped) is written as a markdown snippet that the guide pages include with
// `<!--@include: ../../generated/examples/ID.md-->`. So every example is real output of this build.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** id, the arguments after `tstrace`, and at most how many lines to keep (the rest is elided). */
export const EXAMPLES = [
  { id: "first-trace", args: ["cat", "/etc/hostname"] },
  { id: "reading", args: ["-e", "trace=openat,read,close", "cat", "/etc/hostname", "/nonexistent"] },
  { id: "filter-class", args: ["-e", "trace=%file", "ls", "/etc/ssl"], max: 12 },
  { id: "filter-negate", args: ["-e", "trace=!%memory,%file,%desc", "true"] },
  { id: "filter-path", args: ["-P", "/etc/hostname", "cat", "/etc/hostname"] },
  { id: "failed-only", args: ["-Z", "cat", "/etc/hostname", "/nonexistent"] },
  { id: "successful-only", args: ["-z", "-e", "trace=openat", "cat", "/etc/hostname", "/nonexistent"] },
  {
    id: "follow",
    args: ["-f", "-e", "trace=execve,clone,clone3,wait4,exit_group", "sh", "-c", "ls / | wc -l"],
  },
  { id: "summary", args: ["-c", "ls", "-R", "/usr/share/doc"] },
  { id: "summary-sort", args: ["-c", "-S", "calls", "-U", "name,calls,errors", "ls", "/usr/bin"] },
  { id: "timing-T", args: ["-T", "-e", "trace=clock_nanosleep,nanosleep", "sleep", "0.1"] },
  { id: "timing-tt", args: ["-tt", "-e", "trace=openat,write", "echo", "hi"] },
  { id: "timing-r", args: ["-r", "-e", "trace=openat,read,write,close", "cat", "/etc/hostname"] },
  { id: "decode-s", args: ["-s", "8", "-e", "trace=read", "cat", "/etc/os-release"] },
  { id: "decode-x", args: ["-x", "-e", "trace=read", "head", "-c", "16", "/bin/true"] },
  { id: "decode-xx", args: ["-xx", "-e", "trace=write", "echo", "hi"] },
  { id: "decode-y", args: ["-y", "-e", "trace=openat,read,close", "cat", "/etc/hostname"] },
  { id: "decode-v", args: ["-v", "-e", "trace=newfstatat", "stat", "-c", "%s", "/etc/hostname"] },
  { id: "decode-X", args: ["-X", "verbose", "-e", "trace=openat", "cat", "/etc/hostname"] },
];

function tstraceBin() {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@tstrace/cli/package.json");
  return join(dirname(pkg), "bin", "tstrace");
}

function run(example, cwd) {
  const r = spawnSync(tstraceBin(), example.args, {
    cwd,
    encoding: "utf8",
    env: { PATH: "/usr/bin:/bin", LANG: "C", HOME: cwd },
    stdio: ["ignore", "ignore", "pipe"],
    timeout: 60_000,
  });
  if (r.error) throw r.error;
  let lines = r.stderr.replace(/\n$/, "").split("\n");
  if (example.max && lines.length > example.max) {
    const cut = lines.length - example.max;
    lines = [...lines.slice(0, example.max - 1), `... (${cut} more lines)`, lines.at(-1)];
  }
  const shown = example.args.map((a) => (/[\s|!%*'";&<>()]/.test(a) ? `'${a}'` : a)).join(" ");
  return `\`\`\`console\n$ tstrace ${shown}\n${lines.join("\n")}\n\`\`\`\n`;
}

/** Writes dir/<id>.md for every example. */
export function writeExamples(dir) {
  mkdirSync(dir, { recursive: true });
  const cwd = mkdtempSync(join(tmpdir(), "tstrace-docs-"));
  try {
    for (const e of EXAMPLES) writeFileSync(join(dir, `${e.id}.md`), run(e, cwd));
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}
