/**
 * The tstrace record format, version 1: the bytes the native tracer hands to JS and the on-disk
 * format of a recording. Every multi-byte field is little-endian. This file is the one source:
 * `scripts/gen-contracts.mjs` generates the native side's constants
 * (`packages/native/src/core/record_format_gen.h`) and the decoder's
 * (`packages/decoder-wasm/assembly/record.ts`) from it, and test/contracts.test.ts regenerates
 * them byte for byte. Prose: `apps/docs/content/record-format.md`.
 */

/** Bumped on any incompatible change; a recording starts with a FILE_HEADER record carrying it. */
export const RECORD_FORMAT_VERSION = 1;

/** Every record starts with this header; `size` includes it and is a multiple of 8. */
export const RecordHeader = {
  /** u32: bytes in this record, header included, padded to 8. */
  size: 0,
  /** u16: one of {@link RecordType}. */
  type: 4,
  /** u16: type-specific flags. */
  flags: 6,
  /** u32: thread id the event belongs to. */
  pid: 8,
  /** u32: reserved, zero. */
  reserved: 12,
  /** u64: CLOCK_REALTIME nanoseconds, taken by the tracer thread at the stop. */
  timeNs: 16,
  /** Header length in bytes. */
  length: 24,
} as const;

/** Record types. */
export const RecordType = {
  /** First record of a recording file, after its magic: u32 version, u32 audit arch, then what was captured (recording.ts). */
  FILE_HEADER: 0,
  /** Syscall entry stop. Body: {@link SyscallEnterBody}, then captures. */
  SYSCALL_ENTER: 1,
  /** Syscall exit stop. Body: {@link SyscallExitBody}, then captures. */
  SYSCALL_EXIT: 2,
  /** Signal-delivery stop. Body: {@link SignalBody} (u32 signo, u32 flags, 128 bytes of siginfo_t, the ip), then captures. */
  SIGNAL: 3,
  /** The thread exited or was killed. Body: i32 raw wait(2) status, u32 last syscall number + 1 (0: none seen). */
  EXIT: 4,
  /** PTRACE_EVENT_EXEC. Body: u32 former thread id (differs when a non-leader execs), u32 zero. */
  EXEC: 5,
  /** A new traced process or thread. Body: u32 new pid, u32 clone flags kind (0 fork, 1 vfork, 2 clone). */
  NEW_PROCESS: 6,
  /** Tracer attached to a running thread (-p). Body: u32 the pid asked for (this thread's process), u32 zero. */
  ATTACHED: 7,
  /** Tracer detached from a thread. Body: none. */
  DETACHED: 8,
  /** Group-stop (SIGSTOP and friends). Body: {@link GroupStopBody}. */
  GROUP_STOP: 9,
  /** A message from the tracer for the user (UTF-8 body, e.g. "exec: No such file or directory"); flags: 1 = fatal. */
  MESSAGE: 10,
  /**
   * The thread's command name, read from /proc/PID/comm when it became a tracee and after each
   * exec (--decode-pids=comm): UTF-8 body, at most 16 bytes.
   */
  COMM: 11,
  /**
   * A stack sample for `-k` (body: {@link StackBody}): the registers and a copy of the stack from
   * the stack pointer, taken where strace unwinds (a syscall's exit, or its entry for the calls
   * that replace or end the program, a signal's delivery). The unwinder turns it into frames.
   */
  STACK: 12,
  /** The thread's /proc/PID/maps text (UTF-8 body) for `-k`: written before a STACK record when the mappings may have changed. */
  MAPS: 13,
  /**
   * Frames ready to print: what the unwinder makes of a STACK record for the decoder. Body: u32
   * text length, u32 zero, then UTF-8 text, one ` > …` line each, newline-terminated. Never
   * written by the tracer nor into recordings. Flags: {@link StackFlags}.
   */
  FRAMES: 14,
  /**
   * PTRACE_EVENT_EXIT: the thread is exiting (its exit syscall, a fatal signal, or a sibling's
   * execve or exit_group). Body: two u32 zeros. A call it was in ends here with `= ?`, when strace's does:
   * a leader's exit(2) line stays whole even though the leader is reaped only after its threads.
   */
  EXITING: 15,
} as const;
/** A record type code: one of the {@link RecordType} values. */
export type RecordType = (typeof RecordType)[keyof typeof RecordType];

