/**
 * A pointer inside a struct argument whose offsets are written by hand (a union's anonymous
 * members, bpf(2)'s union bpf_attr; a struct the kernel's BTF lacks, SG_IO's sg_io_hdr): which
 * field, what counts its elements, how much is read and when. Each user's test checks its
 * offsets against the uapi header, compiled with offsetof; attr-pointer-plan.ts turns one into
 * POINTEE (and POINTEE_EACH) captures.
 */

/** A pointer field of a struct argument and how much of what it points at strace reads. */
export interface AttrPointer {
  readonly field: string;
  readonly offset: number;
  /**
   * The field counting the elements pointed at (log_size, btf_size, info_len), a u32 unless
   * `size` says 2 or 8 bytes; absent: none, `max` bytes are read.
   */
  readonly count?: { readonly field: string; readonly offset: number; readonly size?: 2 | 4 | 8 };
  /**
   * Most bytes read: `strsize` (printstr: -s bytes and one more), `path` (printpath: PATH_MAX),
   * or a number (a struct the kernel fills, at most a page).
   */
  readonly max: "strsize" | "path" | number;
  /** Never more than this many, whatever -s says (RAW_TRACEPOINT_OPEN's name: 128). */
  readonly cap?: number;
  /** Bytes per counted element (eBPF instructions: 8); 1 when absent. */
  readonly elemSize?: number;
  /** Read only under -v (what strace prints only then: a program's instructions). */
  readonly verboseOnly?: boolean;
  /** Read at entry (the caller's) or at exit (what the kernel wrote); both: both. */
  readonly when: "entry" | "exit" | "both";
  /**
   * The elements hold pointers themselves, each followed too (CaptureKind.POINTEE_EACH): the
   * pointer `ptrOffset` bytes into an element, the byte count `count.size` bytes at
   * `count.offset` in it (an iovec's iov_len; absent: `max` bytes), at most `max` bytes of what
   * it points at (`strsize`: what printstr prints, -s bytes and one more).
   */
  readonly each?: {
    readonly ptrOffset: number;
    readonly count?: { readonly offset: number; readonly size: 2 | 4 | 8 };
    readonly max: "strsize" | number;
  };
}
