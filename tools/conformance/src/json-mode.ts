/**
 * `pnpm conformance --json`: for each case, tstrace records it live, then replays the recording
 * twice with the case's output options: as text, and with --json. Every JSON line must validate
 * against the decoder's published schema (ajv, draft 2020-12), and the events rendered back to
 * text (the decoder's TextRenderer) must equal the text replay byte for byte. What the two may
 * legitimately order differently: with -f the text splits a call other processes interrupted
 * (`<unfinished ...>` / `<... resumed>`) and the JSON has it as one object at its end, so -f
 * traces are compared per process with those pairs joined (padding before `= ` then aside).
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { decoderOptions, parseArgs } from "@tstrace/cli";
import { init, type JsonEvent, TextRenderer } from "@tstrace/decoder-wasm";
import type { ConformanceCase } from "./cases.js";
import { outputOptions } from "./replay.js";
import { OUT, runTracer, tstraceBin } from "./runner.js";

/** One case's JSON-mode outcome. */
export interface JsonResult {
  readonly name: string;
  /** JSON lines written. */
  readonly events: number;
  /** Lines that did not validate against the schema. */
  readonly invalid: number;
  /** The text rendered back from the JSON equals the text replay. */
  readonly identical: boolean;
  /** Why not: the first differing line (text, then rendered), or the first schema error. */
  readonly firstDiff?: readonly [string, string];
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown };
let validator: Validate | undefined;

/** The decoder package's schema, compiled once. */
function validate(): Validate {
  if (validator) return validator;
  const require = createRequire(import.meta.url);
  const Ajv2020 = (
    require("ajv/dist/2020") as { default: new (o: object) => { compile(s: object): Validate } }
  ).default;
  const schema = JSON.parse(readFileSync(require.resolve("@tstrace/decoder-wasm/event.schema.json"), "utf8"));
  validator = new Ajv2020({ allErrors: false }).compile(schema);
  return validator;
}

/** The dump lines of -e read=/write= (` | 00000  …`): JSON carries no dumps. */
const DUMP = /^ \| [0-9a-f]{5} /;
const PLAIN_PREFIX = /^(\d+)(?:<[^>]*>)? +/;
const UNFINISHED = " <unfinished ...>";
/** A resumed line's body, after its own time columns. */
const RESUMED = /^[\d:.()+ ]*?<\.\.\. \w+ resumed>/;
/**
 * A call cut short by a detach: the JSON says so (` <detached ...>`); the text says it only when
 * no other process printed in between, else its line already ended ` <unfinished ...>`.
 */
const CUT = / <detached \.\.\.>$/;
const PADDED = /\) +=/;
/** -r's column under -f: the previous line the text measures from is another process's. */
const RELATIVE = /^(\d+ +)(?:\d\d:\d\d:\d\d(?:\.\d+)? )?(?:\(\+ *\d+(?:\.\d+)?\) | *\d+(?:\.\d+)? )/;

/** Each process's lines, its unfinished/resumed pairs joined (pids in order of appearance). */
function byProcess(lines: readonly string[], maskRelative: boolean): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const open = new Map<string, number>();
  for (const raw of lines) {
    const line = maskRelative ? raw.replace(RELATIVE, "$1") : raw;
    const m = PLAIN_PREFIX.exec(line);
    const pid = m?.[1] ?? "";
    const list = out.get(pid) ?? [];
    out.set(pid, list);
    const body = line.slice(m?.[0].length ?? 0);
    const at = open.get(pid);
    const resumed = RESUMED.exec(body);
    if (at !== undefined && resumed) {
      const head = list[at] as string;
      list[at] = head.slice(0, -UNFINISHED.length) + body.slice(resumed[0].length);
      open.delete(pid);
      continue;
    }
    if (body.endsWith(UNFINISHED)) open.set(pid, list.length);
    list.push(line);
  }
  for (const list of out.values())
    for (let i = 0; i < list.length; i++)
      list[i] = (list[i] as string).replace(PADDED, ") =").replace(CUT, UNFINISHED);
  return out;
}