/** Bits in a STACK (and FRAMES) record's header flags. */
export const StackFlags = {
  /** Taken at a syscall's entry (execve, exit): printed after that call's line ends, or after the thread's `+++` line. */
  AT_ENTRY: 1,
} as const;

/**
 * Offsets inside a STACK body. The registers are the architecture's ptrace user_regs_struct
 * (x86_64: 27 × u64, rip at 128, rsp at 152); the stack bytes were read from `sp` up.
 */
export const StackBody = {
  /** u32: AUDIT_ARCH_* of the registers. */
  arch: 0,
  /** u32: bytes of registers that follow the fixed part. */
  regsLength: 4,
  /** u64: the address the stack copy starts at (the stack pointer). */
  sp: 8,
  /** u32: bytes of stack copied (after the registers, padded to 8). */
  stackLength: 16,
  /** u32: zero. */
  reserved: 20,
  /** Fixed part length; the registers, then the stack bytes, follow. */
  length: 24,
} as const;

/**
 * The stack plan native reads for `-k` (core's compileStackPlan): u32 words. Then `words` u32
 * of a syscall bitmap captured at entry, then `words` of a bitmap of calls that change mappings.
 */
export const StackPlan = {
  /** Most stack bytes copied per sample. */
  bytes: 0,
  /** u32 words in each bitmap. */
  words: 1,
  /** Fixed part, in words. */
  length: 2,
} as const;

/** Offsets inside a SIGNAL body. */
export const SignalBody = {
  /** u32: the signal number. */
  signo: 0,
  /** u32: {@link SignalFlags} bits. */
  flags: 4,
  /** 128 bytes: the siginfo_t PTRACE_GETSIGINFO gave. */
  siginfo: 8,
  /**
   * u64, only when flags has {@link SignalFlags.IP}: the instruction pointer at the stop (what
   * -i prints on the `--- SIG… ---` line); the captures then start after it.
   */
  ip: 136,
  /** Body length in bytes without the ip. */
  length: 136,
} as const;

/** Offsets inside a GROUP_STOP body. */
export const GroupStopBody = {
  /** u32: the stopping signal's number. */
  signo: 0,
  /** u32: {@link SignalFlags} bits. */
  flags: 4,
  /** u64, only when flags has {@link SignalFlags.IP}: the instruction pointer at the stop (-i). */
  ip: 8,
  /** Body length in bytes without the ip. */
  length: 8,
} as const;

/** Bits in a SIGNAL or GROUP_STOP body's flags word. */
export const SignalFlags = {
  /**
   * The body holds the instruction pointer at {@link SignalBody.ip} ({@link GroupStopBody.ip}).
   * Recordings made before it have none: a decoder shows the thread's last syscall's there,
   * where it usually is.
   */
  IP: 1,
} as const;

/** How a NEW_PROCESS record's child came to be (its body's second u32). */
export const NewProcessHow = { FORK: 0, VFORK: 1, CLONE: 2 } as const;

/** Bits in a MESSAGE record's header flags. */
export const MessageFlags = {
  /** The tracer gives up after this message (strace's error_msg_and_die). */
  FATAL: 1,
  /** Not shown with --quiet=exit (-qq): strace's "Exit of unknown pid N ignored". */
  QUIET_EXIT: 2,
  /** Not shown with --quiet=attach (-q): strace's "Detached unknown pid N". */
  QUIET_ATTACH: 4,
} as const;

