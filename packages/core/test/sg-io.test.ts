// ioctl SG_IO's pointer captures (data/sg-io.ts): the offsets and count sizes written there are
// the headers' (scsi/sg.h's struct sg_io_hdr, linux/bsg.h's struct sg_io_v4, compiled with
// offsetof), and the plan reads each buffer only for SG_IO, a scatter list's data right after it.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SG_IO_STRUCT_SIZE, sgIoPointers } from "../src/data/sg-io.js";
import {
  CaptureKind,
  CaptureWhen,
  compileCapturePlan,
  constTables,
  decodeCapturePlan,
  x86_64,
} from "../src/index.js";

/** The v3 struct's fields; the others are v4's (v3's dxferp and v4's request share 16 and 12). */
const V3 = new Set(["dxferp", "cmdp", "sbp", "dxfer_len", "iovec_count"]);

describe("SG_IO captures", () => {
  it.skipIf(!existsSync("/usr/include/scsi/sg.h") || !existsSync("/usr/include/linux/bsg.h"))(
    "name fields at the offsets and sizes the headers give them",
    () => {
      const fields = new Map<string, [number, number]>();
      for (const p of sgIoPointers) {
        fields.set(p.field, [p.offset, 8]);
        if (p.count) fields.set(p.count.field, [p.count.offset, p.count.size ?? 4]);
      }
      // v4's request, read by v3's dxferp capture
      fields.set("request", [16, 8]);
      fields.set("request_len", [12, 4]);
      const names = [...fields.keys()];
      const of = (n: string) => (V3.has(n) ? "struct sg_io_hdr" : "struct sg_io_v4");
      const dir = mkdtempSync(join(tmpdir(), "tstrace-sg-io-"));
      writeFileSync(
        join(dir, "off.c"),
        `#include <stddef.h>\n#include <stdio.h>\n#include <scsi/sg.h>\n#include <linux/bsg.h>\nint main(void) {\n${names
          .map((n) => `  printf("%zu %zu\\n", offsetof(${of(n)}, ${n}), sizeof(((${of(n)} *)0)->${n}));`)
          .join(
            "\n",
          )}\n  printf("%zu %zu\\n", sizeof(struct sg_io_hdr), sizeof(struct sg_io_v4));\n  return 0;\n}\n`,
      );
      execFileSync("gcc", ["-o", join(dir, "off"), join(dir, "off.c")]);
      const got = execFileSync(join(dir, "off"), { encoding: "utf8" }).trim().split("\n");
      const sizes = got.pop();
      expect(Object.fromEntries(names.map((n, i) => [n, got[i]]))).toEqual(
        Object.fromEntries([...fields].map(([n, [off, size]]) => [n, `${off} ${size}`])),
      );
      // the struct read is the larger, v4's
      expect(sizes).toBe(`88 ${SG_IO_STRUCT_SIZE}`);
    },
  );

  it("reads the buffers only for SG_IO, at entry and exit, each scatter list's data after it", () => {
    const nr = x86_64.syscalls.find((s) => s.name === "ioctl")?.nr ?? -1;
    const sgIo = constTables.find((t) => t.name === "ioctls")?.entries.find(([, n]) => n === "SG_IO")?.[0];
    const specs = (decodeCapturePlan(compileCapturePlan(x86_64, { strsize: 32 })).get(nr) ?? []).filter(
      (c) =>
        (c.kind === CaptureKind.POINTEE || c.kind === CaptureKind.POINTEE_EACH) &&
        "selectorValue" in c &&
        c.selectorValue === sgIo,
    );
    const entry = specs.filter((c) => c.when === CaptureWhen.ENTRY);
    expect(entry.map((c) => (c.kind === CaptureKind.POINTEE ? c.ptrOffset : "each"))).toEqual([
      16,
      16,
      "each",
      24,
      32,
      48,
      72,
      72,
      "each",
      80,
      80,
      "each",
    ]);
    expect(specs.filter((c) => c.when === CaptureWhen.EXIT)).toHaveLength(entry.length);
    // a buffer: -s bytes and one more; an iovec's data: iov_len of them, as many at most
    expect(entry[0]).toEqual(
      expect.objectContaining({ countOffset: 12, countSize: 4, elemSize: 1, max: 33 }),
    );
    expect(entry[2]).toEqual(
      expect.objectContaining({ ptrOffset: 0, countOffset: 8, countSize: 8, max: 33 }),
    );
  });
});
