// strace's print_injected_note from an exit record's flags (-e inject=: a result put there, argument
// memory a poke_enter=/poke_exit= wrote, a delay), in text and in --json, which renders back to the
// same line; and getcwd's path when a poke left no NUL within the returned length (printpathn).
import { RecordHeader, SyscallExitFlags } from "@tstrace/core";
import { describe, expect, it } from "vitest";
import { createDecoderSync, type JsonEvent, TextRenderer } from "../dist/index.js";
import { nr } from "./helpers/nr.js";
import { bufRet, concat, cstr, enter, exit } from "./helpers/records.js";

/** The record with its header flags set. */
function flagged(rec: Uint8Array, flags: number): Uint8Array {
  new DataView(rec.buffer, rec.byteOffset).setUint16(RecordHeader.flags, flags, true);
  return rec;
}

const chdir = (flags: number, rval: number): Uint8Array =>
  concat(enter(5, nr("chdir"), [0x1000], [cstr(0, "/tmp")]), flagged(exit(5, nr("chdir"), rval), flags));

/** strace's padding to the result column, left out. */
const unpad = (line: string): string => line.replace(/\) +=/, ") =");

function lines(batch: Uint8Array): { text: string; rendered: string; events: JsonEvent[] } {
  const text = unpad(createDecoderSync({}).decodeToString(batch));
  const json = createDecoderSync({ json: true }).decodeToString(batch);
  const events = json
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as JsonEvent);
  const r = new TextRenderer({});
  return { text, rendered: unpad(events.map((e) => r.render(e, "none")).join("")), events };
}

describe("tampering notes", () => {
  const { POKED, INJECTED, DELAYED } = SyscallExitFlags;
  for (const [flags, rval, note] of [
    [POKED, 0, " (INJECTED: args)"],
    [POKED | INJECTED, -1, " (INJECTED: args, retval)"],
    [INJECTED, -1, " (INJECTED)"],
    [POKED | DELAYED, 0, " (INJECTED: args) (DELAYED)"],
  ] as const) {
    it(`flags ${flags} end the line in${note}`, () => {
      const { text, rendered, events } = lines(chdir(flags, rval));
      const result = rval === 0 ? "0" : "-1 EPERM (Operation not permitted)";
      expect(text).toBe(`chdir("/tmp") = ${result}${note}\n`);
      expect(rendered).toBe(text);
      const call = events[0] as { injected?: true; injected_args?: true };
      expect(call.injected_args).toBe((flags & POKED) !== 0 ? true : undefined);
      expect(call.injected).toBe((flags & INJECTED) !== 0 ? true : undefined);
    });
  }
});

describe("getcwd's path (printpathn with the returned length less one)", () => {
  const getcwd = (buf: string, rval: number): string =>
    unpad(
      createDecoderSync({}).decodeToString(
        concat(enter(5, nr("getcwd"), [0x1000, 64]), exit(5, nr("getcwd"), rval, [bufRet(0, buf)])),
      ),
    );
  it("ends at a NUL within the length", () => {
    expect(getcwd("/tmp\0", 5)).toBe('getcwd("/tmp", 64) = 5\n');
    expect(getcwd("/x\0mp\0", 6)).toBe('getcwd("/x", 64) = 6\n');
  });
  it("prints length - 1 bytes and ... without one", () => {
    expect(getcwd("Strac", 5)).toBe('getcwd("Stra"..., 64) = 5\n');
  });
});