/** Offsets inside a SYSCALL_ENTER body (relative to the end of the header). */
export const SyscallEnterBody = {
  /** u32: AUDIT_ARCH_* of the tracee at this stop (e.g. 0xc000003e for x86_64). */
  arch: 0,
  /** u32: syscall number. */
  nr: 4,
  /** 6 × u64: raw argument registers. */
  args: 8,
  /** u64: instruction pointer (for -i). */
  ip: 56,
  /** u64: stack pointer. */
  sp: 64,
  /** u32: number of captures that follow the body. */
  captureCount: 72,
  /** u32: zero. */
  reserved: 76,
  /** Body length in bytes; captures start here. */
  length: 80,
} as const;

/** Bits in a SYSCALL_EXIT record's header flags. */
export const SyscallExitFlags = {
  /** The result was injected (`-e inject=`/`-e fault=`): strace prints ` (INJECTED)` after it. */
  INJECTED: 1,
  /** The call was delayed (`delay_enter=`/`delay_exit=`): strace prints ` (DELAYED)`. */
  DELAYED: 2,
  /**
   * An argument's memory was written (`poke_enter=`/`poke_exit=`): strace prints ` (INJECTED: args)`,
   * or ` (INJECTED: args, retval)` with INJECTED (instead of ` (INJECTED)`).
   */
  POKED: 4,
} as const;

/** Offsets inside a SYSCALL_EXIT body. */
export const SyscallExitBody = {
  /** u32: AUDIT_ARCH_* */
  arch: 0,
  /** u32: syscall number, remembered by the tracer from the matching entry. */
  nr: 4,
  /** i64: return value as the kernel reports it (negative errno when isError). */
  rval: 8,
  /** u32: 1 when the syscall failed. */
  isError: 16,
  /** u32: number of captures that follow the body. */
  captureCount: 20,
  /** Body length in bytes; captures start here. */
  length: 24,
} as const;

/**
 * A capture is argument memory read while the tracee was stopped. Layout: u8 arg index, u8
 * {@link CaptureKind}, u16 {@link CaptureStatus}, u32 data length, data padded to 8.
 */
export const CaptureHeader = {
  arg: 0,
  kind: 1,
  status: 2,
  length: 4,
  /** Header length in bytes; data follows. */
  size: 8,
} as const;

