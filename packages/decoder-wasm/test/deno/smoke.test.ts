// Deno smoke test: the built package loads without Node built-ins and decodes a record.
import { createDecoder, init, quoteString } from "../../dist/index.js";

declare const Deno: { test(name: string, fn: () => Promise<void> | void): void };

function assertEquals(actual: unknown, expected: unknown): void {
  if (actual !== expected)
    throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

function closeRecords(): Uint8Array {
  const out = new Uint8Array(104 + 48);
  const v = new DataView(out.buffer);
  v.setUint32(0, 104, true);
  v.setUint16(4, 1, true);
  v.setUint32(8, 7, true);
  v.setUint32(24, 0xc000003e, true);
  v.setUint32(28, 3, true); // close
  v.setBigUint64(32, 3n, true);
  v.setUint32(104, 48, true);
  v.setUint16(108, 2, true);
  v.setUint32(112, 7, true);
  v.setUint32(128, 0xc000003e, true);
  v.setUint32(132, 3, true);
  return out;
}

Deno.test("decodes close(3) = 0", async () => {
  const d = await createDecoder();
  assertEquals(d.decodeToString(closeRecords()), "close(3)                                = 0\n");
});

Deno.test("quotes bytes like strace", async () => {
  await init();
  assertEquals(quoteString(new Uint8Array([1, 10, 9, 0x22, 0x5c, 0xff, 0x78])), '"\\1\\n\\t\\"\\\\\\377x"');
});