const read = (p: string): string => {
  try {
    return readFileSync(p, "utf8");
  } catch {
    return "";
  }
};

/** Records one case, replays it as text and as JSON, validates and renders the JSON back. */
export async function jsonCase(c: ConformanceCase): Promise<JsonResult> {
  await init();
  mkdirSync(OUT, { recursive: true });
  const rec = join(OUT, "case.tsr");
  const textPath = join(OUT, "replay.txt");
  const jsonPath = join(OUT, "replay.jsonl");
  for (const p of [rec, textPath, jsonPath]) rmSync(p, { force: true });
  const options = c.options ?? [];
  runTracer([tstraceBin(), "-o", join(OUT, "live.txt"), `--record=${rec}`, ...options, ...c.command]);
  const replay = outputOptions(options);
  runTracer([tstraceBin(), "-o", textPath, `--replay=${rec}`, ...replay]);
  runTracer([tstraceBin(), "-o", jsonPath, `--replay=${rec}`, "--json", ...replay]);
  const cli = parseArgs(["-o", textPath, `--replay=${rec}`, ...replay]);
  const renderer = new TextRenderer(decoderOptions(cli));
  const prefix = cli.follow || cli.pids.length > 1 ? "plain" : "none";
  const check = validate();
  const events: JsonEvent[] = [];
  let invalid = 0;
  let firstInvalid: [string, string] | undefined;
  for (const line of read(jsonPath).split("\n")) {
    if (line === "") continue;
    let event: unknown;
    try {
      event = JSON.parse(line);
    } catch (err) {
      event = undefined;
      firstInvalid ??= [line, (err as Error).message];
    }
    if (event === undefined || !check(event)) {
      invalid++;
      firstInvalid ??= [line, JSON.stringify(check.errors)];
      continue;
    }
    events.push(event as JsonEvent);
  }
  const base = { name: c.name, events: events.length, invalid };
  if (firstInvalid) return { ...base, identical: false, firstDiff: firstInvalid };
  // -c prints a table, --json one summary object: nothing to render back.
  if (cli.summary === "only") return { ...base, identical: true };
  const text = read(textPath)
    .split("\n")
    .filter((l) => l !== "" && !DUMP.test(l));
  const rendered = events
    // strace's own messages go to stderr, not into the -o text.
    .filter((e) => e.type !== "message")
    .map((e) => renderer.render(e, prefix))
    .join("")
    .split("\n")
    .filter((l) => l !== "");
  let a = text;
  let b = rendered;
  if (prefix !== "none") {
    const mask = cli.relTimestamps !== undefined;
    const ta = byProcess(text, mask);
    const tb = byProcess(rendered, mask);
    const pids = [...new Set([...ta.keys(), ...tb.keys()])];
    a = pids.flatMap((p) => ta.get(p) ?? []);
    b = pids.flatMap((p) => tb.get(p) ?? []);
  }
  const at = a.findIndex((l, i) => l !== b[i]);
  const i = at === -1 && a.length === b.length ? -1 : at === -1 ? a.length : at;
  if (i === -1) return { ...base, identical: true };
  return { ...base, identical: false, firstDiff: [a[i] ?? "(end)", b[i] ?? "(end)"] };
}

/** The report `pnpm conformance --json` prints. */
export function formatJsonReport(results: readonly JsonResult[]): string {
  const width = Math.max(...results.map((r) => r.name.length), 7);
  const rows = results.map((r) => {
    let row = `${r.name.padEnd(width)}  ${r.identical ? "identical" : "DIFFERS"}  ${r.events} events`;
    if (r.invalid > 0) row += `  ${r.invalid} invalid`;
    if (r.firstDiff) row += `\n    text: ${r.firstDiff[0]}\n    json: ${r.firstDiff[1]}`;
    return row;
  });
  const same = results.filter((r) => r.identical).length;
  const events = results.reduce((n, r) => n + r.events, 0);
  const invalid = results.reduce((n, r) => n + r.invalid, 0);
  rows.push(
    `json: ${same}/${results.length} cases render back to their text; ${events} events, ${invalid} not schema-valid`,
  );
  return `${rows.join("\n")}\n`;
}
