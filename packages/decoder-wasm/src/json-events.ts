/**
 * The objects of `--json` (JSON Lines), as TypeScript types. `event.schema.json` is their JSON
 * Schema; a test validates the conformance corpus against it. Integers follow one rule: a JSON
 * number when |v| ≤ 2^53, else a string of its decimal digits ({@link JsonInt}).
 */

/** An integer: a number when |v| ≤ 2^53 (exact in every JSON reader), else its decimal digits. */
export type JsonInt = number | string;

/** A value as strace prints it, typed. */
export type JsonValue =
  | JsonInt
  | null
  | readonly JsonValue[]
  | JsonLeaf
  | { readonly [field: string]: JsonValue | true };

/** A typed leaf; `text` is strace's own rendering where the type alone does not give it. */
export type JsonLeaf =
  | {
      readonly type: "str";
      /** The bytes shown (up to -s), as UTF-8; a byte that is not UTF-8 shows as U+FFFD. */
      readonly value: string;
      /** The exact bytes in hex, present when `value` replaced a byte. */
      readonly bytes?: string;
      /** More bytes followed than -s let through (strace's `...`). */
      readonly truncated?: true;
      /** Printed all in `\x` escapes (-x/-xx). */
      readonly hex?: true;
      /** Non-printable bytes as `\x` (--strings-in-hex=non-ascii-chars). */
      readonly xesc?: true;
    }
  | {
      readonly type: "flags";
      readonly names: readonly string[];
      readonly value: JsonInt;
      readonly text: string;
    }
  | {
      readonly type: "const" | "signal";
      readonly name: string | null;
      readonly value: JsonInt;
      readonly text: string;
    }
  | {
      readonly type: "sigset";
      readonly negated: boolean;
      readonly signals: readonly string[];
      readonly text: string;
    }
  | {
      readonly type: "fd";
      readonly fd: JsonInt;
      /** What -y printed for it (a path, `pipe:[…]`, …). */
      readonly path?: string;
      /** -yy: the device (`char 1:3`). */
      readonly device?: string;
      /** -yy: socket or pidfd details (`TCP:[…]`). */
      readonly detail?: string;
      readonly text: string;
    }
  | { readonly type: "hex" | "oct"; readonly value: JsonInt }
  | { readonly type: "name"; readonly name: string }
  /** An argument strace prints with its name, clone's `child_stack=NULL`. */
  | { readonly type: "named"; readonly name: string; readonly value: JsonValue }
  | { readonly type: "call"; readonly name: string; readonly args: readonly JsonValue[] }
  | { readonly type: "more" }
  | { readonly type: "comment"; readonly text: string }
  | { readonly type: "annotated"; readonly value: JsonValue; readonly comment: string }
  | { readonly type: "changed"; readonly before: JsonValue; readonly after: JsonValue }
  | { readonly type: "text"; readonly text: string };

/** Fields every event has. */
export interface JsonEventBase {
  readonly pid: number;
  /** A syscall's number; on other events (with -n) the number of the process's last one. */
  readonly nr?: number;
  /** --decode-pids=comm: the thread's name. */
  readonly comm?: string;
  /** -i: the instruction pointer, 16 hex digits (null where strace prints `????????????????`). */
  readonly ip?: string | null;
  /** Seconds since the epoch, nanosecond digits (a double in most readers). */
  readonly ts: number;
  /** Nanoseconds since the epoch, exact (a string by the integer rule). */
  readonly ts_ns: JsonInt;
  /** Nanoseconds since the trace's first event. */
  readonly rel_ns: JsonInt;
}

/** A system call, entry and exit in one object (strace's `<unfinished ...>` pairs joined). */
export interface JsonSyscallEvent extends JsonEventBase {
  readonly type: "syscall";
  readonly nr: number;
  readonly name: string;
  readonly args: readonly JsonValue[];
  /** The arguments text ended with its separator (a call cut short: `read(3, `). */
  readonly args_open?: true;
  /**
   * The return value; null where strace prints `?`. Absent for a call cut by detaching or by the
   * end of the trace (then `unfinished`).
   */
  readonly ret?: JsonValue;
  readonly errno?: string;
  readonly error?: string;
  /** What strace prints after the return value (`(flags O_RDWR)`, poll's `([{fd=3, …}])`). */
  readonly note?: string;
  /** The call did not return: the process died (`ret` null) or the trace ended (no `ret`). */
  readonly unfinished?: true;
  readonly detached?: true;
  /** The exit of a call whose entry was not traced (attached mid-call). */
  readonly resumed?: true;
  /** The result was injected (`-e inject=…:error=`/`retval=`, `-e fault=`). */
  readonly injected?: true;
  /** Argument memory was written (`-e inject=…:poke_enter=`/`poke_exit=`): strace's `(INJECTED: args)`. */
  readonly injected_args?: true;
  readonly delayed?: true;
  /** Time spent in the call (what -T prints). */
  readonly dur_ns?: JsonInt;
}

export interface JsonSignalEvent extends JsonEventBase {
  readonly type: "signal";
  readonly signal: string;
  readonly siginfo: JsonValue;
}

export interface JsonStoppedEvent extends JsonEventBase {
  /** `stopped`: a group-stop (`--- stopped by SIGSTOP ---`); `exit_stopped`: a wait status. */
  readonly type: "stopped" | "exit_stopped";
  readonly signal: string;
}

export interface JsonExitedEvent extends JsonEventBase {
  readonly type: "exited";
  readonly code: number;
}

export interface JsonKilledEvent extends JsonEventBase {
  readonly type: "killed";
  readonly signal: string;
  readonly core_dumped?: true;
}

export interface JsonSupersededEvent extends JsonEventBase {
  readonly type: "superseded";
  /** The thread whose execve took over this pid. */
  readonly former: number;
}

/** A traced process announced (`Process N attached`); the CLI's -p notices carry no time. */
export interface JsonProcessNotice extends Partial<JsonEventBase> {
  readonly type: "attached" | "detached";
  readonly pid: number;
  /** -p with -f: how many threads were attached. */
  readonly threads?: number;
}

/** A message of the tracer's own (`exec: No such file or directory`). */
export interface JsonMessageEvent {
  readonly type: "message";
  readonly text: string;
}

/** Statistics of one syscall in the -c summary. */
export interface JsonSummaryRow {
  readonly name: string;
  readonly nr?: number;
  readonly calls: number;
  readonly errors: number;
  readonly total_ns: number;
  readonly min_ns: number;
  readonly max_ns: number;
  readonly avg_ns: number;
  readonly time_percent: number;
}

/** -c / -C: the whole summary, one object. */
export interface JsonSummaryEvent {
  readonly type: "summary";
  readonly syscalls: readonly JsonSummaryRow[];
  readonly total: JsonSummaryRow;
}

/** One line of `--json` output. */
export type JsonEvent =
  | JsonSyscallEvent
  | JsonSignalEvent
  | JsonStoppedEvent
  | JsonExitedEvent
  | JsonKilledEvent
  | JsonSupersededEvent
  | JsonProcessNotice
  | JsonMessageEvent
  | JsonSummaryEvent;