/** What the native side reads for one argument; also used in the capture plan. */
export const CaptureKind = {
  /** NUL-terminated string at args[arg], at most `max` bytes (data excludes the NUL). */
  CSTRING: 1,
  /**
   * Bytes at args[arg], length args[lenArg] plus `size` header bytes before the counted ones
   * (msgsnd's mtype before its mtext; usually 0), at most `max`.
   */
  BUFFER_ARG_LEN: 2,
  /** Bytes at args[arg], length = return value (exit only, success only), at most `max`. */
  BUFFER_RET_LEN: 3,
  /** A struct of exactly `size` bytes at args[arg]. */
  STRUCT: 4,
  /**
   * NULL-terminated array of char* at args[arg] (argv). Data: u32 total pointers seen (scan capped at
   * 65536), u32 strings captured (at most `count`), then per string: u32 status, u32 length, bytes
   * padded to 4. `count` 0 captures only the total (envp: "/* N vars *\/"). A string that could
   * not be read whole (status FAULT or PARTIAL) holds its 8-byte pointer instead (strace prints the
   * address). Status PARTIAL: the array itself became unreadable before a NULL (strace's
   * `... /* ADDR *\/`, envp's "unterminated"); `total` pointers were read.
   */
  STRING_ARRAY: 5,
  /**
   * iovec array at args[arg] with args[lenArg] entries. Data: u32 entries read, u32 zero, then per
   * entry: u64 base, u64 len, u32 status, u32 captured length, bytes padded to 8. Total captured data
   * is at most `max` bytes (at exit also at most the return value). Status PARTIAL: the array
   * became unreadable after the entries read (strace's `... /* ADDR *\/`). An entry's status
   * PARTIAL: its buffer became unreadable after the captured bytes.
   */
  IOVEC: 6,
  /** args[lenArg] elements of `size` bytes each at args[arg], at most `max` bytes in all. */
  ARRAY: 7,
  /**
   * `size` bytes at the stack pointer plus `lenArg`, which for this kind is a byte offset (at most
   * {@link STACK_OFFSET_MAX}), not an argument; `arg` only labels the capture. rt_sigreturn's
   * signal mask lives there, in the signal frame the kernel built.
   */
  STACK: 8,
  /**
   * What the fd in args[arg] (or, for arg {@link FD_RETURN_ARG} at exit, the return value) names,
   * read from /proc/<tid>/fd while the tracee is stopped (strace's -y/-yy). `size` holds
   * {@link FdDecode} bits. Data: u32 {@link FdPathForm}, u32 path length, the path (readlink
   * text, unquoted), then the form's detail text to the end. FAULT: the fd names nothing.
   */
  FD_PATH: 9,
  /**
   * {@link FD_PATH} for each fd in an array at args[arg] (pipe's int[2], poll's pollfd array):
   * elements are `(size >> 8) & 0xfff` bytes apart, the first fd (an int) `size >> 20` bytes in;
   * `lenArg` holds their count, or is {@link NO_LEN_ARG_FD_PAIR} for a pair or
   * {@link NO_LEN_ARG_FD_ONE} for one fd (an int holding an fd); at most `max` elements. A struct's
   * fd field is {@link FD_FIELD_LEN_ARG}'s form.
   * `size & 0xff` holds {@link FdDecode} bits. Data: u32 elements, u32 zero, then per element: i32 fd, u32 status
   * (0 named, 1 not), u32 {@link FdPathForm}, u32 path length, u32 detail length, the path, the
   * detail, padded to 4.
   */
  FD_PATHS: 10,
  /** An fd_set at args[arg] holding args[lenArg] bits: that many bits rounded up to longs, at most `max` bytes. */
  FDSET: 11,
  /**
   * A struct msghdr (64-bit layout) at args[arg] and its pointees. Data: the 56-byte msghdr; u32
   * status, u32 length, then msg_name's bytes (at most 128) padded to 8; u32 status, u32 0, then
   * msg_iov as an IOVEC capture's data (data capped at `max`, at exit also at rval); u32 status,
   * u32 length, then msg_control's bytes (at most net.core.optmem_max, as strace; {@link
   * MSG_CONTROL_MAX} when that cannot be read; never more than {@link MSG_CONTROL_CEILING}) padded to 8.
   */
  MSGHDR: 12,
  /**
   * A struct of `size` bytes at args[arg] whose first field is a pointer (pselect6's {sigmask,
   * size}). Data: the struct padded to 8, then u32 status, u32 length and the `max` bytes the
   * pointer points at (length 0 when it is NULL or unreadable).
   */
  INDIRECT: 13,
  /**
   * args[lenArg] struct mmsghdr entries (at most 1024) at args[arg]. Data: u32 entries read, u32 0,
   * then per entry: u32 length of what follows, u32 msg_len, an {@link CaptureKind.MSGHDR}
   * capture's data. Each entry's iovec data is capped at `max`, and at exit when `size` is 1 also
   * at its msg_len (recvmmsg).
   */
  MMSGHDR: 14,
  /**
   * {@link STRUCT} of `max` bytes at args[arg], written only when the low 32 bits of args[lenArg]
   * equal `size` (ioctl's request, prctl's option choose the shape); otherwise no capture.
   */
  STRUCT_IF: 15,
  /**
   * What a pointer inside the struct at args[arg] points at (sock_fprog's filter, clone_args'
   * pidfd and set_tid): the spec's `lenArg` packs the pointer's byte offset (bits 0–7), a count
   * field's offset (8–15) and size in bytes (16–19: 0 for none, 2, 4 or 8), a selector argument
   * (20–23, {@link POINTEE_NO_SELECTOR} for none) and the element size (24–31); `size` holds the
   * selector's value (read only when the low 32 bits of that argument equal it, as
   * {@link STRUCT_IF}). It reads count × element size bytes (without a count field: `max`), at
   * most `max`. Data: u32 the pointer's offset, u32 bytes wanted, u64 the pointer, then the
   * readable prefix of what it points at (PARTIAL when shorter than wanted: NULL or an unmapped
   * page). FAULT (no data) when the pointer itself is unreadable.
   */
  POINTEE: 16,
  /**
   * v4l2: what a pointer inside each element of the array the {@link POINTEE} capture just before
   * it (same argument, same stop) read points at (VIDIOC_S_EXT_CTRLS' control strings). `lenArg`
   * packs, as POINTEE's, the pointer's offset in the element, a byte-count field's offset and size
   * (no count: `max` bytes) and the selector; `size` the selector's value; `max` the most bytes
   * read per element. Data: u32 elements, u32 0, then per element the preceding capture held
   * whole: u64 the pointer, u32 bytes wanted, u32 bytes read, those bytes padded to 4. Each
   * element's pointer is read again from the tracee at this stop. (39: apart from the kinds that
   * grow from 16, which other families take.)
   */
  POINTEE_EACH: 39,
  /**
   * A pid value the tracee passed or got (args[arg]; the return value for arg
   * {@link FD_RETURN_ARG} at exit; or, when the spec names a memory offset, the i32 at args[arg]
   * plus that offset), resolved while the tracee is stopped for --decode-pids: its id in the
   * tracer's PID namespace (from /proc/PID/status NS* lines) and its thread's comm. Written
   * only when the spec's selector (if any) matches. Data: {@link PidCaptureBody}, then the comm.
   * FAULT: the memory could not be read. (40: kept apart from the other kinds, which grow from 16.)
   */
  PID: 40,
} as const;
/**
 * uring: an {@link CaptureKind.ARRAY} spec whose `lenArg` carries this bit reads an array of
 * pointers (io_submit's iocb pointers): args[lenArg & 0xff] of them (at most 1024), each to a
 * struct of `size & 0xffff` bytes holding a pointer and a count (their byte offsets at the
 * {@link ArrayPointersWord} shifts of `lenArg`); of what that pointer points at, count ×
 * `size >> 16` bytes are read, at most `max`. Data: u32 pointers read, u32 zero, then per
 * pointer: u64 the pointer, u32 status (OK, or FAULT when the struct is unreadable), u32 the
 * struct's length, the struct padded to 8, and when it was read: u64 its pointer, u64 its count,
 * u32 status, u32 captured length, the readable prefix padded to 8. PARTIAL: the pointer array
 * became unreadable after the pointers read (strace's `... /* ADDR *\/`).
 */
