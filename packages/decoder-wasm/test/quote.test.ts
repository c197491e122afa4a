// strace's string quoting. Every expected value is what strace 6.1 printed for a write(2) of the
// same bytes (python3 -c 'os.write(1, …)' under `strace -e trace=write`, with -x, -xx, -s as noted).
import { describe, expect, it } from "vitest";
import { quoteString } from "../dist/index.js";

const b = (...x: number[]): Uint8Array => new Uint8Array(x);
const s = (t: string): Uint8Array => new Uint8Array([...t].map((c) => c.charCodeAt(0)));
const q = async (bytes: Uint8Array, opts: Parameters<typeof quoteString>[1] = {}): Promise<string> =>
  quoteString(bytes, opts);

describe("string_quote, default style", () => {
  it.each([
    // write(1, "\1\n\t\"\\\377x", 7)
    [b(1, 10, 9, 0x22, 0x5c, 0xff, 0x78), '"\\1\\n\\t\\"\\\\\\377x"'],
    // write(1, "abc\0def", 7)
    [s("abc\0def"), '"abc\\0def"'],
    // write(1, "\0012", 2): the next byte is an octal digit, so three digits
    [b(1, 0x32), '"\\0012"'],
    // write(1, "\109", 2): 9 is not an octal digit
    [b(8, 0x39), '"\\109"'],
    [s("hello world"), '"hello world"'],
    // write(1, "a\200", 2)
    [b(0x61, 0x80), '"a\\200"'],
    // write(1, "\33[0m\n", 5)
    [s("\x1b[0m\n"), '"\\33[0m\\n"'],
    // write(1, "tab\there\r\v\f", 11)
    [s("tab\there\r\v\f"), '"tab\\there\\r\\v\\f"'],
    [new Uint8Array(0), '""'],
  ])("%s", async (bytes, want) => {
    expect(await q(bytes)).toBe(want);
  });

  it("cuts at -s with ... after the quote", async () => {
    // write(1, "\0\1\2\3\4\5\6\7\10\t\n\v\f\r\16\17\20\21\22\23\24\25\26\27\30\31\32\33\34\35\36\37"..., 40)
    const all = new Uint8Array(40).map((_, i) => i);
    expect(await q(all)).toBe(
      '"\\0\\1\\2\\3\\4\\5\\6\\7\\10\\t\\n\\v\\f\\r\\16\\17\\20\\21\\22\\23\\24\\25\\26\\27\\30\\31\\32\\33\\34\\35\\36\\37"...',
    );
    // write(1, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"..., 40)
    expect(await q(s("x".repeat(40)))).toBe(`"${"x".repeat(32)}"...`);
  });
});

describe("-x and -xx", () => {
  it.each([
    // strace -x: write(1, "\x01\x0a\x09\x22\x5c\xff\x78", 7): one non-printable byte makes it all hex
    [b(1, 10, 9, 0x22, 0x5c, 0xff, 0x78), 1, '"\\x01\\x0a\\x09\\x22\\x5c\\xff\\x78"'],
    // strace -x: write(1, "hello world", 11)
    [s("hello world"), 1, '"hello world"'],
    // strace -x: whitespace alone does not switch to hex: write(1, "tab\there\r\v\f", 11)
    [s("tab\there\r\v\f"), 1, '"tab\\there\\r\\v\\f"'],
    // strace -x: write(1, "\x61\x80", 2)
    [b(0x61, 0x80), 1, '"\\x61\\x80"'],
    // strace -xx: write(1, "\x01\x32", 2)
    [b(1, 0x32), 2, '"\\x01\\x32"'],
  ] as const)("%s with -x level %i", async (bytes, hex, want) => {
    expect(await q(bytes, { hex })).toBe(want);
  });

  it("-xx -s 8", async () => {
    // strace -xx -s 8: write(1, "\x68\x65\x6c\x6c\x6f\x20\x77\x6f"..., 11)
    expect(await q(s("hello world"), { hex: 2, strsize: 8 })).toBe(
      '"\\x68\\x65\\x6c\\x6c\\x6f\\x20\\x77\\x6f"...',
    );
  });
});

describe("NUL-terminated strings", () => {
  it("stops at the NUL", async () => {
    expect(await q(s("abc\0def"), { nulTerminated: true })).toBe('"abc"');
  });
  it("exactly -s bytes prints no ellipsis; one more does", async () => {
    // strace -s 8 on execve argv: "12345678" and "12345678"...
    expect(await q(s("12345678"), { strsize: 8, nulTerminated: true })).toBe('"12345678"');
    expect(await q(s("123456789"), { strsize: 8, nulTerminated: true })).toBe('"12345678"...');
  });
});

describe("plain runs, eight bytes at a time", () => {
  // The quoting loop copies eight plain bytes at once; whatever the mix and wherever an escape
  // falls in a word, it must print what quoting byte by byte prints (strace's string_quote, the
  // cases above checked against strace itself).
  const esc: Record<number, string> = {
    34: '\\"',
    92: "\\\\",
    12: "\\f",
    10: "\\n",
    13: "\\r",
    9: "\\t",
    11: "\\v",
  };
  const byteByByte = (bytes: Uint8Array, nul: boolean): string => {
    let out = '"';
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i] as number;
      if (nul && c === 0) return `${out}"`;
      const next = i + 1 < bytes.length ? (bytes[i + 1] as number) : 0;
      if (esc[c] !== undefined) out += esc[c];
      else if (c >= 0x20 && c < 0x7f) out += String.fromCharCode(c);
      else if (i + 1 < bytes.length && next >= 0x30 && next <= 0x37)
        out += `\\${c.toString(8).padStart(3, "0")}`;
      else out += `\\${c.toString(8)}`;
    }
    return `${out}"`;
  };
  it("agrees with byte-by-byte quoting on random mixes of plain and escaped bytes", async () => {
    let seed = 12345;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const specials = [0, 9, 10, 0x22, 0x5c, 0x7f, 0x80, 0xff, 0x1b, 0x31];
    for (let round = 0; round < 400; round++) {
      const len = rand(70);
      const bytes = new Uint8Array(len);
      const density = rand(5); // how often a byte is not plain
      for (let i = 0; i < len; i++)
        bytes[i] =
          round % 4 === 3
            ? rand(256) // every byte value: each has its own entry in the decoder's escape table
            : rand(8) < density
              ? (specials[rand(specials.length)] as number)
              : 0x20 + rand(0x5f);
      for (const nul of [false, true]) {
        const got = await q(bytes, { strsize: 4096, nulTerminated: nul });
        expect(got, `${[...bytes]} nul=${nul}`).toBe(byteByByte(bytes, nul));
      }
    }
  });
});
