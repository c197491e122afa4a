/**
 * -t/--timestamps, -r and -T columns differ run to run: their digits are hidden, their shape is
 * kept (`HH:MM:SS.fff`, `EPOCH.ffffff`, `(+     N.fff)`, `<N.fffffffff>`), so a wrong
 * precision, format or order still fails. Masked columns are fenced with {@link FENCE} while the
 * other rules run, so those anchored after the pid prefix or at the end of a line can step over
 * them; {@link unfence} removes the fences at the end.
 */

export const FENCE = "\u2060";

/** The pid prefix strace writes before the time columns: `[pid N] ` or -o's `N     `. */
const PID_PREFIX = String.raw`(?:\[pid +\d+\] |\d{1,7} +)`;
/** Time of day or seconds since the epoch (10 digits: a pid has at most 7), then a fraction. */
const ABSOLUTE = String.raw`(?:\d\d:\d\d:\d\d|\d{10})(?:\.\d+)?`;
/** -r: `%6ld[.frac]`, inside `(+…)` after an absolute stamp. */
const RELATIVE = String.raw`(?:\(\+ *\d+(?:\.\d+)?\)| *\d+(?:\.\d+)?)`;
const COLUMNS = new RegExp(String.raw`^(${PID_PREFIX}?)(${ABSOLUTE} (?:${RELATIVE} )?|(${RELATIVE}) )(?=\S)`);
/** -T's ` <secs[.frac]>` ends a syscall line. */
const SYSCALL_TIME = / <(\d+)(\.\d+)?>$/;

/**
 * `14:03:16.681` → `HH:MM:SS.fff`, `1795442597.0170` → `EPOCH.ffff`, -r's `     0.000631` →
 * `     N.ffffff` (its padding kept: strace pads whole seconds to 6 columns).
 */
function maskColumns(columns: string): string {
  return columns
    .replace(/^\d\d:\d\d:\d\d/, "HH:MM:SS")
    .replace(/^\d{10}/, "EPOCH")
    .replace(/\.(\d+)/g, (_m, frac: string) => `.${"f".repeat(frac.length)}`)
    .replace(/( *)(\d+)/g, (m) => "N".padStart(m.length));
}

/** The line with its time columns masked and fenced; a line without any is returned as is. */
export function maskTiming(line: string): string {
  const out = line.replace(COLUMNS, (m, prefix: string, columns: string, relativeAlone?: string) =>
    // -r alone pads its seconds to 6 columns: -c's `%9u name` rows are no time.
    relativeAlone !== undefined && relativeAlone.replace(/\..*/, "").length !== 6
      ? m
      : `${prefix}${FENCE}${maskColumns(columns)}${FENCE}`,
  );
  return out.replace(
    SYSCALL_TIME,
    (_m, _whole: string, frac: string | undefined) =>
      ` ${FENCE}<N${frac ? `.${"f".repeat(frac.length - 1)}` : ""}>${FENCE}`,
  );
}

/** A regex fragment for the fenced columns after the pid prefix, if any. */
export const FENCED_COLUMNS = `(?:${FENCE}[^${FENCE}]*${FENCE})?`;
/** A regex fragment for a fenced -T suffix at the end of a line, if any. */
export const FENCED_SUFFIX = `(?: ${FENCE}<[^${FENCE}]*>${FENCE})?`;

export function unfence(line: string): string {
  return line.includes(FENCE) ? line.replaceAll(FENCE, "") : line;
}