export const ARRAY_POINTERS = 0x100;
/** Where an {@link ARRAY_POINTERS} spec's `lenArg` holds the struct's pointer and count offsets. */
export const ArrayPointersWord = {
  PTR_OFFSET: 16,
  COUNT_OFFSET: 24,
} as const;
/** A {@link CaptureKind.POINTEE} spec's selector argument bits when it has no selector. */
export const POINTEE_NO_SELECTOR = 0xf;
/** Where each field sits in a {@link CaptureKind.POINTEE} spec's `lenArg` word (bit shifts). */
export const PointeeWord = {
  PTR_OFFSET: 0,
  COUNT_OFFSET: 8,
  COUNT_SIZE: 16,
  SELECTOR: 20,
  ELEM_SIZE: 24,
} as const;
/**
 * Bits of a {@link CaptureKind.STRUCT_IF} spec's `lenArg` above the selector's argument index
 * (bits 0-7) that loosen the match, for ioctl request families whose number carries a length or
 * an index (evdev's EVIOCGBIT(ev, len), EVIOCGABS(abs)): the selector is compared under a mask.
 */
export const SelectorMatch = {
  /** The request is compared without its _IOC_SIZE bits (16-29). */
  ANY_IOC_SIZE: 0x100,
  /** Where a 4-bit count of low request bits (the number's index part) left out of the comparison sits. */
  LOW_BITS_SHIFT: 9,
} as const;
/** The selector bits a STRUCT_IF spec's `lenArg` compares (see {@link SelectorMatch}). */
export function selectorMask(lenArg: number): number {
  let mask = ~((1 << ((lenArg >>> SelectorMatch.LOW_BITS_SHIFT) & 0xf)) - 1);
  if (lenArg & SelectorMatch.ANY_IOC_SIZE) mask &= ~0x3fff0000;
  return mask >>> 0;
}
/** An {@link CaptureKind.FD_PATHS} spec with this `lenArg` reads exactly two fds (an int[2]). */
export const NO_LEN_ARG_FD_PAIR = 0xffffffff;
/**
 * An {@link CaptureKind.FD_PATHS} spec whose `lenArg` is this plus a selector argument in its low
 * 4 bits ({@link POINTEE_NO_SELECTOR} for none) describes one fd in a struct's field (seccomp's
 * srcfd, gpio's line request fd): `max >> 8` is the field's byte offset in the struct at
 * args[arg] (at most 65535), `max & 0xff` the {@link FdDecode} bits, and `size` the selector's
 * value (read only when the low 32 bits of that argument equal it, as {@link CaptureKind.POINTEE}).
 * Data as for an array of one.
 */
