/**
 * One capture of a capture plan, with a named field for each thing a kind needs, and the one table
 * that puts those fields into the plan's four words per spec (and reads them back). The words are
 * the contract with native (record_format_gen.h, capture_plan.cc): word 0 holds arg | kind << 8 |
 * when << 16; words 1–3 are, per kind, what {@link SPEC_WORDS} says.
 */
import {
  CaptureKind,
  type CaptureWhen,
  FD_FIELD_LEN_ARG,
  FD_SELECTED_LEN_ARG,
  NO_LEN_ARG_ALL_FDS,
  NO_LEN_ARG_FD_ONE,
  NO_LEN_ARG_FD_PAIR,
  POINTEE_NO_SELECTOR,
  SelectorMatch,
  PointeeWord as W,
} from "./record-format.js";

/** Marks an unused word 1 (a kind that names no second argument). */
export const NO_LEN_ARG = 0xffffffff;

interface Base {
  /** Argument index 0–5 (FD_PATH: 6 for the return value). */
  readonly arg: number;
  /** A {@link CaptureWhen}. */
  readonly when: CaptureWhen;
}

/** A capture spec: which memory native reads for one argument, and when. */
export type CaptureSpec =
  /** A NUL-terminated string of at most `max` bytes. */
  | (Base & { readonly kind: typeof CaptureKind.CSTRING; readonly max: number })
  /** `args[lenArg]` bytes (after `head` header bytes, when given), at most `max`. */
  | (Base & {
      readonly kind: typeof CaptureKind.BUFFER_ARG_LEN;
      readonly lenArg: number;
      readonly head?: number;
      readonly max: number;
    })
  /** Return-value bytes (exit only), at most `max`. */
  | (Base & { readonly kind: typeof CaptureKind.BUFFER_RET_LEN; readonly max: number })
  /** A struct of `size` bytes. */
  | (Base & { readonly kind: typeof CaptureKind.STRUCT; readonly size: number })
  /** argv/envp: at most `strings` strings of at most `max` bytes each (0: only the count). */
  | (Base & {
      readonly kind: typeof CaptureKind.STRING_ARRAY;
      readonly strings: number;
      readonly max: number;
    })
  /** `args[countArg]` iovecs and their data, at most `max` bytes of data in all. */
  | (Base & { readonly kind: typeof CaptureKind.IOVEC; readonly countArg: number; readonly max: number })
  /** `args[countArg]` elements of `elementSize` bytes, at most `max` bytes. */
  | (Base & {
      readonly kind: typeof CaptureKind.ARRAY;
      readonly countArg: number;
      readonly elementSize: number;
      readonly max: number;
    })
  /** `size` bytes at the stack pointer plus `offset` (`arg` only labels the capture). */
  | (Base & { readonly kind: typeof CaptureKind.STACK; readonly offset: number; readonly size: number })
  /**
   * What an fd names; `decode` holds {@link FdDecode} bits; the path is at most `max` bytes. With a
   * selector, only when the low 32 bits of args[selectorArg] equal `selectorValue`.
   */
  | (Base & {
      readonly kind: typeof CaptureKind.FD_PATH;
      readonly decode: number;
      readonly max: number;
      readonly selectorArg?: number;
      readonly selectorValue?: number;
    })
  /**
   * What each fd of an array names: elements `stride` bytes apart, the first fd `offset` bytes in
   * (default 0); `args[countArg]` of them, two for `countArg` "pair", one for "one" (a struct's fd
   * field), or every open fd for "all"; at most `max` elements.
   */
  | (Base & {
      readonly kind: typeof CaptureKind.FD_PATHS;
      readonly countArg: number | "pair" | "one" | "all";
      readonly stride: number;
      readonly offset?: number;
      readonly decode: number;
      readonly max: number;
    })
  /**
   * What the fd in a struct's field names: the int `offset` bytes into the struct at args[arg];
   * with a selector, only when the low 32 bits of args[selectorArg] equal `selectorValue`.
   */
  | (Base & {
      readonly kind: typeof CaptureKind.FD_PATHS;
      readonly countArg: "field";
      readonly offset: number;
      readonly decode: number;
      readonly selectorArg?: number;
      readonly selectorValue?: number;
    })
  /** An fd_set of `args[nfdsArg]` bits, at most `max` bytes. */
  | (Base & { readonly kind: typeof CaptureKind.FDSET; readonly nfdsArg: number; readonly max: number })
  /** A msghdr and its pointees, iovec data at most `max` bytes. */
  | (Base & { readonly kind: typeof CaptureKind.MSGHDR; readonly max: number })
  /** A struct of `size` bytes whose first field points at `pointee` bytes. */
  | (Base & { readonly kind: typeof CaptureKind.INDIRECT; readonly size: number; readonly pointee: number })
  /**
   * `args[countArg]` mmsghdrs, each one's iovec data at most `max` bytes and, with `capAtMsgLen`
   * (recvmmsg at exit), at most its msg_len.
   */
  | (Base & {
      readonly kind: typeof CaptureKind.MMSGHDR;
      readonly countArg: number;
      readonly capAtMsgLen: boolean;
      readonly max: number;
    })
  /**
   * A struct of `size` bytes, read only when the low 32 bits of `args[selectorArg]` equal
   * `selectorValue`; with `anyIocSize` and `lowBits`, compared without the request's _IOC_SIZE bits
   * and its `lowBits` lowest bits (a family of ioctl requests, record-format.ts's SelectorMatch).
   */
  | (Base & {
      readonly kind: typeof CaptureKind.STRUCT_IF;
      readonly selectorArg: number;
      readonly selectorValue: number;
      readonly size: number;
      readonly anyIocSize?: boolean;
      readonly lowBits?: number;
    })
  /**
   * What the pointer `ptrOffset` bytes into the struct at args[arg] points at: `countSize` bytes at
   * `countOffset` hold an element count (0: no count, `max` bytes are read), elements are
   * `elemSize` bytes, at most `max` bytes; with a selector, only when the low 32 bits of
   * args[selectorArg] equal `selectorValue`.
   */
  | (Base & {
      readonly kind: typeof CaptureKind.POINTEE;
      readonly ptrOffset: number;
      readonly countOffset: number;
      readonly countSize: 0 | 2 | 4 | 8;
      readonly elemSize: number;
      readonly selectorArg?: number;
      readonly selectorValue?: number;
      readonly max: number;
    })
  /**
   * For each element the {@link CaptureKind.POINTEE} just before it read: what the pointer
   * `ptrOffset` bytes into the element points at, `countSize` bytes at `countOffset` in the
   * element holding its byte count; at most `max` bytes per element.
   */
  | (Base & {
      readonly kind: typeof CaptureKind.POINTEE_EACH;
      readonly ptrOffset: number;
      readonly countOffset: number;
      readonly countSize: 0 | 2 | 4 | 8;
      readonly selectorArg?: number;
      readonly selectorValue?: number;
      readonly max: number;
    })
  /**
   * A pid value resolved at the stop: args[arg] (the return value for arg 6), or the i32 at
   * args[arg] + `offset` when given; `pidType` a {@link PidTypeCode}, `decode` {@link PidDecode}
   * bits. With `selectorArg`, taken only when the low 32 bits of args[selectorArg] equal
   * `selectorValue` (fcntl's F_SETOWN).
   */
  | (Base & {
      readonly kind: typeof CaptureKind.PID;
      readonly pidType: number;
      readonly decode: number;
      readonly offset?: number;
      readonly selectorArg?: number;
      readonly selectorValue?: number;
    });

