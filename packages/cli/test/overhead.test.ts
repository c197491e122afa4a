// -O OVERHEAD[UNIT]: strace 6.1's parse_ts reads a bare number as microseconds (`-O1` is 1 µs,
// so `-cw -O1 sleep 1` still shows about a second for nanosleep).
import { describe, expect, it } from "vitest";
import { parseOverhead } from "../src/stats/overhead.js";

describe("parseOverhead", () => {
  it("takes a bare number as microseconds, and s/ms/us/ns suffixes", () => {
    expect(parseOverhead("1")).toBe(1_000);
    expect(parseOverhead("2.5")).toBe(2_500);
    expect(parseOverhead("1s")).toBe(1_000_000_000);
    expect(parseOverhead("3ms")).toBe(3_000_000);
    expect(parseOverhead("1.5us")).toBe(1_500);
    expect(parseOverhead("7ns")).toBe(7);
    expect(parseOverhead("1e3")).toBe(1_000_000);
  });
  it("refuses what strace refuses", () => {
    for (const bad of ["", "abc", "-1", "1h", "us"])
      expect(() => parseOverhead(bad), bad).toThrow(/invalid -O argument/);
  });
});