export const FD_FIELD_LEN_ARG = 0xfffffe00;
/**
 * An {@link CaptureKind.FD_PATH} spec whose `lenArg` is this plus the {@link FdDecode} bits in
 * bits 4–7 and a selector argument in its low 4 bits describes args[arg] only when the low 32 bits
 * of that argument equal `size` (an ioctl request whose argument is an fd: NBD_SET_SOCK).
 */
export const FD_SELECTED_LEN_ARG = 0xfffffd00;
/** An {@link CaptureKind.FD_PATHS} spec with this `lenArg` reads one fd (a struct's fd field). */
export const NO_LEN_ARG_FD_ONE = 0xfffffffe;
/**
 * An {@link CaptureKind.FD_PATHS} spec with this `lenArg` describes every fd the thread has open
 * (at most `max`, from /proc): for -y on fds inside payloads (SCM_RIGHTS, an AF_XDP address, a
 * netlink attribute), which strace looks up as it prints them.
 */
export const NO_LEN_ARG_ALL_FDS = 0xfffffffd;
/** A {@link CaptureKind.FD_PATH} capture with this `arg` describes the return value (exit only). */
export const FD_RETURN_ARG = 6;
/**
 * A pid's type code in a {@link CaptureKind.PID} spec and capture (strace's PT_*; TID..SID equal
 * the kernel's PIDTYPE_* values, which {@link PidTypeCode.BY_ARG3} reads from argument 3, 0-based;
 * {@link PidTypeCode.BY_TYPE_FIELD} from the i32 before a struct's pid field: F_OWNER_TID, _PID, _PGRP).
 */