/** Words 1, 2 and 3 of one kind's spec, and the named fields they come back as. */
interface Words<S> {
  readonly encode: (s: S) => readonly [number, number, number];
  readonly decode: (w1: number, w2: number, w3: number) => Omit<S, "arg" | "when" | "kind">;
}
type Of<K extends CaptureKind> = Extract<CaptureSpec, { kind: K }>;

/** Per kind, which named field goes into which plan word. The only place the words get meaning. */
export const SPEC_WORDS: { readonly [K in CaptureKind]: Words<Of<K>> } = {
  [CaptureKind.CSTRING]: { encode: (s) => [NO_LEN_ARG, 0, s.max], decode: (_1, _2, max) => ({ max }) },
  [CaptureKind.BUFFER_ARG_LEN]: {
    encode: (s) => [s.lenArg, s.head ?? 0, s.max],
    decode: (lenArg, head, max) => (head ? { lenArg, head, max } : { lenArg, max }),
  },
  [CaptureKind.BUFFER_RET_LEN]: { encode: (s) => [NO_LEN_ARG, 0, s.max], decode: (_1, _2, max) => ({ max }) },
  [CaptureKind.STRUCT]: { encode: (s) => [NO_LEN_ARG, s.size, s.size], decode: (_1, size) => ({ size }) },
  [CaptureKind.STRING_ARRAY]: {
    encode: (s) => [NO_LEN_ARG, s.strings, s.max],
    decode: (_1, strings, max) => ({ strings, max }),
  },
  [CaptureKind.IOVEC]: {
    encode: (s) => [s.countArg, 0, s.max],
    decode: (countArg, _2, max) => ({ countArg, max }),
  },
  [CaptureKind.ARRAY]: {
    encode: (s) => [s.countArg, s.elementSize, s.max],
    decode: (countArg, elementSize, max) => ({ countArg, elementSize, max }),
  },
  [CaptureKind.STACK]: {
    encode: (s) => [s.offset, s.size, s.size],
    decode: (offset, size) => ({ offset, size }),
  },
  [CaptureKind.FD_PATH]: {
    encode: (s) =>
      s.selectorArg === undefined
        ? [NO_LEN_ARG, s.decode, s.max]
        : [
            (FD_SELECTED_LEN_ARG | (s.decode << 4) | s.selectorArg) >>> 0,
            (s.selectorValue ?? 0) >>> 0,
            s.max,
          ],
    decode: (w1, w2, max) =>
      w1 !== NO_LEN_ARG && (w1 & ~0xff) >>> 0 === FD_SELECTED_LEN_ARG
        ? { decode: (w1 >>> 4) & 0xf, max, selectorArg: w1 & 0xf, selectorValue: w2 }
        : { decode: w2, max },
  },
  [CaptureKind.FD_PATHS]: {
    encode: (s) =>
      s.countArg === "field"
        ? [
            (FD_FIELD_LEN_ARG | (s.selectorArg ?? POINTEE_NO_SELECTOR)) >>> 0,
            s.selectorArg === undefined ? 0 : (s.selectorValue ?? 0) >>> 0,
            s.decode | (s.offset << 8),
          ]
        : [
            s.countArg === "pair"
              ? NO_LEN_ARG_FD_PAIR
              : s.countArg === "one"
                ? NO_LEN_ARG_FD_ONE
                : s.countArg === "all"
                  ? NO_LEN_ARG_ALL_FDS
                  : s.countArg,
            (s.decode | (s.stride << 8) | ((s.offset ?? 0) << 20)) >>> 0,
            s.max,
          ],
    decode: (count, bits, max) => {
      if ((count & ~0xf) >>> 0 === FD_FIELD_LEN_ARG) {
        const selectorArg = count & 0xf;
        return {
          countArg: "field",
          offset: max >>> 8,
          decode: max & 0xff,
          ...(selectorArg === POINTEE_NO_SELECTOR ? {} : { selectorArg, selectorValue: bits }),
        };
      }
      return {
        countArg:
          count === NO_LEN_ARG_FD_PAIR
            ? "pair"
            : count === NO_LEN_ARG_FD_ONE
              ? "one"
              : count === NO_LEN_ARG_ALL_FDS
                ? "all"
                : count,
        stride: (bits >>> 8) & 0xfff,
        ...(bits >>> 20 ? { offset: bits >>> 20 } : {}),
        decode: bits & 0xff,
        max,
      };
    },
  },
  [CaptureKind.FDSET]: {
    encode: (s) => [s.nfdsArg, 0, s.max],
    decode: (nfdsArg, _2, max) => ({ nfdsArg, max }),
  },
  [CaptureKind.MSGHDR]: { encode: (s) => [NO_LEN_ARG, 0, s.max], decode: (_1, _2, max) => ({ max }) },
  [CaptureKind.INDIRECT]: {
    encode: (s) => [NO_LEN_ARG, s.size, s.pointee],
    decode: (_1, size, pointee) => ({ size, pointee }),
  },
  [CaptureKind.MMSGHDR]: {
    encode: (s) => [s.countArg, s.capAtMsgLen ? 1 : 0, s.max],
    decode: (countArg, cap, max) => ({ countArg, capAtMsgLen: cap === 1, max }),
  },
  [CaptureKind.STRUCT_IF]: {
    encode: (s) => [
      s.selectorArg |
        (s.anyIocSize ? SelectorMatch.ANY_IOC_SIZE : 0) |
        ((s.lowBits ?? 0) << SelectorMatch.LOW_BITS_SHIFT),
      s.selectorValue >>> 0,
      s.size,
    ],
    decode: (w1, selectorValue, size) => {
      const lowBits = (w1 >>> SelectorMatch.LOW_BITS_SHIFT) & 0xf;
      return {
        selectorArg: w1 & 0xff,
        selectorValue,
        size,
        ...(w1 & SelectorMatch.ANY_IOC_SIZE ? { anyIocSize: true } : {}),
        ...(lowBits ? { lowBits } : {}),
      };
    },
  },
  [CaptureKind.POINTEE]: {
    encode: (s) => [
      ((s.ptrOffset << W.PTR_OFFSET) |
        (s.countOffset << W.COUNT_OFFSET) |
        (s.countSize << W.COUNT_SIZE) |
        ((s.selectorArg ?? POINTEE_NO_SELECTOR) << W.SELECTOR) |
        (s.elemSize << W.ELEM_SIZE)) >>>
        0,
      s.selectorArg === undefined ? 0 : (s.selectorValue ?? 0) >>> 0,
      s.max,
    ],
    decode: (w1, selectorValue, max) => {
      const selectorArg = (w1 >>> W.SELECTOR) & 0xf;
      return {
        ptrOffset: (w1 >>> W.PTR_OFFSET) & 0xff,
        countOffset: (w1 >>> W.COUNT_OFFSET) & 0xff,
        countSize: ((w1 >>> W.COUNT_SIZE) & 0xf) as 0 | 2 | 4 | 8,
        elemSize: (w1 >>> W.ELEM_SIZE) & 0xff,
        ...(selectorArg === POINTEE_NO_SELECTOR ? {} : { selectorArg, selectorValue }),
        max,
      };
    },
  },
  [CaptureKind.POINTEE_EACH]: {
    encode: (s) => [
      ((s.ptrOffset << W.PTR_OFFSET) |
        (s.countOffset << W.COUNT_OFFSET) |
        (s.countSize << W.COUNT_SIZE) |
        ((s.selectorArg ?? POINTEE_NO_SELECTOR) << W.SELECTOR)) >>>
        0,
      s.selectorArg === undefined ? 0 : (s.selectorValue ?? 0) >>> 0,
      s.max,
    ],
    decode: (w1, selectorValue, max) => {
      const selectorArg = (w1 >>> W.SELECTOR) & 0xf;
      return {
        ptrOffset: (w1 >>> W.PTR_OFFSET) & 0xff,
        countOffset: (w1 >>> W.COUNT_OFFSET) & 0xff,
        countSize: ((w1 >>> W.COUNT_SIZE) & 0xf) as 0 | 2 | 4 | 8,
        ...(selectorArg === POINTEE_NO_SELECTOR ? {} : { selectorArg, selectorValue }),
        max,
      };
    },
  },
  // Word 3: the type in bits 0-7, the decode bits in 8-15, the memory offset plus one above (0: none).
  [CaptureKind.PID]: {
    encode: (s) => [
      s.selectorArg ?? NO_LEN_ARG,
      (s.selectorValue ?? 0) >>> 0,
      (s.pidType | (s.decode << 8) | (s.offset === undefined ? 0 : (s.offset + 1) * 0x10000)) >>> 0,
    ],
    decode: (selectorArg, selectorValue, w3) => ({
      pidType: w3 & 0xff,
      decode: (w3 >>> 8) & 0xff,
      ...(w3 >>> 16 ? { offset: (w3 >>> 16) - 1 } : {}),
      ...(selectorArg !== NO_LEN_ARG ? { selectorArg, selectorValue } : {}),
    }),
  },
};

/** The four plan words of `s`. */
export function encodeSpec(s: CaptureSpec): [number, number, number, number] {
  const words = (SPEC_WORDS[s.kind] as Words<CaptureSpec>).encode(s);
  return [s.arg | (s.kind << 8) | (s.when << 16), ...words];
}

/** The spec four plan words hold; throws on an unknown kind. */
export function decodeSpec(w0: number, w1: number, w2: number, w3: number): CaptureSpec {
  const kind = ((w0 >>> 8) & 0xff) as CaptureKind;
  const row = SPEC_WORDS[kind] as Words<CaptureSpec> | undefined;
  if (!row) throw new Error(`capture plan: unknown capture kind ${kind}`);
  return {
    arg: w0 & 0xff,
    kind,
    when: ((w0 >>> 16) & 0xff) as CaptureWhen,
    ...row.decode(w1, w2, w3),
  } as CaptureSpec;
}
