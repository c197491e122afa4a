import { OPTION_TABLE, type OptionRow } from "./option-table.js";
import { UsageError } from "./usage-error.js";

/** What the command line asked for. */
export interface CliOptions {
  /** -o FILE: trace output file; undefined means stderr. */
  readonly output: string | undefined;
  /** -s N: maximum string size printed. */
  readonly strsize: number;
  /** -a N: column the return value is aligned to. */
  readonly columns: number;
  /** -x count: 0, 1 (-x) or 2 (-xx). */
  readonly hex: 0 | 1 | 2;
  /** -f: follow forks. */
  readonly follow: boolean;
  /** -q count. */
  readonly quiet: number;
  /** -h */
  readonly help: boolean;
  /** -V */
  readonly version: boolean;
  /** The command and its arguments. */
  readonly command: readonly string[];
}

interface ParsedOption {
  readonly row: OptionRow;
  readonly value: string | undefined;
}

const byShort = new Map(OPTION_TABLE.filter((r) => r.short).map((r) => [r.short as string, r]));
const byLong = new Map(OPTION_TABLE.filter((r) => r.long).map((r) => [r.long as string, r]));

/**
 * getopt_long with strace's "+" mode: options stop at the first non-option (the command), so
 * `tstrace ls -l` passes `-l` to ls. A lone `--` ends options too; pnpm passes one through, hence
 * a leading `--` is simply that terminator.
 */
function* scanOptions(argv: readonly string[]): Generator<ParsedOption, readonly string[]> {
  let i = 0;
  while (i < argv.length) {
    const word = argv[i] as string;
    if (word === "--") return argv.slice(i + 1);
    if (!word.startsWith("-") || word === "-") return argv.slice(i);
    i++;
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const name = word.slice(2, eq < 0 ? undefined : eq);
      const row = byLong.get(name);
      if (!row) throw new UsageError(`unrecognized option '${word}'`);
      let value: string | undefined = eq < 0 ? undefined : word.slice(eq + 1);
      if (row.arg === "none" && value !== undefined) {
        throw new UsageError(`option '--${name}' doesn't allow an argument`);
      }
      if (row.arg === "required" && value === undefined) {
        if (i >= argv.length) throw new UsageError(`option '--${name}' requires an argument`);
        value = argv[i++];
      }
      yield { row, value };
      continue;
    }
    for (let j = 1; j < word.length; j++) {
      const letter = word[j] as string;
      const row = byShort.get(letter);
      if (!row) throw new UsageError(`invalid option -- '${letter}'`);
      if (row.arg === "required") {
        let value = word.slice(j + 1);
        if (value === "") {
          if (i >= argv.length) throw new UsageError(`option requires an argument -- '${letter}'`);
          value = argv[i++] as string;
        }
        yield { row, value };
        break;
      }
      yield { row, value: undefined };
    }
  }
  return [];
}

/** strace's string_to_uint_upto: a decimal in range, else "invalid -X argument: 'v'". */
function parseUint(letter: string, value: string, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) > max) {
    throw new UsageError(`invalid -${letter} argument: '${value}'`);
  }
  return Number(value);
}

/** Parses tstrace's argv (without `node` and the script). Throws {@link UsageError}. */
export function parseArgs(argv: readonly string[]): CliOptions {
  let output: string | undefined;
  let strsize = 32;
  let columns = 40;
  let hex = 0;
  let follow = false;
  let quiet = 0;
  let help = false;
  let version = false;
  const scanner = scanOptions(argv);
  let step = scanner.next();
  while (!step.done) {
    const { row, value } = step.value;
    switch (row.key) {
      case "output":
        output = value;
        break;
      case "strsize":
        strsize = parseUint("s", value ?? "", 0x7fffffff);
        break;
      case "columns":
        columns = parseUint("a", value ?? "", 0x7fffffff);
        break;
      case "hex":
        hex = Math.min(hex + 1, 2);
        break;
      case "follow":
        follow = true;
        break;
      case "quiet":
        quiet++;
        break;
      case "help":
        help = true;
        break;
      case "version":
        version = true;
        break;
    }
    step = scanner.next();
  }
  const command = step.value;
  if (!help && !version && command.length === 0) {
    throw new UsageError("must have PROG [ARGS] or -p PID");
  }
  return { output, strsize, columns, hex: hex as 0 | 1 | 2, follow, quiet, help, version, command };
}