export const PidTypeCode = {
  TID: 0,
  TGID: 1,
  PGID: 2,
  SID: 3,
  TGID_PGID: 4,
  BY_ARG3: 5,
  BY_TYPE_FIELD: 6,
} as const;
/** What a {@link CaptureKind.PID} capture resolves (its spec's bits). */
export const PidDecode = {
  /** --pidns-translation: the id in the tracer's PID namespace. */
  NS: 1,
  /** --decode-pids=comm: the thread's name (tid and tgid only). */
  COMM: 2,
} as const;
/** Offsets inside a {@link CaptureKind.PID} capture's data. */
export const PidCaptureBody = {
  /** i32: the value as the tracee sees it. */
  value: 0,
  /** i32: the same id in the tracer's PID namespace (a process group's or session's for those types); 0: not found. */
  translated: 4,
  /** u8: the {@link PidTypeCode} it was resolved as (BY_ARG3 and TGID_PGID resolved to the actual one). */
  type: 8,
  /** u8: zero. */
  reserved: 9,
  /** u16: bytes of comm that follow (0: none). */
  commLength: 10,
  /** u32: zero. */
  reserved2: 12,
  /** Fixed part length; the comm (at most 16 bytes, no NUL) follows. */
  length: 16,
} as const;
/** Bits in a {@link CaptureKind.FD_PATH} spec's `size`. */
export const FdDecode = {
  /** -yy: socket details (sock_diag), device numbers, pidfd pids. */
  DETAILS: 1,
  /** A dirfd: AT_FDCWD (-100) names the current directory. */
  DIRFD: 2,
  /**
   * A netlink socket's details (`NETLINK:[ROUTE:1234]`, as {@link FdDecode.DETAILS} gives them)
   * even without DETAILS, for a netlink socket only: the decoder learns the protocol its payload
   * is in, as strace does. When found, the captures after this one in the same stop read up to
   * {@link NETLINK_CAPTURE_MAX} bytes (strace decodes every message, not -s bytes), and a
   * BUFFER_ARG_LEN/BUFFER_RET_LEN capture among them keeps what it could read of a buffer that
   * runs into unreadable memory (TRUNCATED with fewer bytes than asked), since strace decodes the
   * messages up to there.
   */
  NETLINK: 4,
  /**
   * The fd is not the tracee's own but one of the process the pidfd in args[0] names
   * (pidfd_getfd's targetfd): native finds that process in the pidfd's /proc fdinfo and reads the
   * fd there. FAULT when the pidfd names no process (strace then prints the bare number).
   */
  OF_PIDFD: 8,
} as const;
/** Most bytes a capture reads after an {@link FdDecode.NETLINK} capture found a netlink socket. */
export const NETLINK_CAPTURE_MAX = 1 << 20;
/** How a {@link CaptureKind.FD_PATH} capture prints after `N<` … `>`. */
export const FdPathForm = {
  /** The path, quoted as strace quotes paths. */
  PATH: 0,
  /** The detail text verbatim instead of the path (`TCP:[1.2.3.4:5->6.7.8.9:10]`, `pid:42`). */
  DETAIL: 1,
  /** The quoted path, then `<detail>` (`/dev/null<char 1:3>`). */
  DEVICE: 2,
  /**
   * A bit or'ed into the form: the file was deleted, and the path is the link's text without the
   * kernel's " (deleted)" (strace prints `<path>(deleted)`).
   */
  DELETED: 0x100,
} as const;
/**
 * Control-message bytes an {@link CaptureKind.MSGHDR} capture reads when net.core.optmem_max (the
 * kernel's limit, strace's cap) cannot be read.
 */
export const MSG_CONTROL_MAX = 4096;
/** Most control-message bytes an {@link CaptureKind.MSGHDR} capture reads, whatever optmem_max says. */
export const MSG_CONTROL_CEILING = 1 << 20;
/** Largest stack offset a {@link CaptureKind.STACK} capture may name. */
export const STACK_OFFSET_MAX = 0xffff;
/** A capture kind code: one of the {@link CaptureKind} values. */
export type CaptureKind = (typeof CaptureKind)[keyof typeof CaptureKind];

/** Outcome of one capture. */
export const CaptureStatus = {
  OK: 0,
  /** The memory could not be read (EFAULT/EIO): decoders print the bare address, as strace does. */
  FAULT: 1,
  /** Read succeeded but more data existed past `max`: decoders print "..." after it. */
  TRUNCATED: 2,
  /**
   * The read ran into an unreadable page: the data holds the bytes before it (at least one). A
   * decoder that needs no more than those prints them (strace reads only what it prints: a
   * sockaddr's length, not the 128 bytes captured); otherwise it prints the bare address, and
   * strace's `umoven: short read` / `umovestr: short read` warning where strace gives one.
   * Top-level STRUCT, STRUCT_IF, CSTRING, BUFFER_ARG_LEN, BUFFER_RET_LEN and ARRAY captures only.
   */
  PARTIAL: 3,
} as const;
/** A capture status code: one of the {@link CaptureStatus} values. */
export type CaptureStatus = (typeof CaptureStatus)[keyof typeof CaptureStatus];

