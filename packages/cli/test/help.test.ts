import { describe, expect, it } from "vitest";
import { helpText, renderEntry } from "../src/help.js";
import { OPTION_TABLE } from "../src/option-table.js";

describe("--help from the option table", () => {
  it("names every option the parser accepts, or says in `values` which option it aliases", () => {
    for (const row of OPTION_TABLE) {
      if (row.help.length === 0) {
        expect(row.values, `${row.long ?? row.short} has neither help nor values`).toMatch(/alias|`-/);
        continue;
      }
      if (row.short) expect(helpText(), `-${row.short}`).toContain(`-${row.short}`);
      if (row.long) expect(helpText(), `--${row.long}`).toMatch(new RegExp(`--${row.long}\\b`));
    }
  });
  it("documents every option that takes a value with its values and every option with an example", () => {
    for (const row of OPTION_TABLE) {
      if (row.arg !== "none") expect(row.values, row.key).toBeTruthy();
      expect(row.example, row.key).toMatch(/^tstrace /);
    }
  });
  it("lays entries out as strace does: text at column 17, long spellings on a line of their own", () => {
    expect(renderEntry({ usage: "-h, --help", text: ["print help message"] })).toBe(
      "  -h, --help     print help message\n",
    );
    expect(renderEntry({ usage: "--kill-on-exit", text: ["kill"] })).toBe("  --kill-on-exit kill\n");
    expect(
      renderEntry({ usage: "-T, --syscall-times", text: ["a", "b"], details: [["precision", ["s, ms"]]] }),
    ).toBe(`  -T, --syscall-times\n${" ".repeat(17)}a\n${" ".repeat(17)}b\n     precision:  s, ms\n`);
  });
});
