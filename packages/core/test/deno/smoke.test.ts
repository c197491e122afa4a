// Deno smoke test of the built package: run `pnpm run build && pnpm run test:deno`.
import { compileCapturePlan, errnoMessage, signalName, syscallByName, x86_64 } from "../../dist/index.js";

function assertEquals(actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected))
    throw new Error(`expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

Deno.test("tables load under Deno", () => {
  assertEquals(syscallByName(x86_64, "openat")?.nr, 257);
  assertEquals(errnoMessage(2), "No such file or directory");
  assertEquals(signalName(17), "SIGCHLD");
});

Deno.test("capture plan compiles under Deno", () => {
  const plan = compileCapturePlan(x86_64, { strsize: 32 });
  assertEquals(plan[0], 0x54535043);
});

Deno.test("the x86_64 subpath entry loads on its own", async () => {
  const { x86_64: table, syscallByNr } = await import("../../dist/x86_64.js");
  assertEquals(syscallByNr(table, 257)?.name, "openat");
  assertEquals(syscallByNr(table, 0)?.args?.[0]?.kind, { k: "fd" });
});
