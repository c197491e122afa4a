/**
 * The decoder's options for a parsed command line: shared by the bin (main.ts) and the library
 * entry (session.ts), so neither imports the other.
 */
import type { DecoderOptions } from "@tstrace/decoder-wasm";
import type { CliOptions } from "./args.js";
import { interfaceNames } from "./interface-names.js";

const PROGRAM = "tstrace";

/** The decoder options for the command line; `notices`: announce followed processes on stderr. */
export function decoderOptions(o: CliOptions, notices = false): DecoderOptions {
  return {
    strsize: o.strsize,
    acolumn: o.columns,
    hex: o.hex,
    // strace's print_pid_pfx: -f, or more than one process from the start (-p's and the command).
    pidPrefix:
      o.follow || o.pids.length + (o.command.length > 0 ? 1 : 0) > 1
        ? o.output === undefined
          ? "bracket"
          : "plain"
        : "none",
    syscallNumbers: o.syscallNumber,
    instructionPointer: o.instructionPointer,
    ...(o.absTimestamps ? { timestamps: o.absTimestamps } : {}),
    ...(o.relTimestamps ? { relativeTimestamps: o.relTimestamps } : {}),
    ...(o.syscallTimes ? { syscallTimes: o.syscallTimes } : {}),
    verbose: o.verbose,
    ...syscallStyles(o),
    decodeFds: o.fdDetails,
    ...(o.qualifiers.decodePids.size > 0 ? { decodePids: [...o.qualifiers.decodePids] } : {}),
    // strace announces each followed process on stderr when the trace itself goes there.
    ...(notices && o.output === undefined && !o.qualifiers.quiet.has("attach")
      ? { attachNotice: `${PROGRAM}: ` }
      : {}),
    quietExit: o.qualifiers.quiet.has("exit"),
    quietSuperseded: o.qualifiers.quiet.has("thread-execve") || o.qualifiers.quiet.has("superseded"),
    ...(o.constStyle ? { constStyle: o.constStyle } : {}),
    ...(o.qualifiers.status ? { status: [...o.qualifiers.status] } : {}),
    // The decoder applies trace= and signal= itself, so it still sees every stop it needs for
    // -n's numbers on +++ lines and for strace's "+++ killed by" hiding.
    ...(o.qualifiers.trace ? { syscalls: o.qualifiers.trace } : {}),
    ...(o.qualifiers.signal ? { signals: o.qualifiers.signal } : {}),
    ...(o.qualifiers.read ? { readDumps: o.qualifiers.read } : {}),
    ...(o.qualifiers.write ? { writeDumps: o.qualifiers.write } : {}),
    interfaceNames: interfaceNames(),
    ...(o.json ? { json: true } : {}),
  };
}

/** -e raw= / abbrev= / verbose= as the decoder takes them: the syscalls that print differently. */
function syscallStyles(o: CliOptions): Partial<DecoderOptions> {
  const { raw, abbrev, verbose } = o.qualifiers;
  const others = (set: ReadonlySet<number>): number[] =>
    o.arch.syscalls.map((s) => s.nr).filter((nr) => !set.has(nr));
  return {
    ...(raw && raw.size > 0 ? { rawSyscalls: raw } : {}),
    ...(abbrev && abbrev.size > 0 ? { unabbreviatedSyscalls: others(abbrev) } : {}),
    ...(verbose ? { addressOnlySyscalls: others(verbose) } : {}),
  };
}