/** When a capture is taken. Exit captures are taken only when the syscall succeeded. */
export const CaptureWhen = { ENTRY: 1, EXIT: 2 } as const;
/** When a capture is taken: one of the {@link CaptureWhen} values. */
export type CaptureWhen = (typeof CaptureWhen)[keyof typeof CaptureWhen];

/** Linux AUDIT_ARCH_* values recorded with each syscall stop. */
export const AuditArch = {
  x86_64: 0xc000003e,
  i386: 0x40000003,
  aarch64: 0xc00000b7,
  arm: 0x40000028,
  riscv64: 0xc00000f3,
} as const;

/** Bits of an {@link InjectEntry}'s flags word (strace's INJECT_F_*). */
export const InjectFlags = {
  SIGNAL: 1,
  ERROR: 2,
  RETVAL: 4,
  DELAY_ENTER: 8,
  DELAY_EXIT: 16,
  SYSCALL: 32,
  /** poke_enter= / poke_exit=: the row has pokes ({@link InjectPoke}) of that moment. */
  POKE_ENTER: 64,
  POKE_EXIT: 128,
} as const;

/**
 * The injection table core compiles (compileInjectTable), u32 words: this header, then `rows`
 * {@link InjectEntry} rows, then the pokes' area the rows point into.
 */
export const InjectTable = {
  /** Number of {@link InjectEntry} rows after the header. */
  rows: 0,
  /** Header length in words. */
  length: 1,
} as const;

/**
 * One row of the injection table core compiles from `-e inject=`/`-e fault=` (compileInjectTable)
 * and the native tracer applies: u32 word indexes. 64-bit values are split low word first.
 */
export const InjectEntry = {
  /** The syscall number the row applies to. */
  nr: 0,
  /** {@link InjectFlags} bits. */
  flags: 1,
  /** when=: first matching call (1-based), last (0xffff: no last), step (0: the first only). */
  first: 2,
  last: 3,
  step: 4,
  /** error=: a positive errno. */
  error: 5,
  /** retval=: the 64-bit value returned. */
  retvalLo: 6,
  retvalHi: 7,
  /** signal=: the signal delivered at entry. */
  signo: 8,
  /** syscall=: the syscall run instead, or 0xffffffff (-1: the kernel skips the call). */
  syscall: 9,
  /** delay_enter= / delay_exit= in nanoseconds. */
  delayEnterLo: 10,
  delayEnterHi: 11,
  delayExitLo: 12,
  delayExitHi: 13,
  /** Word index (from the table's start) of the row's first {@link InjectPoke}; 0: none. */
  pokes: 14,
  /** How many pokes follow one another there. */
  pokeCount: 15,
  /** Words per row. */
  length: 16,
} as const;

/**
 * One `@argN=HEX` of poke_enter=/poke_exit= in the pokes' area (u32 word indexes): this fixed
 * part, then the bytes to write (padded to a word), then the note (padded to a word). A poke
 * with a note is refused at each due call: native says `Failed to tamper with process PID:`
 * and the note (strace's words for an argument the syscall does not have).
 */
export const InjectPoke = {
  /** The argument (1-based) that holds the tracee address to write at. */
  arg: 0,
  /** {@link CaptureWhen}: ENTRY (poke_enter=) or EXIT (poke_exit=). */
  when: 1,
  /** Bytes to write (1..1024). */
  bytes: 2,
  /** Bytes of UTF-8 note (0: the poke is carried out). */
  noteBytes: 3,
  /** Fixed part length in words; the data follows. */
  length: 4,
} as const;
